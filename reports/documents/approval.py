"""Approving a report: render its Word and PDF files, freeze them, count the figures above.

The state machine (who may approve, which state, the lock, the frozen revision) is review.py's;
this module only puts the steps in order, calling the exporters and the federations' roll-up
through one function each.
"""
from __future__ import annotations

from django.db import transaction

from ..exporting.docx import render_docx
from ..exporting.pdf import render_pdf
from ..federation import rollup
from ..models import Report, Revision
from . import review
from .snapshot import snapshot_from_content


def render_frozen_files(content: dict, *, union_name: str) -> tuple[bytes, bytes]:
    """The approved files, rendered once from the approved content."""
    snapshot = snapshot_from_content(content, union_name=union_name, approved=True)
    return render_docx(snapshot), render_pdf(snapshot)


def approve_report(*, report: Report, actor, opinion: str = "") -> Revision:
    """已通过, by the union's chair, with an optional 审批意见: the content is frozen and its Word
    and PDF files stored once.

    The files are rendered before the transaction opens: a render takes seconds, and a transaction
    held that long would keep other saves waiting (on SQLite, every save in the database). The
    transaction then approves only the very version that was rendered."""
    submitted = review.approvable_revision(report=report, actor=actor)
    docx, pdf = render_frozen_files(submitted.content, union_name=report.branch.name)
    return _freeze(report=report, actor=actor, rendered=submitted, docx=docx, pdf=pdf, opinion=opinion)


@transaction.atomic
def _freeze(*, report: Report, actor, rendered: Revision, docx: bytes, pdf: bytes, opinion: str) -> Revision:
    revision = review.lock_rendered_revision(report=report, rendered=rendered)
    # Only a union's annual summary carries the figures its federations count.
    counted = report.is_annual_summary
    figures = rollup.figures_to_freeze(report.branch, report.year) if counted else None
    review.freeze(revision, actor=actor, docx=docx, pdf=pdf, frozen_figures=figures, opinion=opinion)
    if counted:
        # The federations above count the figures as approved (a federation's approved totals).
        rollup.record_approval(revision)
    return revision
