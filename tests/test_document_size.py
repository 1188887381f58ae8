"""The limit on a document's total length: the editor, saving, refreshing and drafting refuse to
go past it and save nothing; a document at the limit still exports."""
import datetime

import pytest
from django.urls import reverse

from reports.documents import editing, services
from reports.documents.content import Paragraph, new_key
from reports.documents.editing import MAX_DOCUMENT_CHARS, EditError, apply_action, apply_fields, document_length
from reports.documents.errors import Code
from reports.models import DocumentEdit, Report, Revision

from .conftest import PASSWORD
from .drafting_helpers import document_of, save_edit
from .exports import poppler
from .records import make_activity
from .reviews import raises_refusal

SENTENCE = "全年组织开展职工文体活动，参与职工一千余人次，丰富了职工的业余文化生活。"
TOO_LONG = f"文档总长度不能超过{MAX_DOCUMENT_CHARS // 10_000}万字"


def lengthen(document, length):
    """Append paragraphs of up to 5,000 characters to the last section until the document is
    exactly `length` characters long."""
    while (missing := length - document_length(document)) > 0:
        text = (SENTENCE * (5_000 // len(SENTENCE) + 1))[: min(missing, 5_000)]
        document.sections[-1].paragraphs.append(Paragraph(new_key(), text))
    assert document_length(document) == length
    return document


@pytest.fixture
def summary(cast, last_year):
    return services.create_summary(branch=cast.school, year=last_year, user=None)


def edit_page_post(client, report, data):
    client.login(username="alice", password=PASSWORD)
    revision = report.current_revision()
    form = {"revision": revision.number, "version": revision.version, **data}
    return client.post(reverse("reports:document_edit", args=["school", report.pk]), form)


def test_an_editor_save_past_the_limit_is_refused_in_chinese_and_nothing_is_saved(client, summary):
    save_edit(summary, lambda d: lengthen(d, MAX_DOCUMENT_CHARS - 5))
    before = summary.current_revision()
    paragraph = document_of(summary).preamble[0]
    response = edit_page_post(client, summary, {f"p:{paragraph.key}": paragraph.text + "再多写十个字就超了", "action": "save"})
    assert response.status_code == 200
    assert f"{TOO_LONG}（现有10.1万字）。" in response.content.decode()
    after = summary.current_revision()
    assert (after.version, after.content) == (before.version, before.content)


def test_an_editor_save_that_reaches_the_limit_exactly_is_kept(client, summary):
    save_edit(summary, lambda d: lengthen(d, MAX_DOCUMENT_CHARS - 5))
    paragraph = document_of(summary).preamble[0]
    response = edit_page_post(client, summary, {f"p:{paragraph.key}": paragraph.text + "五个字正好", "action": "save"})
    assert response.status_code == 302
    assert document_length(document_of(summary)) == MAX_DOCUMENT_CHARS


def test_the_message_states_the_limit_and_the_length_rounded_up(summary, monkeypatch):
    monkeypatch.setattr(editing, "MAX_DOCUMENT_CHARS", 10_000)
    document = lengthen(document_of(summary), 10_000)
    before = document.to_dict()
    paragraph = document.preamble[0]
    errors = apply_fields(document, {f"p:{paragraph.key}": paragraph.text + "多", "title": document.title + "（修订）"})
    assert errors == ["文档总长度不能超过1万字（现有1.1万字）。"]
    assert document.to_dict() == before, "a refused edit must change nothing"


def test_an_action_past_the_limit_is_refused_and_changes_nothing(summary):
    document = lengthen(document_of(summary), MAX_DOCUMENT_CHARS - 3)
    before = document.to_dict()
    with pytest.raises(EditError, match=TOO_LONG):
        apply_action(document, "add_section:")  # its heading 新的部分 is four characters
    assert document.to_dict() == before


def test_saving_past_the_limit_is_refused_and_nothing_is_saved(summary):
    revision = summary.current_revision()
    edits = DocumentEdit.objects.count()
    with raises_refusal(Code.DOCUMENT_TOO_LONG):
        save_edit(summary, lambda d: lengthen(d, MAX_DOCUMENT_CHARS + 1))
    assert summary.current_revision().version == revision.version
    assert DocumentEdit.objects.count() == edits


def test_a_document_stored_longer_than_the_limit_may_be_shortened_but_not_lengthened(summary):
    revision = summary.current_revision()
    # Saved before the limit existed.
    Revision.objects.filter(pk=revision.pk).update(content=lengthen(document_of(summary), MAX_DOCUMENT_CHARS + 20_000).to_dict())
    shortened = save_edit(summary, lambda d: d.sections[-1].paragraphs.pop())
    assert MAX_DOCUMENT_CHARS < document_length(shortened) < MAX_DOCUMENT_CHARS + 20_000
    with raises_refusal(Code.DOCUMENT_TOO_LONG):
        save_edit(summary, lambda d: d.preamble[0].__setattr__("text", d.preamble[0].text + "再加一句。"))


def test_refreshing_past_the_limit_is_refused_and_nothing_is_saved(cast, summary, last_year):
    save_edit(summary, lambda d: lengthen(d, MAX_DOCUMENT_CHARS))
    version = summary.current_revision().version
    # Events with outcomes: every outcome is told, so the redrafted text can only grow.
    for day, (title, category) in enumerate([("金秋职工登山比赛", "sports"), ("教职工合唱比赛", "culture"), ("班主任技能大赛", "competition")], start=10):
        make_activity(cast.school, datetime.date(last_year, 9, day), title=title, participants=35, category=category,
                      result="获得全县第一名，受到县总工会通报表扬")
    with raises_refusal(Code.DOCUMENT_TOO_LONG):
        services.refresh_figures(report=summary, user=None)
    assert summary.current_revision().version == version


def test_drafting_past_the_limit_creates_nothing(cast, last_year, monkeypatch):
    monkeypatch.setattr(editing, "MAX_DOCUMENT_CHARS", 100)
    with raises_refusal(Code.DOCUMENT_TOO_LONG) as refusal:
        services.create_plan(branch=cast.school, year=last_year, user=None)
    assert "文档总长度不能超过0.01万字" in str(refusal.value)
    assert not Report.objects.exists()


def test_a_document_at_the_limit_exports_its_pdf(client, summary, tmp_path):
    save_edit(summary, lambda d: lengthen(d, MAX_DOCUMENT_CHARS))
    client.login(username="alice", password=PASSWORD)
    response = client.get(reverse("reports:document_pdf", args=["school", summary.pk]))
    assert response.status_code == 200
    info = poppler("pdfinfo", response.content, tmp_path)
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    # 28 characters a line, 22 lines a page: 100,000 characters fill some 160 pages.
    assert 150 <= pages <= 200
    assert len(response.content) < 2_000_000
