"""A drafted document is dated the day it is drafted, or its deadline once that has passed."""
import datetime

from django.utils import timezone

from reports.choices import ReportKind
from reports.documents import services
from reports.documents.dating import signature_date
from reports.models import ReportingDeadlines

from .drafting_helpers import document_of

D = datetime.date


def test_a_summary_drafted_after_its_deadline_is_dated_the_deadline(cast):
    assert signature_date(cast.school, ReportKind.SUMMARY, 2025, D(2026, 12, 1)) == D(2026, 1, 31)


def test_a_summary_drafted_before_its_deadline_is_dated_the_day(cast):
    assert signature_date(cast.school, ReportKind.SUMMARY, 2025, D(2026, 1, 6)) == D(2026, 1, 6)
    assert signature_date(cast.school, ReportKind.SUMMARY, 2025, D(2025, 12, 28)) == D(2025, 12, 28)


def test_a_plan_drafted_after_its_deadline_is_dated_the_deadline(cast):
    assert signature_date(cast.school, ReportKind.PLAN, 2026, D(2026, 12, 1)) == D(2026, 3, 31)
    assert signature_date(cast.school, ReportKind.PLAN, 2027, D(2026, 12, 1)) == D(2026, 12, 1)


def test_the_federation_above_sets_the_deadline(cast):
    ReportingDeadlines.objects.create(branch=cast.county, plan_month=2, plan_day=28, summary_month=3, summary_day=15)
    assert signature_date(cast.school, ReportKind.PLAN, 2026, D(2026, 12, 1)) == D(2026, 2, 28)
    assert signature_date(cast.school, ReportKind.SUMMARY, 2025, D(2026, 12, 1)) == D(2026, 3, 15)


def test_a_plan_for_last_year_drafted_now_carries_its_deadline(cast):
    last_year = timezone.localdate().year - 1
    plan = services.create_plan(branch=cast.school, year=last_year, user=None)
    assert document_of(plan).date == D(last_year, 3, 31).isoformat()


def test_a_copied_plan_is_dated_by_the_same_rule(cast):
    year = timezone.localdate().year - 1
    services.create_plan(branch=cast.school, year=year - 1, user=None)
    copied = services.create_plan(branch=cast.school, year=year, from_previous=True, user=None)
    assert document_of(copied).date == D(year, 3, 31).isoformat()


def test_a_federation_summary_of_a_past_year_carries_its_deadline(cast):
    year = timezone.localdate().year - 2  # due in January of last year: surely passed
    report = services.create_summary(branch=cast.county, year=year, user=None)
    assert document_of(report).date == D(year + 1, 1, 31).isoformat()
