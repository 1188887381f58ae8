"""Checks that a drafted summary reads like a union's own summary, not like a ledger.

Each check is independent of the drafter: it reads the records itself and looks at the text the
chair would sign. The functions return what they found wrong (empty when the text is fine), so a
failing test shows the offending sentences.
"""
from __future__ import annotations

import datetime
import re
from collections import Counter
from decimal import Decimal

from reports.models import Activity, Honor, Member, ReportingDeadlines, WelfarePayment

# Whose money the union itself paid: its funds, the administration's, an upper union's.
UNION_MONEY = {"union_funds", "administration", "higher_union"}
# The prize at the end of a prize's title.
PRIZE_AT_END = re.compile(r"(第[一二三四五六七八九十\d]+名|[一二三四五六七八九十特]等奖|[金银铜]奖|优秀组织奖|冠军|亚军|季军)$")

FRAME_LIMIT = 3
QUOTED = re.compile(r"“[^”]*”|《[^》]*》|‘[^’]*’")
DATE = re.compile(r"\d+月(\d+日)?(至(\d+月)?(\d+日)?)?|\d{4}年")
AMOUNT = re.compile(r"\d+(\.\d+)?元")
NUMBER = re.compile(r"\d+(\.\d+)?")
ATTENDING = re.compile(r"^(组队参加|组织参加|参加|参与)")
# Category names that read badly as the object of 开展/组织/举办 with a count.
LABEL_OBJECTS = [
    "参观考察与疗休养", "职工之家建设", "亲子与职工子女活动", "联谊座谈", "思想政治与理论学习",
    "志愿服务与爱心公益", "劳动保护与安全生产", "工会自身建设", "职工教育培训",
]


# -- the text -------------------------------------------------------------------------------------


def body(document) -> list[tuple[str, str]]:
    """(paragraph key, text) of every paragraph with text."""
    return [(p.key, p.text) for p in document.all_paragraphs() if p.text]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"[。；]", text) if s.strip()]


def clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"[，。；、：]", text or "") if len(c.strip()) >= 3]


def record_names(branch, start: datetime.date, end: datetime.date) -> list[str]:
    """Every particular the records can put in a sentence: names, recipients, places, partners,
    titles (also as said after 参加 and after a colon), outcomes and descriptions (also by clause)."""
    names = set(Member.objects.filter(branch=branch).values_list("name", flat=True))
    names.add(branch.name)
    names.add(branch.name.removesuffix("委员会"))
    for recipients in WelfarePayment.objects.filter(branch=branch).values_list("recipients", flat=True):
        names.add(recipients)
    for activity in Activity.objects.filter(branch=branch, start_date__range=(start, end)):
        title = activity.title.strip()
        names.update({title, ATTENDING.sub("", title), activity.place, activity.partners})
        names.update(title.split("：")[-1:] if "：" in title else [])
        names.update(re.split(r"[（(]", title)[:1])
        for text in (activity.result, activity.description):
            names.add(text.strip().rstrip("。"))
            names.update(clauses(text))
    for honor in Honor.objects.filter(branch=branch):
        names.update({honor.title, honor.recipients, honor.awarding_body})
    return sorted({n.strip() for n in names if n and len(n.strip()) >= 3}, key=len, reverse=True)


def normalise(sentence: str, names) -> str:
    """The sentence's frame: particulars replaced by tokens."""
    for name in names:
        sentence = sentence.replace(name, "N")
    sentence = QUOTED.sub("T", sentence)
    sentence = DATE.sub("D", sentence)
    sentence = AMOUNT.sub("A", sentence)
    return NUMBER.sub("#", sentence)


def overused_frames(document, names, limit: int = FRAME_LIMIT) -> dict[str, list[str]]:
    """Frames written more than `limit` times, with the sentences that share them. A sentence
    that is the records' own text throughout (an outcome's second sentence) has no frame."""
    found: dict[str, list[str]] = {}
    for _key, text in body(document):
        for sentence in sentences(text):
            frame = normalise(sentence, names)
            if re.fullmatch(r"[NTDA#，、\s]*", frame):
                continue
            found.setdefault(frame, []).append(sentence)
    counts = Counter({frame: len(examples) for frame, examples in found.items()})
    return {frame: found[frame] for frame, n in counts.items() if n > limit}


