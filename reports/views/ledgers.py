"""Ledger pages: the table of one kind of record with filters and totals, and its create, edit
and delete forms. Every read goes through the scoped branch fetch; edits need an editing role."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import ProtectedError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from .. import workbook
from ..access import can_edit_records, get_branch_for_user, get_record_for_user
from ..exporting.responses import XLSX, attachment
from ..forms.filters import LedgerFilterForm
from ..ledgers import LEDGERS, Column, Ledger, cell_value

PAGE_SIZE = 25
# A printed ledger beyond this many rows is too long to read on paper; the page says to narrow it.
MAX_PRINTED_ROWS = 2000


def _ledger(slug: str) -> Ledger:
    try:
        return LEDGERS[slug]
    except KeyError:
        raise Http404("没有这种台账。") from None


def _sort_links(ledger: Ledger, current: tuple[str, ...]):
    """Each column with the ordering its header link asks for and an arrow for the active one."""
    active = current[0]
    for column in ledger.columns:
        if not column.sort:
            yield column, None, ""
        elif active == column.sort:
            yield column, f"-{column.sort}", "▲"
        elif active == f"-{column.sort}":
            yield column, column.sort, "▼"
        else:
            yield column, column.sort, ""


def _filtered(request: HttpRequest, ledger: Ledger, branch):
    """The filter bar as the request sets it, and the branch's rows it leaves, in the asked order.
    The page, its Excel export and its printed copy all read their rows here."""
    records = ledger.model.objects.filter(branch=branch)
    filters = LedgerFilterForm(request.GET, ledger=ledger, records=records)
    rows = filters.apply(records)
    ordering = ledger.order_by(request.GET.get("sort"))
    return filters, rows, ordering


def _table(columns, records):
    """Each record with its cells, each cell with its column (the phone layout labels cells by it)."""
    return [(record, [(cell_value(record, c), c) for c in columns]) for record in records]


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


def _same_filters(request: HttpRequest) -> str:
    """The page's query string without its page number: what the export and print links carry."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
@require_safe
def ledger_list(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    """The branch's records of one kind: filtered, sorted, paginated, with totals of the filtered rows."""
    ledger = _ledger(slug)
    branch = get_branch_for_user(request.user, code)
    filters, rows, ordering = _filtered(request, ledger, branch)
    page = Paginator(rows.order_by(*ordering).select_related(*ledger.select_related), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    table = _table(ledger.columns, page.object_list)
    return render(
        request,
        "reports/ledger_list.html",
        {
            "branch": branch,
            "ledger": ledger,
            "ledgers": LEDGERS.values(),
            "filters": filters,
            "headers": list(_sort_links(ledger, ordering)),
            "table": table,
            "page": page,
            "totals": ledger.aggregate(rows),
            "can_edit": can_edit_records(request.user, branch),
            "same_filters": _same_filters(request),
        },
    )


@login_required
@require_safe
def ledger_export(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    """The filtered rows as an Excel sheet with the columns of the full export (and its import)."""
    ledger = _ledger(slug)
    branch = get_branch_for_user(request.user, code)
    _filters, rows, ordering = _filtered(request, ledger, branch)
    content = workbook.export_sheet(workbook.sheet_of(ledger.model), rows.order_by(*ordering))
    stamp = timezone.localdate().strftime("%Y%m%d")
    return attachment(content, f"{branch.display_name}{ledger.title}{stamp}.xlsx", XLSX)


@login_required
@require_safe
def ledger_print(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    """The filtered rows on a page made for paper: the branch, the ledger, the filters in words,
    the whole table and its totals, without the site's navigation."""
    ledger = _ledger(slug)
    branch = get_branch_for_user(request.user, code)
    filters, rows, ordering = _filtered(request, ledger, branch)
    records = list(rows.order_by(*ordering).select_related(*ledger.select_related)[: MAX_PRINTED_ROWS + 1])
    # On paper the 备注 travel with the row (教师节慰问, 代领人…): the screen's table leaves them out
    # to stay narrow.
    notes_column = Column("备注", "notes") if _has_field(ledger.model, "notes") else None
    headers = ledger.columns + ((notes_column,) if notes_column else ())
    return render(
        request,
        "reports/ledger_print.html",
        {
            "branch": branch,
            "ledger": ledger,
            "conditions": filters.description(),
            "headers": headers,
            "table": _table(headers, records[:MAX_PRINTED_ROWS]),
            "cut_short": len(records) > MAX_PRINTED_ROWS,
            "max_rows": MAX_PRINTED_ROWS,
            "totals": ledger.aggregate(rows),
            "printed_on": timezone.localdate(),
            "back": _same_filters(request),
        },
    )


def _back_to_list(branch, ledger, request) -> str:
    url = reverse("reports:ledger", args=[branch.code, ledger.slug])
    back = request.POST.get("back") or request.GET.get("back") or ""
    # `back` is the list's filter query string; appended after the ledger's own path it can
    # change the filters shown, never the address (no open redirect).
    return f"{url}?{back}" if back else url


@login_required
@require_http_methods(["GET", "POST"])
def record_form(request: HttpRequest, code: str, slug: str, pk: int | None = None) -> HttpResponse:
    """Create (pk=None) or change a record; officers and other branches are refused."""
    ledger = _ledger(slug)
    branch = get_branch_for_user(request.user, code, for_edit=True)
    record = get_record_for_user(ledger.model, request.user, branch, pk, for_edit=True) if pk else None
    form = ledger.form_class(request.POST or None, instance=record, branch=branch)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        verb = "修改" if record else "添加"
        messages.success(request, f"已{verb}{ledger.noun}：{saved}")
        return redirect(_back_to_list(branch, ledger, request))
    return render(
        request,
        "reports/record_form.html",
        {
            "branch": branch,
            "ledger": ledger,
            "ledgers": LEDGERS.values(),
            "form": form,
            "record": record,
            "back": request.GET.get("back", request.POST.get("back", "")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_delete(request: HttpRequest, code: str, slug: str, pk: int) -> HttpResponse:
    """Ask first (GET), delete on confirmation (POST)."""
    ledger = _ledger(slug)
    branch = get_branch_for_user(request.user, code, for_edit=True)
    record = get_record_for_user(ledger.model, request.user, branch, pk, for_edit=True)
    if request.method == "POST":
        label = str(record)
        try:
            record.delete()
        except ProtectedError:
            messages.error(
                request,
                f"{ledger.noun}“{label}”还有关联的帮扶慰问记录，不能删除。可以把会员状态改为调离或退会。",
            )
        else:
            messages.success(request, f"已删除{ledger.noun}：{label}")
        return redirect(_back_to_list(branch, ledger, request))
    return render(
        request,
        "reports/record_delete.html",
        {"branch": branch, "ledger": ledger, "record": record, "back": request.GET.get("back", "")},
    )
