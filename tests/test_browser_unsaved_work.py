"""In a real browser: the editor does not lose her words. Leaving with unsaved text asks first,
deleting a paragraph asks first, typed text is autosaved and restored after a reload, and a save
after her session ended signs her in again on the page (her, not whoever sits at the computer)
and then saves the same text."""
import datetime

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from playwright.sync_api import expect

from reports.documents import services
from reports.models import Autosave

from .browser import log_in
from .conftest import PASSWORD, Cast
from .drafting_helpers import document_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YEAR = datetime.date.today().year - 1


@pytest.fixture
def editor(page):
    """Alice signed in, on the editor of her union's summary; yields (page, summary)."""
    cast = Cast()
    summary = services.create_summary(branch=cast.school, year=YEAR, user=None)
    log_in(page, "alice", PASSWORD)
    page.goto(reverse("reports:document_edit", args=["school", summary.pk]))
    return page, summary


def opening(page):
    return page.locator("textarea[name='p:opening']")


def test_leaving_with_unsaved_text_asks_first_and_staying_keeps_it(editor):
    page, summary = editor
    editor_url = page.url
    questions = []
    page.on("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))

    page.get_by_role("link", name="计划与总结", exact=True).click()  # untouched: no question
    assert questions == [] and page.url.endswith(reverse("reports:documents", args=["school"]))
    page.goto(editor_url)

    opening(page).fill("她刚写的开头，还没保存。")
    page.get_by_role("link", name="计划与总结", exact=True).click()
    assert len(questions) == 1 and "还没来得及自动暂存" in questions[0]
    assert page.url == editor_url and opening(page).input_value() == "她刚写的开头，还没保存。"

    paragraphs = page.locator(".edit-paragraph").count()
    page.locator("button[value='remove_paragraph:opening']").click()
    assert "确定删除这一段吗" in questions[1]
    assert page.locator(".edit-paragraph").count() == paragraphs and page.url == editor_url


def test_once_autosaved_the_leave_question_says_the_text_is_kept(editor):
    page, summary = editor
    questions = []
    page.on("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    opening(page).fill("自动暂存后再离开的开头。")
    page.get_by_text("已自动保存").wait_for(timeout=15_000)
    page.get_by_role("link", name="计划与总结", exact=True).click()
    assert len(questions) == 1 and "已自动暂存" in questions[0] and "丢失" not in questions[0]


def test_typed_text_is_autosaved_and_restored_after_a_reload(editor):
    page, summary = editor
    opening(page).fill("自动保存下来的开头。")
    page.get_by_text("已自动保存").wait_for(timeout=15_000)
    assert Autosave.objects.get().fields["p:opening"] == "自动保存下来的开头。"
    assert document_of(summary).paragraph("opening").text != "自动保存下来的开头。"

    page.once("dialog", lambda dialog: dialog.accept())  # the browser's own leave-page question
    page.reload()
    assert opening(page).input_value() != "自动保存下来的开头。"
    banner = page.get_by_test_id("autosave-banner")
    assert banner.is_visible() and "有未保存的文字（自动保存于" in banner.inner_text()
    banner.get_by_role("button", name="恢复").click()
    assert opening(page).input_value() == "自动保存下来的开头。"
    assert not banner.is_visible()

    page.get_by_role("button", name="保存", exact=True).last.click()
    expect(page.get_by_text("已保存。")).to_be_visible()
    assert document_of(summary).paragraph("opening").text == "自动保存下来的开头。"
    assert not Autosave.objects.exists()


def test_a_save_after_the_session_ended_signs_her_in_on_the_page_and_saves(editor):
    page, summary = editor
    opening(page).fill("会话过期前写下的开头。")
    Session.objects.all().delete()  # the idle timeout, server-side

    page.get_by_role("button", name="保存", exact=True).last.click()
    dialog = page.locator("dialog.session-dialog")
    expect(dialog.get_by_text("登录已过期，请重新登录")).to_be_visible()
    assert page.url.endswith("/edit/")  # still on the editor, text and all
    # Only she may continue her page; someone else is pointed to the login page.
    username = dialog.get_by_label("用户名")
    expect(username).to_have_value("alice")
    expect(username).not_to_be_editable()
    expect(dialog.get_by_role("link", name="打开登录页换人登录")).to_be_visible()
    # Even with the field made editable, another person's sign-in is refused by the server.
    username.evaluate("field => { field.readOnly = false; }")
    username.fill("carol")
    dialog.get_by_label("密码").fill(PASSWORD)
    dialog.get_by_role("button", name="登录并继续").click()
    expect(dialog.get_by_text("只能由“alice”重新登录后继续提交")).to_be_visible()
    assert "另一个" not in document_of(summary).paragraph("opening").text
    username.fill("alice")
    dialog.get_by_label("密码").fill("wrong-password")
    dialog.get_by_role("button", name="登录并继续").click()
    expect(dialog.get_by_text("用户名或密码不正确")).to_be_visible()
    dialog.get_by_label("密码").fill(PASSWORD)
    dialog.get_by_role("button", name="登录并继续").click()

    expect(page.get_by_text("已保存。")).to_be_visible()
    assert document_of(summary).paragraph("opening").text == "会话过期前写下的开头。"


def test_a_save_after_signing_in_again_in_another_tab_goes_through(editor):
    page, summary = editor
    opening(page).fill("另一个标签页重新登录后保存的开头。")
    other_tab = page.context.new_page()
    other_tab.goto("/")
    other_tab.get_by_test_id("user-menu").click()  # 退出登录 is under her name
    other_tab.get_by_role("button", name="退出登录").click()
    log_in(other_tab, "alice", PASSWORD)  # a new session and a new CSRF token

    page.get_by_role("button", name="保存", exact=True).last.click()
    expect(page.get_by_text("已保存。")).to_be_visible()
    assert document_of(summary).paragraph("opening").text == "另一个标签页重新登录后保存的开头。"
