"""Approved figures rolled up the tree, kept current on approval (AreaFigure).

A union's contribution for a year is the figures of its records at the moment its summary is
approved, frozen onto the approved revision (Revision.frozen_figures) in the same UPDATE that
approves it: records added or changed later do not move what was approved. The approval adds the
difference to the union's totals and to every federation above it, so a federation's approved
totals are a read of its own rows, for 3 unions or 100,000. rebuild_figures() rebuilds everything
from the frozen figures of the approved revisions, for a new installation or a check.
"""
from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from .. import figures
from ..bulk import insert_rows
from ..choices import BranchKind
from ..models import AreaFigure, Branch, Revision
from ..periods import Period

ZERO = Decimal("0.00")

# A figure's stored values, by measure name, for each (figure name, group value) of a branch.
Figures = dict[tuple[str, str], dict[str, int | Decimal]]

# Besides the registered figures, each contribution counts the union itself (for 入会率).
UNIONS = "unions"
UNION_MEASURES = {"counted": 0, "workforce": 0}


def _zeros(metric: str) -> dict[str, int | Decimal]:
    """Each measure of a stored figure at nothing, in its type (Decimal for money)."""
    if metric == UNIONS:
        return dict(UNION_MEASURES)
    return {m.name: m.zero for m in figures.REGISTRY[metric].measures}


def figures_by_branch(branch_ids, year: int) -> dict[int, Figures]:
    """Each selected branch's own figures for the year (its records only): one grouped query per
    registered figure, and one for the unions counted.
    `branch_ids` is a list of ids or a subquery of them."""
    period = Period.year(year)
    branches = Q(branch_id__in=branch_ids)
    result: dict[int, Figures] = defaultdict(dict)
    for figure in figures.REGISTRY.values():
        for (branch_id, group), values in figures.compute(figure, branches, period, per="branch_id").items():
            result[branch_id][(figure.name, group)] = values
    for pk, kind, workforce in Branch.objects.filter(pk__in=branch_ids).values_list("pk", "kind", "workforce"):
        # A union counts once, with its workforce (for 入会率); a federation only adds its own records.
        counted = 1 if kind == BranchKind.GRASSROOTS else 0
        result[pk][(UNIONS, "")] = {"counted": counted, "workforce": workforce * counted}
    return result


def to_json(values: dict) -> dict:
    """A figure's values as JSON: amounts as strings, so that no cent is lost to floating point."""
    return {name: str(Decimal(v).quantize(ZERO)) if isinstance(v, Decimal) else v for name, v in values.items()}


def from_json(metric: str, stored: dict) -> dict[str, int | Decimal]:
    """The values to_json() stored, every measure of the figure present, amounts as Decimal."""
    return {name: type(zero)(stored.get(name, zero)) for name, zero in _zeros(metric).items()}


def freeze(figures: Figures) -> list[dict]:
    """Figures as JSON for Revision.frozen_figures: one object per (figure, group value)."""
    return [
        {"metric": metric, "key": key, "measures": to_json(values)}
        for (metric, key), values in sorted(figures.items())
    ]


def thaw(frozen: list[dict]) -> Figures:
    """The figures that freeze() stored."""
    return {(row["metric"], row["key"]): from_json(row["metric"], row["measures"]) for row in frozen}


def figures_to_freeze(branch: Branch, year: int) -> list[dict]:
    """The branch's own figures for the year as they stand now, ready to freeze at approval."""
    return freeze(figures_by_branch([branch.pk], year).get(branch.pk, {}))


def stored_values(row: AreaFigure) -> dict[str, int | Decimal]:
    return from_json(row.metric, row.measures)


def _added(metric: str, *values: dict, sign: int = 1) -> dict:
    """The sum of some values of one figure (the last ones subtracted when sign is -1)."""
    first, *rest = values
    total = {name: first.get(name, zero) for name, zero in _zeros(metric).items()}
    for other in rest:
        for name in total:
            total[name] += sign * other.get(name, 0)
    return total


def _ancestor_ids(branch: Branch) -> list[int]:
    """The branch and every branch above it, from the root down (one query)."""
    codes = [c for c in branch.path.split("/") if c]
    by_code = dict(Branch.objects.filter(code__in=codes).values_list("code", "pk"))
    return [by_code[c] for c in codes]


@transaction.atomic
def record_approval(revision: Revision) -> None:
    """Replace the branch's contribution for the year with the figures frozen on its newly approved
    annual summary, and move its ancestors' totals with it."""
    _replace_contribution(revision.report.branch, revision.report.year, thaw(revision.frozen_figures))


