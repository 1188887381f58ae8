"""The union's records. Import models from here: `from reports.models import Branch, Activity`."""
from .branches import Branch, BranchQuerySet
from .documents import PlanItem, Report, Revision
from .records import Activity, Honor, Meeting, Member, WelfarePayment
from .roles import Role

__all__ = [
    "Activity",
    "Branch",
    "BranchQuerySet",
    "Honor",
    "Meeting",
    "Member",
    "PlanItem",
    "Report",
    "Revision",
    "Role",
    "WelfarePayment",
]
