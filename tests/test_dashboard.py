"""The home page states the year's figures, and costs the same queries for 10 or 1,000 records."""
import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.documents import services
from reports.models import Report

from .conftest import PASSWORD
from .records import fill_branch, make_activity, make_honor, make_meeting, make_member, make_payment

YEAR = 2024


def test_home_page_figures(client, cast):
    make_member(cast.school, "甲", gender="female")
    make_member(cast.school, "乙", gender="male", is_hardship=True, hardship_reason="患病")
    make_member(cast.school, "丙", gender="female", status="retired")
    make_activity(cast.school, datetime.date(YEAR, 3, 8), participants=40, category="women")
    make_activity(cast.school, datetime.date(YEAR, 5, 1), participants=60, category="sports")
    make_activity(cast.school, datetime.date(YEAR, 6, 1), participants=10, category="sports")
    make_activity(cast.school, datetime.date(YEAR - 1, 6, 1), participants=999)
    make_payment(cast.school, datetime.date(YEAR, 1, 20), headcount=30, cash=Decimal("6000"), goods_value=Decimal("500.50"))
    make_payment(cast.school, datetime.date(YEAR, 4, 2), reason="sickness", headcount=2, cash=Decimal("800"))
    make_honor(cast.school, datetime.date(YEAR, 4, 28))
    make_meeting(cast.school, datetime.date(YEAR, 3, 1), proposals_received=12, proposals_accepted=5)
    make_activity(cast.plant, datetime.date(YEAR, 5, 1), participants=500)

    client.login(username="alice", password=PASSWORD)
    response = client.get(reverse("reports:branch_home", args=["school"]), {"year": YEAR})
    ctx = response.context
    assert (ctx["members"].in_register, ctx["members"].female, ctx["members"].retired, ctx["members"].hardship) == (2, 1, 1, 1)
    by_category = {r.label: (r.count, r.participants) for r in ctx["activities"].rows}
    assert by_category == {"女职工工作": (1, 40), "体育活动": (2, 70)}
    by_reason = {r.label: (r.headcount, r.cash, r.goods) for r in ctx["welfare"].rows}
    assert by_reason == {"节日慰问": (30, Decimal("6000"), Decimal("500.50")), "生病住院慰问": (2, Decimal("800"), Decimal("0"))}
    assert ctx["welfare"].extra["amount"] == Decimal("7300.50")
    assert ctx["monthly"]["activities"][2:6] == [1, 0, 1, 1]
    assert ctx["monthly"]["spending"][0] == 6500.5
    page = response.content.decode()
    assert "7300.50" in page and "体育活动" in page and "提案 12，立案 5" in page


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url_name, args",
    [("reports:branch_home", ["school"])]
    + [("reports:ledger", ["school", slug]) for slug in ["members", "activities", "welfare", "honors", "meetings"]],
)
def test_query_count_does_not_grow_with_records(client, cast, url_name, args):
    client.login(username="alice", password=PASSWORD)
    url = reverse(url_name, args=args) + f"?year={YEAR}"
    fill_branch(cast.school, YEAR, 10)
    few = count_queries(client, url)
    fill_branch(cast.plant, YEAR, 10)  # another branch's rows must not matter either
    from reports.models import Member

    Member.objects.filter(branch=cast.school).update(name="旧")  # free the names for a second fill
    fill_branch(cast.school, YEAR, 990)
    assert count_queries(client, url) == few


def test_the_documents_card_offers_to_draft_what_the_year_lacks(client, cast):
    year = datetime.date.today().year
    services.create_plan(branch=cast.school, year=year, user=None)
    assert client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("reports:branch_home", args=["school"]), {"year": year}).content.decode()
    assert f"起草{year}年工作总结" in page and f"起草{year}年工作计划" not in page
    response = client.post(reverse("reports:document_create", args=["school"]), {"kind": "summary", "year": year})
    assert Report.objects.filter(branch=cast.school, year=year, kind="summary").exists(), response
    client.logout()
    assert client.login(username="oscar", password=PASSWORD)  # the county officer reads, never drafts here
    assert "起草" not in client.get(reverse("reports:branch_home", args=["school"]), {"year": year}).content.decode()
