"""Every figure a drafted work summary states, recomputed here from the test's own records.

One union-year is built from plain lists below (activities, welfare payments, honors, meetings,
members), together with records that must not count: an activity that started the year before,
and records of another union. Each expected figure is a plain Python sum over those lists and is
written with the test's own formatter (tests/drafting_helpers.py), never with the application's.
"""
import datetime
import re
from collections import defaultdict
from decimal import Decimal

import pytest

from reports.choices import ActivityCategory as C
from reports.choices import HonorLevel, MeetingKind, MemberStatus, RecipientKind
from reports.choices import WelfareReason as R
from reports.documents import services
from reports.models import Report

from .drafting_helpers import (
    document_of,
    first_sentence,
    states,
    states_amount,
    text_snapshot,
    written_rate,
    written_yuan,
)
from .records import make_activity, make_honor, make_meeting, make_member, make_payment

# How the template for each category words its count (训练 in 期, 竞赛 and 之家建设 in 项).
COUNT_UNIT = defaultdict(lambda: "次", {C.TRAINING: "期", C.COMPETITION: "项", C.WORKERS_HOME: "项"})

# (category, title, (month, day), days, participants)
ACTIVITIES = [
    (C.SPORTS, "教职工气排球联谊赛", (4, 14), 1, 32),
    (C.SPORTS, "庆“五一”拔河比赛", (4, 28), 1, 48),
    (C.SPORTS, "秋季趣味运动会", (10, 17), 1, 45),
    (C.FESTIVAL, "迎新春教职工联欢会", (1, 12), 1, 56),
    (C.FESTIVAL, "庆祝教师节暨表彰大会", (9, 9), 1, 52),
    (C.TRAINING, "青蓝工程师徒结对启动会", (3, 22), 1, 24),
    (C.TRAINING, "暑期师德培训", (8, 21), 4, 41),  # the multi-day one: 8月21日至24日
    (C.COMPETITION, "青年教师教学基本功比赛", (5, 12), 1, 27),
    (C.POLITICAL_STUDY, "新学期师德师风专题学习会", (2, 20), 1, 44),
    (C.WOMEN, "女教职工妇女病普查", (5, 16), 1, 35),
    (C.DEMOCRATIC, "公示绩效工资分配结果", (6, 20), 1, 43),
    (C.VOLUNTEER, "学雷锋志愿服务进社区", (3, 5), 1, 18),
    (C.WORKERS_HOME, "教工之家阅览室改造", (9, 3), 1, 9),
]

# (reason, (month, day), to_member, headcount, cash, goods)
PAYMENTS = [
    (R.FESTIVAL, (1, 20), False, 40, "60000", "20000"),
    (R.FESTIVAL, (9, 25), False, 8, "30000", "13400"),  # festival: 123400元 in all
    (R.SERIOUS_ILLNESS, (4, 3), True, 1, "100000.50", "0"),  # a large amount with fen
    (R.SICKNESS, (3, 11), True, 1, "500", "234.50"),
    (R.SICKNESS, (11, 2), True, 1, "500", "0"),  # sickness: 1234.50 -> 1234.5元
    (R.HARDSHIP, (1, 15), True, 1, "2000", "0"),
    (R.HARDSHIP, (6, 15), True, 1, "1900", "0"),
    (R.HARDSHIP, (12, 15), True, 1, "2000", "0"),  # hardship: 5900元
    (R.SUMMER_COOLING, (7, 20), False, 30, "0", "1500.75"),  # goods only
    (R.RETIREE, (10, 11), False, 12, "2400", "600"),
    (R.WEDDING, (5, 1), True, 1, "500", "0"),
]

# (title, level, awarding body, recipient kind, recipients, (month, day))
HONORS = [
    ("三八红旗手", HonorLevel.COUNTY, "示范县妇女联合会", RecipientKind.INDIVIDUAL, "陈静", (3, 6)),
    ("模范职工之家", HonorLevel.COUNTY, "示范县总工会", RecipientKind.COLLECTIVE, "", (4, 28)),
    ("优秀班主任", HonorLevel.MUNICIPAL, "示范市教育局", RecipientKind.INDIVIDUAL, "李慧敏", (9, 8)),
    ("工会工作先进集体", HonorLevel.PROVINCIAL, "江南省教育工会", RecipientKind.COLLECTIVE, "", (12, 18)),
]

