"""Ledger pages: the table of one kind of record with filters and totals, and its create, edit
and delete forms. Every read goes through the scoped branch fetch; edits need an editing role."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import ProtectedError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from ..access import can_edit_records, get_branch_for_user, get_record_for_user
from ..forms.filters import LedgerFilterForm
from ..ledgers import LEDGERS, Ledger, cell_value

PAGE_SIZE = 25


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


@login_required
@require_safe
def ledger_list(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    """The branch's records of one kind: filtered, sorted, paginated, with totals of the filtered rows."""
    ledger = _ledger(slug)
    branch = get_branch_for_user(request.user, code)
    filters = LedgerFilterForm(request.GET, ledger=ledger)
    rows = filters.apply(ledger.model.objects.filter(branch=branch))
    ordering = ledger.order_by(request.GET.get("sort"))
    page = Paginator(rows.order_by(*ordering).select_related(*ledger.select_related), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    table = [(record, [(cell_value(record, c), c) for c in ledger.columns]) for record in page.object_list]
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
