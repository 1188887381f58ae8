"""Plan and summary pages: the list, creating, the document page, the editor, 刷新数据, the preview.

Reading goes through the scoped fetch (404 for other branches); every change goes through
reports.documents.services, which checks state and versions.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ..access import can_approve, can_edit_documents, can_reopen, get_branch_for_user, get_report_for_user, is_officer_of
from ..choices import PlanStatus, ReportState
from ..documents import approval, autosave, history, review, services, typical
from ..documents.diff import diff_revisions, has_changes
from ..documents.content import Document
from ..documents.editing import EditError, apply_action, apply_fields
from ..documents.errors import Code, ConfirmationRequired
from ..documents.plan_tracking import item_status, steps_by_item
from ..documents.figure_update import paragraph_update
from ..documents.layout import layout
from ..documents.files import revision_file
from ..exporting.responses import attachment
from ..forms.documents import NewReportForm
from ..ledgers import LEDGERS
from ..models import Report, ReviewComment, Revision, Transition
from ..models.documents import LIST_REVISIONS

ACTIVITY_CATEGORY_CHOICES = [("", "（不指定）")] + list(LEDGERS["activities"].choices)


def _branch_for_documents(request, code):
    """The branch if the user may draft its documents: 404 if unreadable, 403 if read-only."""
    branch = get_branch_for_user(request.user, code)
    if not can_edit_documents(request.user, branch):
        raise PermissionDenied("您没有起草或修改该工会报告的权限。")
    return branch


def _page_context(branch, **extra):
    return {"branch": branch, "ledgers": LEDGERS.values(), **extra}



def quoted(label: str) -> str:
    """A part's name in quotation marks, unless it is already quoted (a paragraph's place,
    “存在的问题”第2段, carries its own)."""
    return label if label.startswith("“") else f"“{label}”"

@login_required
@require_safe
def document_list(request: HttpRequest, code: str) -> HttpResponse:
    branch = get_branch_for_user(request.user, code)
    reports = Report.objects.filter(branch=branch).prefetch_related(LIST_REVISIONS)
    return render(
        request,
        "documents/list.html",
        _page_context(
            branch,
            reports=reports,
            form=NewReportForm(),
            can_edit=can_edit_documents(request.user, branch),
        ),
    )


@login_required
@require_POST
def document_create(request: HttpRequest, code: str) -> HttpResponse:
    branch = _branch_for_documents(request, code)
    form = NewReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择报告类型和年度。")
        return redirect("reports:documents", code=code)
    kind, year = form.cleaned_data["kind"], form.cleaned_data["year"]
    try:
        if kind in ("summary", "half"):
            report = services.create_summary(branch=branch, year=year, half=kind == "half", user=request.user)
        else:
            report = services.create_plan(branch=branch, year=year, from_previous=kind == "plan_copy", user=request.user)
    except services.ReportError as error:
        messages.error(request, str(error))
        return redirect("reports:documents", code=code)
    messages.success(request, f"已起草{report.label}，请检查并修改文字。")
    return redirect("reports:document", code=code, pk=report.pk)


def _document_of(report: Report):
    revision = report.current_revision()
    return revision, Document.from_dict(revision.content)


@login_required
@require_safe
def document_detail(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The document as it will read, with what is left to fill and what the records changed."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    revision, document = _document_of(report)
    review_context = _review_context(request.user, report, revision)
    blocks = layout(document)
    return render(
        request,
        "documents/detail.html",
        _page_context(
            branch,
            report=report,
            revision=revision,
            document=document,
            blocks=blocks,
            **_margin_context(document, blocks, review_context["comments"], can_comment=review_context["can_review"]),
            placeholders=document.placeholders(),
            placeholder_count=document.placeholder_count(),
            typical_unpicked=typical.is_unpicked(document),
            pending=_waiting_paragraphs(document),
            plan_progress=_plan_progress(report, document),
            can_mark_plan=report.is_plan and can_edit_documents(request.user, branch),
            can_edit=can_edit_documents(request.user, branch) and revision.state in ReportState.editable(),
            can_pick_typical=branch.is_federation and not report.is_plan and is_officer_of(request.user, branch),
            **review_context,
        ),
    )


def _waiting_paragraphs(document: Document) -> list[dict]:
    """The paragraphs 刷新数据 left for her to decide, each with where it is and what she can do."""
    waiting = []
    for where, paragraph in document.located_paragraphs():
        if paragraph.pending or paragraph.orphaned:
            update = paragraph_update(paragraph)
            waiting.append({
                "where": where, "paragraph": paragraph,
                "figures_only": bool(update and update.applicable),
                "opening": paragraph.text[:24] + ("…" if len(paragraph.text) > 24 else ""),
            })
    return waiting


def _review_context(user, report: Report, revision: Revision) -> dict:
    """What the review panel shows and which review buttons the user gets (services decide anyway)."""
    state = revision.state
    is_chair = can_approve(user, report.branch)
    comments = revision.comments.select_related("author", "resolved_by")
    if not is_chair:
        # The comments the chair is still writing are hers until the return sends them.
        comments = comments.filter(returned_in__isnull=False)
    comments = list(comments)
    submitted = state == ReportState.SUBMITTED
    returned = review.last_return(revision) if submitted else None
    return {
        "revisions": list(report.revisions.order_by("-number").only("number", "state", "approved_at", "report_id")),
        "transitions": list(report.transitions.select_related("actor", "revision").order_by("at", "id")),
        "comments": comments,
        "pending_count": sum(1 for c in comments if not c.sent),
        "approval": _approval_of(report, revision),
        "since_return": returned,
        "can_submit": can_edit_documents(user, report.branch) and state in ReportState.editable(),
        "can_withdraw": submitted and review.may_withdraw(report=report, revision=revision, actor=user) and not any(not c.sent for c in comments),
        "can_review": is_chair and submitted,
        "can_reopen": can_reopen(user, report) and state == ReportState.APPROVED,
        "can_resolve": can_edit_documents(user, report.branch) and state in ReportState.editable(),
    }


def _approval_of(report: Report, revision: Revision) -> Transition | None:
    """The approval of the shown revision, with its 审批意见, when it is approved."""
    if not revision.is_approved:
        return None
    return report.transitions.filter(revision=revision, to_state=ReportState.APPROVED).order_by("-at", "-id").first()


# The blocks a comment can sit beside: headings and paragraphs (a schedule's key is its section's).
COMMENTABLE_BLOCKS = frozenset({"heading1", "heading2", "paragraph", "item"})


def _margin_context(document: Document, blocks, comments: list[ReviewComment], *, can_comment: bool) -> dict:
    """The document with a margin beside each part: its comments, and for the reviewing chair a
    批注 form. Without comments or a chair to write them, the page shows the plain document."""
    by_key: dict[str, list[ReviewComment]] = {}
    for comment in comments:
        by_key.setdefault(comment.target_key, []).append(comment)
    targets = review.comment_targets(document)
    return {
        "show_margin": can_comment or bool(by_key),
        "annotated_blocks": [(b, b.key if b.kind in COMMENTABLE_BLOCKS and b.key in targets else "") for b in blocks],
        "comments_by_key": by_key,
        "comment_labels": targets,
    }


def _plan_progress(report: Report, document: Document):
    """For a plan: each schedule entry with its items, each with what carried it out in the plan's
    year (records of any kind, or her own marks) and so whether it is done or under way."""
    if not report.is_plan:
        return None
    steps = steps_by_item(report)
    rows = []
    for section in document.sections:
        for entry in section.schedule:
            items = []
            for item in entry.items:
                item_steps = steps.get(item.key, [])
                items.append({"item": item, "steps": item_steps, "status": item_status(item_steps)})
            rows.append((entry, items))
    total = sum(len(items) for _, items in rows)
    done = sum(1 for _, items in rows for row in items if row["status"] == PlanStatus.DONE)
    return {"rows": rows, "total": total, "done": done, "statuses": PlanStatus.choices}


@login_required
@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The editor. Every button saves the text first, then does its action, so no typing is lost."""
    branch = _branch_for_documents(request, code)
    report = get_report_for_user(request.user, branch, pk, for_edit=True)
    try:
        revision = services.editable_revision(report)
    except services.ReportError as error:
        messages.error(request, str(error))
        return redirect("reports:document", code=code, pk=pk)
    document = Document.from_dict(revision.content)
    errors: list[str] = []
    status = 200
    stale = False
    if request.method == "POST":
        errors = apply_fields(document, request.POST)
        action = request.POST.get("action", "save")
        note = ""
        # Resolving a review comment is not a change to the text: save the text, then resolve.
        resolving = action.startswith("resolve:")
        if not errors and action != "save" and not resolving:
            try:
                note = apply_action(document, action)
            except EditError as error:
                errors.append(str(error))
        if not errors:
            expected_version = _posted_number(request.POST, "version")
            try:
                saved = services.save_document(
                    revision=revision, document=document, user=request.user,
                    expected_revision=_posted_number(request.POST, "revision"), expected_version=expected_version,
                )
            except services.ReportError as error:
                # Nothing is written; her text stays on the page to copy or to save again.
                errors.append(str(error))
                status = _refused_save_status(error)
                stale = error.code == Code.STALE_EDIT
            else:
                # Her text is in the document now: the kept copy would only offer it back.
                autosave.forget(revision=revision, user=request.user)
                if action == "save":
                    if saved.version != expected_version:
                        messages.success(request, "已保存。")
                    else:
                        messages.info(request, "没有修改，无需保存。")
                    return redirect("reports:document", code=code, pk=pk)
                if resolving:
                    note = _resolve_from_editor(request, revision, action.partition(":")[2])
                messages.info(request, note)
                anchor = action.partition(":")[2]
                _keep_note_beside(request, action, note)
                return redirect(reverse("reports:document_edit", args=[code, pk]) + (f"#{anchor}" if anchor else ""))
    # A form refused for its content keeps the revision and version it was loaded from. One refused
    # because someone saved since shows her text over the current revision: the page says so, and
    # saving it again is her deliberate choice to put her text in place of theirs.
    loaded = request.POST if errors and not stale else {"revision": revision.number, "version": revision.version}
    return render(
        request,
        "documents/edit.html",
        _page_context(
            branch,
            report=report,
            revision=revision,
            document=document,
            errors=errors,
            category_choices=ACTIVITY_CATEGORY_CHOICES,
            comments_by_key=_comments_by_key(revision),
            figure_updates=_figure_updates(document),
            loaded_revision=loaded.get("revision", ""),
            version=loaded.get("version", ""),
            stale=stale,
            autosaved=None if errors else autosave.pending(revision=revision, user=request.user),
            note_beside=request.session.pop(NOTE_BESIDE, None) if request.method == "GET" else None,
        ),
        status=status,
    )


