"""A ledger's filters (and search) carry over to its Excel export and its printed copy."""
import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from reports.choices import WelfareReason
from reports.workbook import import_workbook

from .conftest import PASSWORD, make_branch
from .records import make_member, make_payment
from .workbooks import read_back

DAY = datetime.date(2024, 1, 20)


@pytest.fixture
def payments(cast):
    wang = make_member(cast.school, "王丽")
    make_payment(cast.school, DAY, reason=WelfareReason.FESTIVAL, recipients="全体会员", headcount=40, cash=Decimal("8000"))
    make_payment(cast.school, DAY, reason=WelfareReason.SICKNESS, member=wang, cash=Decimal("800"), notes="由家属代领")
    make_payment(cast.school, datetime.date(2023, 6, 1), reason=WelfareReason.SICKNESS, recipients="张强", cash=Decimal("500"))
    make_payment(cast.plant, DAY, reason=WelfareReason.SICKNESS, recipients="别家的会员", cash=Decimal("300"))
    return cast


def login(client, username="alice"):
    assert client.login(username=username, password=PASSWORD)
    return client


FILTERS = "?year=2024&choice=sickness&page=1"


def test_the_ledger_links_carry_its_filters(client, payments):
    page = login(client).get(reverse("reports:ledger", args=["school", "welfare"]) + FILTERS).content.decode()
    assert reverse("reports:ledger_export", args=["school", "welfare"]) + "?year=2024&amp;choice=sickness\"" in page
    assert reverse("reports:ledger_print", args=["school", "welfare"]) + "?year=2024&amp;choice=sickness\"" in page


def test_the_export_holds_only_the_filtered_rows_in_the_workbook_columns(client, payments):
    response = login(client).get(reverse("reports:ledger_export", args=["school", "welfare"]) + FILTERS)
    assert response.status_code == 200
    book = read_back(response.content)
    assert book.sheetnames == ["帮扶慰问"]
    rows = list(book["帮扶慰问"].iter_rows(values_only=True))
    from reports.workbook.schema import PAYMENTS

    assert rows[0] == PAYMENTS.headers
    assert [(row[0].date(), row[1], row[3], row[6]) for row in rows[1:]] == [(DAY, "生病住院慰问", "王丽", 800)]


def test_a_search_carries_over_too(client, payments):
    response = login(client).get(reverse("reports:ledger_export", args=["school", "welfare"]) + "?q=张强")
    rows = list(read_back(response.content)["帮扶慰问"].iter_rows(values_only=True))[1:]
    assert [row[4] for row in rows] == ["张强"]


def test_the_export_imports_back_as_it_is(client, payments):
    response = login(client).get(reverse("reports:ledger_export", args=["school", "welfare"]) + "?q=张强")
    elsewhere = make_branch("elsewhere", parent=payments.county)
    import io

    result = import_workbook(elsewhere, io.BytesIO(response.content), actor=None)
    assert result.created == {"会员": 0, "活动": 0, "帮扶慰问": 1, "荣誉": 0, "会议": 0}


def test_the_print_page_has_the_branch_title_filters_and_rows_only(client, payments):
    response = login(client).get(reverse("reports:ledger_print", args=["school", "welfare"]) + FILTERS)
    page = response.content.decode()
    assert response.status_code == 200
    assert "school工会委员会" in page and "帮扶慰问台账" in page
    assert "筛选条件：年度：2024年；事由：生病住院慰问" in page
    assert "王丽" in page and "全体会员" not in page and "张强" not in page and "别家的会员" not in page
    assert "800.00" in page and "navbar" not in page and "退出登录" not in page
    assert "<th scope=\"col\">备注</th>" in page and "由家属代领" in page  # on paper the notes go with the row


def test_empty_cells_print_empty(client, payments):
    page = login(client).get(reverse("reports:ledger_print", args=["school", "members"])).content.decode()
    assert ">None<" not in page


def test_an_unfiltered_print_says_so(client, payments):
    page = login(client).get(reverse("reports:ledger_print", args=["school", "members"])).content.decode()
    assert "筛选条件：全部记录" in page and "王丽" in page


def test_another_branch_cannot_export_or_print(client, payments):
    for name in ("reports:ledger_export", "reports:ledger_print"):
        assert login(client, "bob").get(reverse(name, args=["school", "welfare"])).status_code == 404
