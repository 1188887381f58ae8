"""The roles a user holds, read once per request, and the scoped querysets' filters.

Who may see or change which branches is decided in one place, the access model in
reports/access.py; the Q objects here are its answers, for `visible_to` and `editable_by`.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q


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


def _access_of(user):
    # Imported here: reports.access imports the models, which are loaded before it.
    from ..access import Access

    return Access.for_user(user)


def visible_q(user, via: str | None = None) -> Q:
    """Q selecting the branches, or with via="branch" the rows of branches, the user may read."""
    return _access_of(user).reading.q(via)


def editable_q(user, via: str | None = None) -> Q:
    """Q selecting the branches, or with via="branch" their rows, whose records the user may change."""
    return _access_of(user).record_keeping.q(via)
