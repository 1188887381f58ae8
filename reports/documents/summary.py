"""Drafting a work summary (工作总结) from a union's facts for a year or its first half.

A section is drafted for each theme the union has records for, in the order the reference
summaries use; every figure comes from the facts. Paragraph keys are stable (a category, a
reason, a meeting's id) so that 刷新数据 can tell a drafted paragraph from the secretary's own.
"""
from __future__ import annotations

from django.utils import timezone

from ..choices import ActivityCategory as C
from ..choices import MeetingKind
from .content import Document, Paragraph, Section, Source
from .facts import SummaryFacts
from .numbers import percent
from .wording import first_existing, load_json, paragraphs, render_string, sentence, words_for

# Which activity categories each section of the summary reports, in the order they are written.
SECTION_CATEGORIES = {
    "democracy": [C.DEMOCRATIC],
    "education": [C.POLITICAL_STUDY, C.TRAINING, C.COMPETITION],
    "culture": [C.FESTIVAL, C.CULTURE, C.SPORTS, C.SOCIAL, C.FAMILY, C.VISIT_REST],
    "women": [C.WOMEN, C.HEALTH_CHECK],
    "safety": [C.SAFETY, C.VOLUNTEER],
    "building": [C.UNION_BUILDING, C.WORKERS_HOME, C.OTHER],
}
CONGRESS_KINDS = {MeetingKind.MEMBERS_CONGRESS, MeetingKind.WORKERS_CONGRESS, MeetingKind.STAFF_CONGRESS}
# How many activities a category paragraph names; the rest are in its count.
LISTED_PER_CATEGORY = 6


def title_name(branch) -> str:
    """The union's name as a title uses it: 示范县实验小学工会, not …工会委员会."""
    name = branch.name
    return name[: -len("委员会")] if name.endswith("工会委员会") else name


def summary_title(branch, year: int, *, half: bool) -> str:
    return f"{title_name(branch)}{year}年{'上半年' if half else ''}工会工作总结"


def draft_summary(facts: SummaryFacts) -> Document:
    branch = facts.branch
    context = {
        "year": facts.year,
        "next_year": facts.year + 1,
        "half": facts.half,
        "branch": branch,
        "branch_name": title_name(branch),
        "words": words_for(branch.sector),
        "period_word": "上半年" if facts.half else "全年",
    }
    drafter = _SummaryDrafter(facts, context)
    return Document(
        kind="summary",
        title=summary_title(branch, facts.year, half=facts.half),
        preamble=drafter.sector_paragraphs("opening", "opening"),
        sections=drafter.sections(),
        closing=drafter.sector_paragraphs("closing", "closing"),
        signature=branch.name,
        date=timezone.localdate().isoformat(),
    )


