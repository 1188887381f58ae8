"""In a real browser: the member picker on the welfare form finds 张三 by "zs", and only an explicit
choice (a click on a match) picks a member; searching alone never does."""
import datetime

import pytest

from reports.models import WelfarePayment

from .browser import log_in, send
from .conftest import PASSWORD, Cast
from .records import make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shown_matches(page):
    return page.get_by_role("listbox", name="查找到的会员").get_by_role("option").all_inner_texts()


def chosen(page):
    return page.locator("[data-member-choice]").inner_text()


def fill_payment(page, *, recipients=""):
    page.get_by_label("日期").fill(datetime.date.today().replace(day=1).isoformat())
    page.get_by_label("事由").select_option(label="生病住院慰问")
    if recipients:
        page.get_by_label("对象说明").fill(recipients)
    page.get_by_label("慰问金（元）").fill("500")


@pytest.fixture
def welfare_form(page):
    cast = Cast()
    for name in ("王丽", "张三", "赵四", "李娜", "张山峰", "黄志强"):
        make_member(cast.school, name)
    log_in(page, "alice", PASSWORD)
    page.goto("/b/school/ledger/welfare/new/")
    return page


def test_typing_initials_filters_the_members_without_choosing_one(welfare_form):
    page = welfare_form
    search = page.get_by_label("查找会员")
    search.fill("zs")
    assert shown_matches(page) == ["张三", "张山峰", "赵四"]  # pinyin order
    search.fill("zsf")
    assert shown_matches(page) == ["张山峰"]
    search.fill("zhangs")
    assert shown_matches(page) == ["张三", "张山峰"]
    search.fill("娜")
    assert shown_matches(page) == ["李娜"]
    assert page.locator("select[data-member-picker]").input_value() == ""
    assert chosen(page) == "（发给一批人，不选会员）"


def test_a_search_then_cleared_saves_a_batch_payment_without_a_member(welfare_form):
    page = welfare_form
    search = page.get_by_label("查找会员")
    search.fill("hzq")
    search.fill("zz")  # nothing matches
    assert page.get_by_text("没有找到匹配的会员").is_visible()
    search.fill("")
    fill_payment(page, recipients="困难职工")
    send(page, page.get_by_role("button", name="保存"))
    assert WelfarePayment.objects.get().member is None


def test_a_member_clicked_in_the_matches_is_saved_and_can_be_cleared(welfare_form):
    page = welfare_form
    search = page.get_by_label("查找会员")
    search.fill("hzq")
    page.get_by_role("option", name="黄志强").click()
    assert chosen(page).startswith("已选：黄志强")
    page.get_by_role("button", name="取消所选会员").click()
    assert chosen(page) == "（发给一批人，不选会员）"

    search.fill("zs")
    page.get_by_role("option", name="张三").click()
    search.fill("wl")  # searching again leaves the choice alone
    assert chosen(page).startswith("已选：张三")
    fill_payment(page)
    send(page, page.get_by_role("button", name="保存"))
    assert WelfarePayment.objects.get().member.name == "张三"