# -- outcomes -----------------------------------------------------------------------------------


EVENT_AS_SUBJECT = re.compile(r"^(本次活动|此次活动|该活动|活动)(?![结期中后前])")


def _core(result: str) -> str:
    """The part of an outcome a sentence must keep: its longest clause, without a leading
    "本次活动" (the event is named beside it)."""
    core = max(clauses(result) or [result.strip().rstrip("。")], key=len)
    return EVENT_AS_SUBJECT.sub("", core)


def _title_forms(title: str) -> list[str]:
    title = title.strip()
    forms = {title, ATTENDING.sub("", title), title.split("：")[-1]}
    stem = re.sub(r"[（(][^）)]*[)）]|第[一二三四五六七八九十\d]+[期场次轮批]|[一二三四五六七八九十\d]+期|之[一二三四五六七八九十]+$", "", title)
    forms.add(stem.strip())
    return [f for f in forms if f]


def untold_outcomes(document, branch, start, end) -> list[str]:
    """Activities with an outcome whose outcome is not in a paragraph that names the activity."""
    texts = [text for _key, text in body(document)]
    missing = []
    for activity in Activity.objects.filter(branch=branch, start_date__range=(start, end)).exclude(result=""):
        core = _core(activity.result)
        forms = _title_forms(activity.title)
        if not any(core in text and any(form in text for form in forms) for text in texts):
            missing.append(f"{activity.title}: {activity.result}")
    return missing


# -- money, prizes and taking part ---------------------------------------------------------------


def written(amount: Decimal) -> str:
    """An amount as a summary writes it in 元: 5900元, 1234.5元."""
    return f"{format(amount.normalize(), 'f')}元"


def amounts_in(sentence: str) -> set[Decimal]:
    return {Decimal(m.group(0)[:-1]) for m in AMOUNT.finditer(sentence)}


def _money(payments) -> set[Decimal]:
    cash = sum((p.cash for p in payments), Decimal(0))
    goods = sum((p.goods_value for p in payments), Decimal(0))
    return {a for a in (cash, goods, cash + goods) if a}


def obtained_money_called_payments(document, branch, start, end) -> list[str]:
    """Sentences that say 慰问金 or 发放 and hold an amount of money the union only collected or
    obtained for members (a payment's own, or the total of its source)."""
    payments = WelfarePayment.objects.filter(branch=branch, date__range=(start, end))
    obtained = [p for p in payments if p.fund_source not in UNION_MONEY]
    paid = [p for p in payments if p.fund_source in UNION_MONEY]
    amounts = set()
    for p in obtained:
        amounts |= _money([p])
    for source in {p.fund_source for p in obtained}:
        amounts |= _money([p for p in obtained if p.fund_source == source])
    # An amount the union also paid (a payment's or a reason's) cannot tell the two apart.
    for p in paid:
        amounts -= _money([p])
    for reason in {p.reason for p in paid}:
        amounts -= _money([p for p in paid if p.reason == reason])
    wrong = []
    for key, text in body(document):
        for sentence in sentences(text):
            if ("慰问金" in sentence or "发放" in sentence) and amounts_in(sentence) & amounts:
                wrong.append(f"{key}: {sentence}")
    return wrong


def union_welfare_total(branch, start, end) -> Decimal:
    """What the union itself paid in visits (insurance premiums are an enrolment, not a visit)."""
    paid = WelfarePayment.objects.filter(branch=branch, date__range=(start, end), fund_source__in=UNION_MONEY)
    return sum((p.cash + p.goods_value for p in paid.exclude(reason="mutual_insurance")), Decimal(0))


def untold_linked_prizes(document, branch, start, end) -> list[str]:
    """Prizes linked to an event of the period that no sentence tells beside the event's title."""
    all_sentences = [s for _key, text in body(document) for s in sentences(text)]
    missing = []
    for honor in Honor.objects.filter(branch=branch, kind="prize", date__range=(start, end),
                                      activity__start_date__range=(start, end)).select_related("activity"):
        prize = PRIZE_AT_END.search(honor.title)
        forms = _title_forms(honor.activity.title)
        if not any(prize and prize.group(1) in s and any(f in s for f in forms) for s in all_sentences):
            missing.append(f"{honor.title} at {honor.activity.title}")
    return missing


