"""撤回: the submitter, or a secretary of the union, takes a submission back before the chair acts."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied

from reports.choices import RoleKind
from reports.documents import review, services
from reports.documents.errors import Code
from reports.models import Transition

from .conftest import make_user
from .reviews import approve, fill_placeholders, raises_refusal, submitted_school_summary

YEAR = datetime.date.today().year - 1


@pytest.fixture
def submitted(cast):
    return submitted_school_summary(cast, YEAR)


def last_step(report):
    return Transition.objects.filter(report=report).order_by("-id").first()


def test_the_submitter_withdraws_to_a_draft_with_a_transition(cast, submitted):
    revision = review.withdraw_report(report=submitted, actor=cast.alice)
    assert revision.state == "draft" and submitted.current_revision().submitted_at is None
    step = last_step(submitted)
    assert (step.from_state, step.to_state, step.actor, step.action_label) == ("submitted", "draft", cast.alice, "撤回")


def test_another_secretary_of_the_union_may_withdraw(cast, submitted):
    colleague = make_user("alice2", branch=cast.school, kind=RoleKind.SECRETARY)
    review.withdraw_report(report=submitted, actor=colleague)
    assert submitted.current_revision().state == "draft"


@pytest.mark.parametrize("who", ["bob", "dora", "oscar", "nobody"])
def test_nobody_outside_the_union_withdraws(cast, submitted, who):
    with pytest.raises(PermissionDenied):
        review.withdraw_report(report=submitted, actor=getattr(cast, who))
    assert submitted.current_revision().state == "submitted"


def test_refused_once_the_chair_has_written_a_comment(cast, submitted):
    review.add_comment(report=submitted, actor=cast.carol, target_key="culture", text="写得太简单。")
    with raises_refusal(Code.REVIEW_STARTED) as refusal:
        review.withdraw_report(report=submitted, actor=cast.alice)
    assert "主席" in str(refusal.value)
    assert submitted.current_revision().state == "submitted"
    assert not Transition.objects.filter(report=submitted, to_state="draft").exists()


def test_refused_unless_submitted(cast, submitted):
    review.return_report(report=submitted, actor=cast.carol, comment="请补充。")
    with raises_refusal(Code.NOT_WITHDRAWABLE):
        review.withdraw_report(report=submitted, actor=cast.alice)
    assert submitted.current_revision().state == "returned"


def test_an_approved_report_cannot_be_withdrawn(cast):
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    approve(report, secretary=cast.alice, chair=cast.carol)
    with raises_refusal(Code.NOT_WITHDRAWABLE):
        review.withdraw_report(report=report, actor=cast.alice)
    assert report.current_revision().state == "approved"


def test_withdrawn_it_can_be_edited_and_submitted_again(cast, submitted):
    review.withdraw_report(report=submitted, actor=cast.alice)
    fill_placeholders(submitted, text="撤回后改写的一段文字。")
    review.submit_report(report=submitted, actor=cast.alice)
    assert submitted.current_revision().state == "submitted"


def test_the_reviewing_chair_returns_instead_of_withdrawing(cast, submitted):
    with raises_refusal(Code.REVIEWER_RETURNS) as refusal:
        review.withdraw_report(report=submitted, actor=cast.carol)
    assert "退回修改" in str(refusal.value)
    assert submitted.current_revision().state == "submitted"
    assert not Transition.objects.filter(report=submitted, to_state="draft").exists()


def test_a_chair_who_submitted_it_herself_may_withdraw(cast):
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    fill_placeholders(report)
    review.submit_report(report=report, actor=cast.carol)
    review.withdraw_report(report=report, actor=cast.carol)
    assert report.current_revision().state == "draft"
