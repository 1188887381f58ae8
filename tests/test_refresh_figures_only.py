"""刷新数据 on a paragraph she edited: the editor offers 保留我的文字，只更新数字 next to the two
choices it had, shows the figures it would change, and saving it keeps her words with the new figures."""
import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from reports.choices import WelfareReason as R
from reports.documents import services

from .conftest import PASSWORD
from .drafting_helpers import document_of, edit_post, save_edit
from .records import make_payment

HER_TEXT = "春节前夕，工会班子分头走访慰问困难教职工10人次，送去慰问金1000元，把组织的温暖送到了大家心坎上。"


@pytest.fixture
def day(last_year):
    return lambda month, dd=10: datetime.date(last_year, month, dd)


@pytest.fixture
def refreshed(cast, last_year, day):
    """A summary whose festival-visits paragraph she rewrote, refreshed after one more visit."""
    make_payment(cast.school, day(1), reason=R.FESTIVAL, headcount=10, cash=Decimal("1000"))
    report = services.create_summary(branch=cast.school, year=last_year, user=None)
    key = welfare_key(document_of(report))
    save_edit(report, lambda d: setattr(d.paragraph(key), "text", HER_TEXT))
    make_payment(cast.school, day(2, 1), reason=R.FESTIVAL, headcount=2, cash=Decimal("300"))
    services.refresh_figures(report=report, user=None)
    return report, key


def welfare_key(document):
    return next(p.key for p in document.all_paragraphs() if "10人次" in p.text and "1000元" in p.text)


def test_the_editor_offers_the_new_figures_in_her_words(client, refreshed):
    report, key = refreshed
    assert client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("reports:document_edit", args=["school", report.pk])).content.decode()
    assert f'value="update_figures:{key}"' in page and "保留我的文字，只更新数字" in page
    assert "<mark class=\"figure-change\"><del>10人次</del> → 12人次</mark>" in page
    assert "<del>1000元</del> → 1300元" in page


def test_the_document_page_lists_the_paragraph_with_a_link_to_it(client, refreshed):
    report, key = refreshed
    assert client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("reports:document", args=["school", report.pk])).content.decode()
    edit_url = reverse("reports:document_edit", args=["school", report.pk])
    assert f'href="{edit_url}#{key}"' in page
    assert "可以只更新数字" in page


def test_choosing_it_saves_her_words_with_the_new_figures(client, refreshed):
    report, key = refreshed
    assert client.login(username="alice", password=PASSWORD)
    url = reverse("reports:document_edit", args=["school", report.pk])
    response = client.post(url, edit_post(report, action=f"update_figures:{key}"), follow=True)
    assert "已保留您的文字，更新了数字：10人次→12人次、1000元→1300元。" in response.content.decode()
    # The page opens at the paragraph, out of sight of the top: it says so beside the paragraph too.
    assert response.redirect_chain[-1][0].endswith(f"#{key}")
    beside = response.content.decode().split(f'data-testid="note-beside-{key}"')[1].split("</div>")[0]
    assert "更新了数字：10人次→12人次" in beside
    assert 'data-testid="note-beside-' not in client.get(url).content.decode()  # said once
    paragraph = document_of(report).paragraph(key)
    assert paragraph.text == HER_TEXT.replace("10人次", "12人次").replace("1000元", "1300元")
    assert paragraph.pending == "" and paragraph.drafted != paragraph.text


def test_it_is_not_offered_when_her_text_holds_none_of_the_figures(client, cast, last_year, day):
    make_payment(cast.school, day(1), reason=R.FESTIVAL, headcount=10, cash=Decimal("1000"))
    report = services.create_summary(branch=cast.school, year=last_year, user=None)
    key = welfare_key(document_of(report))
    save_edit(report, lambda d: setattr(d.paragraph(key), "text", "工会始终把困难教职工放在心上。"))
    make_payment(cast.school, day(2, 1), reason=R.FESTIVAL, headcount=2, cash=Decimal("300"))
    services.refresh_figures(report=report, user=None)
    assert client.login(username="alice", password=PASSWORD)
    url = reverse("reports:document_edit", args=["school", report.pk])
    page = client.get(url).content.decode()
    assert f"update_figures:{key}" not in page and f"accept:{key}" in page
    assert "您的文字中找不到“10人次”" in page
    before = report.current_revision().version
    response = client.post(url, edit_post(report, action=f"update_figures:{key}"))
    assert "无法在您的文字中一一对应" in response.content.decode()
    assert report.current_revision().version == before
    assert document_of(report).paragraph(key).pending
