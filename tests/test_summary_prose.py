"""A drafted summary reads like a union's own: no sentence frame worn out, every outcome told
beside its event, every linked prize in its event's sentence, events taken part in never told as
held, titles told as conferred, money collected or obtained for members never called the union's
payments, none of the known faults, the 落款 dated by the deadline rule, and the figures of
series, totals and comparisons right; in the unit's own words.

Run on the demo unions' summaries and on made-up union-years of every sector (tests/union_years.py).
"""
import datetime
import re

import pytest

from reports.choices import ActivityCategory as C
from reports.choices import BranchKind, FestivalOccasion, Sector, UnitKind
from reports.demo import load_demo
from reports.documents import services
from reports.documents.facts import gather_summary_facts
from reports.documents.narration import participation_of
from reports.documents.summary import draft_summary
from reports.models import Activity, Branch, ReportingDeadlines

from .conftest import make_branch
from .drafting_helpers import first_sentence, states
from .records import make_payment
from .prose import (
    attended_told_as_held,
    faults,
    obtained_money_called_payments,
    overused_frames,
    record_names,
    titles_not_conferred,
    union_welfare_total,
    untold_linked_prizes,
    untold_outcomes,
    written,
)
from .records import make_activity
from .union_years import make_union_year

SECTORS = [choice.value for choice in Sector]


def check(document, branch, year, *, today=None):
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    names = record_names(branch, start, end)
    assert overused_frames(document, names) == {}
    assert untold_outcomes(document, branch, start, end) == []
    assert untold_linked_prizes(document, branch, start, end) == []
    assert attended_told_as_held(document, branch, start, end) == []
    assert titles_not_conferred(document, branch, start, end) == []
    assert obtained_money_called_payments(document, branch, start, end) == []
    total = document.paragraph("welfare.total")
    assert total is None or written(union_welfare_total(branch, start, end)) in total.text, total.text
    assert faults(document, branch, year, today=today) == []


# -- the demo ---------------------------------------------------------------------------------


def test_demo_summaries_read_well(db, today):
    load_demo()
    for code in ("school", "waterworks", "bureau"):
        branch = Branch.objects.get(code=code)
        document = services.draft_summary_for(branch, today.year - 1, half=False)
        check(document, branch, today.year - 1, today=today)


# -- made-up union-years ----------------------------------------------------------------------


@pytest.fixture
def county(db):
    return make_branch("county", kind=BranchKind.FEDERATION, sector=Sector.GOVERNMENT)


@pytest.mark.parametrize("variant", ["one of each", "many", "many with a year before"])
@pytest.mark.parametrize("sector", SECTORS)
def test_generated_union_years_read_well(county, last_year, today, sector, variant):
    branch = make_branch(f"u-{sector}", parent=county, sector=sector, workforce=20)
    make_union_year(branch, last_year, seed=len(sector) * 7 + len(variant), many=variant != "one of each",
                    previous=variant.endswith("year before"))
    document = services.draft_summary_for(branch, last_year, half=False)
    check(document, branch, last_year, today=today)


@pytest.fixture
def busy_year(county, last_year):
    branch = make_branch("busy", parent=county, sector=Sector.ENTERPRISE, workforce=20)
    make_union_year(branch, last_year, seed=3, many=True, previous=True)
    return branch


def test_a_numbered_series_is_told_once_with_its_count_and_participants(busy_year, last_year):
    document = services.draft_summary_for(busy_year, last_year, half=False)
    text = document.paragraph(f"activity.{C.TRAINING}").text
    assert text.count("班组长安全培训班") == 1, text
    assert states(text, 3, "期") and states(text, 30 + 31 + 32, "人次"), text
    assert "26人全部取得培训合格证" in text
    sports = document.paragraph(f"activity.{C.SPORTS}").text
    assert sports.count("职工篮球联赛") == 1 and states(sports, 3, "场"), sports


