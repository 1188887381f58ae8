"""Work plans and work summaries: a report per union, kind, year and period, kept as revisions.

A revision holds the whole document as a plain JSON snapshot (see reports.documents.content), so
what is shown, exported and later frozen on approval is one value, never reassembled from rows.
"""
from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q

from ..choices import ActivityCategory, PlanStatus, ReportKind, ReportPeriod, ReportState
from ..periods import FIRST_YEAR
from ..validators import not_in_future
from .scoping import editable_q, visible_q


class ReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(visible_q(user, via="branch"))

    def editable_by(self, user):
        return self.filter(editable_q(user, via="branch"))

    def plans(self):
        return self.filter(kind=ReportKind.PLAN)

    def summaries(self):
        return self.filter(kind=ReportKind.SUMMARY)

    def annual(self):
        """Full-year reports: every plan, and the summaries of a whole year (not 上半年)."""
        return self.filter(period=ReportPeriod.YEAR)


class Report(models.Model):
    """One document a union must hand in: the plan of a year, or the summary of a year or half-year."""

    branch = models.ForeignKey(
        "reports.Branch", verbose_name="工会组织", on_delete=models.PROTECT, related_name="reports",
        help_text="报告所属的工会组织。",
    )
    kind = models.CharField("报告类型", max_length=20, choices=ReportKind.choices, help_text="工作计划或工作总结。")
    year = models.PositiveSmallIntegerField(
        "年度", validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)], help_text="报告所属的年度。"
    )
    period = models.CharField(
        "期间", max_length=20, choices=ReportPeriod.choices, default=ReportPeriod.YEAR,
        help_text="全年；工作总结也可以是上半年。",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True, help_text="报告首次起草的时间。")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="起草人", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", help_text="首次起草报告的用户。",
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = "工作报告"
        verbose_name_plural = "工作报告"
        ordering = ["-year", "kind", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["branch", "kind", "year", "period"],
                name="report_one_per_branch_kind_year_period",
                violation_error_message="这个工会该年度的这份报告已经存在。",
            ),
            models.CheckConstraint(
                condition=Q(kind=ReportKind.SUMMARY) | Q(period=ReportPeriod.YEAR),
                name="report_plan_is_annual",
                violation_error_message="工作计划只能按全年编制。",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def is_plan(self) -> bool:
        return self.kind == ReportKind.PLAN

    @property
    def is_half_year(self) -> bool:
        return self.period == ReportPeriod.FIRST_HALF

    @property
    def is_annual_summary(self) -> bool:
        """The summary of a whole year: the one whose approval counts in the federations' totals."""
        return self.kind == ReportKind.SUMMARY and self.period == ReportPeriod.YEAR

    @property
    def label(self) -> str:
        half = "上半年" if self.is_half_year else ""
        return f"{self.year}年{half}{self.get_kind_display()}"

    def current_revision(self) -> "Revision":
        # The frozen files are read only for a download (then loaded on access), never to display.
        return self.revisions.defer("docx_file", "pdf_file").order_by("-number").first()


class FrozenRevision(Exception):
    """An approved revision was about to be changed."""

    def __init__(self):
        super().__init__("这一稿已审核通过并定稿，不能修改。如需修改，请由工会主席或上级工会重新打开。")


class RevisionQuerySet(models.QuerySet):
    def approved(self):
        """Revisions in the approved state, the current one or not (an approved revision stays
        approved, and downloadable, after its report is reopened)."""
        return self.filter(state=ReportState.APPROVED)

    def current(self):
        """Each report's newest revision: the one its state is read from."""
        newer = self.model.objects.filter(report=OuterRef("report"), number__gt=OuterRef("number"))
        return self.filter(~Exists(newer))

    def of_annual(self, kind: str, year: int | None = None):
        """Revisions of the full-year reports of `kind` (of `year` when given)."""
        revisions = self.filter(report__kind=kind, report__period=ReportPeriod.YEAR)
        return revisions if year is None else revisions.filter(report__year=year)

    def of_annual_summaries(self, year: int | None = None):
        return self.of_annual(ReportKind.SUMMARY, year)

    def approved_annual_summaries(self, year: int | None = None):
        """What a federation counts: its unions' full-year summaries (of `year` when given) that are
        approved now, i.e. whose current revision is approved. This is the one meaning of 已通过
        for the board, the totals and the documents: a reopened summary is not approved until it
        is approved again (its earlier approved revision stays readable, but no longer counts)."""
        return self.current().approved().of_annual_summaries(year)

    def update(self, **kwargs):
        # A bulk update must never reach an approved revision (PostgreSQL adds a trigger for raw SQL).
        if self.approved().exists():
            raise FrozenRevision()
        return super().update(**kwargs)

    def delete(self):
        if self.approved().exists():
            raise FrozenRevision()
        return super().delete()


class Revision(models.Model):
    """One revision of a report's text. Only the newest revision of a report is ever edited."""

    report = models.ForeignKey(
        Report, verbose_name="报告", on_delete=models.CASCADE, related_name="revisions", help_text="所属的报告。"
    )
    number = models.PositiveSmallIntegerField("修订号", default=1, help_text="第几次修订，从 1 开始。")
    state = models.CharField(
        "状态", max_length=20, choices=ReportState.choices, default=ReportState.DRAFT, help_text="审核流程中的状态。"
    )
    content = models.JSONField("内容", help_text="报告全文的结构化内容（标题、各部分、落款）。")
    version = models.PositiveIntegerField(
        "保存版本", default=1, help_text="每次保存加一；用来发现两个人同时修改同一份草稿。"
    )
    updated_at = models.DateTimeField("最后修改时间", auto_now=True, help_text="最后一次保存的时间。")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="最后修改人", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", help_text="最后一次保存的用户。",
    )
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True, help_text="最近一次提交审核的时间。")
    approved_at = models.DateTimeField("通过时间", null=True, blank=True, help_text="工会主席审核通过的时间。")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审核人", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", help_text="审核通过这一稿的工会主席。",
    )
    # The files as rendered once at approval: every later download returns exactly these bytes.
    docx_file = models.BinaryField("Word 文件", null=True, blank=True, editable=False, help_text="审核通过时生成的 Word 文件。")
    pdf_file = models.BinaryField("PDF 文件", null=True, blank=True, editable=False, help_text="审核通过时生成的 PDF 文件。")
    docx_sha256 = models.CharField("Word 文件 SHA-256", max_length=64, blank=True, editable=False, help_text="用于核对文件未被改动。")
    pdf_sha256 = models.CharField("PDF 文件 SHA-256", max_length=64, blank=True, editable=False, help_text="用于核对文件未被改动。")
    # An approved annual summary's own figures for its year, as they stood at approval: what the
    # federations above count, however the records change later (see federation/rollup.py).
    frozen_figures = models.JSONField(
        "审核通过时的统计数字", null=True, blank=True, editable=False,
        help_text="年度工作总结审核通过时本工会当年的统计数字；上级工会的汇总以此为准。",
    )

    objects = RevisionQuerySet.as_manager()

    class Meta:
        verbose_name = "报告修订"
        verbose_name_plural = "报告修订"
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="revision_number_unique",
                violation_error_message="同一份报告的修订号不能重复。",
            ),
            models.CheckConstraint(
                condition=~Q(state=ReportState.APPROVED)
                | (
                    Q(approved_at__isnull=False)
                    & Q(approved_by__isnull=False)
                    & Q(docx_file__isnull=False)
                    & Q(pdf_file__isnull=False)
                    & ~Q(docx_sha256="")
                    & ~Q(pdf_sha256="")
                ),
                name="revision_approved_is_complete",
                violation_error_message="审核通过的稿必须有审核人、通过时间和定稿文件。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} 第{self.number}稿"

    @property
    def is_approved(self) -> bool:
        return self.state == ReportState.APPROVED

    def save(self, *args, **kwargs):
        # An approved revision is frozen. Services never save one; this refuses every other path
        # (forms, the admin, scripts) that would write over it.
        if self.pk and type(self).objects.filter(pk=self.pk, state=ReportState.APPROVED).exists():
            raise FrozenRevision()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.pk and type(self).objects.filter(pk=self.pk, state=ReportState.APPROVED).exists():
            raise FrozenRevision()
        return super().delete(*args, **kwargs)


class RenderedFile(models.Model):
    """A draft revision's Word or PDF file as last rendered, so that downloading the same version
    again returns these bytes instead of rendering for seconds. One row per revision and format,
    replaced when a newer version is rendered; approved revisions use their frozen files instead.
    Derived data: left out of backups."""

    FORMATS = [("docx", "Word"), ("pdf", "PDF")]

    revision = models.ForeignKey(
        Revision, verbose_name="修订", on_delete=models.CASCADE, related_name="rendered_files", help_text="所属的一稿。"
    )
    version = models.PositiveIntegerField("保存版本", help_text="生成文件时这一稿的保存版本。")
    format = models.CharField("格式", max_length=10, choices=FORMATS, help_text="docx 或 pdf。")
    content = models.BinaryField("文件", help_text="生成的文件。")
    sha256 = models.CharField("文件 SHA-256", max_length=64, help_text="用于核对文件未被改动。")
    rendered_at = models.DateTimeField("生成时间", auto_now=True, help_text="生成文件的时间。")

    class Meta:
        verbose_name = "草稿文件缓存"
        verbose_name_plural = "草稿文件缓存"
        constraints = [
            models.UniqueConstraint(fields=["revision", "format"], name="rendered_file_one_per_revision_format"),
        ]

    def __str__(self) -> str:
        return f"{self.revision} 第{self.version}版 {self.format}"


class Transition(models.Model):
    """One step of a report's review: who moved which revision from which state to which, and why."""

    report = models.ForeignKey(
        Report, verbose_name="报告", on_delete=models.CASCADE, related_name="transitions", help_text="所属的报告。"
    )
    revision = models.ForeignKey(
        Revision, verbose_name="修订", on_delete=models.CASCADE, related_name="transitions", help_text="所涉及的一稿。"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", help_text="执行这一步的用户。",
    )
    at = models.DateTimeField("时间", auto_now_add=True, help_text="执行的时间。")
    from_state = models.CharField("原状态", max_length=20, choices=ReportState.choices, blank=True, help_text="执行前的状态。")
    to_state = models.CharField("新状态", max_length=20, choices=ReportState.choices, help_text="执行后的状态。")
    note = models.TextField(
        "意见或理由", max_length=5000, blank=True,
        help_text="退回的总体意见、审批意见、重新打开的理由，或确认提交时仍未处理的事项。",
    )
    # The revision's saved version at this step: the text a return sent back can be rebuilt from
    # the revision's edit history and compared with what is submitted again.
    version = models.PositiveIntegerField("保存版本", null=True, blank=True, help_text="执行时这一稿的保存版本。")

    class Meta:
        verbose_name = "审核记录"
        verbose_name_plural = "审核记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.report} {self.get_from_state_display()}→{self.get_to_state_display()}"

    @property
    def action_label(self) -> str:
        """The step in the office's words: 提交审核, 撤回, 退回修改, 审核通过, 重新打开."""
        return TRANSITION_ACTIONS.get((self.from_state, self.to_state)) or TRANSITION_ACTIONS.get(("", self.to_state), "")

    @property
    def note_label(self) -> str:
        return TRANSITION_NOTE_LABELS.get(self.to_state, "说明")


# Who did what, keyed by (from, to); ("", to) is the label whatever the step came from.
TRANSITION_ACTIONS = {
    ("", ReportState.SUBMITTED): "提交审核",
    (ReportState.SUBMITTED, ReportState.DRAFT): "撤回",
    ("", ReportState.RETURNED): "退回修改",
    ("", ReportState.APPROVED): "审核通过",
    (ReportState.APPROVED, ReportState.DRAFT): "重新打开",
}
TRANSITION_NOTE_LABELS = {
    ReportState.SUBMITTED: "确认提交",
    ReportState.RETURNED: "总体意见",
    ReportState.APPROVED: "审批意见",
    ReportState.DRAFT: "理由",
}


class ReviewComment(models.Model):
    """A chair's comment (批注) on one section or paragraph of a submitted revision. The chair
    writes it beside the text while reviewing; the return sends it (returned_in), and the
    secretary then marks it resolved. Until the return it is the chair's alone."""

    revision = models.ForeignKey(
        Revision, verbose_name="修订", on_delete=models.CASCADE, related_name="comments", help_text="意见针对的一稿。"
    )
    target_key = models.CharField("针对部分", max_length=40, help_text="意见针对的部分或段落的标识。")
    target_label = models.CharField("部分名称", max_length=200, help_text="提意见时这一部分的标题。")
    text = models.TextField("意见", max_length=2000, help_text="审核意见。")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="提出人", on_delete=models.PROTECT, related_name="+", help_text="提出意见的用户。"
    )
    created_at = models.DateTimeField("提出时间", auto_now_add=True, help_text="提出意见的时间。")
    resolved_at = models.DateTimeField("解决时间", null=True, blank=True, help_text="标记为已解决的时间。")
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="解决人", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", help_text="标记为已解决的用户。",
    )
    returned_in = models.ForeignKey(
        Transition, verbose_name="随退回发出", on_delete=models.CASCADE, null=True, blank=True, related_name="comments",
        help_text="把这条意见发给工会干事的那次退回；为空表示主席正在审阅、尚未发出。",
    )

    class Meta:
        verbose_name = "审核意见"
        verbose_name_plural = "审核意见"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.target_label}：{self.text[:20]}"

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None

    @property
    def sent(self) -> bool:
        return self.returned_in_id is not None


