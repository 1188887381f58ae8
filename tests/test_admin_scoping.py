"""The admin shows a staff user exactly what the pages would, and nothing of other branches."""
import datetime

import pytest
from django.urls import reverse

from reports.choices import ActivityCategory
from reports.models import Activity, Member

from .admin_helpers import make_plan_item
from .conftest import PASSWORD


@pytest.fixture
def staffed(cast):
    for user in (cast.alice, cast.oscar):
        user.is_staff = True
        user.save()
    cast.school_walk = Activity.objects.create(
        branch=cast.school, title="学校健步走", category=ActivityCategory.SPORTS, start_date=datetime.date(2024, 4, 1)
    )
    cast.plant_walk = Activity.objects.create(
        branch=cast.plant, title="水厂健步走", category=ActivityCategory.SPORTS, start_date=datetime.date(2024, 4, 1)
    )
    cast.clinic_member = Member.objects.create(branch=cast.clinic, name="医院会员", gender="female")
    return cast


def login(client, username):
    assert client.login(username=username, password=PASSWORD)


def test_admin_is_in_chinese(client, staffed):
    login(client, "sam")
    page = client.get(reverse("admin:index")).content.decode()
    assert "工会工作报告系统管理" in page
    assert "工会组织" in page and "帮扶慰问" in page


def test_staff_secretary_sees_only_own_records_in_the_changelist(client, staffed):
    login(client, "alice")
    page = client.get(reverse("admin:reports_activity_changelist")).content.decode()
    assert "学校健步走" in page
    assert "水厂健步走" not in page


def test_another_branch_record_is_absent_from_the_admin(client, staffed):
    login(client, "alice")
    response = client.get(reverse("admin:reports_activity_change", args=[staffed.plant_walk.pk]))
    # The admin answers an unknown object by redirecting to its index with a "does not exist" note.
    assert response.status_code == 302
    assert client.get(reverse("admin:reports_member_change", args=[staffed.clinic_member.pk])).status_code == 302


def test_staff_secretary_can_change_own_record(client, staffed):
    login(client, "alice")
    url = reverse("admin:reports_activity_change", args=[staffed.school_walk.pk])
    assert client.get(url).status_code == 200


def test_officer_reads_the_subtree_but_cannot_change(client, staffed):
    login(client, "oscar")
    page = client.get(reverse("admin:reports_activity_changelist")).content.decode()
    assert "学校健步走" in page and "水厂健步走" in page
    url = reverse("admin:reports_activity_change", args=[staffed.school_walk.pk])
    response = client.post(url, {"title": "改名"})
    assert response.status_code == 403
    staffed.school_walk.refresh_from_db()
    assert staffed.school_walk.title == "学校健步走"


def test_admin_branch_choices_are_limited_to_editable_branches(client, staffed):
    login(client, "alice")
    page = client.get(reverse("admin:reports_activity_add")).content.decode()
    assert staffed.school.short_name in page
    assert staffed.plant.short_name not in page


def test_staff_secretary_cannot_edit_branches_or_roles(client, staffed):
    login(client, "alice")
    response = client.post(reverse("admin:reports_branch_change", args=[staffed.school.pk]), {"name": "x"})
    assert response.status_code == 403
    assert client.get(reverse("admin:reports_role_add")).status_code == 403


def test_the_add_activity_form_offers_only_the_unions_own_plan_items(client, staffed):
    make_plan_item(staffed.school, "学校三八座谈会")
    make_plan_item(staffed.plant, "水厂安全生产月")
    foreign = make_plan_item(staffed.clinic, "医院护士节表彰")
    login(client, "alice")
    url = reverse("admin:reports_activity_add")
    page = client.get(url).content.decode()
    assert "学校三八座谈会" in page
    assert "水厂安全生产月" not in page and "医院护士节表彰" not in page
    data = {"branch": staffed.school.pk, "title": "借用计划", "category": ActivityCategory.SPORTS,
            "start_date": "2024-04-01", "participants": 0, "cost": 0, "plan_item": foreign.pk}
    assert client.post(url, data).status_code == 200  # the form again, with the error
    assert not Activity.objects.filter(title="借用计划").exists()



def test_the_add_honor_form_offers_only_the_unions_own_activities(client, staffed):
    login(client, "alice")
    page = client.get(reverse("admin:reports_honor_add")).content.decode()
    assert "学校健步走" in page
    assert "水厂健步走" not in page
