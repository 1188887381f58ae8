"""Approved figures rolled up the tree, kept current on approval (AreaFigure).

A union's contribution for a year is the figures of its records at the moment its summary is
approved, frozen onto the approved revision (Revision.frozen_figures) in the same UPDATE that
approves it: records added or changed later do not move what was approved. The approval adds the
difference to the union's totals and to every federation above it, so a federation's approved
totals are a read of its own rows, for 3 unions or 100,000. rebuild_figures() rebuilds everything
from the frozen figures of the approved revisions, for a new installation or a check.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from ..choices import BranchKind, Gender, MemberStatus
from ..stats import paid_by_union
from ..bulk import insert_rows
from ..models import Activity, AreaFigure, Branch, Honor, Meeting, Member, Revision, WelfarePayment
from ..periods import Period

FIELDS = ("count", "quantity", "extra", "cash", "goods")
MONEY = ("cash", "goods")
ZERO = Decimal("0.00")

Figures = dict[tuple[str, str], dict[str, int | Decimal]]


def _blank() -> dict:
    return {"count": 0, "quantity": 0, "extra": 0, "cash": ZERO, "goods": ZERO}


def figures_by_branch(branch_ids, year: int) -> dict[int, Figures]:
    """Each selected branch's own figures for the year (its records only): seven grouped queries.
    Welfare is the union's own payments by reason; money it collected or obtained for members is
    kept apart, by source ("obtained"), so that no total adds the two.
    `branch_ids` is a list of ids or a subquery of them."""
    period = Period.year(year)
    branches = Q(branch_id__in=branch_ids)
    result: dict[int, Figures] = defaultdict(lambda: defaultdict(_blank))

    active = Q(status=MemberStatus.ACTIVE)
    for row in Member.objects.filter(branches).values("branch_id").annotate(
        in_register=Count("id", filter=active),
        female=Count("id", filter=active & Q(gender=Gender.FEMALE)),
        retired=Count("id", filter=Q(status=MemberStatus.RETIRED)),
        hardship=Count("id", filter=active & Q(is_hardship=True)),
        joined=Count("id", filter=Q(joined_on__gte=period.start, joined_on__lte=period.end)),
    ):
        for key in ("in_register", "female", "retired", "hardship", "joined"):
            result[row["branch_id"]][("members", key)]["count"] = row[key]

    def grouped(model, key_field, only=Q(), **aggregates):
        rows = model.objects.filter(branches, only).in_period(period.start, period.end).values("branch_id", key_field)
        return rows.annotate(**aggregates)

    for row in grouped(Activity, "category", n=Count("id"), p=Coalesce(Sum("participants"), 0)):
        result[row["branch_id"]][("activity", row["category"])].update(count=row["n"], quantity=row["p"])
    money = {"n": Count("id"), "h": Coalesce(Sum("headcount"), 0),
             "cash": Coalesce(Sum("cash"), ZERO), "goods": Coalesce(Sum("goods_value"), ZERO)}
    for row in grouped(WelfarePayment, "reason", paid_by_union(), **money):
        result[row["branch_id"]][("welfare", row["reason"])].update(count=row["n"], quantity=row["h"], cash=row["cash"], goods=row["goods"])
    for row in grouped(WelfarePayment, "fund_source", ~paid_by_union(), **money):
        result[row["branch_id"]][("obtained", row["fund_source"])].update(count=row["n"], quantity=row["h"], cash=row["cash"], goods=row["goods"])
    for row in grouped(Honor, "level", n=Count("id")):
        result[row["branch_id"]][("honor", row["level"])]["count"] = row["n"]
    for row in grouped(Meeting, "kind", n=Count("id"), r=Coalesce(Sum("proposals_received"), 0), a=Coalesce(Sum("proposals_accepted"), 0)):
        result[row["branch_id"]][("meeting", row["kind"])].update(count=row["n"], quantity=row["r"], extra=row["a"])
    for pk, kind, workforce in Branch.objects.filter(pk__in=branch_ids).values_list("pk", "kind", "workforce"):
        # A union counts once, with its workforce (for 入会率); a federation only adds its own records.
        counted = 1 if kind == BranchKind.GRASSROOTS else 0
        result[pk][("unions", "counted")].update(count=counted, quantity=workforce * counted)
    return result


def freeze(figures: Figures) -> list[dict]:
    """Figures as JSON for Revision.frozen_figures: one object per (metric, key), amounts as strings
    so that no cent is lost to floating point."""
    return [
        {"metric": metric, "key": key, **{f: str(Decimal(values[f]).quantize(ZERO)) if f in MONEY else values[f] for f in FIELDS}}
        for (metric, key), values in sorted(figures.items())
    ]


def thaw(frozen: list[dict]) -> Figures:
    """The figures that freeze() stored."""
    return {
        (row["metric"], row["key"]): {f: Decimal(row[f]) if f in MONEY else row[f] for f in FIELDS}
        for row in frozen
    }


def figures_to_freeze(branch: Branch, year: int) -> list[dict]:
    """The branch's own figures for the year as they stand now, ready to freeze at approval."""
    return freeze(figures_by_branch([branch.pk], year).get(branch.pk, {}))


