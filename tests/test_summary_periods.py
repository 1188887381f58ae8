"""The period a summary covers: 上半年 is January 1 to June 30, the year is January 1 to December 31;
the title, the opening and the closing section follow the period; the closing section draws on
the plan it looks ahead to when there is one."""
import datetime
from decimal import Decimal

import pytest

from reports.choices import ActivityCategory as C
from reports.choices import HonorLevel, MeetingKind
from reports.choices import WelfareReason as R
from reports.documents import services

from .drafting_helpers import document_of, first_sentence, states
from .records import make_activity, make_honor, make_meeting, make_payment


# Each record's figure is a distinct power of two, so any sum says exactly which records counted.
def boundary_days(year):
    return {
        "last_dec_31": (datetime.date(year - 1, 12, 31), 32),
        "jan_1": (datetime.date(year, 1, 1), 1),
        "jun_30": (datetime.date(year, 6, 30), 2),
        "jul_1": (datetime.date(year, 7, 1), 4),
        "dec_31": (datetime.date(year, 12, 31), 8),
        "next_jan_1": (datetime.date(year + 1, 1, 1), 16),
    }


@pytest.fixture
def boundaries(cast, last_year):
    days = boundary_days(last_year)
    for day, figure in days.values():
        make_activity(cast.school, day, category=C.SPORTS, participants=figure)
        make_payment(cast.school, day, reason=R.FESTIVAL, headcount=figure, cash=Decimal(figure * 100))
        make_honor(cast.school, day, level=HonorLevel.COUNTY)
        make_meeting(cast.school, day, kind=MeetingKind.COMMITTEE)
    return days


def expected(days, names):
    figures = [days[name][1] for name in names]
    return len(figures), sum(figures)


def assert_counts(document, count, total):
    sports = first_sentence(document.paragraph(f"activity.{C.SPORTS}").text)
    assert states(sports, count, "次") and states(sports, total, "人次"), sports
    welfare = document.paragraph("welfare.total").text
    assert states(welfare, count, "次") and states(welfare, total, "人次"), welfare
    assert states(welfare, f"{total * 100}元"), welfare
    assert states(document.paragraph("honors.total").text, count, "项")
    assert f"工会委员会会议{count}次" in document.paragraph("meetings.committees").text


def test_half_year_counts_january_first_and_june_thirtieth_but_not_july_first(cast, boundaries, last_year):
    document = document_of(services.create_summary(branch=cast.school, year=last_year, half=True, user=None))
    assert_counts(document, *expected(boundaries, ["jan_1", "jun_30"]))


def test_annual_counts_december_thirty_first_but_not_the_next_january_first(cast, boundaries, last_year):
    document = document_of(services.create_summary(branch=cast.school, year=last_year, user=None))
    assert_counts(document, *expected(boundaries, ["jan_1", "jun_30", "jul_1", "dec_31"]))


# -- titles -----------------------------------------------------------------------------------


def expected_title_name(full_name):
    return full_name[: -len("委员会")] if full_name.endswith("工会委员会") else full_name


@pytest.mark.parametrize(
    "full_name, title_name",
    [
        ("示范县实验小学工会委员会", "示范县实验小学工会"),
        ("示范县自来水公司工会", "示范县自来水公司工会"),
        ("示范县人民医院女职工委员会", "示范县人民医院女职工委员会"),
    ],
)
def test_titles_use_the_full_name_without_a_trailing_committee(cast, last_year, full_name, title_name):
    cast.school.name = full_name
    cast.school.save()
    assert expected_title_name(full_name) == title_name
    annual = document_of(services.create_summary(branch=cast.school, year=last_year, user=None))
    half = document_of(services.create_summary(branch=cast.school, year=last_year, half=True, user=None))
    # 工会 is said once: a name ending in 工会 is followed by 工作总结.
    work = "工作总结" if title_name.endswith("工会") else "工会工作总结"
    assert annual.title == f"{title_name}{last_year}年{work}"
    assert half.title == f"{title_name}{last_year}年上半年{work}"
    assert annual.title.count("工会") == 1
    # The signature keeps the full name.
    assert annual.signature == half.signature == full_name


