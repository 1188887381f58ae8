"""Review and approval: each transition, each refusal, frozen files, reopening, history."""
import datetime
import hashlib

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from reports.documents import approval, review, services
from reports.documents.content import Document
from reports.documents.errors import Code
from reports.models import FrozenRevision, Revision, Transition

from .conftest import PASSWORD
from .records import make_activity
from .reviews import approval_form, approve, fill_placeholders, raises_refusal, rewrite

YEAR = datetime.date.today().year - 1


@pytest.fixture
def summary(cast):
    make_activity(cast.school, datetime.date(YEAR, 5, 1), participants=30)
    return services.create_summary(branch=cast.school, year=YEAR, user=None)


def state(report):
    return report.current_revision().state


def test_submit_is_refused_while_placeholders_remain_and_names_them(cast, summary):
    with raises_refusal(Code.UNFINISHED) as refusal:
        review.submit_report(report=summary, actor=cast.alice)
    assert "存在的问题" in str(refusal.value)
    assert state(summary) == "draft"
    fill_placeholders(summary)
    review.submit_report(report=summary, actor=cast.alice)
    assert state(summary) == "submitted"


def touched(text: str, how: str) -> str:
    """The drafted text changed in a way that rewrites nothing."""
    return {
        "zero-width space": text[:3] + "\u200b" + text[3:],
        "word joiner and BOM": "\ufeff" + text + "\u2060",
        "soft hyphen": text[:5] + "\u00ad" + text[5:],
        "no-break space": text.replace("，", "，\u00a0", 1),
        "ideographic indent": "\u3000\u3000" + text,
        "tab and spaces": text[:4] + "\t " + text[4:] + " ",
        "half-width comma": text.replace("，", ","),
        "dropped full stop": text.rstrip("。"),
    }[how]


@pytest.mark.parametrize("how", [
    "zero-width space", "word joiner and BOM", "soft hyphen", "no-break space", "ideographic indent",
    "tab and spaces", "half-width comma", "dropped full stop",
])
def test_a_placeholder_touched_only_invisibly_still_blocks_submit(cast, summary, how):
    revision = summary.current_revision()
    document = Document.from_dict(revision.content)
    for paragraph in document.all_paragraphs():
        if paragraph.needs_filling:
            paragraph.text = touched(paragraph.drafted, how)
            assert paragraph.text != paragraph.drafted
    services.save_document(revision=revision, document=document, expected_version=revision.version, user=None)
    with raises_refusal(Code.UNFINISHED):
        review.submit_report(report=summary, actor=cast.alice)
    assert state(summary) == "draft"


def test_the_whole_path_with_history(cast, summary):
    fill_placeholders(summary)
    review.submit_report(report=summary, actor=cast.alice)
    review.return_report(report=summary, actor=cast.carol, comment="请补充女职工工作。", section_comments={"women": "", "culture": "活动写得太简单。"})
    assert state(summary) == "returned"
    comment = summary.current_revision().comments.get()
    assert (comment.target_key, comment.text) == ("culture", "活动写得太简单。")
    review.resolve_comment(comment=comment, actor=cast.alice)
    rewrite(summary)
    review.submit_report(report=summary, actor=cast.carol)  # a chair may submit too
    revision = approval.approve_report(report=summary, actor=cast.carol)
    assert revision.state == "approved" and revision.approved_by == cast.carol
    steps = [(t.from_state, t.to_state, t.actor.username, t.note) for t in Transition.objects.filter(report=summary)]
    assert steps == [
        ("draft", "submitted", "alice", ""),
        ("submitted", "returned", "carol", "请补充女职工工作。"),
        ("returned", "submitted", "carol", ""),
        ("submitted", "approved", "carol", ""),
    ]


@pytest.mark.parametrize("who", ["alice", "bob", "dora", "oscar", "olga"])
def test_only_the_unions_chair_approves_or_returns(cast, summary, who):
    fill_placeholders(summary)
    review.submit_report(report=summary, actor=cast.alice)
    user = getattr(cast, who)
    with pytest.raises(PermissionDenied):
        approval.approve_report(report=summary, actor=user)
    with pytest.raises(PermissionDenied):
        review.return_report(report=summary, actor=user, comment="x")
    assert state(summary) == "submitted"


@pytest.mark.parametrize("who", ["bob", "dora", "oscar", "nobody"])
def test_only_the_unions_secretary_or_chair_submits(cast, summary, who):
    fill_placeholders(summary)
    with pytest.raises(PermissionDenied):
        review.submit_report(report=summary, actor=getattr(cast, who))


def test_wrong_states_are_refused(cast, summary):
    with raises_refusal(Code.NOT_APPROVABLE):
        approval.approve_report(report=summary, actor=cast.carol)
    with raises_refusal(Code.NOT_RETURNABLE):
        review.return_report(report=summary, actor=cast.carol, comment="x")
    with raises_refusal(Code.NOT_REOPENABLE):
        review.reopen_report(report=summary, actor=cast.carol, reason="x")
    fill_placeholders(summary)
    review.submit_report(report=summary, actor=cast.alice)
    with raises_refusal(Code.NOT_SUBMITTABLE):
        review.submit_report(report=summary, actor=cast.alice)
    with raises_refusal(Code.NOT_EDITABLE):
        revision = summary.current_revision()
        services.save_document(revision=revision, document=Document.from_dict(revision.content), expected_version=revision.version, user=None)


