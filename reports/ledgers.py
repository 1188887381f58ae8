"""The five ledgers (台账) a secretary keeps, described once and rendered by one set of views.

A ledger names its model and form, the columns of its table, the choice it filters on, the
fields its free-text search looks in, and the sums shown for the filtered rows.
"""
from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from .choices import ActivityCategory, FundSource, Gender, HonorLevel, MeetingKind, MemberStatus, WelfareReason
from .forms.records import ActivityForm, HonorForm, MeetingForm, MemberForm, WelfarePaymentForm
from .models import Activity, Honor, Meeting, Member, WelfarePayment


@dataclass(frozen=True)
class Column:
    header: str
    attr: str  # a field name or a property of the record
    sort: str | None = None  # the ordering field, if the column sorts
    numeric: bool = False


@dataclass(frozen=True)
class Total:
    label: str
    field: str | None  # None counts rows
    money: bool = False


@dataclass(frozen=True)
class ChoiceFilter:
    """A filter on one field by its choices, given in the URL as param=value (repeated for several
    values: a drafted paragraph's data source may count a few reasons together)."""

    param: str
    field: str
    label: str
    choices: tuple
    coerce: Callable[[str], object] = str

    def lookup(self, values: list[str]) -> Q:
        return Q(**{f"{self.field}__in": [self.coerce(value) for value in values]})


YES_NO = (("1", "是"), ("0", "否"))


def _yes(value: str) -> bool:
    return value == "1"


@dataclass(frozen=True)
class Ledger:
    slug: str
    title: str
    noun: str
    model: type
    form_class: type
    columns: tuple[Column, ...]
    choice_field: str
    choice_label: str
    choices: tuple
    search_fields: tuple[str, ...]
    totals: tuple[Total, ...]
    default_sort: str
    date_field: str | None  # the field the year/month filter applies to; None: no period filter
    select_related: tuple[str, ...] = ()
    more_filters: tuple[ChoiceFilter, ...] = ()

    @property
    def choice_filters(self) -> tuple[ChoiceFilter, ...]:
        """The main choice (category, reason, …) as the `choice` parameter, then the others."""
        main = ChoiceFilter("choice", self.choice_field, self.choice_label, self.choices)
        return (main, *self.more_filters)

    @property
    def sortable(self) -> set[str]:
        return {c.sort for c in self.columns if c.sort}

    def order_by(self, requested: str | None) -> tuple[str, ...]:
        """The requested ordering if a column offers it, else the default; ties broken by id."""
        key = requested if requested and requested.lstrip("-") in self.sortable else self.default_sort
        return (key, "-id" if key.startswith("-") else "id")

    def search(self, text: str) -> Q:
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": text})
        return condition

    def aggregate(self, queryset) -> list[tuple[Total, int | Decimal]]:
        expressions = {}
        for i, total in enumerate(self.totals):
            if total.field is None:
                expressions[f"t{i}"] = Count("id")
            else:
                zero = Decimal("0.00") if total.money else 0
                expressions[f"t{i}"] = Coalesce(Sum(total.field), zero)
        values = queryset.aggregate(**expressions)
        return [(total, values[f"t{i}"]) for i, total in enumerate(self.totals)]


