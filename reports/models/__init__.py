"""The union's records. Import models from here: `from reports.models import Branch, Activity`."""
from .branches import Branch, BranchQuerySet
from .documents import (
    Autosave, DocumentEdit, FrozenRevision, PlanItem, PlanItemMark, RenderedFile, Report, ReviewComment, Revision,
    Transition,
)
from .federation import AreaFigure, ReportingDeadlines
from .notifications import Notification, Reminder
from .records import Activity, Honor, Meeting, Member, WelfarePayment
from .roles import Role

__all__ = [
    "Activity",
    "AreaFigure",
    "Autosave",
    "Branch",
    "DocumentEdit",
    "FrozenRevision",
    "BranchQuerySet",
    "Honor",
    "Meeting",
    "Member",
    "Notification",
    "PlanItem",
    "PlanItemMark",
    "RenderedFile",
    "Reminder",
    "ReportingDeadlines",
    "Report",
    "ReviewComment",
    "Revision",
    "Transition",
    "Role",
    "WelfarePayment",
]