def attended_told_as_held(document, branch, start, end) -> list[str]:
    """Events the union only took its staff to, written as if it held them."""
    wrong = []
    texts = [text for _key, text in body(document)]
    attended = Activity.objects.filter(branch=branch, start_date__range=(start, end))
    for activity in attended:
        if activity.participation != "attended" and not ATTENDING.match(activity.title):
            continue
        plain = re.escape(ATTENDING.sub("", activity.title.strip()))
        for text in texts:
            if re.search(rf"(举办|组织开展|开展)了?“?{plain}", text):
                wrong.append(f"{activity.title}: {text}")
    return wrong


def titles_not_conferred(document, branch, start, end) -> list[str]:
    """Honour titles not told as conferred (授予…称号; a medal, 奖章, is conferred as it is)."""
    wrong = []
    for honor in Honor.objects.filter(branch=branch, kind="title", date__range=(start, end)):
        paragraph = document.paragraph(f"honor.{honor.pk}")
        if paragraph is None:
            # Told already in the outcome of the event it came from: it must be there.
            told = "".join(p.text for p in document.all_paragraphs())
            if honor.title not in told:
                wrong.append(f"{honor.title}: not told")
            continue
        text = paragraph.text
        if "授予" not in text or not ("称号" in text or honor.title.rstrip("”").endswith("奖章")):
            wrong.append(text)
    return wrong


# -- faults -------------------------------------------------------------------------------------


def deadline_of(branch, year: int) -> datetime.date:
    """The federation right above decides; 次年1月31日 unless it set another day."""
    parent = branch.parent
    while parent is not None and parent.kind != "federation":
        parent = parent.parent
    row = ReportingDeadlines.objects.filter(branch=parent).first() if parent else None
    if row is None:
        return datetime.date(year + 1, 1, 31)
    return datetime.date(year + 1, row.summary_month, row.summary_day)


def _near_new_year(day: datetime.date) -> bool:
    """Within reach of 元旦 or 春节 (mid-December to the end of February)."""
    return (day.month == 12 and day.day >= 10) or day.month in (1, 2)


def faults(document, branch, year: int, *, half: bool = False, today: datetime.date | None = None) -> list[str]:
    start = datetime.date(year, 1, 1)
    end = datetime.date(year, 6, 30) if half else datetime.date(year, 12, 31)
    found = []
    whole = [(key, text) for key, text in body(document)]

    def scan(label, pattern, texts=whole):
        for key, text in texts:
            if re.search(pattern, text):
                found.append(f"{label} in {key}: {text}")

    scan("a count of one followed by 其中", r"(?<![\d.])1(次|项|期|场)[^。]*其中")
    scan("quotes inside quotes", r"“[^”]*“")
    scan("taking part written as organising", r"(组织|举办|开展)“?(参加|参与|组队参加)")
    scan("a category name used as an object", r"(开展|组织|举办)(" + "|".join(LABEL_OBJECTS) + r")[^，。]{0,4}\d")
    if re.search(r"工会.*工会工作总结", document.title):
        found.append(f"工会 twice in the title: {document.title}")

    payments = WelfarePayment.objects.filter(branch=branch, date__range=(start, end))
    festival_days = [p.date for p in payments if p.reason == "festival"]
    festival = [(k, t) for k, t in whole if k == "welfare.festival"]
    if not any(_near_new_year(day) for day in festival_days):
        scan("元旦/春节 without a payment near them", r"元旦|春节", festival)
    for reason in {p.reason for p in payments}:
        rows = [p for p in payments if p.reason == reason]
        cash = sum((p.cash for p in rows), Decimal(0))
        goods = sum((p.goods_value for p in rows), Decimal(0))
        if not cash or not goods:
            scan("cash and goods where only one was given", r"慰问金、慰问品|慰问金和慰问品",
                 [(k, t) for k, t in whole if k == f"welfare.{reason}"])
    if not Member.objects.filter(branch=branch, status="active", is_hardship=True).exists():
        scan("registered hardship members where none is registered", r"建档困难职工")

    if not half:
        due = deadline_of(branch, year)
        if document.date and datetime.date.fromisoformat(document.date) > due:
            found.append(f"signed {document.date}, after the deadline {due}")
        if today is not None and today <= due and document.date != today.isoformat():
            found.append(f"signed {document.date}, not on the day of drafting {today}")
    return found