LEDGERS: dict[str, Ledger] = {
    ledger.slug: ledger
    for ledger in (
        Ledger(
            slug="members",
            title="会员名册",
            noun="会员",
            model=Member,
            form_class=MemberForm,
            columns=(
                Column("姓名", "name", "sort_key"),  # in pinyin order
                Column("性别", "get_gender_display", "gender"),
                Column("部门", "department", "department"),
                Column("职务", "position"),
                Column("用工性质", "get_employment_type_display", "employment_type"),
                Column("入会日期", "joined_on", "joined_on"),
                Column("状态", "get_status_display", "status"),
                Column("困难职工", "hardship_label", "is_hardship"),
                Column("联系电话", "phone"),
            ),
            choice_field="status",
            choice_label="状态",
            choices=tuple(MemberStatus.choices),
            search_fields=("name", "department", "position", "phone"),
            totals=(Total("人数", None),),
            default_sort="department",
            date_field=None,
            more_filters=(
                ChoiceFilter("gender", "gender", "性别", tuple(Gender.choices)),
                ChoiceFilter("hardship", "is_hardship", "困难职工", YES_NO, coerce=_yes),
            ),
        ),
        Ledger(
            slug="activities",
            title="活动台账",
            noun="活动",
            model=Activity,
            form_class=ActivityForm,
            columns=(
                Column("开始日期", "start_date", "start_date"),
                Column("活动名称", "title", "title"),
                Column("类别", "get_category_display", "category"),
                Column("参与方式", "get_participation_display", "participation"),
                Column("地点", "place"),
                Column("参加人次", "participants", "participants", numeric=True),
                Column("费用（元）", "cost", "cost", numeric=True),
            ),
            choice_field="category",
            choice_label="类别",
            choices=tuple(ActivityCategory.choices),
            search_fields=("title", "place", "partners", "description"),
            totals=(Total("活动", None), Total("参加人次", "participants"), Total("费用（元）", "cost", money=True)),
            default_sort="-start_date",
            date_field="start_date",
        ),
        Ledger(
            slug="welfare",
            title="帮扶慰问台账",
            noun="帮扶慰问",
            model=WelfarePayment,
            form_class=WelfarePaymentForm,
            columns=(
                Column("日期", "date", "date"),
                Column("事由", "get_reason_display", "reason"),
                Column("节日", "festival_label"),
                Column("对象", "recipient_label"),
                Column("人次", "headcount", "headcount", numeric=True),
                Column("慰问金（元）", "cash", "cash", numeric=True),
                Column("慰问品折合（元）", "goods_value", "goods_value", numeric=True),
                Column("经费来源", "get_fund_source_display", "fund_source"),
            ),
            choice_field="reason",
            choice_label="事由",
            choices=tuple(WelfareReason.choices),
            search_fields=("recipients", "member__name", "notes"),
            totals=(
                Total("笔数", None),
                Total("人次", "headcount"),
                Total("慰问金（元）", "cash", money=True),
                Total("慰问品折合（元）", "goods_value", money=True),
            ),
            default_sort="-date",
            date_field="date",
            select_related=("member",),
            more_filters=(ChoiceFilter("fund", "fund_source", "经费来源", tuple(FundSource.choices)),),
        ),
        Ledger(
            slug="honors",
            title="荣誉",
            noun="荣誉",
            model=Honor,
            form_class=HonorForm,
            columns=(
                Column("日期", "date", "date"),
                Column("荣誉名称", "title", "title"),
                Column("类别", "get_kind_display", "kind"),
                Column("级别", "get_level_display", "level"),
                Column("授予单位", "awarding_body", "awarding_body"),
                Column("获得者类型", "get_recipient_kind_display", "recipient_kind"),
                Column("获得者", "recipients"),
            ),
            choice_field="level",
            choice_label="级别",
            choices=tuple(HonorLevel.choices),
            search_fields=("title", "awarding_body", "recipients"),
            totals=(Total("荣誉", None),),
            default_sort="-date",
            date_field="date",
        ),
        Ledger(
            slug="meetings",
            title="会议",
            noun="会议",
            model=Meeting,
            form_class=MeetingForm,
            columns=(
                Column("日期", "date", "date"),
                Column("会议类型", "get_kind_display", "kind"),
                Column("届次", "session", "session"),
                Column("出席人数", "attendees", "attendees", numeric=True),
                Column("收到提案", "proposals_received", "proposals_received", numeric=True),
                Column("立案数", "proposals_accepted", "proposals_accepted", numeric=True),
            ),
            choice_field="kind",
            choice_label="会议类型",
            choices=tuple(MeetingKind.choices),
            search_fields=("session", "topics"),
            totals=(Total("会议", None), Total("收到提案", "proposals_received"), Total("立案数", "proposals_accepted")),
            default_sort="-date",
            date_field="date",
        ),
    )
}


def cell_value(record, column: Column):
    value = getattr(record, column.attr)
    if callable(value):
        value = value()
    if value is None:  # a date or a link left empty: an empty cell, not "None"
        return ""
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value