CONGRESS = {"kind": MeetingKind.STAFF_CONGRESS, "session": "六届三次", "attendees": 41,
            "proposals_received": 26, "proposals_accepted": 9, "topics": "听取和审议校长工作报告"}
# (kind, (month, day))
COMMITTEE_MEETINGS = [
    (MeetingKind.COMMITTEE, (2, 18)),
    (MeetingKind.COMMITTEE, (6, 24)),
    (MeetingKind.COMMITTEE, (9, 2)),
    (MeetingKind.AUDIT_COMMITTEE, (12, 20)),
    (MeetingKind.WOMEN_COMMITTEE, (3, 1)),
    (MeetingKind.WOMEN_COMMITTEE, (11, 8)),
]

# (name, gender, status, hardship, joined (month, day) in the year or None)
MEMBERS = [
    ("陈静", "female", MemberStatus.ACTIVE, False, None),
    ("李慧敏", "female", MemberStatus.ACTIVE, True, None),
    ("王丽", "female", MemberStatus.ACTIVE, False, (2, 1)),
    ("赵敏", "female", MemberStatus.ACTIVE, False, None),
    ("周芳", "female", MemberStatus.ACTIVE, True, None),
    ("吴霞", "female", MemberStatus.ACTIVE, False, (9, 1)),
    ("郑红", "female", MemberStatus.ACTIVE, False, None),
    ("孙丽娟", "female", MemberStatus.ACTIVE, False, None),
    ("张伟", "male", MemberStatus.ACTIVE, False, None),
    ("刘强", "male", MemberStatus.ACTIVE, False, (9, 1)),
    ("杨军", "male", MemberStatus.ACTIVE, False, None),
    ("黄斌", "male", MemberStatus.ACTIVE, False, None),
    ("何勇", "male", MemberStatus.ACTIVE, False, None),
    ("高秀英", "female", MemberStatus.RETIRED, False, None),
    ("林建国", "male", MemberStatus.RETIRED, False, None),
    ("罗平", "male", MemberStatus.TRANSFERRED, False, None),
]
WORKFORCE = 15

MEETING_LABELS = dict(MeetingKind.choices)
LEVEL_LABELS = dict(HonorLevel.choices)
# A level as a sentence says it before an honour's title.
LEVEL_IN_PROSE = {HonorLevel.COUNTY: "县级", HonorLevel.MUNICIPAL: "市级", HonorLevel.PROVINCIAL: "省级"}


# -- the union-year ---------------------------------------------------------------------------


@pytest.fixture
def year(last_year):
    return last_year


@pytest.fixture
def school(cast, year):
    """The school union with the records above, plus records that must not count."""
    branch = cast.school
    branch.workforce = WORKFORCE
    branch.save()
    members = {}
    for name, gender, status, hardship, joined in MEMBERS:
        members[name] = make_member(
            branch, name, gender=gender, status=status, is_hardship=hardship,
            joined_on=datetime.date(year, *joined) if joined else datetime.date(year - 6, 9, 1),
        )
    for category, title, (month, day), days, participants in ACTIVITIES:
        start = datetime.date(year, month, day)
        make_activity(
            branch, start, title, category=category, participants=participants,
            end_date=start + datetime.timedelta(days=days - 1) if days > 1 else None,
        )
    to_member = iter(m for m in members.values() if m.status == MemberStatus.ACTIVE)
    for reason, (month, day), for_member, headcount, cash, goods in PAYMENTS:
        who = {"member": next(to_member)} if for_member else {"recipients": "全体教职工"}
        make_payment(branch, datetime.date(year, month, day), reason=reason, headcount=headcount,
                     cash=Decimal(cash), goods_value=Decimal(goods), **who)
    for title, level, body, kind, recipients, (month, day) in HONORS:
        make_honor(branch, datetime.date(year, month, day), title, level=level, awarding_body=body,
                   recipient_kind=kind, recipients=recipients)
    make_meeting(branch, datetime.date(year, 3, 15), **CONGRESS)
    for kind, (month, day) in COMMITTEE_MEETINGS:
        make_meeting(branch, datetime.date(year, month, day), kind=kind)

    # Must not count: an activity that started the year before (and ran into this year), and
    # an activity, a payment and members of another union in this year.
    make_activity(branch, datetime.date(year - 1, 12, 30), "跨年迎新长跑", category=C.SPORTS,
                  participants=99, end_date=datetime.date(year, 1, 2))
    make_activity(cast.plant, datetime.date(year, 4, 20), "职工拔河比赛", category=C.SPORTS, participants=77)
    make_payment(cast.plant, datetime.date(year, 1, 20), reason=R.FESTIVAL, headcount=70, cash=Decimal("7000"))
    make_member(cast.plant, "钱多多", gender="female")
    return branch


