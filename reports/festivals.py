"""Which festival a 节日慰问 was for, when the record does not say: taken from its date.

The lunar festivals move every year, so their Gregorian dates for 2015–2035 are tabled here
(春节 = 正月初一, 端午 = 五月初五, 中秋 = 八月十五, 重阳 = 九月初九, from the Chinese calendar).
Outside those years only the fixed-date festivals (元旦, 三八, 五一, 教师节, 国庆) are recognised.

A union visits in the weeks before a festival, rarely after it, so each festival owns a window
of days around its date; a date in no window is "其他" (六一 and the like).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from .choices import FestivalOccasion as O

D = datetime.date

# Year -> (春节, 端午, 中秋, 重阳).
LUNAR_FESTIVALS: dict[int, tuple[D, D, D, D]] = {
    2015: (D(2015, 2, 19), D(2015, 6, 20), D(2015, 9, 27), D(2015, 10, 21)),
    2016: (D(2016, 2, 8), D(2016, 6, 9), D(2016, 9, 15), D(2016, 10, 9)),
    2017: (D(2017, 1, 28), D(2017, 5, 30), D(2017, 10, 4), D(2017, 10, 28)),
    2018: (D(2018, 2, 16), D(2018, 6, 18), D(2018, 9, 24), D(2018, 10, 17)),
    2019: (D(2019, 2, 5), D(2019, 6, 7), D(2019, 9, 13), D(2019, 10, 7)),
    2020: (D(2020, 1, 25), D(2020, 6, 25), D(2020, 10, 1), D(2020, 10, 25)),
    2021: (D(2021, 2, 12), D(2021, 6, 14), D(2021, 9, 21), D(2021, 10, 14)),
    2022: (D(2022, 2, 1), D(2022, 6, 3), D(2022, 9, 10), D(2022, 10, 4)),
    2023: (D(2023, 1, 22), D(2023, 6, 22), D(2023, 9, 29), D(2023, 10, 23)),
    2024: (D(2024, 2, 10), D(2024, 6, 10), D(2024, 9, 17), D(2024, 10, 11)),
    2025: (D(2025, 1, 29), D(2025, 5, 31), D(2025, 10, 6), D(2025, 10, 29)),
    2026: (D(2026, 2, 17), D(2026, 6, 19), D(2026, 9, 25), D(2026, 10, 18)),
    2027: (D(2027, 2, 6), D(2027, 6, 9), D(2027, 9, 15), D(2027, 10, 8)),
    2028: (D(2028, 1, 26), D(2028, 5, 28), D(2028, 10, 3), D(2028, 10, 26)),
    2029: (D(2029, 2, 13), D(2029, 6, 16), D(2029, 9, 22), D(2029, 10, 16)),
    2030: (D(2030, 2, 3), D(2030, 6, 5), D(2030, 9, 12), D(2030, 10, 5)),
    2031: (D(2031, 1, 23), D(2031, 6, 24), D(2031, 10, 1), D(2031, 10, 24)),
    2032: (D(2032, 2, 11), D(2032, 6, 12), D(2032, 9, 19), D(2032, 10, 12)),
    2033: (D(2033, 1, 31), D(2033, 6, 1), D(2033, 9, 8), D(2033, 10, 1)),
    2034: (D(2034, 2, 19), D(2034, 6, 20), D(2034, 9, 27), D(2034, 10, 20)),
    2035: (D(2035, 2, 8), D(2035, 6, 10), D(2035, 9, 16), D(2035, 10, 9)),
}
LUNAR_OCCASIONS = (O.SPRING_FESTIVAL, O.DRAGON_BOAT, O.MID_AUTUMN, O.DOUBLE_NINTH)

# Days before and after a festival that a visit still counts for it. 春节 送温暖 starts about three
# weeks ahead (before the school and factory holidays); the others a week or so ahead.
WINDOWS: dict[str, tuple[int, int]] = {
    O.NEW_YEAR: (5, 3),
    O.SPRING_FESTIVAL: (20, 7),
    O.DRAGON_BOAT: (10, 2),
    O.MID_AUTUMN: (10, 2),
    O.DOUBLE_NINTH: (10, 2),
    O.LABOUR_DAY: (10, 3),
    O.TEACHERS_DAY: (10, 3),
}
# The fixed-date festivals with a window: (month, day).
FIXED_DATE_FESTIVALS = {O.NEW_YEAR: (1, 1), O.LABOUR_DAY: (5, 1), O.TEACHERS_DAY: (9, 10)}
WOMENS_DAY = (3, 1, 10)  # month, first day, last day: 三八 gifts are handed out in early March
NATIONAL_DAY = ((9, 25), (10, 7))  # the run-up to 1 October and the Golden Week


@dataclass(frozen=True)
class Festival:
    occasion: str
    day: D

    def holds(self, date: D) -> bool:
        before, after = WINDOWS[self.occasion]
        return -before <= (date - self.day).days <= after


def festivals_near(date: D) -> list[Festival]:
    """The windowed festivals (元旦, 五一, 教师节 and the lunar ones) of the date's year and the next,
    in date order; on a day with two (中秋 on 教师节, 10 September 2022) the lunar one first."""
    found = []
    for year in (date.year, date.year + 1):
        found += [Festival(o, day) for o, day in zip(LUNAR_OCCASIONS, LUNAR_FESTIVALS.get(year, ()))]
        found += [Festival(o, D(year, month, day)) for o, (month, day) in FIXED_DATE_FESTIVALS.items()]
    return sorted(found, key=lambda festival: festival.day)


def in_national_day_window(date: D) -> bool:
    (first_month, first_day), (last_month, last_day) = NATIONAL_DAY
    return D(date.year, first_month, first_day) <= date <= D(date.year, last_month, last_day)


def occasion_on(date: D) -> str:
    """The festival a 节日慰问 on this date was most likely for; FestivalOccasion.OTHER if none.

    When two windows hold the date, the nearer festival wins (a visit on 2 January is for 元旦 even
    when 春节 falls on 22 January; on 12 September 2024 for 教师节, 中秋 being on the 17th), and a
    lunar festival on the same day as a fixed one. 中秋 wins over 国庆 whatever the distance: when the two fall
    close together one gift serves both, and it is the mooncake festival's.
    """
    month, first, last = WOMENS_DAY
    if date.month == month and first <= date.day <= last:
        return O.WOMENS_DAY
    candidates = [f for f in festivals_near(date) if f.holds(date)]
    if in_national_day_window(date):
        if any(f.occasion == O.MID_AUTUMN for f in candidates):
            return O.MID_AUTUMN
        candidates.append(Festival(O.NATIONAL_DAY, D(date.year, 10, 1)))
    if not candidates:
        return O.OTHER
    return min(candidates, key=lambda f: abs((date - f.day).days)).occasion


# -- naming festivals in prose -------------------------------------------------------------------

# How a summary names each festival ("在春节、中秋节期间").
PROSE_NAMES: dict[str, str] = {
    O.NEW_YEAR: "元旦",
    O.SPRING_FESTIVAL: "春节",
    O.WOMENS_DAY: "“三八”妇女节",
    O.LABOUR_DAY: "“五一”劳动节",
    O.DRAGON_BOAT: "端午节",
    O.TEACHERS_DAY: "教师节",
    O.MID_AUTUMN: "中秋节",
    O.NATIONAL_DAY: "国庆节",
    O.DOUBLE_NINTH: "重阳节",
}
# Days a union marks that the occasion list files under 其他, by (month, day), and the two that were
# filed there before the list had them (a record may still say 其他). A visit up to ten days before
# or three after is taken to be for them.
MINOR_FESTIVALS: dict[str, tuple[int, int]] = {"“五一”劳动节": (5, 1), "“六一”儿童节": (6, 1), "教师节": (9, 10)}
MINOR_WINDOW = (10, 3)
# What the recipients or notes say names a visit its date could not place: one made early for
# 春节 ("春节慰问" a month ahead), or one between close days (端午 and 六一, for the children).
HINTS: tuple[tuple[str, str], ...] = (
    ("子女", "“六一”儿童节"), ("儿童", "“六一”儿童节"), ("六一", "“六一”儿童节"), ("教师节", "教师节"),
    ("五一", "“五一”劳动节"), ("春节", "春节"), ("元旦", "元旦"), ("端午", "端午节"), ("中秋", "中秋节"),
    ("国庆", "国庆节"), ("重阳", "重阳节"),
)
# The order festivals are named in: the calendar order of a year.
CALENDAR = ["元旦", "春节", "“三八”妇女节", "“五一”劳动节", "端午节", "“六一”儿童节", "教师节", "中秋节", "国庆节", "重阳节"]
# A 中秋 visit this close to 1 October serves 国庆 too, and is said to ("中秋节和国庆节期间").
PAIRED_WITH_NATIONAL_DAY = 14


def prose_names(occasion: str, date: D, hint: str = "") -> list[str]:
    """The festivals a 节日慰问 of this occasion on this date is named for in prose; [] when none
    can be said (a 其他 visit on no day a union marks)."""
    if occasion == O.MID_AUTUMN:
        near_national_day = abs((date - D(date.year, 10, 1)).days) <= PAIRED_WITH_NATIONAL_DAY
        return ["中秋节", "国庆节"] if near_national_day else ["中秋节"]
    if occasion in PROSE_NAMES:
        return [PROSE_NAMES[occasion]]
    for word, name in HINTS:
        if word in hint:
            return [name]
    before, after = MINOR_WINDOW
    for name, (month, day) in MINOR_FESTIVALS.items():
        if -before <= (date - D(date.year, month, day)).days <= after:
            return [name]
    return []


def in_calendar_order(names) -> list[str]:
    found = set(names)
    return [name for name in CALENDAR if name in found]
