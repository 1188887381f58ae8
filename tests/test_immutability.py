"""An approved revision cannot change through pages, forms, services, the admin, querysets, or (on
PostgreSQL) raw SQL."""
import datetime

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse

from reports.documents import review, services
from reports.documents.content import Document
from reports.documents.errors import Code
from reports.models import FrozenRevision, Revision

from .conftest import PASSWORD
from .records import make_activity
from .reviews import approve, raises_refusal

YEAR = datetime.date.today().year - 1


@pytest.fixture
def approved(cast):
    make_activity(cast.school, datetime.date(YEAR, 5, 1))
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    revision = approve(report, secretary=cast.alice, chair=cast.carol)
    revision.refresh_from_db()
    return revision


def unchanged(revision):
    stored = Revision.objects.get(pk=revision.pk)
    return (stored.content, bytes(stored.pdf_file), bytes(stored.docx_file), stored.state) == (
        revision.content, bytes(revision.pdf_file), bytes(revision.docx_file), "approved")


def test_pages_refuse(client, cast, approved):
    client.login(username="carol", password=PASSWORD)
    report = approved.report
    edit = reverse("reports:document_edit", args=["school", report.pk])
    client.post(edit, {"version": approved.version, "title": "改", "action": "save"})
    client.post(reverse("reports:document_refresh", args=["school", report.pk]))
    client.post(reverse("reports:document_submit", args=["school", report.pk]))
    client.post(reverse("reports:document_return", args=["school", report.pk]), {"comment": "x"})
    assert unchanged(approved)


def test_services_refuse(cast, approved):
    document = Document.from_dict(approved.content)
    document.title = "改"
    with raises_refusal(Code.NOT_EDITABLE):
        services.save_document(revision=approved, document=document, expected_version=approved.version, user=None)
    with raises_refusal(Code.NOT_EDITABLE):
        services.refresh_figures(report=approved.report, user=None)
    with raises_refusal(Code.NOT_SUBMITTABLE):
        review.submit_report(report=approved.report, actor=cast.alice)
    assert unchanged(approved)


def test_models_and_querysets_refuse(approved):
    approved.content = {}
    with pytest.raises(FrozenRevision):
        approved.save()
    with pytest.raises(FrozenRevision):
        Revision.objects.filter(pk=approved.pk).update(pdf_file=b"forged")
    with pytest.raises(FrozenRevision):
        Revision.objects.all().delete()
    approved.refresh_from_db()
    assert unchanged(approved)


def test_the_admin_offers_no_way_to_change_it(client, cast, approved):
    client.login(username="sam", password=PASSWORD)
    url = reverse("admin:reports_revision_change", args=[approved.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()  # read only: no save button
    assert client.post(url, {"state": "draft", "version": 99}).status_code == 403
    assert client.post(reverse("admin:reports_revision_delete", args=[approved.pk]), {"post": "yes"}).status_code == 403
    assert client.post(reverse("admin:reports_revision_changelist"), {"action": "delete_selected", "_selected_action": [approved.pk]}).status_code in (200, 302)
    assert unchanged(approved)


@pytest.mark.postgres
def test_postgresql_refuses_even_raw_sql(approved):
    for sql in (
        "UPDATE reports_revision SET pdf_file = 'forged' WHERE id = %s",
        "UPDATE reports_revision SET state = 'draft' WHERE id = %s",
        "DELETE FROM reports_revision WHERE id = %s",
    ):
        with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [approved.pk])
    assert unchanged(approved)


@pytest.mark.postgres
def test_postgresql_still_lets_drafts_change(cast, approved):
    revision = review.reopen_report(report=approved.report, actor=cast.carol, reason="补充")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE reports_revision SET version = version + 1 WHERE id = %s", [revision.pk])
    assert Revision.objects.get(pk=revision.pk).version == revision.version + 1
