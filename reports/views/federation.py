"""Federation pages: the reporting board, its xlsx export, the reminder list and 发送催报, and the
totals of the area with a drill-down by child unit."""
from __future__ import annotations

import io
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe, require_POST
from openpyxl import Workbook

from ..access import get_federation_for_user, is_officer_of
from ..exporting.responses import XLSX, attachment
from ..federation import board as boards
from ..federation import reminders as reminding
from ..federation.totals import area_totals, totals_by_child
from ..forms.federation import BoardFilterForm, DeadlinesForm
from ..ledgers import LEDGERS
from ..notifications.delivery import channels
from ..periods import RECENT_YEARS, selectable_years
from ..workbook.exporter import text_cell
from .dashboard import chosen_year

PAGE_SIZE = 50


@dataclass(frozen=True)
class BoardCell:
    kind: str
    report: int | None  # the report's id: the cell opens the document in one click
    state: str | None
    label: str
    submitted: object
    approved: object
    handed_in: object
    timeliness: str
    timeliness_label: str
    overdue: bool


def _cells(row):
    for kind in boards.KINDS:
        state = getattr(row, f"{kind}_state")
        timeliness = getattr(row, f"{kind}_timeliness")
        yield BoardCell(
            kind=kind,
            report=getattr(row, f"{kind}_report"),
            state=state,
            label=boards.STATE_LABELS[state or "none"],
            submitted=getattr(row, f"{kind}_submitted"),
            approved=getattr(row, f"{kind}_approved"),
            handed_in=getattr(row, f"{kind}_handed_in"),
            timeliness=timeliness,
            timeliness_label=boards.TIMELINESS_LABELS[timeliness],
            overdue=boards.is_overdue(row, kind),
        )


def _filters(request) -> tuple[BoardFilterForm, boards.BoardFilters]:
    form = BoardFilterForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    return form, boards.BoardFilters(**{k: data.get(k, "") for k in ("plan_state", "summary_state", "overdue", "sector")})


def _context(federation, year, **extra):
    return {"branch": federation, "ledgers": LEDGERS.values(), "year": year, **extra}


@login_required
@require_safe
def board(request: HttpRequest, code: str) -> HttpResponse:
    federation = get_federation_for_user(request.user, code)
    year = chosen_year(request)
    today = timezone.localdate()
    form, filters = _filters(request)
    dues = boards.due_dates(federation, year)
    page = Paginator(boards.filtered_board(federation, year, filters, today), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(row, list(_cells(row))) for row in page.object_list]
    counts = boards.state_counts(federation, year)
    timeliness = boards.timeliness_counts(federation, year, today)
    header = [(kind, KIND_WORDS[kind], dues[kind], counts[kind], timeliness[kind]) for kind in boards.KINDS]
    can_set_deadlines = is_officer_of(request.user, federation)
    # The deadlines form opens on the year the board shows, so a correction lands where it is
    # read; a year too old to be set falls back to this year's.
    deadlines_year = year if year in deadline_years() else today.year
    return render(
        request,
        "federation/board.html",
        _context(
            federation, year, form=form, page=page, rows=rows, header=header,
            state_labels=boards.STATE_LABELS, handed_in_rule=boards.HANDED_IN_RULE,
            deadlines_year=deadlines_year, deadline_years=deadline_years(),
            deadlines=boards.deadlines_of(federation, deadlines_year) if can_set_deadlines else None,
            can_set_deadlines=can_set_deadlines,
            years=_years(),
        ),
    )


KIND_WORDS = {"plan": "计划", "summary": "总结"}


def _years():
    return selectable_years(recent=RECENT_YEARS)


BOARD_HEADERS = [
    "代码", "工会名称", "类型", "行业",
    "工作计划状态", "计划提交时间", "计划通过时间", "计划报送时间", "计划报送情况", "计划逾期",
    "工作总结状态", "总结提交时间", "总结通过时间", "总结报送时间", "总结报送情况", "总结逾期",
]


