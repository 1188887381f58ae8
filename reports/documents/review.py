"""Review and approval: submit, withdraw, comment beside the text, return with the comments,
approve (freeze) with an opinion, reopen, resolve a comment.

Each service is atomic, locks the revision row before reading its state (so two chairs approving
at once give one approval), checks the actor's role and the state, and writes a Transition (which
notifies the people the step concerns).
Approval is started from approval.py, which renders the files first and then runs its transaction
through the steps here (approvable_revision, lock_rendered_revision, freeze).
Pages only offer the buttons; these functions decide.
"""
from __future__ import annotations

import hashlib
import unicodedata

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import access
from ..federation import rollup
from ..choices import ReportState as S
from ..models import RenderedFile, Report, ReviewComment, Revision, Transition
from ..notifications import transitions
from . import history
from .content import Document
from .errors import Code, ConfirmationRequired, ReportError


def note_text(value: str | None) -> str:
    """A comment or reason as typed, without control characters (a NUL byte cannot even be
    stored in PostgreSQL text); line breaks and tabs stay."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch) != "Cc").strip()


def _locked_current(report: Report) -> Revision:
    """The report's newest revision, locked until the transaction ends.

    The report row is locked first: a transition that waited here then reads the newest revision
    as the one before it left it (locking only the newest revision would, after the wait, still
    return that row while a reopen has added a newer one). NO KEY UPDATE leaves inserts of rows
    pointing at the report (revisions, transitions, plan items) free to go on elsewhere.
    """
    Report.objects.select_for_update(no_key=True).filter(pk=report.pk).first()
    revision = Revision.objects.select_for_update().filter(report=report).order_by("-number").first()
    if revision is None:
        raise ReportError("这份报告还没有内容。", code=Code.NO_CONTENT)
    return revision


def _record(revision: Revision, actor, from_state: str, to_state: str, note: str = "") -> Transition:
    """Write the step into the history and tell the people it concerns (notifications/transitions.py
    says who). What they were told rides on the revision the service returns, as `told`, so the
    page can say exactly that."""
    transition = Transition.objects.create(
        report=revision.report, revision=revision, actor=actor, from_state=from_state, to_state=to_state, note=note,
        version=revision.version,
    )
    revision.told = transitions.tell_about(transition)
    return transition


def comment_targets(document: Document) -> dict[str, str]:
    """Every part a chair may comment on, by key, with the name the secretary knows it by:
    each section and subsection by its heading, each paragraph by its place (“存在的问题”第2段)."""
    targets = {}
    for section in document.sections:
        targets[section.key] = section.heading
        for sub in section.subsections:
            targets[sub.key] = f"{section.heading}—{sub.heading}"
    counts: dict[str, int] = {}
    for where, paragraph in document.located_paragraphs():
        counts[where] = counts.get(where, 0) + 1
        targets[paragraph.key] = f"{where}第{counts[where]}段"
    return targets


def pending_comments(revision: Revision):
    """The comments the chair has written on this submission and not yet sent with a return."""
    return ReviewComment.objects.filter(revision=revision, returned_in__isnull=True)


def last_return(revision: Revision) -> Transition | None:
    return Transition.objects.filter(revision=revision, to_state=S.RETURNED).order_by("-at", "-id").first()


def _submission_concerns(revision: Revision) -> tuple[list[ReviewComment], bool]:
    """What a secretary is asked to confirm before submitting again: the comments still
    unresolved, and whether the text is the very version that was returned."""
    unresolved = list(revision.comments.filter(returned_in__isnull=False, resolved_at__isnull=True))
    returned = last_return(revision) if revision.state == S.RETURNED else None
    unchanged = returned is not None and returned.version == revision.version
    return unresolved, unchanged


def _confirmation_note(unresolved: list[ReviewComment], unchanged: bool) -> str:
    parts = []
    if unresolved:
        parts.append("仍有未解决的意见：" + "；".join(f"{c.target_label}（{c.text[:40]}）" for c in unresolved))
    if unchanged:
        parts.append("退回后没有修改文字")
    return "确认后提交。" + "。".join(parts) + "。"


def _move(revision: Revision, to_state: str, **fields) -> None:
    Revision.objects.filter(pk=revision.pk).update(state=to_state, **fields)
    revision.state = to_state
    for name, value in fields.items():
        setattr(revision, name, value)


@transaction.atomic
def submit_report(*, report: Report, actor, confirmed: bool = False) -> Revision:
    """待审核, by the union's secretary or chair, once every placeholder has been rewritten.

    Submitting with comments unresolved, or after a return with nothing changed, is refused with
    ConfirmationRequired unless `confirmed`; then it goes ahead and the transition says so."""
    if not access.can_edit_documents(actor, report.branch):
        raise access.PermissionDenied("只有本工会的干事或主席可以提交报告。")
    revision = _locked_current(report)
    if revision.state not in S.editable():
        raise ReportError(f"这份报告当前状态为“{revision.get_state_display()}”，不能提交。", code=Code.NOT_SUBMITTABLE)
    remaining = Document.from_dict(revision.content).placeholders()
    if remaining:
        raise ReportError("还有需要填写或修改的内容，暂不能提交：" + "、".join(remaining) + "。", code=Code.UNFINISHED)
    unresolved, unchanged = _submission_concerns(revision)
    if (unresolved or unchanged) and not confirmed:
        raise ConfirmationRequired(unresolved=unresolved, unchanged=unchanged)
    note = _confirmation_note(unresolved, unchanged) if unresolved or unchanged else ""
    previous = revision.state
    _move(revision, S.SUBMITTED, submitted_at=timezone.now())
    _record(revision, actor, previous, S.SUBMITTED, note[:5000])
    return revision


def _submitter_id(revision: Revision) -> int | None:
    """Who handed this submission in (the newest step into 待审核 of the revision)."""
    submitted = Transition.objects.filter(revision=revision, to_state=S.SUBMITTED).order_by("-at", "-id").first()
    return submitted.actor_id if submitted else None


def may_withdraw(*, report: Report, revision: Revision, actor) -> bool:
    """撤回 belongs to the writers: whoever submitted it, or a secretary of the union who is not
    its reviewing chair. The chair sends a report back with 退回修改, which tells the secretary
    why; a withdrawal by her would leave the secretary believing it is still being reviewed."""
    if actor is not None and _submitter_id(revision) == actor.pk:
        return True
    return access.can_edit_documents(actor, report.branch) and not access.can_approve(actor, report.branch)


@transaction.atomic
def withdraw_report(*, report: Report, actor) -> Revision:
    """撤回: the submitter, or a secretary of the union, takes a submission back to 草稿, as long
    as the chair has not started on it (no comment written on this submission)."""
    revision = _locked_current(report)
    is_submitter = actor is not None and _submitter_id(revision) == actor.pk
    if not (is_submitter or access.can_edit_documents(actor, report.branch)):
        raise access.PermissionDenied("只有提交人或本工会的干事可以撤回报告。")
    if revision.state != S.SUBMITTED:
        raise ReportError(f"这份报告当前状态为“{revision.get_state_display()}”，不能撤回。", code=Code.NOT_WITHDRAWABLE)
    if not may_withdraw(report=report, revision=revision, actor=actor):
        raise ReportError("撤回由提交人使用；主席如需修改，请写明意见后点“退回修改”，干事会收到通知。", code=Code.REVIEWER_RETURNS)
    if pending_comments(revision).exists():
        raise ReportError("工会主席已经开始审阅并写了批注，不能撤回；如需修改，请联系主席退回。", code=Code.REVIEW_STARTED)
    _move(revision, S.DRAFT, submitted_at=None)
    _record(revision, actor, S.SUBMITTED, S.DRAFT)
    return revision


@transaction.atomic
def add_comment(*, report: Report, actor, target_key: str, text: str) -> ReviewComment:
    """批注: the chair, reading a submitted revision, writes a comment beside one of its parts.
    It stays hers until she returns the report, which sends every comment written so far."""
    if not access.can_approve(actor, report.branch):
        raise access.PermissionDenied("只有本工会的主席可以写批注。")
    text = note_text(text)
    if not text:
        raise ReportError("批注不能为空。", code=Code.COMMENT_REQUIRED)
    revision = _locked_current(report)
    if revision.state != S.SUBMITTED:
        raise ReportError(f"这份报告当前状态为“{revision.get_state_display()}”，不能写批注。", code=Code.NOT_COMMENTABLE)
    targets = comment_targets(Document.from_dict(revision.content))
    if target_key not in targets:
        raise ReportError("批注针对的部分不存在，请刷新页面后再写。", code=Code.UNKNOWN_COMMENT_TARGET)
    return ReviewComment.objects.create(
        revision=revision, target_key=target_key, target_label=targets[target_key][:200], text=text[:2000], author=actor
    )


@transaction.atomic
def return_report(*, report: Report, actor, comment: str = "", section_comments: dict[str, str] | None = None) -> Revision:
    """退回修改, by the union's chair: sends the comments written beside the text (and any given
    here by part), with an optional general remark; at least one of them is required."""
    if not access.can_approve(actor, report.branch):
        raise access.PermissionDenied("只有本工会的主席可以退回报告。")
    comment = note_text(comment)
    revision = _locked_current(report)
    if revision.state != S.SUBMITTED:
        raise ReportError(f"这份报告当前状态为“{revision.get_state_display()}”，不能退回。", code=Code.NOT_RETURNABLE)
    targets = comment_targets(Document.from_dict(revision.content))
    for key, text in (section_comments or {}).items():
        text = note_text(text)
        if not text:
            continue
        if key not in targets:
            raise ReportError("意见针对的部分不存在。", code=Code.UNKNOWN_COMMENT_TARGET)
        ReviewComment.objects.create(revision=revision, target_key=key, target_label=targets[key][:200], text=text[:2000], author=actor)
    pending = pending_comments(revision)
    if not comment and not pending.exists():
        raise ReportError("退回时必须填写修改意见：请在文中写批注，或填写总体意见。", code=Code.COMMENT_REQUIRED)
    _move(revision, S.RETURNED)
    sent = _record(revision, actor, S.SUBMITTED, S.RETURNED, comment[:5000])
    pending.update(returned_in=sent)
    return revision


@transaction.atomic
def resolve_comment(*, comment: ReviewComment, actor) -> ReviewComment:
    """The secretary marks a section comment as dealt with (on the revision being revised)."""
    revision = Revision.objects.select_for_update().get(pk=comment.revision_id)
    if not access.can_edit_documents(actor, revision.report.branch):
        raise access.PermissionDenied("只有本工会的干事或主席可以处理意见。")
    if revision.state not in S.editable():
        raise ReportError("只有退回修改中的报告可以标记意见为已解决。", code=Code.COMMENT_NOT_RESOLVABLE)
    ReviewComment.objects.filter(pk=comment.pk, resolved_at__isnull=True).update(resolved_at=timezone.now(), resolved_by=actor)
    comment.refresh_from_db()
    return comment


def approvable_revision(*, report: Report, actor) -> Revision:
    """The submitted revision the chair is about to approve, read without a lock (see approval.py)."""
    if not access.can_approve(actor, report.branch):
        raise access.PermissionDenied("只有本工会的主席可以审核通过报告。")
    submitted = report.current_revision()
    if submitted is None or submitted.state != S.SUBMITTED:
        state = submitted.get_state_display() if submitted else "没有内容"
        raise ReportError(f"这份报告当前状态为“{state}”，不能审核通过。", code=Code.NOT_APPROVABLE)
    return submitted


def lock_rendered_revision(*, report: Report, rendered: Revision) -> Revision:
    """The revision, locked, provided it is still the very version whose files were rendered."""
    revision = _locked_current(report)
    if revision.state != S.SUBMITTED:
        raise ReportError(f"这份报告当前状态为“{revision.get_state_display()}”，不能审核通过。", code=Code.NOT_APPROVABLE)
    if (revision.pk, revision.version) != (rendered.pk, rendered.version):
        raise ReportError("审核期间这份报告有了变化，请刷新页面后重新审核。", code=Code.CHANGED_DURING_REVIEW)
    return revision


def freeze(revision: Revision, *, actor, docx: bytes, pdf: bytes, frozen_figures: list[dict] | None, opinion: str = "") -> None:
    """已通过: store the files and figures on the locked revision, in the approving UPDATE itself
    (afterwards the revision can no longer be written), and the chair's 审批意见 on the
    transition. Runs inside the approving transaction."""
    _move(
        revision,
        S.APPROVED,
        approved_at=timezone.now(),
        approved_by=actor,
        docx_file=docx,
        pdf_file=pdf,
        docx_sha256=hashlib.sha256(docx).hexdigest(),
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        frozen_figures=frozen_figures,
    )
    _record(revision, actor, S.SUBMITTED, S.APPROVED, note_text(opinion)[:5000])
    # Downloads now return the frozen files: the draft's cached renderings are of no more use.
    RenderedFile.objects.filter(revision=revision).delete()


@transaction.atomic
def reopen_report(*, report: Report, actor, reason: str) -> Revision:
    """重新打开, by the union's chair or an officer above, with a reason: a new draft revision
    starts from the approved one, which stays readable and downloadable."""
    if not access.can_reopen(actor, report):
        raise access.PermissionDenied("只有本工会的主席或上级工会工作人员可以重新打开报告。")
    reason = note_text(reason)
    if not reason:
        raise ReportError("重新打开时必须填写理由。", code=Code.REASON_REQUIRED)
    approved = _locked_current(report)
    if approved.state != S.APPROVED:
        raise ReportError(f"这份报告当前状态为“{approved.get_state_display()}”，不需要重新打开。", code=Code.NOT_REOPENABLE)
    try:
        with transaction.atomic():
            revision = Revision.objects.create(report=report, number=approved.number + 1, content=approved.content, updated_by=actor)
    except IntegrityError:
        # Without row locks (SQLite) two reopens may both have read the approved revision: the
        # revision number is unique, so the later one lands here and is refused.
        raise ReportError("这份报告刚刚已被其他人重新打开，请刷新页面后查看。", code=Code.ALREADY_REOPENED) from None
    history.record_edit(revision=revision, version=revision.version, editor=actor, before=None, after=revision.content)
    _record(revision, actor, S.APPROVED, S.DRAFT, reason[:5000])
    if report.is_annual_summary:
        # No longer approved: the federations above stop counting it until it is approved again.
        rollup.record_reopen(report)
    return revision
