"""发送催报: the federation's officer reminds each late union's secretary and chair by inbox and
mail; each reminder is recorded, shown with its read state, and not repeated within the interval."""
import datetime

import pytest
from django.urls import reverse

from reports.choices import NotificationKind, RoleKind
from reports.documents import services
from reports.federation.reminders import RESEND_INTERVAL
from reports.models import Notification, Reminder
from reports.periods import RECENT_YEARS

from .conftest import PASSWORD, make_user
from .reviews import approve

# Last year's plan was due on 3月31日 of last year: every union that has not handed it in is late.
YEAR = datetime.date.today().year - 1


@pytest.fixture
def late(cast):
    """The school has handed its plan and summary in (approved by its chair, late); the plant has
    nothing, so only the plant is still to be reminded."""
    cast.bob.email = "bob@example.org"
    cast.bob.save(update_fields=["email"])
    approve(services.create_plan(branch=cast.school, year=YEAR, user=None), secretary=cast.alice, chair=cast.carol)
    approve(services.create_summary(branch=cast.school, year=YEAR, user=None), secretary=cast.alice, chair=cast.carol)
    Notification.objects.all().delete()  # the chair's review messages: not what these tests count
    return cast


def send(client, username, code="county", year=YEAR):
    client.login(username=username, password=PASSWORD)
    return client.post(reverse("reports:send_reminders", args=[code]), {"year": year}, follow=True)


def test_officer_reminds_the_late_unions_secretary_and_chair(client, late, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = send(client, "oscar").content.decode()
    assert "已向1个工会的2位工会干事和主席发送催报（站内消息，其中1人另发邮件）。" in page
    reminders = Reminder.objects.order_by("recipient__username")
    assert [(r.branch.code, r.recipient.username, r.sent_by.username, r.year, r.plan_late) for r in reminders] == [
        ("plant", "bob", "oscar", YEAR, True), ("plant", "dora", "oscar", YEAR, True),
    ]
    assert set(Notification.objects.values_list("recipient__username", "kind")) == {
        ("bob", NotificationKind.REMINDER), ("dora", NotificationKind.REMINDER),
    }
    entry = Notification.objects.get(recipient=late.bob)
    assert entry.link == reverse("reports:documents", args=["plant"]) and f"{YEAR}年工作计划（未起草）" in entry.body
    assert [mail.to for mail in mailoutbox] == [["bob@example.org"]]


def test_the_page_shows_when_each_union_was_reminded_and_who_has_read_it(client, late):
    send(client, "oscar")
    Notification.objects.filter(recipient=late.bob).update(read_at=datetime.datetime.now(datetime.timezone.utc))
    page = client.get(reverse("reports:reminders", args=["county"]), {"year": YEAR})
    row = page.context["rows"][0]
    assert row["branch"] == late.plant and row["last"].read == ("bob",) and row["last"].unread == ("dora",)
    text = page.content.decode()
    assert "已读：bob；未读：dora" in text and "（oscar）" in text
    assert "催报通知（可复制）" in text and late.plant.name in page.context["notice"]


def test_sending_again_within_the_interval_is_refused_with_a_reason(client, late):
    send(client, "oscar")
    page = send(client, "oscar").content.decode()
    assert "plant工会在60分钟内已催报过，这次没有重复发送，请稍后再试。" in page
    assert Reminder.objects.count() == 2 and Notification.objects.count() == 2
    Reminder.objects.update(sent_at=Reminder.objects.first().sent_at - RESEND_INTERVAL)
    assert "发送催报（" in send(client, "oscar").content.decode()
    assert Reminder.objects.count() == 4


def test_a_union_without_accounts_is_named(client, late):
    late.bob.union_roles.all().delete()
    late.dora.union_roles.all().delete()
    page = send(client, "oscar").content.decode()
    assert "plant工会没有工会干事或主席的账号，无法发送催报" in page and not Reminder.objects.exists()


@pytest.mark.parametrize("username, expected", [("alice", 404), ("carol", 404), ("bob", 404), ("olga", 404), ("county-chair", 403)])
def test_only_the_federations_officers_send(client, late, username, expected):
    make_user("county-chair", branch=late.county, kind=RoleKind.CHAIR)
    client.login(username=username, password=PASSWORD)
    response = client.post(reverse("reports:send_reminders", args=["county"]), {"year": YEAR})
    assert response.status_code == expected
    assert not Reminder.objects.exists() and not Notification.objects.exists()
    if username == "county-chair":  # she reads the reminders page but is offered no button
        assert "发送催报</button>" not in client.get(reverse("reports:reminders", args=["county"]), {"year": YEAR}).content.decode()


def test_a_reminder_reaches_only_its_recipients_inboxes(client, late):
    send(client, "oscar")
    for username in ("alice", "carol", "olga"):
        client.login(username=username, password=PASSWORD)
        assert "催报" not in client.get(reverse("reports:inbox")).content.decode().split("<main", 1)[1]
    client.login(username="dora", password=PASSWORD)
    assert f"county工会催报：plant工会尚未报送{YEAR}年工作计划" in client.get(reverse("reports:inbox")).content.decode()


def test_a_bad_year_sends_nothing(client, late):
    client.login(username="oscar", password=PASSWORD)
    page = client.post(reverse("reports:send_reminders", args=["county"]), {"year": "x"}, follow=True).content.decode()
    assert "年度不正确，没有发送催报。" in page and not Reminder.objects.exists()


def test_another_year_within_the_interval_is_refused_too(client, late):
    send(client, "oscar")
    # The plant has handed in nothing for the years before either; the school is late for them.
    assert "plant工会在60分钟内已催报过，这次没有重复发送" in send(client, "oscar", year=YEAR - 1).content.decode()
    assert "plant工会、school工会在60分钟内已催报过，这次没有重复发送" in send(client, "oscar", year=YEAR - 2).content.decode()
    # So the school is reminded once, for the first year asked.
    assert set(Reminder.objects.values_list("branch__code", "year")) == {("plant", YEAR), ("school", YEAR - 1)}
    assert Notification.objects.filter(recipient__in=[late.bob, late.dora]).count() == 2


@pytest.mark.parametrize("years_back", [RECENT_YEARS, 20])
def test_a_year_the_board_does_not_offer_sends_nothing(client, late, today, years_back):
    page = send(client, "oscar", year=today.year - years_back).content.decode()
    oldest = today.year - RECENT_YEARS + 1
    assert f"年度不正确，没有发送催报。请在{oldest}年至{today.year}年中选择年度。" in page
    assert not Reminder.objects.exists() and not Notification.objects.exists()
