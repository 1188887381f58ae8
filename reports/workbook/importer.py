"""The all-or-nothing import of a branch's records from the five sheets.

Every row of every sheet is checked first and every problem collected; only a workbook without
problems is saved, in one transaction. Rows already present (by natural key) are skipped, so
uploading the same workbook twice saves it once.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import IO

from django.db import models, transaction
from simple_history.utils import bulk_create_with_history

from ..access import Access, PermissionDenied
from ..models import Activity, Branch, Meeting, Member
from ..models.records import honor_kind_from_title
from .cells import CellError, is_blank
from .reader import Row, read_workbook
from .references import ActivityIndex, ActivityKey
from .results import ImportResult, Problem, WorkbookRejected
from .schema import ACTIVITIES, HONORS, MEETINGS, MEMBERS, PAYMENTS, RECORD_SHEETS, SheetSpec
from .validation import model_problems, parse_row, rule_problems

BATCH_SIZE = 1000
MEMBER_KEY_LOOKUPS = tuple(f"member__{name}" for name in MEMBERS.natural_key)
NO_MEMBER_KEY = (None,) * len(MEMBERS.natural_key)

MemberKey = tuple[object, ...]


@dataclass
class Pending:
    """A checked row, ready to save unless its natural key is already taken."""

    row: Row
    instance: models.Model
    key: tuple[object, ...]
    member_key: MemberKey | None = None  # a payment naming a member: that member's natural key
    activity_key: ActivityKey | None = None  # an honor naming the activity it was won at


def import_workbook(branch: Branch, fileobj: IO[bytes], *, actor) -> ImportResult:
    """The branch's records from the workbook, imported for `actor`: one who keeps the branch's
    records, or the system (None: the import command)."""
    if not Access.of_actor(actor).may_edit_records(branch):
        raise PermissionDenied("您没有修改该工会记录的权限。")
    sheets, problems = read_workbook(
        fileobj,
        {spec.name: spec.headers for spec in RECORD_SHEETS},
        {spec.name: spec.optional_headers for spec in RECORD_SHEETS},
    )
    pending: dict[str, list[Pending]] = {}
    examples: dict[str, int] = {}
    for spec in RECORD_SHEETS:
        rows, examples[spec.name] = _without_examples(sheets.get(spec.name, []))
        if spec is PAYMENTS:
            members = _members_by_name(branch, pending[MEMBERS.name])
            pending[spec.name], found = _check_payments(branch, rows, members)
        elif spec is HONORS:
            activities = _activity_index(branch, pending[ACTIVITIES.name])
            pending[spec.name], found = _check_honors(branch, rows, activities)
        else:
            pending[spec.name], found = _check_rows(spec, branch, rows)
        if spec is MEETINGS:
            found += _repeated_meetings(branch, pending[spec.name])
        problems += found
    if problems:
        raise WorkbookRejected(problems)
    result = _save(branch, pending)
    result.examples = {sheet: count for sheet, count in examples.items() if count}
    return result


def _without_examples(rows: list[Row]) -> tuple[list[Row], int]:
    """The rows to import, and how many were the template's example rows (first cell 示例…)."""
    kept = [row for row in rows if not row.is_example]
    return kept, len(rows) - len(kept)


def _check_rows(spec: SheetSpec, branch: Branch, rows: list[Row]) -> tuple[list[Pending], list[Problem]]:
    pending, problems = [], []
    for row in rows:
        values, found = parse_row(spec, row)
        instance = spec.model(branch=branch, **values)
        unread = {c.field_name for c in spec.columns if c.field_name not in values}
        found += model_problems(spec, row, instance, {"branch", *unread})
        pending.append(Pending(row, instance, _natural_key(spec, instance)))
        problems += found
    return pending, problems


MEETING_FIGURES = ("attendees", "proposals_received", "proposals_accepted", "topics")


