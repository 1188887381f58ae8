"""批注: the chair's comments beside the text of a submitted report, sent with the return."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied

from reports.documents import approval, review
from reports.documents.content import Document
from reports.documents.errors import Code
from reports.models import ReviewComment, Transition

from .reviews import raises_refusal, submitted_school_summary

YEAR = datetime.date.today().year - 1


@pytest.fixture
def submitted(cast):
    return submitted_school_summary(cast, YEAR)


def test_a_comment_on_a_section_or_a_paragraph_waits_for_the_return(cast, submitted):
    on_section = review.add_comment(report=submitted, actor=cast.carol, target_key="culture", text="写得太简单。")
    on_paragraph = review.add_comment(report=submitted, actor=cast.carol, target_key="opening", text="开头太长。")
    assert on_section.target_label == Document.from_dict(submitted.current_revision().content).section("culture").heading
    assert on_paragraph.target_label == "开头段落第1段"
    assert not on_section.sent and not on_paragraph.sent
    review.return_report(report=submitted, actor=cast.carol)  # the comments alone are enough
    returned = Transition.objects.get(report=submitted, to_state="returned")
    assert set(returned.comments.all()) == {on_section, on_paragraph}


def test_return_needs_a_comment_or_a_general_remark(cast, submitted):
    with raises_refusal(Code.COMMENT_REQUIRED):
        review.return_report(report=submitted, actor=cast.carol, comment="  ")
    assert submitted.current_revision().state == "submitted"
    review.add_comment(report=submitted, actor=cast.carol, target_key="culture", text="写得太简单。")
    review.return_report(report=submitted, actor=cast.carol, comment="  ")
    assert submitted.current_revision().state == "returned"
    assert Transition.objects.get(report=submitted, to_state="returned").note == ""


def test_only_the_chair_comments(cast, submitted):
    for user in (cast.alice, cast.dora, cast.oscar):
        with pytest.raises(PermissionDenied):
            review.add_comment(report=submitted, actor=user, target_key="culture", text="x")
    assert not ReviewComment.objects.exists()


def test_comments_only_on_a_submitted_report_and_a_part_it_has(cast, submitted):
    with raises_refusal(Code.UNKNOWN_COMMENT_TARGET):
        review.add_comment(report=submitted, actor=cast.carol, target_key="nope", text="x")
    with raises_refusal(Code.COMMENT_REQUIRED):
        review.add_comment(report=submitted, actor=cast.carol, target_key="culture", text="\x00 ")
    approval.approve_report(report=submitted, actor=cast.carol)
    with raises_refusal(Code.NOT_COMMENTABLE):
        review.add_comment(report=submitted, actor=cast.carol, target_key="culture", text="x")
    assert not ReviewComment.objects.exists()
