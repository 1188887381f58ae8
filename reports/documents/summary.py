"""Drafting a work summary (工作总结) from a union's facts for a year or its first half.

A section is drafted for each theme the union has records for, in the order the reference
summaries use; every figure comes from the facts. Paragraph keys are stable (a category, a
reason, a meeting's id) so that 刷新数据 can tell a drafted paragraph from the secretary's own.

Activities are told by reports.documents.narration (series, highlights with their outcomes, the
rest named together); sentences that recur are worded through one FrameChooser per document, so
no frame is worn out.
"""
from __future__ import annotations

from decimal import Decimal

from .. import figures
from ..choices import ActivityCategory as C
from ..choices import FestivalOccasion, FundSource, Gender, HonorKind, HonorLevel, MeetingKind, MemberStatus, WelfareReason
from ..festivals import in_calendar_order, prose_names
from ..stats import ReasonRow
from .content import Document, Paragraph, Section, Source
from .facts import SummaryFacts
from .frames import FrameChooser
from .narration import (
    ATTEND,
    HOST,
    JOINT,
    KindStory,
    category_words,
    display_title,
    event_of,
    named_list,
    prize_parts,
    purpose_of,
    story_of,
    verb_for,
    yardstick_of,
)
from ..numbers import month_day, percent, yuan
from .wording import first_existing, load_json, paragraphs, render_string, sentence, words_for_branch

# Which activity categories each section of the summary reports, in the order they are written.
SECTION_CATEGORIES = {
    "democracy": [C.DEMOCRATIC],
    "education": [C.POLITICAL_STUDY, C.TRAINING, C.COMPETITION],
    "culture": [C.FESTIVAL, C.CULTURE, C.SPORTS, C.SOCIAL, C.FAMILY, C.VISIT_REST],
    "women": [C.WOMEN, C.HEALTH_CHECK],
    "safety": [C.SAFETY, C.VOLUNTEER],
    "building": [C.UNION_BUILDING, C.WORKERS_HOME, C.OTHER],
}
EVENT_FRAMES = {HOST: "event_host", JOINT: "event_joint", ATTEND: "event_attend"}
# Money the union did not pay, in the order it is told after the union's own payments.
OBTAINED_SOURCES = [s for s in FundSource.values if s not in FundSource.paid_by_union()]
# Why a member was helped, as said before the name ("为患病的何秀英同志捐款").
NEED_WORDS = {
    WelfareReason.SICKNESS: "患病的",
    WelfareReason.SERIOUS_ILLNESS: "身患重病的",
    WelfareReason.HARDSHIP: "家庭困难的",
    WelfareReason.WORK_INJURY: "因工受伤的",
    WelfareReason.BEREAVEMENT: "遭遇亲人离世的",
}
# Honour titles that name their own area early on (示范县五一劳动奖章, 全市…) need no level before them.
AREA_WORDS = ("县", "市", "省", "区", "全国")
# A level as a sentence says it before a title (县级“模范职工之家”); a system's or the unit's own
# honour is placed by its awarding body instead.
LEVEL_WORDS = {
    HonorLevel.NATIONAL: "全国", HonorLevel.PROVINCIAL: "省级", HonorLevel.MUNICIPAL: "市级",
    HonorLevel.COUNTY: "县级", HonorLevel.SYSTEM: "", HonorLevel.INTERNAL: "",
}
# How many unfinished plan items a sentence names before 等.
UNDONE_NAMED = 3
# Below this share of members taking part in an average activity, participation is called low.
LOW_PARTICIPATION = Decimal("0.4")


# Members' life events the union marks with a visit, as the sentence names them, in the order
# they are named. Told together once there are two or more kinds of them in the period.
LIFE_EVENTS = {
    WelfareReason.BIRTHDAY: "过生日",
    WelfareReason.WEDDING: "结婚",
    WelfareReason.BIRTH: "生育",
    WelfareReason.WORK_INJURY: "因工受伤",
    WelfareReason.BEREAVEMENT: "家中遇有丧事",
}


