"""Everything a drafted summary states about a union's period, gathered in a fixed number of queries.

The drafters read only these facts; they never query. Grouped figures come from reports.figures;
the lists of individual records (for "3月8日，组织……" sentences) are one query each.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .. import figures, stats
from ..choices import MemberStatus, ReportKind, WelfareReason
from ..models import Activity, Branch, Honor, Meeting, Member, PlanItem, Report, WelfarePayment
from ..periods import Period
from .dating import signature_date
from .plan_tracking import with_progress


@dataclass(frozen=True)
class PlanProgress:
    """How far the period got through the year's plan: items scheduled, those carried out, and
    the others: those under way (正在推进) and those nothing was reported for."""

    planned: int
    done: int
    undone_texts: list[str]
    in_progress_texts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PlanOutline:
    """The themes of a plan's 主要工作, for a summary's 下一年工作打算."""

    themes: list[dict]  # {"key", "heading", "items": [str, ...]}


@dataclass(frozen=True)
class PreviousFigures:
    """The same figures for the period before (last year, or last year's first half)."""

    label: str  # how the text names it: 上年, 上年同期
    activities: stats.Totals
    welfare: stats.Totals

    @property
    def has_activities(self) -> bool:
        return bool(self.activities.rows)

    @property
    def has_welfare(self) -> bool:
        return bool(self.welfare.rows)


@dataclass
class SummaryFacts(figures.FiguresByName):
    branch: Branch
    year: int
    half: bool
    period: Period
    # Every registered figure drafts use, by the name it is read as: facts.members, .activities…
    figures: dict[str, object]
    activity_list: list[Activity]
    honor_list: list[Honor]
    meeting_list: list[Meeting]
    plan: PlanProgress | None
    # For the closing part: next year's plan (annual summary) or the rest of this year's (half-year).
    following_plan: Report | None
    following_plan_content: PlanOutline | None = None
    following_items: list[PlanItem] = field(default_factory=list)
    previous: PreviousFigures | None = None
    # Payments told one by one: festival visits (to name their festivals) and money the union
    # collected or obtained for members rather than paid (to say whom it was for).
    payment_list: list[WelfarePayment] = field(default_factory=list)
    # Registered hardship members (在册困难职工) without any welfare payment in the period.
    hardship_unvisited: int = 0
    # The 落款 date: the day of drafting, or the deadline once it has passed (dating.py).
    signed_on: datetime.date = field(default_factory=timezone.localdate)


def gather_summary_facts(
    branch: Branch, year: int, *, half: bool = False, today: datetime.date | None = None
) -> SummaryFacts:
    today = today or timezone.localdate()
    period = Period.first_half(year) if half else Period.year(year)
    before = Period.first_half(year - 1) if half else Period.year(year - 1)
    records_of = stats.of_branch(branch)
    activity_list = list(
        Activity.objects.filter(branch=branch).in_period(period.start, period.end).order_by("start_date", "id")
    )
    plan = _plan_progress(branch, year, period)
    following_plan, following_items = _following_plan(branch, year, half=half)
    outline = _outline(following_plan) if following_plan is not None and not half else None
    return SummaryFacts(
        branch=branch,
        year=year,
        half=half,
        period=period,
        figures=figures.every_statement(records_of, period, for_drafts=True),
        activity_list=activity_list,
        honor_list=list(Honor.objects.filter(branch=branch).in_period(period.start, period.end).order_by("date", "id")),
        meeting_list=list(
            Meeting.objects.filter(branch=branch).in_period(period.start, period.end).order_by("date", "id")
        ),
        plan=plan,
        following_plan=following_plan,
        following_plan_content=outline,
        following_items=following_items,
        previous=PreviousFigures(
            label="上年同期" if half else "上年",
            activities=stats.activities_by_category(records_of, before),
            welfare=stats.welfare_by_reason(records_of, before),
        ),
        payment_list=list(
            WelfarePayment.objects.filter(branch=branch)
            .filter(Q(reason=WelfareReason.FESTIVAL) | ~stats.paid_by_union())
            .in_period(period.start, period.end)
            .select_related("member")
            .order_by("date", "id")
        ),
        hardship_unvisited=_hardship_unvisited(branch, period),
        # A half-year summary has no deadline upward: it is dated the day it is drafted.
        signed_on=today if half else signature_date(branch, ReportKind.SUMMARY, year, today),
    )


def _hardship_unvisited(branch: Branch, period: Period) -> int:
    """Registered hardship members with no welfare payment to them in the period (one query)."""
    paid = WelfarePayment.objects.filter(member=OuterRef("pk")).in_period(period.start, period.end)
    return (
        Member.objects.filter(branch=branch, status=MemberStatus.ACTIVE, is_hardship=True)
        .exclude(Exists(paid))
        .count()
    )


def _plan_progress(branch: Branch, year: int, period: Period) -> PlanProgress | None:
    """Items of the year's plan scheduled within the period; an item is done when something dated
    within the period carried it out (an activity, a payment, a meeting, an honour or her own
    mark: plan_tracking), so a September activity does not complete a May item in the 上半年
    summary. An item only reported as 正在推进 is told apart from one nothing was done for."""
    items = list(
        with_progress(
            PlanItem.objects.filter(
                report__branch=branch, report__kind=ReportKind.PLAN, report__year=year, first_month__lte=period.end.month
            ),
            period.start, period.end,
        ).order_by("position")
    )
    if not items:
        return None
    return PlanProgress(
        planned=len(items),
        done=sum(1 for i in items if i.done),
        undone_texts=[f"{i.month_label}{i.text}" for i in items if not i.done and not i.in_progress],
        in_progress_texts=[f"{i.month_label}{i.text}" for i in items if not i.done and i.in_progress],
    )


def _following_plan(branch: Branch, year: int, *, half: bool) -> tuple[Report | None, list[PlanItem]]:
    """The plan a summary looks ahead to: next year's, or for 上半年 this year's July to December."""
    plan_year = year if half else year + 1
    plan = Report.objects.plans().filter(branch=branch, year=plan_year).first()
    if plan is None:
        return None, []
    items = PlanItem.objects.filter(report=plan).order_by("position")
    if half:
        items = items.filter(last_month__gte=7)
    return plan, list(items)


def _outline(plan: Report) -> PlanOutline:
    from .content import Document

    revision = plan.current_revision()
    document = Document.from_dict(revision.content)
    themes_section = document.section("themes")
    themes = [
        {"key": sub.key, "heading": sub.heading, "items": [p.text for p in sub.paragraphs]}
        for sub in (themes_section.subsections if themes_section else [])
    ]
    return PlanOutline(themes)
