"""Importing a branch's records from the five sheets: every cell form, every rule, all or nothing."""
import datetime
import io
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.choices import (
    ActivityCategory,
    EmploymentType,
    FundSource,
    HonorLevel,
    MeetingKind,
    MemberStatus,
    RecipientKind,
    WelfareReason,
)
from reports.models import Activity, Honor, Meeting, Member, WelfarePayment
from reports.workbook import ImportResult, Problem, WorkbookRejected, import_workbook

from .conftest import make_branch
from .workbooks import make_workbook, sheet, workbook

D = datetime.date
SHEETS = ["会员", "活动", "帮扶慰问", "荣誉", "会议"]
MODELS = [Member, Activity, WelfarePayment, Honor, Meeting]


@pytest.fixture
def school(cast):
    return cast.school


def rejected(branch, fileobj) -> list[Problem]:
    with pytest.raises(WorkbookRejected) as excinfo:
        import_workbook(branch, fileobj, actor=None)
    return excinfo.value.problems


def saved_nothing(branch):
    return all(not model.objects.filter(branch=branch).exists() for model in MODELS)


def counts(**nonzero) -> dict[str, int]:
    return {name: nonzero.get(name, 0) for name in SHEETS}


def activity(**cells):
    cells.setdefault("开始日期", "2023-03-08")
    cells.setdefault("活动名称", "庆“三八”趣味运动会")
    cells.setdefault("类别", "体育活动")
    return cells


def problem_of(branch, name, row: dict) -> Problem:
    """The single problem of a workbook with one row in one sheet."""
    problems = rejected(branch, workbook(sheet(name, row)))
    assert len(problems) == 1, problems
    assert saved_nothing(branch)
    return problems[0]


def test_every_sheet_is_imported(school):
    result = import_workbook(
        school,
        workbook(
            sheet(
                "会员",
                {"姓名": "王丽", "性别": "女", "出生日期": "1985-03-08", "部门": "语文组", "职务": "教师",
                 "用工性质": "合同制", "入会日期": "2010年9月1日", "状态": "在册", "困难职工": "是",
                 "联系电话": 13800138000, "备注": "单亲家庭"},
            ),
            sheet(
                "活动",
                {"开始日期": datetime.datetime(2023, 5, 1), "结束日期": "2023/5/3", "活动名称": "职工篮球赛",
                 "类别": "体育活动", "参加人次": 120, "地点": "学校体育馆", "费用（元）": 3500.5,
                 "合办单位": "县教育局", "活动情况": "共 8 支队伍参赛。", "成效": "增强了凝聚力。"},
            ),
            sheet(
                "帮扶慰问",
                {"日期": "2023.1.20", "事由": "生病住院慰问", "会员姓名": "王丽", "人次": 1, "慰问金（元）": "500",
                 "慰问品折合（元）": "120.50", "经费来源": "工会经费", "备注": "住院看望"},
                {"日期": "2023-01-18", "事由": "节日慰问", "对象说明": "困难职工、离退休干部", "人次": 30,
                 "慰问金（元）": 6000, "经费来源": "上级工会补助"},
            ),
            sheet(
                "荣誉",
                {"日期": "2023-05-01", "荣誉名称": "模范职工之家", "级别": "县（区）级", "授予单位": "示范县总工会",
                 "获得者类型": "集体", "获得者": "学校工会"},
            ),
            sheet(
                "会议",
                {"日期": "2023-02-20", "会议类型": "教职工代表大会", "届次": "五届三次", "出席人数": 85,
                 "收到提案": 76, "立案数": 23, "主要议题": "审议学校工作报告。"},
            ),
        ), actor=None
    )
    assert result == ImportResult(created=counts(会员=1, 活动=1, 帮扶慰问=2, 荣誉=1, 会议=1), skipped=counts())

    member = Member.objects.get(branch=school)
    assert (member.name, member.gender, member.birth_date, member.department, member.position) == (
        "王丽", "female", D(1985, 3, 8), "语文组", "教师"
    )
    assert (member.employment_type, member.joined_on, member.status, member.is_hardship) == (
        EmploymentType.CONTRACT, D(2010, 9, 1), MemberStatus.ACTIVE, True
    )
    assert (member.phone, member.notes, member.hardship_reason) == ("13800138000", "单亲家庭", "")

    act = Activity.objects.get(branch=school)
    assert (act.start_date, act.end_date, act.title, act.category, act.participants, act.cost) == (
        D(2023, 5, 1), D(2023, 5, 3), "职工篮球赛", ActivityCategory.SPORTS, 120, Decimal("3500.50")
    )
    assert (act.place, act.partners, act.description, act.result) == (
        "学校体育馆", "县教育局", "共 8 支队伍参赛。", "增强了凝聚力。"
    )

    sick = WelfarePayment.objects.get(branch=school, reason=WelfareReason.SICKNESS)
    assert (sick.date, sick.member, sick.recipients, sick.headcount, sick.cash, sick.goods_value) == (
        D(2023, 1, 20), member, "", 1, Decimal("500"), Decimal("120.50")
    )
    festival = WelfarePayment.objects.get(branch=school, reason=WelfareReason.FESTIVAL)
    assert (festival.member, festival.recipients, festival.headcount, festival.fund_source) == (
        None, "困难职工、离退休干部", 30, FundSource.HIGHER_UNION
    )

    honor = Honor.objects.get(branch=school)
    assert (honor.date, honor.title, honor.level, honor.awarding_body, honor.recipient_kind, honor.recipients) == (
        D(2023, 5, 1), "模范职工之家", HonorLevel.COUNTY, "示范县总工会", RecipientKind.COLLECTIVE, "学校工会"
    )
    meeting = Meeting.objects.get(branch=school)
    assert (meeting.kind, meeting.session, meeting.attendees, meeting.proposals_received) == (
        MeetingKind.STAFF_CONGRESS, "五届三次", 85, 76
    )
    assert (meeting.proposals_accepted, meeting.topics) == (23, "审议学校工作报告。")


