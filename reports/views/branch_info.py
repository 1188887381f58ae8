"""本会信息: a union's secretary or chair keeps its workforce and the words its reports use."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ..access import get_branch_for_user
from ..forms.branch_info import BranchInfoForm
from ..ledgers import LEDGERS


@login_required
@require_http_methods(["GET", "POST"])
def branch_info(request: HttpRequest, code: str) -> HttpResponse:
    """Officers above read these figures on the home page but may not change them (403)."""
    branch = get_branch_for_user(request.user, code, for_edit=True)
    form = BranchInfoForm(request.POST or None, instance=branch)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, "已保存本会信息。")
        return redirect("reports:branch_info", code=branch.code)
    return render(
        request,
        "reports/branch_info.html",
        {"branch": branch, "ledgers": LEDGERS.values(), "form": form, "words": branch.unit_words()},
    )
