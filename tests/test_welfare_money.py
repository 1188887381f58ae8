"""Whose money a welfare figure counts: the union's payments (its funds, the administration's, an
upper union's) are its welfare spending; staff donations it collected and relief it applied for
are figures of their own, on the home page, in the roll-up and in the federation's totals."""
import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from reports import stats
from reports.choices import FundSource
from reports.federation import rollup
from reports.federation.totals import live_area_totals, live_by_child, rolled_up_totals
from reports.periods import Period

from .conftest import PASSWORD
from .federations import YEAR, Area
from .records import make_payment


def add_obtained_money(union):
    make_payment(union, datetime.date(YEAR, 6, 1), reason="hardship", fund_source=FundSource.DONATION,
                 headcount=1, cash=Decimal("8600"))
    make_payment(union, datetime.date(YEAR, 7, 1), reason="serious_illness", fund_source=FundSource.RELIEF_APPLIED,
                 headcount=2, cash=Decimal("10000"), goods_value=Decimal("500"))
    make_payment(union, datetime.date(YEAR, 8, 1), reason="sickness", fund_source=FundSource.HIGHER_UNION,
                 headcount=1, cash=Decimal("300"))


@pytest.fixture
def area(db):
    area = Area()
    add_obtained_money(area.u1)
    return area


def test_the_unions_welfare_counts_only_its_own_payments(area):
    totals = stats.welfare_by_reason(stats.of_branch(area.u1), Period.year(YEAR))
    # The Area's own payment (100元, union funds) and the upper union's subsidy (300元).
    assert totals.extra["amount"] == Decimal("400") and totals.extra["headcount"] == 5 + 1
    assert {r.reason for r in totals.rows} == {"festival", "sickness"}
    obtained = stats.obtained_by_source(stats.of_branch(area.u1), Period.year(YEAR))
    assert {r.source: (r.headcount, r.amount) for r in obtained.rows} == {
        "donation": (1, Decimal("8600")), "relief_applied": (2, Decimal("10500")),
    }
    assert stats.monthly_series(stats.of_branch(area.u1), YEAR)["spending"][5:8] == [0, 0, 300]


def test_the_federation_totals_keep_the_two_apart(area):
    area.approve_summary(area.u1)
    for totals in (rolled_up_totals(area.east, YEAR), live_area_totals(area.east, YEAR, approved_only=True)):
        assert totals.welfare.extra["amount"] == Decimal("400")
        assert totals.obtained.extra["amount"] == Decimal("19100")
    row = next(r for r in live_by_child(area.city, YEAR, approved_only=False) if r.branch == area.east)
    assert row.welfare_amount == Decimal("400") + Decimal("200")  # u1 and u2's own payments
    frozen = {(f["metric"], f["key"]): f for f in rollup.figures_to_freeze(area.u1, YEAR)}
    assert ("welfare", "hardship") not in frozen and ("welfare", "serious_illness") not in frozen
    assert frozen[("obtained", "donation")]["measures"]["cash"] == "8600.00"


def test_the_home_page_states_the_obtained_money_apart(client, area):
    client.login(username="u1-sec", password=PASSWORD)
    response = client.get(reverse("reports:branch_home", args=["u1"]), {"year": YEAR})
    assert response.context["welfare"].extra["amount"] == Decimal("400")
    page = response.content.decode()
    assert "职工捐款（代收代转） 1 人次、8600.00 元" in page
