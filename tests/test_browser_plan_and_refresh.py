"""In a real browser: after 刷新数据 the secretary keeps her own words with only the figures updated,
and a welfare payment entered in its form marks an item of the plan."""
import datetime
from decimal import Decimal

import pytest

from reports.choices import WelfareReason
from reports.documents import services
from reports.documents.content import Document
from reports.models import PlanItem

from .browser import log_in, send
from .conftest import PASSWORD
from .records import make_payment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HER_TEXT = "春节前夕，工会班子分头走访慰问困难教职工10人次，送去慰问金1000元，把组织的温暖送到了大家心坎上。"


def paragraph_with(report, *figures):
    document = Document.from_dict(report.current_revision().content)
    return next(p for p in document.all_paragraphs() if all(f in p.text for f in figures))


def test_refresh_keeps_her_words_and_updates_only_the_figures(page, cast, last_year):
    make_payment(cast.school, datetime.date(last_year, 1, 10), reason=WelfareReason.FESTIVAL, headcount=10, cash=Decimal("1000"))
    report = services.create_summary(branch=cast.school, year=last_year, user=None)
    key = paragraph_with(report, "10人次", "1000元").key
    log_in(page, "alice", PASSWORD)
    page.goto(f"/b/school/documents/{report.pk}/")

    page.get_by_role("link", name="编辑", exact=True).click()
    page.locator(f"textarea[name='p:{key}']").fill(HER_TEXT)
    send(page, page.get_by_role("button", name="保存", exact=True).last)
    assert page.get_by_text("已保存。").is_visible()

    make_payment(cast.school, datetime.date(last_year, 2, 1), reason=WelfareReason.FESTIVAL, headcount=2, cash=Decimal("300"))
    send(page, page.get_by_role("button", name="刷新数据"))
    waiting = page.get_by_test_id("pending-list")
    assert waiting.get_by_text("可以只更新数字").is_visible()
    waiting.get_by_role("link").first.click()
    assert page.url.endswith(f"#{key}")

    offer = page.get_by_test_id(f"figures-{key}")
    assert offer.locator("mark").first.inner_text() == "10人次 → 12人次"
    send(page, page.get_by_role("button", name="保留我的文字，只更新数字"))
    assert page.get_by_role("alert").get_by_text("已保留您的文字，更新了数字：10人次→12人次、1000元→1300元。").is_visible()
    assert page.get_by_test_id(f"note-beside-{key}").is_visible()  # said beside her paragraph too

    saved = paragraph_with(report, "春节前夕")
    assert saved.text == "春节前夕，工会班子分头走访慰问困难教职工12人次，送去慰问金1300元，把组织的温暖送到了大家心坎上。"
    assert saved.pending == ""
    assert page.locator(f"textarea[name='p:{key}']").input_value() == saved.text


def test_a_welfare_payment_marks_a_plan_item_done(page, cast, last_year):
    plan = services.create_plan(branch=cast.school, year=last_year, user=None)
    item = PlanItem.objects.filter(report=plan, first_month=1).order_by("position").first()
    log_in(page, "alice", PASSWORD)
    page.goto("/b/school/ledger/welfare/new/")
    page.get_by_label("日期").fill(f"{last_year}-01-20")
    page.get_by_label("事由").select_option("festival")
    page.get_by_label("对象说明").fill("困难教职工")
    page.get_by_label("人次").fill("30")
    page.get_by_label("慰问金（元）").fill("6000")
    page.get_by_label("计划事项", exact=True).select_option(str(item.pk))
    send(page, page.get_by_role("button", name="保存"))
    assert page.get_by_text("已添加").first.is_visible()

    page.goto(f"/b/school/documents/{plan.pk}/")
    row = page.get_by_test_id(f"progress-{item.key}")
    assert row.get_by_text("✓ 已完成").is_visible()
    assert row.get_by_text(f"{last_year}-01-20 帮扶慰问：节日慰问30人次（已完成）").is_visible()
