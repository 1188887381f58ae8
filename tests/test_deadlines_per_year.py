"""Deadlines are kept per federation and year: setting this year's leaves the past as it was."""
import datetime

from django.urls import reverse

from reports.federation import board as boards
from reports.models import ReportingDeadlines

from .conftest import PASSWORD


def test_editing_this_years_deadlines_leaves_last_years(client, cast, today):
    last_year = today.year - 1
    ReportingDeadlines.objects.create(branch=cast.county, year=last_year, plan_month=3, plan_day=31, summary_month=1, summary_day=31)
    client.login(username="oscar", password=PASSWORD)
    url = reverse("reports:set_deadlines", args=["county"])
    client.post(url, {"year": today.year, "plan_month": 2, "plan_day": 28, "summary_month": 1, "summary_day": 10})
    assert boards.due_dates(cast.county, last_year) == {
        "plan": datetime.date(last_year, 3, 31), "summary": datetime.date(today.year, 1, 31),
    }
    assert boards.due_dates(cast.county, today.year) == {
        "plan": datetime.date(today.year, 2, 28), "summary": datetime.date(today.year + 1, 1, 10),
    }


def test_the_form_opens_on_the_boards_year_with_its_deadlines(client, cast, today):
    last_year = today.year - 1
    ReportingDeadlines.objects.create(branch=cast.county, year=last_year, plan_month=4, plan_day=15)
    ReportingDeadlines.objects.create(branch=cast.county, year=today.year, plan_month=2, plan_day=28)
    client.login(username="oscar", password=PASSWORD)
    page = client.get(reverse("reports:board", args=["county"]), {"year": last_year}).content.decode()
    assert f'<option value="{last_year}" selected>{last_year}年度</option>' in page
    assert 'name="plan_month" value="4"' in page and 'name="plan_day" value="15"' in page


def test_a_year_too_old_to_set_opens_the_form_on_this_year(client, cast, today):
    client.login(username="oscar", password=PASSWORD)
    page = client.get(reverse("reports:board", args=["county"]), {"year": today.year - 12}).content.decode()
    assert f'<option value="{today.year}" selected>{today.year}年度</option>' in page


def test_a_year_without_its_own_row_takes_the_nearest_earlier_one(cast):
    ReportingDeadlines.objects.create(branch=cast.county, year=2020, plan_month=4, plan_day=15)
    ReportingDeadlines.objects.create(branch=cast.county, year=2023, plan_month=5, plan_day=20)
    assert boards.due_dates(cast.county, 2019)["plan"] == datetime.date(2019, 3, 31)  # the usual one
    assert boards.due_dates(cast.county, 2021)["plan"] == datetime.date(2021, 4, 15)
    assert boards.due_dates(cast.county, 2025)["plan"] == datetime.date(2025, 5, 20)


def test_a_year_outside_the_list_is_refused_and_nothing_is_saved(client, cast):
    client.login(username="oscar", password=PASSWORD)
    url = reverse("reports:set_deadlines", args=["county"])
    response = client.post(url, {"year": 1999, "plan_month": 4, "plan_day": 1, "summary_month": 1, "summary_day": 1}, follow=True)
    assert "报送期限没有保存" in response.content.decode() and "请选择列出的年度" in response.content.decode()
    assert not ReportingDeadlines.objects.exists()


def test_the_migration_copies_each_row_to_every_year_with_reports(cast):
    import importlib

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from reports.documents import services

    migration = importlib.import_module("reports.migrations.0019_deadlines_per_year")
    services.create_summary(branch=cast.school, year=2023, user=None)
    services.create_plan(branch=cast.plant, year=2024, user=None)
    ReportingDeadlines.objects.create(branch=cast.county, year=2000, plan_month=4, plan_day=30, summary_month=2, summary_day=15)
    apps = MigrationExecutor(connection).loader.project_state(("reports", "0019_deadlines_per_year")).apps
    migration.copy_to_report_years(apps, None)
    rows = ReportingDeadlines.objects.filter(branch=cast.county).order_by("year")
    assert [(r.year, r.plan_month, r.plan_day, r.summary_month, r.summary_day) for r in rows] == [
        (2000, 4, 30, 2, 15), (2023, 4, 30, 2, 15), (2024, 4, 30, 2, 15),
    ]
