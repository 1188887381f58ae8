"""Creating, saving and refreshing reports: the only code that writes reports and revisions.

Each service is keyword-only and atomic. Saving is guarded by the revision's number and version,
so when two people edit the same draft (or a tab was left open on an earlier revision) the later
save is refused and the earlier one is kept whole.
"""
from __future__ import annotations

import datetime
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..access import Access, PermissionDenied
from ..choices import PlanStatus, ReportKind, ReportPeriod, ReportState
from ..models import Branch, DocumentEdit, PlanItem, PlanItemMark, Report, Revision
from ..periods import selectable_years
from . import history
from .content import Document
from .editing import document_length, length_error
from .errors import Code, DocumentTooLong, ReportError, SaveRateExceeded, StaleEdit
from .facts import gather_summary_facts
from .federation_summary import draft_federation_summary, gather_federation_facts
from .plan import copy_plan_to_year, draft_plan
from .plan_basis import gather_plan_basis
from .refresh import RefreshOutcome, merge_refresh
from .summary import draft_summary

SAVE_RATE_WINDOW = timedelta(minutes=1)
DRAFTING_REFUSED = "您没有为该工会起草报告的权限。"
EDITING_REFUSED = "您没有修改该工会报告的权限。"


def check_may_draft(user, branch: Branch, *, refusal: str = EDITING_REFUSED) -> None:
    """The services' own check, whichever page or command calls them: the branch's secretary or
    chair, a federation's own officers, or the system (user None: management commands). Every
    write service takes its acting user as a required keyword, so no caller acts as the system
    by forgetting to say who acts."""
    if not Access.of_actor(user).may_edit_documents(branch):
        raise PermissionDenied(refusal)


def _check_year(year: int, *, kind: str) -> None:
    years = selectable_years(next_year=kind == ReportKind.PLAN)
    if year not in years:
        raise ReportError(f"年度应在{min(years)}年至{max(years)}年之间。", code=Code.YEAR_OUT_OF_RANGE)


def check_length(document: Document, *, stored: dict | None = None) -> None:
    """Refuse a document longer than the limit, unless it only got shorter than the `stored` content."""
    too_long = length_error(document, before=document_length(Document.from_dict(stored)) if stored else 0)
    if too_long:
        raise DocumentTooLong(too_long)


def _create(*, branch: Branch, kind: str, year: int, period: str, document: Document, user) -> Report:
    check_length(document)
    try:
        with transaction.atomic():
            report = Report.objects.create(branch=branch, kind=kind, year=year, period=period, created_by=user)
            revision = Revision.objects.create(report=report, content=document.to_dict(), updated_by=user)
            history.record_edit(revision=revision, version=revision.version, editor=user, before=None, after=revision.content)
            if kind == ReportKind.PLAN:
                sync_plan_items(report=report, document=document)
    except IntegrityError:
        raise ReportError("这份报告已经存在，请直接打开编辑。", code=Code.REPORT_EXISTS) from None
    report.latest = revision
    return report


def draft_summary_for(branch: Branch, year: int, *, half: bool) -> Document:
    """A union's summary from its records; a federation's from its area's approved totals."""
    if branch.is_federation:
        if half:
            raise ReportError("总工会的工作总结按全年起草。", code=Code.FEDERATION_SUMMARY_IS_ANNUAL)
        return draft_federation_summary(gather_federation_facts(branch, year))
    return draft_summary(gather_summary_facts(branch, year, half=half))


def create_summary(*, branch: Branch, year: int, half: bool = False, user) -> Report:
    """Draft a new summary from the period's records."""
    check_may_draft(user, branch, refusal=DRAFTING_REFUSED)
    _check_year(year, kind=ReportKind.SUMMARY)
    document = draft_summary_for(branch, year, half=half)
    period = ReportPeriod.FIRST_HALF if half else ReportPeriod.YEAR
    return _create(branch=branch, kind=ReportKind.SUMMARY, year=year, period=period, document=document, user=user)


def create_plan(*, branch: Branch, year: int, from_previous: bool = False, user) -> Report:
    """A new plan: the sector's skeleton followed on from the union's previous year, or last
    year's plan with the year moved on."""
    check_may_draft(user, branch, refusal=DRAFTING_REFUSED)
    _check_year(year, kind=ReportKind.PLAN)
    if from_previous:
        previous = Report.objects.filter(branch=branch, kind=ReportKind.PLAN, year=year - 1).first()
        if previous is None:
            raise ReportError(
                f"没有找到{year - 1}年的工作计划，无法复制。请改用标准框架起草。", code=Code.NO_PREVIOUS_PLAN
            )
        last = Document.from_dict(previous.current_revision().content)
        document = copy_plan_to_year(branch, last, from_year=year - 1, to_year=year)
    else:
        document = draft_plan(branch, year, gather_plan_basis(branch, year))
    return _create(branch=branch, kind=ReportKind.PLAN, year=year, period=ReportPeriod.YEAR, document=document, user=user)


def _not_editable(revision: Revision) -> ReportError:
    return ReportError(f"这份报告当前状态为“{revision.get_state_display()}”，不能修改。", code=Code.NOT_EDITABLE)


def editable_revision(report: Report) -> Revision:
    revision = report.current_revision()
    if revision.state not in ReportState.editable():
        raise _not_editable(revision)
    return revision


def check_save_rate(user) -> None:
    """Refuse a user's save beyond the per-minute limit. Every save is kept in the history, so
    the limit is counted there: one count for all the server's processes."""
    if user is None:  # commands and the system
        return
    limit = settings.DOCUMENT_SAVES_PER_MINUTE
    recent = DocumentEdit.objects.filter(editor=user, at__gte=timezone.now() - SAVE_RATE_WINDOW)
    if recent.count() >= limit:
        raise SaveRateExceeded(limit)


