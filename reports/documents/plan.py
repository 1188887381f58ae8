"""Drafting a work plan (工作计划): from the standard skeleton of the union's sector, followed on
from the union's previous year where there is one (see plan_followup), or as a copy of last
year's plan with the year moved on."""
from __future__ import annotations

import copy

from django.utils import timezone

from ..choices import ActivityCategory, ReportKind
from .content import Document, Paragraph, ScheduleEntry, ScheduleItem, Section
from .dating import signature_date
from .plan_basis import PlanBasis
from .plan_followup import follow_on_schedule, problems_theme
from .summary import title_name
from .wording import load_json, render_string, words_for

VALID_CATEGORIES = set(ActivityCategory.values)


def plan_title(branch, year: int) -> str:
    return f"{title_name(branch)}{year}年工会工作计划"


def _drafted(key: str, text: str) -> Paragraph:
    return Paragraph(key=key, text=text, drafted=text)


def draft_plan_from_skeleton(branch, year: int) -> Document:
    """The sector's standard plan: 指导思想, 工作目标, 主要工作, 具体工作安排 along the union calendar."""
    try:
        skeleton = load_json(f"plan/{branch.sector}.json")
    except FileNotFoundError:
        skeleton = load_json("plan/other.json")
    context = {"year": year, "branch": branch, "branch_name": title_name(branch), "words": words_for(branch.sector)}

    def text(value: str) -> str:
        return render_string(value, context)

    sections = [Section("guiding", "指导思想", [_drafted("guiding", text(skeleton["guiding_idea"]))])]
    goals = [_drafted(f"goals.{i}", text(g)) for i, g in enumerate(skeleton.get("goals", []), start=1)]
    if goals:
        sections.append(Section("goals", "工作目标", goals))
    themes = [
        Section(
            f"theme.{i}",
            text(theme["heading"]),
            [_drafted(f"theme.{i}.{j}", text(item)) for j, item in enumerate(theme["items"], start=1)],
            numbered=True,
        )
        for i, theme in enumerate(skeleton["themes"], start=1)
    ]
    sections.append(Section("themes", "主要工作", subsections=themes))
    schedule = [
        ScheduleEntry(
            key=f"month.{i}",
            label=entry["label"],
            months=list(entry["months"]),
            items=[
                ScheduleItem(
                    key=f"item.{i}.{j}",
                    text=text(item["text"]),
                    category=item.get("category") if item.get("category") in VALID_CATEGORIES else "",
                )
                for j, item in enumerate(entry["items"], start=1)
            ],
        )
        for i, entry in enumerate(skeleton["schedule"], start=1)
    ]
    sections.append(Section("schedule", "具体工作安排", schedule=schedule))
    return Document(
        kind="plan",
        title=plan_title(branch, year),
        preamble=[],
        sections=sections,
        closing=[_drafted("closing", text(skeleton["closing"]))],
        signature=branch.name,
        date=signature_date(branch, ReportKind.PLAN, year, timezone.localdate()).isoformat(),
    )


def draft_plan(branch, year: int, basis: PlanBasis) -> Document:
    """The sector's plan, made this union's from its previous year: the schedule starts from the
    months its work happened in and carries what its plan left undone, and 主要工作 takes up the
    problems its summary named. Without a previous year it is the skeleton as it stands."""
    document = draft_plan_from_skeleton(branch, year)
    if basis.is_empty:
        return document
    schedule = document.section("schedule")
    schedule.schedule = follow_on_schedule(schedule.schedule, basis, words_for(branch.sector))
    theme = problems_theme(basis)
    if theme is not None:
        document.section("themes").subsections.append(theme)
    return document


def copy_plan_to_year(branch, previous: Document, *, from_year: int, to_year: int) -> Document:
    """Last year's plan with every 'YYYY年' of that year moved on; the copy is the new baseline."""
    document = copy.deepcopy(previous)
    old, new = f"{from_year}年", f"{to_year}年"

    def moved(value: str) -> str:
        return value.replace(old, new)

    document.title = moved(document.title)
    for paragraph in document.all_paragraphs():
        paragraph.text = paragraph.drafted = moved(paragraph.text)
        paragraph.pending = ""
        paragraph.orphaned = False
        paragraph.placeholder = False
    for section in document.all_sections():
        section.heading = moved(section.heading)
    for _, item in document.schedule_items():
        item.text = moved(item.text)
    document.dismissed = []
    document.date = signature_date(branch, ReportKind.PLAN, to_year, timezone.localdate()).isoformat()
    return document
