"""The approved totals kept on approval equal a full recomputation from the records."""
import datetime
from dataclasses import asdict

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.documents import review, services
from reports.federation import rollup
from reports.federation.totals import live_area_totals, live_by_child, rolled_up_by_child, rolled_up_totals
from reports.models import AreaFigure

from .federations import YEAR, Area
from .records import make_activity, make_payment
from .reviews import approve


def comparable(totals):
    data = asdict(totals)
    data.pop("federation")
    return data


@pytest.fixture
def area(db):
    area = Area()
    area.approve_summary(area.u1)
    area.approve_summary(area.u3)
    area.approve_summary(area.u4)
    return area


@pytest.mark.parametrize("level", ["city", "east", "west"])
def test_rolled_up_totals_equal_a_full_recomputation(area, level):
    federation = getattr(area, level)
    assert comparable(rolled_up_totals(federation, YEAR)) == comparable(live_area_totals(federation, YEAR, approved_only=True))
    assert rolled_up_by_child(federation, YEAR) == live_by_child(federation, YEAR, approved_only=True)


def test_a_reapproval_replaces_the_contribution(area):
    secretary, chair = area.people["u1"]
    report = area.u1.reports.get(kind="summary", year=YEAR)
    review.reopen_report(report=report, actor=chair, reason="补登记录")
    make_activity(area.u1, datetime.date(YEAR, 9, 1), participants=77)
    make_payment(area.u1, datetime.date(YEAR, 9, 2), headcount=3)
    services.refresh_figures(report=report, user=None)
    approve(report, secretary=secretary, chair=chair)
    assert comparable(rolled_up_totals(area.city, YEAR)) == comparable(live_area_totals(area.city, YEAR, approved_only=True))
    assert rolled_up_totals(area.city, YEAR).unions.counted == 3  # not counted twice


def test_the_federations_own_approved_records_count_in_its_area(area):
    federation_summary = services.create_summary(branch=area.east, year=YEAR, user=None)
    make_activity(area.east, datetime.date(YEAR, 6, 1), title="区总工会组织的培训", participants=30)
    services.refresh_figures(report=federation_summary, user=None)
    approve(federation_summary, secretary=area.east_officer, chair=area.east_chair)
    for federation in (area.east, area.city):
        assert comparable(rolled_up_totals(federation, YEAR)) == comparable(live_area_totals(federation, YEAR, approved_only=True))
    assert rolled_up_by_child(area.east, YEAR) == live_by_child(area.east, YEAR, approved_only=True)


def test_a_rebuild_writes_the_same_rows(area):
    def rows():
        return sorted(
            (r.branch_id, r.contributor_id or 0, r.metric, r.key, sorted(r.measures.items()))
            for r in AreaFigure.objects.filter(year=YEAR)
        )

    incremental = rows()
    assert incremental
    rollup.rebuild_figures(YEAR)
    assert rows() == incremental


def test_reading_the_totals_costs_two_queries_at_any_size(area):
    with CaptureQueriesContext(connection) as captured:
        rolled_up_totals(area.city, YEAR)
    assert len(captured) == 2