# The actions on one paragraph's new figures: the page reopens at that paragraph, below the
# messages at its top, so what the action did is said beside the paragraph as well.
PARAGRAPH_DECISIONS = frozenset({"accept", "dismiss", "update_figures"})
NOTE_BESIDE = "editor_note_beside"


def _keep_note_beside(request: HttpRequest, action: str, note: str) -> None:
    name, _, key = action.partition(":")
    if name in PARAGRAPH_DECISIONS and key and note:
        request.session[NOTE_BESIDE] = {"key": key, "text": note}


def _figure_updates(document: Document) -> dict:
    """For each paragraph waiting for her decision, what 只更新数字 would make of her text."""
    return {p.key: paragraph_update(p) for p in document.all_paragraphs() if p.pending}


@login_required
@require_POST
def document_autosave(request: HttpRequest, code: str, pk: int) -> JsonResponse:
    """Keep the editor's unsaved text (posted by the editor's script), or drop it (丢弃). The
    document itself is never changed here."""
    branch = _branch_for_documents(request, code)
    report = get_report_for_user(request.user, branch, pk, for_edit=True)
    if request.POST.get("discard"):
        autosave.forget(revision=report.current_revision(), user=request.user)
        return JsonResponse({"discarded": True})
    try:
        kept = autosave.store(
            report=report, revision_number=_posted_number(request.POST, "revision"),
            fields=autosave.editor_fields(request.POST), user=request.user,
        )
    except services.ReportError as error:
        return JsonResponse({"error": str(error)}, status=AUTOSAVE_REFUSAL_STATUS.get(error.code, 409))
    return JsonResponse({"saved_at": timezone.localtime(kept.updated_at).strftime("%H:%M")})


