"""What a federation's summary names beside its totals: the area's largest events, the prizes
and titles its unions won, its largest congress, and which unions reported first and on time.

The totals are counted; these are told, each with the union it belongs to, as the reference's
federation summaries do ("为金诚泰化工有限责任工会委员会…等7家企业发放…"). They are read from the
records of the unions whose summary for the year is approved, the same unions the totals count.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, Value, When
from django.utils import timezone

from ..choices import (
    HonorKind,
    HonorLevel,
    MeetingKind,
    Participation,
    RecipientKind,
    ReportState,
)
from ..models import Activity, Branch, Honor, Meeting
from ..periods import Period
from .board import board_queryset, due_dates
from .scope import records_scope

LARGEST_EVENTS = 3
PRIZES = 3
TITLES = 3
INDIVIDUALS = 3
# Higher levels first: a national title is told before a county one.
# Higher levels first (the order of HonorLevel), computed in the database so that only the
# honours told are read, however large the area.
LEVEL_RANK = Case(
    *(When(level=value, then=Value(rank)) for rank, (value, _label) in enumerate(HonorLevel.choices)),
    default=Value(len(HonorLevel.choices)),
)


@dataclass(frozen=True)
class NamedEvent:
    union: str
    title: str
    participants: int
    attended: bool  # the union took its members to someone else's event


@dataclass(frozen=True)
class NamedHonor:
    winner: str  # who is named as having won it: a team, a member (with the union), or the union
    title: str
    awarding_body: str


@dataclass(frozen=True)
class TitleGroup:
    """One title conferred by one body on one or more unions (模范职工之家 on two schools)."""

    title: str
    awarding_body: str
    winners: list[str]


@dataclass(frozen=True)
class NamedCongress:
    union: str
    name: str  # 六届三次教职工代表大会
    received: int
    accepted: int


@dataclass(frozen=True)
class Reporting:
    first: str  # the union whose approved summary was handed in first; "" when none was
    on_time: int  # approved summaries handed in by the deadline
    approved: int


@dataclass
class AreaHighlights:
    largest_events: list[NamedEvent] = field(default_factory=list)
    prizes: list[NamedHonor] = field(default_factory=list)
    titles: list[TitleGroup] = field(default_factory=list)
    individuals: list[TitleGroup] = field(default_factory=list)
    congress: NamedCongress | None = None
    reporting: Reporting = Reporting("", 0, 0)


def area_highlights(federation: Branch, year: int) -> AreaHighlights:
    scope = records_scope(federation, year, approved_only=True)
    period = Period.year(year)
    return AreaHighlights(
        largest_events=largest_events(scope, period),
        prizes=prizes_won(scope, period),
        titles=titles_conferred(scope, period),
        individuals=individual_honours(scope, period),
        congress=largest_congress(scope, period),
        reporting=reporting_order(federation, year),
    )


def _union(record) -> str:
    return record.branch.display_name


def largest_events(scope, period) -> list[NamedEvent]:
    """The largest event of each of the unions with the largest events: an area's highlights are
    spread over its unions, not three events of the one biggest union."""
    activities = (
        Activity.objects.filter(scope).in_period(period.start, period.end).filter(participants__gt=0)
        .select_related("branch").order_by("-participants", "start_date", "pk")
    )
    events, unions = [], set()
    for activity in activities.iterator(chunk_size=200):
        if activity.branch_id in unions:
            continue
        unions.add(activity.branch_id)
        events.append(NamedEvent(
            _union(activity), activity.title.strip(), activity.participants,
            activity.participation == Participation.ATTENDED,
        ))
        if len(events) == LARGEST_EVENTS:
            break
    return events


def _honours(scope, period, kind: str, **conditions):
    """The area's honours of a kind, higher levels first, then by date."""
    return (
        Honor.objects.filter(scope, kind=kind, **conditions).in_period(period.start, period.end)
        .select_related("branch").order_by(LEVEL_RANK, "date", "pk")
    )


def _winner(honour) -> str:
    recipients = honour.recipients.strip()
    if honour.recipient_kind == RecipientKind.INDIVIDUAL and recipients:
        return f"{_union(honour)}的{recipients}"
    if not recipients or recipients == honour.branch.name:
        return _union(honour)  # the union itself, by the name it goes by
    return recipients


def prizes_won(scope, period) -> list[NamedHonor]:
    return [
        NamedHonor(_winner(h), h.title.strip(), h.awarding_body.strip())
        for h in _honours(scope, period, HonorKind.PRIZE)[:PRIZES]
    ]


def _grouped_titles(scope, period, recipient_kind: str, limit: int, *, by_body: bool) -> list[TitleGroup]:
    """Titles conferred, the same title (from the same body, when the body is said) told once
    with all its holders, higher levels first."""
    groups: dict[tuple[str, str], list[str]] = {}
    for honour in _honours(scope, period, HonorKind.TITLE, recipient_kind=recipient_kind):
        body = honour.awarding_body.strip() if by_body else ""
        winners = groups.setdefault((honour.title.strip(), body), [])
        winner = _winner(honour)
        if winner not in winners:
            winners.append(winner)
    return [TitleGroup(title, body, winners) for (title, body), winners in list(groups.items())[:limit]]


def titles_conferred(scope, period) -> list[TitleGroup]:
    return _grouped_titles(scope, period, RecipientKind.COLLECTIVE, TITLES, by_body=True)


def individual_honours(scope, period) -> list[TitleGroup]:
    return _grouped_titles(scope, period, RecipientKind.INDIVIDUAL, INDIVIDUALS, by_body=False)


def largest_congress(scope, period) -> NamedCongress | None:
    meeting = (
        Meeting.objects.filter(scope, kind__in=MeetingKind.congresses(), proposals_received__gt=0)
        .in_period(period.start, period.end).select_related("branch")
        .order_by("-proposals_received", "date", "pk").first()
    )
    if meeting is None:
        return None
    name = f"{meeting.session.strip()}{meeting.get_kind_display()}"
    return NamedCongress(_union(meeting), name, meeting.proposals_received, meeting.proposals_accepted)


def reporting_order(federation: Branch, year: int) -> Reporting:
    """Among the approved summaries below: the first handed in, and how many came by the deadline."""
    due = due_dates(federation, year)["summary"]
    handed_in = [
        (timezone.localtime(row.summary_submitted), row.display_name)
        for row in board_queryset(federation, year)
        if row.summary_state == ReportState.APPROVED and row.summary_submitted
    ]
    handed_in.sort()
    on_time = sum(1 for when, _name in handed_in if when.date() <= due)
    return Reporting(handed_in[0][1] if handed_in else "", on_time, len(handed_in))

