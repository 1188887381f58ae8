"""The prose files in templates/drafting/: sector words, summary openings, closings and problems,
and the annual plan skeletons. No database needed.

Everything a file says must read like a real union document: no scraping noise, no blanked or
invented figures (the figures come from the records, through other templates), no reworded
phrasing.
"""
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.template import engines

from reports.choices import ActivityCategory, Sector

ROOT = Path(settings.BASE_DIR) / "templates" / "drafting"
SECTORS = [choice.value for choice in Sector]
WORD_FIELDS = ["workplace", "staff", "openness", "congress", "leadership", "central_task", "home"]
FORBIDDEN = ["xx", "XX", "__", "x月", "X月", "***", "小编", "用心", "透过"]
DATED_SLOGANS = ["十八大", "十九大", "二十大"]
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
PLAN_CATEGORIES = {choice.value for choice in ActivityCategory}


def words():
    return json.loads((ROOT / "sectors.json").read_text(encoding="utf-8"))


def context(sector, half):
    branch = SimpleNamespace(name="城南实验小学工会委员会", short_name="城南实验小学工会")
    return {"year": 2025, "half": half, "branch": branch, "branch_name": "城南实验小学工会", "words": words()[sector]}


def render(text, ctx):
    return engines["django"].from_string(text).render(ctx)


def joined(text):
    """One paragraph as the renderer makes it: its lines stripped and joined."""
    return "".join(line.strip() for line in text.splitlines()).strip()


def paragraphs(text):
    return [p for p in (joined(block) for block in re.split(r"\n\s*\n", text)) if p]


def assert_rendered(text):
    assert "{{" not in text and "{%" not in text and "}}" not in text
    assert "&" not in text, "HTML escaping leaked into the prose"


