"""催报: the unions past a deadline, and reminding them through the inbox and by mail.

A reminder goes to each late union's secretaries and chairs, is kept as a Reminder row per
person (who sent it, when, for which year and documents), and is refused for a union reminded
less than RESEND_INTERVAL ago for any year, so a double click, two officers at once or a run
through the years do not send it again.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Subquery
from django.urls import reverse
from django.utils import timezone

from ..access import Access, PermissionDenied
from ..choices import NotificationKind, ReportKind, RoleKind
from ..models import Branch, Reminder
from ..notifications.delivery import Message, deliver
from ..notifications.people import display_name, role_holders_by_branch
from . import board as boards

RESEND_INTERVAL = datetime.timedelta(hours=1)
KIND_NAMES = {ReportKind.PLAN: "工作计划", ReportKind.SUMMARY: "工作总结"}


@dataclass(frozen=True)
class LateUnion:
    branch: Branch
    late_kinds: tuple[str, ...]  # the documents past their deadline and not handed in
    missing: str  # as the notice says it: 2025年工作计划（未起草）、2025年工作总结（草稿）


def _late_board(federation: Branch, year: int, today: datetime.date):
    # Only what is still to be handed in: a document handed in late is not asked for again.
    return boards.filtered_board(federation, year, boards.BoardFilters(overdue=boards.MISSING), today)


def late_unions(federation: Branch, year: int, today: datetime.date) -> list[LateUnion]:
    """The unions of the area with a plan or summary of `year` past its deadline and not yet
    handed in (逾期未交), in tree order."""
    late = []
    for row in _late_board(federation, year, today):
        kinds = tuple(kind for kind in boards.KINDS if boards.is_missing(row, kind))
        missing = "、".join(
            f"{year}年{KIND_NAMES[kind]}（{boards.STATE_LABELS[getattr(row, f'{kind}_state') or 'none']}）" for kind in kinds
        )
        late.append(LateUnion(row, kinds, missing))
    return late


@dataclass(frozen=True)
class LastReminder:
    """The latest reminder a union got for a year: when, from whom, and who has read it."""

    sent_at: datetime.datetime
    sent_by: str
    read: tuple[str, ...]
    unread: tuple[str, ...]


def last_reminders(federation: Branch, year: int, today: datetime.date) -> dict[int, LastReminder]:
    """By union id, the latest reminder of `year` to each late union (from this federation or
    one above): one query, whatever the number of unions."""
    late_ids = _late_board(federation, year, today).values("pk")
    rows = (
        Reminder.objects.filter(year=year, branch_id__in=Subquery(late_ids))
        .select_related("recipient", "sent_by", "notification")
        .order_by("branch_id", "-sent_at", "recipient_id")
    )
    batches: dict[int, list[Reminder]] = defaultdict(list)
    for reminder in rows:
        batch = batches[reminder.branch_id]
        if not batch or batch[0].sent_at == reminder.sent_at:
            batch.append(reminder)
    return {branch_id: _summarised(batch) for branch_id, batch in batches.items()}


def _summarised(batch: list[Reminder]) -> LastReminder:
    first = batch[0]
    return LastReminder(
        sent_at=first.sent_at,
        sent_by=display_name(first.sent_by) if first.sent_by else "系统",
        read=tuple(display_name(r.recipient) for r in batch if r.notification.is_read),
        unread=tuple(display_name(r.recipient) for r in batch if not r.notification.is_read),
    )


@dataclass
class SendOutcome:
    sent: list[Branch] = field(default_factory=list)  # reminded now
    too_soon: list[Branch] = field(default_factory=list)  # reminded less than RESEND_INTERVAL ago, for any year
    nobody: list[Branch] = field(default_factory=list)  # no secretary or chair account to remind
    people: int = 0  # how many people were reminded
    mailed: int = 0  # of whom this many by mail as well


@transaction.atomic
def send_reminders(*, federation: Branch, year: int, actor, today: datetime.date) -> SendOutcome:
    """Remind every late union of the federation's area, except those reminded just now."""
    if not Access.of_actor(actor).oversees(federation):
        raise PermissionDenied("只有上级工会工作人员可以发送催报。")
    late = late_unions(federation, year, today)
    late_ids = [union.branch.pk for union in late]
    # Lock the late unions: a second officer sending at the same moment waits here, then finds
    # the reminders just sent and is refused (NO KEY: inserts pointing at the unions go on).
    list(Branch.objects.select_for_update(no_key=True).filter(pk__in=late_ids).order_by("pk").values_list("pk"))
    now = timezone.now()
    # Whatever year it was for: a union just reminded is not reminded again, so neither a second
    # click nor a reminder for each past year in turn fills its people's inboxes.
    recently = set(
        Reminder.objects.filter(branch_id__in=late_ids, sent_at__gt=now - RESEND_INTERVAL).values_list("branch_id", flat=True)
    )
    people = role_holders_by_branch(late_ids, RoleKind.SECRETARY, RoleKind.CHAIR)
    outcome = SendOutcome()
    for union in late:
        if union.branch.pk in recently:
            outcome.too_soon.append(union.branch)
            continue
        recipients = people.get(union.branch.pk, [])
        if not recipients:
            outcome.nobody.append(union.branch)
            continue
        delivery = deliver(recipients, _reminder_message(federation, year, union))
        Reminder.objects.bulk_create(
            Reminder(
                federation=federation, branch=union.branch, year=year, recipient=n.recipient, sent_by=actor, sent_at=now,
                plan_late=ReportKind.PLAN in union.late_kinds, summary_late=ReportKind.SUMMARY in union.late_kinds,
                notification=n,
            )
            for n in delivery.notifications
        )
        outcome.sent.append(union.branch)
        outcome.people += len(delivery.notifications)
        outcome.mailed += len(delivery.mailed)
    return outcome


def _reminder_message(federation: Branch, year: int, union: LateUnion) -> Message:
    dues = boards.due_dates(federation, year)
    deadlines = "；".join(
        f"{KIND_NAMES[kind]}应于{dues[kind].year}年{dues[kind].month}月{dues[kind].day}日前报送" for kind in union.late_kinds
    )
    return Message(
        kind=NotificationKind.REMINDER,
        branch=union.branch,
        title=f"{federation.display_name}催报：{union.branch.display_name}尚未报送{year}年"
        + "和".join(KIND_NAMES[kind] for kind in union.late_kinds),
        body=f"尚未报送：{union.missing}。\n{deadlines}。请抓紧完成，经工会主席审核后及时报送。",
        link=reverse("reports:documents", kwargs={"code": union.branch.code}),
    )
