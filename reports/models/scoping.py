"""The roles a user holds, read once per request, and the scoped querysets' filters.

Who may see or change which branches is decided in one place, the access model (`Access`, here,
beside the roles it is built from; reports/access.py adds the predicates and fetch helpers views
use). The Q objects for `visible_to` and `editable_by` are its answers.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from ..choices import RoleKind


@dataclass(frozen=True)
class HeldRole:
    kind: str
    branch_id: int
    branch_path: str


def held_roles(user) -> list[HeldRole]:
    """The user's roles, read once per user object (one query per request)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_held_roles", None)
    if cached is None:
        from .roles import Role

        cached = [
            HeldRole(kind, branch_id, path)
            for kind, branch_id, path in Role.objects.filter(user=user).values_list(
                "kind", "branch_id", "branch__path"
            )
        ]
        user._held_roles = cached
    return cached


EDITOR_KINDS = (RoleKind.SECRETARY, RoleKind.CHAIR)


@dataclass(frozen=True)
class Scope:
    """Branches named by id, plus whole subtrees named by their root's path (or every branch)."""

    ids: frozenset[int] = frozenset()
    paths: tuple[str, ...] = ()
    everything: bool = False

    def holds(self, branch) -> bool:
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

    def reads(self, branch) -> bool:
        return self.reading.holds(branch)

    def may_edit_records(self, branch) -> bool:
        return self.record_keeping.holds(branch)

    def may_edit_documents(self, branch) -> bool:
        return self.drafting.holds(branch)

    def may_approve(self, branch) -> bool:
        return self.approving.holds(branch)

    def oversees(self, branch) -> bool:
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


def _access_of(user):
    return Access.for_user(user)


def visible_q(user, via: str | None = None) -> Q:
    """Q selecting the branches, or with via="branch" the rows of branches, the user may read."""
    return _access_of(user).reading.q(via)


def editable_q(user, via: str | None = None) -> Q:
    """Q selecting the branches, or with via="branch" their rows, whose records the user may change."""
    return _access_of(user).record_keeping.q(via)
