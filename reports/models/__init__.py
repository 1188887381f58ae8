"""The union's records. Import models from here: `from reports.models import Branch, Activity`."""
from .branches import Branch, BranchQuerySet
from .records import Activity, Honor, Meeting, Member, WelfarePayment
from .roles import Role

__all__ = [
    "Activity",
    "Branch",
    "BranchQuerySet",
    "Honor",
    "Meeting",
    "Member",
    "Role",
    "WelfarePayment",
]