@pytest.mark.parametrize(
    "cell",
    [
        datetime.datetime(2023, 3, 8),
        datetime.datetime(2023, 3, 8, 14, 30),
        "2023-03-08",
        "2023-3-8",
        "2023/3/8",
        "2023.3.8",
        "2023年3月8日",
        " 2023 年 03 月 08 日 ",
    ],
)
def test_every_date_form_is_read(school, cell):
    import_workbook(school, workbook(sheet("活动", activity(开始日期=cell))), actor=None)
    assert Activity.objects.get().start_date == D(2023, 3, 8)


@pytest.mark.parametrize("cell", ["2023.13.40", "2023-02-30", "2023-3/8", "3/8/2023", "去年三月", "20230308", 45000])
def test_an_unreadable_date_is_a_problem(school, cell):
    assert problem_of(school, "活动", activity(开始日期=cell)) == Problem(
        "活动", 2, "开始日期", f"日期格式无法识别：{cell}"
    )


@pytest.mark.parametrize("cell, expected", [("是", True), ("否", False), (" 是 ", True), (None, False), ("", False)])
def test_yes_no_cells(school, cell, expected):
    import_workbook(school, workbook(sheet("会员", {"姓名": "李强", "性别": "男", "困难职工": cell})), actor=None)
    assert Member.objects.get().is_hardship is expected


def test_a_yes_no_cell_with_another_word_is_a_problem(school):
    assert problem_of(school, "会员", {"姓名": "李强", "性别": "男", "困难职工": "对"}) == Problem(
        "会员", 2, "困难职工", "应填写“是”或“否”，不能是“对”。"
    )


@pytest.mark.parametrize("cell", ["县（区）级", "县(区)级", " 县（区）级 ", "县 (区) 级"])
def test_choice_labels_allow_spaces_and_ascii_parentheses(school, cell):
    import_workbook(school, workbook(sheet("荣誉", {"日期": "2023-05-01", "荣誉名称": "先进单位", "级别": cell})), actor=None)
    assert Honor.objects.get().level == HonorLevel.COUNTY


