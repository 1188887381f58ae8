"""典型做法: paragraphs an officer picks from the approved summaries of the unions below a
federation, added to the federation's summary as one sub-section per union (so each is credited)."""
from __future__ import annotations

from dataclasses import dataclass

from ..choices import ReportKind, ReportPeriod, ReportState
from ..models import Branch, Report, Revision
from .content import Document, Paragraph, Section, new_key
from .services import ReportError, editable_revision, save_document

TYPICAL = "typical"


@dataclass(frozen=True)
class ApprovedSummary:
    union: Branch
    revision: Revision
    paragraphs: list[tuple[str, str, str]]  # (pick id, section heading, text)


def approved_sources(federation: Branch, year: int) -> list[ApprovedSummary]:
    """Each union below with an approved summary for the year: its latest approved revision's
    body paragraphs (not the opening, closing, 存在问题 or plans)."""
    revisions = (
        Revision.objects.filter(
            state=ReportState.APPROVED,
            report__kind=ReportKind.SUMMARY,
            report__year=year,
            report__period=ReportPeriod.YEAR,
            report__branch__path__startswith=federation.path,
        )
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
            if section.key not in {"problems", "next_year", "next_half", "plan"}
            for p in section.paragraphs
            if p.text
        ]
        if found:
            sources.append(ApprovedSummary(union, revision, found))
    return sources


def add_picks(
    *, report: Report, sources: list[ApprovedSummary], picks: list[str], expected_revision: int, expected_version: int,
    user=None,
) -> int:
    chosen = {pick for pick in picks}
    by_union: list[tuple[Branch, list[str]]] = []
    for source in sources:
        texts = [text for pick, _, text in source.paragraphs if pick in chosen]
        if texts:
            by_union.append((source.union, texts))
    if not by_union:
        raise ReportError("请至少选择一段典型做法。")
    revision = editable_revision(report)
    document = Document.from_dict(revision.content)
    section = document.section(TYPICAL)
    if section is None:
        section = Section(TYPICAL, "基层工会典型做法")
        position = next((i for i, s in enumerate(document.sections) if s.key == "problems"), len(document.sections))
        document.sections.insert(position, section)
    # The drafted hint ("请从…选取典型做法") has done its job once something is picked.
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
