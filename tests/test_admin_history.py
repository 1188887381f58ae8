"""The admin's history pages (历史) show only what the user may read, and revert nothing for them.

Reverting writes every field of an old version back, foreign keys included, so outside the
superuser it is refused; a version of another branch's object is not even shown (404).
"""
import pytest
from django.urls import reverse

from reports.choices import BranchKind, RoleKind
from reports.models import Branch, Member, Role

from .admin_helpers import latest_history_id, login, make_staff
from .records import make_member


@pytest.fixture
def staffed(cast):
    make_staff(cast.alice, cast.carol, cast.oscar)
    cast.school_member = make_member(cast.school, "学校会员")
    cast.clinic_member = make_member(cast.clinic, "医院会员")
    return cast


def version_url(obj):
    return reverse(f"admin:reports_{obj._meta.model_name}_simple_history", args=[obj.pk, latest_history_id(obj)])


def history_url(obj):
    return reverse(f"admin:reports_{obj._meta.model_name}_history", args=[obj.pk])


def member_data(member, **changes):
    return {"name": member.name, "gender": member.gender, "employment_type": member.employment_type,
            "status": member.status, "branch": member.branch_id, **changes}


def branch_data(branch, **changes):
    return {"code": branch.code, "name": branch.name, "short_name": branch.short_name, "kind": branch.kind,
            "sector": branch.sector, "workforce": branch.workforce, "parent": branch.parent_id or "", **changes}


def test_a_secretary_cannot_turn_an_officer_role_into_her_own(client, staffed):
    officer_role = Role.objects.get(user=staffed.oscar)
    login(client, "alice")
    data = {"user": staffed.alice.pk, "branch": staffed.county.pk, "kind": RoleKind.OFFICER}
    assert client.post(version_url(officer_role), data).status_code == 404
    officer_role.refresh_from_db()
    assert officer_role.user == staffed.oscar
    assert not Role.objects.filter(user=staffed.alice, branch=staffed.county).exists()


def test_a_secretary_cannot_revert_her_own_role_into_an_officer_role(client, staffed):
    own_role = Role.objects.get(user=staffed.alice)
    login(client, "alice")
    data = {"user": staffed.alice.pk, "branch": staffed.county.pk, "kind": RoleKind.OFFICER}
    assert client.post(version_url(own_role), data).status_code == 403
    own_role.refresh_from_db()
    assert (own_role.branch, own_role.kind) == (staffed.school, RoleKind.SECRETARY)


def test_a_secretary_cannot_move_a_federation_under_another(client, staffed):
    login(client, "alice")
    response = client.post(version_url(staffed.county), branch_data(staffed.county, parent=staffed.other.pk))
    assert response.status_code == 404
    assert Branch.objects.get(pk=staffed.county.pk).parent is None


def test_an_officer_cannot_move_his_own_federation(client, staffed):
    login(client, "oscar")
    response = client.post(version_url(staffed.county), branch_data(staffed.county, parent=staffed.other.pk))
    assert response.status_code == 403
    county = Branch.objects.get(pk=staffed.county.pk)
    assert county.parent is None and county.kind == BranchKind.FEDERATION


def test_a_secretary_cannot_take_another_unions_member(client, staffed):
    login(client, "alice")
    data = member_data(staffed.clinic_member, name="改名", branch=staffed.school.pk)
    assert client.post(version_url(staffed.clinic_member), data).status_code == 404
    member = Member.objects.get(pk=staffed.clinic_member.pk)
    assert (member.name, member.branch) == ("医院会员", staffed.clinic)


def test_another_branchs_history_is_not_shown(client, staffed):
    login(client, "alice")
    assert client.get(history_url(staffed.clinic_member)).status_code == 404
    assert client.get(version_url(staffed.clinic_member)).status_code == 404
    assert client.get(history_url(staffed.county)).status_code == 404


def test_a_deleted_records_history_is_for_the_superuser_only(client, staffed):
    url = history_url(staffed.school_member)
    staffed.school_member.delete()
    login(client, "alice")
    assert client.get(url).status_code == 404
    login(client, "sam")
    assert client.get(url).status_code == 200


def test_a_secretary_reads_her_records_history_but_does_not_revert_it(client, staffed):
    login(client, "alice")
    assert "学校会员" in client.get(history_url(staffed.school_member)).content.decode()
    page = client.get(version_url(staffed.school_member)).content.decode()
    assert "学校会员" in page and 'name="_save"' not in page
    data = member_data(staffed.school_member, name="改名")
    assert client.post(version_url(staffed.school_member), data).status_code == 403
    assert Member.objects.get(pk=staffed.school_member.pk).name == "学校会员"


def test_the_superuser_still_reverts_a_record(client, staffed):
    version = version_url(staffed.school_member)
    Member.objects.filter(pk=staffed.school_member.pk).update(name="后来的名字")
    login(client, "sam")
    response = client.post(version, member_data(staffed.school_member))
    assert response.status_code == 302
    assert Member.objects.get(pk=staffed.school_member.pk).name == "学校会员"


def test_versions_from_before_a_move_stay_with_the_branch_they_belonged_to(client, staffed):
    member = staffed.clinic_member
    clinic_version = latest_history_id(member)
    member.branch, member.name = staffed.school, "调入会员"
    member.save()
    login(client, "alice")
    old_version_url = reverse("admin:reports_member_simple_history", args=[member.pk, clinic_version])
    assert client.get(old_version_url).status_code == 404
    assert "医院会员" not in client.get(history_url(member)).content.decode()
    assert client.get(version_url(member)).status_code == 200
