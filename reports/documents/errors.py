"""The refusals of the document services: a Chinese message for the user and a code for the code.

Pages show the message as it is; views and tests tell refusals apart by their code (or, where a
view answers differently, by their type), never by the wording, which may be reworded freely.
"""
from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """Why a document service refused. Values are stable snake_case names."""

    # Creating
    YEAR_OUT_OF_RANGE = "year_out_of_range"
    REPORT_EXISTS = "report_exists"
    FEDERATION_SUMMARY_IS_ANNUAL = "federation_summary_is_annual"
    NO_PREVIOUS_PLAN = "no_previous_plan"
    # Editing
    NOT_EDITABLE = "not_editable"
    STALE_EDIT = "stale_edit"
    SAVE_RATE_EXCEEDED = "save_rate_exceeded"
    DOCUMENT_TOO_LONG = "document_too_long"
    OLD_REVISION = "old_revision"
    NOTHING_TO_KEEP = "nothing_to_keep"
    NOT_A_SUMMARY = "not_a_summary"
    NO_PRACTICE_PICKED = "no_practice_picked"
    # Following up a plan
    NOT_A_PLAN = "not_a_plan"
    UNKNOWN_PLAN_ITEM = "unknown_plan_item"
    BAD_PLAN_MARK = "bad_plan_mark"
    # Review
    NO_CONTENT = "no_content"
    NOT_SUBMITTABLE = "not_submittable"
    UNFINISHED = "unfinished"
    COMMENT_REQUIRED = "comment_required"
    NOT_RETURNABLE = "not_returnable"
    UNKNOWN_COMMENT_TARGET = "unknown_comment_target"
    COMMENT_NOT_RESOLVABLE = "comment_not_resolvable"
    NOT_COMMENTABLE = "not_commentable"
    NOT_WITHDRAWABLE = "not_withdrawable"
    REVIEW_STARTED = "review_started"
    REVIEWER_RETURNS = "reviewer_returns"
    CONFIRMATION_REQUIRED = "confirmation_required"
    NOT_APPROVABLE = "not_approvable"
    CHANGED_DURING_REVIEW = "changed_during_review"
    REASON_REQUIRED = "reason_required"
    NOT_REOPENABLE = "not_reopenable"
    ALREADY_REOPENED = "already_reopened"


class ReportError(Exception):
    """A request the services refuse; the message is Chinese and shown to the user as it is."""

    Code = Code

    def __init__(self, message: str, *, code: Code):
        super().__init__(message)
        self.message = message
        self.code = code


class ConfirmationRequired(ReportError):
    """Submitting again is allowed but asks first: comments still unresolved, or nothing changed
    since the return. The page lists them and offers to submit anyway."""

    def __init__(self, *, unresolved: list, unchanged: bool):
        reasons = []
        if unresolved:
            reasons.append(f"还有 {len(unresolved)} 条审核意见未标记为已解决")
        if unchanged:
            reasons.append("退回后还没有修改过文字")
        super().__init__("；".join(reasons) + "。确定要提交吗？", code=Code.CONFIRMATION_REQUIRED)
        self.unresolved = unresolved
        self.unchanged = unchanged


class StaleEdit(ReportError):
    """Someone saved the revision since the editor read it: the later save is refused whole."""

    def __init__(self):
        super().__init__(
            "保存失败：在您编辑期间，这份报告已被其他人保存过。您的修改没有保存，请重新打开后再修改。",
            code=Code.STALE_EDIT,
        )


class SaveRateExceeded(ReportError):
    """The user saved more often than the per-minute limit allows."""

    def __init__(self, limit: int):
        super().__init__(
            f"保存太频繁：每人每分钟最多保存{limit}次。您的修改还没有保存，请稍等片刻后再点“保存”。",
            code=Code.SAVE_RATE_EXCEEDED,
        )


class DocumentTooLong(ReportError):
    """The document would be longer than the limit (the message says by how much)."""

    def __init__(self, message: str):
        super().__init__(message, code=Code.DOCUMENT_TOO_LONG)