def test_return_needs_a_comment_and_reopen_a_reason(cast, summary):
    fill_placeholders(summary)
    review.submit_report(report=summary, actor=cast.alice)
    with raises_refusal(Code.COMMENT_REQUIRED):
        review.return_report(report=summary, actor=cast.carol, comment="  ")
    approval.approve_report(report=summary, actor=cast.carol)
    with raises_refusal(Code.REASON_REQUIRED):
        review.reopen_report(report=summary, actor=cast.carol, reason="")
    with pytest.raises(PermissionDenied):
        review.reopen_report(report=summary, actor=cast.alice, reason="想改")
    with pytest.raises(PermissionDenied):
        review.reopen_report(report=summary, actor=cast.olga, reason="另一个总工会")


def test_approval_freezes_files_with_their_hashes(cast, summary):
    revision = approve(summary, secretary=cast.alice, chair=cast.carol)
    revision.refresh_from_db()
    assert hashlib.sha256(bytes(revision.docx_file)).hexdigest() == revision.docx_sha256
    assert hashlib.sha256(bytes(revision.pdf_file)).hexdigest() == revision.pdf_sha256
    assert bytes(revision.pdf_file).startswith(b"%PDF") and bytes(revision.docx_file).startswith(b"PK")


def test_approved_revision_cannot_change_through_save_update_or_delete(cast, summary):
    revision = approve(summary, secretary=cast.alice, chair=cast.carol)
    revision.content = {"kind": "summary", "title": "改了", "preamble": [], "sections": [], "closing": [], "signature": "", "date": ""}
    with pytest.raises(FrozenRevision):
        revision.save()
    with pytest.raises(FrozenRevision):
        Revision.objects.filter(pk=revision.pk).update(pdf_file=b"forged")
    with pytest.raises(FrozenRevision):
        Revision.objects.filter(report=summary).delete()
    with pytest.raises(FrozenRevision):
        Revision.objects.get(pk=revision.pk).delete()
    stored = Revision.objects.get(pk=revision.pk)
    assert stored.content["title"] != "改了" and hashlib.sha256(bytes(stored.pdf_file)).hexdigest() == stored.pdf_sha256


def test_reopen_starts_revision_two_and_keeps_revision_one(cast, summary):
    first = approve(summary, secretary=cast.alice, chair=cast.carol)
    second = review.reopen_report(report=summary, actor=cast.oscar, reason="数字有误，请核实。")
    assert (second.number, second.state) == (2, "draft")
    assert second.content == Revision.objects.get(pk=first.pk).content
    assert Revision.objects.get(pk=first.pk).state == "approved"
    assert Transition.objects.filter(report=summary).last().note == "数字有误，请核实。"


def download(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content


def test_downloads_of_an_approved_revision_are_byte_identical_even_after_changes(client, cast, summary, settings, tmp_path):
    revision = approve(summary, secretary=cast.alice, chair=cast.carol)
    client.login(username="oscar", password=PASSWORD)
    args = ("school", summary.pk)
    first = (download(client, "reports:document_docx", *args), download(client, "reports:document_pdf", *args))
    assert hashlib.sha256(first[0]).hexdigest() == revision.docx_sha256
    assert hashlib.sha256(first[1]).hexdigest() == revision.pdf_sha256
    # Records, wording templates and stylesheets change; the approved files must not.
    make_activity(cast.school, datetime.date(YEAR, 6, 1), participants=99)
    templates = tmp_path / "templates"
    (templates / "documents").mkdir(parents=True)
    (templates / "documents" / "pdf.html").write_text("<p>完全不同的排版</p>", encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [templates, *settings.TEMPLATES[0]["DIRS"]]}]
    from reports.documents.snapshot import snapshot_of
    from reports.exporting.pdf import render_pdf

    assert render_pdf(snapshot_of(summary)) != first[1], "the template change must show in a fresh rendering"
    again = (download(client, "reports:document_docx", *args), download(client, "reports:document_pdf", *args))
    assert again == first
    review.reopen_report(report=summary, actor=cast.carol, reason="补充数据")
    assert download(client, "reports:revision_docx", "school", summary.pk, 1) == first[0]
    assert download(client, "reports:revision_pdf", "school", summary.pk, 1) == first[1]


def test_diff_between_revisions(client, cast, summary):
    approve(summary, secretary=cast.alice, chair=cast.carol)
    revision = review.reopen_report(report=summary, actor=cast.carol, reason="修改开头")
    document = Document.from_dict(revision.content)
    document.paragraph("opening").text = "这是改过的开头。"
    services.save_document(revision=revision, document=document, expected_version=revision.version, user=None)
    client.login(username="alice", password=PASSWORD)
    response = client.get(reverse("reports:revision_diff", args=["school", summary.pk]))
    changes = {(line.change, line.text) for line in response.context["lines"] if line.change != "same"}
    assert ("added", "这是改过的开头。") in changes
    assert any(change == "removed" for change, _ in changes)



@pytest.mark.django_db(transaction=True)
def test_approval_renders_its_files_outside_any_transaction(client, cast, summary, monkeypatch):
    """A render takes seconds; inside a transaction it would hold every other save up."""
    from django.db import connection

    fill_placeholders(summary)
    review.submit_report(report=summary, actor=cast.alice)
    seen = []
    real_render = approval.render_frozen_files

    def watching_render(*args, **kwargs):
        seen.append(connection.in_atomic_block)
        return real_render(*args, **kwargs)

    monkeypatch.setattr(approval, "render_frozen_files", watching_render)
    client.force_login(cast.carol)
    client.post(reverse("reports:document_approve", args=["school", summary.pk]), approval_form())
    assert seen == [False]
    assert state(summary) == "approved"


def test_a_reason_with_control_characters_is_stored_without_them(cast, summary):
    approve(summary, secretary=cast.alice, chair=cast.carol)
    review.reopen_report(report=summary, actor=cast.carol, reason="理由\x00含空字符\x07")
    assert Transition.objects.filter(report=summary).order_by("-id").first().note == "理由含空字符"
