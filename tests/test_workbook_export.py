"""The template and a branch's export: the import's own layout, real dates and numbers, no formulas."""
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from reports.choices import (
    ActivityCategory,
    FestivalOccasion,
    FundSource,
    HonorKind,
    HonorLevel,
    MeetingKind,
    Participation,
    RecipientKind,
    WelfareReason,
)
from reports.models import Activity, Honor, Meeting, Member, WelfarePayment
from reports.workbook import build_template, export_branch, import_workbook

from .workbooks import read_back

D = datetime.date

# The file contract, spelled out independently of reports.workbook.schema.
LAYOUT = {
    "会员": ["姓名", "性别", "出生日期", "部门", "职务", "用工性质", "入会日期", "状态", "困难职工", "联系电话", "备注"],
    "活动": ["开始日期", "结束日期", "活动名称", "类别", "参加人次", "地点", "费用（元）", "参与方式", "合办单位", "活动情况", "成效"],
    "帮扶慰问": ["日期", "事由", "节日", "会员姓名", "对象说明", "人次", "慰问金（元）", "慰问品折合（元）", "经费来源", "备注"],
    "荣誉": ["日期", "荣誉名称", "类别", "级别", "授予单位", "获得者类型", "获得者", "获奖活动"],
    "会议": ["日期", "会议类型", "届次", "出席人数", "收到提案", "立案数", "主要议题"],
}

FORMULA_LIKE = ["=1+1", "+cmd|' /C calc'!A0", "-2", "@SUM(A1)", "\t=1+1", "=HYPERLINK(\"http://x\")"]


def rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_template_has_instructions_then_the_five_sheets_with_exact_headers_and_an_example_row():
    book = read_back(build_template())
    assert book.sheetnames == ["说明", *LAYOUT]
    for name, headers in LAYOUT.items():
        sheet = book[name]
        assert [cell.value for cell in sheet[1]] == headers
        assert sheet.max_row == 2 and sheet["A2"].value.startswith("示例")
        assert sheet.freeze_panes == "A2"
        assert all(sheet.column_dimensions[cell.column_letter].width >= 10 for cell in sheet[1])


def test_template_offers_drop_down_lists_for_choice_columns():
    book = read_back(build_template())
    lists = {
        (name, str(validation.sqref).split(":")[0]): validation.formula1
        for name in LAYOUT
        for validation in book[name].data_validations.dataValidation
    }
    assert lists[("会员", "B2")] == '"男,女"'
    assert lists[("会员", "I2")] == '"是,否"'
    assert lists[("荣誉", "D2")] == '"国家级,省级,市级,县（区）级,系统（行业）级,本单位"'
    assert lists[("荣誉", "C2")] == '"荣誉称号,奖项/名次"'
    assert lists[("活动", "H2")] == '"主办,联合举办/协办,组织参加"'
    assert lists[("帮扶慰问", "C2")] == '"元旦,春节,三八,五一,端午,教师节,中秋,国庆,重阳,其他"'
    assert lists[("帮扶慰问", "I2")] == '"工会经费,行政拨款/单位经费,上级工会补助,职工捐款（代收代转）,代为申请救助,其他"'
    assert "体育活动" in lists[("活动", "D2")]
    assert set(lists) == {
        ("会员", "B2"), ("会员", "F2"), ("会员", "H2"), ("会员", "I2"),
        ("活动", "D2"), ("活动", "H2"),
        ("帮扶慰问", "B2"), ("帮扶慰问", "C2"), ("帮扶慰问", "I2"),
        ("荣誉", "C2"), ("荣誉", "D2"), ("荣誉", "F2"),
        ("会议", "B2"),
    }
    # Excel refuses a list written in the formula longer than 255 characters.
    assert all(len(formula) <= 255 for formula in lists.values())


def test_template_explains_the_new_columns_in_header_comments():
    book = read_back(build_template())
    notes = {(name, cell.value): cell.comment.text for name in LAYOUT for cell in book[name][1] if cell.comment}
    assert "开始日期" in notes[("荣誉", "获奖活动")] and "（2025-11-14）" in notes[("荣誉", "获奖活动")]
    assert "留空为主办" in notes[("活动", "参与方式")]
    assert "按日期推定" in notes[("帮扶慰问", "节日")]
    assert "代收代转" in notes[("帮扶慰问", "经费来源")]
    assert "奖章除外" in notes[("荣誉", "类别")]


def test_importing_the_template_creates_nothing(cast):
    result = import_workbook(cast.school, io.BytesIO(build_template()), actor=None)
    assert sum(result.created.values()) == sum(result.skipped.values()) == 0
    assert result.examples == {name: 1 for name in LAYOUT}