def test_taking_part_is_written_as_taking_part(busy_year, last_year):
    document = services.draft_summary_for(busy_year, last_year, half=False)
    sports = document.paragraph(f"activity.{C.SPORTS}").text
    # The prize won there is told in the event's sentence, not again among the honours.
    assert re.search(r"参加县总工会主办的全县职工篮球赛[^。]*，获团体第三名。", sports), sports
    culture = document.paragraph(f"activity.{C.CULTURE}").text
    assert "示范市总工会主办的全市职工合唱比赛" in culture and "获得金奖" in culture, culture
    assert "本次活动" not in culture and culture.count("金奖") == 1, culture
    honors = "".join(p.text for p in document.section("honors").paragraphs)
    assert "篮球赛" not in honors and "合唱比赛" not in honors, honors
    assert "荣誉称号2项、奖项4项" in honors, honors


def test_participation_is_the_records_own(busy_year):
    modes = {a.title: participation_of(a) for a in Activity.objects.filter(branch=busy_year)}
    assert modes["参加全县职工篮球赛"] == "attend"
    assert modes["全市职工合唱比赛"] == "attend"
    assert modes["职工子女书法兴趣班"] == "joint"
    assert modes["首届职工运动会"] == "host"
    # An old row left at the default whose title opens with 参加 was someone else's event.
    assert modes["组队参加全市职工技能大赛"] == "attend"
    held = Activity.objects.filter(branch=busy_year, title="首届职工运动会").first()
    held.partners = "示范市总工会主办"  # partners alone do not make it someone else's
    assert participation_of(held) == "host"
    held.participation = "joint"
    assert participation_of(held) == "joint"


def test_small_events_are_named_together(busy_year, last_year):
    document = services.draft_summary_for(busy_year, last_year, half=False)
    for key in (f"activity.{C.SPORTS}", f"activity.{C.FESTIVAL}"):
        text = document.paragraph(key).text
        told_alone = len(re.findall(r"\d+月\d+日", text))
        assert told_alone <= 4, text  # a few highlights, not a diary


def test_the_year_before_is_compared_and_absent_years_say_nothing(county, last_year):
    with_before = make_branch("withbefore", parent=county, sector=Sector.SCHOOL)
    make_union_year(with_before, last_year, seed=5, many=True, previous=True)
    alone = make_branch("firstyear", parent=county, sector=Sector.SCHOOL)
    make_union_year(alone, last_year, seed=5, many=True, previous=False)

    def figures(branch, year):
        rows = Activity.objects.filter(branch=branch, start_date__year=year, category=C.SPORTS)
        return rows.count(), sum(a.participants for a in rows)

    document = services.draft_summary_for(with_before, last_year, half=False)
    sports = first_sentence(document.paragraph(f"activity.{C.SPORTS}").text)
    (count, participants), (count_before, participants_before) = figures(with_before, last_year), figures(with_before, last_year - 1)
    difference = participants - participants_before
    assert count_before and states(sports, count, "次") and states(sports, participants, "人次"), sports
    if difference:
        word = "增加" if difference > 0 else "减少"
        assert "较上年" in sports and re.search(rf"{word}(\d+次、)?{abs(difference)}人次", sports), sports

    first = services.draft_summary_for(alone, last_year, half=False)
    assert not any("较上年" in p.text or "与上年持平" in p.text for p in first.all_paragraphs())


# -- welfare ----------------------------------------------------------------------------------


def test_festivals_are_named_as_they_happened(county, last_year):
    branch = make_branch("march", parent=county, sector=Sector.SCHOOL)
    make_union_year(branch, last_year, seed=1, many=False, previous=False)  # festival pay in March only
    document = services.draft_summary_for(branch, last_year, half=False)
    assert document.paragraph("welfare.festival") is None
    text = document.paragraph("welfare.womens_day").text
    assert text.startswith("“三八”节期间") and "全体女职工20人" in text and "2000元" in text, text
    assert "慰问金" not in text, text  # goods only


def test_the_festivals_visited_are_named_in_order(busy_year, last_year):
    document = services.draft_summary_for(busy_year, last_year, half=False)
    text = document.paragraph("welfare.festival").text
    # 20 January: 春节 from the date; 20 September: 中秋 as recorded, which serves 国庆 too.
    assert text.startswith("在春节、中秋节、国庆节期间"), text
    assert "三八" not in text and states(text, 60 + 58, "人次"), text
    assert "“三八”节期间" in document.paragraph("welfare.womens_day").text


