"""Writing inbox entries and mailing them.

The entries are written in the caller's transaction, so they exist exactly when the change they
tell of does. The mail goes only after that transaction commits: a rolled-back change sends
nothing, and a mail server that is down or refuses is logged and leaves the change and its inbox
entries as they are.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from ..models import Branch, Notification, Report
from .people import display_name

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "【工会工作报告系统】"


@dataclass(frozen=True)
class Message:
    """What one event tells each of its recipients."""

    kind: str
    branch: Branch
    title: str
    link: str
    body: str = ""
    report: Report | None = None


@dataclass(frozen=True)
class Delivery:
    """Who was told of one event: everyone in the inbox, those with an address also by mail."""

    notifications: tuple[Notification, ...]

    @property
    def recipients(self) -> list:
        return [n.recipient for n in self.notifications]

    @property
    def mailed(self) -> list:
        return [n.recipient for n in self.notifications if n.recipient.email]

    def channels(self) -> str:
        return channels(len(self.notifications), len(self.mailed))


def channels(people: int, mailed: int) -> str:
    """The ways people were told, as the pages say it: 站内消息, or 站内消息与邮件."""
    if not mailed:
        return "站内消息"
    if mailed == people:
        return "站内消息与邮件"
    return f"站内消息，其中{mailed}人另发邮件"


NOBODY_TOLD = Delivery(())


def deliver(recipients, message: Message) -> Delivery:
    """An inbox entry for each recipient, now; mail to those with an address after commit."""
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=user, kind=message.kind, branch=message.branch, report=message.report,
            title=message.title[:200], body=message.body[:5000], link=message.link,
        )
        for user in _distinct(recipients)
    )
    mailed = [n.pk for n in notifications if n.recipient.email]
    if mailed:
        transaction.on_commit(partial(send_mail_for, mailed), robust=True)
    return Delivery(tuple(notifications))


def _distinct(users) -> list:
    seen, kept = set(), []
    for user in users:
        if user.pk not in seen:
            seen.add(user.pk)
            kept.append(user)
    return kept


def send_mail_for(notification_ids: list[int]) -> None:
    """Mail each entry to its recipient and note when it went; one failure stops no other."""
    notifications = Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True).select_related("recipient")
    connection = get_connection()
    sent = []
    for notification in notifications:
        try:
            connection.send_messages([email_for(notification)])
        except Exception:
            logger.exception("Mail for notification %s to %s failed", notification.pk, notification.recipient.email)
        else:
            sent.append(notification.pk)
    if sent:
        Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())


def email_for(notification: Notification) -> EmailMessage:
    lines = [f"{display_name(notification.recipient)}：", "", notification.title]
    if notification.body:
        lines += ["", notification.body]
    lines += ["", f"请登录系统查看：{settings.SITE_URL.rstrip('/')}{notification.link}", "", "（本邮件由系统自动发送，请勿回复。）"]
    return EmailMessage(
        subject=SUBJECT_PREFIX + notification.title,
        body="\n".join(lines),
        to=[notification.recipient.email],
    )
