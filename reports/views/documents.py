"""Plan and summary pages: the list, creating, the document page, the editor, 刷新数据, the preview.

Reading goes through the scoped fetch (404 for other branches); every change goes through
reports.documents.services, which checks state and versions.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from ..access import can_edit_records, get_branch_for_user, get_report_for_user
from ..documents import services
from ..documents.content import Document
from ..documents.editing import EditError, apply_action, apply_fields
from ..documents.facts import count_linked_activities
from ..documents.layout import layout
from ..exporting import snapshot_of
from ..exporting.docx import render_docx
from ..exporting.pdf import render_pdf
from ..exporting.responses import DOCX, PDF, attachment
from ..forms.documents import NewReportForm
from ..ledgers import LEDGERS
from ..models import Report

ACTIVITY_CATEGORY_CHOICES = [("", "（不指定）")] + list(LEDGERS["activities"].choices)


def _page_context(branch, **extra):
    return {"branch": branch, "ledgers": LEDGERS.values(), **extra}


@login_required
def document_list(request: HttpRequest, code: str) -> HttpResponse:
    branch = get_branch_for_user(request.user, code)
    reports = Report.objects.filter(branch=branch).prefetch_related("revisions")
    return render(
        request,
        "documents/list.html",
        _page_context(
            branch,
            reports=reports,
            form=NewReportForm(),
            can_edit=can_edit_records(request.user, branch),
        ),
    )


@login_required
@require_POST
def document_create(request: HttpRequest, code: str) -> HttpResponse:
    branch = get_branch_for_user(request.user, code, for_edit=True)
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
def document_detail(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The document as it will read, with what is left to fill and what the records changed."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    revision, document = _document_of(report)
    return render(
        request,
        "documents/detail.html",
        _page_context(
            branch,
            report=report,
            revision=revision,
            document=document,
            blocks=layout(document),
            placeholders=document.placeholders(),
            pending=[p for p in document.all_paragraphs() if p.pending or p.orphaned],
            plan_progress=_plan_progress(report, document),
            can_edit=can_edit_records(request.user, branch) and revision.state in services.EDITABLE_STATES,
        ),
    )


def _plan_progress(report: Report, document: Document):
    """For a plan: each schedule entry with its items and how many activities fulfil each."""
    if not report.is_plan:
        return None
    linked = count_linked_activities(report)
    rows = []
    for section in document.sections:
        for entry in section.schedule:
            rows.append((entry, [(item, linked.get(item.key, 0)) for item in entry.items]))
    total = sum(len(items) for _, items in rows)
    done = sum(1 for _, items in rows for _, n in items if n)
    return {"rows": rows, "total": total, "done": done}


@login_required
@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The editor. Every button saves the text first, then does its action, so no typing is lost."""
    branch = get_branch_for_user(request.user, code, for_edit=True)
    report = get_report_for_user(request.user, branch, pk, for_edit=True)
    try:
        revision = services.editable_revision(report)
    except services.ReportError as error:
        messages.error(request, str(error))
        return redirect("reports:document", code=code, pk=pk)
    document = Document.from_dict(revision.content)
    errors: list[str] = []
    if request.method == "POST":
        try:
            expected = int(request.POST.get("version", ""))
        except ValueError:
            expected = -1
        errors = apply_fields(document, request.POST)
        action = request.POST.get("action", "save")
        note = ""
        if not errors and action != "save":
            try:
                note = apply_action(document, action)
            except EditError as error:
                errors.append(str(error))
        if not errors:
            try:
                services.save_document(revision=revision, document=document, expected_version=expected, user=request.user)
            except services.StaleEdit as error:
                # Nothing of the other person's save is touched; her text stays on the page to copy.
                errors.append(str(error))
            else:
                if action == "save":
                    messages.success(request, "已保存。")
                    return redirect("reports:document", code=code, pk=pk)
                messages.info(request, note)
                anchor = action.partition(":")[2]
                return redirect(reverse("reports:document_edit", args=[code, pk]) + (f"#{anchor}" if anchor else ""))
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
            version=request.POST.get("version", revision.version) if errors else revision.version,
        ),
        status=409 if any("其他人保存过" in e for e in errors) else 200,
    )


@login_required
@require_POST
def document_refresh(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    branch = get_branch_for_user(request.user, code, for_edit=True)
    report = get_report_for_user(request.user, branch, pk, for_edit=True)
    try:
        outcome = services.refresh_figures(report=report, user=request.user)
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, outcome.message)
    return redirect("reports:document", code=code, pk=pk)


@login_required
def document_preview(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The document alone, laid out like the printed official document."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    revision, document = _document_of(report)
    return render(request, "documents/preview.html", {"report": report, "revision": revision, "blocks": layout(document)})


EXPORTERS = {"docx": (render_docx, DOCX), "pdf": (render_pdf, PDF)}


@login_required
def document_download(request: HttpRequest, code: str, pk: int, fmt: str) -> HttpResponse:
    """The Word or PDF file of the current revision, for anyone who may read the report."""
    branch = get_branch_for_user(request.user, code)
    report = get_report_for_user(request.user, branch, pk)
    render, content_type = EXPORTERS[fmt]
    snapshot = snapshot_of(report)
    return attachment(render(snapshot), snapshot.filename(fmt), content_type)