@pytest.fixture
def document(school, year):
    report = services.create_summary(branch=school, year=year, user=None)
    return document_of(report)


def text_of(document, key):
    paragraph = document.paragraph(key)
    assert paragraph is not None, f"no paragraph {key!r}; keys: {[p.key for p in document.all_paragraphs()]}"
    return paragraph.text


# -- activities -------------------------------------------------------------------------------


def activity_figures():
    figures = defaultdict(lambda: [0, 0])
    for category, _title, _day, _days, participants in ACTIVITIES:
        figures[category][0] += 1
        figures[category][1] += participants
    return figures


@pytest.mark.parametrize("category", sorted({a[0] for a in ACTIVITIES if activity_figures()[a[0]][0] > 1}))
def test_each_activity_category_states_its_count_and_participations(document, category):
    count, participants = activity_figures()[category]
    opening_sentence = first_sentence(text_of(document, f"activity.{category}"))
    assert states(opening_sentence, count, COUNT_UNIT[category]), opening_sentence
    assert states(opening_sentence, participants, "人次"), opening_sentence


@pytest.mark.parametrize("category", sorted({a[0] for a in ACTIVITIES if activity_figures()[a[0]][0] == 1}))
def test_a_lone_activity_is_told_as_the_event_not_counted(document, category):
    (title, participants), = [(a[1], a[4]) for a in ACTIVITIES if a[0] == category]
    opening_sentence = first_sentence(text_of(document, f"activity.{category}"))
    assert title in opening_sentence, opening_sentence
    assert states(opening_sentence, participants, "名"), opening_sentence
    assert not re.search(r"(?<![\d.])1[次项期]", opening_sentence), opening_sentence


def test_activities_that_started_last_year_or_belong_to_another_union_do_not_count(document):
    count, participants = activity_figures()[C.SPORTS]  # 3 activities, 125 人次
    text = text_of(document, f"activity.{C.SPORTS}")
    assert states(first_sentence(text), count, "次") and states(first_sentence(text), participants, "人次")
    assert "跨年迎新长跑" not in text and "99人次" not in text
    assert "职工拔河比赛" not in text and "77人次" not in text


def test_a_multi_day_activity_counts_once_and_is_dated_by_its_span(document):
    text = text_of(document, f"activity.{C.TRAINING}")
    assert states(first_sentence(text), 2, "期")
    assert "8月21日至24日" in text


def test_culture_total_adds_up_the_culture_categories(document):
    culture = [a for a in ACTIVITIES if a[0] in (C.FESTIVAL, C.SPORTS)]
    text = text_of(document, "culture.total")
    assert states(text, len(culture), "次")
    assert states(text, sum(a[4] for a in culture), "人次")


# -- welfare ----------------------------------------------------------------------------------


