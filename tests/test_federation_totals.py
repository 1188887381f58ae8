"""A federation's totals equal independently computed sums, at every level of the tree."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.federation.totals import area_totals, totals_by_child

from .conftest import PASSWORD, make_branch
from .federations import YEAR, Area
from .records import make_activity


@pytest.fixture
def area(db):
    return Area()


LEVELS = {"city": ["u1", "u2", "u3", "u4"], "east": ["u1", "u2"], "west": ["u3"]}


@pytest.mark.parametrize("level", sorted(LEVELS))
def test_all_records_totals_equal_the_sums_at_every_level(area, level):
    federation = getattr(area, level)
    codes = LEVELS[level]
    totals = area_totals(federation, YEAR, approved_only=False)
    assert totals.unions.total == len(codes)
    assert totals.activities.count == area.expected_sum(codes, "activities")
    assert totals.activities.extra["participants"] == area.expected_sum(codes, "participants")
    assert totals.welfare.extra["headcount"] == area.expected_sum(codes, "headcount")
    assert totals.welfare.extra["amount"] == area.expected_sum(codes, "amount")
    assert totals.members.in_register == area.expected_sum(codes, "members")
    assert totals.members.female == len(codes)
    assert totals.meetings.extra["proposals_received"] == area.expected_sum(codes, "received")
    assert totals.meetings.extra["proposals_accepted"] == area.expected_sum(codes, "accepted")
    assert totals.unions.workforce == area.expected_sum(codes, "workforce")


def test_by_default_only_unions_with_an_approved_summary_count(area):
    area.approve_summary(area.u2)
    area.approve_summary(area.u3)
    totals = area_totals(area.city, YEAR)
    counted = ["u2", "u3"]
    assert (totals.unions.total, totals.unions.with_approved_summary, totals.unions.counted) == (4, 2, 2)
    assert totals.activities.count == area.expected_sum(counted, "activities")
    assert totals.welfare.extra["amount"] == area.expected_sum(counted, "amount")
    assert totals.members.in_register == area.expected_sum(counted, "members")
    assert totals.unions.workforce == area.expected_sum(counted, "workforce")
    expected_rate = round(area.expected_sum(counted, "members") * 100 / area.expected_sum(counted, "workforce"), 1)
    assert float(totals.join_rate) == expected_rate


def test_records_of_other_years_and_other_areas_do_not_count(area):
    outsider = make_branch("outsider")
    make_activity(outsider, datetime.date(YEAR, 4, 1), participants=500)
    make_activity(area.u1, datetime.date(YEAR - 1, 4, 1), participants=500)
    totals = area_totals(area.city, YEAR, approved_only=False)
    assert totals.activities.extra["participants"] == area.expected_sum(LEVELS["city"], "participants")


def test_drill_down_rows_equal_the_sums_of_each_child(area):
    rows = {row.branch.code if row.branch else "own": row for row in totals_by_child(area.city, YEAR, approved_only=False)}
    assert set(rows) == {"east", "west", "u4"}
    for child, codes in (("east", ["u1", "u2"]), ("west", ["u3"]), ("u4", ["u4"])):
        row = rows[child]
        assert row.unions == len(codes)
        assert row.activities == area.expected_sum(codes, "activities")
        assert row.participants == area.expected_sum(codes, "participants")
        assert row.welfare_headcount == area.expected_sum(codes, "headcount")
        assert row.welfare_amount == area.expected_sum(codes, "amount")
        assert row.members == area.expected_sum(codes, "members")
        assert row.proposals_received == area.expected_sum(codes, "received")
    east_rows = {row.branch.code: row for row in totals_by_child(area.east, YEAR, approved_only=False)}
    assert set(east_rows) == {"u1", "u2"} and east_rows["u2"].activities == 2


def test_totals_page_shows_the_switch_and_drills_down(client, area):
    client.login(username="city-officer", password=PASSWORD)
    page = client.get(reverse("reports:totals", args=["city"]), {"year": YEAR}).content.decode()
    assert "仅统计总结已通过的工会" in page and "含未审核通过的记录" not in page
    page = client.get(reverse("reports:totals", args=["city"]), {"year": YEAR, "scope": "all"}).content.decode()
    assert "含未审核通过的记录" in page
    assert reverse("reports:totals", args=["east"]) in page  # the drill-down link to a child federation
    assert client.get(reverse("reports:totals", args=["east"]), {"year": YEAR}).status_code == 200


def add_unions(parent, count, start):
    from reports.choices import BranchKind
    from reports.models import Branch

    for i in range(start, start + count):
        Branch.objects.create(code=f"extra{i}", name=f"第{i}工会", parent=parent, kind=BranchKind.GRASSROOTS)


@pytest.mark.parametrize("url_name", ["reports:board", "reports:totals", "reports:reminders"])
def test_query_count_does_not_grow_from_3_to_300_unions(client, area, url_name):
    client.login(username="city-officer", password=PASSWORD)
    url = reverse(url_name, args=["city"]) + f"?year={YEAR}&scope=all"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries()
    add_unions(area.east, 150, 0)
    add_unions(area.west, 146, 150)
    assert queries() == few
