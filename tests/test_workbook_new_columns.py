"""The columns added to the template later: 参与方式, 节日, 类别, 获奖活动 and the longer 经费来源 list.

A workbook from an older template, without them, still imports and takes the defaults; with them,
each cell is checked and a bad one is a Chinese problem in its cell, with nothing saved.
"""
import datetime

import pytest

from reports.choices import FestivalOccasion, FundSource, HonorKind, Participation, WelfareReason
from reports.models import Activity, Honor, Member, WelfarePayment
from reports.workbook import WorkbookRejected, import_workbook

from .records import make_activity, make_member
from .workbooks import HEADERS, make_workbook, sheet, workbook

D = datetime.date

# The layouts of the template before these columns were added.
OLD_HEADERS = {
    "活动": ["开始日期", "结束日期", "活动名称", "类别", "参加人次", "地点", "费用（元）", "合办单位", "活动情况", "成效"],
    "帮扶慰问": ["日期", "事由", "会员姓名", "对象说明", "人次", "慰问金（元）", "慰问品折合（元）", "经费来源", "备注"],
    "荣誉": ["日期", "荣誉名称", "级别", "授予单位", "获得者类型", "获得者"],
}


@pytest.fixture
def school(cast):
    return cast.school


def problems_of(branch, fileobj):
    with pytest.raises(WorkbookRejected) as excinfo:
        import_workbook(branch, fileobj, actor=None)
    assert not Activity.objects.filter(branch=branch).exists()
    assert not WelfarePayment.objects.filter(branch=branch).exists()
    assert not Honor.objects.filter(branch=branch).exists()
    return [(p.sheet, p.row, p.column, p.message) for p in excinfo.value.problems]


def test_a_workbook_from_the_old_template_imports_with_the_defaults(school):
    import_workbook(
        school,
        make_workbook({
            "活动": [OLD_HEADERS["活动"], ["2024-11-14", None, "参加全县篮球赛", "体育活动", 12]],
            "帮扶慰问": [
                OLD_HEADERS["帮扶慰问"],
                ["2025-01-20", "节日慰问", None, "全体职工", 40, 8000, 0, "工会经费"],
                ["2025-02-20", "大病救助", None, "困难职工", 1, 6000, 0, "职工捐款"],
                ["2025-03-20", "夏送清凉", None, "一线职工", 30, 0, 900, "行政拨款"],
            ],
            "荣誉": [
                OLD_HEADERS["荣誉"],
                ["2024-04-28", "示范县五一劳动奖章", "县（区）级"],
                ["2024-11-16", "篮球赛小学组第二名", "县（区）级"],
                ["2024-05-06", "歌咏比赛优秀组织奖", "县（区）级"],
                ["2024-12-18", "先进集体", "县（区）级"],
            ],
        }), actor=None
    )
    assert Activity.objects.get(branch=school).participation == Participation.ORGANISED
    payments = {p.reason: p for p in WelfarePayment.objects.filter(branch=school)}
    assert payments[WelfareReason.FESTIVAL].occasion == ""
    assert payments[WelfareReason.FESTIVAL].festival_occasion() == FestivalOccasion.SPRING_FESTIVAL  # 2025-01-29
    assert payments[WelfareReason.SERIOUS_ILLNESS].fund_source == FundSource.DONATION
    assert payments[WelfareReason.SUMMER_COOLING].fund_source == FundSource.ADMINISTRATION
    kinds = dict(Honor.objects.filter(branch=school).values_list("title", "kind"))
    assert kinds == {
        "示范县五一劳动奖章": HonorKind.TITLE,
        "篮球赛小学组第二名": HonorKind.PRIZE,
        "歌咏比赛优秀组织奖": HonorKind.PRIZE,
        "先进集体": HonorKind.TITLE,
    }
    assert not Honor.objects.filter(activity__isnull=False).exists()


