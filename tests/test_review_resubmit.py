"""Submitting again after a return asks first when comments are unresolved or nothing changed;
approving keeps the chair's optional 审批意见."""
import datetime

import pytest

from reports.documents import approval, review, services
from reports.documents.errors import Code
from reports.models import Transition

from .records import make_activity
from .reviews import fill_placeholders, raises_refusal, rewrite

YEAR = datetime.date.today().year - 1


@pytest.fixture
def returned(cast):
    make_activity(cast.school, datetime.date(YEAR, 5, 1), participants=30)
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    fill_placeholders(report)
    review.submit_report(report=report, actor=cast.alice)
    review.add_comment(report=report, actor=cast.carol, target_key="culture", text="写得太简单。")
    review.return_report(report=report, actor=cast.carol, comment="请修改。")
    return report


def test_unresolved_comments_and_an_unchanged_text_ask_first(cast, returned):
    with raises_refusal(Code.CONFIRMATION_REQUIRED) as question:
        review.submit_report(report=returned, actor=cast.alice)
    assert [c.text for c in question.value.unresolved] == ["写得太简单。"] and question.value.unchanged
    assert returned.current_revision().state == "returned"


def test_a_changed_text_with_a_comment_unresolved_still_asks(cast, returned):
    rewrite(returned)
    with raises_refusal(Code.CONFIRMATION_REQUIRED) as question:
        review.submit_report(report=returned, actor=cast.alice)
    assert question.value.unresolved and not question.value.unchanged


def test_resolved_but_unchanged_still_asks(cast, returned):
    review.resolve_comment(comment=returned.current_revision().comments.get(), actor=cast.alice)
    with raises_refusal(Code.CONFIRMATION_REQUIRED) as question:
        review.submit_report(report=returned, actor=cast.alice)
    assert not question.value.unresolved and question.value.unchanged


def test_confirmed_it_is_submitted_and_the_transition_says_so(cast, returned):
    review.submit_report(report=returned, actor=cast.alice, confirmed=True)
    assert returned.current_revision().state == "submitted"
    note = Transition.objects.filter(report=returned).order_by("-id").first().note
    assert "写得太简单。" in note and "没有修改" in note


def test_changed_and_resolved_submits_without_asking(cast, returned):
    rewrite(returned)
    review.resolve_comment(comment=returned.current_revision().comments.get(), actor=cast.alice)
    review.submit_report(report=returned, actor=cast.alice)
    assert Transition.objects.filter(report=returned).order_by("-id").first().note == ""


def test_the_approval_opinion_is_kept_on_the_transition(cast, returned):
    review.submit_report(report=returned, actor=cast.alice, confirmed=True)
    approval.approve_report(report=returned, actor=cast.carol, opinion="同意。请按计划落实。\x00")
    step = Transition.objects.get(report=returned, to_state="approved")
    assert (step.note, step.note_label, step.action_label) == ("同意。请按计划落实。", "审批意见", "审核通过")
