"""The admin and the forms speak Chinese to everyone: no English left over from Django, django-axes
or django-simple-history, no stored JSON, no bare checksums in lists."""
import datetime
import re

import pytest
from axes.models import AccessLog
from django.contrib import admin
from django.urls import reverse

from reports.documents import services
from reports.forms.records import WelfarePaymentForm
from reports.models import Report, Revision

from .conftest import PASSWORD, Cast
from .reviews import approve

YEAR = datetime.date.today().year - 1
LEFTOVER_ENGLISH = [
    "Axes", "Access attempt", "Access log", "Access failure", "Access Log for", "Model name", "Add link",
    "Change or view list link", "Changes", "Can add", "historical", "Label", "Attempt Time", "IP Address",
    "After you’ve created a user",
]


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture
def admin_client(client, db):
    cast = Cast()
    services.create_plan(branch=cast.school, year=YEAR, user=None)
    cast.school.name = "示范实验小学"
    cast.school.save()  # a history row with no change reason
    assert client.login(username="sam", password=PASSWORD)  # writes an axes access log
    client.post(reverse("login"), {"username": "sam", "password": "wrong"})
    assert client.login(username="sam", password=PASSWORD)
    client.cast = cast
    return client


def admin_pages():
    pages = [reverse("admin:index")]
    for model in admin.site._registry:
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append(reverse(f"{info}_changelist"))
        row = model._default_manager.order_by("pk").first()
        if row is not None:
            pages += [reverse(f"{info}_change", args=[row.pk]), reverse(f"{info}_history", args=[row.pk])]
    pages.append(reverse("admin:auth_user_add"))
    return pages


def test_no_english_left_in_the_admin(admin_client):
    assert AccessLog.objects.exists()
    for page in admin_pages():
        response = admin_client.get(page)
        assert response.status_code == 200, page
        text = visible_text(response.content.decode())
        for english in LEFTOVER_ENGLISH:
            assert english not in text, (page, english)
        assert not re.search(r"(?<![\w.])None(?![\w.])", text), page
        assert "&quot;kind&quot;" not in text and '"kind":' not in text, page


def test_documents_read_as_text_and_lists_hide_checksums(admin_client):
    cast = admin_client.cast
    approve(Report.objects.get(), secretary=cast.alice, chair=cast.carol)
    revision = Revision.objects.get(report=Report.objects.get())
    assert len(revision.pdf_sha256) == 64
    page = admin_client.get(reverse("admin:reports_revision_change", args=[revision.pk])).content.decode()
    assert "全文" in page and revision.content["title"] in visible_text(page)
    assert "&quot;preamble&quot;" not in page
    listing = admin_client.get(reverse("admin:reports_revision_changelist")).content.decode()
    assert not re.search(r"\b[0-9a-f]{64}\b", listing)


def test_login_guard_is_named_in_chinese(admin_client):
    index = visible_text(admin_client.get(reverse("admin:index")).content.decode())
    assert "登录保护" in index and "登录记录" in index


def test_an_empty_recent_actions_panel_says_there_is_no_record(admin_client):
    index = visible_text(admin_client.get(reverse("admin:index")).content.decode())
    assert "暂无记录" in index and "无可选的" not in index


def test_form_messages_end_with_a_chinese_full_stop(db):
    cast = Cast()
    form = WelfarePaymentForm(data={"cash": "12.345", "goods_value": "1.5"}, branch=cast.school)
    assert not form.is_valid()
    assert form.errors["cash"] == ["小数最多 2 位。"]
