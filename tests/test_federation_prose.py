"""The federation summary reads as the area's own prose: no editor's instructions in the document,
no zero figures, no category names as objects, at most five run-in points to a paragraph, no frame
repeated, highlights named by union, changes on last year; and the 典型做法 picker offers practices,
not tallies."""
import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Sum
from django.urls import reverse
from docx import Document as open_docx

from reports.demo import load_demo
from reports.documents import review, services, typical
from reports.documents.content import Document
from reports.documents.errors import Code
from reports.documents.snapshot import snapshot_of
from reports.exporting.docx import render_docx
from reports.exporting.pdf import render_pdf
from reports.models import Activity, Branch, Honor, Revision

from . import prose
from .exports import poppler
from .federations import YEAR, Area
from .records import make_activity
from .reviews import approve, raises_refusal

User = get_user_model()
DEMO_PASSWORD = "unionreports"
INSTRUCTION_WORDS = ["请从", "系统会注明出处", "选取典型做法"]
ZERO_FIGURE = re.compile(r"(?<![\d.])0(\.0+)?(人次|人|次|项|件|期|个|场|批次|元)")
ORDINAL = re.compile(r"([一二三四五六七八九十]+)是")
ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


@pytest.fixture
def county(db):
    load_demo()
    county = Branch.objects.get(code="county")
    report = services.create_summary(branch=county, year=YEAR, user=None)
    return county, report


def document_of(report) -> Document:
    return Document.from_dict(report.current_revision().content)


def docx_text(report) -> str:
    docx = open_docx(io.BytesIO(render_docx(snapshot_of(report))))
    cells = [cell.text for table in docx.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in docx.paragraphs] + cells)


def area_names(federation) -> list[str]:
    """Every particular of the area's unions (names, titles, recipients…), for the frame check."""
    names = set()
    start, end = datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31)
    for union in Branch.objects.subtree_of(federation):
        names.update(prose.record_names(union, start, end))
        names.add(union.display_name)
    return sorted(names, key=len, reverse=True)


def test_no_instruction_reaches_the_document_the_page_gives_it(county, client, tmp_path):
    _federation, report = county
    assert not any(word in docx_text(report) for word in INSTRUCTION_WORDS)
    pdf_text = "".join(poppler("pdftotext", render_pdf(snapshot_of(report)), tmp_path).split())
    assert "基层工会典型做法" in pdf_text
    assert not any(word in pdf_text for word in INSTRUCTION_WORDS)
    # The section is prose the officer must replace: submission waits until she picks or writes.
    assert document_of(report).paragraph("fed.typical").needs_filling
    with raises_refusal(Code.UNFINISHED) as refusal:
        review.submit_report(report=report, actor=User.objects.get(username="county-officer"))
    assert "基层工会典型做法" in str(refusal.value)
    client.login(username="county-officer", password=DEMO_PASSWORD)
    page = client.get(reverse("reports:document", args=["county", report.pk])).content.decode()
    assert "从各基层工会已审核通过的工作总结中勾选段落" in page


def test_figures_are_told_without_zeros_label_objects_or_long_runs(county):
    _federation, report = county
    document = document_of(report)
    assert Activity.objects.filter(branch__code__in=["school", "bureau"], category="workers_home", participants=0).exists()
    for _key, text in prose.body(document):
        assert not ZERO_FIGURE.search(text), text
        assert not re.search(r"(开展|组织|举办)(" + "|".join(prose.LABEL_OBJECTS) + r")[^，。]{0,4}\d", text), text
        ordinals = ORDINAL.findall(text)
        assert all(ORDINALS.index(o) < 5 for o in ordinals if o in ORDINALS), text
        assert len(ordinals) <= 5, text
    assert "推进职工之家建设" in " ".join(p.text for p in document.section("organization").paragraphs)


def test_no_frame_is_written_more_than_three_times(county):
    federation, report = county
    assert prose.overused_frames(document_of(report), area_names(federation)) == {}


def test_highlights_name_the_unions(county):
    _federation, report = county
    approved = ["school", "bureau"]
    activities = " ".join(p.text for p in document_of(report).section("activities").paragraphs)
    largest = Activity.objects.filter(branch__code__in=approved, start_date__year=YEAR).order_by("-participants").first()
    assert f"{largest.branch.display_name}举办的" in activities and f"（{largest.participants}人参加）" in activities
    honours = " ".join(p.text for p in document_of(report).section("honors").paragraphs)
    prize = Honor.objects.filter(branch__code="bureau", kind="prize", date__year=YEAR).get()
    assert f"获{prize.title}" in honours
    not_approved = Honor.objects.filter(branch__code="waterworks", date__year=YEAR).first()
    assert not_approved.title not in honours  # a union not yet approved is neither counted nor named
    units = document_of(report).paragraph("fed.organization.units").text
    assert "最早报送" in units


