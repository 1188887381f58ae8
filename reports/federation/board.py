"""The reporting board: every union of a federation's subtree with the state of its plan and
summary for a year, submission and approval dates, and whether each was handed in on time.

When a document counts as handed in (报送): the first time its union's chair approved it, read
from the review history (Transition). Submitting only hands the text to the union's own chair;
the federation receives the document once it is approved, so that is the moment measured against
the deadline. A later reopen does not move that moment (the document was handed in; its state
column says it is being revised). Against the deadline of the year, a document is
  按时 (on_time)      first approved on or before the due day;
  逾期报送 (late)     first approved after it;
  逾期未交 (missing)  never approved, and the due day has passed;
  未到期 (pending)    never approved, and the due day has not passed yet;
  未纳入 (not_expected) the due day had passed before the union came into the system
                      (Branch.created_at): nobody asked it for that document here, so it counts
                      neither as missing nor in the 按时率, and is never reminded of.

One annotated query lists the unions (subqueries fetch each document's latest state and first
approval, and the database classifies it), so the page costs the same number of queries for 3
unions or 3,000, and the counts are grouped queries over the same annotations.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case, CharField, Count, OuterRef, Q, Subquery, Value, When
from django.utils import timezone

from ..choices import BranchKind, ReportKind, ReportPeriod, ReportState
from ..models import Branch, ReportingDeadlines, Revision, Transition
from ..numbers import percent

KINDS = (ReportKind.PLAN, ReportKind.SUMMARY)
STATE_LABELS = {"none": "未起草", **dict(ReportState.choices)}

ON_TIME, LATE, MISSING, PENDING, NOT_EXPECTED = "on_time", "late", "missing", "pending", "not_expected"
TIMELINESS_LABELS = {ON_TIME: "按时", LATE: "逾期报送", MISSING: "逾期未交", PENDING: "未到期", NOT_EXPECTED: "未纳入"}
OVERDUE = (LATE, MISSING)
HANDED_IN_RULE = (
    "以本工会主席首次审核通过的时间为报送时间，晚于截止日的为逾期报送；截止日已过仍未审核通过的为逾期未交。"
    "工会纳入本系统之前已到截止日的计划和总结为未纳入，不计入按时率。"
)


def deadlines_of(federation: Branch, year: int) -> ReportingDeadlines:
    """The federation's deadlines for the reports of `year` (that year's, else the nearest earlier
    year's, else the usual ones)."""
    return ReportingDeadlines.for_year(federation, year)


def due_dates(federation: Branch, year: int) -> dict[str, datetime.date]:
    deadlines = deadlines_of(federation, year)
    try:
        return {ReportKind.PLAN: deadlines.plan_due(year), ReportKind.SUMMARY: deadlines.summary_due(year)}
    except ValueError:  # 2月29日 set by hand, in a year without it: the last day of February
        plan_day = min(deadlines.plan_day, 28) if deadlines.plan_month == 2 else deadlines.plan_day
        summary_day = min(deadlines.summary_day, 28) if deadlines.summary_month == 2 else deadlines.summary_day
        return {
            ReportKind.PLAN: datetime.date(year, deadlines.plan_month, plan_day),
            ReportKind.SUMMARY: datetime.date(year + 1, deadlines.summary_month, summary_day),
        }


def end_of(due: datetime.date) -> datetime.datetime:
    """The first moment after the due day, in the site's time zone: approved before it is on time."""
    return timezone.make_aware(datetime.datetime.combine(due + datetime.timedelta(days=1), datetime.time.min))


def _revisions(kind: str, year: int):
    return Revision.objects.of_annual(kind, year).filter(report__branch=OuterRef("pk"))


def _first_approval(kind: str, year: int):
    return (
        Transition.objects.filter(
            report__branch=OuterRef("pk"), report__kind=kind, report__year=year, report__period=ReportPeriod.YEAR,
            to_state=ReportState.APPROVED,
        )
        .order_by("at")
        .values("at")[:1]
    )


def _timeliness(kind: str, due: datetime.date, today: datetime.date) -> Case:
    handed_in = f"{kind}_handed_in"
    return Case(
        When(created_at__gte=end_of(due), then=Value(NOT_EXPECTED)),
        When(**{f"{handed_in}__lt": end_of(due)}, then=Value(ON_TIME)),
        When(**{f"{handed_in}__isnull": False}, then=Value(LATE)),
        default=Value(MISSING if today > due else PENDING),
        output_field=CharField(),
    )


