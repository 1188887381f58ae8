"""Entry pages: where a user lands, and a branch's own page."""
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ..access import can_edit_records, get_branch_for_user, home_branches_for_user
from ..models import Branch


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send a user with one branch straight to it; let a user with several choose."""
    branches = home_branches_for_user(request.user)
    if len(branches) == 1:
        return redirect("reports:branch_home", code=branches[0].code)
    return render(request, "reports/choose_branch.html", {"branches": branches})


@login_required
def branch_home(request: HttpRequest, code: str) -> HttpResponse:
    """A branch at a glance. 404 for a branch the user may not read."""
    branch = get_branch_for_user(request.user, code)
    children = Branch.objects.visible_to(request.user).filter(parent=branch)
    return render(
        request,
        "reports/branch_home.html",
        {
            "branch": branch,
            "children": children,
            "can_edit": can_edit_records(request.user, branch),
        },
    )
