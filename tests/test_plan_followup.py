"""A plan drafted after a year of records follows on from it: the schedule starts from the months
last year's work happened in, continues the best-attended and prize-winning events, carries the
items last year's plan left undone, and 主要工作 takes up the problems last year's summary named
(as placeholders); without a previous year the plan is the sector's skeleton."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.choices import ActivityCategory as C
from reports.choices import FestivalOccasion, HonorKind, MeetingKind, Participation, WelfareReason
from reports.documents import review, services
from reports.documents.content import ScheduleEntry, ScheduleItem
from reports.documents.plan import draft_plan, draft_plan_from_skeleton
from reports.documents.plan_basis import gather_plan_basis
from reports.models import PlanItem

from .drafting_helpers import document_of, save_edit
from .prose import overused_frames, record_names
from .records import fill_branch, make_activity, make_honor, make_meeting, make_payment
from .reviews import approve

PROBLEMS = ["工会干部均为兼职，研究工会工作的时间不足", "教工之家活动场地偏小", "青年教师参与文体活动的积极性有待提高"]
LAST_PLAN = [  # (label, months, key, text, category)
    ("五月份", [5], "item.a", "举办青年教师教学基本功比赛", C.COMPETITION),
    ("六月份", [6], "item.b", "组织教职工观看红色电影", C.POLITICAL_STUDY),
    ("九月份", [9], "item.d", "组织庆祝教师节活动，表彰优秀教职工", C.FESTIVAL),
    ("十月份", [10], "item.c", "举办教职工秋季趣味运动会", C.SPORTS),
]
# Months with last year's work in the fixture below; June and September had none.
WORK_MONTHS = {1, 2, 3, 4, 5, 7, 8, 10, 11, 12}


@pytest.fixture
def year(today):
    return today.year


def trimmed_plan(document):
    """Last year's plan cut down to a few items, so that which are carried over is plain."""
    document.section("schedule").schedule = [
        ScheduleEntry(f"month.{key}", label, months, [ScheduleItem(key, text, category)])
        for label, months, key, text, category in LAST_PLAN
    ]


def written_problems(text):
    def change(document):
        problems = document.section("problems")
        problems.paragraphs = problems.paragraphs[:1]
        problems.paragraphs[0].text = text
    return change


@pytest.fixture
def previous_year(cast, last_year):
    """school's last year: its plan (partly done), records across the year and its summary."""
    school, day = cast.school, lambda month, d: datetime.date(last_year, month, d)
    plan = services.create_plan(branch=school, year=last_year, user=None)
    save_edit(plan, trimmed_plan)
    october_item = PlanItem.objects.get(report=plan, key="item.c")

    make_payment(school, day(1, 20), reason=WelfareReason.FESTIVAL, occasion=FestivalOccasion.SPRING_FESTIVAL,
                 recipients="困难教职工和退休教师", headcount=40)
    make_activity(school, day(2, 20), "新学期师德师风专题学习会", category=C.POLITICAL_STUDY, participants=9)
    make_meeting(school, day(3, 15), kind=MeetingKind.STAFF_CONGRESS, session="六届三次")
    make_activity(school, day(4, 23), "“书香校园”教职工读书月", category=C.CULTURE, participants=7,
                  result="评选出优秀读书笔记10篇，工会对作者给予了奖励。")
    make_activity(school, day(4, 28), "庆“五一”教职工拔河比赛", category=C.SPORTS, participants=10,
                  result="五年级组代表队获得第一名。")
    make_activity(school, day(5, 16), "女教职工妇女病普查", category=C.WOMEN, participants=30)
    make_payment(school, day(7, 10), reason=WelfareReason.SUMMER_COOLING, recipients="全体在职教职工", headcount=45)
    make_payment(school, day(8, 20), reason=WelfareReason.SCHOOL_AID, recipients="当年考入大学的教职工子女",
                 headcount=4)
    make_activity(school, day(10, 17), "2024年首届教职工秋季趣味运动会", category=C.SPORTS, participants=80,
                  plan_item=october_item)
    basketball = make_activity(school, day(11, 14), "参加全县教职工篮球赛", category=C.SPORTS, participants=12,
                               participation=Participation.ATTENDED)
    make_honor(school, day(11, 16), "全县教职工篮球赛小学组第二名", kind=HonorKind.PRIZE, activity=basketball)
    make_activity(school, day(12, 5), "工会小组长业务培训", category=C.UNION_BUILDING, participants=6)

    summary = services.create_summary(branch=school, year=last_year, user=None)
    save_edit(summary, written_problems(f"一是{PROBLEMS[0]}；二是{PROBLEMS[1]}；三是{PROBLEMS[2]}。"))
    return school