@login_required
@require_safe
def board_export(request: HttpRequest, code: str) -> HttpResponse:
    """The filtered board as an xlsx workbook (every row, not one page)."""
    federation = get_federation_for_user(request.user, code)
    year = chosen_year(request)
    today = timezone.localdate()
    _, filters = _filters(request)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("报送情况")
    sheet.append(BOARD_HEADERS)

    def when(value):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""

    for row in boards.filtered_board(federation, year, filters, today).iterator(chunk_size=2000):
        line = [row.code, row.name, row.get_kind_display(), row.get_sector_display()]
        for cell in _cells(row):
            line += [cell.label, when(cell.submitted), when(cell.approved), when(cell.handed_in),
                     cell.timeliness_label, "是" if cell.overdue else "否"]
        # Names are text a union typed: text_cell keeps them from ever becoming formulas.
        sheet.append([text_cell(sheet, v) if isinstance(v, str) else v for v in line])
    buffer = io.BytesIO()
    book.save(buffer)
    return attachment(buffer.getvalue(), f"{federation.display_name}{year}年报送情况.xlsx", XLSX)


@login_required
@require_safe
def reminders(request: HttpRequest, code: str) -> HttpResponse:
    """The late unions, when each was last reminded and who has read it, the 发送催报 button,
    and a notice the officer can copy."""
    federation = get_federation_for_user(request.user, code)
    year = chosen_year(request)
    today = timezone.localdate()
    dues = boards.due_dates(federation, year)
    late = reminding.late_unions(federation, year, today)
    last = reminding.last_reminders(federation, year, today)
    rows = [{"branch": union.branch, "missing": union.missing, "last": last.get(union.branch.pk)} for union in late]
    notice = render_to_string(
        "federation/reminder.txt",
        {"federation": federation, "year": year, "rows": rows, "today": today, "plan_due": dues["plan"], "summary_due": dues["summary"]},
    )
    return render(
        request,
        "federation/reminders.html",
        _context(
            federation, year, rows=rows, notice=notice, years=_years(),
            can_send=is_officer_of(request.user, federation), resend_minutes=int(reminding.RESEND_INTERVAL.total_seconds() // 60),
        ),
    )


@login_required
@require_POST
def send_reminders(request: HttpRequest, code: str) -> HttpResponse:
    """发送催报: remind every late union of the year by inbox and mail (officers only)."""
    federation = get_federation_for_user(request.user, code)
    if not is_officer_of(request.user, federation):
        raise PermissionDenied("只有上级工会工作人员可以发送催报。")
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        year = None
    years = _years()  # only the years the board and the reminders page offer
    if year not in years:
        messages.error(request, f"年度不正确，没有发送催报。请在{min(years)}年至{max(years)}年中选择年度。")
        return redirect("reports:reminders", code=code)
    outcome = reminding.send_reminders(federation=federation, year=year, actor=request.user, today=timezone.localdate())
    for level, text in _send_messages(outcome):
        messages.add_message(request, level, text)
    return redirect(f"{reverse('reports:reminders', kwargs={'code': code})}?year={year}")


def _names(branches) -> str:
    return "、".join(branch.display_name for branch in branches)


def _send_messages(outcome: reminding.SendOutcome):
    """What the officer is told: whom the reminder reached, and whom it did not and why."""
    if outcome.sent:
        told = channels(outcome.people, outcome.mailed)
        yield messages.SUCCESS, f"已向{len(outcome.sent)}个工会的{outcome.people}位工会干事和主席发送催报（{told}）。"
    if outcome.too_soon:
        minutes = int(reminding.RESEND_INTERVAL.total_seconds() // 60)
        yield messages.WARNING, f"{_names(outcome.too_soon)}在{minutes}分钟内已催报过，这次没有重复发送，请稍后再试。"
    if outcome.nobody:
        yield messages.WARNING, f"{_names(outcome.nobody)}没有工会干事或主席的账号，无法发送催报，请用催报通知联系。"
    if not (outcome.sent or outcome.too_soon or outcome.nobody):
        yield messages.INFO, "没有逾期未报送的工会，无需催报。"


@login_required
@require_POST
def set_deadlines(request: HttpRequest, code: str) -> HttpResponse:
    federation = get_federation_for_user(request.user, code)
    if not is_officer_of(request.user, federation):
        raise PermissionDenied("只有总工会工作人员可以设置报送期限。")
    form = DeadlinesForm(request.POST, federation=federation, years=deadline_years())
    if form.is_valid():
        saved = form.save()
        messages.success(request, f"{saved.year}年度的报送期限已保存。")
        return redirect(f"{reverse('reports:board', args=[code])}?year={saved.year}")
    errors = "；".join(e for field_errors in form.errors.values() for e in field_errors)
    messages.error(request, f"报送期限没有保存：{errors}")
    return redirect("reports:board", code=code)


def deadline_years():
    """The years whose deadlines may be set: next year's plans are drafted ahead, so it too."""
    return selectable_years(recent=RECENT_YEARS, next_year=True)


@login_required
@require_safe
def totals(request: HttpRequest, code: str) -> HttpResponse:
    """The area's figures for a year; by default only unions whose summary is approved."""
    federation = get_federation_for_user(request.user, code)
    year = chosen_year(request)
    approved_only = request.GET.get("scope") != "all"
    return render(
        request,
        "federation/totals.html",
        _context(
            federation, year, years=_years(), approved_only=approved_only,
            totals=area_totals(federation, year, approved_only=approved_only),
            children=totals_by_child(federation, year, approved_only=approved_only),
        ),
    )


def _sheet(book, title: str, headers: list[str], rows) -> None:
    sheet = book.create_sheet(title)
    sheet.append(headers)
    for row in rows:
        # Names are text a union typed: text_cell keeps them from ever becoming formulas.
        sheet.append([text_cell(sheet, v) if isinstance(v, str) else v for v in row])


def _overview_rows(t, year: int, approved_only: bool):
    yield ["年度", f"{year}年"]
    yield ["统计范围", "仅统计总结已通过的工会" if approved_only else "全部记录（含未审核通过的记录，仅供参考）"]
    yield ["基层工会（个）", t.unions.total]
    yield [f"{year}年新建（个）", t.unions.founded_in_year]
    yield ["总结已通过（个）", t.unions.with_approved_summary]
    yield ["纳入统计（个）", t.unions.counted]
    yield ["在册会员（人）", t.members.in_register]
    yield [f"{year}年新入会（人）", t.members.joined_in_period]
    yield ["女会员（人）", t.members.female]
    yield ["困难职工（人）", t.members.hardship]
    yield ["入会率（%）", t.join_rate]
    yield ["开展活动（次）", t.activities.count]
    yield ["参与活动（人次）", t.activities.extra["participants"]]
    yield ["帮扶慰问（人次）", t.visits.headcount]
    yield ["帮扶慰问金额（元）", t.visits.amount]
    yield ["互助保障（人次）", t.premiums.headcount]
    yield ["互助保障金额（元）", t.premiums.amount]
    yield ["代收代转、代为争取（元）", t.obtained.extra["amount"]]


def totals_workbook(federation, year: int, approved_only: bool) -> bytes:
    """The totals page as a workbook: the same figures, read from the same functions."""
    t = area_totals(federation, year, approved_only=approved_only)
    children = totals_by_child(federation, year, approved_only=approved_only)
    book = Workbook(write_only=True)
    _sheet(book, "全区域数据", ["项目", "数值"], _overview_rows(t, year, approved_only))
    _sheet(book, "活动类别", ["活动类别", "次数", "参与人次"], ([r.label, r.count, r.participants] for r in t.activities.rows))
    _sheet(book, "帮扶事由", ["帮扶事由", "人次", "金额（元）"], ([r.label, r.headcount, r.amount] for r in t.welfare.rows))
    _sheet(book, "荣誉级别", ["荣誉级别", "项"], ([r.label, r.count] for r in t.honors.rows))
    _sheet(book, "会议", ["会议", "次", "提案", "立案"],
           ([r.label, r.count, r.proposals_received, r.proposals_accepted] for r in t.meetings.rows))
    _sheet(
        book, "按下级单位",
        ["单位", "纳入统计的工会", "在册会员", "活动", "参与人次", "帮扶人次", "帮扶金额（元）", "荣誉", "提案", "立案"],
        (
            [row.branch.display_name if row.branch else "本级", row.unions, row.members, row.activities, row.participants,
             row.welfare_headcount, row.welfare_amount, row.honors, row.proposals_received, row.proposals_accepted]
            for row in children
        ),
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@login_required
@require_safe
def totals_export(request: HttpRequest, code: str) -> HttpResponse:
    """The totals page (same year and scope) as an xlsx workbook."""
    federation = get_federation_for_user(request.user, code)
    year = chosen_year(request)
    approved_only = request.GET.get("scope") != "all"
    scope = "" if approved_only else "（全部记录）"
    return attachment(totals_workbook(federation, year, approved_only), f"{federation.display_name}{year}年全区域数据{scope}.xlsx", XLSX)