def test_teachers_day_is_named_among_the_festivals(county, last_year):
    school = make_branch("teachers", parent=county, sector=Sector.SCHOOL)
    make_payment(school, datetime.date(last_year, 1, 20), recipients="困难教职工", headcount=10)
    teachers_day = make_payment(school, datetime.date(last_year, 9, 8), recipients="全体在职教职工", headcount=45)
    make_payment(school, datetime.date(last_year, 9, 20), occasion=FestivalOccasion.MID_AUTUMN, headcount=45)
    assert teachers_day.festival_occasion() == FestivalOccasion.TEACHERS_DAY
    text = services.draft_summary_for(school, last_year, half=False).paragraph("welfare.festival").text
    assert text.startswith("在春节、教师节、中秋节"), text


def test_money_collected_or_obtained_is_told_apart(busy_year, last_year):
    document = services.draft_summary_for(busy_year, last_year, half=False)
    donation = document.paragraph("welfare.obtained.donation").text
    assert "捐款6830元" in donation and "转交" in donation and "慰问金" not in donation, donation
    relief = document.paragraph("welfare.obtained.relief_applied").text
    assert "申请" in relief and "救助款8430元" in relief and "410元" in relief, relief
    serious = document.paragraph("welfare.serious_illness")
    assert serious is None  # the only 大病 money was donated or applied for


def test_insurance_is_an_enrolment_outside_the_visits(busy_year, last_year):
    document = services.draft_summary_for(busy_year, last_year, half=False)
    insurance = document.paragraph("welfare.mutual_insurance").text
    assert "40名" in insurance and "2400元" in insurance and "人次" not in insurance, insurance
    visits = [p for p in busy_year.welfarepayment_set.filter(date__year=last_year)
              if p.reason != "mutual_insurance" and p.is_union_payment]
    total = document.paragraph("welfare.total").text
    assert states(total, sum(p.headcount for p in visits), "人次"), total


# -- the unit's own words -----------------------------------------------------------------------

UNITS = [
    # (unit kind, sector, name, words it must use, words it must not)
    (UnitKind.KINDERGARTEN, Sector.SCHOOL, "示范县实验幼儿园工会委员会", ["本园教职工", "园党支部", "园务公开"], ["学校", "本校", "校园", "校务"]),
    (UnitKind.HOSPITAL, Sector.HOSPITAL, "示范县中心卫生院工会委员会", ["本院医务职工", "院党委"], ["学校", "公司", "本单位"]),
]


@pytest.mark.parametrize("unit_kind, sector, name, said, unsaid", UNITS)
def test_a_unit_speaks_of_itself_in_its_own_words(county, last_year, today, unit_kind, sector, name, said, unsaid):
    branch = make_branch(f"unit-{unit_kind}", parent=county, sector=sector, workforce=20, name=name, unit_kind=unit_kind)
    make_union_year(branch, last_year, seed=11, many=True, previous=True)
    document = services.draft_summary_for(branch, last_year, half=False)
    check(document, branch, last_year, today=today)
    text = "".join(p.text for p in document.all_paragraphs())
    assert all(word in text for word in said), [w for w in said if w not in text]
    assert [w for w in unsaid if w in text] == []


def test_the_party_organisation_the_branch_names_leads(county, last_year):
    branch = make_branch("led", parent=county, sector=Sector.SCHOOL, name="示范县实验幼儿园工会委员会",
                         party_organisation="中共示范县实验幼儿园支部委员会")
    make_union_year(branch, last_year, seed=4, many=False, previous=False)
    opening = services.draft_summary_for(branch, last_year, half=False).preamble[0].text
    assert "在中共示范县实验幼儿园支部委员会和上级工会的正确领导下" in opening, opening


# -- problems, plans and the date -------------------------------------------------------------


def test_problems_come_from_the_records_and_must_be_confirmed(county, last_year):
    branch = make_branch("gaps", parent=county, sector=Sector.ENTERPRISE)
    make_union_year(branch, last_year, seed=2, many=False, previous=False)
    Activity.objects.filter(branch=branch, category__in=[C.WOMEN, C.TRAINING, C.POLITICAL_STUDY]).delete()
    document = services.draft_summary_for(branch, last_year, half=False)
    problems = document.section("problems").paragraphs
    keys = [p.key for p in problems]
    assert "problems.women" in keys and "problems.training" in keys, keys
    assert all(p.placeholder for p in problems)
    # Two of three registered hardship members had no payment (tests/union_years.py).
    hardship = document.paragraph("problems.hardship").text
    assert states(hardship, 2, "名"), hardship
    ahead = document.section("next_year").paragraphs
    assert [p.key for p in ahead] == [k.replace("problems.", "next.") for k in keys]
    assert all(p.placeholder for p in ahead)


