"""The embedded default holds a small office: `manage.py runserver` on a SQLite file, twelve
secretaries logging in and saving at once, and logins going through while a slow page is read."""
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from .live_server import OFFICE_SIZE, Browser, office_server

pytestmark = pytest.mark.sqlite
SAVES_EACH = 4


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    database = tmp_path_factory.mktemp("office") / "office.sqlite3"
    with office_server(database) as base_url:
        yield base_url, database


def activity(number: int) -> dict:
    return {"title": f"拔河比赛第{number}场", "category": "sports", "start_date": "2024-05-10", "participants": "60", "cost": "800.50"}


def saved_titles(database) -> dict[str, list[str]]:
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT b.code, a.title FROM reports_activity a JOIN reports_branch b ON b.id = a.branch_id ORDER BY b.code, a.title"
        ).fetchall()
    titles: dict[str, list[str]] = {}
    for code, title in rows:
        titles.setdefault(code, []).append(title)
    return titles


def test_twelve_secretaries_log_in_and_save_at_once(office):
    base_url, database = office
    everyone_ready = threading.Barrier(OFFICE_SIZE)

    def secretary_at_work(number: int) -> list[int]:
        browser = Browser(base_url)
        assert browser.get("/accounts/login/")[0] == 200
        everyone_ready.wait(timeout=30)
        statuses = [browser.log_in(f"sec{number:02}")]
        for save in range(SAVES_EACH):
            statuses.append(browser.post(f"/b/unit{number:02}/ledger/activities/new/", activity(save))[0])
        return statuses

    with ThreadPoolExecutor(OFFICE_SIZE) as pool:
        statuses = list(pool.map(secretary_at_work, range(1, OFFICE_SIZE + 1)))

    # Every login and every save redirects (302); a 500 is the database refusing a writer.
    assert statuses == [[302] * (1 + SAVES_EACH)] * OFFICE_SIZE
    expected = sorted(activity(save)["title"] for save in range(SAVES_EACH))
    assert saved_titles(database) == {f"unit{number:02}": expected for number in range(1, OFFICE_SIZE + 1)}


def test_logins_go_through_while_a_slow_page_is_read(office):
    base_url, _ = office
    reading_seconds = 8
    with ThreadPoolExecutor(1) as reader:
        slow_page = reader.submit(Browser(base_url).get, f"/test-only/slow-read/?seconds={reading_seconds}")
        time.sleep(1)  # the read is open now
        with ThreadPoolExecutor(4) as pool:
            logins = list(pool.map(lambda number: Browser(base_url).log_in(f"sec{number:02}"), range(1, 5)))
        read_still_open = not slow_page.done()
        assert slow_page.result() == (200, f"{OFFICE_SIZE} users")
    assert logins == [302] * 4
    assert read_still_open, "the logins waited for the slow read to end"
