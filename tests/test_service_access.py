"""The write services check who acts, whatever calls them: a user of another branch or without
the right role is refused by the service itself and nothing changes; None, the system (management
commands), may do everything."""
import io
import re

import pytest

from reports import access
from reports.documents import services, typical
from reports.documents.content import Document
from reports.models import Branch, Member, Report
from reports.workbook import build_template, import_branches, import_workbook

from .exports import YEAR, known_summary
from .reviews import approve
from .workbooks import make_workbook, sheet


def refused(call):
    with pytest.raises(access.PermissionDenied) as excinfo:
        call()
    assert re.search("[\u4e00-\u9fff]", str(excinfo.value)), "the refusal is told in Chinese"


@pytest.mark.parametrize("who", ["bob", "oscar", "olga", "nobody"])
def test_drafting_a_summary_is_refused_outside_the_union_and_its_drafters(cast, who):
    refused(lambda: services.create_summary(branch=cast.school, year=YEAR, user=getattr(cast, who)))
    assert not Report.objects.exists()


@pytest.mark.parametrize("who", ["dora", "oscar"])
def test_drafting_a_plan_is_refused_outside_the_union_and_its_drafters(cast, who):
    refused(lambda: services.create_plan(branch=cast.school, year=YEAR + 1, user=getattr(cast, who)))
    assert not Report.objects.exists()


def test_the_system_and_the_unions_own_people_draft(cast):
    assert services.create_summary(branch=cast.school, year=YEAR, user=None).pk
    assert services.create_plan(branch=cast.school, year=YEAR + 1, user=cast.carol).pk
    # A federation's own officer drafts the federation's summary.
    assert services.create_summary(branch=cast.county, year=YEAR, user=cast.oscar).pk


def _edited(report):
    revision = report.current_revision()
    document = Document.from_dict(revision.content)
    document.title = "改过的标题"
    return revision, document


@pytest.mark.parametrize("who", ["bob", "oscar"])
def test_saving_another_unions_document_is_refused(cast, who):
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    revision, document = _edited(report)
    refused(
        lambda: services.save_document(
            revision=revision, document=document, expected_version=revision.version, user=getattr(cast, who)
        )
    )
    assert report.current_revision().content["title"] != "改过的标题"
    saved = services.save_document(revision=revision, document=document, expected_version=revision.version, user=None)
    assert saved.content["title"] == "改过的标题"


def test_refreshing_another_unions_figures_is_refused(cast):
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    version = report.current_revision().version
    refused(lambda: services.refresh_figures(report=report, user=cast.dora))
    refused(lambda: services.refresh_figures(report=report, user=cast.oscar))
    assert report.current_revision().version == version
    assert services.refresh_figures(report=report, user=None).message


@pytest.fixture
def county_summary(cast):
    """The county's summary, with the school's approved summary to pick practices from."""
    approve(known_summary(cast.school), secretary=cast.alice, chair=cast.carol)
    report = services.create_summary(branch=cast.county, year=YEAR, user=None)
    sources = typical.approved_sources(cast.county, YEAR)
    picks = [pick for source in sources for pick, _heading, _text in source.paragraphs]
    assert picks
    return report, sources, picks


def _add_picks(report, sources, picks, user):
    revision = report.current_revision()
    return typical.add_picks(
        report=report, sources=sources, picks=picks, user=user,
        expected_revision=revision.number, expected_version=revision.version,
    )


@pytest.mark.parametrize("who", ["alice", "carol", "olga"])
def test_picking_practices_into_a_federations_summary_is_refused_to_others(cast, county_summary, who):
    report, sources, picks = county_summary
    version = report.current_revision().version
    refused(lambda: _add_picks(report, sources, picks, getattr(cast, who)))
    assert report.current_revision().version == version
    assert _add_picks(report, sources, picks, None) > 0


def _one_member_workbook():
    return make_workbook(sheet("会员", {"姓名": "赵敏", "性别": "女"}))


@pytest.mark.parametrize("who", ["bob", "oscar"])
def test_importing_records_is_refused_to_those_who_do_not_keep_them(cast, who):
    refused(lambda: import_workbook(cast.school, _one_member_workbook(), actor=getattr(cast, who)))
    assert not Member.objects.exists()
    import_workbook(cast.school, _one_member_workbook(), actor=None)
    assert Member.objects.filter(branch=cast.school, name="赵敏").exists()


def test_the_unions_secretary_imports_its_records(cast):
    result = import_workbook(cast.school, io.BytesIO(build_template()), actor=cast.alice)
    assert sum(result.created.values()) == 0


def test_importing_the_union_tree_is_for_the_superuser_and_the_system(cast):
    def tree():
        return make_workbook(sheet("工会组织", ["school2", "第二小学工会", None, "county", "基层工会", "学校", 30]))

    refused(lambda: import_branches(tree(), actor=cast.oscar))
    assert not Branch.objects.filter(code="school2").exists()
    import_branches(tree(), actor=None)
    assert Branch.objects.filter(code="school2").exists()
