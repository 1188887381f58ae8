"""The records a union keeps through the year: members, activities, payments, honors, meetings.

Every record belongs to one branch. Invariants live in database constraints; the field
validators repeat them so that a form shows a Chinese message next to the field.
"""
from __future__ import annotations

import datetime
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from ..choices import (
    ActivityCategory,
    EmploymentType,
    FestivalOccasion,
    FundSource,
    Gender,
    HonorKind,
    HonorLevel,
    MeetingKind,
    MemberStatus,
    Participation,
    PlanStatus,
    RecipientKind,
    WelfareReason,
)
from ..festivals import occasion_on
from ..pinyin import sort_key as pinyin_sort_key
from ..validators import not_in_future
from .scoping import editable_q, visible_q

ZERO = Decimal("0")
NON_NEGATIVE_AMOUNT = MinValueValidator(ZERO, "金额不能为负数。")
NON_NEGATIVE_COUNT = MinValueValidator(0, "数量不能为负数。")
OCCASION_ONLY_FOR_FESTIVAL = "只有事由为“节日慰问”的记录才能填写节日。"
ONE_MEMBER_ONE_HEADCOUNT = "选了一位会员时人次只能为 1；发给多人时请不选会员，在“对象说明”中写明对象并填写总人次。"
DUPLICATE_MEETING = "本工会在这一天已经记录了同一届次的这种会议，请勿重复登记；如确是另一次会议，请在届次中注明。"


def money_field(verbose_name: str, help_text: str) -> models.DecimalField:
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=2,
        default=ZERO,
        validators=[NON_NEGATIVE_AMOUNT],
        help_text=help_text,
    )


class BranchOwnedQuerySet(models.QuerySet):
    """Queries over rows that belong to a branch; views reach records only through these."""

    def visible_to(self, user):
        return self.filter(visible_q(user, via="branch"))

    def editable_by(self, user):
        return self.filter(editable_q(user, via="branch"))

    def of_branch(self, branch):
        return self.filter(branch=branch)

    def in_period(self, start: datetime.date, end: datetime.date):
        """Rows dated within [start, end], by the model's own date field."""
        field = self.model.date_field
        return self.filter(**{f"{field}__gte": start, f"{field}__lte": end})

    def in_year(self, year: int):
        return self.in_period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))


class BranchOwned(models.Model):
    branch = models.ForeignKey(
        "reports.Branch",
        verbose_name="工会组织",
        on_delete=models.PROTECT,
        help_text="这条记录所属的工会组织。",
    )

    objects = BranchOwnedQuerySet.as_manager()
    # Who changed what and when, for every record (shown in the admin's 历史 page).
    history = HistoricalRecords(inherit=True)

    # The field that places a record in a period (a year, a half-year).
    date_field = "date"

    class Meta:
        abstract = True


class FulfilsPlanItem(models.Model):
    """A record that can carry out an item of the union's plan (计划事项): an activity, a welfare
    payment (送温暖, 金秋助学), a meeting (教代会, 经审会) or an honour. The plan's follow-up reads
    every kind of them the same way (reports.documents.plan_tracking)."""

    plan_status = models.CharField(
        "计划事项完成情况", max_length=20, choices=PlanStatus.choices, default=PlanStatus.DONE,
        db_default=PlanStatus.DONE,
        help_text="选了计划事项时：这条记录是完成了该事项，还是正在推进。",
    )

    class Meta:
        abstract = True

    def check_plan_item(self):
        if not self.plan_item_id:
            return
        plan = self.plan_item.report
        if self.branch_id and plan.branch_id != self.branch_id:
            raise ValidationError({"plan_item": "所选计划事项不属于本工会的工作计划。"}, code="plan_item_other_branch")
        # The plan's follow-up counts a record only in its own year's plan (plan_tracking reads the
        # records dated in the plan's year), so a link across years would be saved and never count.
        day = getattr(self, self.date_field)
        if day and day.year != plan.year:
            raise ValidationError(
                {"plan_item": f"这条记录的日期在{day.year}年，只能对应{day.year}年工作计划的事项。"},
                code="plan_item_other_year",
            )


