"""刷新数据: new figures come into a summary without losing the secretary's words.

Per drafted paragraph (by key): unedited -> replaced; edited -> kept, new text offered in
`pending`; no longer drafted -> removed if unedited, kept and `orphaned` if edited; newly drafted
-> inserted where the drafter puts it unless she removed that key. Her own paragraphs are never
touched.
"""
import datetime
from decimal import Decimal

import pytest

from reports.choices import ActivityCategory as C
from reports.choices import WelfareReason as R
from reports.documents import editing, services
from reports.documents.content import Document, Paragraph, Section
from reports.documents.errors import Code
from reports.documents.facts import gather_summary_facts
from reports.documents.refresh import RefreshOutcome, merge_refresh
from reports.documents.summary import draft_summary

from .drafting_helpers import (
    apply_fields_ok,
    document_of,
    first_sentence,
    is_chinese,
    keys_of,
    save_edit,
    section_keys,
    states,
)
from .records import make_activity, make_payment
from .reviews import raises_refusal

SPORTS = f"activity.{C.SPORTS}"
FESTIVAL = f"activity.{C.FESTIVAL}"
HER_TEXT = "全年组织教职工体育活动，增强了教职工体质。"


@pytest.fixture
def year(last_year):
    return last_year


@pytest.fixture
def day(year):
    def on(month, dd=10):
        return datetime.date(year, month, dd)
    return on


@pytest.fixture
def report(cast, year, day):
    """A summary drafted from one sports and one festival activity and one festival payment."""
    make_activity(cast.school, day(4), "春季趣味运动会", category=C.SPORTS, participants=20)
    make_activity(cast.school, day(1), "迎新春联欢会", category=C.FESTIVAL, participants=30)
    make_payment(cast.school, day(1), reason=R.FESTIVAL, headcount=10, cash=Decimal("1000"))
    return services.create_summary(branch=cast.school, year=year, user=None)


def set_text(key, text):
    def change(document):
        document.paragraph(key).text = text
    return change


def sports_figures(document):
    return first_sentence(document.paragraph(SPORTS).text)


# -- (a) unedited paragraphs ------------------------------------------------------------------


def test_unedited_paragraph_takes_the_new_figures(cast, report, day):
    make_activity(cast.school, day(5), "教职工拔河比赛", category=C.SPORTS, participants=15)
    outcome = services.refresh_figures(report=report, user=None)
    paragraph = document_of(report).paragraph(SPORTS)
    assert states(sports_figures(document_of(report)), 2, "次")
    assert states(sports_figures(document_of(report)), 35, "人次")
    assert "教职工拔河比赛" in paragraph.text
    assert paragraph.drafted == paragraph.text and paragraph.pending == ""
    assert outcome.updated >= 1 and outcome.pending == 0


def test_refresh_without_new_records_changes_nothing(report):
    before = report.current_revision().content
    outcome = services.refresh_figures(report=report, user=None)
    assert (outcome.updated, outcome.added, outcome.removed, outcome.pending, outcome.orphaned) == (0, 0, 0, 0, 0)
    assert document_of(report).to_dict() == Document.from_dict(before).to_dict()


# -- (b) edited paragraphs --------------------------------------------------------------------


@pytest.fixture
def edited(report):
    save_edit(report, set_text(SPORTS, HER_TEXT))
    return report


def test_edited_paragraph_keeps_her_text_and_offers_the_new_figures(cast, edited, day):
    make_activity(cast.school, day(5), "教职工拔河比赛", category=C.SPORTS, participants=15)
    outcome = services.refresh_figures(report=edited, user=None)
    paragraph = document_of(edited).paragraph(SPORTS)
    assert paragraph.text == HER_TEXT
    assert states(first_sentence(paragraph.pending), 2, "次")
    assert states(first_sentence(paragraph.pending), 35, "人次")
    assert outcome.pending == 1


def test_edited_paragraph_without_new_figures_gets_no_notice(edited):
    services.refresh_figures(report=edited, user=None)
    paragraph = document_of(edited).paragraph(SPORTS)
    assert paragraph.text == HER_TEXT and paragraph.pending == ""


def test_accepting_takes_the_new_text(cast, edited, day):
    make_activity(cast.school, day(5), "教职工拔河比赛", category=C.SPORTS, participants=15)
    services.refresh_figures(report=edited, user=None)
    pending = document_of(edited).paragraph(SPORTS).pending

    document = save_edit(edited, lambda d: editing.apply_action(d, f"accept:{SPORTS}"))
    paragraph = document.paragraph(SPORTS)
    assert paragraph.text == pending == paragraph.drafted
    assert paragraph.pending == "" and not paragraph.edited


