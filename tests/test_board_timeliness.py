"""Handed in on time, late, or not at all: each union's plan and summary against the deadline of
the year, on the board, in its header counts and 按时率, its overdue filter and its xlsx."""
import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.documents import review, services
from reports.federation import board as boards
from reports.models import ReportingDeadlines, Transition

from .conftest import PASSWORD, make_branch
from .federations import YEAR, Area
from .reviews import fill_placeholders

SUMMARY_DUE = datetime.date(YEAR + 1, 1, 1)
DAY = datetime.timedelta(days=1)


def moved(report, to_state, day):
    """Date the report's review steps into `to_state` to noon of `day`, as if they happened then."""
    at = boards.end_of(day) - datetime.timedelta(hours=12)
    Transition.objects.filter(report=report, to_state=to_state).update(at=at)


def submitted(area, union):
    secretary, _ = area.people[union.code]
    report = services.create_summary(branch=union, year=YEAR, user=None)
    fill_placeholders(report)
    review.submit_report(report=report, actor=secretary)
    return report


@pytest.fixture
def area(db):
    area = Area()
    ReportingDeadlines.objects.create(branch=area.city, year=YEAR, summary_month=1, summary_day=1)
    on_time = area.approve_summary(area.u1).report  # submitted and approved before the deadline
    moved(on_time, "submitted", SUMMARY_DUE - 3 * DAY)
    moved(on_time, "approved", SUMMARY_DUE)
    late = area.approve_summary(area.u2).report  # submitted in time, approved the day after
    moved(late, "submitted", SUMMARY_DUE - DAY)
    moved(late, "approved", SUMMARY_DUE + DAY)
    moved(submitted(area, area.u3), "submitted", SUMMARY_DUE - DAY)  # submitted in time, never approved
    return area  # u4: nothing at all


def summary_timeliness(area, today):
    return {row.code: row.summary_timeliness for row in boards.board_queryset(area.city, YEAR, today) if row.code.startswith("u")}


def test_on_time_late_and_missing_per_union(area):
    assert summary_timeliness(area, SUMMARY_DUE + 2 * DAY) == {"u1": "on_time", "u2": "late", "u3": "missing", "u4": "missing"}


def test_before_the_deadline_nothing_is_missing_yet(area):
    # On the due day u2's approval has not happened yet either: the board of that day says 未到期.
    Transition.objects.filter(report__branch=area.u2, to_state="approved").update(at=boards.end_of(SUMMARY_DUE + DAY))
    assert summary_timeliness(area, SUMMARY_DUE) == {"u1": "on_time", "u2": "late", "u3": "pending", "u4": "pending"}


def test_counts_rate_and_filter(area):
    today = SUMMARY_DUE + 2 * DAY
    counts = boards.timeliness_counts(area.city, YEAR, today)["summary"]
    # east and west are federations on the board too, with no summary of their own: missing.
    assert (counts.on_time, counts.late, counts.missing, counts.pending) == (1, 1, 4, 0)
    assert counts.rate == "16.7"
    late = boards.filtered_board(area.city, YEAR, boards.BoardFilters(overdue="summary"), today)
    assert sorted(r.code for r in late) == ["east", "u2", "u3", "u4", "west"]
    # 逾期未交 of either kind: no plan was ever drafted, so every union is still asked for one.
    missing = boards.filtered_board(area.city, YEAR, boards.BoardFilters(overdue="missing"), today)
    assert sorted(r.code for r in missing) == ["east", "u1", "u2", "u3", "u4", "west"]


def test_the_board_page_and_its_xlsx_say_the_same(client, area):
    client.login(username="city-officer", password=PASSWORD)
    response = client.get(reverse("reports:board", args=["city"]), {"year": YEAR, "overdue": "summary"})
    page = response.content.decode()
    assert sorted(row.code for row, _ in response.context["rows"]) == ["east", "u2", "u3", "u4", "west"]
    assert "按时率" in page and "逾期报送" in page and "首次审核通过的时间为报送时间" in page
    export = client.get(reverse("reports:board_export", args=["city"]), {"year": YEAR})
    rows = list(openpyxl.load_workbook(io.BytesIO(export.content)).active.values)
    column = rows[0].index("总结报送情况")
    overdue = rows[0].index("总结逾期")
    by_code = {row[0]: (row[column], row[overdue]) for row in rows[1:]}
    assert by_code["u1"] == ("按时", "否")
    assert by_code["u2"] == ("逾期报送", "是")
    assert by_code["u3"] == ("逾期未交", "是") and by_code["u4"] == ("逾期未交", "是")


def test_the_board_costs_the_same_queries_for_more_unions(client, area):
    client.login(username="city-officer", password=PASSWORD)
    url = reverse("reports:board", args=["city"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"year": YEAR}).status_code == 200
        return len(captured)

    before = queries()
    for i in range(8):
        make_branch(f"extra{i}", parent=area.east)
    assert queries() == before


def test_board_dates_always_name_their_year(client, area):
    from reports.models import Revision

    Revision.objects.filter(report__branch=area.u3).update(submitted_at=boards.end_of(datetime.date(YEAR, 12, 30)))
    client.login(username="city-officer", password=PASSWORD)
    page = client.get(reverse("reports:board", args=["city"]), {"year": YEAR}).content.decode()
    assert f"{YEAR}年12月31日" in page  # u3's submission, in the board's own year
    # u2's late approval, in the next year: it reads against the deadline (also that year's).
    assert f'逾期报送</span> <span class="text-muted">{YEAR + 1}年1月2日</span>' in page
    assert f'<span class="text-muted">{YEAR + 1}年1月1日</span>' in page  # u1's on-time approval
    assert "今年" not in page
