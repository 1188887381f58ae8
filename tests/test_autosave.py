"""The editor's autosave: her unsaved text is kept per user and revision for those who may edit
it, within the document's size limit, offered back on the editor while it is newer than the last
save, forgotten by a real save, and never changes the document."""
import datetime
import json
import re

import pytest
from django.urls import reverse

from reports.documents import autosave, review, services
from reports.documents.editing import MAX_DOCUMENT_CHARS
from reports.models import Autosave

from .conftest import PASSWORD
from .drafting_helpers import document_of, edit_post
from .reviews import approve

YEAR = datetime.date.today().year - 1


@pytest.fixture
def summary(cast):
    return services.create_summary(branch=cast.school, year=YEAR, user=None)


def autosave_url(report, code="school"):
    return reverse("reports:document_autosave", args=[code, report.pk])


def editor_url(report):
    return reverse("reports:document_edit", args=["school", report.pk])


def offered_fields(page: str) -> dict:
    """The kept text the editor page hands its script for 恢复."""
    found = re.search(r'<script id="autosaved-fields" type="application/json">(.*?)</script>', page)
    return json.loads(found.group(1)) if found else {}


def typed(report, **fields) -> dict:
    """What the editor's script posts: her text fields and the revision the editor was opened on."""
    return {"revision": report.current_revision().number, **fields}


def signed_in(client, username):
    client.login(username=username, password=PASSWORD)
    return client


def test_her_typing_is_kept_without_changing_the_document(client, cast, summary):
    revision = summary.current_revision()
    response = signed_in(client, "alice").post(autosave_url(summary), edit_post(summary, **{"p:opening": "还没保存的开头。", "action": "save"}))
    assert response.status_code == 200 and "saved_at" in response.json()
    kept = Autosave.objects.get(user=cast.alice, revision=revision)
    assert kept.fields["p:opening"] == "还没保存的开头。"
    # Only her text: not the buttons, the revision and version, or the token.
    assert not {"action", "revision", "version", "csrfmiddlewaretoken"} & set(kept.fields)
    after = summary.current_revision()
    assert (after.version, after.content) == (revision.version, revision.content)


def test_a_second_autosave_replaces_the_first(client, cast, summary):
    signed_in(client, "alice")
    client.post(autosave_url(summary), typed(summary, **{"p:opening": "第一次"}))
    client.post(autosave_url(summary), typed(summary, **{"p:opening": "第二次"}))
    assert [a.fields["p:opening"] for a in Autosave.objects.all()] == ["第二次"]


@pytest.mark.parametrize("username, status", [("dora", 404), ("olga", 404), ("oscar", 403)])
def test_only_those_who_may_edit_the_report_can_autosave(client, cast, summary, username, status):
    assert signed_in(client, username).post(autosave_url(summary), typed(summary, **{"p:opening": "别人的文字"})).status_code == status
    assert not Autosave.objects.exists()


def test_signed_out_autosave_goes_to_the_login_page(client, summary):
    response = client.post(autosave_url(summary), typed(summary, **{"p:opening": "文字"}))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not Autosave.objects.exists()


