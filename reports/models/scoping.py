"""Who may see which branches: the one place the visibility rule is written down.

A secretary or chair sees exactly the branches they hold a role on; a federation officer sees
the federation's whole subtree; a superuser sees everything. The rule is expressed as a Q object
over the materialized path, so a scoped query is a single SQL statement at any tree size.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from ..choices import RoleKind

EDITOR_KINDS = (RoleKind.SECRETARY, RoleKind.CHAIR)


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


def forget_roles(user) -> None:
    """Drop the cached roles, after roles were granted or revoked within the same request."""
    if hasattr(user, "_held_roles"):
        del user._held_roles


def _lookups(via: str | None) -> tuple[str, str]:
    """Field names for a branch's id and path, on Branch itself (via=None) or through a relation."""
    if via is None:
        return "pk", "path"
    return f"{via}_id", f"{via}__path"


def _anyone_q(user) -> Q | None:
    """The answer for users whose roles do not matter: nobody, or a superuser (everything)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    return None


def visible_q(user, via: str | None = None) -> Q:
    """Q selecting the branches, or with via="branch" the rows of branches, the user may read."""
    fixed = _anyone_q(user)
    if fixed is not None:
        return fixed
    id_lookup, path_lookup = _lookups(via)
    roles = held_roles(user)
    condition = Q(**{f"{id_lookup}__in": [r.branch_id for r in roles if r.kind in EDITOR_KINDS]})
    for role in roles:
        if role.kind == RoleKind.OFFICER:
            condition |= Q(**{f"{path_lookup}__startswith": role.branch_path})
    return condition


def editable_q(user, via: str | None = None) -> Q:
    """Q selecting the branches, or with via="branch" their rows, whose records the user may change."""
    fixed = _anyone_q(user)
    if fixed is not None:
        return fixed
    id_lookup, _ = _lookups(via)
    return Q(**{f"{id_lookup}__in": [r.branch_id for r in held_roles(user) if r.kind in EDITOR_KINDS]})
