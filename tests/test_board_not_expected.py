"""A union is asked only for the documents due after it came into the system (Branch.created_at):
older ones show as 未纳入 on the board, stay out of 逾期未交 and the 按时率, and out of the
reminder list; the migration dates existing unions by their earliest trace."""
import datetime

from django.urls import reverse
from django.utils import timezone

from reports.federation import board as boards
from reports.federation import reminders as reminding
from reports.models import Branch

from .conftest import PASSWORD
from .federations import YEAR, Area

AFTER_BOTH_DEADLINES = datetime.date(YEAR + 1, 6, 1)


def registered(union, day):
    Branch.objects.filter(pk=union.pk).update(created_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(9))))


def timeliness(area, kind):
    return {row.code: getattr(row, f"{kind}_timeliness") for row in boards.board_queryset(area.city, YEAR, AFTER_BOTH_DEADLINES) if row.code.startswith("u")}


def test_documents_due_before_a_union_came_in_are_not_expected(db):
    area = Area()
    dues = boards.due_dates(area.city, YEAR)
    registered(area.u1, dues["summary"] + datetime.timedelta(days=1))  # after both deadlines
    registered(area.u2, dues["plan"] + datetime.timedelta(days=1))  # after the plan's, before the summary's
    registered(area.u3, dues["summary"])  # on the summary's due day: still asked for it
    assert timeliness(area, "plan") == {"u1": "not_expected", "u2": "not_expected", "u3": "not_expected", "u4": "missing"}
    assert timeliness(area, "summary") == {"u1": "not_expected", "u2": "missing", "u3": "missing", "u4": "missing"}


def test_not_expected_counts_neither_as_missing_nor_in_the_rate(db):
    area = Area()
    area.approve_summary(area.u4)  # approved now: after the deadline, late
    for branch in (area.east, area.west, area.u1, area.u2):
        registered(branch, AFTER_BOTH_DEADLINES)
    counts = boards.timeliness_counts(area.city, YEAR, AFTER_BOTH_DEADLINES)["summary"]
    assert (counts.on_time, counts.late, counts.missing, counts.not_expected) == (0, 1, 1, 4)
    assert counts.due == 2 and counts.rate == "0"


def test_the_reminder_list_leaves_out_unions_not_yet_in_the_system(db):
    area = Area()
    for branch in (area.east, area.west, area.u1, area.u2):
        registered(branch, AFTER_BOTH_DEADLINES)
    late = reminding.late_unions(area.city, YEAR, AFTER_BOTH_DEADLINES)
    assert sorted(union.branch.code for union in late) == ["u3", "u4"]


def test_the_board_shows_not_expected_as_a_dash(client, db):
    area = Area()
    registered(area.u1, datetime.date.today())
    client.login(username="city-officer", password=PASSWORD)
    page = client.get(reverse("reports:board", args=["city"]), {"year": YEAR - 1}).content.decode()
    assert 'data-timeliness="not_expected"' in page and "—（未纳入）" in page
    assert '<span data-count="not_expected">1</span>' in page


def test_the_migration_dates_each_union_by_its_earliest_trace(db):
    import importlib

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from reports.documents import services
    from reports.models import Report

    migration = importlib.import_module("reports.migrations.0023_branch_created_at")
    area = Area()
    now = timezone.now()
    Branch.objects.update(created_at=now)
    first_report = now - datetime.timedelta(days=400)
    report = services.create_summary(branch=area.u2, year=YEAR, user=None)
    Report.objects.filter(pk=report.pk).update(created_at=first_report)
    first_seen = now - datetime.timedelta(days=30)
    Branch.history.filter(id=area.u1.pk).update(history_date=first_seen)
    apps = MigrationExecutor(connection).loader.project_state(("reports", "0023_branch_created_at")).apps
    migration.fill_created_at(apps, None)
    created = dict(Branch.objects.values_list("code", "created_at"))
    assert created["u1"] == first_seen
    assert created["u2"] == first_report
    assert created["u3"] <= now