def test_a_year_the_records_find_nothing_wrong_with_keeps_the_general_paragraphs(cast, last_year):
    document = services.draft_summary_for(cast.school, last_year, half=False)
    problems = document.section("problems").paragraphs
    assert problems and all(re.fullmatch(r"problems(\.\d+)?", p.key) for p in problems), [p.key for p in problems]
    assert all(p.placeholder for p in problems)


def test_signature_date_is_the_drafting_day_until_the_deadline(cast, last_year):
    make_activity(cast.school, datetime.date(last_year, 4, 1), participants=10)

    def signed(today):
        facts = gather_summary_facts(cast.school, last_year, today=today)
        return draft_summary(facts).date

    assert signed(datetime.date(last_year + 1, 1, 6)) == f"{last_year + 1}-01-06"
    assert signed(datetime.date(last_year + 1, 1, 31)) == f"{last_year + 1}-01-31"
    assert signed(datetime.date(last_year + 1, 12, 1)) == f"{last_year + 1}-01-31"
    ReportingDeadlines.objects.create(branch=cast.county, summary_month=2, summary_day=15)
    assert signed(datetime.date(last_year + 1, 12, 1)) == f"{last_year + 1}-02-15"
    assert signed(datetime.date(last_year + 1, 2, 3)) == f"{last_year + 1}-02-03"


def test_visits_on_life_events_are_told_in_one_sentence(cast, last_year):
    from reports.choices import WelfareReason as R

    from .records import make_payment

    for day, reason in enumerate([R.WEDDING, R.BIRTH, R.BEREAVEMENT], start=1):
        make_payment(cast.school, datetime.date(last_year, 5, day), reason=reason, headcount=1, cash="500")
    document = services.draft_summary_for(cast.school, last_year, half=False)
    welfare = [p.key for p in document.section("welfare").paragraphs]
    assert "welfare.occasions" in welfare
    assert not {f"welfare.{r}" for r in (R.WEDDING, R.BIRTH, R.BEREAVEMENT)} & set(welfare)
    text = document.paragraph("welfare.occasions").text
    assert text.startswith("教职工结婚、生育或家中遇有丧事时")
    assert "3人次" in text and "1500元" in text


def test_a_title_that_says_who_went_is_not_told_twice(cast, last_year):
    from reports.choices import Participation

    Activity.objects.create(
        branch=cast.school, title="组织职工参加全县职工乒乓球比赛", category=C.SPORTS, participants=6,
        start_date=datetime.date(last_year, 5, 20), participation=Participation.ATTENDED, partners="示范县总工会",
        result="获团体第二名",
    )
    document = services.draft_summary_for(cast.school, last_year, half=False)
    text = "".join(p.text for p in document.all_paragraphs())
    assert "全县职工乒乓球比赛" in text
    assert "参加组织职工参加" not in text and "主办的组织职工参加" not in text


def test_an_honour_already_told_in_an_events_outcome_is_not_told_again(cast, last_year):
    from reports.choices import HonorKind, HonorLevel, RecipientKind

    from .records import make_honor

    Activity.objects.create(
        branch=cast.school, title="全市教师技能竞赛", category=C.COMPETITION, participants=3,
        start_date=datetime.date(last_year, 6, 26), result="韩磊获得个人二等奖，被授予“技术能手”称号",
    )
    make_honor(cast.school, datetime.date(last_year, 7, 10), title="技术能手", kind=HonorKind.TITLE,
               level=HonorLevel.MUNICIPAL, recipient_kind=RecipientKind.INDIVIDUAL, recipients="韩磊")
    make_honor(cast.school, datetime.date(last_year, 9, 10), title="优秀班主任", kind=HonorKind.TITLE,
               level=HonorLevel.COUNTY, recipient_kind=RecipientKind.INDIVIDUAL, recipients="李慧")
    document = services.draft_summary_for(cast.school, last_year, half=False)
    text = "".join(p.text for p in document.all_paragraphs())
    assert text.count("技术能手") == 1
    assert "优秀班主任" in text