# Why an autosave was refused, as the editor's script reads it: the report or the editor's
# revision no longer takes her text (409), too much text (413), no text at all (400).
AUTOSAVE_REFUSAL_STATUS = {
    Code.NOT_EDITABLE: 409, Code.OLD_REVISION: 409, Code.DOCUMENT_TOO_LONG: 413, Code.NOTHING_TO_KEEP: 400,
}


def _refused_save_status(error: services.ReportError) -> int:
    """The status of the editor page that shows a refused save: 429 for saving too often (trying
    again shortly will do), 409 for a newer save and for every other refusal (the report is no
    longer a draft, the text is past the length limit), which the stored report does not allow."""
    if error.code == Code.SAVE_RATE_EXCEEDED:
        return 429
    return 409


def _posted_number(data, name: str) -> int:
    """A whole number from the form; -1 (matching nothing) when it is missing or not a number."""
    try:
        return int(data.get(name, ""))
    except ValueError:
        return -1


def _comments_by_key(revision: Revision) -> dict[str, list[ReviewComment]]:
    grouped: dict[str, list[ReviewComment]] = {}
    for comment in revision.comments.all():
        grouped.setdefault(comment.target_key, []).append(comment)
    return grouped


def _resolve_from_editor(request, revision: Revision, comment_pk: str) -> str:
    comment = ReviewComment.objects.filter(revision=revision, pk=comment_pk if comment_pk.isdigit() else 0).first()
    if comment is None:
        return "找不到这条意见。"
    try:
        review.resolve_comment(comment=comment, actor=request.user)
    except services.ReportError as error:
        return str(error)
    return f"已将对{quoted(comment.target_label)}的意见标记为已解决。"


