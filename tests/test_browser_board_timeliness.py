"""In a real browser, the demo county's board: the officer lands on it, reads how many summaries
came in on time, late or not at all, filters the late ones and opens one in a click."""
import datetime

import pytest

from reports.demo import load_demo
from reports.federation import board as boards
from reports.models import Branch, ReportingDeadlines, Transition

from .browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def approved_on(code, day):
    Transition.objects.filter(report__branch__code=code, report__kind="summary", to_state="approved").update(
        at=boards.end_of(day) - datetime.timedelta(hours=12)
    )


def test_the_board_counts_late_summaries(page):
    load_demo()
    today = datetime.date.today()
    year = today.year - 1
    due = datetime.date(today.year, 1, 1)
    ReportingDeadlines.objects.create(branch=Branch.objects.get(code="county"), year=year, summary_month=1, summary_day=1)
    approved_on("bureau", due - datetime.timedelta(days=10))  # on time
    approved_on("school", due + datetime.timedelta(days=4))  # late
    missing = 1 if today > due else 0  # the waterworks union has no summary at all

    log_in(page, "county-officer", "unionreports")
    assert page.url.endswith("/b/county/board/")
    page.goto(f"/b/county/board/?year={year}")
    counts = page.get_by_test_id("summary-timeliness")
    assert counts.locator("[data-count=on_time]").inner_text() == "1"
    assert counts.locator("[data-count=late]").inner_text() == "1"
    assert counts.locator("[data-count=missing]").inner_text() == str(missing)
    assert counts.locator("[data-count=rate]").inner_text() == ("33.3%" if missing else "50%")
    board = page.get_by_test_id("board")
    assert board.locator("tr", has_text="示范县实验小学工会").get_by_text("逾期报送").is_visible()
    assert board.locator("tr", has_text="示范县住房和城乡建设局机关工会").get_by_text("按时").is_visible()

    page.get_by_label("逾期").select_option("summary")
    page.get_by_role("button", name="筛选").click()
    names = board.locator("tbody tr").all_inner_texts()
    assert any("示范县实验小学工会" in n for n in names)
    assert not any("示范县住房和城乡建设局机关工会" in n for n in names)
    board.locator("tr", has_text="示范县实验小学工会").locator("[data-cell=summary] a").click()
    assert page.get_by_test_id("state").inner_text() == "已通过"
