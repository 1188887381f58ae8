"""本会信息: a union's secretary or chair keeps its workforce, unit kind and party organisation."""
import pytest
from django.urls import reverse

from reports.choices import UnitKind
from reports.models import Branch

from .conftest import PASSWORD


def info_url(code):
    return reverse("reports:branch_info", args=[code])


def login(client, username):
    assert client.login(username=username, password=PASSWORD)
    return client


VALID = {"workforce": "62", "unit_kind": "kindergarten", "party_organisation": "中共示范县实验幼儿园支部委员会"}


@pytest.mark.parametrize("who", ["alice", "carol"])
def test_secretary_and_chair_change_workforce_and_party_organisation(client, cast, who):
    login(client, who)
    page = client.get(info_url("school")).content.decode()
    assert "职工总数" in page and "上级党组织名称" in page and 'value="50"' in page
    response = client.post(info_url("school"), VALID)
    assert response.status_code == 302
    school = Branch.objects.get(code="school")
    assert (school.workforce, school.unit_kind, school.party_organisation) == (
        62, UnitKind.KINDERGARTEN, "中共示范县实验幼儿园支部委员会"
    )
    assert school.unit_words().party_organisation == "中共示范县实验幼儿园支部委员会"
    assert "已保存本会信息" in client.get(response["Location"]).content.decode()


def test_the_home_page_links_to_it_for_editors_only(client, cast):
    assert info_url("school") in login(client, "alice").get(reverse("reports:branch_home", args=["school"])).content.decode()
    client.logout()
    assert info_url("school") not in login(client, "oscar").get(reverse("reports:branch_home", args=["school"])).content.decode()


def test_bad_workforce_is_a_chinese_message_and_changes_nothing(client, cast):
    login(client, "alice")
    for bad in ("-3", "很多", "", "99999999999"):
        response = client.post(info_url("school"), {**VALID, "workforce": bad})
        assert response.status_code == 200
        errors = response.context["form"].errors["workforce"]
        assert errors and all(any("\u4e00" <= ch <= "\u9fff" for ch in e) for e in errors), errors
    school = Branch.objects.get(code="school")
    assert (school.workforce, school.party_organisation) == (50, "")


def test_another_branch_is_not_found_and_the_officer_is_refused(client, cast):
    login(client, "bob")  # plant's secretary
    assert client.get(info_url("school")).status_code == 404
    assert client.post(info_url("school"), VALID).status_code == 404
    client.logout()
    login(client, "oscar")  # the county's officer reads the school but does not keep its figures
    assert client.get(info_url("school")).status_code == 403
    assert client.post(info_url("school"), VALID).status_code == 403
    assert Branch.objects.get(code="school").workforce == 50


def test_only_the_three_fields_can_change(client, cast):
    login(client, "alice")
    client.post(info_url("school"), {**VALID, "name": "改名", "sector": "hospital", "parent": cast.other.pk, "code": "x"})
    school = Branch.objects.get(pk=cast.school.pk)
    assert (school.name, school.sector, school.parent, school.code) == ("school工会委员会", "school", cast.county, "school")