@login_required
@require_POST
def document_refresh(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    branch = _branch_for_documents(request, code)
    report = get_report_for_user(request.user, branch, pk, for_edit=True)
    try:
        outcome = services.refresh_figures(report=report, user=request.user)
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, outcome.message)
    return redirect("reports:document", code=code, pk=pk)


@login_required
@require_safe
def document_preview(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The document alone, laid out like the printed official document."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    revision, document = _document_of(report)
    return render(request, "documents/preview.html", {"report": report, "revision": revision, "blocks": layout(document)})


@login_required
@require_safe
def document_download(request: HttpRequest, code: str, pk: int, fmt: str, number: int | None = None) -> HttpResponse:
    """The Word or PDF file of a revision (by default the current one), for anyone who may read
    the report. An approved revision returns the bytes stored at approval, never a new rendering;
    a draft is rendered once per saved version."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    filename, content_type, content = revision_file(report, _revision(report, number), fmt)
    return attachment(content, filename, content_type)


def _revision(report: Report, number: int | None) -> Revision:
    if number is None:
        return report.current_revision()
    return get_object_or_404(Revision.objects.filter(report=report), number=number)


@login_required
@require_safe
def revision_detail(request: HttpRequest, code: str, pk: int, number: int) -> HttpResponse:
    """An earlier revision, read-only, with its downloads."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    revision = _revision(report, number)
    return render(
        request,
        "documents/revision.html",
        _page_context(branch, report=report, revision=revision, blocks=layout(Document.from_dict(revision.content))),
    )


@login_required
@require_safe
def revision_diff(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """What changed between two revisions (default: the newest and the one before it)."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    numbers = list(report.revisions.order_by("number").values_list("number", flat=True))
    if len(numbers) < 2:
        raise Http404("这份报告只有一稿。")
    try:
        old, new = int(request.GET.get("from", numbers[-2])), int(request.GET.get("to", numbers[-1]))
    except ValueError:
        raise Http404("修订号不正确。") from None
    old_revision, new_revision = _revision(report, old), _revision(report, new)
    lines = diff_revisions(old_revision.content, new_revision.content)
    return render(
        request,
        "documents/diff.html",
        _page_context(branch, report=report, old=old_revision, new=new_revision, numbers=numbers, lines=lines, changed=has_changes(lines)),
    )


def _told(success: str, revision) -> str:
    """The step's message, then who was told of it, as the review service reports it."""
    told = getattr(revision, "told", None)
    return f"{success}{told.sentence()}" if told else success


def _review_action(request, code, pk, *, action, success):
    """Run a review service for a POST and come back to the document page with its message."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    try:
        revision = action(report)
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _told(success, revision))
    return redirect("reports:document", code=code, pk=pk)


def _confirmed(request) -> bool:
    """Whether the POST came from a confirmation step (its form carries confirm=1)."""
    return request.POST.get("confirm") == "1"


@login_required
@require_POST
def document_submit(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """提交审核. With comments unresolved or nothing changed since a return, the page asks first
    (listing them) and submits only once she confirms."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    try:
        submitted = review.submit_report(report=report, actor=request.user, confirmed=_confirmed(request))
    except ConfirmationRequired as question:
        return render(request, "documents/submit_confirm.html", _page_context(branch, report=report, question=question))
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _told("已提交工会主席审核。", submitted))
    return redirect("reports:document", code=code, pk=pk)


@login_required
@require_POST
def document_withdraw(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    return _review_action(
        request, code, pk, success="已撤回，报告回到草稿状态，可以继续修改后再提交。",
        action=lambda report: review.withdraw_report(report=report, actor=request.user),
    )


# Not one transaction for the whole request: the service renders the files outside its own.
@transaction.non_atomic_requests
@login_required
@require_http_methods(["GET", "POST"])
def document_approve(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """审核通过 after a confirmation step with an optional 审批意见: GET shows it (the document
    page opens the same form in a dialog), a POST without its confirm field is sent back to it."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    if not can_approve(request.user, branch):
        raise PermissionDenied("只有本工会的主席可以审核通过报告。")
    if request.method == "GET":
        revision = report.current_revision()
        if revision.state != ReportState.SUBMITTED:
            messages.error(request, f"这份报告当前状态为“{revision.get_state_display()}”，不能审核通过。")
            return redirect("reports:document", code=code, pk=pk)
        return render(request, "documents/approve.html", _page_context(branch, report=report, revision=revision))
    if not _confirmed(request):
        return redirect("reports:document_approve", code=code, pk=pk)
    return _review_action(
        request, code, pk, success="已审核通过。定稿的 Word 和 PDF 文件已保存，之后下载的都是这份定稿。",
        action=lambda report: approval.approve_report(report=report, actor=request.user, opinion=request.POST.get("opinion", "")),
    )


@login_required
@require_POST
def document_reopen(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    return _review_action(
        request, code, pk, success="已重新打开，新的一稿为草稿；之前通过的稿仍可查看和下载。",
        action=lambda report: review.reopen_report(report=report, actor=request.user, reason=request.POST.get("reason", "")),
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_return(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """退回修改, posted from the document page with the comments written beside the text and an
    optional general remark (c:<key> fields still add comments by part). A GET goes to the page."""
    branch = get_branch_for_user(request.user, code)
    get_report_for_user(request.user, branch, pk)  # a report she may not read is a 404 before anything else
    if not can_approve(request.user, branch):
        raise PermissionDenied("只有本工会的主席可以退回报告。")
    if request.method == "GET":
        return redirect(reverse("reports:document", args=[code, pk]) + "#review")
    section_comments = {name[len("c:"):]: value for name, value in request.POST.items() if name.startswith("c:")}
    return _review_action(
        request, code, pk, success="已退回修改。",
        action=lambda report: review.return_report(
            report=report, actor=request.user, comment=request.POST.get("comment", ""), section_comments=section_comments
        ),
    )


@login_required
@require_POST
def comment_add(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """批注: the chair's comment beside one part of the submitted text; back to that part."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    target = request.POST.get("target", "")[:40]
    try:
        review.add_comment(report=report, actor=request.user, target_key=target, text=request.POST.get("text", ""))
    except services.ReportError as error:
        messages.error(request, str(error))
        target = ""
    else:
        messages.success(request, "批注已保存。退回修改时会一并发给工会干事。")
    return redirect(reverse("reports:document", args=[code, pk]) + (f"#k-{target}" if target else ""))


@login_required
@require_safe
def changes_since_return(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """What the secretary changed between the last return and now, beside the comments of that return."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    revision = report.current_revision()
    returned = review.last_return(revision)
    if returned is None:
        raise Http404("这一稿没有被退回过。")
    before = history.content_of_version(revision, returned.version)
    lines = diff_revisions(before, revision.content) if before is not None else None
    return render(
        request,
        "documents/changes.html",
        _page_context(
            branch, report=report, revision=revision, returned=returned, lines=lines,
            changed=lines is not None and has_changes(lines),
            comments=list(returned.comments.select_related("resolved_by")),
        ),
    )


@login_required
@require_POST
def comment_resolve(request: HttpRequest, code: str, pk: int, comment_pk: int) -> HttpResponse:
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    comment = get_object_or_404(ReviewComment.objects.filter(revision__report=report), pk=comment_pk)
    try:
        review.resolve_comment(comment=comment, actor=request.user)
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"已将对{quoted(comment.target_label)}的意见标记为已解决。")
    back = request.POST.get("next") == "edit"
    return redirect("reports:document_edit" if back else "reports:document", code=code, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def typical_practices(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """For a federation's summary: pick paragraphs from the approved summaries of the unions below,
    to go into 典型做法, each credited to its union."""
    branch = _branch_for_documents(request, code)
    report = get_report_for_user(request.user, branch, pk, for_edit=True)
    if not branch.is_federation or report.kind != "summary":
        raise Http404("只有总工会的工作总结有典型做法。")
    # The page quotes the unions' approved summaries: only those who oversee the area read them,
    # not the federation's own secretary or chair, to whom every union's documents are closed.
    if not is_officer_of(request.user, branch):
        raise PermissionDenied(typical.PICKING_REFUSED)
    sources = typical.approved_sources(branch, report.year)
    current = report.current_revision()
    if request.method == "POST":
        try:
            added = typical.add_picks(
                report=report, sources=sources, picks=request.POST.getlist("pick"), user=request.user,
                expected_revision=_posted_number(request.POST, "revision"),
                expected_version=_posted_number(request.POST, "version"),
            )
        except services.ReportError as error:
            messages.error(request, str(error))
        else:
            if added:
                messages.success(request, f"已把 {added} 段典型做法加入工作总结。")
            else:
                messages.info(request, "所选的段落都已在工作总结的典型做法里，没有重复加入。")
            return redirect("reports:document", code=code, pk=pk)
    return render(
        request,
        "documents/typical.html",
        _page_context(branch, report=report, sources=sources, loaded_revision=current.number, version=current.version),
    )


@login_required
@require_POST
def plan_item_mark(request: HttpRequest, code: str, pk: int, key: str) -> HttpResponse:
    """计划完成情况: mark an item done or under way by hand, with a short note and a date."""
    branch = _branch_for_documents(request, code)
    report = get_report_for_user(request.user, branch, pk)
    try:
        services.mark_plan_item(
            report=report, key=key, status=request.POST.get("status", ""), day=request.POST.get("date", ""),
            note=request.POST.get("note", ""), user=request.user,
        )
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "已标记计划事项的完成情况。")
    return redirect(reverse("reports:document", args=[code, pk]) + f"#progress-{key}")
