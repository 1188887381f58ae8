"""Helpers that walk a report through review the way the pages do, and that expect a refusal."""
import datetime
from contextlib import contextmanager

import pytest

from reports.documents import approval, review, services
from reports.documents.content import Document
from reports.documents.errors import Code, ReportError

from .records import make_activity


def submitted_school_summary(cast, year):
    """The school's summary of `year`, drafted with one activity, filled in and submitted by its
    secretary: what the chair finds waiting for review."""
    make_activity(cast.school, datetime.date(year, 5, 1), participants=30)
    report = services.create_summary(branch=cast.school, year=year, user=None)
    fill_placeholders(report)
    review.submit_report(report=report, actor=cast.alice)
    return report


def fill_placeholders(report, text="本工会结合实际情况写成的一段文字。"):
    """Rewrite every placeholder paragraph, as a secretary must before submitting."""
    revision = report.current_revision()
    document = Document.from_dict(revision.content)
    for paragraph in document.all_paragraphs():
        if paragraph.needs_filling:
            paragraph.text = text
    services.save_document(revision=revision, document=document, expected_version=revision.version, user=None)


def rewrite(report, key="opening", text="按主席意见改写的一段文字。"):
    """Change one paragraph of the current revision, as a secretary does before submitting again."""
    revision = report.current_revision()
    document = Document.from_dict(revision.content)
    document.paragraph(key).text = text
    services.save_document(revision=revision, document=document, expected_version=revision.version, user=None)


def approval_form(opinion=""):
    """What the approval confirmation posts (a POST without `confirm` only leads to it)."""
    return {"confirm": "1", "opinion": opinion}


def approve(report, *, secretary, chair):
    fill_placeholders(report)
    review.submit_report(report=report, actor=secretary)
    return approval.approve_report(report=report, actor=chair)


@contextmanager
def raises_refusal(code: Code):
    """Expect the block to be refused with a ReportError of this code (the wording may change)."""
    with pytest.raises(ReportError) as caught:
        yield caught
    assert caught.value.code == code, (caught.value.code, str(caught.value))
