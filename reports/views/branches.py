"""Where a user lands after logging in."""
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from ..access import home_branches_for_user


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Send a user with one branch straight to it; let a user with several choose. Someone whose
    role is at a federation works on its area, not its own records (it keeps few or none): she
    lands on its reporting board."""
    branches = home_branches_for_user(request.user)
    if len(branches) == 1:
        landing = "reports:board" if branches[0].is_federation else "reports:branch_home"
        return redirect(landing, code=branches[0].code)
    return render(request, "reports/choose_branch.html", {"branches": branches})
