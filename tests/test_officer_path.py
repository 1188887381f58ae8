"""The officer's short path: she lands on the board, opens a union's document from its row, and
takes the area's totals and records away as workbooks."""
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from reports.documents import services
from reports.federation.totals import area_totals, totals_by_child

from .conftest import PASSWORD
from .federations import YEAR, Area


@pytest.fixture
def area(db):
    area = Area()
    area.approve_summary(area.u1)
    area.approve_summary(area.u3)
    return area


def test_an_officer_lands_on_the_board(client, area):
    response = client.post(reverse("login"), {"username": "east-officer", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("reports:board", args=["east"])
    client.login(username="u1-sec", password=PASSWORD)
    assert client.get(reverse("reports:home"))["Location"] == reverse("reports:branch_home", args=["u1"])
    # The federation's chair approves its own documents: she lands where her worklist is.
    client.login(username="east-chair", password=PASSWORD)
    assert client.get(reverse("reports:home"))["Location"] == reverse("reports:branch_home", args=["east"])


def test_each_row_opens_the_unions_document_in_one_click(client, area):
    plan = services.create_plan(branch=area.u2, year=YEAR, user=None)
    client.login(username="city-officer", password=PASSWORD)
    page = client.get(reverse("reports:board", args=["city"]), {"year": YEAR}).content.decode()
    summary = area.u1.reports.get(kind="summary", year=YEAR)
    summary_link = reverse("reports:document", args=["u1", summary.pk])
    plan_link = reverse("reports:document", args=["u2", plan.pk])
    assert f'href="{summary_link}"' in page and f'href="{plan_link}"' in page
    document = client.get(summary_link)
    assert document.status_code == 200 and "已通过" in document.content.decode()


def test_the_totals_workbook_holds_the_pages_figures(client, area):
    client.login(username="city-officer", password=PASSWORD)
    response = client.get(reverse("reports:totals_export", args=["city"]), {"year": YEAR})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    overview = dict(book["全区域数据"].iter_rows(min_row=2, values_only=True))
    totals = area_totals(area.city, YEAR)
    assert overview["纳入统计（个）"] == totals.unions.counted == 2
    assert overview["开展活动（次）"] == totals.activities.count == area.expected_sum(["u1", "u3"], "activities")
    assert overview["帮扶慰问（人次）"] == totals.welfare.extra["headcount"]
    assert overview[f"{YEAR}年新建（个）"] == 1
    children = list(book["按下级单位"].values)
    assert children[0][:3] == ("单位", "纳入统计的工会", "在册会员")
    expected = {row.branch.display_name: row.activities for row in totals_by_child(area.city, YEAR)}
    assert {row[0]: row[3] for row in children[1:]} == expected


def test_the_area_ledger_export_holds_the_area_records_by_unit(client, area):
    client.login(username="east-officer", password=PASSWORD)
    url = reverse("reports:excel_export", args=["east"])

    def activities(**params):
        response = client.get(url, {"year": YEAR, **params})
        rows = list(openpyxl.load_workbook(io.BytesIO(response.content))["活动"].values)
        assert rows[0][0] == "单位"
        title = rows[0].index("活动名称")
        return sorted((row[0], row[title]) for row in rows[1:])

    # Only u1's summary is approved in the east: by default only its records.
    assert activities() == [(area.u1.display_name, "u1活动0")]
    assert activities(scope="all") == [(area.u1.display_name, "u1活动0"), (area.u2.display_name, "u2活动0"), (area.u2.display_name, "u2活动1")]
    page = client.get(reverse("reports:excel", args=["east"])).content.decode()
    assert re.search(r'<option value="all">全部工会', page)


def test_past_year_totals_never_say_this_year(client, area):
    client.login(username="city-officer", password=PASSWORD)
    page = client.get(reverse("reports:totals", args=["city"]), {"year": YEAR}).content.decode()
    assert "今年" not in page and f"{YEAR}年新建" in page


def test_the_board_leads_to_the_area_ledger_export_for_its_year(client, area):
    client.login(username="east-officer", password=PASSWORD)
    board = client.get(reverse("reports:board", args=["east"]), {"year": YEAR}).content.decode()
    link = reverse("reports:excel", args=["east"]) + f"?year={YEAR}"
    assert f'href="{link}"' in board
    page = client.get(link).content.decode()
    assert re.search(rf'<option value="{YEAR}" selected>', page)  # the area export opens on the board's year
