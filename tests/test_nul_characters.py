"""A NUL character in a form field or the query string (PostgreSQL cannot store one; SQLite would
keep it and send it back to the browser) is refused with the Chinese 400 page, before any view or
login check sees it, and changes nothing: the in-page sign-in, the editor's autosave and a plan
item's progress mark alike."""
import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from reports.documents import services
from reports.models import Autosave, PlanItemMark

from .test_error_pages import assert_chinese_error_page

YEAR = datetime.date.today().year - 1
REFUSAL = "无法保存的控制字符"


def test_the_in_page_sign_in_refuses_a_nul_in_the_username(client, cast):
    response = client.post(reverse("login_json"), {"username": "a\x00b", "password": "whatever"})
    assert_chinese_error_page(response, 400, REFUSAL)
    assert not AccessAttempt.objects.exists() and "_auth_user_id" not in client.session


def test_the_login_page_refuses_a_nul_in_the_query_string(client, cast):
    assert_chinese_error_page(client.get(reverse("login") + "?next=/%00"), 400, REFUSAL)


def test_the_autosave_refuses_a_nul_in_the_title(client, cast):
    summary = services.create_summary(branch=cast.school, year=YEAR, user=None)
    client.force_login(cast.alice)
    data = {"revision": summary.current_revision().number, "title": "a\x00b"}
    response = client.post(reverse("reports:document_autosave", args=["school", summary.pk]), data)
    assert_chinese_error_page(response, 400, REFUSAL)
    assert not Autosave.objects.exists()


@pytest.fixture
def plan_item(cast):
    plan = services.create_plan(branch=cast.school, year=YEAR, user=None)
    return plan.plan_items.order_by("position").first()


def test_a_plan_item_mark_refuses_a_nul_in_the_note(client, cast, plan_item):
    client.force_login(cast.alice)
    url = reverse("reports:plan_item_mark", args=["school", plan_item.report.pk, plan_item.key])
    response = client.post(url, {"status": "done", "date": f"{YEAR}-05-20", "note": "已完成\x00见简报"})
    assert_chinese_error_page(response, 400, REFUSAL)
    assert not PlanItemMark.objects.exists()
