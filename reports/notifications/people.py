"""Who holds a role on a branch, and who handed a report in: the recipients of notifications."""
from __future__ import annotations

from django.contrib.auth import get_user_model

from ..choices import ReportState, RoleKind
from ..models import Branch, Report, Role, Transition
from ..models.scoping import Access


def display_name(user) -> str:
    """How pages name a person: the full name in Chinese order, else the username."""
    return f"{user.last_name}{user.first_name}" or user.username


def role_holders(branch: Branch, *kinds: str) -> list:
    """The active users holding one of these roles on the branch itself (not above or below)."""
    users = get_user_model().objects.filter(
        is_active=True, union_roles__branch=branch, union_roles__kind__in=kinds
    ).distinct()
    return list(users.order_by("pk"))


def role_holders_by_branch(branch_ids, *kinds: str) -> dict[int, list]:
    """role_holders for many branches in one query: the users by branch id."""
    holders: dict[int, list] = {}
    roles = Role.objects.filter(branch_id__in=branch_ids, kind__in=kinds, user__is_active=True).select_related("user")
    for role in roles.order_by("branch_id", "user_id"):
        users = holders.setdefault(role.branch_id, [])
        if all(user.pk != role.user_id for user in users):
            users.append(role.user)
    return holders


def chairs_of(branch: Branch) -> list:
    return role_holders(branch, RoleKind.CHAIR)


def secretaries_of(branch: Branch) -> list:
    return role_holders(branch, RoleKind.SECRETARY)


def submitter_of(report: Report):
    """Whoever last handed the report in for review (a secretary, a chair, or a federation's
    officer for the federation's own summary), or None when nobody has, or when she may no
    longer read the branch's documents (her role was taken away since): the message quotes the
    chair's comments, which are for the people who still work on the report."""
    handed_in = (
        Transition.objects.filter(report=report, to_state=ReportState.SUBMITTED, actor__is_active=True)
        .select_related("actor")
        .order_by("-at", "-pk")
        .first()
    )
    if handed_in is None or not Access.for_user(handed_in.actor).reads(report.branch):
        return None
    return handed_in.actor
