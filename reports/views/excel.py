"""Excel, both ways: the template, the export of every ledger, and the all-or-nothing upload."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe, require_http_methods

from .. import workbook
from ..access import can_edit_records, get_branch_for_user, is_officer_of, superuser_required
from ..exporting.responses import XLSX, attachment
from ..forms.uploads import WorkbookUploadForm
from ..federation.scope import records_scope
from ..ledgers import LEDGERS
from ..periods import RECENT_YEARS, Period, selectable_years


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    return attachment(content, filename, XLSX)


def _summary(result: workbook.ImportResult) -> str:
    parts = []
    for sheet in sorted(set(result.created) | set(result.skipped)):
        created, skipped = result.created.get(sheet, 0), result.skipped.get(sheet, 0)
        if created or skipped:
            parts.append(f"{sheet}新增 {created} 条" + (f"、跳过已存在的 {skipped} 条" if skipped else ""))
    return "；".join(parts) or "工作簿中没有数据。"


def _too_large(request, form) -> bool:
    """The upload handler skipped the file for its size: say so instead of 'no file chosen'."""
    if getattr(request, "upload_too_large", False):
        limit = workbook.MAX_UPLOAD_BYTES // (1024 * 1024)
        form.is_valid()  # the skipped file reads as missing; say what really happened instead
        form.errors["file"] = form.error_class([f"文件超过 {limit} MB 的上限，请拆分后分次上传。"])
        return True
    return False


@login_required
@require_http_methods(["GET", "POST"])
def excel_page(request: HttpRequest, code: str) -> HttpResponse:
    """Downloads for everyone who may read the branch; the upload for those who may edit it."""
    branch = get_branch_for_user(request.user, code)
    can_edit = can_edit_records(request.user, branch)
    problems = []
    form = WorkbookUploadForm()
    if request.method == "POST":
        branch = get_branch_for_user(request.user, code, for_edit=True)
        form = WorkbookUploadForm(request.POST, request.FILES)
        if _too_large(request, form):
            messages.error(request, "文件超过大小上限，没有导入任何数据。")
        elif form.is_valid():
            try:
                result = workbook.import_workbook(branch, form.cleaned_data["file"], actor=request.user)
            except workbook.WorkbookRejected as rejected:
                problems = rejected.problems
                messages.error(request, f"工作簿有 {len(problems)} 处问题，没有导入任何数据。请修改后重新上传。")
            else:
                messages.success(request, f"导入完成：{_summary(result)}{result.examples_note()}")
                return redirect("reports:excel", code=branch.code)
    return render(
        request,
        "reports/excel.html",
        {
            "branch": branch,
            "ledgers": LEDGERS.values(),
            "form": form,
            "problems": problems,
            "can_edit": can_edit,
            "max_mb": workbook.MAX_UPLOAD_BYTES // (1024 * 1024),
            "exports_area": exports_area(request.user, branch),
            "area_years": selectable_years(recent=RECENT_YEARS) if exports_area(request.user, branch) else (),
            "area_year": area_year(request),
        },
    )


@login_required
@require_safe
def excel_template(request: HttpRequest, code: str) -> HttpResponse:
    get_branch_for_user(request.user, code)
    return xlsx_response(workbook.build_template(), "工会台账导入模板.xlsx")


@login_required
@require_safe
def excel_export(request: HttpRequest, code: str) -> HttpResponse:
    """A branch's own every record; for a federation's officers, its area's records of a year
    (see area_export)."""
    branch = get_branch_for_user(request.user, code)
    if exports_area(request.user, branch):
        return area_export(request, branch)
    stamp = timezone.localdate().strftime("%Y%m%d")
    return xlsx_response(workbook.export_branch(branch), f"{branch.display_name}台账{stamp}.xlsx")


def exports_area(user, branch) -> bool:
    """The area's records go only to those who oversee the area (its officers, officers above,
    the superuser), as the unions' own pages do: a federation's own secretary or chair reads the
    board and the totals but no union's register, so she exports the federation's own records."""
    return branch.is_federation and is_officer_of(user, branch)


def area_year(request: HttpRequest) -> int:
    """The year of an area export: ?year=, else last year, the latest whose summaries are in."""
    years = selectable_years()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = 0
    return year if year in years else max(years[-1], timezone.localdate().year - 1)


def area_export(request: HttpRequest, federation) -> HttpResponse:
    """The records of the federation's area for a year, each row named by its 单位: by default
    only the unions whose summary of the year is approved (what the totals count), with
    ?scope=all every union's."""
    year = area_year(request)
    approved_only = request.GET.get("scope") != "all"
    period = Period.year(year)
    content = workbook.export_area(records_scope(federation, year, approved_only=approved_only), period.start, period.end)
    scope = "（总结已通过的工会）" if approved_only else "（全部工会）"
    return xlsx_response(content, f"{federation.display_name}{year}年全区域台账{scope}.xlsx")


@superuser_required
@require_http_methods(["GET", "POST"])
def branches_import(request: HttpRequest) -> HttpResponse:
    """For a superuser setting up a federation's area: unions from a 工会组织 sheet."""
    problems = []
    form = WorkbookUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and _too_large(request, form):
        messages.error(request, "文件超过大小上限，没有导入任何工会组织。")
    elif request.method == "POST" and form.is_valid():
        try:
            result = workbook.import_branches(form.cleaned_data["file"], actor=request.user)
        except workbook.WorkbookRejected as rejected:
            problems = rejected.problems
            messages.error(request, f"工作簿有 {len(problems)} 处问题，没有导入任何工会组织。")
        else:
            created = sum(result.created.values())
            updated = sum(result.updated.values())
            messages.success(request, f"导入完成：新增工会组织 {created} 个，更新 {updated} 个。")
            return redirect("reports:branches_import")
    return render(request, "reports/branches_import.html", {"form": form, "problems": problems})


