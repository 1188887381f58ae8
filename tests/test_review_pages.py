"""The review buttons, forms and work lists, as pages."""
import datetime

import pytest
from django.urls import reverse

from reports.documents import approval, review

from .conftest import PASSWORD
from .reviews import approval_form, submitted_school_summary

YEAR = datetime.date.today().year - 1


@pytest.fixture
def submitted(cast):
    return submitted_school_summary(cast, YEAR)


def login(client, username):
    assert client.login(username=username, password=PASSWORD)


def url(name, report, *extra):
    return reverse(f"reports:{name}", args=["school", report.pk, *extra])


def test_chair_sees_the_document_in_her_work_list_and_approves(client, cast, submitted):
    login(client, "carol")
    home = client.get(reverse("reports:branch_home", args=["school"])).content.decode()
    assert "待您审核" in home and url("document", submitted) in home
    response = client.post(url("document_approve", submitted), approval_form(), follow=True)
    assert "已审核通过" in response.content.decode()
    assert submitted.current_revision().state == "approved"


def test_return_with_section_comments_reaches_the_secretarys_work_list(client, cast, submitted):
    login(client, "carol")
    client.post(url("comment_add", submitted), {"target": "culture", "text": "写得太简单。"})
    response = client.post(url("document_return", submitted), {"comment": "请补充具体做法。"}, follow=True)
    assert "已退回修改" in response.content.decode()
    login(client, "alice")
    home = client.get(reverse("reports:branch_home", args=["school"])).content.decode()
    assert "主席退回修改" in home and "请补充具体做法。" in home
    editor = client.get(url("document_edit", submitted)).content.decode()
    assert "写得太简单。" in editor and "标记为已解决" in editor


def test_resolving_from_the_editor_keeps_the_typed_text(client, cast, submitted):
    review.return_report(report=submitted, actor=cast.carol, comment="改", section_comments={"culture": "写得太简单。"})
    comment = submitted.current_revision().comments.get()
    login(client, "alice")
    from .drafting_helpers import edit_post

    data = edit_post(submitted, **{"p:opening": "改写后的开头。", "action": f"resolve:{comment.pk}"})
    assert client.post(url("document_edit", submitted), data).status_code == 302
    comment.refresh_from_db()
    assert comment.resolved
    from reports.documents.content import Document

    assert Document.from_dict(submitted.current_revision().content).paragraph("opening").text == "改写后的开头。"
    login(client, "carol")
    page = client.get(url("document", submitted)).content.decode()
    assert "已解决" in page


def test_return_without_a_comment_is_refused_with_a_message(client, cast, submitted):
    login(client, "carol")
    response = client.post(url("document_return", submitted), {"comment": ""}, follow=True)
    assert "必须填写修改意见" in response.content.decode()
    assert submitted.current_revision().state == "submitted"


def test_secretary_cannot_approve_return_or_comment(client, cast, submitted):
    login(client, "alice")
    assert client.post(url("document_approve", submitted), approval_form()).status_code == 403
    assert client.get(url("document_approve", submitted)).status_code == 403
    assert client.post(url("document_return", submitted), {"comment": "x"}).status_code == 403
    assert client.post(url("comment_add", submitted), {"target": "culture", "text": "x"}).status_code == 403
    assert submitted.current_revision().state == "submitted"


def test_other_unions_get_404_on_every_review_url(client, cast, submitted):
    login(client, "dora")  # the chair of the sibling union
    for name in ("document_approve", "document_submit", "document_reopen", "document_return", "document_withdraw", "comment_add"):
        assert client.post(url(name, submitted), {"comment": "x", "reason": "x", "confirm": "1", "target": "culture", "text": "x"}).status_code == 404
    assert submitted.current_revision().state == "submitted"


def test_officer_above_reopens_with_a_reason(client, cast, submitted):
    approval.approve_report(report=submitted, actor=cast.carol)
    login(client, "oscar")
    response = client.post(url("document_reopen", submitted), {"reason": ""}, follow=True)
    assert "必须填写理由" in response.content.decode()
    response = client.post(url("document_reopen", submitted), {"reason": "统计口径有误"}, follow=True)
    assert "已重新打开" in response.content.decode()
    page = response.content.decode()
    assert "第2稿" in page and "统计口径有误" in page
    assert client.get(url("revision", submitted, 1)).status_code == 200


def test_officer_cannot_approve_or_edit(client, cast, submitted):
    login(client, "oscar")
    assert client.post(url("document_approve", submitted), approval_form()).status_code == 403
    assert client.post(url("document_submit", submitted)).status_code == 403
