"""The editor's rules: which text is accepted (editing.apply_fields), what the structural buttons
do (editing.apply_action), and when a save is refused (services.save_document)."""
import copy
import unicodedata

import pytest

from reports.choices import ReportState
from reports.documents import review, services
from reports.documents.editing import EditError, apply_action, apply_fields
from reports.documents.errors import Code

from .drafting_helpers import document_of, is_chinese, keys_of, section_keys
from .reviews import approve, fill_placeholders, raises_refusal


@pytest.fixture
def summary(cast, last_year):
    return services.create_summary(branch=cast.school, year=last_year, user=None)


@pytest.fixture
def document(summary):
    return document_of(summary)


@pytest.fixture
def plan(cast, last_year):
    return services.create_plan(branch=cast.school, year=last_year, user=None)


@pytest.fixture
def plan_document(plan):
    return document_of(plan)


def refused(document, data):
    """Apply `data`, which must be refused as a whole: return the errors."""
    before = copy.deepcopy(document.to_dict())
    errors = apply_fields(document, data)
    assert errors, data
    assert all(is_chinese(e) for e in errors), errors
    assert document.to_dict() == before, "a refused edit must change nothing"
    return errors


def accepted(document, data):
    errors = apply_fields(document, data)
    assert errors == [], errors
    return document


# -- apply_fields: the title ------------------------------------------------------------------


@pytest.mark.parametrize("title", ["", "   ", "\n"])
def test_title_is_required(document, title):
    assert refused(document, {"title": title}) == ["标题不能为空。"]


def test_title_of_200_characters_is_accepted(document):
    assert accepted(document, {"title": "总" * 200}).title == "总" * 200


def test_title_over_200_characters_is_refused_with_its_length(document):
    errors = refused(document, {"title": "总" * 201})
    assert any("200" in e and "201" in e for e in errors), errors


# -- apply_fields: paragraphs -----------------------------------------------------------------


def test_paragraph_of_5000_characters_is_accepted(document):
    assert accepted(document, {"p:opening": "字" * 5000}).paragraph("opening").text == "字" * 5000


def test_paragraph_over_5000_characters_is_refused_with_its_count(document):
    errors = refused(document, {"p:opening": "字" * 5003})
    assert any("5000" in e and "5003" in e for e in errors), errors


def test_control_characters_are_stripped(document):
    accepted(document, {"p:opening": "\x00全年\x07组织\x1b活动\x08三次。\x0c"})
    assert document.paragraph("opening").text == "全年组织活动三次。"


def test_del_and_c1_control_characters_are_stripped_too(document):
    accepted(document, {"p:opening": "全年\x7f组织\x85活动\x9b三次。"})
    text = document.paragraph("opening").text
    assert [ch for ch in text if unicodedata.category(ch) == "Cc"] == [], repr(text)


def test_invisible_format_characters_are_stripped(document):
    # zero-width space, word joiner, byte order mark, soft hyphen, right-to-left override
    accepted(document, {"p:opening": "\u200b全年\u2060组织\ufeff活动\u00ad三次\u202e。"})
    assert document.paragraph("opening").text == "全年组织活动三次。"
    assert refused(document, {"title": "\u200b\ufeff"}) == ["标题不能为空。"]


def test_newlines_inside_a_paragraph_are_removed(document):
    accepted(document, {"p:opening": "第一行\n第二行\r\n第三行\r第四行。\n"})
    assert document.paragraph("opening").text == "第一行第二行第三行第四行。"


def test_surrounding_spaces_are_trimmed(document):
    accepted(document, {"p:opening": "  两端有空格。 \t"})
    assert document.paragraph("opening").text == "两端有空格。"


def test_an_emptied_drafted_paragraph_is_removed_and_remembered(document):
    key = document.section("problems").paragraphs[0].key
    accepted(document, {f"p:{key}": "  "})
    assert document.paragraph(key) is None
    assert key in document.dismissed


def test_an_emptied_paragraph_of_her_own_is_removed_and_not_remembered(document):
    apply_action(document, "add_paragraph:problems")
    mine = document.section("problems").paragraphs[-1].key
    accepted(document, {f"p:{mine}": ""})
    assert document.paragraph(mine) is None
    assert mine not in document.dismissed


def test_a_heading_is_required(document):
    errors = refused(document, {"h:problems": ""})
    assert any("不能为空" in e for e in errors)


def test_fields_not_posted_are_left_alone(document):
    before = document.to_dict()
    accepted(document, {})
    assert document.to_dict() == before


# -- apply_fields: date, schedule labels and categories ---------------------------------------


@pytest.mark.parametrize("value", ["2025-02-30", "2025/01/06", "明天", ""])
def test_a_bad_date_is_refused(document, value):
    errors = refused(document, {"date": value})
    assert any("日期" in e for e in errors), errors


def test_a_good_date_is_accepted(document):
    assert accepted(document, {"date": " 2025-01-06 "}).date == "2025-01-06"


def first_entry(plan_document):
    return plan_document.section("schedule").schedule[0]