def test_changes_on_last_year_are_told_from_last_years_approved_figures(db):
    area = Area()
    secretary, chair = area.people["u1"]
    make_activity(area.u1, datetime.date(YEAR - 1, 5, 1), title="上年的活动", participants=7)
    approve(services.create_summary(branch=area.u1, year=YEAR - 1, user=None), secretary=secretary, chair=chair)
    area.approve_summary(area.u1)
    area.approve_summary(area.u2)
    report = services.create_summary(branch=area.east, year=YEAR, user=None)
    document = document_of(report)
    this_year = Activity.objects.filter(branch__in=[area.u1, area.u2], start_date__year=YEAR)
    last_year = Activity.objects.filter(branch__in=[area.u1, area.u2], start_date__year=YEAR - 1)
    more = this_year.count() - last_year.count()
    more_people = this_year.aggregate(n=Sum("participants"))["n"] - last_year.aggregate(n=Sum("participants"))["n"]
    total = document.paragraph("fed.activities.total").text
    assert f"共开展各类活动{this_year.count()}次，较上年增加{more}次" in total
    assert f"较上年增加{more_people}人次" in total
    members = document.paragraph("fed.organization.members").text
    assert f"在册会员{area.expected_sum(['u1', 'u2'], 'members')}人，较上年增加{area.expected['u2']['members']}人" in members


def test_without_last_year_no_change_is_claimed(db):
    area = Area()
    area.approve_summary(area.u1)
    report = services.create_summary(branch=area.east, year=YEAR, user=None)
    assert "较上年" not in " ".join(text for _key, text in prose.body(document_of(report)))


# -- the 典型做法 picker ---------------------------------------------------------------------------


def offered(federation):
    return {pick: text for source in typical.approved_sources(federation, YEAR) for pick, _heading, text in source.paragraphs}


def test_the_picker_offers_practices_not_tallies(county):
    federation, _report = county
    revision = Revision.objects.filter(
        report__branch__code="school", report__kind="summary", report__year=YEAR, state="approved").get()
    school = Document.from_dict(revision.content)
    picks = offered(federation)
    keys = {pick.split(":", 1)[1] for pick in picks if pick.startswith(f"{revision.pk}:")}
    for tally in ("welfare.total", "welfare.festival", "culture.total", "members.register", "meetings.committees", "honors.total"):
        assert school.paragraph(tally) is not None and tally not in keys
    assert not any(key.startswith(("problems", "next")) for key in keys)
    congress = next(p.key for p in school.section("democracy").paragraphs if p.key.startswith("meeting."))
    assert {"activity.visit_rest", "activity.workers_home", congress} <= keys  # practices, told with what came of them
    opening = school.preamble[0].text
    assert opening not in picks.values()


@pytest.mark.parametrize("text, statistical", [
    ("全年看望生病、住院职工3人次，送去慰问金1500元、慰问品折合200元，共计1700元。", True),
    ("为38名干部职工办理职工互助保障，缴纳保费2280元。", True),
    ("为推进政务公开，5月10日，在局门户网站及政务公开栏公开年度部门预算和“三公”经费，44名干部职工参与。", False),
    ("8月25日至27日组织15名干部职工赴外县考察城市更新，形成考察报告一份，提出改进建议五条。", False),
])
def test_a_paragraph_mostly_of_figures_is_a_tally(text, statistical):
    assert typical.is_statistical("u-added", text) is statistical


def test_drafted_totals_are_tallies_whatever_their_wording():
    assert typical.is_statistical("culture.total", "全年共组织各类文体活动10次，丰富了干部职工的业余文化生活。")
    assert typical.is_statistical("members.register", "目前工会共有在册会员38人。")
    assert not typical.is_statistical("activity.sports", "10月，工会举办了拔河比赛，建筑业管理科联队获得第一名。")


def test_the_picker_page_lists_only_practices(county, client):
    _federation, report = county
    client.login(username="county-officer", password=DEMO_PASSWORD)
    page = client.get(reverse("reports:typical_practices", args=["county", report.pk])).content.decode()
    assert "优秀教职工暑期疗休养" in page
    assert "全年工会共开展帮扶慰问" not in page
