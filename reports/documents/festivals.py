"""Which festival a festival payment (节日慰问) was made for, inferred from its date.

Payments carry no occasion, only a date; a summary must still name the festivals that actually
happened ("在春节、中秋节期间"), not a stock "元旦、春节". A payment is taken to be for the festival
it falls shortly before (or on, or just after). The lunar festivals move: their dates are listed
for the years the app is used in, with typical dates as a fallback outside that range.
"""
from __future__ import annotations

import datetime

# Gregorian dates of 春节, 端午节 and 中秋节 (month, day).
LUNAR = {
    2018: {"春节": (2, 16), "端午节": (6, 18), "中秋节": (9, 24)},
    2019: {"春节": (2, 5), "端午节": (6, 7), "中秋节": (9, 13)},
    2020: {"春节": (1, 25), "端午节": (6, 25), "中秋节": (10, 1)},
    2021: {"春节": (2, 12), "端午节": (6, 14), "中秋节": (9, 21)},
    2022: {"春节": (2, 1), "端午节": (6, 3), "中秋节": (9, 10)},
    2023: {"春节": (1, 22), "端午节": (6, 22), "中秋节": (9, 29)},
    2024: {"春节": (2, 10), "端午节": (6, 10), "中秋节": (9, 17)},
    2025: {"春节": (1, 29), "端午节": (5, 31), "中秋节": (10, 6)},
    2026: {"春节": (2, 17), "端午节": (6, 19), "中秋节": (9, 25)},
    2027: {"春节": (2, 6), "端午节": (6, 9), "中秋节": (9, 15)},
    2028: {"春节": (1, 26), "端午节": (5, 28), "中秋节": (10, 3)},
    2029: {"春节": (2, 13), "端午节": (6, 16), "中秋节": (9, 22)},
    2030: {"春节": (2, 3), "端午节": (6, 5), "中秋节": (9, 12)},
}
TYPICAL_LUNAR = {"春节": (2, 5), "端午节": (6, 10), "中秋节": (9, 20)}
SOLAR = {
    "元旦": (1, 1),
    "“三八”妇女节": (3, 8),
    "“五一”劳动节": (5, 1),
    "“六一”儿童节": (6, 1),
    "教师节": (9, 10),
    "国庆节": (10, 1),
}
# The order festivals are named in: the calendar order of a year.
CALENDAR = ["元旦", "春节", "“三八”妇女节", "“五一”劳动节", "端午节", "“六一”儿童节", "教师节", "中秋节", "国庆节"]
# Said together when a payment falls before both (中秋 and 国庆 are days apart).
PAIRED = {"中秋节": "国庆节", "国庆节": "中秋节"}

BEFORE = datetime.timedelta(days=35)  # a visit made up to five weeks ahead
AFTER = datetime.timedelta(days=7)  # or within a week after
PAIR_WINDOW = datetime.timedelta(days=21)
# What the recipients say settles a payment between close festivals (端午 and 六一).
RECIPIENT_HINTS = [("子女", "“六一”儿童节"), ("儿童", "“六一”儿童节"), ("女职工", "“三八”妇女节"), ("女教职工", "“三八”妇女节")]


def festival_days(year: int) -> dict[str, datetime.date]:
    lunar = LUNAR.get(year, TYPICAL_LUNAR)
    return {name: datetime.date(year, *md) for name, md in {**SOLAR, **lunar}.items()}


def _candidates(day: datetime.date) -> list[tuple[datetime.timedelta, str]]:
    found = []
    for year in (day.year, day.year + 1):
        for name, festival in festival_days(year).items():
            if -AFTER <= festival - day <= BEFORE:
                found.append((abs(festival - day), name))
    return sorted(found)


def festivals_of(day: datetime.date, recipients: str = "") -> list[str]:
    """The festival(s) a payment on `day` was made for; [] when it is near none."""
    candidates = _candidates(day)
    names = [name for _, name in candidates]
    for hint, festival in RECIPIENT_HINTS:
        if hint in recipients and festival in names:
            return [festival]
    if not candidates:
        return []
    _distance, nearest = candidates[0]
    chosen = [nearest]
    partner = PAIRED.get(nearest)
    if partner and any(name == partner and gap <= PAIR_WINDOW for gap, name in candidates):
        chosen.append(partner)
    return chosen


def festivals_named(payments) -> list[str]:
    """The festivals a set of festival payments were for, in calendar order.

    `payments` are (date, recipients) pairs."""
    found = set()
    for day, recipients in payments:
        found.update(festivals_of(day, recipients or ""))
    return [name for name in CALENDAR if name in found]
