"""Which records a federation's figures count: its whole subtree, by default only unions whose
summary for the year is approved."""
from __future__ import annotations

from django.db.models import Q, Value
from django.db.models.functions import StrIndex, Substr

from ..choices import BranchKind
from ..models import Branch, Revision


def approved_branch_ids(year: int):
    """A subquery: the branches whose annual summary for `year` has an approved revision."""
    return Revision.objects.approved_annual_summaries(year).values("report__branch_id")


def records_scope(federation: Branch, year: int, *, approved_only: bool) -> Q:
    """A Q over a record's branch: in the subtree (and approved, unless all records are asked for)."""
    scope = Q(branch__path__startswith=federation.path)
    if approved_only:
        scope &= Q(branch_id__in=approved_branch_ids(year))
    return scope


def unions_in(federation: Branch):
    """The grassroots unions anywhere below the federation (sub-units belong to their union)."""
    return Branch.objects.subtree_of(federation).filter(kind=BranchKind.GRASSROOTS)


def child_prefix(path_field: str, parent: Branch):
    """The path of the direct child of `parent` that a row's branch lies under; `parent.path`
    itself for the parent's own rows. Plain string functions, so it groups in SQLite and PostgreSQL."""
    start = len(parent.path) + 1
    rest = Substr(path_field, start)
    return Substr(path_field, 1, len(parent.path) + StrIndex(rest, Value("/")))
