"""Work plans: drafted from the sector's skeleton or copied from last year's plan; their schedule
kept as PlanItem rows that activities link to; and how far a summary says the plan got."""
import datetime

import pytest

from reports.choices import ActivityCategory as C
from reports.choices import BranchKind, Sector
from reports.documents import editing, services
from reports.documents.errors import Code
from reports.models import Activity, PlanItem

from .conftest import make_branch
from .drafting_helpers import apply_fields_ok, document_of, is_chinese, rendered_texts, save_edit, states
from .records import make_activity
from .reviews import raises_refusal

SECTORS = [choice.value for choice in Sector]


@pytest.fixture
def year(today):
    return today.year


def union_of(sector):
    return make_branch(f"{sector}-union", sector=sector, kind=BranchKind.GRASSROOTS,
                       name=f"示范县{Sector(sector).label}单位工会委员会", short_name=f"{Sector(sector).label}单位工会")


def entry_of(document, label):
    return next(e for e in document.section("schedule").schedule if e.label == label)


def every_text(document):
    texts = [document.title, document.signature]
    texts += [s.heading for s in document.all_sections()]
    texts += [p.text for p in document.all_paragraphs()]
    texts += [item.text for _, item in document.schedule_items()]
    return texts


# -- drafting from the skeleton ---------------------------------------------------------------


@pytest.mark.parametrize("sector", SECTORS)
def test_skeleton_plan_has_the_standard_parts_in_order(db, sector, year):
    branch = union_of(sector)
    document = document_of(services.create_plan(branch=branch, year=year, user=None))
    keys = [s.key for s in document.sections]
    assert keys in (["guiding", "goals", "themes", "schedule"], ["guiding", "themes", "schedule"])
    headings = {s.key: s.heading for s in document.sections}
    assert headings["guiding"] == "指导思想"
    assert headings.get("goals", "工作目标") == "工作目标"
    assert headings["themes"] == "主要工作"
    assert headings["schedule"] == "具体工作安排"
    assert document.title == f"示范县{Sector(sector).label}单位工会{year}年工会工作计划"
    assert document.section("guiding").paragraphs[0].text.startswith(f"{year}年")
    assert document.closing and all(p.text for p in document.closing)
    assert document.signature == branch.name


@pytest.mark.parametrize("sector", SECTORS)
def test_skeleton_themes_are_numbered_subsections_with_items(db, sector, year):
    document = document_of(services.create_plan(branch=union_of(sector), year=year, user=None))
    themes = document.section("themes")
    assert themes.subsections
    for theme in themes.subsections:
        assert theme.numbered and theme.heading
        assert theme.paragraphs and all(p.text and p.is_drafted for p in theme.paragraphs)


@pytest.mark.parametrize("sector", SECTORS)
def test_skeleton_schedule_covers_each_month_exactly_once(db, sector, year):
    document = document_of(services.create_plan(branch=union_of(sector), year=year, user=None))
    entries = document.section("schedule").schedule
    months = [month for entry in entries for month in entry.months]
    assert sorted(months) == list(range(1, 13))
    assert all(entry.items and all(item.text for item in entry.items) for entry in entries)


@pytest.mark.parametrize("sector", SECTORS)
def test_skeleton_plan_has_one_plan_item_row_per_schedule_item(db, sector, year):
    report = services.create_plan(branch=union_of(sector), year=year, user=None)
    document = document_of(report)
    rows = {row.key: row for row in PlanItem.objects.filter(report=report)}
    items = list(document.schedule_items())
    assert len(rows) == len(items)
    for position, (entry, item) in enumerate(items):
        row = rows[item.key]
        assert (row.first_month, row.last_month) == (min(entry.months), max(entry.months))
        assert row.month_label == entry.label and row.text == item.text and row.category == item.category
        assert row.position == position


def test_school_plan_celebrates_teachers_day_in_september(db, year):
    document = document_of(services.create_plan(branch=union_of(Sector.SCHOOL), year=year, user=None))
    september = [e for e in document.section("schedule").schedule if e.label == "九月份"]
    assert len(september) == 1 and september[0].months == [9]
    assert any("教师节" in item.text for item in september[0].items)


def test_enterprise_plan_speaks_of_labour_competitions(db, year):
    document = document_of(services.create_plan(branch=union_of(Sector.ENTERPRISE), year=year, user=None))
    assert any("安康杯" in text or "劳动竞赛" in text for text in rendered_texts(document))


# -- copying last year's plan -----------------------------------------------------------------