def _ancestor_ids(branch: Branch) -> list[int]:
    """The branch and every branch above it, from the root down (one query)."""
    codes = [c for c in branch.path.split("/") if c]
    by_code = dict(Branch.objects.filter(code__in=codes).values_list("code", "pk"))
    return [by_code[c] for c in codes]


@transaction.atomic
def record_approval(revision: Revision) -> None:
    """Replace the branch's contribution for the year with the figures frozen on its newly approved
    annual summary, and move its ancestors' totals with it."""
    branch, year = revision.report.branch, revision.report.year
    nodes = _ancestor_ids(branch)
    # Approvals in one tree take turns on its nodes, so concurrent increments never interleave.
    list(Branch.objects.select_for_update().filter(pk__in=nodes).order_by("path").values_list("pk"))
    new = thaw(revision.frozen_figures)
    old_rows = AreaFigure.objects.filter(contributor=branch, year=year)
    old = {(r.metric, r.key): {f: getattr(r, f) for f in FIELDS} for r in old_rows}
    delta = {}
    for key in set(new) | set(old):
        values = {f: new.get(key, _blank())[f] - old.get(key, _blank())[f] for f in FIELDS}
        if any(values.values()):
            delta[key] = values
    old_rows.delete()
    AreaFigure.objects.bulk_create(
        AreaFigure(branch=branch, contributor=branch, year=year, metric=m, key=k, **values)
        for (m, k), values in new.items()
    )
    if not delta:
        return
    existing = {
        (r.branch_id, r.metric, r.key): r
        for r in AreaFigure.objects.filter(branch_id__in=nodes, contributor=None, year=year)
    }
    to_create, to_update = [], []
    for node in nodes:
        for (metric, key), values in delta.items():
            row = existing.get((node, metric, key))
            if row is None:
                to_create.append(AreaFigure(branch_id=node, year=year, metric=metric, key=key, **values))
            else:
                for field, value in values.items():
                    setattr(row, field, getattr(row, field) + value)
                to_update.append(row)
    AreaFigure.objects.bulk_create(to_create)
    AreaFigure.objects.bulk_update(to_update, list(FIELDS))
    # A total that a re-approval brought back to nothing goes, as a rebuild would not write it.
    AreaFigure.objects.filter(branch_id__in=nodes, contributor=None, year=year, count=0, quantity=0, extra=0, cash=0, goods=0).delete()


class MissingFrozenFigures(Exception):
    """An approved annual summary carries no frozen figures; the message says which, in Chinese."""


@transaction.atomic
def rebuild_figures(year: int | None = None) -> int:
    """Rebuild every contribution and total from the figures frozen on each branch's approved
    annual summary (never from the records, which may have changed since); return rows written."""
    years = [year] if year is not None else sorted(set(approved_years()))
    written = 0
    for y in years:
        AreaFigure.objects.filter(year=y).delete()
        contributions = approved_contributions(y)
        paths = dict(Branch.objects.values_list("pk", "path"))
        pk_by_code = dict(Branch.objects.values_list("code", "pk"))
        totals: dict[tuple[int, str, str], dict] = defaultdict(_blank)
        rows = []
        for branch_pk, figures in contributions.items():
            nodes = [pk_by_code[c] for c in paths[branch_pk].split("/") if c]
            for (metric, key), values in figures.items():
                rows.append((branch_pk, branch_pk, y, metric, key, *(values[f] for f in FIELDS)))
                for node in nodes:
                    total = totals[(node, metric, key)]
                    for field in FIELDS:
                        total[field] += values[field]
        rows += [
            (node, None, y, metric, key, *(values[f] for f in FIELDS))
            for (node, metric, key), values in totals.items()
            if any(values.values())  # as record_approval: a total row exists once something counts
        ]
        written += insert_rows(AreaFigure, ["branch_id", "contributor_id", "year", "metric", "key", *FIELDS], iter(rows))
    return written


def approved_contributions(year: int) -> dict[int, Figures]:
    """Each branch's figures as frozen on the newest approved revision of its annual summary."""
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
