"""Helpers for the admin tests: staff flags on the cast, plan items to point at, history ids."""
from reports.choices import ReportKind
from reports.models import PlanItem, Report

from .conftest import PASSWORD


def make_staff(*users):
    """The admin opens only to staff: give the cast members who use it the flag."""
    for user in users:
        user.is_staff = True
        user.save(update_fields=["is_staff"])


def login(client, username):
    assert client.login(username=username, password=PASSWORD)


def make_plan_item(branch, text, year=2024):
    report, _ = Report.objects.get_or_create(branch=branch, kind=ReportKind.PLAN, year=year)
    return PlanItem.objects.create(
        report=report, key=f"item.{PlanItem.objects.count() + 1}", month_label="三月份",
        first_month=3, last_month=3, text=text,
    )


def latest_history_id(obj) -> int:
    return obj.history.latest("history_date").history_id