def test_copy_moves_every_year_on(cast, year):
    previous = document_of(services.create_plan(branch=cast.school, year=year - 1, user=None))
    assert f"{year - 1}年" in previous.title
    assert any(f"{year - 1}年" in p.text for p in previous.all_paragraphs())

    copy = document_of(services.create_plan(branch=cast.school, year=year, from_previous=True, user=None))
    assert copy.title == f"school工会{year}年工会工作计划"
    assert copy.section("guiding").paragraphs[0].text.startswith(f"{year}年")
    for text in every_text(copy):
        assert f"{year - 1}年" not in text, text
    assert all(not p.edited and not p.pending for p in copy.all_paragraphs())


def test_copy_keeps_last_years_edits_with_the_year_moved_on(cast, year):
    report = services.create_plan(branch=cast.school, year=year - 1, user=None)

    def change(document):
        document.section("guiding").paragraphs[0].text = f"{year - 1}年，学校工会将重点做好三件事。"
        september = entry_of(document, "九月份")
        editing.apply_action(document, f"add_item:{september.key}")
        september.items[-1].text = f"筹备{year - 1}年教师节座谈会"
    save_edit(report, change)

    copy_report = services.create_plan(branch=cast.school, year=year, from_previous=True, user=None)
    copy = document_of(copy_report)
    assert copy.section("guiding").paragraphs[0].text == f"{year}年，学校工会将重点做好三件事。"
    assert f"筹备{year}年教师节座谈会" in [item.text for _, item in copy.schedule_items()]
    assert PlanItem.objects.filter(report=copy_report).count() == len(list(copy.schedule_items()))


def test_copying_without_last_years_plan_is_refused_in_chinese(cast, year):
    with raises_refusal(Code.NO_PREVIOUS_PLAN) as refusal:
        services.create_plan(branch=cast.school, year=year, from_previous=True, user=None)
    assert is_chinese(str(refusal.value))
    assert f"{year - 1}年" in str(refusal.value)
    assert not cast.school.reports.exists()


def test_a_plan_of_another_union_is_not_copied(cast, year):
    services.create_plan(branch=cast.plant, year=year - 1, user=None)
    with raises_refusal(Code.NO_PREVIOUS_PLAN):
        services.create_plan(branch=cast.school, year=year, from_previous=True, user=None)


def test_creating_the_same_plan_twice_is_refused(cast, year):
    services.create_plan(branch=cast.school, year=year, user=None)
    with raises_refusal(Code.REPORT_EXISTS) as refusal:
        services.create_plan(branch=cast.school, year=year, user=None)
    assert is_chinese(str(refusal.value))
    assert cast.school.reports.count() == 1


def test_creating_the_same_summary_twice_is_refused(cast, last_year):
    services.create_summary(branch=cast.school, year=last_year, user=None)
    services.create_summary(branch=cast.school, year=last_year, half=True, user=None)  # another period: fine
    with raises_refusal(Code.REPORT_EXISTS) as refusal:
        services.create_summary(branch=cast.school, year=last_year, user=None)
    assert is_chinese(str(refusal.value))
    assert cast.school.reports.count() == 2


# -- plan completion in the summary -----------------------------------------------------------


@pytest.fixture
def plan_with_two_done(cast, last_year):
    """Last year's plan with two items done: one in March, one in September."""
    report = services.create_plan(branch=cast.school, year=last_year, user=None)
    items = list(PlanItem.objects.filter(report=report).order_by("position"))
    march = next(i for i in items if i.first_month == 3)
    september = next(i for i in items if i.first_month == 9)
    make_activity(cast.school, datetime.date(last_year, 3, 8), "三八座谈会", category=C.WOMEN, plan_item=march)
    make_activity(cast.school, datetime.date(last_year, 9, 9), "教师节表彰", category=C.FESTIVAL, plan_item=september)
    return items, {march.pk, september.pk}


def test_annual_summary_states_planned_and_done_items(cast, last_year, plan_with_two_done):
    items, done = plan_with_two_done
    text = document_of(services.create_summary(branch=cast.school, year=last_year, user=None)).paragraph("plan.progress").text
    assert f"年初计划的{len(items)}项工作" in text, text
    assert states(text, len(done), "项") and "已完成2项" in text, text
    # A few unfinished items are named, in the plan's order, then 等 and how many in all.
    undone = [item for item in items if item.pk not in done]
    assert len(undone) > 3
    for item in undone[:3]:
        assert f"{item.month_label}{item.text}" in text, (item.month_label, item.text)
    assert f"等{len(undone)}项" in text, text
    for item in items:
        if item.pk in done:
            assert f"{item.month_label}{item.text}" not in text


def test_half_year_summary_counts_only_items_of_the_first_half(cast, last_year, plan_with_two_done):
    items, done = plan_with_two_done
    first_half = [i for i in items if i.first_month <= 6]
    text = document_of(services.create_summary(branch=cast.school, year=last_year, half=True, user=None)).paragraph(
        "plan.progress").text
    assert states(text, len(first_half), "项") and "已完成1项" in text, text
    assert f"{len(items)}项" not in text
    for item in items:
        if item.first_month > 6:
            assert item.text not in text, item.text