def plan_of(branch, year):
    return document_of(services.create_plan(branch=branch, year=year, user=None))


def entry_for(document, month):
    return next(e for e in document.section("schedule").schedule if month in e.months)


def texts_in(document, month):
    return [item.text for item in entry_for(document, month).items]


# -- (a) what drew the most people or won a prize is continued in its month ------------------------


def test_best_attended_and_prize_winning_events_are_continued_in_their_month(previous_year, year):
    document = plan_of(previous_year, year)
    assert "继续举办教职工秋季趣味运动会" in texts_in(document, 10)  # the most people; no year or 首届
    assert "继续组织开展女教职工妇女病普查" in texts_in(document, 5)
    assert "继续组织教职工参加全县教职工篮球赛，力争再创佳绩" in texts_in(document, 11)  # a prize won
    assert "继续举办庆“五一”教职工拔河比赛" in texts_in(document, 4)  # its outcome names a place
    # Events neither large nor with a prize are planned again, without 继续.
    assert "举办“书香校园”教职工读书月" in texts_in(document, 4)
    assert "召开新学期师德师风专题学习会" in texts_in(document, 2)


# -- (b) last year's problems become placeholder points ----------------------------------------------


def test_last_summarys_problems_become_placeholder_points(previous_year, year):
    document = plan_of(previous_year, year)
    theme = document.section("theme.problems")
    assert theme in document.section("themes").subsections and theme.numbered
    assert len(theme.paragraphs) == len(PROBLEMS)
    for paragraph, problem in zip(theme.paragraphs, PROBLEMS):
        assert problem in paragraph.text and paragraph.text.startswith(("针对", "对于")), paragraph.text
        assert paragraph.placeholder and paragraph.needs_filling and paragraph.text.endswith("。")
    assert any(theme.heading in where for where in document.placeholders())


def test_the_approved_summary_is_preferred_to_a_later_draft(cast, last_year, year):
    summary = services.create_summary(branch=cast.school, year=last_year, user=None)
    save_edit(summary, written_problems("活动场地不足。"))
    approve(summary, secretary=cast.alice, chair=cast.carol)
    review.reopen_report(report=summary, actor=cast.carol, reason="补充数据")
    save_edit(summary, written_problems("经费审查不够及时。"))

    texts = [p.text for p in plan_of(cast.school, year).section("theme.problems").paragraphs]
    assert len(texts) == 1 and "活动场地不足" in texts[0] and "经费审查" not in texts[0]


def test_many_problems_are_not_all_told_in_one_frame(cast, last_year, year):
    problems = ["活动场地不足", "经费审查不够及时", "青年职工参与不多", "女职工工作缺少特色", "宣传信息工作薄弱"]
    summary = services.create_summary(branch=cast.school, year=last_year, user=None)
    save_edit(summary, written_problems("；".join(f"{n}是{p}" for n, p in zip("一二三四五", problems)) + "。"))
    document = plan_of(cast.school, year)
    assert len(document.section("theme.problems").paragraphs) == len(problems)
    names = record_names(cast.school, datetime.date(last_year, 1, 1), datetime.date(last_year, 12, 31)) + problems
    assert overused_frames(document, sorted(names, key=len, reverse=True)) == {}


# -- (c) unfinished items are carried over ---------------------------------------------------------


