"""What a union's previous year gives the plan of the next: its activities, congress and welfare
campaigns (the months its work actually happened in), the items its plan left undone, and the
problems its summary named. Gathered in a fixed number of queries, whatever the number of records.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When

from ..choices import HonorKind, MeetingKind, ReportKind, ReportState, WelfareReason
from ..models import Activity, Branch, Honor, Meeting, PlanItem, Revision, WelfarePayment
from .content import Document
from .plan_tracking import undone_in

# The welfare the union runs as a campaign in a season of its own, worth a line in the schedule.
CAMPAIGN_REASONS = (WelfareReason.FESTIVAL, WelfareReason.SUMMER_COOLING, WelfareReason.SCHOOL_AID)


@dataclass(frozen=True)
class CampaignPayment:
    """One payment of a welfare campaign: when, what for, and to whom (for group payments)."""

    reason: str
    occasion: str
    day: datetime.date
    recipients: str
    headcount: int


@dataclass
class PlanBasis:
    """The year before the plan's year, as far as the plan draws on it."""

    year: int
    # Each activity carries `won_prize`: a prize (HonorKind.PRIZE) was recorded for it.
    activities: list[Activity] = field(default_factory=list)
    congresses: list[Meeting] = field(default_factory=list)
    campaign_payments: list[CampaignPayment] = field(default_factory=list)
    # Items of that year's plan that nothing of the year carried out.
    unfinished: list[PlanItem] = field(default_factory=list)
    # The paragraphs of that year's summary's 存在问题, as the union last wrote them.
    problems: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.activities or self.congresses or self.campaign_payments or self.unfinished or self.problems)


def gather_plan_basis(branch: Branch, plan_year: int) -> PlanBasis:
    """The previous year of a plan for `plan_year` (five queries)."""
    year = plan_year - 1
    return PlanBasis(
        year=year,
        activities=_activities(branch, year),
        congresses=list(
            Meeting.objects.filter(branch=branch, kind__in=MeetingKind.congresses()).in_year(year).order_by("date", "id")
        ),
        campaign_payments=[
            CampaignPayment(*row)
            for row in WelfarePayment.objects.filter(branch=branch, reason__in=CAMPAIGN_REASONS)
            .in_year(year)
            .order_by("date", "id")
            .values_list("reason", "occasion", "date", "recipients", "headcount")
        ],
        unfinished=_unfinished_plan_items(branch, year),
        problems=_summary_problems(branch, year),
    )


def _activities(branch: Branch, year: int) -> list[Activity]:
    prizes = Honor.objects.filter(activity=OuterRef("pk"), kind=HonorKind.PRIZE)
    return list(
        Activity.objects.filter(branch=branch)
        .in_year(year)
        .annotate(won_prize=Exists(prizes))
        .order_by("start_date", "id")
    )


def _unfinished_plan_items(branch: Branch, year: int) -> list[PlanItem]:
    """Items of the year's plan that nothing of that year carried out (plan_tracking): the same
    rule by which the year's summary counts them as not done."""
    items = PlanItem.objects.filter(report__branch=branch, report__kind=ReportKind.PLAN, report__year=year)
    return list(undone_in(items, datetime.date(year, 1, 1), datetime.date(year, 12, 31)).order_by("position"))


def _summary_problems(branch: Branch, year: int) -> list[str]:
    """The 存在问题 paragraphs of the year's annual summary: its approved revision when there is
    one (what the chair signed), else its current one."""
    revision = (
        Revision.objects.of_annual_summaries(year)
        .filter(report__branch=branch)
        .annotate(signed=Case(When(state=ReportState.APPROVED, then=Value(1)), default=Value(0), output_field=IntegerField()))
        .order_by("-signed", "-number")
        .only("content")
        .first()
    )
    if revision is None:
        return []
    section = Document.from_dict(revision.content).section("problems")
    return [p.text.strip() for p in (section.paragraphs if section else []) if p.text.strip()]
