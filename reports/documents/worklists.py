"""What waits for a user in a branch: documents to review for its chair, documents returned to
its secretary (with the chair's comment). Two queries, whatever the number of documents."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from ..access import can_approve, can_edit_records
from ..choices import ReportState
from ..models import Report, Revision, Transition


@dataclass(frozen=True)
class Worklist:
    to_review: list[Report]
    returned: list[Report]  # each with .return_note

    def __bool__(self) -> bool:
        return bool(self.to_review or self.returned)


def _reports_in_state(branch, state):
    latest_state = Subquery(
        Revision.objects.filter(report=OuterRef("pk")).order_by("-number").values("state")[:1]
    )
    return Report.objects.filter(branch=branch).annotate(current_state=latest_state).filter(current_state=state)


def worklist_for(user, branch) -> Worklist:
    to_review = list(_reports_in_state(branch, ReportState.SUBMITTED)) if can_approve(user, branch) else []
    returned = []
    if can_edit_records(user, branch):
        last_note = Subquery(
            Transition.objects.filter(report=OuterRef("pk"), to_state=ReportState.RETURNED).order_by("-at", "-id").values("note")[:1]
        )
        returned = list(_reports_in_state(branch, ReportState.RETURNED).annotate(return_note=last_note))
    return Worklist(to_review, returned)
