"""A federation's approved figures are those of the approved revisions, whatever the records do later."""
import datetime
import importlib
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reports.documents import review, services
from reports.federation import rollup
from reports.federation.totals import rolled_up_totals
from reports.models import AreaFigure, Revision

from .federations import YEAR, Area
from .records import make_activity, make_honor, make_payment
from .reviews import approve

fill_migration = importlib.import_module("reports.migrations.0012_fill_frozen_figures")
measures_migration = importlib.import_module("reports.migrations.0014_area_figure_measures")


def area_rows():
    return sorted(
        (r.branch_id, r.contributor_id or 0, r.metric, r.key, sorted(r.measures.items()))
        for r in AreaFigure.objects.filter(year=YEAR)
    )


def work_after_approval(union):
    """What a secretary records once the summary is approved: honours, an activity, a payment."""
    for k in range(5):
        make_honor(union, datetime.date(YEAR, 11, 1 + k), title=f"补录荣誉{k}")
    make_activity(union, datetime.date(YEAR, 11, 10), participants=99)
    make_payment(union, datetime.date(YEAR, 11, 11), headcount=4, cash=Decimal("123.45"))


@pytest.fixture
def area(db):
    area = Area()
    area.approve_summary(area.u1)
    area.approve_summary(area.u3)
    return area


def test_records_added_after_approval_leave_the_rebuilt_figures_as_approved(area):
    approved_rows, approved_totals = area_rows(), rolled_up_totals(area.city, YEAR)
    work_after_approval(area.u1)
    out = io.StringIO()
    call_command("rebuild_area_figures", year=YEAR, stdout=out)
    assert "已重新计算区域统计" in out.getvalue()
    assert area_rows() == approved_rows
    assert rolled_up_totals(area.city, YEAR) == approved_totals
    assert rolled_up_totals(area.city, YEAR).honors.count == 0


def test_the_approved_revision_carries_its_figures(area):
    revision = Revision.objects.approved().get(report__branch=area.u1)
    assert revision.frozen_figures == rollup.freeze(rollup.figures_by_branch([area.u1.pk], YEAR)[area.u1.pk])
    activity = next(row for row in revision.frozen_figures if row["metric"] == "activity")
    assert activity["measures"]["count"] == 1 and activity["measures"]["participants"] == 10
    welfare = next(row for row in revision.frozen_figures if row["metric"] == "welfare")
    assert welfare["measures"]["cash"] == "100.00"


def test_a_reapproval_brings_in_the_records_added_since(area):
    approved_honors = rolled_up_totals(area.city, YEAR).honors.count
    work_after_approval(area.u1)
    secretary, chair = area.people["u1"]
    report = area.u1.reports.get(kind="summary", year=YEAR)
    review.reopen_report(report=report, actor=chair, reason="补录荣誉")
    services.refresh_figures(report=report, user=None)
    approve(report, secretary=secretary, chair=chair)
    assert rolled_up_totals(area.city, YEAR).honors.count == approved_honors + 5
    reapproved = area_rows()
    make_honor(area.u1, datetime.date(YEAR, 12, 1), title="再晚一些的荣誉")
    rollup.rebuild_figures(YEAR)
    assert area_rows() == reapproved


def state_apps(migration):
    return MigrationExecutor(connection).loader.project_state(("reports", migration)).apps


# u1's figures as frozen before they were named: generic columns whose meaning hung on the metric.
U1_IN_COLUMNS = [
    {"metric": "activity", "key": "sports", "count": 1, "quantity": 10, "extra": 0, "cash": "0.00", "goods": "0.00"},
    {"metric": "meeting", "key": "staff_congress", "count": 1, "quantity": 2, "extra": 1, "cash": "0.00", "goods": "0.00"},
    *({"metric": "members", "key": key, "count": n, "quantity": 0, "extra": 0, "cash": "0.00", "goods": "0.00"}
      for key, n in (("female", 1), ("hardship", 0), ("in_register", 2), ("joined", 0), ("retired", 0))),
    {"metric": "unions", "key": "counted", "count": 1, "quantity": 40, "extra": 0, "cash": "0.00", "goods": "0.00"},
    {"metric": "welfare", "key": "festival", "count": 1, "quantity": 5, "extra": 0, "cash": "100.00", "goods": "0.00"},
]


def convert_frozen_figures(schema_editor):
    measures_migration.convert_frozen_figures(state_apps("0014_area_figure_measures"), schema_editor)


# SQLite's schema editor refuses to run inside the test's transaction.
@pytest.mark.django_db(transaction=True)
def test_the_migration_names_the_measures_of_figures_frozen_in_columns(area):
    approved = Revision.objects.approved().get(report__branch=area.u1)
    assert approved.frozen_figures == rollup.figures_to_freeze(area.u1, YEAR)
    with connection.schema_editor() as editor:
        with fill_migration.frozen_revisions_writable(editor):
            stored_revisions = state_apps("0014_area_figure_measures").get_model("reports", "Revision")
            stored_revisions.objects.filter(pk=approved.pk).update(frozen_figures=U1_IN_COLUMNS)
        convert_frozen_figures(editor)
    approved.refresh_from_db()
    assert approved.frozen_figures == rollup.figures_to_freeze(area.u1, YEAR)
    assert Revision.objects.approved().get(report__branch=area.u3).frozen_figures == rollup.figures_to_freeze(area.u3, YEAR)


@pytest.mark.postgres
def test_the_migration_leaves_approved_revisions_frozen_again(area):
    from django.db import IntegrityError, transaction

    with connection.schema_editor() as editor:
        convert_frozen_figures(editor)
    with pytest.raises(IntegrityError, match="frozen"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE reports_revision SET frozen_figures = NULL")