def test_an_unknown_choice_is_a_problem_naming_the_choices(school):
    problem = problem_of(school, "活动", activity(类别="球类"))
    assert (problem.sheet, problem.row, problem.column) == ("活动", 2, "类别")
    assert problem.message.startswith("无法识别“球类”，可填写：思想政治与理论学习、职工教育培训")
    assert "体育活动" in problem.message


def test_blank_optional_cells_take_the_model_defaults(school):
    import_workbook(
        school,
        workbook(
            sheet("会员", {"姓名": "李强", "性别": "男"}),
            sheet("活动", activity()),
            sheet("帮扶慰问", {"日期": "2023-01-18", "事由": "节日慰问", "对象说明": "在职职工"}),
            sheet("荣誉", {"日期": "2023-05-01", "荣誉名称": "先进单位", "级别": "本单位"}),
            sheet("会议", {"日期": "2023-02-20", "会议类型": "工会委员会会议"}),
        ), actor=None
    )
    member = Member.objects.get()
    assert (member.employment_type, member.status, member.is_hardship, member.birth_date, member.phone) == (
        EmploymentType.ESTABLISHED, MemberStatus.ACTIVE, False, None, ""
    )
    act = Activity.objects.get()
    assert (act.end_date, act.participants, act.cost, act.place) == (None, 0, Decimal("0"), "")
    payment = WelfarePayment.objects.get()
    assert (payment.headcount, payment.cash, payment.goods_value, payment.fund_source) == (
        1, Decimal("0"), Decimal("0"), FundSource.UNION_FUNDS
    )
    assert Honor.objects.get().recipient_kind == RecipientKind.COLLECTIVE
    meeting = Meeting.objects.get()
    assert (meeting.session, meeting.attendees, meeting.proposals_received, meeting.proposals_accepted) == ("", 0, 0, 0)


@pytest.mark.parametrize(
    "cell, expected",
    [(1200.5, "1200.50"), ("1200.50", "1200.50"), (" 80 ", "80.00"), (0.1 + 0.2, "0.30"), (Decimal("9.99"), "9.99")],
)
def test_amounts_from_number_or_text_cells(school, cell, expected):
    import_workbook(school, workbook(sheet("活动", activity(**{"费用（元）": cell}))), actor=None)
    assert Activity.objects.get().cost == Decimal(expected)


@pytest.mark.parametrize("cell, expected", [(80, 80), (80.0, 80), ("80", 80), ("80.0", 80)])
def test_counts_from_number_or_text_cells(school, cell, expected):
    import_workbook(school, workbook(sheet("活动", activity(参加人次=cell))), actor=None)
    assert Activity.objects.get().participants == expected


TOMORROW = object()  # stands for the day after the test runs
TOO_LONG_TITLE = "运" * 201


