"""The sheets and columns of the workbooks: the file contract shared by the template, export and import.

Headers are spelled out here rather than taken from verbose names, so that renaming a model field's
label never silently breaks the files secretaries already keep.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass

from django.db import models

from ..models import Activity, Branch, Honor, Meeting, Member, WelfarePayment


class Kind(enum.Enum):
    """How a column's cells are read and written."""

    TEXT = "text"
    DATE = "date"
    CHOICE = "choice"
    BOOL = "bool"
    AMOUNT = "amount"
    COUNT = "count"
    REFERENCE = "reference"  # another record named by its text: a member's name, a parent's code


@dataclass(frozen=True)
class Column:
    header: str
    field_name: str
    # A column added to the template later: a workbook made from an older template may lack it,
    # and its rows then take what a blank cell gives.
    optional: bool = False
    # How to fill the column, shown as a comment on the template's header cell.
    note: str = ""


@dataclass(frozen=True)
class SheetSpec:
    name: str
    model: type[models.Model]
    columns: tuple[Column, ...]
    # Database lookups that identify a row already imported; re-importing it is skipped.
    natural_key: tuple[str, ...] = ()
    export_order: tuple[str, ...] = ()

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(column.header for column in self.columns)

    @property
    def optional_headers(self) -> frozenset[str]:
        return frozenset(column.header for column in self.columns if column.optional)

    def column_of(self, field_name: str) -> int:
        """The position of the column holding a model field."""
        return next(i for i, c in enumerate(self.columns) if c.field_name == field_name)

    def field(self, column: Column) -> models.Field:
        return self.model._meta.get_field(column.field_name)

    def header_of(self, field_name: str) -> str:
        """The header of the column holding a model field; "" for fields not in the sheet."""
        return next((c.header for c in self.columns if c.field_name == field_name), "")


def kind_of(field: models.Field) -> Kind:
    if field.is_relation:
        return Kind.REFERENCE
    if isinstance(field, models.DateField):
        return Kind.DATE
    if isinstance(field, models.BooleanField):
        return Kind.BOOL
    if isinstance(field, models.DecimalField):
        return Kind.AMOUNT
    if isinstance(field, models.IntegerField):
        return Kind.COUNT
    if field.choices:
        return Kind.CHOICE
    return Kind.TEXT


def _columns(*columns: tuple[str, str] | Column) -> tuple[Column, ...]:
    return tuple(column if isinstance(column, Column) else Column(*column) for column in columns)


# The 获奖活动 cell names an activity of the branch (in the system or on this workbook's 活动 sheet)
# by its title, with its start date in parentheses; the title alone is enough when no other
# activity has it. The export always writes the date, so that it reads back whatever is added later.
ACTIVITY_REFERENCE_NOTE = (
    "填写获奖的活动：本工会“活动”表或系统中已有的活动名称。同名活动不止一个时，"
    "在名称后用括号写开始日期，例如：参加全县教职工篮球赛（2025-11-14）。不是在活动中获得的留空。"
)


MEMBERS = SheetSpec(
    name="会员",
    model=Member,
    columns=_columns(
        ("姓名", "name"),
        ("性别", "gender"),
        ("出生日期", "birth_date"),
        ("部门", "department"),
        ("职务", "position"),
        ("用工性质", "employment_type"),
        ("入会日期", "joined_on"),
        ("状态", "status"),
        ("困难职工", "is_hardship"),
        ("联系电话", "phone"),
        ("备注", "notes"),
    ),
    natural_key=("name", "birth_date"),
    export_order=("department", "name", "pk"),
)

ACTIVITIES = SheetSpec(
    name="活动",
    model=Activity,
    columns=_columns(
        ("开始日期", "start_date"),
        ("结束日期", "end_date"),
        ("活动名称", "title"),
        ("类别", "category"),
        ("参加人次", "participants"),
        ("地点", "place"),
        ("费用（元）", "cost"),
        Column(
            "参与方式",
            "participation",
            optional=True,
            note="主办：本工会自己组织；联合举办/协办：与其他单位共同举办；组织参加：组织职工参加别人举办的活动。"
            "留空为主办。",
        ),
        ("合办单位", "partners"),
        ("活动情况", "description"),
        ("成效", "result"),
    ),
    natural_key=("title", "start_date"),
    export_order=("start_date", "pk"),
)

PAYMENTS = SheetSpec(
    name="帮扶慰问",
    model=WelfarePayment,
    columns=_columns(
        ("日期", "date"),
        ("事由", "reason"),
        Column(
            "节日",
            "occasion",
            optional=True,
            note="事由为节日慰问时填写：元旦、春节、三八、端午、中秋、国庆、重阳或其他。留空时按日期推定；"
            "其他事由不填。",
        ),
        ("会员姓名", "member"),
        ("对象说明", "recipients"),
        ("人次", "headcount"),
        ("慰问金（元）", "cash"),
        ("慰问品折合（元）", "goods_value"),
        Column(
            "经费来源",
            "fund_source",
            note="工会经费、行政拨款/单位经费、上级工会补助：工会发放的钱；职工捐款（代收代转）、"
            "代为申请救助：工会为会员筹集或争取的钱。留空为工会经费。",
        ),
        ("备注", "notes"),
    ),
    # The member is identified by the member's own natural key, so the key means the same before
    # and after the member is saved.
    natural_key=(
        "date",
        "reason",
        "member__name",
        "member__birth_date",
        "recipients",
        "headcount",
        "cash",
        "goods_value",
    ),
    export_order=("date", "pk"),
)

HONORS = SheetSpec(
    name="荣誉",
    model=Honor,
    columns=_columns(
        ("日期", "date"),
        ("荣誉名称", "title"),
        Column(
            "类别",
            "kind",
            optional=True,
            note="荣誉称号（如模范职工之家、五一劳动奖章）或奖项/名次（如一等奖、第二名、优秀组织奖）。"
            "留空时按名称推定：含“奖”（奖章除外）或“第几名”“名次”的为奖项/名次。",
        ),
        ("级别", "level"),
        ("授予单位", "awarding_body"),
        ("获得者类型", "recipient_kind"),
        ("获得者", "recipients"),
        Column("获奖活动", "activity", optional=True, note=ACTIVITY_REFERENCE_NOTE),
    ),
    natural_key=("title", "date", "recipients"),
    export_order=("date", "pk"),
)

MEETINGS = SheetSpec(
    name="会议",
    model=Meeting,
    columns=_columns(
        ("日期", "date"),
        ("会议类型", "kind"),
        ("届次", "session"),
        ("出席人数", "attendees"),
        ("收到提案", "proposals_received"),
        ("立案数", "proposals_accepted"),
        ("主要议题", "topics"),
    ),
    natural_key=("kind", "date", "session"),
    export_order=("date", "pk"),
)

# In saving order: members first, because payments refer to them.
RECORD_SHEETS: tuple[SheetSpec, ...] = (MEMBERS, ACTIVITIES, PAYMENTS, HONORS, MEETINGS)

BRANCHES = SheetSpec(
    name="工会组织",
    model=Branch,
    columns=_columns(
        ("代码", "code"),
        ("全称", "name"),
        ("简称", "short_name"),
        ("上级代码", "parent"),
        ("类型", "kind"),
        ("行业", "sector"),
        ("职工总数", "workforce"),
    ),
)