def welfare_figures():
    figures = defaultdict(lambda: {"count": 0, "headcount": 0, "cash": Decimal(0), "goods": Decimal(0)})
    for reason, _day, _member, headcount, cash, goods in PAYMENTS:
        row = figures[reason]
        row["count"] += 1
        row["headcount"] += headcount
        row["cash"] += Decimal(cash)
        row["goods"] += Decimal(goods)
    return figures


def test_the_example_amounts_are_written_as_a_union_document_writes_them():
    # The formatter the figure tests rely on.
    assert written_yuan(Decimal("1234.50")) == "1234.5元"
    assert written_yuan(Decimal("5900.00")) == "5900元"
    assert written_yuan(Decimal("123400")) == "123400元"
    assert written_yuan(Decimal("120000")) == "120000元"
    assert written_yuan(Decimal("100000.50")) == "100000.5元"
    assert written_yuan(Decimal("99999.99")) == "99999.99元"
    figures = welfare_figures()
    assert any(f["cash"] + f["goods"] >= 100000 for f in figures.values())
    assert any(f["cash"] + f["goods"] < 100000 for f in figures.values())
    assert len(figures) >= 6


@pytest.mark.parametrize("reason", sorted({p[0] for p in PAYMENTS}))
def test_each_welfare_reason_states_its_headcount_and_amount(document, reason):
    row = welfare_figures()[reason]
    text = text_of(document, f"welfare.{reason}")
    assert states(text, row["headcount"], "人次"), text
    assert states_amount(text, row["cash"] + row["goods"]), (written_yuan(row["cash"] + row["goods"]), text)


def test_large_amounts_stay_in_yuan_so_a_sentence_never_mixes_units(document):
    text = text_of(document, f"welfare.{R.FESTIVAL}")
    assert "123400元" in text and "万元" not in text
    # Cash and goods both given: both are stated beside the total.
    assert states(text, "90000元") and states(text, "33400元")


def test_an_amount_with_fen_is_written_exactly(document):
    text = text_of(document, f"welfare.{R.SERIOUS_ILLNESS}")
    assert "100000.5元" in text
    assert "万元" not in text


def test_welfare_total_states_count_headcount_cash_goods_and_total(document):
    cash = sum(Decimal(p[4]) for p in PAYMENTS)
    goods = sum(Decimal(p[5]) for p in PAYMENTS)
    text = text_of(document, "welfare.total")
    assert states(text, len(PAYMENTS), "次"), text
    assert states(text, sum(p[3] for p in PAYMENTS), "人次"), text
    assert states_amount(text, cash), (written_yuan(cash), text)
    assert states_amount(text, goods), (written_yuan(goods), text)
    assert states_amount(text, cash + goods), (written_yuan(cash + goods), text)


def test_hardship_register_counts_active_members_on_file(document):
    hardship = sum(1 for m in MEMBERS if m[3] and m[2] == MemberStatus.ACTIVE)
    assert states(text_of(document, "welfare.hardship_register"), hardship, "名")


# -- honors -----------------------------------------------------------------------------------


def test_honors_total_states_the_total_and_each_levels_count(document):
    text = text_of(document, "honors.total")
    assert states(text, len(HONORS), "项"), text
    by_level = defaultdict(int)
    for honor in HONORS:
        by_level[honor[1]] += 1
    assert len(by_level) == 3
    for level, count in by_level.items():
        assert f"{LEVEL_LABELS[level]}{count}项" in text, (level, text)


def test_each_honor_names_title_level_and_awarding_body(document, school):
    honors = {h.title: h for h in school.honor_set.all()}
    for title, level, body, _kind, recipients, _day in HONORS:
        text = text_of(document, f"honor.{honors[title].pk}")
        assert title in text and LEVEL_IN_PROSE[level] in text and body in text, text
        if recipients:
            assert recipients in text


# -- meetings ---------------------------------------------------------------------------------


def test_congress_states_session_kind_and_proposals(document, school):
    meeting = school.meeting_set.get(kind=MeetingKind.STAFF_CONGRESS)
    text = text_of(document, f"meeting.{meeting.pk}")
    assert f"{CONGRESS['session']}{MEETING_LABELS[CONGRESS['kind']]}" in text, text
    assert states(text, CONGRESS["proposals_received"], "件"), text
    assert states(text, CONGRESS["proposals_accepted"], "件"), text
    assert text.index(f"{CONGRESS['proposals_received']}件") < text.index(f"{CONGRESS['proposals_accepted']}件")