@pytest.fixture
def ledger(cast):
    """A branch with records of every kind, in every field."""
    school = cast.school
    wang = Member.objects.create(
        branch=school, name="王丽", gender="female", birth_date=D(1985, 3, 8), department="语文组", position="教师",
        employment_type="contract", joined_on=D(2010, 9, 1), status="active", is_hardship=True,
        hardship_reason="本人患重病", phone="13800138000", notes="单亲家庭\n两个孩子",
    )
    # Names and departments that sort alike by code point and by pinyin, whatever the collation.
    Member.objects.create(branch=school, name="张伟", gender="male", department="数学组", status="retired")
    Member.objects.create(branch=school, name="安娜", gender="female", department="数学组")
    basketball = Activity.objects.create(
        branch=school, title="职工篮球赛", category=ActivityCategory.SPORTS, start_date=D(2023, 5, 1),
        end_date=D(2023, 5, 3), participants=120, place="体育馆", cost=Decimal("3500.50"), partners="教育局",
        description="8 支队伍参赛。", result="获得团体第一名。", participation=Participation.ATTENDED,
    )
    Activity.objects.create(branch=school, title="庆“三八”插花", category=ActivityCategory.WOMEN, start_date=D(2023, 3, 8))
    WelfarePayment.objects.create(
        branch=school, date=D(2023, 1, 20), reason=WelfareReason.SICKNESS, member=wang, cash=Decimal("500"),
        goods_value=Decimal("120.50"), notes="住院看望",
    )
    WelfarePayment.objects.create(
        branch=school, date=D(2023, 1, 18), reason=WelfareReason.FESTIVAL, recipients="困难职工、离退休干部",
        headcount=30, cash=Decimal("6000"), fund_source="higher_union", occasion=FestivalOccasion.SPRING_FESTIVAL,
    )
    WelfarePayment.objects.create(
        branch=school, date=D(2023, 3, 1), reason=WelfareReason.SERIOUS_ILLNESS, member=wang, cash=Decimal("8000"),
        fund_source=FundSource.RELIEF_APPLIED,
    )
    Honor.objects.create(
        branch=school, date=D(2023, 5, 1), title="模范职工之家", level=HonorLevel.COUNTY, awarding_body="县总工会",
        recipient_kind=RecipientKind.COLLECTIVE, recipients="学校工会",
    )
    Honor.objects.create(
        branch=school, date=D(2023, 5, 3), title="团体第一名", kind=HonorKind.PRIZE, level=HonorLevel.COUNTY,
        awarding_body="县教育局", activity=basketball,
    )
    Meeting.objects.create(
        branch=school, kind=MeetingKind.STAFF_CONGRESS, session="五届三次", date=D(2023, 2, 20), attendees=85,
        proposals_received=76, proposals_accepted=23, topics="审议学校工作报告。",
    )
    return school


def test_export_writes_labels_real_dates_and_numbers(ledger, cast):
    Member.objects.create(branch=cast.plant, name="不应导出", gender="male")  # another branch's member
    book = read_back(export_branch(ledger))
    assert book.sheetnames == list(LAYOUT)
    assert all([cell.value for cell in book[name][1]] == headers for name, headers in LAYOUT.items())

    members = book["会员"]
    # Ordered by department, then name.
    assert [row[0] for row in rows(members)] == ["安娜", "张伟", "王丽"]
    assert rows(members)[2] == [
        "王丽", "女", datetime.datetime(1985, 3, 8), "语文组", "教师", "合同制", datetime.datetime(2010, 9, 1),
        "在册", "是", "13800138000", "单亲家庭\n两个孩子",
    ]
    assert rows(members)[1][7:9] == ["退休", "否"]
    birth = members["C4"]
    assert birth.is_date and birth.number_format == "yyyy-mm-dd"

    activities = book["活动"]
    assert [row[2] for row in rows(activities)] == ["庆“三八”插花", "职工篮球赛"]  # by date
    assert rows(activities)[1] == [
        datetime.datetime(2023, 5, 1), datetime.datetime(2023, 5, 3), "职工篮球赛", "体育活动", 120, "体育馆",
        3500.5, "组织参加", "教育局", "8 支队伍参赛。", "获得团体第一名。",
    ]
    assert rows(activities)[0][7] == "主办"
    cost = activities["G3"]
    assert cost.data_type == "n" and cost.number_format == "0.00"

    payments = book["帮扶慰问"]
    assert rows(payments) == [
        [datetime.datetime(2023, 1, 18), "节日慰问", "春节", None, "困难职工、离退休干部", 30, 6000, 0, "上级工会补助", None],
        [datetime.datetime(2023, 1, 20), "生病住院慰问", None, "王丽", None, 1, 500, 120.5, "工会经费", "住院看望"],
        [datetime.datetime(2023, 3, 1), "大病救助", None, "王丽", None, 1, 8000, 0, "代为申请救助", None],
    ]
    assert rows(book["荣誉"]) == [
        [datetime.datetime(2023, 5, 1), "模范职工之家", "荣誉称号", "县（区）级", "县总工会", "集体", "学校工会", None],
        [datetime.datetime(2023, 5, 3), "团体第一名", "奖项/名次", "县（区）级", "县教育局", "集体", None,
         "职工篮球赛（2023-05-01）"],
    ]
    assert rows(book["会议"]) == [
        [datetime.datetime(2023, 2, 20), "教职工代表大会", "五届三次", 85, 76, 23, "审议学校工作报告。"]
    ]


