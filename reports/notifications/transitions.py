"""Who hears of each step of a report's review, and what they are told.

`RULES` is the whole mapping, keyed by the state a transition leads to; where two different steps
lead to the same state (重新打开 and 撤回 both end in 草稿) the state it left is part of the key.
review.py calls `tell_about` for every Transition it records, so a new step is told of by
adding its rule here. `tell_about` also settles the messages that asked someone to act on the
state the report has just left (`ASKS_TO_ACT`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ..choices import NotificationKind
from ..choices import ReportState as S
from ..models import Notification, Transition
from .delivery import NOBODY_TOLD, Delivery, Message, deliver
from .people import chairs_of, display_name, secretaries_of, submitter_of

ANY = "*"  # a rule for a target state, whatever state the report left
GIST_LENGTH = 300  # how much of a comment the message quotes; the document page shows it all


def the_chairs(transition: Transition) -> list:
    return chairs_of(transition.report.branch)


def the_writers(transition: Transition) -> list:
    """The union's secretaries and whoever handed the report in (who may be its chair, or a
    federation's officer for the federation's own summary)."""
    submitter = submitter_of(transition.report)
    return secretaries_of(transition.report.branch) + ([submitter] if submitter else [])


def _gist(text: str) -> str:
    return text if len(text) <= GIST_LENGTH else text[:GIST_LENGTH] + "……"


def no_details(transition: Transition) -> str:
    return ""


COMMENTS_TOLD = 5


def the_comments(transition: Transition) -> str:
    """What the chair wrote: her general remark, if any, then each 批注 of this return with the
    part it is on (the first few; the document page has them all)."""
    lines = [f"总体意见：{_gist(transition.note)}"] if transition.note else []
    # Told while the return is being recorded: its comments are still the unsent ones.
    sent_now = Q(returned_in=transition) | Q(returned_in__isnull=True)
    comments = list(transition.revision.comments.filter(sent_now).order_by("pk"))
    for comment in comments[:COMMENTS_TOLD]:
        lines.append(f"批注（{comment.target_label}）：{_gist(comment.text)}")
    if len(comments) > COMMENTS_TOLD:
        lines.append(f"另有{len(comments) - COMMENTS_TOLD}条批注，请在报告页面查看。")
    return "\n".join(lines)


def the_opinion(transition: Transition) -> str:
    """The chair's 审批意见, when she wrote one."""
    return f"审批意见：{_gist(transition.note)}" if transition.note else ""


def the_reason(transition: Transition) -> str:
    return f"理由：{_gist(transition.note)}"


@dataclass(frozen=True)
class Rule:
    kind: str
    audience: Callable[[Transition], list]
    audience_label: str  # who they are, as the acting user's page says it: 已通知{audience_label}
    headline: str  # formatted with {union} and {report}
    details: Callable[[Transition], str] = no_details


RULES: dict[tuple[str, str], Rule] = {
    (ANY, S.SUBMITTED): Rule(NotificationKind.SUBMITTED, the_chairs, "工会主席", "{union}的{report}已提交，等待您审核"),
    (S.SUBMITTED, S.RETURNED): Rule(NotificationKind.RETURNED, the_writers, "工会干事", "{union}的{report}被退回修改", the_comments),
    (S.SUBMITTED, S.APPROVED): Rule(NotificationKind.APPROVED, the_writers, "工会干事", "{union}的{report}已审核通过", the_opinion),
    (S.APPROVED, S.DRAFT): Rule(NotificationKind.REOPENED, the_writers, "工会干事", "{union}的{report}已重新打开", the_reason),
    (S.SUBMITTED, S.DRAFT): Rule(NotificationKind.WITHDRAWN, the_chairs, "工会主席", "{union}的{report}已撤回"),
}


# The messages that ask their recipients to act while the report is in a state: the chairs'
# 等待您审核 while it is submitted, the secretaries' 退回修改 while it is returned.
ASKS_TO_ACT: dict[str, str] = {S.SUBMITTED: NotificationKind.SUBMITTED, S.RETURNED: NotificationKind.RETURNED}


def settle_asks(transition: Transition) -> int:
    """Mark read the messages that asked someone to act on the state the report has left: once a
    chair has approved or returned it (or it was withdrawn), nobody is still waiting for her,
    and the unread count should show only what is still to do."""
    kind = ASKS_TO_ACT.get(transition.from_state)
    if kind is None or transition.from_state == transition.to_state:
        return 0
    unread = Notification.objects.filter(report=transition.report, kind=kind, read_at__isnull=True)
    return unread.update(read_at=timezone.now())


def rule_for(transition: Transition) -> Rule | None:
    return RULES.get((transition.from_state, transition.to_state)) or RULES.get((ANY, transition.to_state))


@dataclass(frozen=True)
class Told:
    """What the acting user's page says about who was told of her step."""

    rule: Rule | None
    delivery: Delivery

    def sentence(self) -> str:
        if self.rule is None:
            return ""
        if not self.delivery.notifications:
            return f"本工会没有其他可通知的{self.rule.audience_label}账号，未发送通知。"
        return f"已通知{self.rule.audience_label}（{self.delivery.channels()}）。"


def tell_about(transition: Transition) -> Told:
    """Notify the people the transition's rule names, except the one who made it, after settling
    the messages the step has answered."""
    settle_asks(transition)
    rule = rule_for(transition)
    if rule is None:
        return Told(None, NOBODY_TOLD)
    report = transition.report
    recipients = [user for user in rule.audience(transition) if user.pk != transition.actor_id]
    message = Message(
        kind=rule.kind,
        branch=report.branch,
        report=report,
        title=rule.headline.format(union=report.branch.display_name, report=report.label),
        body=_body(rule, transition),
        link=reverse("reports:document", kwargs={"code": report.branch.code, "pk": report.pk}),
    )
    return Told(rule, deliver(recipients, message))


def _body(rule: Rule, transition: Transition) -> str:
    by = f"操作人：{display_name(transition.actor)}" if transition.actor else "操作人：系统"
    details = rule.details(transition)
    return f"{by}\n{details}" if details else by