def test_dismissing_keeps_her_text_and_the_notice_returns_only_with_new_figures(cast, edited, day):
    make_activity(cast.school, day(5), "教职工拔河比赛", category=C.SPORTS, participants=15)
    services.refresh_figures(report=edited, user=None)

    document = save_edit(edited, lambda d: editing.apply_action(d, f"dismiss:{SPORTS}"))
    assert document.paragraph(SPORTS).text == HER_TEXT
    assert document.paragraph(SPORTS).pending == ""

    outcome = services.refresh_figures(report=edited, user=None)
    assert document_of(edited).paragraph(SPORTS).pending == ""
    assert outcome.pending == 0

    make_activity(cast.school, day(10), "秋季运动会", category=C.SPORTS, participants=40)
    outcome = services.refresh_figures(report=edited, user=None)
    paragraph = document_of(edited).paragraph(SPORTS)
    assert paragraph.text == HER_TEXT
    assert states(first_sentence(paragraph.pending), 3, "次") and states(first_sentence(paragraph.pending), 75, "人次")
    assert outcome.pending == 1


def test_pending_notice_is_withdrawn_when_the_figures_go_back(cast, edited, day):
    added = make_activity(cast.school, day(5), "教职工拔河比赛", category=C.SPORTS, participants=15)
    services.refresh_figures(report=edited, user=None)
    assert document_of(edited).paragraph(SPORTS).pending

    added.delete()
    services.refresh_figures(report=edited, user=None)
    paragraph = document_of(edited).paragraph(SPORTS)
    assert paragraph.text == HER_TEXT
    assert paragraph.pending == "", paragraph.pending


def test_edited_text_that_already_says_the_new_figures_gets_no_notice(cast, report, day):
    make_activity(cast.school, day(5), "教职工拔河比赛", category=C.SPORTS, participants=15)
    # What the drafter will now write, typed in by her before the refresh.
    new_text = draft_summary(gather_summary_facts(cast.school, report.year)).paragraph(SPORTS).text
    save_edit(report, set_text(SPORTS, new_text))
    outcome = services.refresh_figures(report=report, user=None)
    paragraph = document_of(report).paragraph(SPORTS)
    assert paragraph.text == new_text and paragraph.pending == "" and not paragraph.edited
    assert outcome.pending == 0


# -- (c) her own paragraphs -------------------------------------------------------------------


def add_her_paragraph(report, section_key, text):
    def change(document):
        editing.apply_action(document, f"add_paragraph:{section_key}")
        new = document.section(section_key).paragraphs[-1]
        assert editing.apply_fields(document, {f"p:{new.key}": text}) == []
    document = save_edit(report, change)
    return document.section(section_key).paragraphs[-1].key


def test_her_own_paragraph_is_never_touched(cast, report, day):
    key = add_her_paragraph(report, "culture", "工会还组织了教职工合唱团排练。")
    make_activity(cast.school, day(6), "教职工篮球赛", category=C.SPORTS, participants=12)
    services.refresh_figures(report=report, user=None)
    document = document_of(report)
    mine = document.paragraph(key)
    assert mine.text == "工会还组织了教职工合唱团排练。"
    assert not mine.is_drafted and mine.pending == "" and not mine.orphaned
    assert keys_of(document.section("culture").paragraphs)[-1] == key


def test_her_own_paragraph_keeps_its_section_when_the_records_are_gone(cast, report):
    key = add_her_paragraph(report, "culture", "工会还组织了教职工合唱团排练。")
    cast.school.activity_set.all().delete()
    services.refresh_figures(report=report, user=None)
    document = document_of(report)
    assert keys_of(document.section("culture").paragraphs) == [key]


# -- (d) records deleted ----------------------------------------------------------------------


def test_unedited_paragraph_of_deleted_records_goes_with_its_emptied_section(cast, report, day):
    make_activity(cast.school, day(6), "安全生产检查", category=C.SAFETY, participants=8)
    services.refresh_figures(report=report, user=None)
    assert document_of(report).section("safety") is not None

    cast.school.activity_set.filter(category=C.SAFETY).delete()
    outcome = services.refresh_figures(report=report, user=None)
    document = document_of(report)
    assert document.paragraph(f"activity.{C.SAFETY}") is None
    assert document.section("safety") is None
    assert outcome.removed == 1


def test_unedited_paragraph_goes_but_the_section_stays_while_others_remain(cast, report):
    cast.school.activity_set.filter(category=C.SPORTS).delete()
    services.refresh_figures(report=report, user=None)
    document = document_of(report)
    assert document.paragraph(SPORTS) is None
    assert document.paragraph("culture.total") is None  # one culture category left: no total
    assert keys_of(document.section("culture").paragraphs) == [FESTIVAL]


