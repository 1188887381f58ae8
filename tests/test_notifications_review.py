"""Each review step tells the people it concerns: an inbox entry written with the step, a mail
sent once it commits, nobody else told; a mail that fails leaves the step done."""
import datetime
import socket

import pytest
from django.urls import reverse

from reports.choices import NotificationKind, RoleKind
from reports.documents import approval, review, services
from reports.models import Notification

from .conftest import PASSWORD, make_user
from .reviews import fill_placeholders

YEAR = datetime.date.today().year - 1


@pytest.fixture
def summary(cast):
    for user in (cast.alice, cast.carol, cast.bob, cast.dora, cast.oscar, cast.olga):
        user.email = f"{user.username}@example.org"
        user.save(update_fields=["email"])
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    fill_placeholders(report)
    return report


def inbox(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def told(*users):
    return {user.username for user in users}


def recipients_of(mails):
    return {address.split("@")[0] for mail in mails for address in mail.to}


def test_submit_tells_the_chair_and_nobody_else(cast, summary, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        revision = review.submit_report(report=summary, actor=cast.alice)
    assert inbox(cast.carol) == [NotificationKind.SUBMITTED]
    for other in (cast.alice, cast.bob, cast.dora, cast.oscar, cast.olga):
        assert inbox(other) == []
    entry = Notification.objects.get(recipient=cast.carol)
    assert entry.title == f"school工会的{YEAR}年工作总结已提交，等待您审核"
    assert entry.link == reverse("reports:document", args=["school", summary.pk]) and entry.report == summary
    assert recipients_of(mailoutbox) == told(cast.carol)
    assert entry.title in mailoutbox[0].subject and entry.link in mailoutbox[0].body
    entry.refresh_from_db()
    assert entry.emailed_at is not None
    assert revision.told.sentence() == "已通知工会主席（站内消息与邮件）。"


def test_return_tells_the_secretary_with_the_comments(cast, summary, mailoutbox, django_capture_on_commit_callbacks):
    review.submit_report(report=summary, actor=cast.alice)
    with django_capture_on_commit_callbacks(execute=True):
        review.return_report(report=summary, actor=cast.carol, comment="请把文体活动写具体。", section_comments={"problems": "再具体些"})
    entry = Notification.objects.get(recipient=cast.alice)
    assert entry.kind == NotificationKind.RETURNED
    assert "总体意见：请把文体活动写具体。" in entry.body
    assert "批注（存在的问题）：再具体些" in entry.body  # her words, not only where she wrote them
    assert inbox(cast.carol) == [NotificationKind.SUBMITTED]  # the chair's own step is not told back to her
    assert recipients_of(mailoutbox) == told(cast.alice)
    assert "请把文体活动写具体。" in mailoutbox[0].body


def test_approve_and_reopen_tell_the_secretary_and_whoever_submitted(cast, summary, mailoutbox, django_capture_on_commit_callbacks):
    second_secretary = make_user("erin", branch=cast.school, kind=RoleKind.SECRETARY, email="erin@example.org")
    review.submit_report(report=summary, actor=cast.carol)  # the chair hands it in herself
    assert Notification.objects.count() == 0  # she is the only chair: nobody else to tell
    with django_capture_on_commit_callbacks(execute=True):
        approval.approve_report(report=summary, actor=cast.carol, opinion="同意，按时报送县总工会。")
    assert inbox(cast.alice) == inbox(second_secretary) == [NotificationKind.APPROVED]
    assert "审批意见：同意，按时报送县总工会。" in Notification.objects.filter(recipient=cast.alice).get().body
    assert recipients_of(mailoutbox) == told(cast.alice, second_secretary)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review.reopen_report(report=summary, actor=cast.oscar, reason="上级要求补充劳动竞赛数据。")
    # An officer reopened: the secretaries and the chair who had submitted are told.
    assert recipients_of(mailoutbox) == told(cast.alice, second_secretary, cast.carol)
    reopened = Notification.objects.get(recipient=cast.carol)
    assert reopened.kind == NotificationKind.REOPENED and "上级要求补充劳动竞赛数据。" in reopened.body
    for other in (cast.bob, cast.dora, cast.oscar, cast.olga):
        assert inbox(other) == []


def return_it(cast, report):
    review.return_report(report=report, actor=cast.carol, comment="请把文体活动写具体。")


def approve_and_reopen(cast, report):
    approval.approve_report(report=report, actor=cast.carol)
    review.reopen_report(report=report, actor=cast.oscar, reason="上级要求补充劳动竞赛数据。")


@pytest.mark.parametrize("step", [return_it, approve_and_reopen])
@pytest.mark.parametrize("moved_to", [None, "plant"])
def test_a_submitter_who_lost_her_role_hears_no_more_of_the_review(cast, summary, mailoutbox, django_capture_on_commit_callbacks, step, moved_to):
    """Alice handed the summary in, then left the school (her role deleted, or moved to another
    union): what follows is told to the school's secretaries, not to her."""
    successor = make_user("erin", branch=cast.school, kind=RoleKind.SECRETARY, email="erin@example.org")
    review.submit_report(report=summary, actor=cast.alice)
    cast.alice.union_roles.all().delete()
    if moved_to:
        cast.alice.union_roles.create(branch=getattr(cast, moved_to), kind=RoleKind.SECRETARY)
    with django_capture_on_commit_callbacks(execute=True):
        step(cast, summary)
    assert inbox(cast.alice) == []
    assert "alice" not in recipients_of(mailoutbox) and "erin" in recipients_of(mailoutbox)
    assert inbox(successor)


def test_users_without_an_address_get_the_inbox_entry_only(cast, summary, mailoutbox, django_capture_on_commit_callbacks):
    cast.carol.email = ""
    cast.carol.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        revision = review.submit_report(report=summary, actor=cast.alice)
    assert inbox(cast.carol) == [NotificationKind.SUBMITTED] and mailoutbox == []
    assert Notification.objects.get(recipient=cast.carol).emailed_at is None
    assert revision.told.sentence() == "已通知工会主席（站内消息）。"


def test_mail_goes_only_after_the_step_commits(cast, summary, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as pending:
        review.submit_report(report=summary, actor=cast.alice)
        assert mailoutbox == []
    assert len(pending) == 1 and mailoutbox == []
    pending[0]()
    assert recipients_of(mailoutbox) == told(cast.carol)


def a_closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_mail_server_that_refuses_leaves_the_step_done(cast, summary, settings, caplog, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", a_closed_port(), 2
    with django_capture_on_commit_callbacks(execute=True):
        review.submit_report(report=summary, actor=cast.alice)
    assert summary.current_revision().state == "submitted"
    entry = Notification.objects.get(recipient=cast.carol)
    assert entry.emailed_at is None
    assert "failed" in caplog.text and "carol@example.org" in caplog.text


def test_the_pages_say_who_was_told(client, cast, summary):
    client.login(username="alice", password=PASSWORD)
    response = client.post(reverse("reports:document_submit", args=["school", summary.pk]), follow=True)
    assert "已提交工会主席审核。已通知工会主席（站内消息与邮件）。" in response.content.decode()
    client.login(username="carol", password=PASSWORD)
    response = client.post(reverse("reports:document_return", args=["school", summary.pk]), {"comment": "请修改"}, follow=True)
    assert "已退回修改。已通知工会干事（站内消息与邮件）。" in response.content.decode()


def test_the_page_says_when_there_was_nobody_to_tell(client, cast, summary):
    cast.carol.union_roles.all().delete()  # the school has no chair account
    client.login(username="alice", password=PASSWORD)
    page = client.post(reverse("reports:document_submit", args=["school", summary.pk]), follow=True).content.decode()
    assert "本工会没有其他可通知的工会主席账号，未发送通知。" in page and "已通知" not in page
