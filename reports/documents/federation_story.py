"""The clauses a federation summary is written from: run-in points (一是…二是…), changes on last
year, money and named highlights, each leaving out what is zero.

A federation tells its area by theme, a few points to a paragraph, in the words of its own kind
of report (推进职工之家建设, not 开展职工之家建设2次): the wording lives in
templates/drafting/federation/points.json; this module only chooses and joins.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from ..federation.highlights import NamedEvent, NamedHonor, Reporting, TitleGroup
from ..templatetags.drafting import quoted
from .layout import chinese_number
from .narration import without_attending
from ..numbers import yuan
from .wording import load_json

# The reference never runs past 五是 in one paragraph; more points start a new paragraph.
POINTS_PER_PARAGRAPH = 5


@lru_cache(maxsize=1)
def point_words() -> dict:
    return load_json("federation/points.json")


def joined(words: list[str]) -> str:
    """甲、乙和丙."""
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return "、".join(words[:-1]) + "和" + words[-1]


# -- last year --------------------------------------------------------------------------------


def versus_last_year(now, before, unit: str, *, money: bool = False) -> str:
    """"，较上年增加5人" (or 减少, or 与上年持平); "" when there is no last year to compare with."""
    if before is None:
        return ""
    difference = Decimal(now) - Decimal(before)
    if not difference:
        return "，与上年持平"
    verb = "增加" if difference > 0 else "减少"
    amount = yuan(abs(difference)) if money else f"{abs(difference)}{unit}"
    return f"，较上年{verb}{amount}"


# -- run-in points ----------------------------------------------------------------------------


def run_in(lead: str, points: list[str], *, more_lead: str = "此外，") -> list[str]:
    """Points told as 一是…；二是…。, at most POINTS_PER_PARAGRAPH to a paragraph; a lone point
    is told plainly (a 一是 with no 二是 reads as a list cut short)."""
    texts = []
    for start in range(0, len(points), POINTS_PER_PARAGRAPH):
        chunk = points[start:start + POINTS_PER_PARAGRAPH]
        if len(chunk) == 1:
            told = chunk[0]
        else:
            told = "；".join(f"{chinese_number(i)}是{point}" for i, point in enumerate(chunk, start=1))
        texts.append(f"{lead if start == 0 else more_lead}{told}。")
    return texts


def activity_point(category: str, count: int, participants: int) -> str:
    """What the unions did in a category, with its count unless it happened once."""
    words = point_words()["activities"][category]
    done = words["counted"].format(n=count) if count > 1 else words["plain"]
    people = words["people"].format(p=participants) if participants and words["people"] else ""
    return "，".join(part for part in (done, people) if part)


def activity_points(rows_by_category: dict, categories: list[str]) -> list[str]:
    return [
        activity_point(category, rows_by_category[category].count, rows_by_category[category].participants)
        for category in categories
        if category in rows_by_category and rows_by_category[category].count
    ]


def money_clause(cash, goods, template: str = "") -> str:
    """What was given, naming only the kind of money there was: 送去慰问金和慰问品共X, 发放慰问金X
    or 送去慰问品折合X; "" when nothing was."""
    cash, goods = Decimal(cash or 0), Decimal(goods or 0)
    if template and cash + goods:
        return template.format(amount=yuan(cash + goods))
    if cash and goods:
        return f"送去慰问金和慰问品共{yuan(cash + goods)}"
    if cash:
        return f"发放慰问金{yuan(cash)}"
    if goods:
        return f"送去慰问品折合{yuan(goods)}"
    return ""


def welfare_point(spec: dict, rows_by_reason: dict, *, first: bool = True) -> str:
    """One point gathering its reasons' payments: who was visited, how many 人次, what was given
    (after the first point of a paragraph, only how much: 计4500元)."""
    rows = [rows_by_reason[r] for r in spec["reasons"] if r in rows_by_reason and rows_by_reason[r].headcount]
    if not rows:
        return ""
    headcount = sum(r.headcount for r in rows)
    who = joined([spec.get("who", {}).get(r.reason, "") for r in rows])
    said = spec["said"].format(h=headcount, who=who)
    cash, goods = sum(r.cash for r in rows), sum(r.goods for r in rows)
    if first or spec.get("money"):
        money = money_clause(cash, goods, spec.get("money", ""))
    else:
        money = f"计{yuan(cash + goods)}" if cash + goods else ""
    return "，".join(part for part in (said, money) if part)


def welfare_points(rows_by_reason: dict, point_keys: list[str]) -> list[str]:
    specs = point_words()["welfare"]
    points = []
    for key in point_keys:
        if text := welfare_point(specs[key], rows_by_reason, first=not points):
            points.append(text)
    return points


# -- named highlights -------------------------------------------------------------------------


def events_clause(events: list[NamedEvent]) -> str:
    """示范县实验小学工会举办的“快乐六一”亲子游园活动（62人参加）、…"""
    told = []
    for event in events:
        if event.attended:
            told.append(f"{event.union}组织职工参加的{quoted(without_attending(event.title))}（{event.participants}人）")
        else:
            told.append(f"{event.union}举办的{quoted(event.title)}（{event.participants}人参加）")
    return "、".join(told)


def conferred_clause(group: TitleGroup) -> str:
    winners = joined(group.winners)
    title = quoted(group.title)
    honour = title if group.title.endswith(("奖章", "奖")) else f"{title}称号"
    if group.awarding_body:
        return f"{winners}被{group.awarding_body}授予{honour}"
    return f"{winners}获评{honour}"


def individual_clause(group: TitleGroup) -> str:
    verb = "荣获" if group.title.endswith(("奖章", "奖")) else "获评"
    return f"{joined(group.winners)}{verb}{quoted(group.title)}"


def prize_clause(honour: NamedHonor) -> str:
    return f"{honour.winner}获{honour.title}"


def reporting_clause(reporting: Reporting) -> str:
    """"，其中示范县实验小学工会最早报送，2个工会均按时报送" as far as the dates allow."""
    if not reporting.first:
        return ""
    clause = f"，其中{reporting.first}最早报送"
    if reporting.approved > 1 and reporting.on_time == reporting.approved:
        clause += f"，{reporting.approved}个工会均在规定时间内报送"
    elif reporting.on_time:
        clause += f"，{reporting.on_time}个工会在规定时间内报送"
    return clause


def total_money_clause(cash, goods) -> str:
    """The area's payments in full: 发放慰问金X、慰问品折合Y (the total follows in the sentence)."""
    cash, goods = Decimal(cash or 0), Decimal(goods or 0)
    parts = [f"发放慰问金{yuan(cash)}" if cash else "", f"慰问品折合{yuan(goods)}" if goods else ""]
    text = "、".join(p for p in parts if p)
    return text if cash or not goods else f"送去{text}"