def _repeated_meetings(branch: Branch, meetings: list[Pending]) -> list[Problem]:
    """A meeting is one row, like the database's rule of one per kind, day and session. A row the
    system already holds as it is is skipped as imported before; one that says otherwise about
    the same meeting, or repeats a row above it, is refused rather than silently dropped."""
    spec = MEETINGS
    on_record = {
        key[:3]: key[3:]
        for key in Meeting.objects.filter(branch=branch).values_list(*spec.natural_key, *MEETING_FIGURES)
    }
    first_row: dict[tuple, int] = {}
    problems = []
    for meeting in meetings:
        figures = tuple(getattr(meeting.instance, name) for name in MEETING_FIGURES)
        label = _meeting_label(meeting.instance)
        if meeting.key in first_row:
            message = f"与第{first_row[meeting.key]}行是同一次会议（{label}），请删去重复的一行。"
            problems.append(Problem(spec.name, meeting.row.number, "", message))
            continue
        first_row[meeting.key] = meeting.row.number
        if meeting.key in on_record and on_record[meeting.key] != figures:
            message = f"系统中已有这次会议（{label}），但出席人数、提案数或议题与本行不同。请在系统中修改那条记录，或删去本行。"
            problems.append(Problem(spec.name, meeting.row.number, "", message))
    return problems


def _meeting_label(meeting: Meeting) -> str:
    return f"{meeting.date:%Y-%m-%d} {meeting}" if meeting.date else str(meeting)


def _members_by_name(branch: Branch, new_members: list[Pending]) -> dict[str, list[MemberKey]]:
    """Each name's members: those on the register and those this workbook adds, one entry each."""
    by_name: dict[str, list[MemberKey]] = defaultdict(list)
    for key in Member.objects.filter(branch=branch).values_list(*MEMBERS.natural_key):
        by_name[key[0]].append(key)
    on_register = {key for keys in by_name.values() for key in keys}
    for key in dict.fromkeys(row.key for row in new_members):
        if key not in on_register:
            by_name[key[0]].append(key)
    return by_name


def _check_payments(
    branch: Branch, rows: list[Row], members: dict[str, list[MemberKey]]
) -> tuple[list[Pending], list[Problem]]:
    """Like _check_rows, and the 会员姓名 cell must name exactly one member of the branch."""
    spec = PAYMENTS
    column = spec.header_of("member")
    pending, problems = [], []
    for row in rows:
        values, found = parse_row(spec, row)
        name = values.pop("member", None)
        member_key = None
        if name:
            candidates = members.get(name, [])
            if len(candidates) == 1:
                member_key = candidates[0]
            elif candidates:
                message = f"有 {len(candidates)} 名会员叫“{name}”，无法确定是哪一位，请改填对象说明。"
                found.append(Problem(spec.name, row.number, column, message))
            else:
                message = f"本工会没有名为“{name}”的会员（系统中和本工作簿的“会员”表中都没有）。"
                found.append(Problem(spec.name, row.number, column, message))
        instance = spec.model(branch=branch, **values)
        unread = {c.field_name for c in spec.columns if c.field_name not in values}
        # A named member is looked up in this branch by the importer, and may be saved only with
        # this workbook; so the model's clean(), which checks the member link, is left out then.
        found += model_problems(spec, row, instance, {"branch", "member", *unread}, run_clean=not name)
        if name and "occasion" not in unread:
            found += rule_problems(spec, row, instance.clean_occasion)
        if name and "headcount" not in unread:
            found += rule_problems(spec, row, lambda: instance.clean_headcount(names_member=True))
        pending.append(Pending(row, instance, _natural_key(spec, instance, member_key), member_key))
        problems += found
    return pending, problems


def _activity_index(branch: Branch, new_activities: list[Pending]) -> ActivityIndex:
    """The activities an honor may name: the branch's and those this workbook adds."""
    on_record = Activity.objects.filter(branch=branch).values_list(*ACTIVITIES.natural_key)
    return ActivityIndex([*on_record, *(row.key for row in new_activities)])