def record_values(branch) -> dict[str, list[tuple]]:
    """Every imported field of every record, comparable across branches (payments name their member)."""
    def values(model, fields, order):
        return list(model.objects.filter(branch=branch).order_by(*order).values_list(*fields))

    return {
        "members": values(
            Member,
            ["name", "gender", "birth_date", "department", "position", "employment_type", "joined_on", "status",
             "is_hardship", "phone", "notes"],
            ["name"],
        ),
        "activities": values(
            Activity,
            ["start_date", "end_date", "title", "category", "participants", "place", "cost", "participation",
             "partners", "description", "result"],
            ["start_date", "title"],
        ),
        "payments": values(
            WelfarePayment,
            ["date", "reason", "occasion", "member__name", "recipients", "headcount", "cash", "goods_value",
             "fund_source", "notes"],
            ["date"],
        ),
        "honors": values(
            Honor,
            ["date", "title", "kind", "level", "awarding_body", "recipient_kind", "recipients", "activity__title",
             "activity__start_date"],
            ["date"],
        ),
        "meetings": values(
            Meeting,
            ["date", "kind", "session", "attendees", "proposals_received", "proposals_accepted", "topics"],
            ["date"],
        ),
    }


def test_export_then_import_into_an_empty_branch_reproduces_the_records(ledger, cast):
    result = import_workbook(cast.plant, io.BytesIO(export_branch(ledger)), actor=None)
    assert result.created == {"会员": 3, "活动": 2, "帮扶慰问": 3, "荣誉": 2, "会议": 1}
    assert record_values(cast.plant) == record_values(ledger)
    linked = Honor.objects.get(branch=cast.plant, title="团体第一名").activity
    assert linked.branch == cast.plant  # the plant's own copy of the activity, not the school's
    # And importing the export back into its own branch changes nothing.
    result = import_workbook(ledger, io.BytesIO(export_branch(ledger)), actor=None)
    assert sum(result.created.values()) == 0


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_text_that_looks_like_a_formula_is_written_as_text(cast, text):
    school = cast.school
    Member.objects.create(branch=school, name="王丽", gender="female", notes=text, position=text)
    Activity.objects.create(branch=school, title=text, category=ActivityCategory.OTHER, start_date=D(2023, 3, 8))
    content = export_branch(school)

    book = openpyxl.load_workbook(io.BytesIO(content))  # not read-only: data_type as written
    for cell in (book["会员"]["E2"], book["会员"]["K2"], book["活动"]["C2"]):
        assert cell.data_type == "s"
        assert cell.quotePrefix  # Excel keeps it text when the cell is edited
        assert cell.value == text
    with_values = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
    assert with_values["活动"]["C2"].value == text  # no cached formula result instead of the text

    import_workbook(cast.plant, io.BytesIO(content), actor=None)
    # The import trims surrounding whitespace (a leading tab) from every cell, as forms do.
    assert Activity.objects.get(branch=cast.plant).title == text.strip()
    assert Member.objects.get(branch=cast.plant).notes == text.strip()


def test_no_exported_cell_is_a_formula(ledger):
    Activity.objects.filter(branch=ledger).update(place="=A1", partners="+1", result="@x")
    book = read_back(export_branch(ledger))
    assert all(cell.data_type != "f" for name in LAYOUT for row in book[name].iter_rows() for cell in row)


def test_control_characters_excel_cannot_hold_are_dropped(cast):
    Member.objects.create(branch=cast.school, name="王丽", gender="female", notes="第一行\x0b第二行\x1f")
    book = read_back(export_branch(cast.school))
    assert book["会员"]["K2"].value == "第一行第二行"