def test_unfinished_items_of_last_years_plan_are_carried_over(previous_year, year):
    document = plan_of(previous_year, year)
    assert "举办青年教师教学基本功比赛（上年未完成）" in texts_in(document, 5)  # a month with work
    assert "组织教职工观看红色电影（上年未完成）" in texts_in(document, 6)  # a month without
    # Planned again in the same words: marked, not written twice.
    september = texts_in(document, 9)
    assert "组织庆祝教师节活动，表彰优秀教职工（上年未完成）" in september
    assert "组织庆祝教师节活动，表彰优秀教职工" not in september
    # The October item was done (an activity is linked to it).
    assert not any("（上年未完成）" in text for text in texts_in(document, 10))


# -- (d) the schedule starts from the months of last year's work ------------------------------------


def test_each_month_of_last_years_work_has_its_work(previous_year, year):
    document = plan_of(previous_year, year)
    skeleton = draft_plan_from_skeleton(previous_year, year)
    assert any("春节送温暖" in t and "困难教职工和退休教师" in t for t in texts_in(document, 1))
    assert "召开六届四次教职工代表大会，做好提案的征集和督办落实工作" in texts_in(document, 3)
    summer = entry_for(document, 7)
    assert summer.label == "七、八月份" and summer is entry_for(document, 8)  # the skeleton's grouping stays
    assert any("夏送清凉" in t and "全体在职教职工" in t for t in texts_in(document, 7))
    assert any("金秋助学" in t and "当年考入大学的教职工子女" in t for t in texts_in(document, 8))
    assert "举办工会小组长业务培训" in texts_in(document, 12)
    for month in WORK_MONTHS:
        assert not set(texts_in(document, month)) & {i.text for i in entry_for(skeleton, month).items
                                                     if i.category != C.UNION_BUILDING}, month
    # The skeleton's own routine stays in its month; months without work keep the skeleton's
    # items, less a campaign last year's records already place elsewhere (金秋助学 was in August).
    assert "召开工会委员会议，研究部署全年工会工作" in texts_in(document, 2)
    assert [i.text for i in entry_for(skeleton, 6).items] == texts_in(document, 6)[:-1]
    assert "开展中秋、国庆节日慰问活动" in texts_in(document, 9)
    assert not any("金秋助学" in text for text in texts_in(document, 9))
    months = [m for entry in document.section("schedule").schedule for m in entry.months]
    assert sorted(months) == list(range(1, 13))


def test_the_schedule_is_kept_as_plan_items_with_unique_stable_keys(previous_year, year):
    report = services.create_plan(branch=previous_year, year=year, user=None)
    document = document_of(report)
    keys = [item.key for _, item in document.schedule_items()]
    assert len(keys) == len(set(keys))
    assert sorted(PlanItem.objects.filter(report=report).values_list("key", flat=True)) == sorted(keys)
    again = draft_plan(previous_year, year, gather_plan_basis(previous_year, year))
    assert again.to_dict() == document.to_dict()


# -- without a previous year -------------------------------------------------------------------------


def test_without_a_previous_year_the_plan_is_the_skeleton(cast, last_year, year):
    fill_branch(cast.plant, last_year, 20)  # another union's year changes nothing here
    make_activity(cast.school, datetime.date(last_year - 1, 5, 5), "两年前的运动会", participants=90)
    document = plan_of(cast.school, year)
    assert document.to_dict() == draft_plan_from_skeleton(cast.school, year).to_dict()


# -- a fixed number of queries ------------------------------------------------------------------------


def drafting_queries(branch, year):
    with CaptureQueriesContext(connection) as queries:
        document = draft_plan(branch, year, gather_plan_basis(branch, year))
    assert document.section("schedule").schedule
    return len(queries)


def test_drafting_costs_the_same_queries_for_few_and_many_records(cast, last_year, year):
    for branch, n in ((cast.school, 10), (cast.plant, 1000)):
        services.create_plan(branch=branch, year=last_year, user=None)
        fill_branch(branch, last_year, n)
        services.create_summary(branch=branch, year=last_year, user=None)
    few, many = drafting_queries(cast.school, year), drafting_queries(cast.plant, year)
    # Five to gather last year, one for the deadline the signature date may fall back to.
    assert few == many <= 6