class DocumentEdit(models.Model):
    """Every save of a revision's text: who, when, which version, and what it changed, so the text
    of any saved version can be rebuilt (services save with a guarded UPDATE, which an audit
    library listening to save() would miss). A revision's first version is kept whole; later ones
    as the lines that changed (see reports.documents.history)."""

    revision = models.ForeignKey(
        Revision, verbose_name="修订", on_delete=models.CASCADE, related_name="edits", help_text="所修改的一稿。"
    )
    version = models.PositiveIntegerField("保存版本", help_text="这次保存后的版本号。")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="修改人", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", help_text="保存的用户；命令行或系统操作时为空。",
    )
    at = models.DateTimeField("时间", auto_now_add=True, help_text="保存的时间。")
    content = models.JSONField("内容", null=True, blank=True, help_text="这次保存的全文；只记改动时为空。")
    changes = models.JSONField(
        "改动", null=True, blank=True, help_text="与上一版相比改动的行；保存全文时为空。"
    )

    class Meta:
        verbose_name = "报告修改记录"
        verbose_name_plural = "报告修改记录"
        ordering = ["revision", "version"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "version"], name="document_edit_version_unique"),
            models.CheckConstraint(
                condition=Q(content__isnull=False) | Q(changes__isnull=False),
                name="document_edit_keeps_text_or_changes",
                violation_error_message="修改记录必须保存全文或改动。",
            ),
        ]
        # Counting a user's recent saves (the save rate limit) reads this index only.
        indexes = [models.Index(fields=["editor", "at"], name="document_edit_editor_at")]

    def __str__(self) -> str:
        return f"{self.revision} 第{self.version}版"


