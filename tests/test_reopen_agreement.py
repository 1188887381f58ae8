"""One meaning of 已通过: a reopened summary is not approved until it is approved again, and the
board, the approved totals (rolled up and live) and the document itself all say so."""
import pytest
from django.urls import reverse

from reports.documents import review
from reports.federation import board as boards
from reports.federation.totals import area_totals, live_area_totals, totals_by_child
from reports.models import Revision

from .conftest import PASSWORD
from .federations import YEAR, Area
from .reviews import approve


@pytest.fixture
def area(db):
    area = Area()
    area.approve_summary(area.u1)
    area.approve_summary(area.u2)
    area.approve_summary(area.u3)
    return area


def numbers(area, client):
    """What each place says of the city's approved summaries: (board, totals, live totals, page, documents)."""
    rolled = area_totals(area.city, YEAR)
    live = live_area_totals(area.city, YEAR, approved_only=True)
    page = client.get(reverse("reports:totals", args=["city"]), {"year": YEAR}).context["totals"]
    return {
        "board": boards.state_counts(area.city, YEAR)["summary"].get("approved", 0),
        "totals": rolled.unions.with_approved_summary,
        "counted": rolled.unions.counted,
        "live": live.unions.with_approved_summary,
        "page": page.unions.with_approved_summary,
        "documents": Revision.objects.approved_annual_summaries(YEAR).count(),
        "activities": (rolled.activities.count, live.activities.count),
        "children": sum(row.unions for row in totals_by_child(area.city, YEAR)),
    }


def test_a_reopen_counts_out_everywhere_and_a_reapproval_back_in(client, area):
    client.login(username="city-officer", password=PASSWORD)
    three = sum(area.expected[c]["activities"] for c in ("u1", "u2", "u3"))
    assert numbers(area, client) == {
        "board": 3, "totals": 3, "counted": 3, "live": 3, "page": 3, "documents": 3, "activities": (three, three), "children": 3,
    }
    report = Revision.objects.approved_annual_summaries(YEAR).get(report__branch=area.u1).report
    review.reopen_report(report=report, actor=area.city_officer, reason="数字有误，请核对。")
    two = three - area.expected["u1"]["activities"]
    assert numbers(area, client) == {
        "board": 2, "totals": 2, "counted": 2, "live": 2, "page": 2, "documents": 2, "activities": (two, two), "children": 2,
    }
    secretary, chair = area.people["u1"]
    approve(report, secretary=secretary, chair=chair)
    assert numbers(area, client)["totals"] == numbers(area, client)["board"] == 3