def test_edited_paragraph_of_deleted_records_is_kept_and_marked_orphaned(cast, edited):
    cast.school.activity_set.filter(category=C.SPORTS).delete()
    outcome = services.refresh_figures(report=edited, user=None)
    paragraph = document_of(edited).paragraph(SPORTS)
    assert paragraph is not None and paragraph.text == HER_TEXT
    assert paragraph.orphaned and paragraph.pending == ""
    assert outcome.orphaned == 1


def test_orphaned_paragraph_is_no_longer_orphaned_when_its_records_return(cast, edited, day):
    sports = list(cast.school.activity_set.filter(category=C.SPORTS).values())
    cast.school.activity_set.filter(category=C.SPORTS).delete()
    services.refresh_figures(report=edited, user=None)
    assert document_of(edited).paragraph(SPORTS).orphaned

    make_activity(cast.school, day(4), "春季趣味运动会", category=C.SPORTS, participants=sports[0]["participants"])
    services.refresh_figures(report=edited, user=None)
    paragraph = document_of(edited).paragraph(SPORTS)
    assert not paragraph.orphaned and paragraph.text == HER_TEXT


# -- (e) new categories and reasons -----------------------------------------------------------


def test_new_category_in_a_new_section_goes_between_its_neighbours(cast, report, day):
    assert section_keys(document_of(report))[:3] == ["welfare", "culture", "problems"]
    make_activity(cast.school, day(3), "师德培训", category=C.TRAINING, participants=40)
    outcome = services.refresh_figures(report=report, user=None)
    document = document_of(report)
    assert section_keys(document)[:4] == ["welfare", "education", "culture", "problems"]
    assert keys_of(document.section("education").paragraphs) == [f"activity.{C.TRAINING}"]
    assert outcome.added == 1


def test_new_category_in_an_existing_section_goes_in_drafting_order(cast, report, day):
    make_activity(cast.school, day(5), "读书月", category=C.CULTURE, participants=25)
    services.refresh_figures(report=report, user=None)
    document = document_of(report)
    assert keys_of(document.section("culture").paragraphs) == [
        "culture.total", FESTIVAL, f"activity.{C.CULTURE}", SPORTS,
    ]
    fresh = document.paragraph(f"activity.{C.CULTURE}")
    # A lone activity is told as the event: its participants in 名.
    assert fresh.is_drafted and states(first_sentence(fresh.text), 25, "名")


def test_new_welfare_reason_goes_into_the_welfare_section(cast, report, day):
    make_payment(cast.school, day(3), reason=R.SICKNESS, headcount=2, cash=Decimal("600"))
    services.refresh_figures(report=report, user=None)
    document = document_of(report)
    assert keys_of(document.section("welfare").paragraphs) == [
        "welfare.total", f"welfare.{R.FESTIVAL}", f"welfare.{R.SICKNESS}",
    ]
    assert "600元" in document.paragraph(f"welfare.{R.SICKNESS}").text


# -- (f) what she removed stays removed -------------------------------------------------------


def test_removed_drafted_paragraph_is_not_brought_back(cast, report, day):
    save_edit(report, lambda d: editing.apply_action(d, f"remove_paragraph:{SPORTS}"))
    make_activity(cast.school, day(6), "教职工篮球赛", category=C.SPORTS, participants=12)
    services.refresh_figures(report=report, user=None)
    services.refresh_figures(report=report, user=None)
    document = document_of(report)
    assert document.paragraph(SPORTS) is None
    assert SPORTS in document.dismissed


def test_removed_drafted_section_is_not_brought_back_even_with_new_reasons(cast, report, day):
    save_edit(report, lambda d: editing.apply_action(d, "remove_section:welfare"))
    make_payment(cast.school, day(3), reason=R.SICKNESS, headcount=2, cash=Decimal("600"))
    make_payment(cast.school, day(4), reason=R.FESTIVAL, headcount=2, cash=Decimal("600"))
    services.refresh_figures(report=report, user=None)
    document = document_of(report)
    assert document.section("welfare") is None
    assert not [p.key for p in document.all_paragraphs() if p.key.startswith("welfare.")]


def test_emptied_drafted_paragraph_is_not_brought_back(cast, report, day):
    save_edit(report, lambda d: apply_fields_ok(d, {f"p:{FESTIVAL}": ""}))
    make_activity(cast.school, day(9), "教师节表彰大会", category=C.FESTIVAL, participants=50)
    services.refresh_figures(report=report, user=None)
    assert document_of(report).paragraph(FESTIVAL) is None


