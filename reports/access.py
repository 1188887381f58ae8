"""Who may read and change what: the one access model, and the scoped fetch helpers views use.

A user's roles are turned once per request into an `Access` (see `Access.for_user`): a few
scopes, each a set of branches named by id or by subtree path. Every rule is one scope, and both
of its forms come from it: `scope.holds(branch)` answers "may she do X on this branch", and
`scope.q()` selects the rows she may do X on, in one SQL statement at any tree size.

The roles: a secretary or chair reads and keeps the records of exactly the branches they hold a
role on, and drafts their documents; a chair also approves them. A federation officer reads the
federation's whole subtree, drafts the federation's own documents, reopens approved ones below
and sets the area's deadlines, but never changes records. A superuser may do everything.

The rule of thumb for views, after healthchecks' `_get_check_for_user`: an object the user may not
even read is answered with 404 (no glimpse that it exists); an object they may read but not
change is answered with 403. Services check again, with `Access.of_actor`.
"""
from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Branch
# The model itself lives beside the roles it is built from (models/scoping.py), so that the
# models' scoped querysets use it without the models depending on this module.
from .models.scoping import (  # noqa: F401  (re-exported: the one access model)
    EDITOR_KINDS,
    EVERYTHING,
    NOBODY,
    NOTHING,
    SYSTEM,
    Access,
    HeldRole,
    Scope,
    forget_access,
    held_roles,
)

# The predicates as views and templates ask them.

def can_read_branch(user, branch: Branch) -> bool:
    return Access.for_user(user).reads(branch)


def can_edit_records(user, branch: Branch) -> bool:
    return Access.for_user(user).may_edit_records(branch)


def can_edit_documents(user, branch: Branch) -> bool:
    return Access.for_user(user).may_edit_documents(branch)


def can_approve(user, branch: Branch) -> bool:
    return Access.for_user(user).may_approve(branch)


def can_reopen(user, report) -> bool:
    return Access.for_user(user).may_reopen(report)


def is_officer_of(user, federation: Branch) -> bool:
    """An officer of this federation itself or of one above it (or the superuser)."""
    return Access.for_user(user).oversees(federation)


def is_officer_above(user, branch: Branch) -> bool:
    return Access.for_user(user).oversees(branch)


def superuser_required(view):
    """Anonymous users go to the login page; signed-in users without the right get 403."""
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied("只有系统管理员可以使用此功能。")
        return view(request, *args, **kwargs)

    return login_required(guarded)


# Scoped fetches for views: 404 for what the user may not read, 403 for what she may not change.

def get_branch_for_user(user, code: str, *, for_edit: bool = False) -> Branch:
    """The branch with this code if the user may read it (404 otherwise); 403 if editing is refused."""
    branch = get_object_or_404(Branch.objects.visible_to(user), code=code)
    if for_edit and not can_edit_records(user, branch):
        raise PermissionDenied("您没有修改该工会记录的权限。")
    return branch


def get_federation_for_user(user, code: str) -> Branch:
    """A federation whose board and totals the user may see: its officers (and officers above),
    its own secretary and chair, the superuser. Anyone else, and any non-federation code: 404."""
    branch = get_branch_for_user(user, code)
    if not branch.is_federation:
        raise Http404("这不是总工会。")
    return branch


def get_record_for_user(model, user, branch: Branch, pk, *, for_edit: bool = False):
    """A record of `branch` the user may read (404 otherwise); 403 if editing is refused."""
    record = get_object_or_404(model.objects.visible_to(user).filter(branch=branch).select_related("branch"), pk=pk)
    if for_edit and not can_edit_records(user, record.branch):
        raise PermissionDenied("您没有修改该工会记录的权限。")
    return record


def get_report_for_user(user, branch: Branch, pk, *, for_edit: bool = False):
    """A report of `branch` the user may read (404 otherwise); 403 if editing is refused."""
    from .models import Report

    report = get_object_or_404(Report.objects.visible_to(user).filter(branch=branch).select_related("branch"), pk=pk)
    if for_edit and not can_edit_documents(user, report.branch):
        raise PermissionDenied("您没有修改该报告的权限。")
    return report


def branches_for_user(user):
    """The branches a user works in, for the branch switcher: own roles first, then subtrees."""
    if not user.is_authenticated:
        return Branch.objects.none()
    return Branch.objects.visible_to(user)


def home_branches_for_user(user) -> list[Branch]:
    """Branches the user holds a role on (not the whole subtree), in tree order."""
    ids = Access.for_user(user).home_branch_ids
    if user.is_superuser and not ids:
        return list(Branch.objects.filter(parent__isnull=True))
    return list(Branch.objects.filter(pk__in=ids))
