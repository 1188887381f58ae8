"""The federation's own summary: drafted from approved totals, typical practices credited to their
unions, an annex of reporting states; written by its officers and approved by its own chair."""
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from docx import Document as open_docx

from reports.documents import approval, review, services
from reports.documents.content import Document
from reports.documents.errors import Code
from reports.documents.snapshot import snapshot_of
from reports.exporting.docx import render_docx

from .conftest import PASSWORD
from .federations import YEAR, Area
from .records import make_activity
from .reviews import fill_placeholders, raises_refusal


@pytest.fixture
def area(db):
    area = Area()
    area.approve_summary(area.u1)
    area.approve_summary(area.u2)
    return area


def texts(report):
    return [p.text for p in Document.from_dict(report.current_revision().content).all_paragraphs()]


def test_drafted_from_the_approved_unions_totals(area):
    report = services.create_summary(branch=area.east, year=YEAR, user=area.east_officer)
    document = Document.from_dict(report.current_revision().content)
    assert document.title == f"东城区总工会{YEAR}年工作总结"
    activities = " ".join(p.text for p in document.section("activities").paragraphs)
    codes = ["u1", "u2"]
    assert f"全区2个基层工会共开展各类活动{area.expected_sum(codes, 'activities')}次，参与职工{area.expected_sum(codes, 'participants')}人次。" in activities
    assert f"在丰富职工文化生活方面，举办体育比赛和健身活动{area.expected_sum(codes, 'activities')}次" in activities
    welfare = " ".join(p.text for p in document.section("welfare").paragraphs)
    assert f"走访慰问职工{area.expected_sum(codes, 'headcount')}人次" in welfare
    assert f"发放慰问金{area.expected_sum(codes, 'amount')}元。" in welfare  # cash only: no 慰问品, no 合计
    organization = " ".join(p.text for p in document.section("organization").paragraphs)
    assert "全区共有基层工会2个" in organization and f"在册会员{area.expected_sum(codes, 'members')}人" in organization
    # The annex tables each unit directly below: u1 and u2, with their approved figures.
    assert document.annex["headers"][:3] == ["单位", "纳入统计的工会（个）", "在册会员（人）"]
    assert [row[:4] for row in document.annex["rows"]] == [
        [area.u1.display_name, "1", str(area.expected["u1"]["members"]), str(area.expected["u1"]["activities"])],
        [area.u2.display_name, "1", str(area.expected["u2"]["members"]), str(area.expected["u2"]["activities"])],
    ]


def test_typical_practices_are_credited_to_their_unions(client, area):
    make_activity(area.u3, datetime.date(YEAR, 6, 3), title="护理技能比武", category="competition", participants=36,
                  description="设静脉输液和心肺复苏两个项目", result="评出技术能手6名，全院护理操作合格率明显提高")
    area.approve_summary(area.u3)
    report = services.create_summary(branch=area.city, year=YEAR, user=area.city_officer)
    client.login(username="city-officer", password=PASSWORD)
    url = reverse("reports:typical_practices", args=["city", report.pk])
    response = client.get(url)
    sources = response.context["sources"]
    # u2's approved summary only tallies (totals, payments, a congress's proposals): nothing to pick.
    assert [s.union.code for s in sources] == ["u1", "u3"]
    pick = sources[1].paragraphs[0]
    assert "护理技能比武" in pick[2]
    loaded = report.current_revision()
    response = client.post(url, {"pick": [pick[0]], "revision": loaded.number, "version": loaded.version}, follow=True)
    assert "已把 1 段典型做法加入工作总结" in response.content.decode()
    document = Document.from_dict(report.current_revision().content)
    typical = document.section("typical")
    assert [s.heading for s in typical.subsections] == [area.u3.display_name]
    assert typical.subsections[0].paragraphs[0].text == pick[2]
    assert not any(p.needs_filling for p in typical.paragraphs)
    # Picking the same paragraph again adds nothing, and says so rather than "0 段".
    again = report.current_revision()
    response = client.post(url, {"pick": [pick[0]], "revision": again.number, "version": again.version}, follow=True)
    assert "所选的段落都已在工作总结的典型做法里" in response.content.decode()
    assert "已把 0 段" not in response.content.decode()
    assert len(Document.from_dict(report.current_revision().content).section("typical").subsections[0].paragraphs) == 1


def test_officer_writes_and_submits_the_federation_chair_approves(area):
    report = services.create_summary(branch=area.east, year=YEAR, user=area.east_officer)
    fill_placeholders(report)
    review.submit_report(report=report, actor=area.east_officer)
    with pytest.raises(PermissionDenied):
        approval.approve_report(report=report, actor=area.east_officer)
    with pytest.raises(PermissionDenied):
        approval.approve_report(report=report, actor=area.city_officer)  # an officer above reopens, never approves
    approval.approve_report(report=report, actor=area.east_chair)
    assert report.current_revision().state == "approved"
    review.reopen_report(report=report, actor=area.city_officer, reason="补充典型做法")


def test_export_carries_the_annex_table(area):
    report = services.create_summary(branch=area.east, year=YEAR, user=None)
    document = open_docx(io.BytesIO(render_docx(snapshot_of(report))))
    annex = document.tables[-1]
    assert [c.text for c in annex.rows[0].cells][:2] == ["单位", "纳入统计的工会（个）"]
    assert annex.rows[1].cells[0].text == area.u1.display_name


def test_draft_and_export_commands_work_for_a_federation(area, tmp_path):
    out = io.StringIO()
    call_command("draft_report", "--branch", "east", "--year", str(YEAR), "--kind", "summary", stdout=out)
    assert "已起草" in out.getvalue()
    target = tmp_path / "east.pdf"
    call_command("export_report", "--branch", "east", "--year", str(YEAR), "--kind", "summary", "--format", "pdf", "--output", str(target), stdout=out)
    assert target.read_bytes().startswith(b"%PDF")


def test_refresh_updates_the_annex_and_figures(db):
    area = Area()
    area.approve_summary(area.u1)
    report = services.create_summary(branch=area.east, year=YEAR, user=None)
    assert [row[:2] for row in Document.from_dict(report.current_revision().content).annex["rows"]] == [
        ["u1工会", "1"], ["u2工会", "0"]]
    area.approve_summary(area.u2)
    services.refresh_figures(report=report, user=None)
    document = Document.from_dict(report.current_revision().content)
    assert [row[:2] for row in document.annex["rows"]] == [["u1工会", "1"], ["u2工会", "1"]]


def test_a_half_year_federation_summary_is_refused(area):
    with raises_refusal(Code.FEDERATION_SUMMARY_IS_ANNUAL):
        services.create_summary(branch=area.east, year=YEAR, half=True, user=None)
