"""Who reads and changes which branch: own branches for secretaries and chairs, subtrees for
officers, everything for the superuser, and 404 (never a glimpse) for everyone else."""
import datetime

import pytest
from django.urls import reverse

from reports import access
from reports.choices import ActivityCategory
from reports.models import Activity, Branch, Member

from .conftest import PASSWORD


def codes(qs):
    return sorted(qs.values_list("code", flat=True))


@pytest.fixture
def records(cast):
    """One member and one activity in each grassroots union."""
    for branch in (cast.school, cast.plant, cast.clinic):
        Member.objects.create(branch=branch, name=f"{branch.code}-member", gender="female")
        Activity.objects.create(
            branch=branch, title=f"{branch.code}-activity", category=ActivityCategory.SPORTS, start_date=datetime.date(2024, 5, 1)
        )
    return cast


def test_secretary_and_chair_see_only_their_own_branch(cast):
    assert codes(Branch.objects.visible_to(cast.alice)) == ["school"]
    assert codes(Branch.objects.visible_to(cast.carol)) == ["school"]
    assert codes(Branch.objects.visible_to(cast.bob)) == ["plant"]


def test_officer_sees_the_whole_subtree_of_their_federation(cast):
    assert codes(Branch.objects.visible_to(cast.oscar)) == ["county", "plant", "school"]
    assert codes(Branch.objects.visible_to(cast.olga)) == ["clinic", "other"]


def test_superuser_sees_everything_and_a_user_without_roles_nothing(cast):
    assert Branch.objects.visible_to(cast.sam).count() == Branch.objects.count()
    assert not Branch.objects.visible_to(cast.nobody).exists()


def test_records_are_scoped_like_their_branches(records):
    assert list(Member.objects.visible_to(records.alice).values_list("name", flat=True)) == ["school-member"]
    oscar_sees = sorted(Activity.objects.visible_to(records.oscar).values_list("title", flat=True))
    assert oscar_sees == ["plant-activity", "school-activity"]


def test_only_secretaries_and_chairs_edit_records(cast):
    assert access.can_edit_records(cast.alice, cast.school)
    assert access.can_edit_records(cast.carol, cast.school)
    assert not access.can_edit_records(cast.bob, cast.school)
    assert not access.can_edit_records(cast.oscar, cast.school)
    assert access.can_edit_records(cast.sam, cast.school)
    assert not Member.objects.editable_by(cast.oscar).exists()


def test_only_the_chair_approves(cast):
    assert access.can_approve(cast.carol, cast.school)
    assert not access.can_approve(cast.alice, cast.school)
    assert not access.can_approve(cast.dora, cast.school)
    assert not access.can_approve(cast.oscar, cast.school)


def test_a_user_with_several_branches_sees_each(cast):
    from reports.choices import RoleKind
    from reports.models import Role

    Role.objects.create(user=cast.alice, branch=cast.plant, kind=RoleKind.SECRETARY)
    assert codes(Branch.objects.visible_to(cast.alice)) == ["plant", "school"]


def test_roles_are_read_once_however_many_scoped_queries_follow(cast, django_assert_num_queries):
    with django_assert_num_queries(3):  # the user's roles, then one query per scoped read
        list(Member.objects.visible_to(cast.oscar))
        list(Activity.objects.visible_to(cast.oscar))


@pytest.mark.parametrize(
    "who, code, expected",
    [
        ("alice", "school", 200),
        ("carol", "school", 200),
        ("bob", "school", 404),
        ("dora", "school", 404),
        ("oscar", "school", 200),
        ("oscar", "county", 200),
        ("olga", "school", 404),
        ("sam", "school", 200),
        ("nobody", "school", 404),
        ("alice", "county", 404),
        ("alice", "no-such-branch", 404),
    ],
)
def test_branch_page_answers_by_role(client, cast, who, code, expected):
    client.login(username=who, password=PASSWORD)
    response = client.get(reverse("reports:branch_home", args=[code]))
    assert response.status_code == expected


def test_anonymous_users_are_sent_to_login(client, cast):
    url = reverse("reports:branch_home", args=["school"])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_home_sends_a_single_branch_user_to_their_branch(client, cast):
    client.login(username="alice", password=PASSWORD)
    response = client.get(reverse("reports:home"))
    assert response["Location"] == reverse("reports:branch_home", args=["school"])


def test_secretary_sees_their_branch_name(client, cast):
    client.login(username="alice", password=PASSWORD)
    response = client.get(reverse("reports:branch_home", args=["school"]))
    assert cast.school.name in response.content.decode()


def test_each_rule_answers_the_same_as_a_predicate_and_as_a_query(cast):
    branches = list(Branch.objects.all())
    for user in (cast.alice, cast.carol, cast.bob, cast.oscar, cast.olga, cast.sam, cast.nobody):
        readable = set(Branch.objects.visible_to(user))
        editable = set(Branch.objects.editable_by(user))
        assert {b for b in branches if access.can_read_branch(user, b)} == readable, user.username
        assert {b for b in branches if access.can_edit_records(user, b)} == editable, user.username
