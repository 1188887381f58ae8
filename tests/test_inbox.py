"""The inbox: one's own messages newest first, opening one marks it read and goes where it points,
全部标为已读, and the unread count in every page's header (one query, signed-in users only)."""
import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.documents import approval, review, services
from reports.models import Notification
from reports.notifications import inbox

from .conftest import PASSWORD
from .reviews import fill_placeholders

YEAR = datetime.date.today().year - 1


@pytest.fixture
def submitted(cast):
    """The school's summary handed in by alice: carol, the chair, has one message."""
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    fill_placeholders(report)
    review.submit_report(report=report, actor=cast.alice)
    return report


def unread_badge(page: str) -> str | None:
    found = re.search(r'data-testid="unread-count"[^>]*>(\d+)<', page)
    return found.group(1) if found else None


def test_the_header_counts_unread_messages(client, cast, submitted):
    client.login(username="carol", password=PASSWORD)
    assert unread_badge(client.get(reverse("reports:branch_home", args=["school"])).content.decode()) == "1"
    client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("reports:branch_home", args=["school"])).content.decode()
    assert unread_badge(page) is None and 'data-testid="inbox-link"' in page


def test_the_count_is_one_query_and_none_for_the_signed_out(client, cast, submitted):
    client.login(username="carol", password=PASSWORD)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("reports:branch_home", args=["school"]))
    assert len([q for q in queries if "reports_notification" in q["sql"]]) == 1
    client.logout()
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("login")).content.decode()
    assert not [q for q in queries if "reports_notification" in q["sql"]] and "inbox-link" not in page


def test_the_inbox_lists_newest_first_and_marks_the_unread(client, cast, submitted):
    review.return_report(report=submitted, actor=cast.carol, comment="请修改")
    review.submit_report(report=submitted, actor=cast.alice, confirmed=True)
    first, second = Notification.objects.filter(recipient=cast.carol).order_by("pk")
    Notification.objects.filter(pk=first.pk).update(read_at=first.created_at)
    client.login(username="carol", password=PASSWORD)
    page = client.get(reverse("reports:inbox")).content.decode()
    assert page.count('data-testid="notification"') == 2
    assert page.index(reverse("reports:notification_open", args=[second.pk])) < page.index(
        reverse("reports:notification_open", args=[first.pk])
    )
    assert page.count("未读</span>") == 1 and unread_badge(page) == "1"


def test_opening_a_message_marks_it_read_and_goes_to_its_document(client, cast, submitted):
    entry = Notification.objects.get(recipient=cast.carol)
    client.login(username="carol", password=PASSWORD)
    response = client.post(reverse("reports:notification_open", args=[entry.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("reports:document", args=["school", submitted.pk])
    entry.refresh_from_db()
    assert entry.read_at is not None
    assert client.get(reverse("reports:notification_open", args=[entry.pk])).status_code == 405


@pytest.mark.parametrize("username", ["alice", "dora", "olga", "sam"])
def test_nobody_else_sees_or_opens_a_message(client, cast, submitted, username):
    entry = Notification.objects.get(recipient=cast.carol)
    client.login(username=username, password=PASSWORD)
    assert entry.title not in client.get(reverse("reports:inbox")).content.decode()
    assert client.post(reverse("reports:notification_open", args=[entry.pk])).status_code == 404
    entry.refresh_from_db()
    assert entry.read_at is None


def test_mark_all_read_touches_only_ones_own(client, cast, submitted):
    plan = services.create_plan(branch=cast.school, year=YEAR + 1, user=None)
    fill_placeholders(plan)
    review.submit_report(report=plan, actor=cast.alice)
    review.return_report(report=plan, actor=cast.carol, comment="请修改")  # alice now has one too
    client.login(username="carol", password=PASSWORD)
    page = client.post(reverse("reports:inbox_read_all"), follow=True).content.decode()
    assert "已将 1 条消息标为已读。" in page and unread_badge(page) is None
    assert not Notification.objects.filter(recipient=cast.carol, read_at=None).exists()
    assert Notification.objects.filter(recipient=cast.alice, read_at=None).count() == 1


def unread(user) -> int:
    return inbox.unread_count(user)


@pytest.mark.parametrize("step", ["return", "approve", "withdraw"])
def test_a_submission_dealt_with_no_longer_waits_in_the_chairs_inbox(cast, submitted, step):
    other = services.create_plan(branch=cast.school, year=YEAR + 1, user=None)
    fill_placeholders(other)
    review.submit_report(report=other, actor=cast.alice)
    assert unread(cast.carol) == 2
    if step == "return":
        review.return_report(report=submitted, actor=cast.carol, comment="请修改")
    elif step == "approve":
        approval.approve_report(report=submitted, actor=cast.carol)
    else:
        review.withdraw_report(report=submitted, actor=cast.alice)
    # Only the other report still waits for her (a withdrawal adds its own message).
    assert unread(cast.carol) == (2 if step == "withdraw" else 1)
    assert not Notification.objects.filter(recipient=cast.carol, report=submitted, kind="submitted", read_at=None).exists()


def test_a_resubmission_settles_the_secretarys_return_message(cast, submitted):
    review.return_report(report=submitted, actor=cast.carol, comment="请修改")
    assert unread(cast.alice) == 1
    review.submit_report(report=submitted, actor=cast.alice, confirmed=True)
    assert unread(cast.alice) == 0 and unread(cast.carol) == 1


def test_repeated_rounds_leave_one_message_waiting(client, cast, submitted):
    for _ in range(3):
        review.return_report(report=submitted, actor=cast.carol, comment="请修改")
        review.submit_report(report=submitted, actor=cast.alice, confirmed=True)
    client.login(username="carol", password=PASSWORD)
    assert unread_badge(client.get(reverse("reports:branch_home", args=["school"])).content.decode()) == "1"
