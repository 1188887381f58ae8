"""A plan that follows on from the year before (see plan_basis): the 具体工作安排 starts from the
months last year's work happened in, carries the items last year's plan left undone, continues
the events that drew the most people or won prizes, and 主要工作 takes up the problems last
year's summary named.

The drafter decides which records count and what to call them; the wording is in
templates/drafting/plan_followup.json.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from ..choices import ActivityCategory, FestivalOccasion, MeetingKind, Participation, WelfareReason
from ..festivals import occasion_on
from .content import Paragraph, ScheduleEntry, ScheduleItem, Section, comparable_wording
from .editing import MAX_ITEM, MAX_PARAGRAPH
from .narration import ATTEND_PREFIXES, deed_of, series_stem, verb_for, without_attending
from .plan_basis import CampaignPayment, PlanBasis
from .wording import load_json, render_string

# Events scheduled again in one month: the continued ones first, then the best attended.
EVENTS_PER_MONTH = 4
# How many of last year's best-attended events are continued by name.
BEST_ATTENDED = 3
PROBLEM_POINTS = 6
# Facilities built or fitted out (活动室挂牌, 阅览室改造) are done once, not planned again.
ONE_OFF_CATEGORIES = {ActivityCategory.WORKERS_HOME}
# The union's own routine (委员会议, 年度总结和计划, 经费审查) seldom shows in the records, so the
# skeleton's items for it stay in their month whatever last year's records say.
ROUTINE_CATEGORY = ActivityCategory.UNION_BUILDING
# An outcome that is a prize or a place won (not 奖励, 奖品: what the union gave).
PRIZE_WON = re.compile(r"[一二三四]等奖|[金银铜]奖|优秀奖|组织奖|优胜|第[一二三四五六七八九十\d]+名|冠军|亚军|季军")
YEAR_IN_TITLE = re.compile(r"\d{4}\s*年度?")
EDITION = re.compile(r"首届|第[一二三四五六七八九十\d]+届")
WARMTH_OCCASIONS = (FestivalOccasion.NEW_YEAR, FestivalOccasion.SPRING_FESTIVAL)
GREETING_OCCASIONS = (
    FestivalOccasion.DRAGON_BOAT, FestivalOccasion.MID_AUTUMN, FestivalOccasion.NATIONAL_DAY,
    FestivalOccasion.DOUBLE_NINTH,
)
CONGRESS_NAMES = {
    MeetingKind.WORKERS_CONGRESS: "职工代表大会",
    MeetingKind.STAFF_CONGRESS: "教职工代表大会",
    MeetingKind.MEMBERS_CONGRESS: "会员代表大会",
}
NUMERALS = "一二三四五六七八九"
SESSION = re.compile(r"^\s*([一二三四五六七八九十]+)\s*届\s*([一二三四五六七八九十]+)\s*次")
# Sentences of a summary's 存在问题 that frame the problems rather than name one.
STOCK_CLOSER = re.compile(r"[，,；;]?\s*这些都需要我们[^。]*。?")
STOCK_OPENER = re.compile(r"(不足之处|存在(着)?(以下|一些|许多|不少)?(不足|问题))[：:。]?$")
ORDINAL = re.compile(r"(?:^|[，,；;。：:])\s*[一二三四五六七八九十]是")


@lru_cache(maxsize=1)
def wordings() -> dict:
    return load_json("plan_followup.json")


def say(name: str, context: dict) -> str:
    return render_string(wordings()[name], context)


@dataclass(frozen=True)
class LastYearItem:
    """A schedule item drawn from last year's work, dated by when that work happened. `duplicates`
    is what a skeleton item says when it plans the same thing (“清凉”), so it is not planned twice."""

    day: datetime.date
    item: ScheduleItem
    duplicates: str = ""


# -- the events of last year -------------------------------------------------------------------------


def plain_title(title: str) -> str:
    """A title as this year's plan names it: without last year's year, edition or session number
    (2025年首届职工运动会（第一期） -> 职工运动会)."""
    title = EDITION.sub("", YEAR_IN_TITLE.sub("", title.strip()))
    return series_stem(title)


def won_prize(activity) -> bool:
    """A prize recorded for the event (Honor of kind prize), or an outcome naming a prize or place."""
    return bool(getattr(activity, "won_prize", False)) or bool(PRIZE_WON.search(activity.result or ""))


def best_attended(activities) -> set[int]:
    """The events that drew the most people (a notice such as 厂务公开：公示… is not attended)."""
    events = [a for a in activities if a.participants and not deed_of(a.title)]
    events.sort(key=lambda a: (-a.participants, a.start_date, a.pk))
    return {a.pk for a in events[:BEST_ATTENDED]}


def took_part(activity) -> bool:
    """The union took its members to someone else's event (组织…参加), rather than holding one."""
    return activity.participation == Participation.ATTENDED or activity.title.strip().startswith(ATTEND_PREFIXES)


