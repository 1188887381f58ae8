"""使用说明: what each role does through the year, one short page per role."""
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from ..choices import RoleKind
from ..models import Role

# The pages in the order the tabs show them; a role's page is templates/help/<role>.html.
PAGES = {RoleKind.SECRETARY: "工会干事", RoleKind.CHAIR: "工会主席", RoleKind.OFFICER: "上级工会工作人员"}


@login_required
@require_safe
def help_index(request: HttpRequest) -> HttpResponse:
    """The page of the user's own role (the first one held, in the tabs' order); the secretary's
    for anyone without a role, since keeping the records is where everyone starts."""
    held = set(Role.objects.filter(user=request.user).values_list("kind", flat=True))
    role = next((kind for kind in PAGES if kind in held), RoleKind.SECRETARY)
    return redirect("reports:help_role", role=role)


@login_required
@require_safe
def help_role(request: HttpRequest, role: str) -> HttpResponse:
    if role not in PAGES:
        raise Http404("没有这一页使用说明。")
    return render(request, f"help/{role}.html", {"pages": PAGES.items(), "active": role})