def board_queryset(federation: Branch, year: int, today: datetime.date | None = None):
    """The subtree's unions (and sub-federations) with, for the plan and the summary of `year`:
    <kind>_state, <kind>_submitted, <kind>_approved (while the current revision is approved),
    <kind>_handed_in (first approval) and <kind>_timeliness (ON_TIME, LATE, MISSING, PENDING)."""
    today = today or timezone.localdate()
    dues = due_dates(federation, year)
    rows = Branch.objects.subtree_of(federation).exclude(pk=federation.pk).exclude(kind=BranchKind.SUBUNIT)
    for kind in KINDS:
        latest = _revisions(kind, year).order_by("-number")
        rows = rows.annotate(
            **{
                f"{kind}_report": Subquery(latest.values("report_id")[:1]),
                f"{kind}_state": Subquery(latest.values("state")[:1]),
                f"{kind}_submitted": Subquery(latest.exclude(submitted_at=None).values("submitted_at")[:1]),
                f"{kind}_approved": Subquery(latest.values("approved_at")[:1]),
                f"{kind}_handed_in": Subquery(_first_approval(kind, year)),
            }
        ).annotate(**{f"{kind}_timeliness": _timeliness(kind, dues[kind], today)})
    return rows.order_by("path")


def overdue_q(kind: str) -> Q:
    """Handed in late, or not at all though due."""
    return Q(**{f"{kind}_timeliness__in": OVERDUE})


@dataclass(frozen=True)
class BoardFilters:
    plan_state: str = ""  # "" any; "none" not drafted; or a ReportState value
    summary_state: str = ""
    overdue: str = ""  # "" any; "plan"; "summary"; "any"; "missing" (still not handed in)
    sector: str = ""


def _state_q(kind: str, value: str) -> Q:
    if not value:
        return Q()
    if value == "none":
        return Q(**{f"{kind}_state__isnull": True})
    return Q(**{f"{kind}_state": value})


def _overdue_filter(value: str) -> Q:
    if value in KINDS:
        return overdue_q(value)
    if value == "any":
        return overdue_q(ReportKind.PLAN) | overdue_q(ReportKind.SUMMARY)
    if value == MISSING:
        return Q(plan_timeliness=MISSING) | Q(summary_timeliness=MISSING)
    return Q()


def filtered_board(federation: Branch, year: int, filters: BoardFilters, today: datetime.date):
    rows = board_queryset(federation, year, today)
    rows = rows.filter(_state_q("plan", filters.plan_state), _state_q("summary", filters.summary_state))
    if filters.sector:
        rows = rows.filter(sector=filters.sector)
    return rows.filter(_overdue_filter(filters.overdue))


def state_counts(federation: Branch, year: int) -> dict[str, dict[str, int]]:
    """How many unions are in each state, per kind (two grouped queries)."""
    counts = {}
    for kind in KINDS:
        grouped = board_queryset(federation, year).order_by().values(f"{kind}_state").annotate(n=Count("id"))
        counts[kind] = {(row[f"{kind}_state"] or "none"): row["n"] for row in grouped}
    return counts


@dataclass(frozen=True)
class Timeliness:
    """How the unions of the board stand against one deadline."""

    on_time: int = 0
    late: int = 0
    missing: int = 0
    pending: int = 0
    not_expected: int = 0

    @property
    def due(self) -> int:
        """The documents the rate is taken over: every one handed in, and every one past due, of
        the unions that were in the system by its due day."""
        return self.on_time + self.late + self.missing

    @property
    def rate(self) -> str:
        """按时率, as a percentage; empty while nothing is due or handed in."""
        return percent(self.on_time, self.due) if self.due else ""


def timeliness_counts(federation: Branch, year: int, today: datetime.date) -> dict[str, Timeliness]:
    """Per kind, how many unions handed in on time, late, not at all, are not yet due, or were
    not in the system by the due day (two grouped queries)."""
    counts = {}
    for kind in KINDS:
        field = f"{kind}_timeliness"
        grouped = board_queryset(federation, year, today).order_by().values(field).annotate(n=Count("id"))
        counts[kind] = Timeliness(**{row[field]: row["n"] for row in grouped})
    return counts


def is_overdue(row, kind: str) -> bool:
    return getattr(row, f"{kind}_timeliness") in OVERDUE


def is_missing(row, kind: str) -> bool:
    return getattr(row, f"{kind}_timeliness") == MISSING