class PlanItem(models.Model):
    """A line of a plan's monthly schedule, kept as a row so that activities can point at it."""

    report = models.ForeignKey(
        Report, verbose_name="工作计划", on_delete=models.CASCADE, related_name="plan_items",
        help_text="这个事项所在的工作计划。",
    )
    key = models.CharField("事项标识", max_length=40, help_text="事项在计划内容中的标识，系统自动维护。")
    month_label = models.CharField("月份", max_length=40, help_text="例如：三月份、七、八月份。")
    first_month = models.PositiveSmallIntegerField(
        "起始月", validators=[MinValueValidator(1), MaxValueValidator(12)], help_text="事项安排的第一个月。"
    )
    last_month = models.PositiveSmallIntegerField(
        "结束月", validators=[MinValueValidator(1), MaxValueValidator(12)], help_text="事项安排的最后一个月。"
    )
    text = models.CharField("工作内容", max_length=500, help_text="计划中的这一项工作。")
    category = models.CharField(
        "活动类别", max_length=30, choices=ActivityCategory.choices, blank=True,
        help_text="可选：完成这项工作的活动类别。",
    )
    position = models.PositiveSmallIntegerField("顺序", default=0, help_text="在计划中的先后顺序。")

    class Meta:
        verbose_name = "计划事项"
        verbose_name_plural = "计划事项"
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="plan_item_key_unique"),
            models.CheckConstraint(
                condition=Q(last_month__gte=models.F("first_month")),
                name="plan_item_months_in_order",
                violation_error_message="结束月不能早于起始月。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report.year}年{self.month_label}：{self.text}"


# For lists of reports: each report's revisions, newest first, without the text and the files.
LIST_REVISIONS = models.Prefetch(
    "revisions", queryset=Revision.objects.only("id", "report_id", "number", "state", "updated_at").order_by("-number")
)


class PlanItemMark(models.Model):
    """A plan item marked done or in progress by hand (已完成，见…), for work no record shows."""

    plan_item = models.ForeignKey(
        PlanItem, verbose_name="计划事项", on_delete=models.CASCADE, related_name="marks",
        help_text="标记的计划事项。",
    )
    status = models.CharField(
        "完成情况", max_length=20, choices=PlanStatus.choices, default=PlanStatus.DONE, help_text="已完成或正在推进。"
    )
    date = models.DateField("日期", validators=[not_in_future], help_text="完成或推进这项工作的日期。")
    note = models.CharField("说明", max_length=200, help_text="简短说明，例如：已完成，见学校工作简报第3期。")
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="标记人", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", help_text="做这个标记的用户。",
    )
    marked_at = models.DateTimeField("标记时间", auto_now_add=True, help_text="标记的时间。")

    class Meta:
        verbose_name = "计划事项手动标记"
        verbose_name_plural = "计划事项手动标记"
        ordering = ["plan_item", "date", "id"]

    def __str__(self) -> str:
        return f"{self.plan_item}：{self.get_status_display()}（{self.note}）"


class Autosave(models.Model):
    """The editor's unsaved text, kept while she types so that an expired session, a closed tab or
    a crash does not lose it. One per user and revision; never part of the document until she
    restores it into the editor and saves."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="+",
        help_text="正在编辑的用户。",
    )
    revision = models.ForeignKey(
        Revision, verbose_name="修订", on_delete=models.CASCADE, related_name="autosaves", help_text="正在编辑的一稿。"
    )
    fields = models.JSONField("未保存的文字", default=dict, help_text="编辑页面各输入框的内容，按输入框名称。")
    updated_at = models.DateTimeField("自动保存时间", auto_now=True, help_text="最近一次自动保存的时间。")

    class Meta:
        verbose_name = "自动保存"
        verbose_name_plural = "自动保存"
        constraints = [models.UniqueConstraint(fields=["user", "revision"], name="autosave_one_per_user_revision")]

    def __str__(self) -> str:
        return f"{self.revision} 自动保存"