# -- (g) plans --------------------------------------------------------------------------------


def test_refresh_is_refused_for_plans(cast, year):
    plan = services.create_plan(branch=cast.school, year=year, user=None)
    before = plan.current_revision().content
    with raises_refusal(Code.NOT_A_SUMMARY) as refusal:
        services.refresh_figures(report=plan, user=None)
    assert is_chinese(str(refusal.value))
    assert plan.current_revision().content == before


def test_refresh_with_a_stale_version_is_refused(report):
    version = report.current_revision().version
    save_edit(report, set_text(SPORTS, HER_TEXT))
    with pytest.raises(services.StaleEdit):
        services.refresh_figures(report=report, expected_version=version, user=None)
    assert document_of(report).paragraph(SPORTS).text == HER_TEXT


# -- (h) the outcome --------------------------------------------------------------------------


def test_message_is_chinese_and_its_counts_match_what_happened(cast, report, day):
    save_edit(report, set_text(FESTIVAL, "围绕传统节日组织了迎新春联欢会。"))
    # updated: sports, culture.total, welfare.total; pending: festival;
    # added: activity.training (new education section) and welfare.sickness;
    # removed: the drafted problem "no training this year" and its intention for next year.
    make_activity(cast.school, day(6), "教职工篮球赛", category=C.SPORTS, participants=12)
    make_activity(cast.school, day(9), "教师节表彰大会", category=C.FESTIVAL, participants=50)
    make_activity(cast.school, day(3), "师德培训", category=C.TRAINING, participants=40)
    make_payment(cast.school, day(3), reason=R.SICKNESS, headcount=2, cash=Decimal("600"))
    outcome = services.refresh_figures(report=report, user=None)
    assert (outcome.updated, outcome.pending, outcome.added, outcome.removed, outcome.orphaned) == (3, 1, 2, 2, 0)
    assert outcome.message == (
        "数据已刷新：更新了 3 段，新增 2 段，删去 2 段已无记录的内容，1 段您修改过的内容有新数据，请逐段确认。"
    )
    assert is_chinese(outcome.message)


def test_message_names_removed_and_orphaned_paragraphs(cast, report):
    save_edit(report, set_text(SPORTS, HER_TEXT))
    cast.school.activity_set.all().delete()
    outcome = services.refresh_figures(report=report, user=None)
    # culture.total and the festival paragraph go, and so do the problems the activities
    # pointed at (no training, no democratic management) with their intentions, since a year
    # without activities says nothing of what was missing (the sector's general problems and
    # the general intention come in their place); her sports paragraph stays orphaned.
    assert (outcome.updated, outcome.added, outcome.removed, outcome.orphaned) == (0, 4, 6, 1)
    assert outcome.message == (
        "数据已刷新：更新了 0 段，新增 4 段，删去 6 段已无记录的内容，1 段您修改过的内容已找不到对应记录，请检查。"
    )


def drafted(key, text):
    return Paragraph(key=key, text=text, drafted=text)


def test_merge_counts_each_case_once():
    current = Document(
        kind="summary", title="t", preamble=[], closing=[], signature="s", date="2025-01-06",
        sections=[Section("a", "甲", [
            drafted("same", "不变。"),
            drafted("changed", "旧数字1次。"),
            Paragraph("edited", "她的文字。", drafted="旧数字2次。"),
            drafted("gone", "已无记录。"),
            Paragraph("gone-edited", "她改过的已无记录。", drafted="原文。"),
            Paragraph("u-mine", "她自己写的。"),
        ])],
    )
    fresh = Document(
        kind="summary", title="t", preamble=[], closing=[], signature="s", date="2025-01-06",
        sections=[Section("a", "甲", [
            drafted("same", "不变。"), drafted("changed", "新数字3次。"), drafted("edited", "新数字4次。"),
            drafted("new", "新段落。"),
        ])],
    )
    outcome = merge_refresh(current, fresh)
    assert outcome == RefreshOutcome(updated=1, pending=1, added=1, removed=1, orphaned=1)
    paragraphs = {p.key: p for p in current.all_paragraphs()}
    assert keys_of(current.sections[0].paragraphs) == ["same", "changed", "edited", "new", "gone-edited", "u-mine"]
    assert paragraphs["changed"].text == "新数字3次。"
    assert paragraphs["edited"].text == "她的文字。" and paragraphs["edited"].pending == "新数字4次。"
    assert paragraphs["gone-edited"].orphaned
    assert paragraphs["u-mine"].text == "她自己写的。"