def plan_item_link(related_name: str, record: str) -> models.ForeignKey:
    return models.ForeignKey(
        "reports.PlanItem",
        verbose_name="计划事项",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        help_text=f"可选：这{record}落实了工作计划中的哪一项。",
    )


class Member(BranchOwned):
    """A union member (会员) on the branch's register."""

    date_field = "joined_on"

    name = models.CharField("姓名", max_length=50, help_text="会员姓名。")
    gender = models.CharField("性别", max_length=10, choices=Gender.choices, help_text="男或女。")
    birth_date = models.DateField(
        "出生日期", null=True, blank=True, validators=[not_in_future], help_text="例如 1985-03-08。"
    )
    department = models.CharField(
        "部门", max_length=100, blank=True, help_text="所在部门、科室、年级组或车间。"
    )
    position = models.CharField("职务", max_length=100, blank=True, help_text="行政或工会职务，可留空。")
    employment_type = models.CharField(
        "用工性质",
        max_length=20,
        choices=EmploymentType.choices,
        default=EmploymentType.ESTABLISHED,
        help_text="在编、合同制、劳务派遣、临时聘用、内退在岗、离退休返聘或其他。",
    )
    joined_on = models.DateField(
        "入会日期", null=True, blank=True, validators=[not_in_future], help_text="加入工会的日期。"
    )
    status = models.CharField(
        "状态",
        max_length=20,
        choices=MemberStatus.choices,
        default=MemberStatus.ACTIVE,
        help_text="在册、退休、调离或退会。",
    )
    is_hardship = models.BooleanField(
        "困难职工", default=False, help_text="是否已建立困难职工档案（困难职工建档）。"
    )
    hardship_reason = models.CharField(
        "困难原因", max_length=200, blank=True, help_text="建档原因，例如：本人患重病、子女上学负担重。"
    )
    hardship_since = models.DateField(
        "建档日期", null=True, blank=True, validators=[not_in_future], help_text="困难职工建档的日期。"
    )
    phone = models.CharField("联系电话", max_length=30, blank=True, help_text="手机或办公电话。")
    notes = models.TextField("备注", max_length=2000, blank=True, help_text="其他需要记录的情况。")
    # The name in pinyin, kept by save() and the Excel import: registers and pickers list members
    # in pinyin order on every database (see reports/pinyin.py).
    sort_key = models.CharField(
        "拼音排序", max_length=300, blank=True, default="", db_default="", editable=False,
        help_text="由姓名自动生成，用于按拼音排序。",
    )

    class Meta:
        verbose_name = "会员"
        verbose_name_plural = "会员"
        ordering = ["branch", "department", "sort_key", "name"]
        indexes = [
            models.Index(fields=["branch", "status"], name="member_branch_status"),
            models.Index(fields=["branch", "sort_key"], name="member_branch_sort_key"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_hardship=True) | (Q(hardship_reason="") & Q(hardship_since__isnull=True)),
                name="member_hardship_details_need_flag",
                violation_error_message="只有标记为困难职工的会员才能填写困难原因和建档日期。",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.refresh_sort_key()
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key"}
        super().save(*args, **kwargs)

    def refresh_sort_key(self) -> None:
        """For rows saved without save(): the Excel import's bulk insert."""
        self.sort_key = pinyin_sort_key(self.name)

    @property
    def hardship_label(self) -> str:
        return "是" if self.is_hardship else ""

    def clean(self):
        super().clean()
        if not self.is_hardship and (self.hardship_reason or self.hardship_since):
            raise ValidationError(
                {"hardship_reason": "只有标记为困难职工的会员才能填写困难原因和建档日期。"},
                code="hardship_details_without_flag",
            )


class Activity(FulfilsPlanItem, BranchOwned):
    """An activity the union organised or took part in (活动)."""

    date_field = "start_date"

    title = models.CharField("活动名称", max_length=200, help_text="例如：庆“三八”女职工趣味运动会。")
    category = models.CharField(
        "类别", max_length=30, choices=ActivityCategory.choices, help_text="活动所属类别，决定它写入总结的哪一部分。"
    )
    start_date = models.DateField("开始日期", validators=[not_in_future], help_text="活动开始的日期。")
    end_date = models.DateField(
        "结束日期", null=True, blank=True, help_text="多日活动填写结束日期；当天结束的留空。"
    )
    place = models.CharField("地点", max_length=200, blank=True, help_text="活动地点。")
    participants = models.PositiveIntegerField(
        "参加人次", default=0, validators=[NON_NEGATIVE_COUNT], help_text="参加活动的职工人次。"
    )
    cost = money_field("费用（元）", "活动支出，单位元，最多两位小数。")
    participation = models.CharField(
        "参与方式",
        max_length=20,
        choices=Participation.choices,
        default=Participation.ORGANISED,
        db_default=Participation.ORGANISED,
        help_text="主办：本工会自己组织的活动；联合举办/协办：与其他单位共同举办；"
        "组织参加：组织职工参加上级工会或其他单位举办的活动（比赛、培训等）。",
    )
    partners = models.CharField(
        "合办单位",
        max_length=200,
        blank=True,
        help_text="联合举办或协办时填写合作单位；组织参加时填写主办单位。可留空。",
    )
    description = models.TextField("活动情况", max_length=5000, blank=True, help_text="活动的过程和内容。")
    result = models.TextField("成效", max_length=5000, blank=True, help_text="成效或获奖情况。")
    plan_item = plan_item_link("activities", "次活动")

    class Meta:
        verbose_name = "活动"
        verbose_name_plural = "活动"
        ordering = ["branch", "-start_date", "title"]
        indexes = [models.Index(fields=["branch", "start_date"], name="activity_branch_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="activity_end_not_before_start",
                violation_error_message="结束日期不能早于开始日期。",
            ),
            models.CheckConstraint(
                condition=Q(participants__gte=0),
                name="activity_participants_non_negative",
                violation_error_message="参加人次不能为负数。",
            ),
            models.CheckConstraint(
                condition=Q(cost__gte=0),
                name="activity_cost_non_negative",
                violation_error_message="费用不能为负数。",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "结束日期不能早于开始日期。"}, code="end_before_start")
        self.check_plan_item()


class WelfarePayment(FulfilsPlanItem, BranchOwned):
    """A welfare or condolence payment (帮扶慰问): to one member or to a group, in cash and goods."""

    date = models.DateField("日期", validators=[not_in_future], help_text="发放或走访的日期。")
    reason = models.CharField(
        "事由", max_length=30, choices=WelfareReason.choices, help_text="慰问或帮扶的事由。"
    )
    member = models.ForeignKey(
        Member,
        verbose_name="会员",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="welfare_payments",
        help_text="发给某一位会员时选择；发给一批人时留空并填写对象说明。",
    )
    recipients = models.CharField(
        "对象说明",
        max_length=200,
        blank=True,
        help_text="慰问对象的说明，例如：困难职工、离退休干部和在职职工。",
    )
    headcount = models.PositiveIntegerField(
        "人次",
        default=1,
        validators=[MinValueValidator(1, "人次至少为 1。")],
        help_text="慰问的人次；发给一批人时填写总人次。",
    )
    cash = money_field("慰问金（元）", "发放的现金，单位元，最多两位小数。")
    goods_value = money_field("慰问品折合（元）", "慰问品折合的金额，单位元，最多两位小数。")
    fund_source = models.CharField(
        "经费来源",
        max_length=20,
        choices=FundSource.choices,
        default=FundSource.UNION_FUNDS,
        help_text="钱是谁的：工会经费、行政拨款/单位经费、上级工会补助，是工会发放的；"
        "职工捐款（代收代转）和代为申请救助（如慈善救助、大病救助基金）是工会为会员筹集或争取的。",
    )
    occasion = models.CharField(
        "节日",
        max_length=20,
        choices=FestivalOccasion.choices,
        blank=True,
        default="",
        db_default="",
        help_text="节日慰问是哪个节日的：元旦、春节、三八、端午、中秋、国庆、重阳或其他。"
        "留空时按日期推定；其他事由不填。",
    )
    notes = models.TextField("备注", max_length=2000, blank=True, help_text="其他需要记录的情况。")

    plan_item = plan_item_link("welfare_payments", "次帮扶慰问")

    class Meta:
        verbose_name = "帮扶慰问"
        verbose_name_plural = "帮扶慰问"
        ordering = ["branch", "-date"]
        indexes = [models.Index(fields=["branch", "date"], name="welfare_branch_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(headcount__gte=1),
                name="welfare_headcount_at_least_one",
                violation_error_message="人次至少为 1。",
            ),
            models.CheckConstraint(
                condition=Q(cash__gte=0) & Q(goods_value__gte=0),
                name="welfare_amounts_non_negative",
                violation_error_message="慰问金和慰问品折合不能为负数。",
            ),
            models.CheckConstraint(
                condition=Q(member__isnull=False) | ~Q(recipients=""),
                name="welfare_has_recipient",
                violation_error_message="请选择会员，或填写慰问对象说明。",
            ),
            models.CheckConstraint(
                condition=Q(member__isnull=True) | Q(headcount=1),
                name="welfare_one_member_one_headcount",
                violation_error_message=ONE_MEMBER_ONE_HEADCOUNT,
            ),
            models.CheckConstraint(
                condition=Q(occasion="") | Q(reason=WelfareReason.FESTIVAL),
                name="welfare_occasion_only_for_festival",
                violation_error_message=OCCASION_ONLY_FOR_FESTIVAL,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_reason_display()} {self.recipient_label}"

    @property
    def recipient_label(self) -> str:
        return self.member.name if self.member_id else self.recipients

    @property
    def total_amount(self) -> Decimal:
        return self.cash + self.goods_value

    @property
    def is_union_payment(self) -> bool:
        """Money the union paid out, as opposed to money it collected or obtained for members
        (see FundSource.paid_by_union for why the two are told apart)."""
        return self.fund_source in FundSource.paid_by_union()

    def festival_occasion(self) -> str:
        """The festival a 节日慰问 was for: as recorded, else as its date suggests; "" for other reasons."""
        if self.reason != WelfareReason.FESTIVAL:
            return ""
        return self.occasion or occasion_on(self.date)

    @property
    def festival_label(self) -> str:
        """The festival's Chinese name, with (推定) when it was taken from the date."""
        occasion = self.festival_occasion()
        if not occasion:
            return ""
        label = FestivalOccasion(occasion).label
        return label if self.occasion else f"{label}（推定）"

    def clean(self):
        super().clean()
        self.check_plan_item()
        if self.member_id and self.branch_id and self.member.branch_id != self.branch_id:
            raise ValidationError({"member": "所选会员不属于本工会。"}, code="member_other_branch")
        if not self.member_id and not self.recipients.strip():
            raise ValidationError({"recipients": "请选择会员，或填写慰问对象说明。"}, code="no_recipient")
        self.clean_headcount(names_member=bool(self.member_id))
        self.clean_occasion()

    def clean_headcount(self, *, names_member: bool):
        """A payment to one named member is one 人次; a group is told by its description and total.
        Separate from clean() for the Excel import, which knows the member only by the row's name."""
        if names_member and self.headcount is not None and self.headcount > 1:
            raise ValidationError({"headcount": ONE_MEMBER_ONE_HEADCOUNT}, code="member_headcount_above_one")

    def clean_occasion(self):
        """Separate from clean() for the Excel import, which checks a row's member link itself."""
        if self.occasion and self.reason != WelfareReason.FESTIVAL:
            raise ValidationError({"occasion": OCCASION_ONLY_FOR_FESTIVAL}, code="occasion_not_festival")


# A prize or a place won: 一等奖, 优秀组织奖, 第二名, 名次. 奖章 (a medal) is a title, not a prize.
PRIZE_TITLE = re.compile(r"奖(?!章)|第[一二三四五六七八九十]+名|名次")


def honor_kind_from_title(title: str) -> str:
    """The kind an honor's title suggests, for rows and workbooks that do not say."""
    return HonorKind.PRIZE if PRIZE_TITLE.search(title) else HonorKind.TITLE


class Honor(FulfilsPlanItem, BranchOwned):
    """An honor the union, its members or its units received (荣誉)."""

    date = models.DateField("日期", validators=[not_in_future], help_text="授予荣誉的日期。")
    title = models.CharField(
        "荣誉名称", max_length=200, help_text="例如：模范职工之家、五一劳动奖章、篮球赛团体第三名。"
    )
    kind = models.CharField(
        "类别",
        max_length=20,
        choices=HonorKind.choices,
        default=HonorKind.TITLE,
        db_default=HonorKind.TITLE,
        help_text="荣誉称号：如模范职工之家、五一劳动奖章、先进集体；"
        "奖项/名次：在比赛或评选活动中获得的奖，如金奖、一等奖、第二名、优秀组织奖。",
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name="获奖活动",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="honors",
        help_text="可选：在本工会记录的哪次活动中获得（例如组织参加的比赛）。",
    )
    level = models.CharField("级别", max_length=20, choices=HonorLevel.choices, help_text="授予荣誉的级别。")
    awarding_body = models.CharField(
        "授予单位", max_length=200, blank=True, help_text="例如：示范县总工会。"
    )
    recipient_kind = models.CharField(
        "获得者类型",
        max_length=20,
        choices=RecipientKind.choices,
        default=RecipientKind.COLLECTIVE,
        help_text="集体或个人。",
    )
    recipients = models.CharField(
        "获得者", max_length=300, blank=True, help_text="获得荣誉的集体或个人姓名，多人用顿号分隔。"
    )

    plan_item = plan_item_link("honors", "项荣誉")

    class Meta:
        verbose_name = "荣誉"
        verbose_name_plural = "荣誉"
        ordering = ["branch", "-date"]
        indexes = [models.Index(fields=["branch", "date"], name="honor_branch_date")]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        self.check_plan_item()
        if self.activity_id and self.branch_id and self.activity.branch_id != self.branch_id:
            raise ValidationError({"activity": "所选活动不属于本工会。"}, code="activity_other_branch")


class Meeting(FulfilsPlanItem, BranchOwned):
    """A meeting held by the union: congresses (职代会/教代会), committee meetings and others."""

    kind = models.CharField("会议类型", max_length=30, choices=MeetingKind.choices, help_text="会议的类型。")
    session = models.CharField(
        "届次", max_length=40, blank=True, help_text="例如：六届一次。"
    )
    date = models.DateField("日期", validators=[not_in_future], help_text="会议召开的日期。")
    attendees = models.PositiveIntegerField(
        "出席人数", default=0, validators=[NON_NEGATIVE_COUNT], help_text="实际出席的人数。"
    )
    proposals_received = models.PositiveIntegerField(
        "收到提案", default=0, validators=[NON_NEGATIVE_COUNT], help_text="会议收到（征集）的提案数。"
    )
    proposals_accepted = models.PositiveIntegerField(
        "立案数", default=0, validators=[NON_NEGATIVE_COUNT], help_text="其中立案的提案数，不能多于收到的提案数。"
    )
    topics = models.TextField(
        "主要议题", max_length=5000, blank=True, help_text="会议的主要议题和形成的决议。"
    )

    plan_item = plan_item_link("meetings", "次会议")

    class Meta:
        verbose_name = "会议"
        verbose_name_plural = "会议"
        ordering = ["branch", "-date"]
        indexes = [models.Index(fields=["branch", "date"], name="meeting_branch_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(attendees__gte=0) & Q(proposals_received__gte=0) & Q(proposals_accepted__gte=0),
                name="meeting_counts_non_negative",
                violation_error_message="人数和提案数不能为负数。",
            ),
            models.CheckConstraint(
                condition=Q(proposals_accepted__lte=F("proposals_received")),
                name="meeting_accepted_not_above_received",
                violation_error_message="立案数不能多于收到的提案数。",
            ),
            # One meeting is one row: a congress counted twice doubles its proposals in the summary.
            models.UniqueConstraint(
                fields=["branch", "kind", "date", "session"],
                name="meeting_once_per_day_and_session",
                violation_error_message=DUPLICATE_MEETING,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session}{self.get_kind_display()}" if self.session else self.get_kind_display()

    def clean(self):
        super().clean()
        self.check_plan_item()
        if (
            self.proposals_accepted is not None
            and self.proposals_received is not None
            and self.proposals_accepted > self.proposals_received
        ):
            raise ValidationError(
                {"proposals_accepted": "立案数不能多于收到的提案数。"}, code="accepted_above_received"
            )