@transaction.atomic
def save_document(
    *, revision: Revision, document: Document, expected_version: int, expected_revision: int | None = None, user
) -> Revision:
    """Store the edited document if nobody saved since the editor read version `expected_version`
    of revision number `expected_revision` (the editor's form always says which; other callers
    read the revision they save). A save that changes nothing writes nothing: the revision comes
    back with its version unchanged."""
    check_may_draft(user, revision.report.branch)
    # Locked, so a concurrent save waits here and then finds the version moved on.
    current = Revision.objects.select_for_update().only("number", "state", "version", "content").get(pk=revision.pk)
    if current.state not in ReportState.editable():
        raise _not_editable(current)
    if expected_revision is not None and expected_revision != current.number:
        raise StaleEdit()
    if current.version != expected_version:
        raise StaleEdit()
    content = document.to_dict()
    if content == current.content:
        return revision
    check_length(document, stored=current.content)
    check_save_rate(user)
    # Still one conditional UPDATE, which also holds where rows cannot be locked (SQLite).
    saved = Revision.objects.filter(
        pk=revision.pk, version=expected_version, state__in=ReportState.editable()
    ).update(content=content, version=F("version") + 1, updated_by=user, updated_at=timezone.now())
    if not saved:
        raise StaleEdit()
    history.record_edit(revision=revision, version=expected_version + 1, editor=user, before=current.content, after=content)
    if revision.report.kind == ReportKind.PLAN:
        sync_plan_items(report=revision.report, document=document)
    revision.refresh_from_db()
    return revision


def refresh_figures(*, report: Report, expected_version: int | None = None, user) -> RefreshOutcome:
    """刷新数据 for a summary: redraft from the records and merge by the refresh rule."""
    check_may_draft(user, report.branch)
    if report.kind != ReportKind.SUMMARY:
        raise ReportError("只有工作总结需要刷新数据。", code=Code.NOT_A_SUMMARY)
    revision = editable_revision(report)
    current = Document.from_dict(revision.content)
    fresh = draft_summary_for(report.branch, report.year, half=report.is_half_year)
    outcome = merge_refresh(current, fresh)
    current.annex = fresh.annex  # the annex's figures are drafted, never edited
    save_document(
        revision=revision,
        document=current,
        expected_version=revision.version if expected_version is None else expected_version,
        user=user,
    )
    return outcome


def sync_plan_items(*, report: Report, document: Document) -> None:
    """Keep the plan's schedule rows in step with its content, so activities can link to items.

    Items are matched by key: an edited item keeps its links; a removed item's links are cleared.
    """
    wanted = {}
    for position, (entry, item) in enumerate(document.schedule_items()):
        months = entry.months or [1]
        wanted[item.key] = {
            "month_label": entry.label[:40],
            "first_month": min(months),
            "last_month": max(months),
            "text": item.text[:500],
            "category": item.category,
            "position": position,
        }
    existing = {item.key: item for item in PlanItem.objects.filter(report=report)}
    PlanItem.objects.filter(report=report).exclude(key__in=wanted).delete()
    to_create, to_update = [], []
    for key, values in wanted.items():
        item = existing.get(key)
        if item is None:
            to_create.append(PlanItem(report=report, key=key, **values))
        elif any(getattr(item, f) != v for f, v in values.items()):
            for field, value in values.items():
                setattr(item, field, value)
            to_update.append(item)
    PlanItem.objects.bulk_create(to_create)
    PlanItem.objects.bulk_update(to_update, ["month_label", "first_month", "last_month", "text", "category", "position"])


MAX_MARK_NOTE = PlanItemMark._meta.get_field("note").max_length


def _mark_refused(message: str) -> ReportError:
    return ReportError(message, code=Code.BAD_PLAN_MARK)


@transaction.atomic
def mark_plan_item(*, report: Report, key: str, status: str, day: str, note: str, user) -> PlanItemMark:
    """Mark a plan item done or in progress by hand, with a short note (已完成，见…) and a date in
    the plan's year. The plan need not be a draft: its items are followed up all year."""
    check_may_draft(user, report.branch)
    if report.kind != ReportKind.PLAN:
        raise ReportError("只有工作计划的事项可以标记完成情况。", code=Code.NOT_A_PLAN)
    item = PlanItem.objects.filter(report=report, key=key).first()
    if item is None:
        raise ReportError("找不到这个计划事项，请刷新页面后再试。", code=Code.UNKNOWN_PLAN_ITEM)
    if status not in PlanStatus.values:
        raise _mark_refused("请选择“已完成”或“正在推进”。")
    note = " ".join(note.split())
    if not note:
        raise _mark_refused("请填写简短说明，例如：已完成，见学校工作简报第3期。")
    if len(note) > MAX_MARK_NOTE:
        raise _mark_refused(f"说明不能超过{MAX_MARK_NOTE}个字（现有{len(note)}个字）。")
    try:
        date = datetime.date.fromisoformat(day.strip())
    except ValueError:
        raise _mark_refused("日期格式不正确，请填写如 2025-05-20 的日期。") from None
    if date.year != report.year:
        raise _mark_refused(f"日期应在{report.year}年内。")
    if date > timezone.localdate():
        raise _mark_refused("日期不能晚于今天。")
    return PlanItemMark.objects.create(plan_item=item, status=status, date=date, note=note, marked_by=user)
