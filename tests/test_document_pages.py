"""The plan and summary pages: who may create, read and edit, and how the editor keeps work safe."""
import datetime
import re
from html import unescape
from urllib.parse import parse_qsl

import pytest
from django.urls import reverse

from reports.documents import services
from reports.documents.content import Document
from reports.models import Report

from .conftest import PASSWORD
from .drafting_helpers import edit_post
from .records import make_activity, make_payment
from .reviews import approve

YEAR = datetime.date.today().year - 1


def login(client, username):
    assert client.login(username=username, password=PASSWORD)


@pytest.fixture
def summary(cast):
    make_activity(cast.school, datetime.date(YEAR, 3, 8), title="三八趣味运动会", participants=40)
    make_payment(cast.school, datetime.date(YEAR, 1, 20), headcount=30)
    return services.create_summary(branch=cast.school, year=YEAR, user=None)


def content(report):
    return Document.from_dict(report.current_revision().content)


def test_secretary_creates_a_summary_and_a_plan_from_the_page(client, cast):
    login(client, "alice")
    response = client.post(reverse("reports:document_create", args=["school"]), {"kind": "summary", "year": YEAR}, follow=True)
    report = Report.objects.get(branch=cast.school, kind="summary", year=YEAR)
    assert response.redirect_chain[-1][0] == reverse("reports:document", args=["school", report.pk])
    assert f"{YEAR}年工作总结" in response.content.decode()
    client.post(reverse("reports:document_create", args=["school"]), {"kind": "plan", "year": YEAR + 1})
    assert Report.objects.filter(branch=cast.school, kind="plan", year=YEAR + 1).exists()


def test_creating_twice_shows_a_message_not_an_error(client, cast, summary):
    login(client, "alice")
    response = client.post(reverse("reports:document_create", args=["school"]), {"kind": "summary", "year": YEAR}, follow=True)
    assert "这份报告已经存在" in response.content.decode()
    assert Report.objects.filter(branch=cast.school).count() == 1


def test_bad_create_input_is_refused_in_chinese(client, cast):
    login(client, "alice")
    for data in ({"kind": "summary", "year": "1900"}, {"kind": "novel", "year": YEAR}, {}):
        response = client.post(reverse("reports:document_create", args=["school"]), data, follow=True)
        assert response.status_code == 200
        assert "请选择报告类型和年度" in response.content.decode()
    assert not Report.objects.exists()


def test_document_page_preview_and_placeholders(client, cast, summary):
    login(client, "alice")
    page = client.get(reverse("reports:document", args=["school", summary.pk])).content.decode()
    assert "还有" in page and "存在的问题" in page  # the 存在问题 boilerplate must be rewritten
    assert "40名" in page
    preview = client.get(reverse("reports:document_preview", args=["school", summary.pk])).content.decode()
    assert "official.css" in preview
    assert content(summary).title in preview


