"""Saving from the editor: a save that changes nothing writes nothing, the history of saves grows
with what changed (not with the document), saves are limited per user, and a form from another
revision is refused like any stale edit."""
import datetime

import pytest
from django.core import serializers
from django.urls import reverse

from reports.documents import approval, review, services
from reports.documents.content import Document, Paragraph
from reports.models import DocumentEdit

from .conftest import PASSWORD
from .drafting_helpers import document_of, edit_post
from .records import make_activity
from .reviews import fill_placeholders

YEAR = datetime.date.today().year - 1


@pytest.fixture
def summary(cast):
    make_activity(cast.school, datetime.date(YEAR, 3, 8), participants=40)
    return services.create_summary(branch=cast.school, year=YEAR, user=None)


def editor_url(report):
    return reverse("reports:document_edit", args=["school", report.pk])


def stored_history_bytes() -> int:
    """What the saved versions take, measured as the backup writes them."""
    return len(serializers.serialize("json", DocumentEdit.objects.all()))


def test_a_save_that_changes_nothing_writes_nothing(client, cast, summary):
    client.login(username="alice", password=PASSWORD)
    revision = summary.current_revision()
    edits, size = DocumentEdit.objects.count(), stored_history_bytes()
    for _ in range(5):
        response = client.post(editor_url(summary), edit_post(summary, action="save"), follow=True)
        assert "没有修改，无需保存。" in response.content.decode()
    after = summary.current_revision()
    assert (after.version, after.updated_at) == (revision.version, revision.updated_at)
    assert (DocumentEdit.objects.count(), stored_history_bytes()) == (edits, size)


def test_history_grows_with_the_change_not_with_the_document(cast, summary):
    long_document = document_of(summary)
    long_document.closing += [Paragraph(f"filler-{i}", f"第{i}段：" + "职工之家建设" * 400) for i in range(38)]
    revision = summary.current_revision()
    services.save_document(revision=revision, document=long_document, expected_version=revision.version, user=None)
    document_size = len(str(summary.current_revision().content))
    assert document_size > 90_000
    before = stored_history_bytes()
    for i in range(100):
        revision = summary.current_revision()
        document = Document.from_dict(revision.content)
        document.paragraph("opening").text = f"第{i}次修改后的开头。"
        services.save_document(revision=revision, document=document, expected_version=revision.version, user=None)
    growth = stored_history_bytes() - before
    # Each save keeps its one changed paragraph and a little bookkeeping, never the whole text.
    assert growth < 100 * 500 < document_size
    from reports.documents import history

    edits = list(DocumentEdit.objects.filter(revision=revision).order_by("version"))
    assert [e.version for e in edits] == list(range(1, revision.version + 1))
    latest = summary.current_revision()
    assert history.content_at(edits[-1]) == latest.content
    assert Document.from_dict(history.content_at(edits[-2])).paragraph("opening").text == "第98次修改后的开头。"


def test_every_saved_version_is_rebuilt_exactly(cast):
    from reports.documents import history
    from reports.documents.editing import apply_action

    plan = services.create_plan(branch=cast.school, year=YEAR + 1, user=None)
    saved = [plan.current_revision().content]
    steps = [
        lambda d: setattr(d, "title", "改过的标题"),
        lambda d: apply_action(d, "add_section"),
        lambda d: apply_action(d, f"down:{d.sections[0].key}"),
        lambda d: apply_action(d, f"remove_section:{d.sections[-1].key}"),
        lambda d: apply_action(d, "add_entry"),
        lambda d: d.sections.reverse(),
        lambda d: setattr(d.closing[0], "text", "新的结尾\u2028第二行"),
    ]
    for step in steps:
        revision = plan.current_revision()
        document = Document.from_dict(revision.content)
        step(document)
        services.save_document(revision=revision, document=document, expected_version=revision.version, user=None)
        saved.append(plan.current_revision().content)
    edits = DocumentEdit.objects.filter(revision__report=plan).order_by("version")
    assert [history.content_at(edit) for edit in edits] == saved
    assert edits.filter(content__isnull=True).exists()  # most were kept as changes


def test_saves_beyond_the_limit_are_refused_with_429_and_keep_her_text(client, cast, summary, settings):
    settings.DOCUMENT_SAVES_PER_MINUTE = 3
    client.login(username="alice", password=PASSWORD)
    for i in range(3):
        response = client.post(editor_url(summary), edit_post(summary, **{"p:opening": f"第{i}次保存。", "action": "save"}))
        assert response.status_code == 302
    response = client.post(editor_url(summary), edit_post(summary, **{"p:opening": "第四次保存的文字。", "action": "save"}))
    page = response.content.decode()
    assert response.status_code == 429
    assert "保存太频繁" in page and "第四次保存的文字。" in page
    assert document_of(summary).paragraph("opening").text == "第2次保存。"
    # Another secretary of another union is not held up by hers.
    client.login(username="bob", password=PASSWORD)
    plan = services.create_plan(branch=cast.plant, year=YEAR + 1, user=None)
    url = reverse("reports:document_edit", args=["plant", plan.pk])
    assert client.post(url, edit_post(plan, title="新的标题", action="save")).status_code == 302


def test_a_tab_left_open_on_an_earlier_revision_cannot_overwrite_the_new_one(client, cast, summary):
    fill_placeholders(summary)
    client.login(username="alice", password=PASSWORD)
    client.post(editor_url(summary), edit_post(summary, **{"p:opening": "第一稿的开头。", "action": "save"}))
    old_tab = edit_post(summary, **{"p:opening": "旧标签页里的文字。", "action": "save"})
    review.submit_report(report=summary, actor=cast.alice)
    approval.approve_report(report=summary, actor=cast.carol)
    review.reopen_report(report=summary, actor=cast.carol, reason="补充下半年工作")
    for text in ("新一稿第一次修改。", "新一稿第二次修改。"):
        assert client.post(editor_url(summary), edit_post(summary, **{"p:opening": text, "action": "save"})).status_code == 302
    reopened = summary.current_revision()
    assert reopened.number == 2 and reopened.version == int(old_tab["version"])
    response = client.post(editor_url(summary), old_tab)
    assert response.status_code == 409
    page = response.content.decode()
    assert "已被其他人保存过" in page and "旧标签页里的文字。" in page
    assert summary.current_revision().content == reopened.content


def test_a_form_without_its_revision_is_refused_as_stale(client, cast, summary):
    client.login(username="alice", password=PASSWORD)
    data = edit_post(summary, **{"p:opening": "来历不明的表单。", "action": "save"})
    del data["revision"]
    assert client.post(editor_url(summary), data).status_code == 409
    assert document_of(summary).paragraph("opening").text != "来历不明的表单。"