def test_the_new_columns_are_read(school):
    import_workbook(
        school,
        workbook(
            sheet(
                "活动",
                {"开始日期": "2024-11-14", "活动名称": "参加全县篮球赛", "类别": "体育活动", "参与方式": "组织参加",
                 "合办单位": "县教育体育局工会"},
                {"开始日期": "2024-04-14", "活动名称": "气排球联谊赛", "类别": "体育活动", "参与方式": "协办"},
            ),
            sheet(
                "帮扶慰问",
                {"日期": "2024-09-25", "事由": "节日慰问", "节日": "国庆", "对象说明": "全体职工", "人次": 40,
                 "经费来源": "单位经费"},
                {"日期": "2024-08-12", "事由": "大病救助", "对象说明": "困难职工", "经费来源": "代为申请救助"},
                {"日期": "2024-12-22", "事由": "困难职工帮扶", "对象说明": "困难职工", "经费来源": "职工捐款(代收代转)"},
            ),
            sheet(
                "荣誉",
                {"日期": "2024-11-16", "荣誉名称": "团体第三名", "类别": "奖项/名次", "级别": "县（区）级",
                 "获奖活动": "参加全县篮球赛"},
                {"日期": "2024-04-14", "荣誉名称": "优胜奖", "类别": "荣誉称号", "级别": "本单位",
                 "获奖活动": "气排球联谊赛（2024-04-14）"},
            ),
        ), actor=None
    )
    activities = dict(Activity.objects.filter(branch=school).values_list("title", "participation"))
    assert activities == {"参加全县篮球赛": Participation.ATTENDED, "气排球联谊赛": Participation.JOINT}
    sources = dict(WelfarePayment.objects.filter(branch=school).values_list("reason", "fund_source"))
    assert sources == {
        WelfareReason.FESTIVAL: FundSource.ADMINISTRATION,
        WelfareReason.SERIOUS_ILLNESS: FundSource.RELIEF_APPLIED,
        WelfareReason.HARDSHIP: FundSource.DONATION,
    }
    # Said in the cell, the occasion wins over the date (25 September would be taken for 中秋 or 国庆).
    assert WelfarePayment.objects.get(reason=WelfareReason.FESTIVAL).occasion == FestivalOccasion.NATIONAL_DAY
    third = Honor.objects.get(title="团体第三名")
    assert (third.kind, third.activity.title, third.activity.branch) == (HonorKind.PRIZE, "参加全县篮球赛", school)
    # An explicit 类别 is kept even where the title would suggest the other kind.
    winner = Honor.objects.get(title="优胜奖")
    assert (winner.kind, winner.activity.start_date) == (HonorKind.TITLE, D(2024, 4, 14))


def test_an_honor_may_name_an_activity_already_on_record(school, cast):
    activity = make_activity(school, D(2024, 11, 14), title="参加全县篮球赛")
    make_activity(cast.plant, D(2024, 11, 15), title="参加全县篮球赛")  # another branch's: not a second match
    import_workbook(school, workbook(sheet("荣誉", {"日期": "2024-11-16", "荣誉名称": "第三名", "级别": "县（区）级",
                                                  "获奖活动": "参加全县篮球赛"})), actor=None)
    assert Honor.objects.get(branch=school).activity == activity


def test_reimporting_links_nothing_twice(school):
    book = workbook(
        sheet("活动", {"开始日期": "2024-11-14", "活动名称": "参加全县篮球赛", "类别": "体育活动"}),
        sheet("荣誉", {"日期": "2024-11-16", "荣誉名称": "第三名", "级别": "县（区）级", "获奖活动": "参加全县篮球赛"}),
    )
    import_workbook(school, book, actor=None)
    book.seek(0)
    result = import_workbook(school, book, actor=None)
    assert result.created["活动"] == result.created["荣誉"] == 0
    assert Honor.objects.get(branch=school).activity == Activity.objects.get(branch=school)


