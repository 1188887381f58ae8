"""Concurrency on PostgreSQL, with real parallel transactions in threads: two chairs approving at
once, two reopens at once, two saves of the same draft, two imports of the same workbook."""
import datetime
import threading
import time

import pytest
from django.db import connection, transaction

from reports.documents import approval, review, services
from reports.documents.content import Document
from reports.documents.errors import Code
from reports.models import Activity, Revision, Transition

from .conftest import Cast, make_user
from .records import make_activity
from .reviews import approve, fill_placeholders
from .workbooks import sheet, workbook

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
YEAR = datetime.date.today().year - 1


def run_together(*jobs):
    """Start every job at the same moment in its own thread (own connection); return results."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(i, job):
        try:
            barrier.wait()
            results[i] = job()
        except Exception as error:  # noqa: BLE001 - the test inspects what each side got
            results[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_chairs_approving_at_once_give_one_approval():
    cast = Cast()
    second_chair = make_user("carol2", branch=cast.school, kind="chair")
    make_activity(cast.school, datetime.date(YEAR, 5, 1))
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    fill_placeholders(report)
    review.submit_report(report=report, actor=cast.alice)
    results = run_together(
        lambda: approval.approve_report(report=report, actor=cast.carol),
        lambda: approval.approve_report(report=report, actor=second_chair),
    )
    approved = [r for r in results if isinstance(r, Revision)]
    refused = [r for r in results if isinstance(r, services.ReportError)]
    assert len(approved) == 1 and len(refused) == 1, results
    assert Transition.objects.filter(report=report, to_state="approved").count() == 1
    assert Revision.objects.filter(report=report, state="approved").count() == 1
    revision = Revision.objects.get(report=report)
    assert revision.pdf_file is not None and revision.docx_file is not None


def test_two_reopens_at_once_give_one_new_draft_and_one_refusal():
    cast = Cast()
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    approve(report, secretary=cast.alice, chair=cast.carol)

    def reopen(actor):
        # Hold the transaction open a moment, so the other reopen arrives while this one runs.
        with transaction.atomic():
            revision = review.reopen_report(report=report, actor=actor, reason="补充材料")
            time.sleep(0.5)
        return revision

    results = run_together(lambda: reopen(cast.carol), lambda: reopen(cast.oscar))
    reopened = [r for r in results if isinstance(r, Revision)]
    refused = [r for r in results if isinstance(r, services.ReportError)]
    assert len(reopened) == 1 and len(refused) == 1, results
    assert refused[0].code == Code.NOT_REOPENABLE
    assert list(Revision.objects.filter(report=report).values_list("number", "state")) == [(2, "draft"), (1, "approved")]
    assert Transition.objects.filter(report=report, from_state="approved").count() == 1


def test_two_saves_of_the_same_draft_keep_the_first():
    cast = Cast()
    report = services.create_plan(branch=cast.school, year=YEAR, user=None)
    revision = report.current_revision()

    def save(title):
        document = Document.from_dict(revision.content)
        document.title = title
        return services.save_document(revision=Revision.objects.get(pk=revision.pk), document=document, expected_version=revision.version, user=None)

    results = run_together(lambda: save("甲的标题"), lambda: save("乙的标题"))
    saved = [r for r in results if isinstance(r, Revision)]
    refused = [r for r in results if isinstance(r, services.StaleEdit)]
    assert len(saved) == 1 and len(refused) == 1, results
    stored = Revision.objects.get(pk=revision.pk)
    assert stored.content["title"] == saved[0].content["title"] and stored.version == revision.version + 1


def test_two_imports_of_the_same_workbook_create_no_duplicates():
    from reports import workbook as engine

    cast = Cast()
    rows = [{"开始日期": f"{YEAR}-05-{day:02d}", "活动名称": f"活动{day}", "类别": "体育活动", "参加人次": 10} for day in range(1, 21)]
    data = workbook(sheet("活动", *rows)).getvalue()
    import io

    results = run_together(
        lambda: engine.import_workbook(cast.school, io.BytesIO(data), actor=None),
        lambda: engine.import_workbook(cast.school, io.BytesIO(data), actor=None),
    )
    assert all(isinstance(r, engine.ImportResult) for r in results), results
    assert sorted(r.created["活动"] for r in results) == [0, 20]
    assert Activity.objects.filter(branch=cast.school).count() == 20


def submitted_summary(cast):
    make_activity(cast.school, datetime.date(YEAR, 5, 1))
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    fill_placeholders(report)
    review.submit_report(report=report, actor=cast.alice)
    return report


def held(step):
    """Run a review step and keep its transaction open a moment, so the other step arrives meanwhile."""
    with transaction.atomic():
        result = step()
        time.sleep(0.5)
    return result


def test_a_withdrawal_and_a_comment_at_once_leave_one_of_them():
    cast = Cast()
    report = submitted_summary(cast)
    results = run_together(
        lambda: held(lambda: review.withdraw_report(report=report, actor=cast.alice)),
        lambda: held(lambda: review.add_comment(report=report, actor=cast.carol, target_key="culture", text="请补充。")),
    )
    refused = [r for r in results if isinstance(r, services.ReportError)]
    assert len(refused) == 1, results
    revision = Revision.objects.get(report=report)
    if refused[0].code == Code.REVIEW_STARTED:  # the comment came first: still under review
        assert revision.state == "submitted" and revision.comments.count() == 1
    else:  # the withdrawal came first: a draft, and no comment on it
        assert refused[0].code == Code.NOT_COMMENTABLE
        assert revision.state == "draft" and revision.comments.count() == 0


def test_a_withdrawal_and_a_return_at_once_leave_one_of_them():
    cast = Cast()
    report = submitted_summary(cast)
    results = run_together(
        lambda: held(lambda: review.withdraw_report(report=report, actor=cast.alice)),
        lambda: held(lambda: review.return_report(report=report, actor=cast.carol, comment="请补充。")),
    )
    refused = [r for r in results if isinstance(r, services.ReportError)]
    assert len(refused) == 1 and refused[0].code in (Code.NOT_WITHDRAWABLE, Code.NOT_RETURNABLE), results
    assert Transition.objects.filter(report=report, from_state="submitted").count() == 1