def money_row(row, payments) -> ReasonRow:
    """The figures of some payments, shaped like a reason's row for the welfare templates."""
    return ReasonRow(
        row.reason if row else "", row.label if row else "", len(payments), sum(p.headcount for p in payments),
        sum((p.cash for p in payments), Decimal("0")), sum((p.goods_value for p in payments), Decimal("0")),
    )


def title_name(branch) -> str:
    """The union's name as a title uses it: 示范县实验小学工会, not …工会委员会."""
    name = branch.name
    return name[: -len("委员会")] if name.endswith("工会委员会") else name


def summary_title(branch, year: int, *, half: bool) -> str:
    """示范县实验小学工会2025年工作总结: a name ending in 工会 already says whose work it is."""
    name = title_name(branch)
    work = "工作总结" if name.endswith("工会") else "工会工作总结"
    return f"{name}{year}年{'上半年' if half else ''}{work}"



def draft_summary(facts: SummaryFacts) -> Document:
    branch = facts.branch
    context = {
        "year": facts.year,
        "next_year": facts.year + 1,
        "half": facts.half,
        "branch": branch,
        "branch_name": title_name(branch),
        "words": words_for_branch(branch),
        "period_word": "上半年" if facts.half else "全年",
    }
    drafter = _SummaryDrafter(facts, context)
    preamble = drafter.sector_paragraphs("opening", "opening")
    sections = drafter.sections()
    return Document(
        kind="summary",
        title=summary_title(branch, facts.year, half=facts.half),
        preamble=preamble,
        sections=sections,
        closing=drafter.sector_paragraphs("closing", "closing"),
        signature=branch.name,
        date=facts.signed_on.isoformat(),
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
        self.yardstick = yardstick_of(facts.activity_list)
        # Prizes won at a recorded event are told in that event's sentence, not among the honours.
        self.told_activities = {a.pk for a in facts.activity_list}
        self.outcomes_told = "".join(a.result for a in facts.activity_list)
        self.prizes: dict[int, list] = {}
        for honor in facts.honor_list:
            if honor.kind == HonorKind.PRIZE and honor.activity_id in self.told_activities:
                self.prizes.setdefault(honor.activity_id, []).append(honor)
        self.chooser = FrameChooser()
        previous = facts.previous
        self.previous_activities = (
            {row.category: row for row in previous.activities.rows} if previous and previous.has_activities else None
        )

    # -- helpers -----------------------------------------------------------------------------

    def heading(self, key: str) -> str:
        return render_string(self.headings[key], self.context)

    def source(self, label: str, ledger: str, **params) -> Source:
        period = self.facts.period
        return Source(label, ledger, {"start": period.start.isoformat(), "end": period.end.isoformat(), **params})

    def paid_source(self, label: str, reasons: list[str]) -> Source:
        """The union's own payments for some reasons: the rows its welfare figures count."""
        return self.source(label, "welfare", choice=list(reasons), fund=sorted(FundSource.paid_by_union()))

    def drafted(self, key: str, text: str, sources=(), placeholder=False) -> Paragraph:
        return Paragraph(key=key, text=text, drafted=text, placeholder=placeholder, sources=list(sources))

    def say(self, name: str, extra: dict, names=()) -> str:
        """A sentence from a fixed template, noted so that chosen wordings avoid its frame."""
        return self.chooser.note(sentence(name, {**self.context, **extra}), names)

    def change(self, figures) -> str:
        """", 较上年增加2次、86人次" for [(now, before, unit), ...]; "" when there is no year before."""
        parts = []
        for now, before, unit in figures:
            difference = now - before
            if difference:
                amount = yuan(abs(difference)) if unit == "元" else f"{abs(difference)}{unit}"
                was_up = parts[-1]["up"] if parts else None
                parts.append({"up": difference > 0, "was_up": was_up, "text": amount})
        return sentence("summary/sentences/_change.txt", {"label": self.facts.previous.label, "parts": parts})

    def sector_paragraphs(self, part: str, key: str, *, placeholder: bool = False) -> list[Paragraph]:
        sector = self.facts.branch.sector
        name = first_existing(f"summary/{part}/{sector}.txt", f"summary/{part}/other.txt")
        texts = paragraphs(name, self.context)
        return [
            self.drafted(key if len(texts) == 1 else f"{key}.{i}", text, placeholder=placeholder)
            for i, text in enumerate(texts, start=1)
        ]

    # -- activities ----------------------------------------------------------------------------

    def category_change(self, row) -> str:
        if self.previous_activities is None or row.category not in self.previous_activities:
            return ""
        before = self.previous_activities[row.category]
        unit = category_words().get(row.category, category_words()["other"])["unit"]
        return self.change([(row.count, before.count, unit), (row.participants, before.participants, "人次")])

    def kind_context(self, category: str) -> dict:
        words = category_words()
        kind = words.get(category, words["other"])
        return {
            **self.context,
            # 女职工 for women's work reads 女教职工 in a school, 女医务职工 in a hospital.
            "staff": kind["staff"].replace("职工", self.context["words"]["staff"]) if kind.get("staff") else self.context["words"]["staff"],
            "join": kind["join"],
            "held": kind["held"],
            "team": kind["team"],
            "noun": kind["noun"],
            "unit": kind["unit"],
            "people": kind["people"],
            "verb": kind["verb"],
            "tell_cost": kind.get("tell_cost", False),
        }

    def event_sentence(self, event, base: dict, *, alone: bool) -> str:
        context = {**base, "e": event, "alone": alone, "lead": purpose_of(event.activity.category, base) if alone else ""}
        return self.chooser.say(EVENT_FRAMES[event.mode], context, event.names)

    def story_sentences(self, category: str, story: KindStory, base: dict) -> list[str]:
        told = []
        for series in story.series:
            stem = display_title(series.stem)
            context = {
                **base,
                "verb": verb_for(series.stem, category) or base["verb"],
                "unit": category_words().get(category, category_words()["other"])["series_unit"],
                "s": {
                    "stem": stem, "count": len(series.activities), "n": series.participants,
                    "months": series.months, "results": "；".join(series.results),
                },
            }
            names = [stem, series.stem, *series.results, *(a.title for a in series.activities)]
            told.append(self.chooser.say("series", context, names))
        for event in story.highlights:
            told.append(self.event_sentence(event, base, alone=False))
        after = bool(told)
        whole = not told and not (story.hosted_rest and story.attended_rest)
        if story.hosted_rest:
            group = named_list(story.hosted_rest, whole=whole)
            kind = "group_deeds" if group["deeds"] else "group_host"
            told.append(self.chooser.say(kind, {**base, "g": group, "after": after}, group["titles"]))
            after = True
        if story.attended_rest:
            group = named_list(story.attended_rest, attending=True, whole=whole)
            told.append(self.chooser.say("group_attend", {**base, "g": group, "after": after}, group["titles"]))
        return told

    def category_paragraph(self, category: str) -> Paragraph | None:
        row = self.category_rows.get(category)
        if row is None:
            return None
        activities = self.activities_by_category.get(category, [])
        base = self.kind_context(category)
        if row.count == 1 and len(activities) == 1:
            # A single event is told as the event, not counted ("1次……其中").
            event = event_of(activities[0], tell_cost=base["tell_cost"], prizes=self.prizes.get(activities[0].pk, ()))
            text = self.event_sentence(event, base, alone=True)
        else:
            name = first_existing(f"summary/sentences/activity/{category}.txt", "summary/sentences/activity/default.txt")
            opening = self.say(name, {"row": row, "change": self.category_change(row)})
            story = story_of(activities, self.yardstick, tell_cost=base["tell_cost"], prizes=self.prizes)
            text = opening + "".join(self.story_sentences(category, story, base))
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
        points = self.problem_points()
        drafted.append(self.problems(points))
        drafted.append(self.looking_ahead(points))
        return drafted

    def democracy(self) -> Section:
        congresses = [m for m in self.facts.meeting_list if m.kind in MeetingKind.congresses()]
        paras = []
        for meeting in congresses:
            topics = meeting.topics.strip()
            if topics and topics[-1] not in "。！？":
                topics += "。"
            text = self.say("summary/sentences/congress.txt", {"meeting": meeting, "topics": topics}, [topics])
            paras.append(self.drafted(f"meeting.{meeting.pk}", text, [self.source(meeting.get_kind_display(), "meetings", choice=meeting.kind)]))
        if len(congresses) > 1:
            text = self.say(
                "summary/sentences/proposals_total.txt",
                {
                    "count": len(congresses),
                    "received": sum(m.proposals_received for m in congresses),
                    "accepted": sum(m.proposals_accepted for m in congresses),
                },
            )
            kinds = sorted({m.kind for m in congresses})
            paras.append(self.drafted("meetings.congress_total", text, [self.source("各类代表大会", "meetings", choice=kinds)]))
        paras += self.category_paragraphs("democracy")
        return Section("democracy", self.heading("democracy"), paras)

    def welfare_change(self, totals: figures.PaymentSum) -> str:
        previous = self.facts.previous
        if previous is None or not previous.has_welfare:
            return ""
        before = figures.visits(previous.welfare.rows)
        return self.change([(totals.headcount, before.headcount, "人次"), (totals.amount, before.amount, "元")])

    def welfare(self) -> Section:
        """The union's own payments (total, then by reason), then the money it collected or
        obtained for members, each with its own figures: never added to the union's."""
        rows = self.facts.welfare.rows
        paras = []
        totals = figures.visits(rows)  # insurance premiums are told on their own, not as visits
        if totals.count:
            text = self.say("summary/sentences/welfare_total.txt", {"totals": totals, "change": self.welfare_change(totals)})
            reasons = [r.reason for r in rows if figures.is_visit(r.reason)]
            paras.append(self.drafted("welfare.total", text, [self.paid_source("全部帮扶慰问", reasons)]))
        occasions = [r for r in rows if r.reason in LIFE_EVENTS]
        if len(occasions) < 2:
            occasions = []
        for row in rows:
            if row.reason == WelfareReason.FESTIVAL:
                paras += self.festival_paragraphs(row)
                continue
            if row in occasions:
                if row is occasions[0]:
                    paras.append(self.life_events_paragraph(occasions))
                continue
            name = first_existing(f"summary/sentences/welfare/{row.reason}.txt", "summary/sentences/welfare/default.txt")
            text = self.say(name, {"row": row, "has_register": bool(self.facts.members.hardship)})
            paras.append(self.drafted(f"welfare.{row.reason}", text, [self.paid_source(row.label, [row.reason])]))
        paras += self.obtained_paragraphs()
        if paras and self.facts.members.hardship:
            text = self.say("summary/sentences/hardship_register.txt", {"count": self.facts.members.hardship})
            register = Source("困难职工", "members", {"choice": MemberStatus.ACTIVE, "hardship": "1"})
            paras.append(self.drafted("welfare.hardship_register", text, [register]))
        return Section("welfare", self.heading("welfare"), paras)

    def life_events_paragraph(self, rows) -> Paragraph:
        """Visits on members' weddings, births, injuries and bereavements told in one sentence: a
        sentence each would read like the ledger ("为新婚职工送去祝福1人次……")."""
        order = list(LIFE_EVENTS)
        words = [LIFE_EVENTS[r.reason] for r in sorted(rows, key=lambda r: order.index(r.reason))]
        occasions = "、".join(words[:-1]) + "或" + words[-1]
        combined = ReasonRow("", "", sum(r.count for r in rows), sum(r.headcount for r in rows),
                             sum((r.cash for r in rows), Decimal("0")), sum((r.goods for r in rows), Decimal("0")))
        text = self.say("summary/sentences/welfare/occasions.txt", {"row": combined, "occasions": occasions})
        return self.drafted("welfare.occasions", text, [self.paid_source("婚丧病育等慰问", [r.reason for r in rows])])

    def festival_paragraphs(self, row) -> list[Paragraph]:
        """The union's festival visits, naming the festivals they were for; a 三八 gift to the
        women is a sentence of its own."""
        paid = [p for p in self.facts.payment_list if p.reason == WelfareReason.FESTIVAL and p.is_union_payment]
        womens = [p for p in paid if p.festival_occasion() == FestivalOccasion.WOMENS_DAY]
        others = [p for p in paid if p not in womens]
        source = [self.paid_source(row.label, [row.reason])]
        paras = []
        if others:
            names = in_calendar_order(
                name for p in others for name in prose_names(p.festival_occasion(), p.date, f"{p.recipients}{p.notes}")
            )
            extra = {"row": money_row(row, others), "festivals": "、".join(names)}
            paras.append(self.drafted("welfare.festival", self.say("summary/sentences/welfare/festival.txt", extra), source))
        if womens:
            who = womens[0].recipient_label if len({p.recipient_label for p in womens}) == 1 else ""
            extra = {"row": money_row(row, womens), "who": who}
            paras.append(self.drafted("welfare.womens_day", self.say("summary/sentences/welfare/womens_day.txt", extra), source))
        return paras

    def obtained_paragraphs(self) -> list[Paragraph]:
        """Money the union collected (staff donations, handed over) or obtained (relief it applied
        for) for members: a sentence per source, with its own total, never called 慰问金 or 发放."""
        paras = []
        for fund in OBTAINED_SOURCES:
            payments = [p for p in self.facts.payment_list if p.fund_source == fund]
            if not payments:
                continue
            extra = {"row": money_row(None, payments), "whom": self.whom(payments), "households": sum(p.headcount for p in payments)}
            text = self.say(f"summary/sentences/obtained/{fund}.txt", extra)
            paras.append(self.drafted(f"welfare.obtained.{fund}", text, [self.source(FundSource(fund).label, "welfare", fund=fund)]))
        return paras

    def whom(self, payments) -> str:
        """患病的何秀英同志、家庭困难的高永刚同志; or the recipients as recorded for a group."""
        said = []
        for p in payments:
            who = f"{NEED_WORDS.get(p.reason, '')}{p.member.name}同志" if p.member_id else p.recipients.strip()
            if who not in said:
                said.append(who)
        return "、".join(said)

    def education(self) -> Section:
        return Section("education", self.heading("education"), self.category_paragraphs("education"))

    def culture(self) -> Section:
        paras = self.category_paragraphs("culture")
        if len(paras) > 1:
            categories = [c for c in SECTION_CATEGORIES["culture"] if c in self.category_rows]
            rows = [self.category_rows[c] for c in categories]
            count, participants = sum(r.count for r in rows), sum(r.participants for r in rows)
            change = ""
            if self.previous_activities is not None:
                before = [self.previous_activities[c] for c in SECTION_CATEGORIES["culture"] if c in self.previous_activities]
                change = self.change([(count, sum(r.count for r in before), "次"),
                                      (participants, sum(r.participants for r in before), "人次")])
            text = self.say("summary/sentences/culture_total.txt", {"count": count, "participants": participants, "change": change})
            paras.insert(0, self.drafted("culture.total", text, [self.source("文体活动", "activities", choice=categories)]))
        return Section("culture", self.heading("culture"), paras)

    def women(self) -> Section:
        paras = self.category_paragraphs("women")
        if paras and self.facts.members.female:
            text = self.say("summary/sentences/women_members.txt", {"members": self.facts.members})
            women = Source("女会员", "members", {"choice": MemberStatus.ACTIVE, "gender": Gender.FEMALE})
            paras.insert(0, self.drafted("members.female", text, [women]))
        return Section("women", self.heading("women"), paras)

    def safety(self) -> Section:
        return Section("safety", self.heading("safety"), self.category_paragraphs("safety"))

    def building(self) -> Section:
        facts = self.facts
        paras = []
        if facts.members.in_register:
            workforce = facts.branch.workforce
            text = self.say(
                "summary/sentences/membership.txt",
                {
                    "members": facts.members,
                    "workforce": workforce,
                    "join_rate": percent(facts.members.in_register, workforce) if workforce else "",
                },
            )
            paras.append(self.drafted("members.register", text, [Source("会员名册", "members", {"choice": "active"})]))
        committee_rows = [r for r in facts.meetings.rows if r.kind not in MeetingKind.congresses()]
        if committee_rows:
            text = self.say("summary/sentences/committee_meetings.txt", {"rows": committee_rows})
            kinds = sorted({r.kind for r in committee_rows})
            paras.append(self.drafted("meetings.committees", text, [self.source("会议", "meetings", choice=kinds)]))
        paras += self.category_paragraphs("building")
        return Section("building", self.heading("building"), paras)

    def honor_context(self, honor) -> dict:
        title = honor.title.strip()
        level = "" if any(word in title[:4] for word in AREA_WORDS) else LEVEL_WORDS.get(honor.level, "")
        recipient = honor.recipients.strip()
        # The union itself is named as its title names it (…工会, not …工会委员会).
        if not recipient or recipient == self.facts.branch.name:
            recipient = self.context["branch_name"]
        return {
            **self.context,
            "recipient": recipient,
            "body": honor.awarding_body.strip(),
            "level": level,
            "title": display_title(title),
            "date": month_day(honor.date),
            "month": f"{honor.date.month}月",
        }

    def title_sentence(self, honor) -> str:
        """A title is conferred: 被示范县总工会授予县（区）级“模范职工之家”称号. A medal (奖章) is
        conferred as it is."""
        context = self.honor_context(honor)
        context["suffix"] = "" if honor.title.rstrip("”").endswith("奖章") else "称号"
        names = [context["recipient"], context["body"], context["title"], honor.title]
        return self.chooser.say("honor", context, names)

    def prize_sentence(self, honor) -> str:
        """A prize not linked to a recorded event is won at the event its title names:
        在“全县职工运动会”中荣获优秀组织奖; or, when the title names none, 荣获….”"""
        context = self.honor_context(honor)
        event, prize = prize_parts(honor.title)
        context.update(event=display_title(event) if prize else "", prize=prize)
        names = [context["recipient"], context["body"], context["title"], honor.title, event, prize]
        return self.chooser.say("prize", context, names)

    def honors_total(self, honors) -> str:
        kinds = {kind: sum(1 for h in honors if h.kind == kind) for kind in HonorKind.values}
        return self.say("summary/sentences/honors_total.txt", {
            "totals": self.facts.honors, "titles": kinds[HonorKind.TITLE], "prizes": kinds[HonorKind.PRIZE],
        })

    def honors(self) -> Section:
        """The year's honours counted once (titles and prizes), then each title and each prize
        not already told beside the event it was won at."""
        totals = self.facts.honors
        if not totals.rows:
            return Section("honors", self.heading("honors"))
        honors = self.facts.honor_list
        paras = [self.drafted("honors.total", self.honors_total(honors), [self.source("荣誉", "honors")])]
        for honor in honors:
            if honor.kind == HonorKind.PRIZE and honor.activity_id in self.told_activities:
                continue
            if self.told_in_an_outcome(honor):
                continue
            text = self.prize_sentence(honor) if honor.kind == HonorKind.PRIZE else self.title_sentence(honor)
            paras.append(self.drafted(f"honor.{honor.pk}", text,
                                      [self.source(honor.get_level_display(), "honors", choice=honor.level)]))
        return Section("honors", self.heading("honors"), paras)

    def told_in_an_outcome(self, honor) -> bool:
        """The secretary already wrote this honour into an event's outcome (every outcome is told
        beside its event): "韩磊获得二等奖，被授予“技术能手”称号". Saying it again here would
        tell it twice."""
        outcomes = self.outcomes_told
        title = honor.title.strip("“”\"")
        return bool(title) and title in outcomes and all(name in outcomes for name in honor.recipients.split("、") if name)

    def undone(self) -> dict:
        texts = self.facts.plan.undone_texts if self.facts.plan else []
        return {"undone": texts[:UNDONE_NAMED], "more": len(texts) > UNDONE_NAMED}

    def plan(self) -> Section | None:
        plan = self.facts.plan
        if plan is None:
            return None
        rate = percent(plan.done, plan.planned) if plan.planned else ""
        under_way = {"under_way": plan.in_progress_texts[:UNDONE_NAMED], "more_under_way": len(plan.in_progress_texts) > UNDONE_NAMED}
        text = self.say("summary/sentences/plan_progress.txt", {"plan": plan, "rate": rate, **self.undone(), **under_way})
        return Section("plan", self.heading("plan"), [self.drafted("plan.progress", text)])

    # -- 存在的问题 and the year ahead ---------------------------------------------------------------

    def problem_points(self) -> list[tuple[str, dict]]:
        """What the records show is lacking, as (point, context) for the problem and the
        intention templates; [] when the records show nothing particular."""
        facts = self.facts
        points = []
        rows = self.category_rows
        if facts.activity_list and not facts.half:
            if C.WOMEN not in rows and facts.members.female:
                points.append(("women", {}))
            if C.TRAINING not in rows and C.POLITICAL_STUDY not in rows:
                points.append(("training", {}))
            if C.CULTURE not in rows and C.SPORTS not in rows:
                points.append(("culture", {}))
            congresses = [m for m in facts.meeting_list if m.kind in MeetingKind.congresses()]
            if not congresses and C.DEMOCRATIC not in rows:
                points.append(("democracy", {}))
        members = facts.members.in_register
        count = facts.activities.count
        if count >= 3 and members >= 10:
            participants = facts.activities.extra["participants"]
            if Decimal(participants) < LOW_PARTICIPATION * count * members:
                average = (Decimal(participants) / count).quantize(Decimal("1"))
                points.append(("participation", {
                    "count": count, "average": average, "share": percent(participants, count * members),
                }))
        if facts.plan and facts.plan.undone_texts:
            points.append(("plan", self.undone()))
        if facts.hardship_unvisited:
            points.append(("hardship", {"hardship_unvisited": facts.hardship_unvisited}))
        return points

    def problems(self, points) -> Section:
        if not points:
            return Section("problems", self.heading("problems"),
                           self.sector_paragraphs("problems", "problems", placeholder=True))
        paras = []
        for i, (point, extra) in enumerate(points):
            context = {"members": self.facts.members, "plan": self.facts.plan, "last": i == len(points) - 1, **extra}
            text = self.say(f"summary/sentences/problems/{point}.txt", context)
            paras.append(self.drafted(f"problems.{point}", text, placeholder=True))
        return Section("problems", self.heading("problems"), paras)

    def looking_ahead(self, points) -> Section:
        facts = self.facts
        key = "next_half" if facts.half else "next_year"
        paras = []
        if facts.following_plan_content is not None and not facts.half:
            for theme in facts.following_plan_content.themes:
                text = self.say("summary/sentences/next_from_plan.txt", theme)
                paras.append(self.drafted(f"next.{theme['key']}", text))
        elif facts.half and facts.following_items:
            for item in facts.following_items:
                paras.append(self.drafted(f"next.{item.key}", f"{item.month_label}，{item.text.rstrip('。')}。"))
        elif points:
            for point, _extra in points:
                text = self.say(f"summary/sentences/next/{point}.txt", {})
                paras.append(self.drafted(f"next.{point}", text, placeholder=True))
        if not paras:
            name = "summary/sentences/next_half_default.txt" if facts.half else "summary/sentences/next_default.txt"
            paras = [self.drafted(key, sentence(name, self.context), placeholder=True)]
        return Section(key, self.heading(key), paras)
