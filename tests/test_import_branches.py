"""The union tree from a 工会组织 sheet: created or updated by code, parents first, all or nothing."""
import pytest

from reports.choices import BranchKind, Sector
from reports.models import Branch
from reports.workbook import ImportResult, Problem, WorkbookRejected, import_branches

from .workbooks import make_workbook, sheet

SHEET = "工会组织"


def tree(*rows: list) -> object:
    """A 工会组织 sheet; each row is [代码, 全称, 简称, 上级代码, 类型, 行业, 职工总数]."""
    return make_workbook(sheet(SHEET, *rows))


def rejected(fileobj) -> list[Problem]:
    before = list(Branch.objects.order_by("pk").values_list("code", "name", "path"))
    with pytest.raises(WorkbookRejected) as excinfo:
        import_branches(fileobj, actor=None)
    assert list(Branch.objects.order_by("pk").values_list("code", "name", "path")) == before, "saved something"
    return excinfo.value.problems


def result(created=0, updated=0, skipped=0) -> ImportResult:
    return ImportResult(created={SHEET: created}, skipped={SHEET: skipped}, updated={SHEET: updated})


def test_a_tree_is_created_with_parents_listed_after_children(db):
    outcome = import_branches(
        tree(
            ["grade1", "第一中学一年级组工会小组", "一年级组", "school1", "工会小组", None, None],
            ["school1", "示范县第一中学工会委员会", "一中工会", "county", "基层工会", "学校", 120],
            ["county", "示范县总工会", "县总工会", None, "总工会", "机关", None],
            ["nurses", "人民医院护理部分工会", None, "hospital", "分工会/工会小组", "医院", 40],
            ["hospital", "示范县人民医院工会委员会", "医院工会", "county", "基层工会", "医院", 600],
            ["team", "人民医院药剂科分工会", None, "hospital", "分工会", "医院", None],
        ), actor=None
    )
    assert outcome == result(created=6)
    paths = dict(Branch.objects.values_list("code", "path"))
    assert paths == {
        "county": "/county/",
        "school1": "/county/school1/",
        "grade1": "/county/school1/grade1/",
        "hospital": "/county/hospital/",
        "nurses": "/county/hospital/nurses/",
        "team": "/county/hospital/team/",
    }
    school = Branch.objects.get(code="school1")
    assert (school.name, school.short_name, school.kind, school.sector, school.workforce, school.depth) == (
        "示范县第一中学工会委员会", "一中工会", BranchKind.GRASSROOTS, Sector.SCHOOL, 120, 1
    )
    grade = Branch.objects.get(code="grade1")
    # Blank cells take the defaults.
    assert (grade.kind, grade.sector, grade.workforce) == (BranchKind.SUBUNIT, Sector.OTHER, 0)
    assert Branch.objects.get(code="team").kind == BranchKind.SUBUNIT


def test_a_parent_may_already_be_in_the_database(cast):
    import_branches(tree(["school2", "第二小学工会", None, "county", "基层工会", "学校", 30]), actor=None)
    assert Branch.objects.get(code="school2").path == "/county/school2/"


def test_an_existing_branch_is_updated_and_moved_with_its_subtree(cast):
    team = Branch.objects.create(code="team", name="教研组", parent=cast.school, kind=BranchKind.SUBUNIT)
    outcome = import_branches(
        tree(
            ["school", "示范县实验学校工会委员会", "实验学校工会", "other", "基层工会", "学校", 80],
            ["plant", cast.plant.name, cast.plant.short_name, "county", "基层工会", "企业", 0],
        ), actor=None
    )
    assert outcome == result(updated=1, skipped=1)
    school = Branch.objects.get(code="school")
    assert (school.pk, school.name, school.short_name, school.workforce, school.path) == (
        cast.school.pk, "示范县实验学校工会委员会", "实验学校工会", 80, "/other/school/"
    )
    team.refresh_from_db()
    assert team.path == "/other/school/team/"
    assert school.phone == cast.school.phone  # columns not in the sheet are left alone