def test_month_label_in_seasons_is_refused(plan_document):
    entry = first_entry(plan_document)
    errors = refused(plan_document, {f"e:{entry.key}": "春季"})
    assert any("春季" in e for e in errors), errors


@pytest.mark.parametrize(
    "label, months",
    [("七、八月份", [7, 8]), ("十二月份", [12]), ("3月", [3]), ("九至十月份", [9, 10]), ("十一、十二月份", [11, 12])],
)
def test_month_label_sets_the_entrys_months(plan_document, label, months):
    entry = first_entry(plan_document)
    accepted(plan_document, {f"e:{entry.key}": label})
    assert (entry.label, entry.months) == (label, months)


@pytest.mark.parametrize("label", ["十三月份", "0月", "全年", "每月"])
def test_month_label_naming_no_month_is_refused(plan_document, label):
    refused(plan_document, {f"e:{first_entry(plan_document).key}": label})


def test_an_invalid_category_is_refused(plan_document):
    item = first_entry(plan_document).items[0]
    errors = refused(plan_document, {f"c:{item.key}": "picnic"})
    assert "活动类别不正确。" in errors


@pytest.mark.parametrize("category", ["", "sports"])
def test_a_valid_or_empty_category_is_accepted(plan_document, category):
    item = first_entry(plan_document).items[0]
    accepted(plan_document, {f"c:{item.key}": category})
    assert item.category == category


def test_an_emptied_schedule_item_is_removed(plan_document):
    entry = first_entry(plan_document)
    item = entry.items[0]
    accepted(plan_document, {f"i:{item.key}": ""})
    assert item.key not in [i.key for i in entry.items]


def test_nothing_is_applied_when_any_field_is_refused(plan_document):
    entry = first_entry(plan_document)
    refused(plan_document, {
        "title": "新的标题",
        "signature": "新的落款",
        "p:guiding": "新的指导思想。",
        f"i:{entry.items[0].key}": "新的事项",
        f"e:{entry.key}": "七、八月份",
        "h:themes": "新的主要工作",
        "date": "2025-13-01",
    })


# -- apply_action -----------------------------------------------------------------------------


def test_add_section_goes_before_the_closing_parts_of_a_summary(document):
    apply_action(document, "add_section:")
    keys = section_keys(document)
    new = keys[keys.index("problems") - 1]
    assert new.startswith("u-") and keys[-2:] == ["problems", "next_year"]
    section = document.section(new)
    assert section.heading and len(section.paragraphs) == 1 and not section.paragraphs[0].is_drafted


def test_add_section_goes_last_in_a_plan(plan_document):
    apply_action(plan_document, "add_section:")
    assert section_keys(plan_document)[-1].startswith("u-")
    assert section_keys(plan_document)[:-1] == ["guiding", "goals", "themes", "schedule"]


def test_remove_section_remembers_it_and_its_drafted_paragraphs(document):
    drafted = [p.key for p in document.section("problems").paragraphs]
    assert drafted
    apply_action(document, "remove_section:problems")
    assert document.section("problems") is None
    assert "problems" in document.dismissed and set(drafted) <= set(document.dismissed)


def test_add_and_remove_subsection(plan_document):
    themes = plan_document.section("themes")
    count = len(themes.subsections)
    apply_action(plan_document, "add_subsection:themes")
    new = themes.subsections[-1]
    assert len(themes.subsections) == count + 1 and new.numbered and new.key.startswith("u-")
    apply_action(plan_document, f"remove_section:{new.key}")
    assert len(themes.subsections) == count and plan_document.section(new.key) is None


def test_a_subsection_cannot_get_subsections(plan_document):
    first = plan_document.section("themes").subsections[0].key
    with pytest.raises(EditError):
        apply_action(plan_document, f"add_subsection:{first}")


def test_up_and_down_move_sections(document):
    keys = section_keys(document)
    apply_action(document, f"down:{keys[0]}")
    assert section_keys(document)[:2] == [keys[1], keys[0]]
    apply_action(document, f"up:{keys[0]}")
    assert section_keys(document) == keys


def test_moving_past_either_end_changes_nothing(document):
    keys = section_keys(document)
    apply_action(document, f"up:{keys[0]}")
    apply_action(document, f"down:{keys[-1]}")
    assert section_keys(document) == keys


def test_up_and_down_move_subsections_within_their_section(plan_document):
    themes = plan_document.section("themes")
    keys = [s.key for s in themes.subsections]
    apply_action(plan_document, f"up:{keys[1]}")
    assert [s.key for s in themes.subsections] == [keys[1], keys[0], *keys[2:]]
    assert section_keys(plan_document) == ["guiding", "goals", "themes", "schedule"]


def test_add_and_remove_paragraph(document):
    apply_action(document, "add_paragraph:closing")
    mine = document.closing[-1]
    assert mine.text == "" and not mine.is_drafted
    apply_action(document, f"remove_paragraph:{mine.key}")
    assert document.paragraph(mine.key) is None and mine.key not in document.dismissed


def test_removing_a_drafted_paragraph_remembers_it(document):
    apply_action(document, "remove_paragraph:opening")
    assert document.paragraph("opening") is None and "opening" in document.dismissed