def test_half_year_progress_counts_only_activities_held_in_the_half_year(cast, last_year):
    report = services.create_plan(branch=cast.school, year=last_year, user=None)
    may = PlanItem.objects.filter(report=report, first_month=5).order_by("position").first()
    make_activity(cast.school, datetime.date(last_year, 9, 20), "补办青年教师基本功比赛", plan_item=may)
    text = document_of(services.create_summary(branch=cast.school, year=last_year, half=True, user=None)).paragraph(
        "plan.progress").text
    assert "已完成0项" in text, text
    first_half = list(PlanItem.objects.filter(report=report, first_month__lte=6).order_by("position"))
    assert may in first_half and f"等{len(first_half)}项" in text, text


def test_no_plan_no_progress_paragraph(cast, last_year):
    document = document_of(services.create_summary(branch=cast.school, year=last_year, user=None))
    assert document.paragraph("plan.progress") is None and document.section("plan") is None


# -- editing the schedule keeps the rows in step ----------------------------------------------


@pytest.fixture
def plan(cast, year):
    return services.create_plan(branch=cast.school, year=year - 1, user=None)


def rows_match(report):
    document = document_of(report)
    rows = {row.key: row for row in PlanItem.objects.filter(report=report)}
    items = list(document.schedule_items())
    assert set(rows) == {item.key for _, item in items}
    for position, (entry, item) in enumerate(items):
        row = rows[item.key]
        assert (row.text, row.month_label, row.first_month, row.last_month, row.position) == (
            item.text, entry.label, min(entry.months), max(entry.months), position)


def test_changing_an_items_text_keeps_its_row_and_its_linked_activity(cast, plan, year):
    row = PlanItem.objects.get(report=plan, key="item.3.1")
    activity = make_activity(cast.school, datetime.date(year - 1, 3, 8), category=C.WOMEN, plan_item=row)
    save_edit(plan, lambda d: apply_fields_ok(d, {"i:item.3.1": "组织“三八”女教职工趣味运动会"}))
    rows_match(plan)
    row.refresh_from_db()
    assert row.text == "组织“三八”女教职工趣味运动会"
    activity.refresh_from_db()
    assert activity.plan_item_id == row.pk


def test_removing_an_item_removes_its_row_and_unlinks_its_activity(cast, plan, year):
    row = PlanItem.objects.get(report=plan, key="item.3.1")
    activity = make_activity(cast.school, datetime.date(year - 1, 3, 8), category=C.WOMEN, plan_item=row)
    save_edit(plan, lambda d: editing.apply_action(d, "remove_item:item.3.1"))
    rows_match(plan)
    assert not PlanItem.objects.filter(pk=row.pk).exists()
    activity.refresh_from_db()
    assert activity.plan_item_id is None
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_adding_an_item_adds_a_row_in_its_month(plan):
    september = entry_of(document_of(plan), "九月份").key
    save_edit(plan, lambda d: editing.apply_action(d, f"add_item:{september}"))
    new_key = entry_of(document_of(plan), "九月份").items[-1].key
    save_edit(plan, lambda d: apply_fields_ok(d, {f"i:{new_key}": "组织教职工中秋游园活动"}))
    rows_match(plan)
    row = PlanItem.objects.get(report=plan, key=new_key)
    assert (row.text, row.first_month, row.last_month, row.month_label) == ("组织教职工中秋游园活动", 9, 9, "九月份")


def test_relabelling_an_entry_moves_its_rows_months(cast, plan, year):
    september = entry_of(document_of(plan), "九月份")
    row = PlanItem.objects.get(report=plan, key=september.items[0].key)
    activity = make_activity(cast.school, datetime.date(year - 1, 9, 9), category=C.FESTIVAL, plan_item=row)
    save_edit(plan, lambda d: apply_fields_ok(d, {f"e:{september.key}": "九、十月份"}))
    rows_match(plan)
    row.refresh_from_db()
    assert (row.first_month, row.last_month, row.month_label) == (9, 10, "九、十月份")
    activity.refresh_from_db()
    assert activity.plan_item_id == row.pk


def test_removing_a_month_removes_its_rows(plan):
    before = PlanItem.objects.filter(report=plan).count()
    entry = document_of(plan).section("schedule").schedule[0]
    save_edit(plan, lambda d: editing.apply_action(d, f"remove_entry:{entry.key}"))
    rows_match(plan)
    assert PlanItem.objects.filter(report=plan).count() == before - len(entry.items)
