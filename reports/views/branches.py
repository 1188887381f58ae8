"""Where a user lands after logging in."""
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from ..access import home_branches_for_user, is_officer_of


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Send a user with one branch straight to it; let a user with several choose. A federation's
    officer works on its area, not its own records (it keeps few or none): she lands on its
    reporting board. The federation's chair lands on its home page, where her worklist is."""
    branches = home_branches_for_user(request.user)
    if len(branches) == 1:
        branch = branches[0]
        officer = branch.is_federation and is_officer_of(request.user, branch)
        return redirect("reports:board" if officer else "reports:branch_home", code=branch.code)
    return render(request, "reports/choose_branch.html", {"branches": branches})