@pytest.mark.parametrize(
    "name, row, column, message",
    [
        ("活动", activity(开始日期=TOMORROW), "开始日期", "日期不能晚于今天。"),
        ("活动", activity(结束日期="2023-03-07"), "结束日期", "结束日期不能早于开始日期。"),
        ("活动", activity(参加人次=-1), "参加人次", "数量不能为负数。"),
        ("活动", activity(参加人次=80.5), "参加人次", "应填写整数：80.5"),
        ("活动", activity(参加人次="八十"), "参加人次", "应填写整数：八十"),
        ("活动", activity(**{"费用（元）": -0.01}), "费用（元）", "金额不能为负数。"),
        ("活动", activity(**{"费用（元）": "12.345"}), "费用（元）", "金额最多保留两位小数：12.345"),
        ("活动", activity(**{"费用（元）": "一百元"}), "费用（元）", "不是有效的金额：一百元"),
        ("活动", activity(活动名称=TOO_LONG_TITLE), "活动名称", "不能超过 200 个字（现有 201 个字）。"),
        ("活动", activity(活动名称=None), "活动名称", "此项必须填写。"),
        ("活动", activity(类别="  "), "类别", "此项必须填写。"),
        ("会员", {"姓名": "李强"}, "性别", "此项必须填写。"),
        ("会员", {"姓名": "李强", "性别": "男", "出生日期": TOMORROW}, "出生日期", "日期不能晚于今天。"),
        ("会员", {"姓名": "李强", "性别": "男", "联系电话": "1" * 31}, "联系电话", "不能超过 30 个字（现有 31 个字）。"),
        ("帮扶慰问", {"日期": "2023-01-18", "事由": "节日慰问"}, "对象说明", "请选择会员，或填写慰问对象说明。"),
        ("帮扶慰问", {"日期": "2023-01-18", "事由": "节日慰问", "对象说明": "职工", "人次": 0}, "人次", "人次至少为 1。"),
        ("帮扶慰问", {"日期": TOMORROW, "事由": "节日慰问", "对象说明": "职工"}, "日期", "日期不能晚于今天。"),
        ("荣誉", {"日期": "2023-05-01", "荣誉名称": "先进单位"}, "级别", "此项必须填写。"),
        ("会议", {"日期": "2023-02-20", "会议类型": "职工代表大会", "收到提案": 5, "立案数": 6}, "立案数",
         "立案数不能多于收到的提案数。"),
        ("会议", {"日期": "2023-02-20", "会议类型": "职工代表大会", "出席人数": -3}, "出席人数", "数量不能为负数。"),
    ],
)
def test_each_rule_gives_a_problem_in_its_cell(school, today, name, row, column, message):
    row = {header: today + datetime.timedelta(days=1) if value is TOMORROW else value for header, value in row.items()}
    assert problem_of(school, name, row) == Problem(name, 2, column, message)


def test_a_payment_may_name_a_member_on_the_register(school):
    member = Member.objects.create(branch=school, name="赵敏", gender="female")
    import_workbook(school, workbook(sheet("帮扶慰问", {"日期": "2023-06-01", "事由": "生育慰问", "会员姓名": "赵敏"})), actor=None)
    assert WelfarePayment.objects.get().member == member


def test_a_payment_naming_nobody_of_the_branch_is_a_problem(school, cast):
    Member.objects.create(branch=cast.plant, name="赵敏", gender="female")  # the sibling union's member
    row = {"日期": "2023-06-01", "事由": "生育慰问", "会员姓名": "赵敏"}
    assert problem_of(school, "帮扶慰问", row) == Problem(
        "帮扶慰问", 2, "会员姓名", "本工会没有名为“赵敏”的会员（系统中和本工作簿的“会员”表中都没有）。"
    )


def test_a_payment_naming_two_members_is_a_problem(school):
    Member.objects.create(branch=school, name="张伟", gender="male", birth_date=D(1980, 1, 1))
    problems = rejected(
        school,
        workbook(
            sheet("会员", {"姓名": "张伟", "性别": "男", "出生日期": "1990-05-05"}),
            sheet("帮扶慰问", {"日期": "2023-06-01", "事由": "生病住院慰问", "会员姓名": "张伟"}),
        ),
    )
    assert problems == [
        Problem("帮扶慰问", 2, "会员姓名", "有 2 名会员叫“张伟”，无法确定是哪一位，请改填对象说明。")
    ]
    assert Member.objects.count() == 1


def test_a_member_both_on_the_register_and_in_the_workbook_is_one_member(school):
    member = Member.objects.create(branch=school, name="张伟", gender="male", birth_date=D(1980, 1, 1))
    result = import_workbook(
        school,
        workbook(
            sheet("会员", {"姓名": "张伟", "性别": "男", "出生日期": "1980-01-01"}),
            sheet("帮扶慰问", {"日期": "2023-06-01", "事由": "生病住院慰问", "会员姓名": "张伟"}),
        ), actor=None
    )
    assert result.skipped["会员"] == 1
    assert WelfarePayment.objects.get().member == member