def event_text(activity, words: dict, *, again: bool) -> str:
    title = plain_title(activity.title)
    verb = verb_for(title, activity.category)
    partners = (activity.partners or "").strip()
    attending = took_part(activity)
    if attending:
        text = say("attend", {"words": words, "title": without_attending(title)})
    elif activity.participation == Participation.JOINT and partners:
        text = say("joint", {"partners": partners, "verb": verb.removeprefix("组织"), "title": title})
    else:
        text = deed_of(title) or f"{verb}{title}"
    if not again:
        return text
    prize = attending and won_prize(activity)
    return say("again_for_prize" if prize else "again", {"item": text})


def event_items(basis: PlanBasis, words: dict) -> list[LastYearItem]:
    """Last year's events in the months they happened: one item per title and month (a series
    held three times in a month is planned once), at most EVENTS_PER_MONTH a month. The events
    that drew the most people or won a prize come first, worded as continued (继续…)."""
    activities = [a for a in basis.activities if a.category not in ONE_OFF_CATEGORIES]
    continued = best_attended(activities) | {a.pk for a in activities if won_prize(a)}
    by_month: dict[int, dict[str, object]] = {}  # month -> title stem -> the activity planned again
    for activity in activities:
        titles = by_month.setdefault(activity.start_date.month, {})
        stem = plain_title(activity.title)
        kept = titles.get(stem)
        if kept is None or (activity.pk in continued and kept.pk not in continued):
            titles[stem] = activity
    items = []
    for month_events in by_month.values():
        chosen = sorted(month_events.values(), key=lambda a: (a.pk not in continued, -a.participants, a.start_date, a.pk))
        for activity in chosen[:EVENTS_PER_MONTH]:
            text = event_text(activity, words, again=activity.pk in continued)
            item = ScheduleItem(key=f"last.activity.{activity.pk}", text=text[:MAX_ITEM], category=activity.category)
            items.append(LastYearItem(activity.start_date, item))
    return items


# -- congresses and welfare campaigns -------------------------------------------------------------


def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals, as 届次 are written (五, 十二, 二十)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else NUMERALS[tens - 1] + "十")
    return head + (NUMERALS[ones - 1] if ones else "")


def number_of(numeral: str) -> int:
    if "十" not in numeral:
        return NUMERALS.index(numeral) + 1 if len(numeral) == 1 else 0
    tens, _, ones = numeral.partition("十")
    return (NUMERALS.index(tens) + 1 if tens else 1) * 10 + (NUMERALS.index(ones) + 1 if ones else 0)


def next_session(session: str) -> str:
    """The session after last year's (三届四次 -> 三届五次); "" when it is not written that way.
    A congress meets once a year within a term; a new term (换届) is the secretary's to say."""
    match = SESSION.match(session or "")
    if not match:
        return ""
    try:
        term, sitting = number_of(match.group(1)), number_of(match.group(2))
    except ValueError:
        return ""
    if not (term and sitting) or sitting >= 99:
        return ""
    return f"{match.group(1)}届{chinese_number(sitting + 1)}次"


def congress_items(basis: PlanBasis, words: dict) -> list[LastYearItem]:
    """This year's congress in the month of last year's (the last, when it met more than once)."""
    if not basis.congresses:
        return []
    meeting = basis.congresses[-1]
    name = CONGRESS_NAMES.get(meeting.kind, words["congress"])
    text = say("congress", {"session": next_session(meeting.session), "congress": name})
    item = ScheduleItem(key=f"last.meeting.{meeting.pk}", text=text, category=ActivityCategory.DEMOCRATIC)
    return [LastYearItem(meeting.date, item, duplicates=f"召开{name}")]


def occasion_of(payment: CampaignPayment) -> str:
    return payment.occasion or occasion_on(payment.day)


def festival_names(occasions) -> str:
    occasions = set(occasions)
    ordered = [o for o in FestivalOccasion.values if o in occasions]
    return "、".join(FestivalOccasion(o).label for o in ordered)


def group_recipients(payments: list[CampaignPayment]) -> str:
    """Whom the campaign's largest group payment went to, as its secretary described them."""
    groups = [p for p in payments if p.recipients.strip()]
    if not groups:
        return ""
    return max(groups, key=lambda p: (p.headcount, p.day)).recipients.strip()


def campaign_of(payment: CampaignPayment) -> str:
    """warmth (元旦、春节送温暖), festival (中秋、国庆… greetings), summer_cooling, school_aid; or ""."""
    if payment.reason == WelfareReason.SUMMER_COOLING:
        return "summer_cooling"
    if payment.reason == WelfareReason.SCHOOL_AID:
        return "school_aid"
    occasion = occasion_of(payment)
    if occasion in WARMTH_OCCASIONS:
        return "warmth"
    return "festival" if occasion in GREETING_OCCASIONS else ""


CAMPAIGN_MARKS = {"warmth": "送温暖", "festival": "节日慰问", "summer_cooling": "清凉", "school_aid": "金秋助学"}
CAMPAIGN_CATEGORIES = {"warmth": ActivityCategory.FESTIVAL, "festival": ActivityCategory.FESTIVAL}


