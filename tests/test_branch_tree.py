"""The branch tree: materialized paths keep subtree reads to one indexed query."""
import pytest
from django.core.exceptions import ValidationError

from reports.choices import BranchKind
from reports.models import Branch

from .conftest import make_branch


@pytest.fixture
def city(db):
    city = make_branch("city", kind=BranchKind.FEDERATION)
    county = make_branch("county", parent=city, kind=BranchKind.FEDERATION)
    street = make_branch("street", parent=county, kind=BranchKind.FEDERATION)
    make_branch("school", parent=street)
    make_branch("school-team", parent=Branch.objects.get(code="school"), kind=BranchKind.SUBUNIT)
    make_branch("plant", parent=county)
    make_branch("elsewhere", kind=BranchKind.FEDERATION)
    return city


def codes(qs):
    return sorted(qs.values_list("code", flat=True))


def test_path_and_depth_follow_the_parents(city):
    team = Branch.objects.get(code="school-team")
    assert team.path == "/city/county/street/school/school-team/"
    assert team.depth == 4
    assert city.depth == 0


def test_subtree_reaches_every_depth_in_one_query(city, django_assert_num_queries):
    county = Branch.objects.get(code="county")
    with django_assert_num_queries(1):
        found = codes(Branch.objects.subtree_of(county))
    assert found == ["county", "plant", "school", "school-team", "street"]


def test_subtree_does_not_match_a_sibling_sharing_a_code_prefix(db):
    root = make_branch("a", kind=BranchKind.FEDERATION)
    make_branch("ab", kind=BranchKind.FEDERATION)
    make_branch("a1", parent=root)
    assert codes(Branch.objects.subtree_of(root)) == ["a", "a1"]


def test_moving_a_branch_moves_its_whole_subtree(city):
    street = Branch.objects.get(code="street")
    street.parent = Branch.objects.get(code="elsewhere")
    street.save()
    team = Branch.objects.get(code="school-team")
    assert team.path == "/elsewhere/street/school/school-team/"
    assert team.depth == 3
    assert codes(Branch.objects.subtree_of(Branch.objects.get(code="county"))) == ["county", "plant"]


def test_renaming_a_code_rewrites_descendant_paths(city):
    school = Branch.objects.get(code="school")
    school.code = "school2"
    school.save()
    assert Branch.objects.get(code="school-team").path == "/city/county/street/school2/school-team/"


def test_a_branch_cannot_be_placed_under_its_own_descendant(city):
    county = Branch.objects.get(code="county")
    county.parent = Branch.objects.get(code="school")
    with pytest.raises(ValidationError) as excinfo:
        county.full_clean()
    assert excinfo.value.message_dict["parent"] == ["上级工会不能是它自己的下级组织。"]


def test_ancestors_from_root_down(city):
    team = Branch.objects.get(code="school-team")
    assert [b.code for b in team.ancestors()] == ["city", "county", "street", "school"]
