"""典型做法: paragraphs an officer picks from the approved summaries of the unions below a
federation, added to the federation's summary as one sub-section per union (so each is credited)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..access import Access, PermissionDenied
from ..models import Branch, Report, Revision
from .content import Document, Paragraph, Section, new_key
from .errors import Code, ReportError
from .services import check_may_draft, editable_revision, save_document

TYPICAL = "typical"
# Sections that are not practices: problems, plans and how the plan went.
NOT_PRACTICES = {"problems", "next_year", "next_half", "plan"}
# Drafted paragraphs that state a union's totals, registers or meetings held, and its single
# honours (the federation tells the area's honours itself): figures, not practices.
STATISTICAL_KEYS = re.compile(r"(^|\.)total$|^members\.|^meetings\.|^honou?rs?\.|^welfare\.")
# A clause that states a figure: a number with the unit it counts (dates are not figures).
FIGURE = re.compile(r"\d+(\.\d+)?\s*(人次|人|元|万元|次|项|件|期|个|场|名|户|篇|%|％|批次)")
DATE = re.compile(r"\d+年|\d+月(\d+日)?|\d+日")
CLAUSE = re.compile(r"[，,。；;：:！？]")
# A paragraph more than this share of whose clauses state figures is a tally, not a practice.
FIGURE_SHARE = 0.5
PICKING_REFUSED = "只有总工会工作人员可以从基层工会的工作总结中选取典型做法。"


@dataclass(frozen=True)
class ApprovedSummary:
    union: Branch
    revision: Revision
    paragraphs: list[tuple[str, str, str]]  # (pick id, section heading, text)


def is_unpicked(document: Document) -> bool:
    """A federation summary whose 典型做法 is still the drafted paragraph: nothing picked or written."""
    section = document.section(TYPICAL)
    return section is not None and any(p.needs_filling for p in section.paragraphs)


def is_statistical(key: str, text: str) -> bool:
    """A paragraph that tallies rather than tells what was done and what came of it: a drafted
    total (welfare.total, culture.total, members.register, meetings.committees, honors.*), or
    one more than half of whose clauses are figures (慰问…173人次，送去慰问金26800元…，共计33760元)."""
    if STATISTICAL_KEYS.search(key):
        return True
    clauses = [c for c in CLAUSE.split(DATE.sub("", text)) if c.strip()]
    if not clauses:
        return True
    figures = sum(1 for c in clauses if FIGURE.search(c))
    return figures / len(clauses) > FIGURE_SHARE


def is_practice(section_key: str, paragraph) -> bool:
    return bool(paragraph.text) and section_key not in NOT_PRACTICES and not is_statistical(paragraph.key, paragraph.text)


def approved_sources(federation: Branch, year: int) -> list[ApprovedSummary]:
    """Each union below with an approved summary for the year: its latest approved revision's
    paragraphs that tell practices (not the opening or closing, 存在问题 or plans, nor tallies)."""
    revisions = (
        Revision.objects.approved_annual_summaries(year)
        .filter(report__branch__path__startswith=federation.path)
        .exclude(report__branch=federation)
        .select_related("report__branch")
        .order_by("report__branch__path", "-number")
    )
    sources, seen = [], set()
    for revision in revisions:
        union = revision.report.branch
        if union.pk in seen:
            continue
        seen.add(union.pk)
        document = Document.from_dict(revision.content)
        found = [
            (f"{revision.pk}:{p.key}", section.heading, p.text)
            for section in document.all_sections()
            for p in section.paragraphs
            if is_practice(section.key, p)
        ]
        if found:
            sources.append(ApprovedSummary(union, revision, found))
    return sources


def add_picks(
    *, report: Report, sources: list[ApprovedSummary], picks: list[str], expected_revision: int, expected_version: int,
    user,
) -> int:
    """Add the picked paragraphs to the federation's summary, one sub-section per union; the
    number of paragraphs added (a paragraph already there is not added twice)."""
    check_may_draft(user, report.branch)
    if not Access.of_actor(user).oversees(report.branch):
        raise PermissionDenied(PICKING_REFUSED)
    chosen = {pick for pick in picks}
    by_union: list[tuple[Branch, list[str]]] = []
    for source in sources:
        texts = [text for pick, _, text in source.paragraphs if pick in chosen]
        if texts:
            by_union.append((source.union, texts))
    if not by_union:
        raise ReportError("请至少选择一段典型做法。", code=Code.NO_PRACTICE_PICKED)
    revision = editable_revision(report)
    document = Document.from_dict(revision.content)
    section = document.section(TYPICAL)
    if section is None:
        section = Section(TYPICAL, "基层工会典型做法")
        position = next((i for i, s in enumerate(document.sections) if s.key == "problems"), len(document.sections))
        document.sections.insert(position, section)
    # The drafted stand-in paragraph gives way once practices are picked.
    section.paragraphs = [p for p in section.paragraphs if not p.needs_filling]
    added = 0
    for union, texts in by_union:
        sub = next((s for s in section.subsections if s.heading == union.display_name), None)
        if sub is None:
            sub = Section(new_key("u"), union.display_name)
            section.subsections.append(sub)
        existing = {p.text for p in sub.paragraphs}
        for text in texts:
            if text not in existing:
                sub.paragraphs.append(Paragraph(new_key("u"), text))
                added += 1
    save_document(
        revision=revision, document=document, expected_revision=expected_revision, expected_version=expected_version,
        user=user,
    )
    return added
