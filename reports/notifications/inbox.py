"""A user's own inbox: reading it, opening an entry, marking everything read.

Every function takes the user and touches only her entries: another user's entry is not found.
"""
from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import Notification


def unread_count(user) -> int:
    """One indexed count (the partial index on unread entries), for the header of every page."""
    return Notification.objects.of(user).unread().count()


def entries(user):
    """Her entries, newest first."""
    return Notification.objects.of(user).select_related("branch")


@transaction.atomic
def open_entry(user, pk) -> Notification:
    """Her entry, marked read the first time it is opened (404 if it is not hers)."""
    notification = get_object_or_404(Notification.objects.of(user), pk=pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=notification.read_at)
    return notification


@transaction.atomic
def mark_all_read(user) -> int:
    return Notification.objects.of(user).unread().update(read_at=timezone.now())