def test_secretary_edits_a_paragraph_and_saves(client, cast, summary):
    login(client, "alice")
    url = reverse("reports:document_edit", args=["school", summary.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, edit_post(summary, **{"p:opening": "一年来，我校工会团结带领全体教职工……现将工作总结如下：", "action": "save"}))
    assert response.status_code == 302
    assert content(summary).paragraph("opening").text.startswith("一年来，我校工会")


def test_structure_actions_keep_the_typed_text(client, cast, summary):
    login(client, "alice")
    url = reverse("reports:document_edit", args=["school", summary.pk])
    client.post(url, edit_post(summary, **{"p:opening": "改过的开头。", "action": "add_section"}))
    document = content(summary)
    assert document.paragraph("opening").text == "改过的开头。"
    assert any(s.heading == "新的部分" for s in document.sections)


def test_the_later_of_two_saves_is_refused_and_the_earlier_kept(client, cast, summary):
    login(client, "alice")
    url = reverse("reports:document_edit", args=["school", summary.pk])
    stale = edit_post(summary, **{"p:opening": "后保存的人写的。", "action": "save"})
    first = edit_post(summary, **{"p:opening": "先保存的人写的。", "action": "save"})
    assert client.post(url, first).status_code == 302
    response = client.post(url, stale)
    assert response.status_code == 409
    assert "已被其他人保存过" in response.content.decode()
    assert "后保存的人写的。" in response.content.decode()  # her text is still on the page to copy
    assert content(summary).paragraph("opening").text == "先保存的人写的。"


def test_editor_errors_are_chinese_and_save_nothing(client, cast, summary):
    login(client, "alice")
    url = reverse("reports:document_edit", args=["school", summary.pk])
    before = summary.current_revision().content
    response = client.post(url, edit_post(summary, **{"title": "", "p:opening": "长" * 5001, "date": "2025-13-01", "action": "save"}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "标题不能为空" in page and "不能超过5000个字" in page and "成文日期格式不正确" in page
    assert summary.current_revision().content == before


def test_refresh_button_updates_unedited_figures(client, cast, summary):
    make_activity(cast.school, datetime.date(YEAR, 5, 1), title="五一拔河赛", participants=60)
    login(client, "alice")
    response = client.post(reverse("reports:document_refresh", args=["school", summary.pk]), follow=True)
    assert "数据已刷新" in response.content.decode()
    assert "2次" in content(summary).paragraph("activity.sports").text


def test_figure_links_lead_to_the_filtered_ledger(client, cast, summary):
    login(client, "alice")
    page = client.get(reverse("reports:document_edit", args=["school", summary.pk])).content.decode()
    ledger_path = reverse("reports:ledger", args=["school", "activities"])
    links = [
        dict(parse_qsl(unescape(href).partition("?")[2]))
        for href in re.findall(r'href="([^"]*)"', page)
        if href.startswith(ledger_path + "?")
    ]
    # (PostgreSQL's jsonb reorders the stored parameters, so compare them, not the string.)
    assert {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31", "choice": "sports"} in links
    ledger = client.get(reverse("reports:ledger", args=["school", "activities"]), {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31", "choice": "sports"})
    assert [r.title for r, _ in ledger.context["table"]] == ["三八趣味运动会"]


@pytest.mark.parametrize("name", ["document", "document_preview"])
def test_readers_and_strangers(client, cast, summary, name):
    url = reverse(f"reports:{name}", args=["school", summary.pk])
    login(client, "oscar")
    assert client.get(url).status_code == 200
    login(client, "bob")
    assert client.get(url).status_code == 404
    assert client.get(reverse(f"reports:{name}", args=["plant", summary.pk])).status_code == 404


def test_officer_cannot_edit_create_or_refresh(client, cast, summary):
    login(client, "oscar")
    assert client.get(reverse("reports:document_edit", args=["school", summary.pk])).status_code == 403
    assert client.post(reverse("reports:document_refresh", args=["school", summary.pk])).status_code == 403
    assert client.post(reverse("reports:document_create", args=["school"]), {"kind": "plan", "year": YEAR}).status_code == 403
    page = client.get(reverse("reports:document", args=["school", summary.pk])).content.decode()
    assert reverse("reports:document_edit", args=["school", summary.pk]) not in page


def test_other_branch_cannot_touch_the_report(client, cast, summary):
    login(client, "bob")
    for name in ("document_edit", "document_refresh"):
        assert client.post(reverse(f"reports:{name}", args=["school", summary.pk]), {"action": "save"}).status_code == 404
        assert client.post(reverse(f"reports:{name}", args=["plant", summary.pk]), {"action": "save"}).status_code == 404


def test_an_approved_report_cannot_be_edited_from_the_page(client, cast, summary):
    revision = approve(summary, secretary=cast.alice, chair=cast.carol)
    login(client, "alice")
    response = client.get(reverse("reports:document_edit", args=["school", summary.pk]), follow=True)
    assert "不能修改" in response.content.decode()
    response = client.post(reverse("reports:document_edit", args=["school", summary.pk]), edit_post(summary, action="save"), follow=True)
    assert summary.current_revision().content == revision.content


def test_activity_form_links_a_plan_item_and_the_plan_shows_it_done(client, cast):
    plan = services.create_plan(branch=cast.school, year=YEAR, user=None)
    item = plan.plan_items.order_by("position").first()
    login(client, "alice")
    response = client.post(
        reverse("reports:record_add", args=["school", "activities"]),
        {"title": "元旦慰问", "category": "festival", "start_date": f"{YEAR}-01-05", "participants": "10", "cost": "0", "plan_item": item.pk},
    )
    assert response.status_code == 302
    page = client.get(reverse("reports:document", args=["school", plan.pk])).content.decode()
    assert "已完成 1 项" in page and "✓ 已完成" in page and "活动：元旦慰问（已完成）" in page


def test_activity_cannot_link_another_branchs_plan_item(client, cast):
    plan = services.create_plan(branch=cast.plant, year=YEAR, user=None)
    item = plan.plan_items.first()
    login(client, "alice")
    response = client.post(
        reverse("reports:record_add", args=["school", "activities"]),
        {"title": "x", "category": "festival", "start_date": f"{YEAR}-01-05", "participants": "1", "cost": "0", "plan_item": item.pk},
    )
    assert response.status_code == 200 and "plan_item" in response.context["form"].errors


def test_home_page_shows_the_years_documents(client, cast, summary):
    login(client, "alice")
    page = client.get(reverse("reports:branch_home", args=["school"]), {"year": YEAR}).content.decode()
    assert f"{YEAR}年工作总结" in page and "草稿" in page
