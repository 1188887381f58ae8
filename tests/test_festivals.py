"""Which festival a 节日慰问 was for: the lunar table, the windows before each festival, and how a summary names it."""
import datetime

import pytest

from reports.choices import FestivalOccasion as O
from reports.festivals import LUNAR_FESTIVALS, in_calendar_order, occasion_on, prose_names

D = datetime.date


@pytest.mark.parametrize(
    "year, index, day",
    [
        (2025, 0, D(2025, 1, 29)),  # 春节
        (2025, 1, D(2025, 5, 31)),  # 端午
        (2025, 2, D(2025, 10, 6)),  # 中秋
        (2025, 3, D(2025, 10, 29)),  # 重阳
        (2026, 0, D(2026, 2, 17)),
        (2024, 0, D(2024, 2, 10)),
        (2023, 2, D(2023, 9, 29)),
    ],
)
def test_known_lunar_festival_dates(year, index, day):
    assert LUNAR_FESTIVALS[year][index] == day


def test_the_table_covers_2015_to_2035_in_order():
    assert sorted(LUNAR_FESTIVALS) == list(range(2015, 2036))
    for year, days in LUNAR_FESTIVALS.items():
        assert all(day.year == year for day in days)
        assert list(days) == sorted(days)
        assert D(year, 1, 20) <= days[0] <= D(year, 2, 21)  # 春节 always falls in this span


@pytest.mark.parametrize(
    "date, occasion",
    [
        (D(2025, 1, 10), O.SPRING_FESTIVAL),  # 19 days before 春节
        (D(2026, 1, 28), O.SPRING_FESTIVAL),  # 20 days before 17 February
        (D(2026, 1, 27), O.OTHER),  # 21 days: too early
        (D(2025, 2, 3), O.SPRING_FESTIVAL),  # in the holiday after it
        (D(2024, 12, 30), O.NEW_YEAR),
        (D(2025, 1, 2), O.NEW_YEAR),
        (D(2023, 1, 4), O.NEW_YEAR),  # 春节 on 22 January: the nearer festival wins
        (D(2023, 1, 6), O.SPRING_FESTIVAL),
        (D(2025, 3, 1), O.WOMENS_DAY),
        (D(2025, 3, 10), O.WOMENS_DAY),
        (D(2025, 3, 11), O.OTHER),
        (D(2025, 5, 25), O.DRAGON_BOAT),
        (D(2025, 5, 20), O.OTHER),  # 11 days before 端午
        (D(2025, 9, 25), O.NATIONAL_DAY),  # 中秋 is 11 days off
        (D(2025, 9, 28), O.MID_AUTUMN),  # both hold: 中秋 wins
        (D(2025, 10, 7), O.MID_AUTUMN),
        (D(2024, 9, 14), O.MID_AUTUMN),
        (D(2024, 9, 12), O.TEACHERS_DAY),  # 中秋 on the 17th is further
        (D(2024, 9, 30), O.NATIONAL_DAY),
        (D(2025, 10, 20), O.DOUBLE_NINTH),
        (D(2019, 10, 2), O.NATIONAL_DAY),  # 重阳 on 7 October is further
        (D(2025, 9, 8), O.TEACHERS_DAY),
        (D(2026, 9, 10), O.TEACHERS_DAY),
        (D(2025, 8, 30), O.OTHER),  # 11 days before 教师节
        (D(2022, 9, 9), O.MID_AUTUMN),  # both on 10 September: the lunar festival is named
        (D(2025, 4, 28), O.LABOUR_DAY),
        (D(2025, 5, 4), O.LABOUR_DAY),
        (D(2025, 6, 1), O.DRAGON_BOAT),  # 六一 next to 端午: why the record may say which
        (D(2040, 1, 25), O.OTHER),  # beyond the table: no 春节 known
        (D(2040, 10, 3), O.NATIONAL_DAY),
    ],
)
def test_occasion_on(date, occasion):
    assert occasion_on(date) == occasion


@pytest.mark.parametrize(
    "occasion, date, hint, names",
    [
        (O.SPRING_FESTIVAL, D(2025, 1, 20), "", ["春节"]),
        (O.WOMENS_DAY, D(2025, 3, 7), "", ["“三八”妇女节"]),
        (O.MID_AUTUMN, D(2025, 9, 26), "", ["中秋节", "国庆节"]),  # one gift serves both
        (O.MID_AUTUMN, D(2024, 9, 12), "", ["中秋节"]),  # 国庆 is weeks away
        (O.DOUBLE_NINTH, D(2025, 10, 25), "", ["重阳节"]),
        (O.TEACHERS_DAY, D(2025, 9, 8), "", ["教师节"]),
        (O.LABOUR_DAY, D(2025, 4, 28), "", ["“五一”劳动节"]),
        (O.OTHER, D(2025, 5, 31), "教职工14周岁以下子女", ["“六一”儿童节"]),  # the day of 端午
        (O.OTHER, D(2025, 9, 8), "全体在职教职工", ["教师节"]),
        (O.OTHER, D(2026, 1, 16), "春节慰问。", ["春节"]),  # too early for the date to tell
        (O.OTHER, D(2025, 7, 20), "", []),
    ],
)
def test_festivals_are_named_in_prose_as_they_happened(occasion, date, hint, names):
    assert prose_names(occasion, date, hint) == names


def test_festivals_are_named_in_calendar_order():
    assert in_calendar_order(["国庆节", "春节", "中秋节", "“三八”妇女节", "春节"]) == ["春节", "“三八”妇女节", "中秋节", "国庆节"]
