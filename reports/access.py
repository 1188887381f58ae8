"""Permission predicates and scoped fetch helpers: every view asks here, never decides itself.

The rule of thumb, after healthchecks' `_get_check_for_user`: an object the user may not even
read is answered with 404 (no glimpse that it exists); an object they may read but not change is
answered with 403.
"""
from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .choices import RoleKind
from .models import Branch
from .models.scoping import EDITOR_KINDS, held_roles


def _role_kinds_on(user, branch: Branch) -> set[str]:
    return {r.kind for r in held_roles(user) if r.branch_id == branch.pk}


def can_read_branch(user, branch: Branch) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or _role_kinds_on(user, branch) & set(EDITOR_KINDS):
        return True
    return any(
        r.kind == RoleKind.OFFICER and branch.path.startswith(r.branch_path) for r in held_roles(user)
    )


def can_edit_records(user, branch: Branch) -> bool:
    """Secretaries and chairs keep their own branch's records; officers only read."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(_role_kinds_on(user, branch) & set(EDITOR_KINDS))


def can_edit_documents(user, branch: Branch) -> bool:
    """Who drafts a branch's plan and summary: its secretary and chair; for a federation also its
    own officers, who write the federation's summary (they still never change records)."""
    if can_edit_records(user, branch):
        return True
    return any(r.kind == RoleKind.OFFICER and r.branch_id == branch.pk for r in held_roles(user))


def is_officer_of(user, federation: Branch) -> bool:
    """An officer of this federation itself or of one above it."""
    return user.is_authenticated and (user.is_superuser or is_officer_above(user, federation))


def get_federation_for_user(user, code: str) -> Branch:
    """A federation whose board and totals the user may see: its officers (and officers above),
    its own secretary and chair, the superuser. Anyone else, and any non-federation code: 404."""
    branch = get_branch_for_user(user, code)
    if not branch.is_federation:
        raise Http404("这不是总工会。")
    return branch


def can_approve(user, branch: Branch) -> bool:
    """Only the branch's own chair signs off its documents."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or RoleKind.CHAIR in _role_kinds_on(user, branch)


def is_officer_above(user, branch: Branch) -> bool:
    """True for an officer of a federation whose subtree holds the branch."""
    return any(
        r.kind == RoleKind.OFFICER and branch.path.startswith(r.branch_path) for r in held_roles(user)
    )


def superuser_required(view):
    """Anonymous users go to the login page; signed-in users without the right get 403."""
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied("只有系统管理员可以使用此功能。")
        return view(request, *args, **kwargs)

    return login_required(guarded)


def get_branch_for_user(user, code: str, *, for_edit: bool = False) -> Branch:
    """The branch with this code if the user may read it (404 otherwise); 403 if editing is refused."""
    branch = get_object_or_404(Branch.objects.visible_to(user), code=code)
    if for_edit and not can_edit_records(user, branch):
        raise PermissionDenied("您没有修改该工会记录的权限。")
    return branch


def get_record_for_user(model, user, branch: Branch, pk, *, for_edit: bool = False):
    """A record of `branch` the user may read (404 otherwise); 403 if editing is refused."""
    record = get_object_or_404(model.objects.visible_to(user).filter(branch=branch).select_related("branch"), pk=pk)
    if for_edit and not can_edit_records(user, record.branch):
        raise PermissionDenied("您没有修改该工会记录的权限。")
    return record


def branches_for_user(user):
    """The branches a user works in, for the branch switcher: own roles first, then subtrees."""
    if not user.is_authenticated:
        return Branch.objects.none()
    return Branch.objects.visible_to(user)


def home_branches_for_user(user) -> list[Branch]:
    """Branches the user holds a role on (not the whole subtree), in tree order."""
    ids = {r.branch_id for r in held_roles(user)}
    if user.is_superuser and not ids:
        return list(Branch.objects.filter(parent__isnull=True))
    return list(Branch.objects.filter(pk__in=ids))




def get_report_for_user(user, branch: Branch, pk, *, for_edit: bool = False):
    """A report of `branch` the user may read (404 otherwise); 403 if editing is refused."""
    from .models import Report

    report = get_object_or_404(Report.objects.visible_to(user).filter(branch=branch).select_related("branch"), pk=pk)
    if for_edit and not can_edit_documents(user, report.branch):
        raise PermissionDenied("您没有修改该报告的权限。")
    return report