def test_one_bad_row_saves_nothing_and_every_problem_is_listed(school, today):
    problems = rejected(
        school,
        workbook(
            sheet("会员", {"姓名": "李强", "性别": "男"}, {"姓名": "王丽", "性别": "女"}),
            sheet(
                "活动",
                activity(活动名称="迎新春联欢会"),
                activity(开始日期="2023.13.40", 类别="球类"),
                activity(活动名称="健步走"),
            ),
            sheet("会议", {"日期": "2023-02-20", "会议类型": "职工代表大会", "收到提案": 5, "立案数": 6}),
            sheet("荣誉", {"日期": str(today + datetime.timedelta(days=1)), "荣誉名称": "先进单位", "级别": "省级"}),
        ),
    )
    assert [(p.sheet, p.row, p.column) for p in problems] == [
        ("活动", 3, "开始日期"),
        ("活动", 3, "类别"),
        ("荣誉", 2, "日期"),
        ("会议", 2, "立案数"),
    ]
    assert saved_nothing(school)


def test_a_sheet_with_other_headers_is_a_problem_naming_the_expected_ones(school):
    problems = rejected(
        school,
        make_workbook(
            {
                "会员": [["姓名", "性别", "生日"], ["李强", "男", "1980-01-01"]],
                "活动": [list(sheet("活动")["活动"][0]), ["2023-03-08", None, "健步走", "体育活动"]],
            }
        ),
    )
    assert problems == [
        Problem(
            "会员", 1, "",
            "表头与模板不一致，应依次为：姓名、性别、出生日期、部门、职务、用工性质、入会日期、状态、困难职工、联系电话、备注",
        )
    ]
    assert saved_nothing(school)


def test_headers_allow_ascii_parentheses_spaces_and_blank_columns_after_them(school):
    headers = ["开始日期", "结束日期", "活动名称", "类别", "参加人次", "地点", " 费用(元) ", "合办单位", "活动情况", "成效", None]
    import_workbook(school, make_workbook({"活动": [headers, ["2023-03-08", None, "健步走", "体育活动", None, None, 50]]}), actor=None)
    assert Activity.objects.get().cost == 50


def test_problem_rows_are_excel_row_numbers_blank_rows_included(school):
    problems = rejected(
        school,
        make_workbook(
            {
                "活动": [
                    sheet("活动")["活动"][0],
                    [None] * 10,
                    ["2023-03-08", None, "健步走", "体育活动"],
                    ["  ", None, ""],
                    ["2023-03-10", None, "插花", "插花"],
                ],
            }
        ),
    )
    assert [(p.row, p.column) for p in problems] == [(5, "类别")]


def test_missing_sheets_and_blank_rows_are_fine(school):
    result = import_workbook(
        school,
        make_workbook(
            {
                "说明": [["这张表不导入"]],
                "会员": [],
                "荣誉": sheet("荣誉")["荣誉"],
                "活动": [
                    sheet("活动")["活动"][0],
                    [None] * 10,
                    ["2023-03-08", None, "健步走", "体育活动"],
                    ["  ", None, ""],
                    ["2023-03-09", None, "拔河比赛", "体育活动"],
                ],
            }
        ), actor=None
    )
    assert result.created == counts(活动=2)
    assert set(Activity.objects.values_list("title", flat=True)) == {"健步走", "拔河比赛"}


def test_reimporting_the_same_workbook_skips_every_row(school):
    def the_workbook():
        return workbook(
            sheet("会员", {"姓名": "王丽", "性别": "女", "出生日期": "1985-03-08"}, {"姓名": "李强", "性别": "男"}),
            sheet("活动", activity(), activity(活动名称="健步走", 开始日期="2023-04-01")),
            sheet(
                "帮扶慰问",
                {"日期": "2023-01-20", "事由": "生病住院慰问", "会员姓名": "王丽", "慰问金（元）": 500},
                {"日期": "2023-01-18", "事由": "节日慰问", "对象说明": "困难职工", "人次": 30, "慰问金（元）": 6000},
            ),
            sheet("荣誉", {"日期": "2023-05-01", "荣誉名称": "模范职工之家", "级别": "市级", "获得者": "学校工会"}),
            sheet("会议", {"日期": "2023-02-20", "会议类型": "教职工代表大会", "届次": "五届三次"}),
        )

    first = import_workbook(school, the_workbook(), actor=None)
    assert first == ImportResult(created=counts(会员=2, 活动=2, 帮扶慰问=2, 荣誉=1, 会议=1), skipped=counts())
    second = import_workbook(school, the_workbook(), actor=None)
    assert second == ImportResult(created=counts(), skipped=first.created)
    assert [model.objects.count() for model in MODELS] == [2, 2, 2, 1, 1]


