"""帮扶慰问 has one definition (figures.visits: without insurance premiums): the home page's card,
the drafted summary's total, and a federation's totals page, export and drafted summary, whose
figures are the sums of its unions' summaries; the premiums are told on their own."""
import datetime
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from reports.documents import services
from reports.documents.content import Document

from .conftest import PASSWORD
from .federations import Area
from .records import make_payment
from .reviews import approve

YEAR = datetime.date.today().year - 1


def test_home_page_and_summary_agree_on_visits(client, cast):
    make_payment(cast.school, datetime.date(YEAR, 1, 20), headcount=30, cash=Decimal("6000"))
    make_payment(cast.school, datetime.date(YEAR, 4, 2), reason="sickness", headcount=2, cash=Decimal("800"))
    make_payment(cast.school, datetime.date(YEAR, 5, 1), reason="mutual_insurance", headcount=50, cash=Decimal("2500"))
    client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("reports:branch_home", args=["school"]), {"year": YEAR}).content.decode()
    card = re.search(r'data-figure="welfare-headcount">(\d+)<', page).group(1)
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    document = Document.from_dict(report.current_revision().content)
    total = next(p.text for p in document.all_paragraphs() if p.key == "welfare.total")
    assert card == "32" and "慰问32人次" in total
    assert "6800" in total and "6800.00" in page  # the amount too, without the premiums


def welfare_total(content: dict, key: str) -> str:
    return next(p.text for p in Document.from_dict(content).all_paragraphs() if p.key == key)


def stated_visits(text: str) -> tuple[int, Decimal]:
    """(人次, 元) as a drafted union summary's welfare total states them."""
    headcount = int(re.search(r"慰问(\d+)人次", text).group(1))
    amount = re.search(r"合计([\d.]+)元", text) or re.search(r"发放慰问金([\d.]+)元", text)
    return headcount, Decimal(amount.group(1))


@pytest.fixture
def east(db):
    """东城区总工会 over u1 and u2, both with visits and insurance premiums, both summaries approved;
    yields the area and the (人次, 元) each union's approved summary states."""
    area = Area()
    make_payment(area.u1, datetime.date(YEAR, 6, 3), reason="sickness", headcount=1, cash=Decimal(0),
                 goods_value=Decimal("200"))
    make_payment(area.u1, datetime.date(YEAR, 7, 1), reason="mutual_insurance", headcount=40, cash=Decimal("2400"))
    make_payment(area.u2, datetime.date(YEAR, 7, 1), reason="mutual_insurance", headcount=60, cash=Decimal("3600"))
    stated = {}
    for union in (area.u1, area.u2):
        secretary, chair = area.people[union.code]
        report = services.create_summary(branch=union, year=YEAR, user=None)
        revision = approve(report, secretary=secretary, chair=chair)
        stated[union.code] = stated_visits(welfare_total(revision.content, "welfare.total"))
    return area, stated


def test_area_visits_are_the_sum_of_the_unions_summaries(client, east):
    area, stated = east
    headcount = stated["u1"][0] + stated["u2"][0]
    amount = stated["u1"][1] + stated["u2"][1]
    assert (headcount, amount) == (1 + 5 + 10, Decimal("500"))  # 100 + 200 (u1), 200 (u2): no premiums
    client.login(username="city-officer", password=PASSWORD)

    # The county's totals card, the premiums beside it; the city's row for the county.
    response = client.get(reverse("reports:totals", args=["east"]), {"year": YEAR})
    page = response.content.decode()
    assert re.search(r'data-figure="welfare">(\d+)<', page).group(1) == str(headcount)
    assert f"人次，共 {amount:.2f} 元" in page
    assert "另有互助保障 100 人次、6000.00 元" in page
    by_union = {row.branch.code: (row.welfare_headcount, row.welfare_amount) for row in response.context["children"]}
    assert by_union == stated
    city = client.get(reverse("reports:totals", args=["city"]), {"year": YEAR})
    east_row = next(row for row in city.context["children"] if row.branch == area.east)
    assert (east_row.welfare_headcount, east_row.welfare_amount) == (headcount, amount)

    # The export: the overview and the city's sheet by child unit.
    export = client.get(reverse("reports:totals_export", args=["east"]), {"year": YEAR})
    overview = dict(list(openpyxl.load_workbook(io.BytesIO(export.content))["全区域数据"].values)[1:])
    assert (overview["帮扶慰问（人次）"], Decimal(str(overview["帮扶慰问金额（元）"]))) == (headcount, amount)
    assert (overview["互助保障（人次）"], Decimal(str(overview["互助保障金额（元）"]))) == (100, Decimal("6000"))
    export = client.get(reverse("reports:totals_export", args=["city"]), {"year": YEAR})
    children = list(openpyxl.load_workbook(io.BytesIO(export.content))["按下级单位"].values)
    headers = children[0]
    east_cells = next(r for r in children if r[0] == area.east.display_name)
    assert east_cells[headers.index("帮扶人次")] == headcount
    assert Decimal(str(east_cells[headers.index("帮扶金额（元）")])) == amount


def test_federation_summary_tells_the_unions_visits_and_the_premiums_apart(east):
    area, stated = east
    headcount = stated["u1"][0] + stated["u2"][0]
    amount = stated["u1"][1] + stated["u2"][1]
    report = services.create_summary(branch=area.east, year=YEAR, user=None)
    content = report.current_revision().content
    total = welfare_total(content, "fed.welfare.total")
    assert total == (f"全区2个基层工会共开展帮扶慰问3次，走访慰问职工{headcount}人次，"
                     f"发放慰问金300元、慰问品折合200元，合计{amount}元。")
    welfare = " ".join(p.text for p in Document.from_dict(content).section("welfare").paragraphs)
    assert "在帮扶解困和普惠服务方面，为职工办理互助保障100人次，缴纳保费6000元。" in welfare
    annex = {row[0]: (int(row[5]), Decimal(row[6])) for row in Document.from_dict(content).annex["rows"]}
    assert annex == {area.u1.display_name: stated["u1"], area.u2.display_name: stated["u2"]}
