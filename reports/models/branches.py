"""The union organisation tree (工会组织): federations, grassroots unions and their sub-units."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Q, Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..choices import BranchKind, MemberStatus, Sector, UnitKind
from ..units import UnitWords, guess_unit_kind, words_for_unit
from .scoping import editable_q, visible_q

PATH_SEPARATOR = "/"

code_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]*$",
    "代码只能由小写字母、数字、连字符和下划线组成，并以字母或数字开头。",
    code="invalid_code",
)


class BranchQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(visible_q(user))

    def editable_by(self, user):
        return self.filter(editable_q(user))

    def subtree_of(self, branch: "Branch"):
        """The branch and every branch below it, at any depth: one indexed prefix match."""
        return self.filter(path__startswith=branch.path)

    def federations(self):
        return self.filter(kind=BranchKind.FEDERATION)

    def grassroots(self):
        return self.filter(kind=BranchKind.GRASSROOTS)


class Branch(models.Model):
    """A union organisation. The tree is kept as a materialized path of codes ("/county/school/")."""

    code = models.CharField(
        "代码",
        max_length=40,
        unique=True,
        validators=[code_validator],
        help_text="简短的英文代码，用于网址和命令行，例如 school。建立后尽量不要修改。",
    )
    name = models.CharField(
        "全称", max_length=100, help_text="工会组织的全称，例如：示范县自来水公司工会委员会。"
    )
    short_name = models.CharField(
        "简称", max_length=40, blank=True, help_text="页面和表格中显示的简称，例如：自来水公司工会。"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="上级工会",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="直接上级工会组织；最高一级的总工会留空。",
    )
    kind = models.CharField(
        "类型",
        max_length=20,
        choices=BranchKind.choices,
        default=BranchKind.GRASSROOTS,
        help_text="总工会（含市、县区、街道各级）、基层工会或分工会/工会小组。",
    )
    sector = models.CharField(
        "行业",
        max_length=20,
        choices=Sector.choices,
        default=Sector.OTHER,
        help_text="所在单位的性质，用于选择报告的标准措辞。",
    )
    unit_kind = models.CharField(
        "单位类型",
        max_length=20,
        choices=UnitKind.choices,
        blank=True,
        default="",
        db_default="",
        help_text="单位如何称呼自己：学校说“本校”，幼儿园说“本园”，医院说“本院”。"
        "留空时按名称和行业自动确定（名称含“幼儿园”即为幼儿园）。",
    )
    party_organisation = models.CharField(
        "上级党组织名称",
        max_length=100,
        blank=True,
        default="",
        db_default="",
        help_text="领导本工会的党组织，例如：中共示范县实验小学支部委员会。"
        "留空时报告中按单位类型写作“校党支部”“公司党委”等。",
    )
    founded_on = models.DateField("成立日期", null=True, blank=True, help_text="工会组织成立的日期。")
    address = models.CharField("地址", max_length=200, blank=True, help_text="工会办公地址。")
    phone = models.CharField("联系电话", max_length=30, blank=True, help_text="工会办公室联系电话。")
    workforce = models.PositiveIntegerField(
        "职工总数", default=0, help_text="单位在岗职工总数，用于计算入会率。"
    )
    path = models.CharField(
        "路径",
        max_length=500,
        editable=False,
        db_index=False,
        help_text="由各级代码组成的树路径，系统自动维护，用于快速查询下级组织。",
    )
    depth = models.PositiveSmallIntegerField("层级", default=0, editable=False, help_text="根节点为 0。")
    # The reporting board expects no document that was due before the union was in the system.
    created_at = models.DateTimeField(
        "纳入系统时间",
        default=timezone.now,
        help_text="工会组织录入本系统的时间。报送截止日在此之前的计划和总结不要求报送，报送情况中显示为“未纳入”。",
    )

    objects = BranchQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["path", "depth"])

    class Meta:
        verbose_name = "工会组织"
        verbose_name_plural = "工会组织"
        ordering = ["path"]
        indexes = [
            # varchar_pattern_ops lets PostgreSQL answer `path LIKE 'x/%'` from the index in any
            # collation; other databases ignore opclasses.
            models.Index(fields=["path"], name="branch_path_prefix", opclasses=["varchar_pattern_ops"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["path"], name="branch_path_unique"),
            models.CheckConstraint(
                condition=~Q(kind=BranchKind.SUBUNIT) | Q(parent__isnull=False),
                name="branch_subunit_has_parent",
                violation_error_message="分工会/工会小组必须有上级工会。",
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def is_federation(self) -> bool:
        return self.kind == BranchKind.FEDERATION

    @property
    def resolved_unit_kind(self) -> str:
        """The unit kind as set, or as the name and sector suggest for a branch never given one."""
        return self.unit_kind or guess_unit_kind(self.name, self.sector)

    def unit_words(self) -> UnitWords:
        """How this unit calls itself and its staff, and the party organisation that leads it."""
        words = words_for_unit(self.resolved_unit_kind, self.name)
        if self.party_organisation.strip():
            words = UnitWords(words.kind, words.self_reference, words.staff, self.party_organisation.strip())
        return words

    def computed_path(self) -> str:
        parent_path = self.parent.path if self.parent_id else PATH_SEPARATOR
        return f"{parent_path}{self.code}{PATH_SEPARATOR}"

    def clean(self):
        super().clean()
        if self.parent_id and self.pk:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": "上级工会不能是它自己。"}, code="parent_cycle")
            if self.path and self.parent.path.startswith(self.path):
                raise ValidationError(
                    {"parent": "上级工会不能是它自己的下级组织。"}, code="parent_cycle"
                )
        self.clean_workforce()

    def clean_workforce(self):
        """The workforce counts every employee, members or not, so it is never below the members
        on the register: the join rate (members / workforce) would read above 100%. 0 means the
        figure has not been entered, and reports then leave the join rate out."""
        if not self.pk or not self.workforce:
            return
        registered = self.member_set.filter(status=MemberStatus.ACTIVE).count()
        if self.workforce < registered:
            raise ValidationError(
                {"workforce": f"职工总数（{self.workforce}）不能少于在册会员人数（{registered}）。"
                 "职工总数是单位全部在岗职工（含非会员），请核对后重新填写。"},
                code="workforce_below_members",
            )

    def save(self, *args, **kwargs):
        # The path is derived data kept beside the parent link so that subtree reads stay one
        # indexed query; when it changes, every descendant's path moves with it in one UPDATE.
        if not self.unit_kind:
            self.unit_kind = guess_unit_kind(self.name, self.sector)
        old_path = None
        if self.pk:
            old_path = type(self).objects.filter(pk=self.pk).values_list("path", flat=True).first()
        self.path = self.computed_path()
        self.depth = self.path.count(PATH_SEPARATOR) - 2
        with transaction.atomic():
            super().save(*args, **kwargs)
            if old_path and old_path != self.path:
                type(self).objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                    path=Concat(Value(self.path), Substr("path", len(old_path) + 1)),
                )
                self._refresh_descendant_depths()

    def _refresh_descendant_depths(self):
        for branch in type(self).objects.subtree_of(self).exclude(pk=self.pk).only("pk", "path"):
            type(self).objects.filter(pk=branch.pk).update(depth=branch.path.count(PATH_SEPARATOR) - 2)

    def ancestors(self):
        """The branches above this one, from the root down (one query)."""
        codes = [c for c in self.path.split(PATH_SEPARATOR) if c][:-1]
        by_code = {b.code: b for b in type(self).objects.filter(code__in=codes)}
        return [by_code[c] for c in codes if c in by_code]
