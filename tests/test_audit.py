"""Every change to records and documents keeps who, when and what changed."""
import datetime

from django.urls import reverse

from reports.documents import history, services
from reports.documents.content import Document
from reports.models import Activity, DocumentEdit

from .conftest import PASSWORD

YEAR = datetime.date.today().year - 1


def test_record_changes_through_the_pages_keep_who_and_what(client, cast):
    client.login(username="alice", password=PASSWORD)
    client.post(reverse("reports:record_add", args=["school", "activities"]),
                {"title": "拔河比赛", "category": "sports", "start_date": f"{YEAR}-05-01", "participants": "40", "cost": "0"})
    activity = Activity.objects.get()
    client.post(reverse("reports:record_edit", args=["school", "activities", activity.pk]),
                {"title": "拔河比赛", "category": "sports", "start_date": f"{YEAR}-05-01", "participants": "44", "cost": "0"})
    client.login(username="carol", password=PASSWORD)
    client.post(reverse("reports:record_delete", args=["school", "activities", activity.pk]))
    history = list(Activity.history.filter(id=activity.pk).order_by("history_date"))
    assert [(h.history_type, h.history_user.username, h.participants) for h in history] == [
        ("+", "alice", 40), ("~", "alice", 44), ("-", "carol", 44),
    ]
    changes = history[1].diff_against(history[0]).changes
    assert [(c.field, c.old, c.new) for c in changes] == [("participants", 40, 44)]


def test_imported_records_have_history_too(client, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .workbooks import sheet, workbook

    client.login(username="alice", password=PASSWORD)
    book = workbook(sheet("活动", {"开始日期": f"{YEAR}-05-01", "活动名称": "导入的活动", "类别": "体育活动"}))
    client.post(reverse("reports:excel", args=["school"]), {"file": SimpleUploadedFile("a.xlsx", book.getvalue())})
    entry = Activity.history.get(title="导入的活动")
    assert entry.history_type == "+" and entry.history_change_reason == "Excel 导入"


def test_the_admin_shows_a_records_history(client, cast):
    client.login(username="alice", password=PASSWORD)
    client.post(reverse("reports:record_add", args=["school", "activities"]),
                {"title": "拔河比赛", "category": "sports", "start_date": f"{YEAR}-05-01", "participants": "40", "cost": "0"})
    client.login(username="sam", password=PASSWORD)
    page = client.get(reverse("admin:reports_activity_history", args=[Activity.objects.get().pk])).content.decode()
    assert "alice" in page and "拔河比赛" in page


def test_every_document_save_is_kept_with_its_author(cast):
    report = services.create_plan(branch=cast.school, year=YEAR, user=cast.alice)
    revision = report.current_revision()
    document = Document.from_dict(revision.content)
    document.title = "修改后的标题"
    services.save_document(revision=revision, document=document, expected_version=revision.version, user=cast.carol)
    edits = list(DocumentEdit.objects.filter(revision=revision).order_by("version"))
    assert [(e.version, e.editor.username) for e in edits] == [(1, "alice"), (2, "carol")]
    titles = [history.content_at(e)["title"] for e in edits]
    assert titles[1] == "修改后的标题" and titles[0] != "修改后的标题"


def test_an_officer_sees_a_unions_document_history(client, cast):
    from .reviews import fill_placeholders
    from reports.documents import review

    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    fill_placeholders(report)
    review.submit_report(report=report, actor=cast.alice)
    review.return_report(report=report, actor=cast.carol, comment="请补充数据")
    client.login(username="oscar", password=PASSWORD)
    timeline = client.get(reverse("reports:document", args=["school", report.pk])).context["transitions"]
    assert [(t.actor.username, t.to_state, t.note) for t in timeline] == [("alice", "submitted", ""), ("carol", "returned", "请补充数据")]


def test_the_admin_shows_the_text_as_saved(client, cast):
    report = services.create_plan(branch=cast.school, year=YEAR, user=cast.alice)
    revision = report.current_revision()
    document = Document.from_dict(revision.content)
    document.title = "第二版的标题"
    services.save_document(revision=revision, document=document, expected_version=revision.version, user=cast.alice)
    edit = DocumentEdit.objects.get(revision=revision, version=2)
    client.login(username="sam", password=PASSWORD)
    page = client.get(reverse("admin:reports_documentedit_change", args=[edit.pk])).content.decode()
    assert "第二版的标题" in page and document.signature in page