@transaction.atomic
def record_reopen(report) -> None:
    """A reopened annual summary is no longer approved: its union stops counting in the totals
    above (the board and the live totals read the same from the revisions) until it is approved
    again, when record_approval puts the new figures in."""
    _replace_contribution(report.branch, report.year, {})


def _replace_contribution(branch: Branch, year: int, new: Figures) -> None:
    nodes = _ancestor_ids(branch)
    # Approvals in one tree take turns on its nodes, so concurrent increments never interleave.
    list(Branch.objects.select_for_update().filter(pk__in=nodes).order_by("path").values_list("pk"))
    old_rows = AreaFigure.objects.filter(contributor=branch, year=year)
    old = {(r.metric, r.key): stored_values(r) for r in old_rows}
    delta = {}
    for metric, key in set(new) | set(old):
        values = _added(metric, new.get((metric, key), {}), old.get((metric, key), {}), sign=-1)
        if any(values.values()):
            delta[(metric, key)] = values
    old_rows.delete()
    AreaFigure.objects.bulk_create(
        AreaFigure(branch=branch, contributor=branch, year=year, metric=m, key=k, measures=to_json(values))
        for (m, k), values in new.items()
    )
    if not delta:
        return
    existing = {
        (r.branch_id, r.metric, r.key): r
        for r in AreaFigure.objects.filter(branch_id__in=nodes, contributor=None, year=year)
    }
    to_create, to_update, emptied = [], [], []
    for node in nodes:
        for (metric, key), values in delta.items():
            row = existing.get((node, metric, key))
            if row is None:
                to_create.append(AreaFigure(branch_id=node, year=year, metric=metric, key=key, measures=to_json(values)))
                continue
            total = _added(metric, stored_values(row), values)
            row.measures = to_json(total)
            # A total that a re-approval brought back to nothing goes, as a rebuild would not write it.
            (to_update if any(total.values()) else emptied).append(row)
    AreaFigure.objects.bulk_create(to_create)
    AreaFigure.objects.bulk_update(to_update, ["measures"])
    AreaFigure.objects.filter(pk__in=[row.pk for row in emptied]).delete()


class MissingFrozenFigures(Exception):
    """An approved annual summary carries no frozen figures; the message says which, in Chinese."""


@transaction.atomic
def rebuild_figures(year: int | None = None) -> int:
    """Rebuild every contribution and total from the figures frozen on each branch's approved
    annual summary (never from the records, which may have changed since); return rows written."""
    # Years with stored figures too: one whose every summary was reopened is emptied.
    stored_years = AreaFigure.objects.values_list("year", flat=True).distinct()
    years = [year] if year is not None else sorted(set(approved_years()) | set(stored_years))
    written = 0
    for y in years:
        AreaFigure.objects.filter(year=y).delete()
        contributions = approved_contributions(y)
        paths = dict(Branch.objects.values_list("pk", "path"))
        pk_by_code = dict(Branch.objects.values_list("code", "pk"))
        totals: dict[tuple[int, str, str], dict] = {}
        rows = []
        for branch_pk, contribution in contributions.items():
            nodes = [pk_by_code[c] for c in paths[branch_pk].split("/") if c]
            for (metric, key), values in contribution.items():
                rows.append((branch_pk, branch_pk, y, metric, key, json.dumps(to_json(values))))
                for node in nodes:
                    total = totals.get((node, metric, key), {})
                    totals[(node, metric, key)] = _added(metric, total, values)
        rows += [
            (node, None, y, metric, key, json.dumps(to_json(values)))
            for (node, metric, key), values in totals.items()
            if any(values.values())  # as record_approval: a total row exists once something counts
        ]
        written += insert_rows(AreaFigure, ["branch_id", "contributor_id", "year", "metric", "key", "measures"], iter(rows))
    return written


def approved_contributions(year: int) -> dict[int, Figures]:
    """Each branch's figures as frozen on its approved annual summary (the current revision, so a
    reopened summary counts for nothing until it is approved again)."""
    revisions = (
        Revision.objects.approved_annual_summaries(year)
        .order_by("report_id", "-number").values_list("report_id", "report__branch_id", "frozen_figures", "pk")
    )
    contributions: dict[int, Figures] = {}
    seen_reports = set()
    for report_id, branch_id, frozen, pk in revisions.iterator():
        if report_id in seen_reports:
            continue  # an older approved revision, replaced by a re-approval
        seen_reports.add(report_id)
        if frozen is None:
            raise MissingFrozenFigures(f"已通过的年度总结（修订 {pk}）没有保存审核通过时的统计数字，无法重建。")
        contributions[branch_id] = thaw(frozen)
    return contributions


def approved_years() -> list[int]:
    return list(
        Revision.objects.approved_annual_summaries().values_list("report__year", flat=True).order_by().distinct()
    )