def string_values(node):
    """Every string in a JSON document, keys included."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from string_values(value)
    elif isinstance(node, list):
        for value in node:
            yield from string_values(value)


# ------------------------------------------------------------------ sectors.json


def test_sectors_json_has_every_sector_and_field():
    data = words()
    assert set(data) == set(SECTORS)
    for sector in SECTORS:
        for field in WORD_FIELDS:
            value = data[sector].get(field)
            assert isinstance(value, str) and value, (sector, field)


def test_sector_words_as_specified():
    data = words()
    assert data["school"]["staff"] == "教职工"
    assert data["school"]["congress"] == "教职工代表大会"
    assert data["school"]["home"] == "教工之家"
    assert data["enterprise"]["openness"] == "厂务公开"
    assert data["government"]["openness"] == "政务公开"
    assert data["hospital"]["openness"] == "院务公开"
    assert data["hospital"]["staff"] == "医务职工"
    for sector in SECTORS:
        if sector != "school":
            assert data[sector]["congress"] == "职工代表大会"
            assert data[sector]["home"] == "职工之家"


# ------------------------------------------------------------------ summary paragraphs


@pytest.mark.parametrize("half", [True, False])
@pytest.mark.parametrize("sector", SECTORS)
def test_opening(sector, half):
    text = render((ROOT / "summary" / "opening" / f"{sector}.txt").read_text(encoding="utf-8"),
                  context(sector, half))
    assert_rendered(text)
    paras = paragraphs(text)
    assert len(paras) == 1
    opening = paras[0]
    assert opening.endswith("：")
    assert 80 <= len(opening) <= 160, (len(opening), opening)
    if half:
        assert opening.startswith("半年来")
        assert "上半年" in opening
    else:
        assert "2025年" in opening
        assert "一年来" in opening or "本年度" in opening


@pytest.mark.parametrize("half", [True, False])
@pytest.mark.parametrize("sector", SECTORS)
def test_closing(sector, half):
    text = render((ROOT / "summary" / "closing" / f"{sector}.txt").read_text(encoding="utf-8"),
                  context(sector, half))
    assert_rendered(text)
    paras = paragraphs(text)
    assert len(paras) == 1
    closing = paras[0]
    assert closing.endswith("。")
    assert 80 <= len(closing) <= 180, (len(closing), closing)
    assert ("下半年" in closing) if half else ("新的一年" in closing)


@pytest.mark.parametrize("half", [True, False])
@pytest.mark.parametrize("sector", SECTORS)
def test_problems(sector, half):
    raw = (ROOT / "summary" / "problems" / f"{sector}.txt").read_text(encoding="utf-8")
    # Paragraphs are separated by exactly one blank line.
    assert "\n\n\n" not in raw.strip()
    text = render(raw, context(sector, half))
    assert_rendered(text)
    paras = paragraphs(text)
    assert 2 <= len(paras) <= 3
    for para in paras:
        assert para.endswith("。")
        assert not re.match(r"^[（(]?[一二三四五六七八九十\d]+[、.．)）]", para), para


# ------------------------------------------------------------------ plans


def load_plan(sector):
    return json.loads((ROOT / "plan" / f"{sector}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("sector", SECTORS)
def test_plan_shape(sector):
    plan = load_plan(sector)
    assert set(plan) >= {"guiding_idea", "goals", "themes", "schedule", "closing"}
    assert isinstance(plan["guiding_idea"], str)
    assert isinstance(plan["closing"], str)
    assert 1 <= len(plan["goals"]) <= 2 and all(isinstance(g, str) for g in plan["goals"])
    assert 4 <= len(plan["themes"]) <= 6
    for theme in plan["themes"]:
        assert set(theme) == {"heading", "items"}
        assert 2 <= len(theme["items"]) <= 4
        assert all(item.endswith("。") for item in theme["items"])
    for entry in plan["schedule"]:
        assert set(entry) == {"label", "months", "items"}
        assert entry["label"].endswith("月份")
        assert 1 <= len(entry["items"]) <= 3
        for item in entry["items"]:
            assert set(item) == {"text", "category"}
            assert item["category"] is None or item["category"] in PLAN_CATEGORIES, item


@pytest.mark.parametrize("sector", SECTORS)
def test_plan_schedule_covers_the_year_once(sector):
    schedule = load_plan(sector)["schedule"]
    labels = [entry["label"] for entry in schedule]
    assert len(labels) == len(set(labels))
    months = [month for entry in schedule for month in entry["months"]]
    assert sorted(months) == list(range(1, 13))
    assert months == sorted(months), "entries follow the calendar"
    for entry in schedule:
        assert all(isinstance(month, int) for month in entry["months"])
        expected = "、".join(CHINESE_MONTHS[month - 1] for month in entry["months"]) + "月份"
        assert entry["label"] == expected


def test_plan_calendar_by_sector():
    def texts(sector, months=None):
        return "".join(item["text"] for entry in load_plan(sector)["schedule"]
                       if months is None or set(entry["months"]) & set(months)
                       for item in entry["items"])

    def categories(sector):
        return {item["category"] for entry in load_plan(sector)["schedule"] for item in entry["items"]}

    for sector in SECTORS:
        assert "送温暖" in texts(sector, [1, 2])
        assert "三八" in texts(sector, [3])
        assert "{{ words.congress }}" in texts(sector, [3, 4])
        assert "五一" in texts(sector, [4, 5])
        assert "六一" in texts(sector, [5, 6])
        assert "清凉" in texts(sector, [7, 8])
        assert "金秋助学" in texts(sector, [8, 9])
        assert "中秋" in texts(sector, [9, 10])
        assert "会员信息统计" in texts(sector, [12])
    assert "七、八月份" in [entry["label"] for entry in load_plan("school")["schedule"]]
    assert "教师节" in texts("school", [9])
    assert {"competition", "safety"} <= categories("enterprise")
    assert "安康杯" in texts("enterprise")
    assert "护士节" in texts("hospital", [5]) and "医师节" in texts("hospital", [8])
    assert "political_study" in categories("government")


@pytest.mark.parametrize("half", [True, False])
@pytest.mark.parametrize("sector", SECTORS)
def test_plan_strings_render(sector, half):
    plan = load_plan(sector)
    ctx = context(sector, half)
    for entry in plan["schedule"]:
        for item in entry["items"]:
            assert not item["text"].endswith("。")
    for text in string_values(plan):
        assert_rendered(joined(render(text, ctx)))
    guiding = joined(render(plan["guiding_idea"], ctx))
    assert guiding.startswith("2025年")
    assert 100 <= len(guiding) <= 200, (len(guiding), guiding)
    closing = joined(render(plan["closing"], ctx))
    assert 60 <= len(closing) <= 140, (len(closing), closing)


# ------------------------------------------------------------------ no noise, no figures


def drafting_files():
    return sorted(path for path in ROOT.rglob("*") if path.is_file())


def test_the_files_exist():
    names = {str(path.relative_to(ROOT)) for path in drafting_files()}
    assert "sectors.json" in names
    for sector in SECTORS:
        for kind in ("opening", "closing", "problems"):
            assert f"summary/{kind}/{sector}.txt" in names
        assert f"plan/{sector}.json" in names


@pytest.mark.parametrize("path", drafting_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_noise_and_no_figures(path):
    raw = path.read_text(encoding="utf-8")
    for bad in FORBIDDEN + DATED_SLOGANS:
        assert bad not in raw, f"{bad!r} in {path}"
    if path.suffix == ".json":
        # The JSON structure itself holds month numbers; its prose is in the strings.
        prose = list(string_values(json.loads(raw)))
    else:
        prose = [raw]
    for text in prose:
        outside_tags = TAG.sub("", text)
        assert not re.search(r"[0-9]", outside_tags), f"digit in {path}: {text!r}"