def test_half_year_opening_speaks_of_the_half_year(cast, last_year):
    half = document_of(services.create_summary(branch=cast.school, year=last_year, half=True, user=None))
    annual = document_of(services.create_summary(branch=cast.school, year=last_year, user=None))
    opening = " ".join(p.text for p in half.preamble)
    assert "上半年" in opening or "半年来" in opening
    annual_opening = " ".join(p.text for p in annual.preamble)
    assert "半年来" not in annual_opening and f"{last_year}年" in annual_opening


def test_opening_names_the_union_when_it_has_no_short_name(cast, last_year):
    cast.school.name = "示范县第二中学工会委员会"
    cast.school.short_name = ""
    cast.school.save()
    document = document_of(services.create_summary(branch=cast.school, year=last_year, user=None))
    opening = document.preamble[0].text
    assert not opening.startswith(f"{last_year}年，在"), opening
    assert "示范县第二中学工会" in opening, opening


# -- the closing section ----------------------------------------------------------------------


def test_last_section_is_next_half_for_a_half_year_and_next_year_for_a_year(cast, last_year):
    half = document_of(services.create_summary(branch=cast.school, year=last_year, half=True, user=None))
    annual = document_of(services.create_summary(branch=cast.school, year=last_year, user=None))
    assert half.sections[-1].key == "next_half"
    assert annual.sections[-1].key == "next_year"
    assert f"{last_year + 1}年" in annual.sections[-1].heading


def test_next_half_lists_the_plans_items_from_july_to_december(cast, last_year):
    plan = document_of(services.create_plan(branch=cast.school, year=last_year, user=None))
    later, earlier = [], []
    for entry, item in plan.schedule_items():
        (later if max(entry.months) >= 7 else earlier).append((entry.label, item.text))
    assert later and earlier

    half = document_of(services.create_summary(branch=cast.school, year=last_year, half=True, user=None))
    paragraphs = half.section("next_half").paragraphs
    texts = [p.text for p in paragraphs]
    assert len(texts) == len(later)
    for (label, item), text in zip(later, texts):
        assert text.startswith(label) and item in text, (label, item, text)
    joined = "".join(texts)
    for label, item in earlier:
        assert item not in joined, item
    assert not any(p.needs_filling for p in paragraphs)


def test_next_half_without_a_plan_is_a_placeholder(cast, last_year):
    half = document_of(services.create_summary(branch=cast.school, year=last_year, half=True, user=None))
    paragraphs = half.section("next_half").paragraphs
    assert len(paragraphs) == 1 and paragraphs[0].needs_filling


def test_next_year_is_drafted_from_next_years_plan_themes(cast, last_year):
    plan = document_of(services.create_plan(branch=cast.school, year=last_year + 1, user=None))
    headings = [sub.heading for sub in plan.section("themes").subsections]
    assert headings

    annual = document_of(services.create_summary(branch=cast.school, year=last_year, user=None))
    paragraphs = annual.section("next_year").paragraphs
    assert len(paragraphs) == len(headings)
    for heading, paragraph in zip(headings, paragraphs):
        assert paragraph.text.startswith(heading), (heading, paragraph.text)
        assert not paragraph.needs_filling


def test_a_plan_of_the_same_year_does_not_feed_the_annual_next_year_section(cast, last_year):
    services.create_plan(branch=cast.school, year=last_year, user=None)
    annual = document_of(services.create_summary(branch=cast.school, year=last_year, user=None))
    paragraphs = annual.section("next_year").paragraphs
    assert len(paragraphs) == 1 and paragraphs[0].needs_filling


def test_next_year_without_a_plan_is_a_placeholder_to_fill(cast, last_year):
    annual = document_of(services.create_summary(branch=cast.school, year=last_year, user=None))
    paragraphs = annual.section("next_year").paragraphs
    assert len(paragraphs) == 1
    assert paragraphs[0].placeholder and paragraphs[0].needs_filling
    assert paragraphs[0].text