def test_a_row_repeated_in_its_sheet_is_saved_once(school):
    result = import_workbook(school, workbook(sheet("活动", activity(), activity(参加人次=5), activity(开始日期="2023-03-09"))), actor=None)
    assert (result.created["活动"], result.skipped["活动"]) == (2, 1)
    # The first of the rows sharing a natural key (title, start date) is the one kept.
    assert Activity.objects.get(start_date=D(2023, 3, 8)).participants == 0


def test_natural_keys_are_per_branch(school, cast):
    import_workbook(cast.plant, workbook(sheet("活动", activity())), actor=None)
    assert import_workbook(school, workbook(sheet("活动", activity())), actor=None).created["活动"] == 1


def test_a_payment_to_another_member_is_not_the_same_payment(school):
    Member.objects.create(branch=school, name="王丽", gender="female")
    Member.objects.create(branch=school, name="李强", gender="male")
    payment = {"日期": "2023-01-20", "事由": "生病住院慰问", "慰问金（元）": 500}
    import_workbook(school, workbook(sheet("帮扶慰问", {**payment, "会员姓名": "王丽"})), actor=None)
    result = import_workbook(school, workbook(sheet("帮扶慰问", {**payment, "会员姓名": "李强"}, {**payment, "会员姓名": "王丽"})), actor=None)
    assert (result.created["帮扶慰问"], result.skipped["帮扶慰问"]) == (1, 1)


def test_an_existing_member_is_left_as_it_is(school):
    Member.objects.create(
        branch=school, name="王丽", gender="female", is_hardship=True, hardship_reason="本人患重病", phone="123"
    )
    import_workbook(school, workbook(sheet("会员", {"姓名": "王丽", "性别": "女", "困难职工": "否", "联系电话": "456"})), actor=None)
    member = Member.objects.get()
    assert (member.is_hardship, member.hardship_reason, member.phone) == (True, "本人患重病", "123")


def test_problem_reads_as_a_sentence():
    assert str(Problem("活动", 5, "开始日期", "日期格式无法识别：2023.13.40")) == (
        "活动 第5行 开始日期：日期格式无法识别：2023.13.40"
    )
    assert str(Problem("会员", 1, "", "表头与模板不一致")) == "会员 第1行：表头与模板不一致"
    assert str(Problem("活动", None, "", "数据过多")) == "活动：数据过多"
    assert str(Problem("", None, "", "文件是空的。")) == "文件是空的。"


def test_ten_thousand_rows_import_in_batches(school):
    start = D(2023, 1, 1)
    rows = [
        [start + datetime.timedelta(days=n % 365), None, f"第{n}期培训", "职工教育培训", 30, "会议室", 120.5]
        for n in range(10_000)
    ]
    fileobj = make_workbook({"活动": [sheet("活动")["活动"][0], *rows]})
    # Speed is the benchmark's business (bench/); here: the rows go in by batches, not one by one.
    with CaptureQueriesContext(connection) as queries:
        result = import_workbook(school, fileobj, actor=None)
    assert result.created["活动"] == 10_000
    # SQLite's limit on query parameters makes its batches smaller than PostgreSQL's.
    assert len(queries) < 1_000


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_imports_of_one_workbook_save_it_once():
    branch = make_branch("school")
    rows = [activity(活动名称=f"活动{n}") for n in range(200)]
    contents = workbook(sheet("活动", *rows)).getvalue()
    start = threading.Barrier(2)
    results, errors = [], []

    def upload():
        try:
            start.wait()
            results.append(import_workbook(branch, io.BytesIO(contents), actor=None))
        except Exception as error:  # surfaced by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=upload) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(result.created["活动"] for result in results) == [0, 200]
    assert Activity.objects.count() == 200
