"""Drafting a federation's own summary (e.g. 示范县总工会2025年工会工作总结) from its area's totals.

The figures are those of the unions whose summary for the year is approved (the official ones),
told by theme as the reference's federation summaries tell them: the area's totals with their
change on last year, a few run-in points to a paragraph, and the unions behind the largest events,
prizes and titles named. The 典型做法 section starts as a marked paragraph the officer replaces
by picking from those unions' approved summaries (each credited to its union) or by writing; an
annex tables the figures of each unit directly below.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from ..choices import MeetingKind, ReportKind
from ..federation.highlights import AreaHighlights, area_highlights
from ..federation.totals import (
    AreaTotals,
    ChildRow,
    area_totals,
    rolled_up_totals,
    totals_by_child,
)
from ..models import Branch
from . import federation_story as story
from .content import Document, Paragraph, Section
from .dating import signature_date
from ..numbers import yuan
from .summary import summary_title
from .wording import load_json, paragraphs, render_string, sentence

AREA_SUFFIXES = (("街道总工会", "街道"), ("县总工会", "县"), ("区总工会", "区"), ("市总工会", "市"), ("旗总工会", "旗"), ("镇总工会", "镇"))
# Said in the 自身建设 paragraph of the organisation section, not among the activities.
BUILDING_CATEGORIES = ("workers_home", "union_building")
ANNEX_HEADERS = ["单位", "纳入统计的工会（个）", "在册会员（人）", "活动（次）", "参与（人次）", "帮扶慰问（人次）",
                 "帮扶金额（元）", "荣誉（项）", "提案/立案（件）"]


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
    last_year: AreaTotals | None  # last year's approved totals, when any union's were approved
    highlights: AreaHighlights
    children: list[ChildRow]


def gather_federation_facts(federation: Branch, year: int) -> FederationFacts:
    last_year = rolled_up_totals(federation, year - 1)
    return FederationFacts(
        federation=federation,
        year=year,
        totals=area_totals(federation, year, approved_only=True),
        last_year=last_year if last_year.unions.counted else None,
        highlights=area_highlights(federation, year),
        children=totals_by_child(federation, year, approved_only=True),
    )


def annex_row(row: ChildRow) -> list[str]:
    name = row.branch.display_name if row.branch else "本级"
    return [
        name, str(row.unions), str(row.members), str(row.activities), str(row.participants),
        str(row.welfare_headcount), yuan(row.welfare_amount).removesuffix("元"), str(row.honors),
        f"{row.proposals_received}/{row.proposals_accepted}",
    ]


class _FederationDrafter:
    """One method per section; each returns its paragraphs' texts keyed, or nothing to tell."""

    def __init__(self, facts: FederationFacts):
        self.facts = facts
        self.totals = facts.totals
        self.before = facts.last_year
        federation, year = facts.federation, facts.year
        area, party = area_words(federation)
        self.context = {
            "year": year,
            "next_year": year + 1,
            "federation_name": federation.name,
            "area": area,
            "party": party,
            "unions": self.totals.unions,
            "members": self.totals.members,
            "join_rate": self.totals.join_rate,
            "counted_phrase": f"{area}{self.totals.unions.counted}个基层工会",
        }
        self.activities = {row.category: row for row in self.totals.activities.rows}
        self.payments = {row.reason: row for row in self.totals.welfare.rows}

    def say(self, name: str, **extra) -> str:
        return sentence(f"federation/{name}", {**self.context, **extra})

    def last(self, getter):
        return getter(self.before) if self.before is not None else None

    # -- sections ---------------------------------------------------------------------------

    def organization(self) -> list[tuple[str, str]]:
        totals, highlights = self.totals, self.facts.highlights
        texts = [("fed.organization.units", self.say(
            "sentences/units.txt", reporting=story.reporting_clause(highlights.reporting)))]
        if totals.unions.counted and totals.members.in_register:
            change = story.versus_last_year(
                totals.members.in_register, self.last(lambda t: t.members.in_register), "人")
            texts.append(("fed.organization.members", self.say("sentences/members.txt", members_change=change)))
        if done := self.building_done():
            texts.append(("fed.organization.building", self.say("sentences/building.txt", done=done)))
        return texts

    def building_done(self) -> str:
        committees = [r for r in self.totals.meetings.rows if r.kind not in MeetingKind.congresses() and r.count]
        parts = []
        if committees:
            parts.append("共召开" + "、".join(f"{r.label}{r.count}次" for r in committees))
        parts += story.activity_points(self.activities, list(BUILDING_CATEGORIES))
        return "，".join(parts)

    def activity_paragraphs(self) -> list[tuple[str, str]]:
        totals = self.totals.activities
        if not totals.count:
            return []
        texts = [("fed.activities.total", self.say(
            "sentences/activities.txt",
            activities=totals,
            count_change=story.versus_last_year(totals.count, self.last(lambda t: t.activities.count), "次"),
            participants_change=story.versus_last_year(
                totals.extra["participants"], self.last(lambda t: t.activities.extra["participants"]), "人次"),
            events=story.events_clause(self.facts.highlights.largest_events),
        ))]
        for theme in story.point_words()["activity_themes"]:
            points = story.activity_points(self.activities, theme["categories"])
            for i, text in enumerate(story.run_in(theme["lead"], points), start=1):
                texts.append((f"fed.activities.{theme['key']}" + (f".{i}" if i > 1 else ""), text))
        return texts

    def welfare_paragraphs(self) -> list[tuple[str, str]]:
        """The area's visits in total, then by theme; insurance premiums are told among the points
        (帮扶解困和普惠服务), never in the total, as each union's summary tells its own."""
        if not self.totals.welfare.count:
            return []
        texts = []
        if (visits := self.totals.visits).count:
            texts.append(("fed.welfare.total", self.say(
                "sentences/welfare.txt",
                visits=visits,
                money=story.total_money_clause(visits.cash, visits.goods),
                both_kinds=bool(visits.cash and visits.goods),
                headcount_change=story.versus_last_year(
                    visits.headcount, self.last(lambda t: t.visits.headcount), "人次"),
                amount_change=story.versus_last_year(
                    visits.amount, self.last(lambda t: t.visits.amount), "", money=True),
            )))
        for theme in story.point_words()["welfare_themes"]:
            points = story.welfare_points(self.payments, theme["points"])
            for i, text in enumerate(story.run_in(theme["lead"], points), start=1):
                texts.append((f"fed.welfare.{theme['key']}" + (f".{i}" if i > 1 else ""), text))
        return texts

    def democracy(self) -> list[tuple[str, str]]:
        congresses = [r for r in self.totals.meetings.rows if r.kind in MeetingKind.congresses() and r.count]
        openness = story.activity_points(self.activities, ["democratic"])
        if not congresses and not openness:
            return []
        several = sum(r.count for r in congresses) > 1
        text = self.say(
            "sentences/democracy.txt",
            congresses="、".join(f"{r.label}{r.count}次" for r in congresses),
            received=sum(r.proposals_received for r in congresses),
            accepted=sum(r.proposals_accepted for r in congresses),
            congress=self.facts.highlights.congress if several else None,
            openness="".join(openness),
        )
        return [("fed.democracy", text)]

    def honors(self) -> list[tuple[str, str]]:
        honors, highlights = self.totals.honors, self.facts.highlights
        if not honors.count:
            return []
        rows = [r for r in honors.rows if r.count]
        text = self.say(
            "sentences/honors.txt",
            honors=honors,
            change=story.versus_last_year(honors.count, self.last(lambda t: t.honors.count), "项"),
            levels="、".join(f"{r.label}{r.count}项" for r in rows) if len(rows) > 1 else "",
            level=rows[0].label if len(rows) == 1 else "",
            titles="，".join(story.conferred_clause(g) for g in highlights.titles),
            individuals="，".join(story.individual_clause(h) for h in highlights.individuals),
            prizes="，".join(story.prize_clause(h) for h in highlights.prizes),
        )
        return [("fed.honors", text)]