def test_add_entry_appends_the_next_month(plan_document):
    schedule = plan_document.section("schedule").schedule
    del schedule[-1]  # now ends with 十一月份
    apply_action(plan_document, "add_entry:")
    new = schedule[-1]
    assert (new.label, new.months) == ("十二月份", [12])
    assert len(new.items) == 1 and new.items[0].text == ""


def test_remove_entry(plan_document):
    schedule = plan_document.section("schedule").schedule
    entry = schedule[0]
    apply_action(plan_document, f"remove_entry:{entry.key}")
    assert entry.key not in [e.key for e in schedule]


def test_add_and_remove_item(plan_document):
    entry = first_entry(plan_document)
    count = len(entry.items)
    apply_action(plan_document, f"add_item:{entry.key}")
    new = entry.items[-1]
    assert len(entry.items) == count + 1 and new.text == "" and new.key.startswith("u-")
    apply_action(plan_document, f"remove_item:{new.key}")
    assert len(entry.items) == count


@pytest.mark.parametrize(
    "action",
    ["remove_section:nope", "up:nope", "add_subsection:nope", "add_paragraph:nope", "remove_paragraph:nope",
     "remove_entry:nope", "add_item:nope", "remove_item:nope", "accept:guiding", "dismiss:guiding"],
)
def test_actions_on_missing_things_are_refused(plan_document, action):
    before = plan_document.to_dict()
    with pytest.raises(EditError) as error:
        apply_action(plan_document, action)
    assert is_chinese(str(error.value))
    assert plan_document.to_dict() == before


def test_add_entry_in_a_summary_is_refused(document):
    with pytest.raises(EditError):
        apply_action(document, "add_entry:")


@pytest.mark.parametrize("action", ["explode:themes", "", "save", "ADD_SECTION:"])
def test_an_unknown_action_is_refused(plan_document, action):
    with pytest.raises(EditError) as error:
        apply_action(plan_document, action)
    assert str(error.value) == "无法识别的操作。"


@pytest.mark.parametrize(
    "action", ["add_section:", "add_paragraph:preamble", "down:problems", "remove_section:problems"]
)
def test_an_action_returns_a_chinese_note(document, action):
    assert is_chinese(apply_action(document, action))


# -- save_document ----------------------------------------------------------------------------


def test_a_stale_save_is_refused_and_the_earlier_save_is_kept_whole(summary):
    revision = summary.current_revision()
    read_version = revision.version

    first = document_of(summary)
    apply_fields(first, {"p:opening": "第一个人的修改。"})
    services.save_document(revision=summary.current_revision(), document=first, expected_version=read_version, user=None)
    saved = summary.current_revision()
    saved_content, saved_version = saved.content, saved.version
    assert saved_version == read_version + 1

    second = document_of(summary)
    apply_fields(second, {"p:opening": "第二个人的修改。", "title": "第二个人的标题"})
    with pytest.raises(services.StaleEdit) as stale:
        services.save_document(revision=summary.current_revision(), document=second, expected_version=read_version, user=None)
    assert is_chinese(str(stale.value))
    after = summary.current_revision()
    assert after.content == saved_content and after.version == saved_version
    assert document_of(summary).paragraph("opening").text == "第一个人的修改。"


def submitted(report, cast):
    fill_placeholders(report)
    review.submit_report(report=report, actor=cast.alice)


def approved(report, cast):
    approve(report, secretary=cast.alice, chair=cast.carol)


@pytest.mark.parametrize("move_on", [approved, submitted], ids=["approved", "submitted"])
def test_saving_a_revision_out_of_draft_is_refused(cast, summary, move_on):
    move_on(summary, cast)
    revision = summary.current_revision()
    assert revision.state in (ReportState.APPROVED, ReportState.SUBMITTED)
    before = (revision.content, revision.version)
    document = document_of(summary)
    apply_fields(document, {"p:opening": "审核后的修改。"})
    with raises_refusal(Code.NOT_EDITABLE) as refusal:
        services.save_document(revision=revision, document=document, expected_version=revision.version, user=None)
    assert is_chinese(str(refusal.value))
    after = summary.current_revision()
    assert (after.content, after.version) == before
    with raises_refusal(Code.NOT_EDITABLE):
        services.editable_revision(summary)


def test_a_returned_revision_can_be_saved(cast, summary):
    submitted(summary, cast)
    review.return_report(report=summary, actor=cast.carol, comment="请补充具体数字。")
    revision = summary.current_revision()
    assert revision.state == ReportState.RETURNED
    version = revision.version
    document = document_of(summary)
    apply_fields(document, {"p:opening": "退回后修改。"})
    saved = services.save_document(revision=revision, document=document, expected_version=version, user=None)
    assert saved.version == version + 1
    assert document_of(summary).paragraph("opening").text == "退回后修改。"


def test_editing_keys_are_unique_across_additions(document):
    for _ in range(20):
        apply_action(document, "add_paragraph:problems")
    keys = keys_of(document.section("problems").paragraphs)
    assert len(keys) == len(set(keys))
