"""Drafting a federation's own summary (e.g. 示范县总工会2025年工会工作总结) from its area's totals.

The figures are those of the unions whose summary for the year is approved (the official ones);
the 典型做法 section is filled by the officer from those unions' approved summaries, each credited
to its union; an annex lists every union's reporting state.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from ..choices import MeetingKind
from ..federation.board import STATE_LABELS, board_queryset
from ..federation.totals import AreaTotals, area_totals
from ..models import Branch
from .content import Document, Paragraph, Section
from .layout import chinese_number
from .summary import summary_title
from .wording import load_json, render_string, sentence, paragraphs

CONGRESS_KINDS = {MeetingKind.MEMBERS_CONGRESS, MeetingKind.WORKERS_CONGRESS, MeetingKind.STAFF_CONGRESS}
AREA_SUFFIXES = (("街道总工会", "街道"), ("县总工会", "县"), ("区总工会", "区"), ("市总工会", "市"), ("旗总工会", "旗"), ("镇总工会", "镇"))


def area_words(federation: Branch) -> tuple[str, str]:
    """(全县, 县委) for 示范县总工会; a neutral wording when the name says nothing."""
    for suffix, unit in AREA_SUFFIXES:
        if federation.name.endswith(suffix):
            return f"全{unit}", (f"{unit}党工委" if unit == "街道" else f"{unit}委")
    return "辖区内", "同级党委"


@dataclass
class FederationFacts:
    federation: Branch
    year: int
    totals: AreaTotals
    annex_rows: list[list[str]]


def gather_federation_facts(federation: Branch, year: int) -> FederationFacts:
    annex_rows = [
        [row.name, STATE_LABELS[row.plan_state or "none"], STATE_LABELS[row.summary_state or "none"]]
        for row in board_queryset(federation, year)
    ]
    return FederationFacts(federation, year, area_totals(federation, year, approved_only=True), annex_rows)


def _points(rows) -> list[tuple[str, object]]:
    """Rows as 一是…二是… run-in points: (一, row), (二, row), …"""
    return [(chinese_number(i), row) for i, row in enumerate(rows, start=1)]


def draft_federation_summary(facts: FederationFacts) -> Document:
    federation, totals, year = facts.federation, facts.totals, facts.year
    area, party = area_words(federation)
    counted = totals.unions.counted
    context = {
        "year": year,
        "next_year": year + 1,
        "federation_name": federation.name,
        "area": area,
        "party": party,
        "unions": totals.unions,
        "members": totals.members,
        "join_rate": totals.join_rate,
        "counted_phrase": f"{area}{counted}个基层工会",
    }
    headings = load_json("federation/sections.json")

    def heading(key):
        return render_string(headings[key], context)

    def drafted(key, text, placeholder=False):
        return Paragraph(key=key, text=text, drafted=text, placeholder=placeholder)

    def section(key, template, extra=None):
        texts = paragraphs(f"federation/{template}", {**context, **(extra or {})})
        return Section(key, heading(key), [drafted(f"fed.{key}.{i}", text) for i, text in enumerate(texts, start=1)])

    sections = [section("organization", "organization.txt")]
    if totals.activities.rows:
        sections.append(section("activities", "activities.txt", {
            "activities": totals.activities, "points": _points(totals.activities.rows)}))
    if totals.welfare.rows:
        sections.append(section("welfare", "welfare.txt", {
            "welfare": totals.welfare, "points": _points(totals.welfare.rows)}))
    congresses = [r for r in totals.meetings.rows if r.kind in CONGRESS_KINDS]
    if congresses:
        sections.append(section("democracy", "democracy.txt", {
            "congresses": congresses,
            "received": sum(r.proposals_received for r in congresses),
            "accepted": sum(r.proposals_accepted for r in congresses),
        }))
    if totals.honors.rows:
        sections.append(section("honors", "honors.txt", {"honors": totals.honors}))
    sections.append(Section("typical", heading("typical"), [
        drafted("fed.typical", sentence("federation/typical.txt", context), placeholder=True)
    ]))
    problems = paragraphs("federation/problems.txt", context)
    sections.append(Section("problems", heading("problems"), [
        drafted(f"problems.{i}", text, placeholder=True) for i, text in enumerate(problems, start=1)
    ]))
    sections.append(Section("next_year", heading("next_year"), [
        drafted("next_year", sentence("federation/next_year.txt", context), placeholder=True)
    ]))
    return Document(
        kind="summary",
        title=summary_title(federation, year, half=False),
        preamble=[drafted("opening", sentence("federation/opening.txt", context))],
        sections=sections,
        closing=[drafted("closing", sentence("federation/closing.txt", context))],
        signature=federation.name,
        date=timezone.localdate().isoformat(),
        annex={
            "title": f"附件：{year}年各工会工作计划和工作总结报送情况",
            "headers": ["工会", "工作计划", "工作总结"],
            "rows": facts.annex_rows,
        },
    )