def draft_federation_summary(facts: FederationFacts) -> Document:
    federation, year = facts.federation, facts.year
    drafter = _FederationDrafter(facts)
    context = drafter.context
    headings = load_json("federation/sections.json")

    def heading(key):
        return render_string(headings[key], context)

    def drafted(key, text, placeholder=False):
        return Paragraph(key=key, text=text, drafted=text, placeholder=placeholder)

    sections = []
    for key, texts in (
        ("organization", drafter.organization()),
        ("activities", drafter.activity_paragraphs()),
        ("welfare", drafter.welfare_paragraphs()),
        ("democracy", drafter.democracy()),
        ("honors", drafter.honors()),
    ):
        if texts:
            sections.append(Section(key, heading(key), [drafted(k, text) for k, text in texts]))
    # Prose the officer replaces, by picking practices or writing her own: a placeholder blocks
    # submission until she does. How to pick is said on the page, never in the document.
    sections.append(Section("typical", heading("typical"), [
        drafted("fed.typical", drafter.say("sentences/typical.txt"), placeholder=True)
    ]))
    sections.append(Section("problems", heading("problems"), [
        drafted(f"problems.{i}", text, placeholder=True)
        for i, text in enumerate(paragraphs("federation/problems.txt", context), start=1)
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
        date=signature_date(federation, ReportKind.SUMMARY, year, timezone.localdate()).isoformat(),
        annex={
            "title": f"附件：{year}年各单位工会工作主要数据（已审核通过的工作总结）",
            "headers": ANNEX_HEADERS,
            "rows": [annex_row(row) for row in facts.children],
        },
    )