@pytest.mark.parametrize(
    "sheets, column, message",
    [
        (
            [sheet("活动", {"开始日期": "2024-11-14", "活动名称": "篮球赛", "类别": "体育活动", "参与方式": "参观"})],
            "参与方式",
            "无法识别“参观”，可填写：主办、联合举办/协办、组织参加",
        ),
        (
            [sheet("帮扶慰问", {"日期": "2024-09-25", "事由": "节日慰问", "节日": "植树节", "对象说明": "全体职工"})],
            "节日",
            "无法识别“植树节”，可填写：元旦、春节、三八、五一、端午、教师节、中秋、国庆、重阳、其他",
        ),
        (
            [sheet("帮扶慰问", {"日期": "2024-07-25", "事由": "夏送清凉", "节日": "端午", "对象说明": "一线职工"})],
            "节日",
            "只有事由为“节日慰问”的记录才能填写节日。",
        ),
        (
            [sheet("帮扶慰问", {"日期": "2024-09-25", "事由": "节日慰问", "对象说明": "全体职工", "经费来源": "财政"})],
            "经费来源",
            "无法识别“财政”，可填写：工会经费、行政拨款/单位经费、上级工会补助、职工捐款（代收代转）、代为申请救助、其他",
        ),
        (
            [sheet("荣誉", {"日期": "2024-11-16", "荣誉名称": "第三名", "类别": "奖状", "级别": "县（区）级"})],
            "类别",
            "无法识别“奖状”，可填写：荣誉称号、奖项/名次",
        ),
        (
            [sheet("荣誉", {"日期": "2024-11-16", "荣誉名称": "第三名", "级别": "县（区）级", "获奖活动": "乒乓球赛"})],
            "获奖活动",
            "本工会没有名为“乒乓球赛”的活动（系统中和本工作簿的“活动”表中都没有）。",
        ),
        (
            [
                sheet("活动", {"开始日期": "2024-11-14", "活动名称": "篮球赛", "类别": "体育活动"}),
                sheet("荣誉", {"日期": "2024-11-16", "荣誉名称": "第三名", "级别": "县（区）级",
                              "获奖活动": "篮球赛（2024-11-15）"}),
            ],
            "获奖活动",
            "没有 2024-11-15 开始的“篮球赛”活动，请核对开始日期。",
        ),
        (
            [
                sheet("活动", {"开始日期": "2023-11-14", "活动名称": "篮球赛", "类别": "体育活动"},
                      {"开始日期": "2024-11-14", "活动名称": "篮球赛", "类别": "体育活动"}),
                sheet("荣誉", {"日期": "2024-11-16", "荣誉名称": "第三名", "级别": "县（区）级", "获奖活动": "篮球赛"}),
            ],
            "获奖活动",
            "有 2 个活动叫“篮球赛”，请在名称后加上开始日期，例如：篮球赛（2024-11-14）",
        ),
    ],
)
def test_a_bad_new_cell_is_a_chinese_problem_and_nothing_is_saved(school, sheets, column, message):
    problems = problems_of(school, workbook(*sheets))
    assert [(column, message)] == [(c, m) for _, _, c, m in problems]


def test_an_occasion_on_another_reason_is_refused_for_a_named_member_too(school):
    make_member(school, "王丽")
    problems = problems_of(
        school, workbook(sheet("帮扶慰问", {"日期": "2024-10-11", "事由": "生日慰问", "节日": "重阳", "会员姓名": "王丽"}))
    )
    assert problems == [("帮扶慰问", 2, "节日", "只有事由为“节日慰问”的记录才能填写节日。")]
    assert Member.objects.filter(branch=school).count() == 1


def test_new_columns_out_of_order_are_a_header_problem(school):
    headers = list(HEADERS["荣誉"])
    headers[2], headers[3] = headers[3], headers[2]  # 级别 before 类别
    problems = problems_of(school, make_workbook({"荣誉": [headers, ["2024-11-16", "第三名", "县（区）级"]]}))
    assert problems == [(
        "荣誉", 1, "",
        "表头与模板不一致，应依次为：日期、荣誉名称、类别、级别、授予单位、获得者类型、获得者、获奖活动"
        "（旧模板没有的“类别”、“获奖活动”列可以不要）",
    )]


def test_some_new_columns_may_be_present_without_the_others(school):
    headers = [h for h in HEADERS["荣誉"] if h != "获奖活动"]
    import_workbook(school, make_workbook({"荣誉": [headers, ["2024-11-16", "优秀组织奖", "荣誉称号", "县（区）级"]]}), actor=None)
    assert Honor.objects.get(branch=school).kind == HonorKind.TITLE