def campaign_items(basis: PlanBasis, words: dict) -> list[LastYearItem]:
    """One item for each welfare campaign in each month it ran last year."""
    runs: dict[tuple[str, int], list[CampaignPayment]] = {}
    for payment in basis.campaign_payments:
        campaign = campaign_of(payment)
        if campaign:
            runs.setdefault((campaign, payment.day.month), []).append(payment)
    items = []
    for (campaign, month), payments in runs.items():
        recipients = group_recipients(payments) or (
            say(f"{campaign}_recipients", {"words": words}) if f"{campaign}_recipients" in wordings() else ""
        )
        festivals = festival_names(occasion_of(p) for p in payments)
        text = say(campaign, {"words": words, "recipients": recipients, "festivals": festivals})
        item = ScheduleItem(key=f"last.{campaign}.{month}", text=text[:MAX_ITEM],
                            category=CAMPAIGN_CATEGORIES.get(campaign, ""))
        items.append(LastYearItem(payments[0].day, item, duplicates=CAMPAIGN_MARKS[campaign]))
    return items


# -- the schedule ----------------------------------------------------------------------------------


def last_year_items(basis: PlanBasis, words: dict) -> list[LastYearItem]:
    found = event_items(basis, words) + congress_items(basis, words) + campaign_items(basis, words)
    return sorted(found, key=lambda found_item: found_item.day)


def moved_on(text: str, basis: PlanBasis) -> str:
    return text.replace(f"{basis.year}年", f"{basis.year + 1}年")


def carried_text(text: str, basis: PlanBasis) -> str:
    room = MAX_ITEM - len(say("carried", {"text": ""}))
    return say("carried", {"text": moved_on(text, basis)[:room]})


def with_carried(items: list[ScheduleItem], entry: ScheduleEntry, basis: PlanBasis) -> list[ScheduleItem]:
    """The entry's items with last year's unfinished items of its months: an item already planned
    in the same words is marked as carried over, any other is added after."""
    items = list(items)
    for unfinished in basis.unfinished:
        if unfinished.first_month not in entry.months:
            continue
        wording = comparable_wording(moved_on(unfinished.text, basis))
        same = next((i for i, item in enumerate(items) if comparable_wording(item.text) == wording), None)
        if same is not None:
            items[same] = ScheduleItem(items[same].key, carried_text(unfinished.text, basis), items[same].category)
        else:
            items.append(ScheduleItem(f"carried.{unfinished.pk}", carried_text(unfinished.text, basis), unfinished.category))
    return items


def follow_on_schedule(skeleton: list[ScheduleEntry], basis: PlanBasis, words: dict) -> list[ScheduleEntry]:
    """The skeleton's months, each filled from last year: a month in which work happened gets that
    work (and the skeleton's routine items); a month without keeps the skeleton's items, less
    those that plan again what last year's records already place in another month. Last year's
    unfinished items join their month. A month left with nothing is left out."""
    found = last_year_items(basis, words)
    planned = {f.duplicates for f in found if f.duplicates}
    entries = []
    for entry in skeleton:
        in_entry = [f.item for f in found if f.day.month in entry.months]
        if in_entry:
            items = in_entry + [item for item in entry.items if item.category == ROUTINE_CATEGORY]
        else:
            items = [item for item in entry.items if not any(mark in item.text for mark in planned)]
        items = with_carried(items, entry, basis)
        if items:
            entries.append(ScheduleEntry(key=entry.key, label=entry.label, months=list(entry.months), items=items))
    return entries


# -- last year's problems ------------------------------------------------------------------------


def problem_points(texts: list[str]) -> list[str]:
    """The problems a summary's 存在问题 named, one by one: its sentences, split again at 一是、
    二是…, without the sentences that only frame them (…存在许多不足之处；这些都需要我们…改进)."""
    points = []
    for text in texts:
        for sentence in re.split(r"(?<=。)", text):
            sentence = STOCK_CLOSER.sub("", sentence).strip()
            if not sentence or STOCK_OPENER.search(sentence.rstrip("。")):
                continue
            for point in ORDINAL.split(sentence):
                # 针对 already says 对: 对困难职工的帮扶还需完善 -> 针对困难职工的帮扶…
                point = point.strip(" ，,；;。：:").removeprefix("对")
                if len(point) >= 4:
                    points.append(point)
    return points[:PROBLEM_POINTS]


def problems_theme(basis: PlanBasis) -> Section | None:
    """A 主要工作 theme taking up last year's problems, one point each. The remedies are the
    union's to decide, so the points are placeholders the secretary rewrites."""
    points = problem_points(basis.problems)
    if not points:
        return None
    frames = wordings()["problem_points"]
    paragraphs = []
    for n, point in enumerate(points, start=1):
        text = render_string(frames[(n - 1) % len(frames)], {"problem": point[: MAX_PARAGRAPH - 100]})
        paragraphs.append(Paragraph(key=f"theme.problems.{n}", text=text, drafted=text, placeholder=True))
    return Section("theme.problems", say("problems_heading", {}), paragraphs, numbered=True)