def _check_honors(branch: Branch, rows: list[Row], activities: ActivityIndex) -> tuple[list[Pending], list[Problem]]:
    """Like _check_rows; a blank 类别 is taken from the title, and 获奖活动 must name one activity."""
    spec = HONORS
    kind_column = spec.column_of("kind")
    pending, problems = [], []
    for row in rows:
        values, found = parse_row(spec, row)
        reference = values.pop("activity", None)
        activity_key = None
        if reference:
            try:
                activity_key = activities.resolve(reference)
            except CellError as error:
                found.append(Problem(spec.name, row.number, spec.header_of("activity"), error.message))
        if is_blank(row.values[kind_column]) and "title" in values:
            values["kind"] = honor_kind_from_title(values["title"])
        instance = spec.model(branch=branch, **values)
        unread = {c.field_name for c in spec.columns if c.field_name not in values}
        # The activity is looked up in this branch here, and may be saved only with this workbook.
        found += model_problems(spec, row, instance, {"branch", "activity", *unread})
        pending.append(Pending(row, instance, _natural_key(spec, instance), activity_key=activity_key))
        problems += found
    return pending, problems


def _natural_key(spec: SheetSpec, instance: models.Model, member_key: MemberKey | None = None) -> tuple:
    """The row's natural key, in the shape values_list(*spec.natural_key) gives for saved rows."""
    member_values = dict(zip(MEMBER_KEY_LOOKUPS, member_key or NO_MEMBER_KEY))
    return tuple(
        member_values[lookup] if lookup in member_values else getattr(instance, lookup)
        for lookup in spec.natural_key
    )


def _save(branch: Branch, pending: dict[str, list[Pending]]) -> ImportResult:
    result = ImportResult(created={}, skipped={})
    with transaction.atomic():
        # Imports into one branch take turns here. The natural keys are read after the lock, so
        # they include every row a concurrent import committed: a workbook uploaded twice at the
        # same moment is saved once (on PostgreSQL; SQLite allows one writer anyway).
        Branch.objects.select_for_update().get(pk=branch.pk)
        for spec in RECORD_SHEETS:
            rows = pending[spec.name]
            if spec is PAYMENTS:
                _link_members(branch, rows)
            elif spec is HONORS:
                _link_activities(branch, rows)
            taken = set(spec.model.objects.filter(branch=branch).values_list(*spec.natural_key))
            new = []
            for row in rows:
                if row.key not in taken:
                    taken.add(row.key)
                    new.append(row.instance)
            if spec is MEMBERS:
                for member in new:  # a bulk insert skips Member.save(), which keeps the key
                    member.refresh_sort_key()
            # With history, like a row saved from a form (the user comes from the request, if any).
            bulk_create_with_history(new, spec.model, batch_size=BATCH_SIZE, default_change_reason="Excel 导入")
            result.created[spec.name] = len(new)
            result.skipped[spec.name] = len(rows) - len(new)
    return result


def _link_members(branch: Branch, payments: list[Pending]) -> None:
    """Point payments at their members, now all saved (this import's just above)."""
    members = {
        tuple(getattr(member, name) for name in MEMBERS.natural_key): member
        for member in Member.objects.filter(branch=branch)
    }
    for payment in payments:
        if payment.member_key is None:
            continue
        member = members.get(payment.member_key)
        if member is None:  # deleted by someone else since the check
            message = f"会员“{payment.member_key[0]}”刚被删除，请重新导入。"
            column = PAYMENTS.header_of("member")
            raise WorkbookRejected([Problem(PAYMENTS.name, payment.row.number, column, message)])
        payment.instance.member = member


def _link_activities(branch: Branch, honors: list[Pending]) -> None:
    """Point honors at the activities they were won at, now all saved (this import's above)."""
    wanted = {honor.activity_key for honor in honors if honor.activity_key}
    if not wanted:
        return
    titles = {title for title, _ in wanted}
    activities: dict[ActivityKey, Activity] = {}
    # Forms allow two activities with one title and start date; the earliest saved is taken then.
    for activity in Activity.objects.filter(branch=branch, title__in=titles).order_by("-pk"):
        activities[(activity.title, activity.start_date)] = activity
    for honor in honors:
        if honor.activity_key is None:
            continue
        activity = activities.get(honor.activity_key)
        if activity is None:  # deleted by someone else since the check
            message = f"活动“{honor.activity_key[0]}”刚被删除，请重新导入。"
            raise WorkbookRejected([Problem(HONORS.name, honor.row.number, HONORS.header_of("activity"), message)])
        honor.instance.activity = activity
