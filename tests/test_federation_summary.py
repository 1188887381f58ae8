"""The federation's own summary: drafted from approved totals, typical practices credited to their
unions, an annex of reporting states; written by its officers and approved by its own chair."""
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from docx import Document as open_docx

from reports.documents import review, services
from reports.documents.content import Document
from reports.exporting import snapshot_of
from reports.exporting.docx import render_docx

from .conftest import PASSWORD
from .federations import YEAR, Area
from .reviews import fill_placeholders


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
    assert "一是开展体育活动" in activities
    welfare = " ".join(p.text for p in document.section("welfare").paragraphs)
    assert f"走访慰问职工{area.expected_sum(codes, 'headcount')}人次" in welfare
    assert f"合计{area.expected_sum(codes, 'amount')}元" in welfare
    organization = " ".join(p.text for p in document.section("organization").paragraphs)
    assert "全区共有基层工会2个" in organization and f"在册会员{area.expected_sum(codes, 'members')}人" in organization
    assert document.annex["headers"] == ["工会", "工作计划", "工作总结"]
    assert [row[2] for row in document.annex["rows"]] == ["已通过", "已通过"]


def test_typical_practices_are_credited_to_their_unions(client, area):
    report = services.create_summary(branch=area.city, year=YEAR, user=area.city_officer)
    client.login(username="city-officer", password=PASSWORD)
    url = reverse("reports:typical_practices", args=["city", report.pk])
    response = client.get(url)
    sources = response.context["sources"]
    assert [s.union.code for s in sources] == ["u1", "u2"]
    pick = sources[1].paragraphs[0]
    loaded = report.current_revision()
    response = client.post(url, {"pick": [pick[0]], "revision": loaded.number, "version": loaded.version}, follow=True)
    assert "已把 1 段典型做法加入工作总结" in response.content.decode()
    document = Document.from_dict(report.current_revision().content)
    typical = document.section("typical")
    assert [s.heading for s in typical.subsections] == [area.u2.display_name]
    assert typical.subsections[0].paragraphs[0].text == pick[2]
    assert not any(p.needs_filling for p in typical.paragraphs)


def test_officer_writes_and_submits_the_federation_chair_approves(area):
    report = services.create_summary(branch=area.east, year=YEAR, user=area.east_officer)
    fill_placeholders(report)
    review.submit_report(report=report, actor=area.east_officer)
    with pytest.raises(PermissionDenied):
        review.approve_report(report=report, actor=area.east_officer)
    with pytest.raises(PermissionDenied):
        review.approve_report(report=report, actor=area.city_officer)  # an officer above reopens, never approves
    review.approve_report(report=report, actor=area.east_chair)
    assert report.current_revision().state == "approved"
    review.reopen_report(report=report, actor=area.city_officer, reason="补充典型做法")


def test_export_carries_the_annex_table(area):
    report = services.create_summary(branch=area.east, year=YEAR)
    document = open_docx(io.BytesIO(render_docx(snapshot_of(report))))
    annex = document.tables[-1]
    assert [c.text for c in annex.rows[0].cells] == ["工会", "工作计划", "工作总结"]
    assert annex.rows[1].cells[0].text == area.u1.name


def test_draft_and_export_commands_work_for_a_federation(area, tmp_path):
    out = io.StringIO()
    call_command("draft_report", "--branch", "east", "--year", str(YEAR), "--kind", "summary", stdout=out)
    assert "已起草" in out.getvalue()
    target = tmp_path / "east.pdf"
    call_command("export_report", "--branch", "east", "--year", str(YEAR), "--kind", "summary", "--format", "pdf", "--output", str(target), stdout=out)
    assert target.read_bytes().startswith(b"%PDF")


def test_refresh_updates_the_annex_and_figures(area):
    report = services.create_summary(branch=area.east, year=YEAR)
    services.create_plan(branch=area.u1, year=YEAR)
    services.refresh_figures(report=report)
    document = Document.from_dict(report.current_revision().content)
    assert document.annex["rows"][0][1] == "草稿"


def test_a_half_year_federation_summary_is_refused(area):
    with pytest.raises(services.ReportError, match="按全年起草"):
        services.create_summary(branch=area.east, year=YEAR, half=True)
