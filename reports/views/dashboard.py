"""A branch's home page: the chosen year at a glance, from grouped queries (fixed query count)."""
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from .. import figures, stats
from ..access import can_edit_documents, can_edit_records, get_branch_for_user
from ..documents.worklists import worklist_for
from ..ledgers import LEDGERS
from ..models import Branch, Report
from ..models.documents import LIST_REVISIONS
from ..periods import RECENT_YEARS, Period, selectable_years


def chosen_year(request: HttpRequest) -> int:
    """The year asked for in ?year=, else the current one; nonsense falls back quietly."""
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        return this_year
    return year if year in selectable_years() else this_year


def _not_yet_drafted(reports) -> list[tuple[str, str]]:
    """(kind, label) of the year's 工作计划 and annual 工作总结 that have no report yet."""
    drafted = {report.kind for report in reports if not report.is_half_year}
    return [(kind, label) for kind, label in (("plan", "工作计划"), ("summary", "工作总结")) if kind not in drafted]


@login_required
@require_safe
def branch_home(request: HttpRequest, code: str) -> HttpResponse:
    """The branch's figures for one year. 404 for a branch the user may not read."""
    branch = get_branch_for_user(request.user, code)
    year = chosen_year(request)
    period = Period.year(year)
    records_of = stats.of_branch(branch)
    statements = figures.every_statement(records_of, period)
    reports = list(Report.objects.filter(branch=branch, year=year).prefetch_related(LIST_REVISIONS))
    return render(
        request,
        "reports/branch_home.html",
        {
            "branch": branch,
            "ledgers": LEDGERS.values(),
            "year": year,
            "years": selectable_years(recent=RECENT_YEARS),
            # members, activities, welfare, obtained, honors, meetings: every registered figure.
            **statements,
            # 帮扶慰问 as a drafted summary states it (without insurance premiums).
            "visits": figures.visits(statements["welfare"].rows),
            "monthly": stats.monthly_series(records_of, year),
            "children": Branch.objects.visible_to(request.user).filter(parent=branch),
            "reports": reports,
            # The documents of the year not begun yet, offered as 起草 buttons to those who draft.
            "to_draft": _not_yet_drafted(reports) if can_edit_documents(request.user, branch) else [],
            "can_edit": can_edit_records(request.user, branch),
            "worklist": worklist_for(request.user, branch),
        },
    )
