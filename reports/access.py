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

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from .choices import RoleKind
from .models import Branch
from .models.scoping import HeldRole, held_roles

EDITOR_KINDS = (RoleKind.SECRETARY, RoleKind.CHAIR)


@dataclass(frozen=True)
class Scope:
    """Branches named by id, plus whole subtrees named by their root's path (or every branch)."""

    ids: frozenset[int] = frozenset()
    paths: tuple[str, ...] = ()
    everything: bool = False

    def holds(self, branch: Branch) -> bool:
        if self.everything or branch.pk in self.ids:
            return True
        return any(branch.path.startswith(path) for path in self.paths)

    def q(self, via: str | None = None) -> Q:
        """Q selecting these branches, or with via="branch" (any relation to a branch) their rows."""
        if self.everything:
            return Q()
        id_lookup, path_lookup = ("pk", "path") if via is None else (f"{via}_id", f"{via}__path")
        condition = Q(**{f"{id_lookup}__in": sorted(self.ids)})
        for path in self.paths:
            condition |= Q(**{f"{path_lookup}__startswith": path})
        return condition

    def __bool__(self) -> bool:
        return self.everything or bool(self.ids or self.paths)


NOTHING = Scope()
EVERYTHING = Scope(everything=True)


def _ids(roles, *kinds) -> frozenset[int]:
    return frozenset(r.branch_id for r in roles if r.kind in kinds)


def _subtrees(roles, *kinds) -> tuple[str, ...]:
    return tuple(sorted({r.branch_path for r in roles if r.kind in kinds}))


@dataclass(frozen=True)
class Access:
    """What one user (or the system) may do, worked out once from their roles."""

    reading: Scope  # branches whose pages, records and documents she reads
    record_keeping: Scope  # branches whose records she adds, changes and imports
    drafting: Scope  # branches whose plans and summaries she drafts, edits and submits
    approving: Scope  # branches whose submitted documents she returns or approves
    overseeing: Scope  # branches in the subtree of a federation she is an officer of
    home_branch_ids: frozenset[int] = frozenset()  # branches she holds a role on
    flags: tuple[bool, bool] = (False, False)  # (is_active, is_superuser) it was built from

    @classmethod
    def from_roles(cls, roles: list[HeldRole]) -> "Access":
        record_keeping = Scope(ids=_ids(roles, *EDITOR_KINDS))
        officer_of = _ids(roles, RoleKind.OFFICER)
        overseeing = Scope(paths=_subtrees(roles, RoleKind.OFFICER))
        return cls(
            reading=Scope(ids=record_keeping.ids, paths=overseeing.paths),
            record_keeping=record_keeping,
            # A federation's own officers write the federation's summary (never its records).
            drafting=Scope(ids=record_keeping.ids | officer_of),
            approving=Scope(ids=_ids(roles, RoleKind.CHAIR)),
            overseeing=overseeing,
            home_branch_ids=frozenset(r.branch_id for r in roles),
            flags=(True, False),
        )

    @classmethod
    def for_user(cls, user) -> "Access":
        """The user's access, built once per user object (the roles are one query per request)."""
        flags = (bool(getattr(user, "is_active", False)), bool(getattr(user, "is_superuser", False)))
        cached = getattr(user, "_access", None)
        if cached is not None and cached.flags == flags:
            return cached
        if user is None:
            return NOBODY
        if not getattr(user, "is_authenticated", False) or not flags[0]:
            built = NOBODY
        elif flags[1]:
            built = cls.superuser(home_branch_ids=frozenset(r.branch_id for r in held_roles(user)))
        else:
            built = cls.from_roles(held_roles(user))
        user._access = built
        return built

    @classmethod
    def of_actor(cls, actor) -> "Access":
        """For services: the acting user's access, or the system's (actor None, management
        commands and data loading), which may do everything."""
        return SYSTEM if actor is None else cls.for_user(actor)

    @classmethod
    def superuser(cls, home_branch_ids: frozenset[int] = frozenset()) -> "Access":
        return cls(EVERYTHING, EVERYTHING, EVERYTHING, EVERYTHING, EVERYTHING, home_branch_ids, (True, True))

    # "May she do X on this branch or report?"

    def reads(self, branch: Branch) -> bool:
        return self.reading.holds(branch)

    def may_edit_records(self, branch: Branch) -> bool:
        return self.record_keeping.holds(branch)

    def may_edit_documents(self, branch: Branch) -> bool:
        return self.drafting.holds(branch)

    def may_approve(self, branch: Branch) -> bool:
        return self.approving.holds(branch)

    def oversees(self, branch: Branch) -> bool:
        """An officer of a federation whose subtree holds the branch (or the superuser)."""
        return self.overseeing.holds(branch)

    def may_reopen(self, report) -> bool:
        """An approved document is reopened by its union's chair or an officer above."""
        return self.may_approve(report.branch) or self.oversees(report.branch)

    @property
    def is_superuser(self) -> bool:
        return self.flags[1]

    @property
    def keeps_any_records(self) -> bool:
        return bool(self.record_keeping)

    @property
    def has_roles(self) -> bool:
        return bool(self.home_branch_ids)


NOBODY = Access(NOTHING, NOTHING, NOTHING, NOTHING, NOTHING)
SYSTEM = Access.superuser()


def forget_access(user) -> None:
    """Drop the cached access and roles, after roles were granted or revoked within the request."""
    for name in ("_access", "_held_roles"):
        if hasattr(user, name):
            delattr(user, name)


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