def test_swapping_two_branches_in_one_sheet_is_not_a_cycle(cast):
    import_branches(
        tree(
            ["plant", "工厂工会", None, None, "总工会", "企业", None],
            ["county", "示范县总工会", None, "plant", "总工会", "机关", None],
        ), actor=None
    )
    paths = dict(Branch.objects.values_list("code", "path"))
    assert (paths["plant"], paths["county"], paths["school"]) == ("/plant/", "/plant/county/", "/plant/county/school/")


def test_a_cycle_in_the_sheet_is_a_problem_on_each_of_its_rows(db):
    problems = rejected(
        tree(
            ["a", "甲工会", None, "b", "基层工会", None, None],
            ["b", "乙工会", None, "a", "基层工会", None, None],
            ["c", "丙工会", None, "a", "基层工会", None, None],
        )
    )
    assert problems == [
        Problem(SHEET, 2, "上级代码", "上级关系形成循环：a → b → a。"),
        Problem(SHEET, 3, "上级代码", "上级关系形成循环：b → a → b。"),
    ]


def test_a_cycle_through_the_database_is_a_problem(cast):
    problems = rejected(tree(["county", "示范县总工会", None, "school", "总工会", "机关", None]))
    assert problems == [Problem(SHEET, 2, "上级代码", "上级关系形成循环：county → school → county。")]


def test_a_branch_cannot_be_its_own_parent(db):
    assert rejected(tree(["a", "甲工会", None, "a", "基层工会", None, None])) == [
        Problem(SHEET, 2, "上级代码", "上级关系形成循环：a → a。")
    ]


def test_an_unknown_parent_is_a_problem(cast):
    problems = rejected(
        tree(
            ["school2", "第二小学工会", None, "county", "基层工会", "学校", None],
            ["school3", "第三小学工会", None, "nowhere", "基层工会", "学校", None],
        )
    )
    assert problems == [Problem(SHEET, 3, "上级代码", "上级代码“nowhere”不存在：本表和系统中都没有这个代码。")]


def test_a_code_twice_in_the_sheet_is_a_problem(db):
    problems = rejected(
        tree(["a", "甲工会", None, None, "总工会", None, None], ["a", "乙工会", None, None, "总工会", None, None])
    )
    assert problems == [Problem(SHEET, 3, "代码", "代码“a”与第2行重复。")]


@pytest.mark.parametrize("code", ["School", "一中", "-school", "school one"])
def test_an_invalid_code_is_a_problem(db, code):
    problems = rejected(tree([code, "甲工会", None, None, "总工会", None, None]))
    assert problems == [
        Problem(SHEET, 2, "代码", "代码只能由小写字母、数字、连字符和下划线组成，并以字母或数字开头。")
    ]


def test_cell_and_model_problems_are_all_listed(cast):
    problems = rejected(
        tree(
            ["ok", "好工会", None, "county", "基层工会", "学校", 10],
            [None, None, None, "county", "协会", "学院", -1],
            ["team", "小组", None, None, "工会小组", None, None],
        )
    )
    assert [(p.row, p.column) for p in problems] == [
        (3, "代码"), (3, "全称"), (3, "类型"), (3, "行业"), (3, "职工总数"), (4, "上级代码")
    ]
    assert problems[-1].message == "分工会/工会小组必须有上级工会。"
    assert problems[2].message.startswith("无法识别“协会”，可填写：总工会、基层工会、分工会/工会小组")


def test_an_unchanged_branch_is_skipped(cast):
    row = ["school", cast.school.name, cast.school.short_name, "county", "基层工会", "学校", cast.school.workforce]
    assert import_branches(tree(row), actor=None) == result(skipped=1)


def test_a_workbook_without_the_sheet_is_a_problem(db):
    assert rejected(make_workbook({"Sheet1": [["代码"]]})) == [Problem(SHEET, None, "", "工作簿中没有“工会组织”工作表。")]


def test_a_sheet_with_other_headers_is_a_problem(db):
    problems = rejected(make_workbook({SHEET: [["代码", "名称"], ["a", "甲工会"]]}))
    assert problems == [
        Problem(SHEET, 1, "", "表头与模板不一致，应依次为：代码、全称、简称、上级代码、类型、行业、职工总数")
    ]
