"""Drafted documents read like real union documents, and drafting costs a fixed number of queries.

(a) Every document drafted from the demo county (last year's summary, this year's half-year
summary, this year's plan) is free of scraping noise, blanked figures and template leftovers.
(b) Gathering a summary's facts and drafting it issues the same number of queries for 50 records
as for 5,000.
"""
import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.choices import ActivityCategory, BranchKind, MeetingKind, WelfareReason
from reports.demo import load_demo
from reports.documents import services
from reports.documents.facts import gather_summary_facts
from reports.documents.summary import draft_summary
from reports.models import Activity, Branch, Honor, Meeting, Report, WelfarePayment

from .drafting_helpers import document_of, rendered_texts
from .records import fill_branch, make_activity, make_meeting, make_payment

NOISE = ["xx", "XX", "__", "x月", "某某", "***", "{{", "{%", "None", "小编", "用心", "透过"]
# The facts (members, four grouped totals, the year before's two, three record lists, festival
# payments, unvisited hardship members, plans and the federation's deadline): a fixed set.
MAX_QUERIES = 17


# -- (a) no noise -----------------------------------------------------------------------------


def has_first_half_records(branch, year):
    start, end = datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    return any(
        model.objects.filter(branch=branch).in_period(start, end).exists()
        for model in (Activity, WelfarePayment, Honor, Meeting)
    )


@pytest.fixture
def demo_documents(db, today):
    """(union, report) for every document the demo unions can draft."""
    load_demo()
    unions = list(Branch.objects.filter(kind=BranchKind.GRASSROOTS).order_by("code"))
    assert len(unions) == 3
    reports = []
    for union in unions:
        # The demo approves some unions' summaries itself; draft the rest.
        existing = Report.objects.filter(branch=union, kind="summary", year=today.year - 1, period="year").first()
        reports.append((union, existing or services.create_summary(branch=union, year=today.year - 1, user=None)))
        if has_first_half_records(union, today.year):
            reports.append((union, services.create_summary(branch=union, year=today.year, half=True, user=None)))
        reports.append((union, services.create_plan(branch=union, year=today.year, user=None)))
    return reports


def test_demo_documents_are_free_of_noise(demo_documents):
    found = []
    for union, report in demo_documents:
        texts = rendered_texts(document_of(report))
        assert len(texts) > 10
        for text in texts:
            for bad in NOISE:
                if bad in text:
                    found.append((union.code, report.label, bad, text))
    assert found == []


def test_demo_documents_cover_every_kind(demo_documents, today):
    labels = {report.label for _union, report in demo_documents}
    assert {f"{today.year - 1}年工作总结", f"{today.year}年工作计划"} <= labels


def test_every_demo_paragraph_is_a_finished_sentence(demo_documents):
    for union, report in demo_documents:
        for paragraph in document_of(report).all_paragraphs():
            assert paragraph.text.endswith(("。", "：")), (union.code, report.label, paragraph.key, paragraph.text)


def test_catch_all_kinds_are_not_written_as_a_bare_other(cast, last_year):
    day = datetime.date(last_year, 5, 5)
    make_activity(cast.school, day, "工会会员日活动", category=ActivityCategory.OTHER, participants=5)
    make_payment(cast.school, day, reason=WelfareReason.OTHER, headcount=2)
    make_meeting(cast.school, day, kind=MeetingKind.OTHER)
    document = document_of(services.create_summary(branch=cast.school, year=last_year, user=None))
    bare = [p.text for p in document.all_paragraphs() if re.search(r"其他\d", p.text)]
    assert bare == []


# -- (b) a fixed number of queries ------------------------------------------------------------


def drafting_queries(branch, year):
    with CaptureQueriesContext(connection) as queries:
        document = draft_summary(gather_summary_facts(branch, year))
    assert document.sections
    return len(queries)


@pytest.fixture
def small_and_large(cast, last_year):
    # fill_branch makes n records of each of five kinds: 10 -> 50 records, 1000 -> 5,000.
    fill_branch(cast.school, last_year, 10)
    fill_branch(cast.plant, last_year, 1000)
    return cast.school, cast.plant


def test_drafting_costs_the_same_queries_for_50_and_5000_records(small_and_large, last_year):
    small, large = small_and_large
    assert Activity.objects.filter(branch=large).count() == 1000
    few = drafting_queries(small, last_year)
    many = drafting_queries(large, last_year)
    assert few == many
    assert many <= MAX_QUERIES


def test_drafting_costs_the_same_queries_with_plans_in_place(small_and_large, last_year):
    small, large = small_and_large
    for branch in (small, large):
        services.create_plan(branch=branch, year=last_year, user=None)
        services.create_plan(branch=branch, year=last_year + 1, user=None)
    few = drafting_queries(small, last_year)
    many = drafting_queries(large, last_year)
    assert few == many
    assert many <= MAX_QUERIES
