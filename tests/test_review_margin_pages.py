"""The review pages: comments beside the text, the approval confirmation, asking before
submitting again, the changes since a return, and file hashes folded into 文件校验码."""
import datetime
import re

import pytest
from django.urls import reverse

from reports.documents import review, services

from .conftest import PASSWORD
from .reviews import approval_form, approve, rewrite, submitted_school_summary

YEAR = datetime.date.today().year - 1


@pytest.fixture
def submitted(cast):
    return submitted_school_summary(cast, YEAR)


def url(name, report):
    return reverse(f"reports:{name}", args=["school", report.pk])


def page(client, username, report, name="document"):
    assert client.login(username=username, password=PASSWORD)
    return client.get(url(name, report)).content.decode()


def beside(html, key):
    """The HTML of one part of the document together with its margin."""
    match = re.search(rf'<div class="review-row" id="k-{re.escape(key)}">(.*?)</aside>', html, re.S)
    assert match, f"no margin beside {key}"
    return match.group(1)


def test_the_chair_gets_a_comment_form_beside_each_section(client, cast, submitted):
    html = page(client, "carol", submitted)
    part = beside(html, "culture")
    assert 'name="target" value="culture"' in part and "批注" in part
    assert reverse("reports:comment_add", args=["school", submitted.pk]) in part
    assert 'name="target" value="opening"' in beside(html, "opening")


def test_the_secretary_sees_no_comment_form_and_no_unsent_comment(client, cast, submitted):
    review.add_comment(report=submitted, actor=cast.carol, target_key="culture", text="还在斟酌的批注。")
    html = page(client, "alice", submitted)
    assert 'name="target"' not in html and "还在斟酌的批注。" not in html


def test_a_written_comment_sits_beside_its_section_for_the_chair_then_the_secretary(client, cast, submitted):
    assert client.login(username="carol", password=PASSWORD)
    response = client.post(url("comment_add", submitted), {"target": "culture", "text": "写得太简单。"})
    assert response["Location"].endswith("#k-culture")
    assert "写得太简单。" in beside(client.get(url("document", submitted)).content.decode(), "culture")
    client.post(url("document_return", submitted), {"comment": ""})
    assert submitted.current_revision().state == "returned"
    part = beside(page(client, "alice", submitted), "culture")
    assert "写得太简单。" in part and "标记为已解决" in part
    editor = page(client, "alice", submitted, "document_edit")
    assert re.search(r'id="culture".*?写得太简单。', editor, re.S)


def test_the_return_page_is_no_longer_a_form(client, cast, submitted):
    assert client.login(username="carol", password=PASSWORD)
    response = client.get(url("document_return", submitted))
    assert response.status_code == 302 and response["Location"].startswith(url("document", submitted))


def test_approval_asks_first_and_shows_the_opinion(client, cast, submitted):
    assert client.login(username="carol", password=PASSWORD)
    confirmation = client.get(url("document_approve", submitted)).content.decode()
    assert 'name="opinion"' in confirmation and "确认通过" in confirmation
    assert client.post(url("document_approve", submitted))["Location"] == url("document_approve", submitted)
    assert submitted.current_revision().state == "submitted"
    client.post(url("document_approve", submitted), approval_form("同意，按此执行。"))
    html = client.get(url("document", submitted)).content.decode()
    assert "同意，按此执行。" in html.split('data-testid="timeline"')[1]
    assert "审批意见" in html.split('data-testid="approval-opinion"')[1]


def test_no_raw_hash_outside_the_checksum_details(client, cast):
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    revision = approve(report, secretary=cast.alice, chair=cast.carol)
    html = page(client, "carol", report)
    details = re.findall(r"<details[^>]*>.*?</details>", html, re.S)
    folded = [d for d in details if "文件校验码" in d]
    assert len(folded) == 1 and revision.pdf_sha256 in folded[0]
    assert not re.search(r"\b[0-9a-f]{64}\b", re.sub(r"<details[^>]*>.*?</details>", "", html, flags=re.S))


def test_submitting_again_unchanged_and_unresolved_asks_first(client, cast, submitted):
    review.add_comment(report=submitted, actor=cast.carol, target_key="culture", text="写得太简单。")
    review.return_report(report=submitted, actor=cast.carol)
    assert client.login(username="alice", password=PASSWORD)
    question = client.post(url("document_submit", submitted)).content.decode()
    assert "写得太简单。" in question and "退回后还没有修改过文字" in question and 'name="confirm"' in question
    assert submitted.current_revision().state == "returned"
    client.post(url("document_submit", submitted), {"confirm": "1"})
    assert submitted.current_revision().state == "submitted"


def test_the_chair_sees_the_changes_since_the_return_with_its_comments(client, cast, submitted):
    review.add_comment(report=submitted, actor=cast.carol, target_key="culture", text="写得太简单。")
    review.return_report(report=submitted, actor=cast.carol, comment="请修改开头。")
    rewrite(submitted, text="按主席意见改写的开头。")
    review.submit_report(report=submitted, actor=cast.alice, confirmed=True)
    html = page(client, "carol", submitted)
    assert url("changes_since_return", submitted) in html.split('data-testid="since-return"')[1]
    changes = client.get(url("changes_since_return", submitted)).content.decode()
    assert "＋ 按主席意见改写的开头。" in changes and "－ " in changes
    assert "写得太简单。" in changes and "请修改开头。" in changes and "没有差异" not in changes
    # Pages count 稿 (drafts); the editor's save counter is no number a user knows.
    assert "退回时的文字" in changes and "现在的文字" in changes
    assert not re.search(r"第\d+版", changes)


def test_an_unchanged_resubmission_shows_no_difference(client, cast, submitted):
    review.return_report(report=submitted, actor=cast.carol, comment="请再看看。")
    review.submit_report(report=submitted, actor=cast.alice, confirmed=True)
    html = page(client, "carol", submitted)
    assert "退回后文字没有修改" in html
    assert "没有差异" in client.get(url("changes_since_return", submitted)).content.decode()


def test_comparing_identical_revisions_says_no_difference(client, cast):
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    approve(report, secretary=cast.alice, chair=cast.carol)
    review.reopen_report(report=report, actor=cast.carol, reason="核对")
    html = page(client, "alice", report, "revision_diff")
    assert "没有差异" in html.split('data-testid="diff"')[1]


def test_withdraw_from_the_page(client, cast, submitted):
    html = page(client, "alice", submitted)
    assert url("document_withdraw", submitted) in html
    response = client.post(url("document_withdraw", submitted), follow=True)
    assert "已撤回" in response.content.decode() and submitted.current_revision().state == "draft"
    assert "撤回" in response.content.decode().split('data-testid="timeline"')[1]


def test_the_chair_is_offered_the_return_not_the_withdrawal(client, cast, submitted):
    html = page(client, "carol", submitted)
    assert url("document_return", submitted) in html
    assert url("document_withdraw", submitted) not in html and ">撤回<" not in html
