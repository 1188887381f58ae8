"""The union tree from a 工会组织 sheet: branches created or updated by code, all or nothing.

A parent may be listed after its children or already be in the database. Branches are saved one by
one with Branch.save(), parents first, because save() keeps the materialized paths right.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from django.db import transaction

from ..access import Access, PermissionDenied
from ..choices import BranchKind
from ..models import Branch
from .reader import Row, read_workbook
from .results import ImportResult, Problem, WorkbookRejected
from .schema import BRANCHES
from .validation import model_problems, parse_row

CODE = BRANCHES.header_of("code")
PARENT = BRANCHES.header_of("parent")


@dataclass
class Planned:
    """A checked row: the branch to create, or the existing one with the row's values set."""

    row: Row
    code: str
    parent_code: str | None
    branch: Branch
    changed: bool


def import_branches(fileobj: IO[bytes], *, actor) -> ImportResult:
    """The union tree from the workbook, for the superuser or the system (None: the command)."""
    if not Access.of_actor(actor).is_superuser:
        raise PermissionDenied("只有系统管理员可以导入工会组织。")
    sheets, problems = read_workbook(fileobj, {BRANCHES.name: BRANCHES.headers})
    if BRANCHES.name not in sheets and not problems:
        raise WorkbookRejected([Problem(BRANCHES.name, None, "", f"工作簿中没有“{BRANCHES.name}”工作表。")])
    existing = {branch.code: branch for branch in Branch.objects.select_related("parent")}
    planned, found = _check_rows(sheets.get(BRANCHES.name, []), existing)
    problems += found
    parents = {code: _parent_code(branch) for code, branch in existing.items()}
    parents.update({plan.code: plan.parent_code for plan in planned})
    problems += _cycle_problems(planned, parents)
    if problems:
        raise WorkbookRejected(problems)
    return _save(planned, parents)


def _parent_code(branch: Branch) -> str | None:
    return branch.parent.code if branch.parent_id else None


def _check_rows(rows: list[Row], existing: dict[str, Branch]) -> tuple[list[Planned], list[Problem]]:
    planned: dict[str, Planned] = {}
    problems: list[Problem] = []
    for row in rows:
        values, found = parse_row(BRANCHES, row)
        problems += found
        code = values.get("code")
        parent_code = values.pop("parent", None) or None
        if code in planned:
            message = f"代码“{code}”与第{planned[code].row.number}行重复。"
            problems.append(Problem(BRANCHES.name, row.number, CODE, message))
            continue
        current = existing.get(code)
        changed = current is None or parent_code != _parent_code(current) or any(
            getattr(current, name) != value for name, value in values.items()
        )
        branch = current or Branch()
        for name, value in values.items():
            setattr(branch, name, value)
        # The parent is checked below against the new tree, not the one in the database.
        unread = {c.field_name for c in BRANCHES.columns if c.field_name not in values}
        problems += model_problems(BRANCHES, row, branch, {"parent", "path", "depth", *unread})
        if code:
            planned[code] = Planned(row, code, parent_code, branch, changed)
    for plan in planned.values():
        problems += _parent_problems(plan, planned, existing)
    problems.sort(key=lambda problem: problem.row or 0)
    return list(planned.values()), problems


def _parent_problems(plan: Planned, planned: dict[str, Planned], existing: dict[str, Branch]) -> list[Problem]:
    def problem(message: str) -> list[Problem]:
        return [Problem(BRANCHES.name, plan.row.number, PARENT, message)]

    if plan.parent_code is None:
        if plan.branch.kind == BranchKind.SUBUNIT:
            return problem("分工会/工会小组必须有上级工会。")
        return []
    if plan.parent_code not in planned and plan.parent_code not in existing:
        return problem(f"上级代码“{plan.parent_code}”不存在：本表和系统中都没有这个代码。")
    return []


def _cycle_problems(planned: list[Planned], parents: dict[str, str | None]) -> list[Problem]:
    problems = []
    for plan in planned:
        chain = [plan.code]
        parent = parents.get(plan.code)
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = parents.get(parent)
        # Only the branches on a loop are reported; one merely below a loop has its ancestors named.
        if parent == plan.code:
            message = f"上级关系形成循环：{' → '.join([*chain, plan.code])}。"
            problems.append(Problem(BRANCHES.name, plan.row.number, PARENT, message))
    return problems


def _depth(code: str, parents: dict[str, str | None]) -> int:
    depth = 0
    while (code := parents.get(code)) is not None:
        depth += 1
    return depth


def _save(planned: list[Planned], parents: dict[str, str | None]) -> ImportResult:
    counts = {"created": 0, "updated": 0, "skipped": 0}
    with transaction.atomic():
        for plan in sorted(planned, key=lambda plan: _depth(plan.code, parents)):
            if not plan.changed:
                counts["skipped"] += 1
                continue
            counts["updated" if plan.branch.pk else "created"] += 1
            # Read afresh: moving an ancestor earlier in this loop may have rewritten its path.
            plan.branch.parent = Branch.objects.get(code=plan.parent_code) if plan.parent_code else None
            plan.branch.save()
    name = BRANCHES.name
    return ImportResult(
        created={name: counts["created"]}, skipped={name: counts["skipped"]}, updated={name: counts["updated"]}
    )