def test_committee_meetings_paragraph_states_each_kinds_count(document):
    text = text_of(document, "meetings.committees")
    counts = defaultdict(int)
    for kind, _day in COMMITTEE_MEETINGS:
        counts[kind] += 1
    for kind, count in counts.items():
        assert f"{MEETING_LABELS[kind]}{count}次" in text, (kind, text)
    assert MEETING_LABELS[MeetingKind.STAFF_CONGRESS] not in text


# -- members ----------------------------------------------------------------------------------


def test_membership_states_register_women_workforce_and_join_rate(document):
    active = [m for m in MEMBERS if m[2] == MemberStatus.ACTIVE]
    female = sum(1 for m in active if m[1] == "female")
    text = text_of(document, "members.register")
    assert states(text, len(active), "人"), text
    assert states(text, female, "人"), text
    assert states(text, WORKFORCE, "人"), text
    assert written_rate(len(active), WORKFORCE) == "86.7"
    assert f"入会率{written_rate(len(active), WORKFORCE)}%" in text, text


def test_membership_states_members_who_joined_in_the_year(document):
    joined = sum(1 for m in MEMBERS if m[4])
    assert states(text_of(document, "members.register"), joined, "人")


def test_women_paragraph_states_the_female_members(document):
    female = sum(1 for m in MEMBERS if m[1] == "female" and m[2] == MemberStatus.ACTIVE)
    assert states(text_of(document, "members.female"), female, "人")


# -- isolation --------------------------------------------------------------------------------


def without_comparisons(snapshot):
    """The snapshot without the "较上年…" clauses that last year's records add by design."""
    clause = re.compile(r"，(较上年[^，。]*|与上年持平)")
    return [(key, clause.sub("", text)) for key, text in snapshot]


def test_records_of_other_unions_and_other_years_change_no_figure(cast, school, year):
    before = text_snapshot(document_of(services.create_summary(branch=school, year=year, user=None)))

    for branch in (cast.plant, cast.clinic):
        make_member(branch, "外单位会员", gender="female", is_hardship=True, joined_on=datetime.date(year, 5, 1))
        make_activity(branch, datetime.date(year, 5, 5), category=C.TRAINING, participants=300)
        make_activity(branch, datetime.date(year, 5, 6), category=C.SAFETY, participants=30)
        make_payment(branch, datetime.date(year, 5, 7), reason=R.SICKNESS, cash=Decimal("888"))
        make_honor(branch, datetime.date(year, 5, 8), "外单位荣誉", level=HonorLevel.NATIONAL)
        make_meeting(branch, datetime.date(year, 5, 9), kind=MeetingKind.COMMITTEE)
        make_meeting(branch, datetime.date(year, 5, 10), kind=MeetingKind.WORKERS_CONGRESS,
                     proposals_received=5, proposals_accepted=5)
    for day in (datetime.date(year - 1, 12, 31), datetime.date(year + 1, 1, 1)):
        make_activity(school, day, category=C.SPORTS, participants=300)
        make_activity(school, day, category=C.SAFETY, participants=30)
        make_payment(school, day, reason=R.BIRTHDAY, cash=Decimal("200"))
        make_payment(school, day, reason=R.FESTIVAL, cash=Decimal("200"), headcount=3)
        make_honor(school, day, "别年荣誉", level=HonorLevel.NATIONAL)
        make_meeting(school, day, kind=MeetingKind.COMMITTEE)
        make_meeting(school, day, kind=MeetingKind.STAFF_CONGRESS, session="六届二次",
                     proposals_received=7, proposals_accepted=1)

    Report.objects.filter(branch=school).delete()
    after = text_snapshot(document_of(services.create_summary(branch=school, year=year, user=None)))
    assert without_comparisons(after) == without_comparisons(before)