def test_autosave_is_bounded_by_the_document_size_limit(client, cast, summary):
    signed_in(client, "alice")
    too_long = {f"p:filler-{i}": "职" * 5000 for i in range(MAX_DOCUMENT_CHARS // 5000 + 1)}
    response = client.post(autosave_url(summary), typed(summary, **too_long))
    assert response.status_code == 413 and "太长" in response.json()["error"]
    assert not Autosave.objects.exists()


def test_an_approved_report_keeps_no_autosave(client, cast, summary):
    approve(summary, secretary=cast.alice, chair=cast.carol)
    response = signed_in(client, "alice").post(autosave_url(summary), typed(summary, **{"p:opening": "文字"}))
    assert response.status_code == 409 and "不能修改" in response.json()["error"]
    assert not Autosave.objects.exists()


def test_the_editor_offers_newer_kept_text_back(client, cast, summary):
    signed_in(client, "alice")
    client.post(autosave_url(summary), typed(summary, **{"p:opening": "还没保存的开头。"}))
    page = client.get(editor_url(summary)).content.decode()
    assert "有未保存的文字（自动保存于" in page and offered_fields(page) == {"p:opening": "还没保存的开头。"}
    # Someone else's kept text is hers alone.
    signed_in(client, "carol")
    assert "有未保存的文字" not in client.get(editor_url(summary)).content.decode()


def test_kept_text_older_than_a_save_is_not_offered(client, cast, summary):
    signed_in(client, "alice")
    client.post(autosave_url(summary), typed(summary, **{"p:opening": "旧的文字。"}))
    Autosave.objects.update(updated_at=summary.current_revision().updated_at - datetime.timedelta(minutes=1))
    assert "有未保存的文字" not in client.get(editor_url(summary)).content.decode()


def test_a_real_save_forgets_the_kept_text(client, cast, summary):
    signed_in(client, "alice")
    client.post(autosave_url(summary), typed(summary, **{"p:opening": "保存前自动保存的文字。"}))
    response = client.post(editor_url(summary), edit_post(summary, **{"p:opening": "保存的文字。", "action": "save"}))
    assert response.status_code == 302
    assert not Autosave.objects.exists()
    assert document_of(summary).paragraph("opening").text == "保存的文字。"


def test_a_refused_save_keeps_the_kept_text(client, cast, summary):
    signed_in(client, "alice")
    client.post(autosave_url(summary), typed(summary, **{"p:opening": "自动保存的文字。"}))
    stale = edit_post(summary, **{"p:opening": "过期表单的文字。", "action": "save"})
    stale["version"] = 0
    assert client.post(editor_url(summary), stale).status_code == 409
    assert Autosave.objects.filter(user=cast.alice).exists()


def test_discard_forgets_the_kept_text(client, cast, summary):
    signed_in(client, "alice")
    client.post(autosave_url(summary), typed(summary, **{"p:opening": "不要了的文字。"}))
    assert client.post(autosave_url(summary), {"discard": "1"}).json() == {"discarded": True}
    assert not Autosave.objects.exists()


def test_an_editor_opened_before_a_reopen_keeps_nothing_for_the_new_revision(client, cast, summary):
    signed_in(client, "alice")
    old_tab = typed(summary, **{"p:opening": "旧标签页里的文字。"})
    approve(summary, secretary=cast.alice, chair=cast.carol)
    review.reopen_report(report=summary, actor=cast.carol, reason="需要补充")
    response = client.post(autosave_url(summary), old_tab)
    assert response.status_code == 409 and "旧稿" in response.json()["error"]
    assert not Autosave.objects.exists()
    # The editor opened on the new revision keeps her text as before.
    assert client.post(autosave_url(summary), typed(summary, **{"p:opening": "新的文字。"})).status_code == 200


def test_an_autosave_without_the_editors_revision_is_refused(client, cast, summary):
    response = signed_in(client, "alice").post(autosave_url(summary), {"p:opening": "没有稿次的文字。"})
    assert response.status_code == 409
    assert not Autosave.objects.exists()


def test_an_autosave_without_any_text_field_keeps_nothing(client, cast, summary):
    response = signed_in(client, "alice").post(autosave_url(summary), typed(summary, action="save"))
    assert response.status_code == 400 and "没有收到" in response.json()["error"]
    assert not Autosave.objects.exists()
    assert "有未保存的文字" not in client.get(editor_url(summary)).content.decode()


def test_control_characters_are_not_kept(client, cast, summary):
    signed_in(client, "alice")
    client.post(autosave_url(summary), typed(summary, title="标\x07题", **{"p:opening": "第一行\r\n第二行\t完"}))
    kept = Autosave.objects.get().fields
    assert (kept["title"], kept["p:opening"]) == ("标题", "第一行\r\n第二行\t完")
    # Called directly, the service drops a NUL itself (PostgreSQL's jsonb cannot hold one).
    autosave.store(report=summary, revision_number=summary.current_revision().number, fields={"title": "标\x00题"}, user=cast.alice)
    assert Autosave.objects.get().fields == {"title": "标题"}
