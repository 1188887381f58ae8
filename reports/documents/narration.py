"""Telling a kind of activity the way a union summary tells it: the count, then series, then the
events worth a sentence of their own, then the rest named together.

- A *series* (numbered sessions 第一期/第2期/（一）/之一/一期, or one title held several times) is
  told once, with its count and its participants.
- A *highlight* gets a sentence of its own: every event with an outcome (成效/获奖, which is told
  beside it), and, up to HIGHLIGHTS_PER_KIND in all, events of unusual size or cost or the first
  of their kind.
- The *rest* are named together in one sentence.

Whether the union organised an event or took part in someone else's is decided once, by
participation_of(); the wording follows it (举办… / 组织…参加… / 与…联合举办…).
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache

from ..choices import Participation
from ..numbers import date_span, yuan
from .wording import load_json, render_string

HIGHLIGHTS_PER_KIND = 3
NAMED_IN_A_GROUP = 4
SHORT_DESCRIPTION = 40
HOST, JOINT, ATTEND = "host", "joint", "attend"

# The record's own participation, in the narration's modes.
MODES = {Participation.ORGANISED: HOST, Participation.JOINT: JOINT, Participation.ATTENDED: ATTEND}
ATTEND_PREFIXES = ("组队参加", "组织参加", "参加", "参与")
ORGANISER_WORDS = re.compile(r"(主办|举办|承办)(单位)?")
SESSION = re.compile(
    r"[（(]\s*(第\s*)?[一二三四五六七八九十\d]+\s*[期场次轮批]?\s*[)）]"
    r"|第\s*[一二三四五六七八九十\d]+\s*[期场次轮批]"
    r"|(?<![一二三四五六七八九十\d])[一二三四五六七八九十\d]+期"
    r"|之[一二三四五六七八九十]+$"
)
# Outcome texts whose subject is the event itself; the event is already named beside them.
EVENT_SUBJECT = re.compile(r"^(本次活动|此次活动|该活动|本次|此次|活动)(?![结期中后前])[，,]?")
PRIZE = re.compile(r"奖|第[一二三四五六七八九十\d]+名|冠军|亚军|季军|优胜|合格|通过|达标")
FIRST_OF_KIND = re.compile(r"首届|首次|第一届")
GAINED = ("获", "荣获", "取得", "夺得")
# The event a prize's title names, and the prize after it: 全县教职工篮球赛 | 小学组第二名.
PRIZE_TITLE = re.compile(r"^(.+(赛|会|展|节|活动|比武|评选|评比))(.+)$")
# The prize itself at the end of a prize's title: 二等奖, 第二名, 金奖, 优秀组织奖.
PRIZE_WORD = re.compile(r"(特等奖|[一二三四五六七八九十]等奖|第[一二三四五六七八九十\d]+名|[金银铜]奖|优秀组织奖|优秀奖|优胜奖|冠军|亚军|季军)$")
# Descriptions that open like this say what the event held or whom it was for.
DETAIL_STARTS = ("设", "以", "围绕", "采用", "共设", "面向", "针对", "分为", "内容")
CLAUSE_BREAK = re.compile(r"[，,；;。！？]")
# A title like "厂务公开：公示年度生产经营目标" says what was done after its colon.
DONE_AFTER_COLON = re.compile(r"^[^：:]{2,12}[：:]\s*((公示|公开|公布|开展|组织|举办|召开)\S+)$")


@lru_cache(maxsize=1)
def category_words() -> dict:
    return load_json("summary/categories.json")


# -- one activity --------------------------------------------------------------------------------


def participation_of(activity) -> str:
    """How the union took part in an activity: "host" (主办), "joint" (联合举办) or "attend"
    (组织职工参加 someone else's event), as Activity.participation says. Only a row left at the
    default whose title opens with 参加/参与 (imported before the field existed) is read as taken part in."""
    mode = MODES.get(activity.participation, HOST)
    # Rows imported before the record said how the union took part keep the default (主办); a
    # title that opens like "参加…" or "组织职工参加…" tells they were someone else's event.
    if mode == HOST and ATTENDING_LEAD.match(activity.title.strip()):
        return ATTEND
    return mode


# "组织职工参加…", "选派12名教师参加…", "组队参加…": the sentence says who went and how many, so
# the title keeps only the event. A verb, then up to a dozen characters naming who, then 参加/参与.
ATTENDING_LEAD = re.compile(r"^(?:(?:组织|选派|组队|带领|推荐)[^，。、“”《》]{0,12}?)?(?:参加|参与)")


def without_attending(title: str) -> str:
    """参加全县教职工篮球赛, 组织职工参加全县职工乒乓球比赛 -> the event's name alone."""
    title = title.strip()
    rest = ATTENDING_LEAD.sub("", title, count=1).strip()
    return rest or title


def organiser_of(activity) -> str:
    """Whose event the union took its staff to: the partners of an attended activity without a
    trailing 主办/举办 ("示范县总工会主办" -> 示范县总工会), or "" when the title already names them."""
    if participation_of(activity) != ATTEND:
        return ""
    name = ORGANISER_WORDS.sub("", (activity.partners or "").strip()).strip(" ，,、")
    return "" if not name or name in activity.title else name


def is_quoted(title: str) -> bool:
    return any(mark in title for mark in "“《\"")


def display_title(title: str) -> str:
    """A title as a sentence names it: in “” unless it already holds quotes or 《》 anywhere."""
    title = title.strip()
    if '"' in title:
        title = re.sub(r'"([^"]*)"', r"“\1”", title)
    return title if is_quoted(title) else f"“{title}”"


def listed_title(title: str) -> str:
    """A title in a list joined by 、: plain, unless it holds a 、 of its own outside quotes."""
    bare = re.sub(r"“[^”]*”|《[^》]*》", "", title)
    return display_title(title) if "、" in bare else title.strip()


def series_stem(title: str) -> str:
    """The title without its session number: 班组长安全培训班（第一期） -> 班组长安全培训班."""
    stem = SESSION.sub("", title.strip())
    return stem.strip(" ：:—-·、，") or title.strip()


def outcome_clause(result: str) -> str:
    """An outcome ready to follow its event after a comma: no trailing full stop, no leading
    "本次活动" (the event is named just before). Its own inner sentences stay whole."""
    text = (result or "").strip().rstrip("。；;.！!").strip()
    text = EVENT_SUBJECT.sub("", text).strip()
    return text


def detail_clause(description: str, title: str) -> str:
    """A short 'what, for whom' clause from the description (设三个项目, 针对抄表员…), or "" when
    it is long, has several clauses, or retells the event itself (组织…参加…)."""
    text = (description or "").strip().rstrip("。").strip()
    if not text or len(text) > SHORT_DESCRIPTION or CLAUSE_BREAK.search(text):
        return ""
    if not text.startswith(DETAIL_STARTS):
        return ""
    if without_attending(title) in text:
        return ""
    return text


def place_clause(place: str, title: str, partners: str = "") -> str:
    """The place, unless the title already says it or it is the partner's own premises
    (与县妇幼保健院在县妇幼保健院…)."""
    place = (place or "").strip()
    if not place:
        return ""
    parts = [p for p in re.split(r"[、，,及和]", place) if p]
    if all(p in title for p in parts):
        return ""
    if partners and (place in partners or any(name and place.startswith(name) for name in re.split(r"[、，,]", partners))):
        return ""
    return place


def deed_of(title: str) -> str:
    """公示年度生产经营目标 from 厂务公开：公示年度生产经营目标; "" for an ordinary title."""
    done = DONE_AFTER_COLON.match(title.strip())
    return done.group(1) if done else ""


def verb_for(title: str, category: str) -> str:
    words = category_words()
    for ending, verb, *only in words["verbs_by_title_end"]:
        if title.rstrip("”’》").endswith(ending) and (not only or category in only):
            return verb
    return words.get(category, words["other"])["verb"]


def prize_parts(title: str, event: str = "") -> tuple[str, str]:
    """(the event, the prize) a prize's title names: ("全县教职工篮球赛", "小学组第二名") from
    全县教职工篮球赛小学组第二名; (title, "") when it names no event (优秀组织奖)."""
    title = title.strip()
    if event and title.startswith(event) and len(title) > len(event):
        return event, title[len(event):].lstrip("的中")
    split = PRIZE_TITLE.match(title)
    return (split.group(1), split.group(3)) if split else (title, "")


def prize_clause(honor, event_title: str) -> str:
    """A prize won at an event, said right after it: 获小学组第二名, 韩磊获管道工项目二等奖."""
    _event, prize = prize_parts(honor.title, event_title)
    who = honor.recipients.strip() if honor.recipient_kind == "individual" else ""
    return f"{who}获{prize or display_title(honor.title)}"


def already_told(result: str, honor, event_title: str) -> bool:
    """Whether the outcome recorded on the activity already says the prize (获得小学组第二名)."""
    _event, prize = prize_parts(honor.title, event_title)
    word = PRIZE_WORD.search(prize or honor.title)
    return bool(prize and prize in result) or bool(word and word.group(1) in result)


def outcome_with_prizes(activity, prizes=()) -> str:
    """The activity's outcome and the prizes linked to it that the outcome does not already say."""
    result = outcome_clause(activity.result)
    plain = without_attending(activity.title)
    told = [prize_clause(h, plain) for h in prizes if not already_told(result, h, plain)]
    return "，".join(part for part in [result, *told] if part)


@dataclass
class Event:
    """An activity's particulars as the sentence templates use them."""

    activity: object
    mode: str
    date: str
    month: str
    days: int
    title: str  # as named in a sentence (quoted when it has no quotes)
    plain: str  # the title as said after 参加, unquoted
    verb: str
    place: str
    n: int
    result: str
    detail: str
    partners: str
    organiser: str
    prize: bool  # an outcome with a subject of its own: 五年级组代表队获得第一名
    gained: bool  # an outcome that continues the event's subject: 获得二等奖
    cost: str = ""
    reasons: list = field(default_factory=list)

    @property
    def days_text(self) -> str:
        """为期两天: only for a short span; a month-long reading month is not said in days."""
        return chinese_count(self.days) if 1 < self.days <= 10 else ""

    @property
    def names(self) -> list[str]:
        return [self.title, self.plain, self.activity.title, self.place, self.result, self.detail,
                self.partners, self.organiser]


def event_of(activity, *, tell_cost: bool = False, prizes=()) -> Event:
    mode = participation_of(activity)
    title = activity.title.strip()
    verb = verb_for(title, activity.category)
    shown = display_title(title)
    deed = deed_of(title)
    if deed and mode == HOST:
        # 厂务公开：公示年度生产经营目标 -> "公示年度生产经营目标" said as the deed itself.
        verb, shown = "", deed
    result = outcome_with_prizes(activity, prizes)
    # A host's partners are not named (the union held it), so their premises stay as the place.
    partners = (activity.partners or "").strip()
    if mode == JOINT and not partners:
        mode = HOST  # 联合举办 with nobody named cannot be said
    days = (activity.end_date - activity.start_date).days + 1 if activity.end_date else 1
    return Event(
        cost=yuan(activity.cost) if tell_cost and activity.cost else "",
        activity=activity,
        mode=mode,
        date=date_span(activity.start_date, activity.end_date),
        month=f"{activity.start_date.month}月",
        days=days,
        title=shown,
        plain=without_attending(title),
        verb=verb,
        place=place_clause(activity.place, title, partners if mode != HOST else ""),
        n=activity.participants,
        result=result,
        detail=detail_clause(activity.description, title),
        partners=partners,
        organiser=organiser_of(activity),
        prize=bool(result) and bool(PRIZE.search(result)) and not result.startswith(GAINED),
        gained=result.startswith(GAINED),
    )


# -- a kind of activity ---------------------------------------------------------------------------


@dataclass
class Series:
    stem: str
    activities: list
    prizes: dict = field(default_factory=dict)  # activity pk -> prizes linked to it

    @property
    def participants(self) -> int:
        return sum(a.participants for a in self.activities)

    @property
    def months(self) -> str:
        first, last = self.activities[0].start_date, self.activities[-1].start_date
        if first.month == last.month:
            return f"{first.month}月"
        return f"{first.month}月至{last.month}月"

    @property
    def results(self) -> list[str]:
        return [r for r in (outcome_with_prizes(a, self.prizes.get(a.pk, ())) for a in self.activities) if r]


@dataclass
class KindStory:
    """What a paragraph about one category of activities tells, in order."""

    series: list[Series]
    highlights: list[Event]
    hosted_rest: list
    attended_rest: list


def find_series(activities, prizes=None) -> tuple[list[Series], list]:
    """Split activities into series (two or more sharing a title stem) and single events."""
    by_stem: dict[str, list] = {}
    for activity in activities:
        by_stem.setdefault(series_stem(activity.title), []).append(activity)
    series, singles = [], []
    for stem, members in by_stem.items():
        if len(members) > 1:
            series.append(Series(stem, sorted(members, key=lambda a: (a.start_date, a.pk)), prizes or {}))
        else:
            singles.extend(members)
    series.sort(key=lambda s: (s.activities[0].start_date, s.activities[0].pk))
    return series, singles


@dataclass(frozen=True)
class Yardstick:
    """What counts as unusual in this union's year: its largest and costliest events."""

    most_participants: int
    highest_cost: object


def yardstick_of(activities) -> Yardstick:
    return Yardstick(
        most_participants=max((a.participants for a in activities), default=0),
        highest_cost=max((a.cost for a in activities), default=0),
    )


@dataclass(frozen=True)
class KindMedians:
    """The median size and cost of a kind of three or more activities (None for fewer)."""

    participants: float | None
    cost: object

    @classmethod
    def of(cls, kind) -> "KindMedians":
        if len(kind) < 3:
            return cls(None, None)
        return cls(statistics.median(a.participants for a in kind), statistics.median(a.cost for a in kind))


def _well_above(value, median) -> bool:
    """More than twice the kind's median (a median of nothing says nothing)."""
    return median is not None and median > 0 and value > 2 * median


def _notable_reasons(activity, medians: KindMedians, yardstick: Yardstick) -> list[str]:
    reasons = []
    if activity.participants and (
        activity.participants == yardstick.most_participants or _well_above(activity.participants, medians.participants)
    ):
        reasons.append("size")
    if activity.cost and (activity.cost == yardstick.highest_cost or _well_above(activity.cost, medians.cost)):
        reasons.append("cost")
    if FIRST_OF_KIND.search(activity.title):
        reasons.append("first")
    if activity.end_date and 1 <= (activity.end_date - activity.start_date).days < 10:
        reasons.append("days")  # 为期四天的师德培训: a course of several days is worth its sentence
    return reasons


def story_of(activities, yardstick: Yardstick, *, tell_cost: bool = False, prizes=None) -> KindStory:
    """Decide which activities of one category are told as series, highlights and the rest.
    `prizes` maps an activity's pk to the prizes won at it, told beside it like an outcome."""
    prizes = prizes or {}
    series, singles = find_series(activities, prizes)
    with_outcome = [a for a in singles if (a.result or "").strip() or a.pk in prizes]
    outcome_ids = {a.pk for a in with_outcome}
    medians = KindMedians.of(activities)
    notable = []
    for activity in singles:
        if activity.pk in outcome_ids:
            continue
        reasons = _notable_reasons(activity, medians, yardstick)
        if reasons:
            notable.append((activity, reasons))
    room = max(0, HIGHLIGHTS_PER_KIND - len(with_outcome))
    notable.sort(key=lambda pair: (-pair[0].participants, -pair[0].cost, pair[0].start_date, pair[0].pk))
    chosen = {a.pk: reasons for a, reasons in notable[:room]}
    highlights = []
    for activity in singles:
        if activity.pk in outcome_ids or activity.pk in chosen:
            event = event_of(activity, tell_cost=tell_cost, prizes=prizes.get(activity.pk, ()))
            event.reasons = chosen.get(activity.pk, ["result"])
            if "cost" in event.reasons:
                event.cost = yuan(activity.cost)
            highlights.append(event)
    told = {e.activity.pk for e in highlights}
    rest = [a for a in singles if a.pk not in told]
    return KindStory(
        series=series,
        highlights=highlights,
        hosted_rest=[a for a in rest if participation_of(a) != ATTEND],
        attended_rest=[a for a in rest if participation_of(a) == ATTEND],
    )


def named_list(activities, *, attending: bool = False, whole: bool = False) -> dict:
    """A group of activities for a sentence: the first few titles joined (、 and 和), whether the
    list stops short (…等), and their participants (left out when the group is the whole kind,
    whose participants the paragraph has just stated).

    When every title is a deed (厂务公开：公示…), the deeds are listed instead, joined by ，
    as each carries its own verb."""
    deeds = [deed_of(a.title) for a in activities]
    if not attending and all(deeds):
        shown = deeds[:NAMED_IN_A_GROUP]
        joined = "，".join(shown)
        titles = deeds
    else:
        titles = [listed_title(without_attending(a.title) if attending else a.title) for a in activities]
        shown = titles[:NAMED_IN_A_GROUP]
        joined = shown[0] if len(shown) == 1 else "、".join(shown[:-1]) + "和" + shown[-1]
    return {
        "text": joined,
        "count": len(activities),
        "more": len(titles) > len(shown),
        "n": 0 if whole else sum(a.participants for a in activities),
        "deeds": not attending and all(deeds),
        "titles": [a.title for a in activities] + titles,
    }


def purpose_of(category: str, context: dict) -> str:
    words = category_words()
    return render_string(words.get(category, words["other"])["purpose"], context)


def chinese_count(n: int) -> str:
    """2 -> 两, 5 -> 五, 12 -> 12: how a short span of days is said (为期两天)."""
    return {2: "两"}.get(n) or ("一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n))
