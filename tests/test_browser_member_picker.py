"""In a real browser: the member picker on the welfare form finds 张三 by "zs" and saves him."""
import datetime

import pytest

from reports.models import WelfarePayment

from .browser import log_in, send
from .conftest import PASSWORD, Cast
from .records import make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def visible_members(page):
    return page.locator("select[data-member-picker] option:not([hidden])").all_inner_texts()


def test_typing_initials_filters_the_members(page):
    cast = Cast()
    for name in ("王丽", "张三", "赵四", "李娜", "张山峰"):
        make_member(cast.school, name)
    log_in(page, "alice", PASSWORD)
    page.goto("/b/school/ledger/welfare/new/")
    assert visible_members(page)[1:] == ["李娜", "王丽", "张三", "张山峰", "赵四"]  # pinyin order

    search = page.get_by_label("查找会员")
    search.fill("zs")
    assert visible_members(page) == ["张三", "张山峰", "赵四"]
    search.fill("zsf")
    assert visible_members(page) == ["张山峰"]
    search.fill("zhangs")
    assert visible_members(page) == ["张三", "张山峰"]
    search.fill("娜")
    assert visible_members(page) == ["李娜"]
    assert page.locator("select[data-member-picker]").input_value() != ""  # the match is chosen

    search.fill("zs")
    page.locator("select[data-member-picker]").select_option(label="张三")
    page.get_by_label("日期").fill(datetime.date.today().replace(day=1).isoformat())
    page.get_by_label("事由").select_option(label="生病住院慰问")
    page.get_by_label("慰问金（元）").fill("500")
    send(page, page.get_by_role("button", name="保存"))
    page.wait_for_load_state()
    assert WelfarePayment.objects.get().member.name == "张三"