class _SummaryDrafter:
    def __init__(self, facts: SummaryFacts, context: dict):
        self.facts = facts
        self.context = context
        self.headings = load_json("summary/sections.json")
        self.category_rows = {row.category: row for row in facts.activities.rows}
        self.activities_by_category: dict[str, list] = {}
        for activity in facts.activity_list:
            self.activities_by_category.setdefault(activity.category, []).append(activity)

    # -- helpers -----------------------------------------------------------------------------

    def heading(self, key: str) -> str:
        return render_string(self.headings[key], self.context)

    def source(self, label: str, ledger: str, **params) -> Source:
        period = self.facts.period
        return Source(label, ledger, {"start": period.start.isoformat(), "end": period.end.isoformat(), **params})

    def drafted(self, key: str, text: str, sources=(), placeholder=False) -> Paragraph:
        return Paragraph(key=key, text=text, drafted=text, placeholder=placeholder, sources=list(sources))

    def sector_paragraphs(self, part: str, key: str, *, placeholder: bool = False) -> list[Paragraph]:
        sector = self.facts.branch.sector
        name = first_existing(f"summary/{part}/{sector}.txt", f"summary/{part}/other.txt")
        texts = paragraphs(name, self.context)
        return [
            self.drafted(key if len(texts) == 1 else f"{key}.{i}", text, placeholder=placeholder)
            for i, text in enumerate(texts, start=1)
        ]

    def category_paragraph(self, category: str) -> Paragraph | None:
        row = self.category_rows.get(category)
        if row is None:
            return None
        activities = self.activities_by_category.get(category, [])
        notable = sorted(activities, key=lambda a: (-a.participants, a.start_date, a.pk))[:LISTED_PER_CATEGORY]
        listed = sorted(notable, key=lambda a: (a.start_date, a.pk))
        name = first_existing(f"summary/sentences/activity/{category}.txt", "summary/sentences/activity/default.txt")
        text = sentence(name, {**self.context, "row": row, "listed": listed})
        return self.drafted(f"activity.{category}", text, [self.source(row.label, "activities", choice=category)])

    def category_paragraphs(self, section: str) -> list[Paragraph]:
        found = (self.category_paragraph(c) for c in SECTION_CATEGORIES[section])
        return [p for p in found if p is not None]

    # -- sections ----------------------------------------------------------------------------

    def sections(self) -> list[Section]:
        builders = [
            self.democracy, self.welfare, self.education, self.culture, self.women, self.safety,
            self.building, self.honors, self.plan,
        ]
        drafted = [section for section in (build() for build in builders) if section and section.paragraphs]
        drafted.append(
            Section("problems", self.heading("problems"), self.sector_paragraphs("problems", "problems", placeholder=True))
        )
        drafted.append(self.looking_ahead())
        return drafted

    def democracy(self) -> Section:
        congresses = [m for m in self.facts.meeting_list if m.kind in CONGRESS_KINDS]
        paras = []
        for meeting in congresses:
            topics = meeting.topics.strip()
            if topics and topics[-1] not in "。！？":
                topics += "。"
            text = sentence("summary/sentences/congress.txt", {**self.context, "meeting": meeting, "topics": topics})
            paras.append(self.drafted(f"meeting.{meeting.pk}", text, [self.source(meeting.get_kind_display(), "meetings", choice=meeting.kind)]))
        if len(congresses) > 1:
            text = sentence(
                "summary/sentences/proposals_total.txt",
                {
                    **self.context,
                    "count": len(congresses),
                    "received": sum(m.proposals_received for m in congresses),
                    "accepted": sum(m.proposals_accepted for m in congresses),
                },
            )
            paras.append(self.drafted("meetings.congress_total", text, [self.source("各类代表大会", "meetings")]))
        paras += self.category_paragraphs("democracy")
        return Section("democracy", self.heading("democracy"), paras)

    def welfare(self) -> Section:
        totals = self.facts.welfare
        paras = []
        if totals.rows:
            text = sentence("summary/sentences/welfare_total.txt", {**self.context, "totals": totals})
            paras.append(self.drafted("welfare.total", text, [self.source("全部帮扶慰问", "welfare")]))
        for row in totals.rows:
            name = first_existing(f"summary/sentences/welfare/{row.reason}.txt", "summary/sentences/welfare/default.txt")
            text = sentence(name, {**self.context, "row": row})
            paras.append(self.drafted(f"welfare.{row.reason}", text, [self.source(row.label, "welfare", choice=row.reason)]))
        if paras and self.facts.members.hardship:
            text = sentence("summary/sentences/hardship_register.txt", {**self.context, "count": self.facts.members.hardship})
            paras.append(self.drafted("welfare.hardship_register", text, [Source("困难职工", "members", {"q": "", "choice": "active"})]))
        return Section("welfare", self.heading("welfare"), paras)

    def education(self) -> Section:
        return Section("education", self.heading("education"), self.category_paragraphs("education"))

    def culture(self) -> Section:
        paras = self.category_paragraphs("culture")
        if len(paras) > 1:
            rows = [self.category_rows[c] for c in SECTION_CATEGORIES["culture"] if c in self.category_rows]
            text = sentence(
                "summary/sentences/culture_total.txt",
                {**self.context, "count": sum(r.count for r in rows), "participants": sum(r.participants for r in rows)},
            )
            paras.insert(0, self.drafted("culture.total", text, [self.source("文体活动", "activities")]))
        return Section("culture", self.heading("culture"), paras)

    def women(self) -> Section:
        paras = self.category_paragraphs("women")
        if paras and self.facts.members.female:
            text = sentence("summary/sentences/women_members.txt", {**self.context, "members": self.facts.members})
            paras.insert(0, self.drafted("members.female", text, [Source("女会员", "members", {"choice": "active"})]))
        return Section("women", self.heading("women"), paras)

    def safety(self) -> Section:
        return Section("safety", self.heading("safety"), self.category_paragraphs("safety"))

    def building(self) -> Section:
        facts = self.facts
        paras = []
        if facts.members.in_register:
            workforce = facts.branch.workforce
            text = sentence(
                "summary/sentences/membership.txt",
                {
                    **self.context,
                    "members": facts.members,
                    "workforce": workforce,
                    "join_rate": percent(facts.members.in_register, workforce) if workforce else "",
                },
            )
            paras.append(self.drafted("members.register", text, [Source("会员名册", "members", {"choice": "active"})]))
        committee_rows = [r for r in facts.meetings.rows if r.kind not in CONGRESS_KINDS]
        if committee_rows:
            text = sentence("summary/sentences/committee_meetings.txt", {**self.context, "rows": committee_rows})
            paras.append(self.drafted("meetings.committees", text, [self.source("会议", "meetings")]))
        paras += self.category_paragraphs("building")
        return Section("building", self.heading("building"), paras)

    def honors(self) -> Section:
        totals = self.facts.honors
        if not totals.rows:
            return Section("honors", self.heading("honors"))
        paras = [
            self.drafted(
                "honors.total",
                sentence("summary/sentences/honors_total.txt", {**self.context, "totals": totals}),
                [self.source("荣誉", "honors")],
            )
        ]
        for honor in self.facts.honor_list:
            text = sentence("summary/sentences/honor.txt", {**self.context, "honor": honor})
            paras.append(self.drafted(f"honor.{honor.pk}", text, [self.source(honor.get_level_display(), "honors", choice=honor.level)]))
        return Section("honors", self.heading("honors"), paras)

    def plan(self) -> Section | None:
        plan = self.facts.plan
        if plan is None:
            return None
        rate = percent(plan.done, plan.planned) if plan.planned else ""
        text = sentence("summary/sentences/plan_progress.txt", {**self.context, "plan": plan, "rate": rate})
        return Section("plan", self.heading("plan"), [self.drafted("plan.progress", text)])

    def looking_ahead(self) -> Section:
        facts = self.facts
        key = "next_half" if facts.half else "next_year"
        paras = []
        if facts.following_plan_content is not None and not facts.half:
            for theme in facts.following_plan_content.themes:
                text = sentence("summary/sentences/next_from_plan.txt", {**self.context, **theme})
                paras.append(self.drafted(f"next.{theme['key']}", text))
        elif facts.half and facts.following_items:
            for item in facts.following_items:
                paras.append(self.drafted(f"next.{item.key}", f"{item.month_label}，{item.text.rstrip('。')}。"))
        if not paras:
            name = "summary/sentences/next_half_default.txt" if facts.half else "summary/sentences/next_default.txt"
            paras = [self.drafted(key, sentence(name, self.context), placeholder=True)]
        return Section(key, self.heading(key), paras)
