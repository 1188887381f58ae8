"""Figures into Chinese sentences, through the template files in templates/drafting/.

Wording lives in files so it can be improved without touching code. The templates are plain
text: rendered by an engine of their own without HTML escaping, then joined into one line per
paragraph (a blank line in a template separates paragraphs).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from django.conf import settings
from django.template import Context, Engine, TemplateDoesNotExist

TEMPLATE_ROOT = "drafting"


@lru_cache(maxsize=1)
def engine() -> Engine:
    return Engine(
        dirs=[settings.BASE_DIR / "templates"],
        autoescape=False,
        libraries={"drafting": "reports.templatetags.drafting"},
        builtins=["reports.templatetags.drafting"],
    )


def _join_lines(block: str) -> str:
    return "".join(line.strip() for line in block.splitlines()).strip()


def paragraphs(name: str, context: dict) -> list[str]:
    """Render drafting/<name> into its paragraphs (blank lines separate them; empty ones dropped)."""
    text = engine().get_template(f"{TEMPLATE_ROOT}/{name}").render(Context(context))
    return [p for p in (_join_lines(block) for block in re.split(r"\n\s*\n", text)) if p]


def sentence(name: str, context: dict) -> str:
    return "".join(paragraphs(name, context))


def first_existing(*names: str) -> str:
    """The first of several template names that exists (a specific wording before the general one)."""
    for name in names:
        try:
            engine().get_template(f"{TEMPLATE_ROOT}/{name}")
        except TemplateDoesNotExist:
            continue
        return name
    raise TemplateDoesNotExist(", ".join(names))


def render_string(text: str, context: dict) -> str:
    """A string from a JSON skeleton, which may use template variables such as {{ year }}."""
    return _join_lines(engine().from_string(text).render(Context(context)))


@lru_cache(maxsize=1)
def sector_words() -> dict[str, dict[str, str]]:
    path = settings.BASE_DIR / "templates" / TEMPLATE_ROOT / "sectors.json"
    return json.loads(path.read_text(encoding="utf-8"))


def words_for(sector: str) -> dict[str, str]:
    words = sector_words()
    return words.get(sector, words["other"])


def words_for_branch(branch) -> dict[str, str]:
    """The words a union's own documents use: its sector's (sectors.json), then its kind of
    unit's (units.json: a kindergarten is a school by sector but a 幼儿园 in its words), then the
    unit's own: self-reference (本校, 本园, 本院), staff noun and leading party organisation."""
    unit = branch.unit_words()
    by_kind = load_json("units.json")
    kind_words = by_kind.get(unit.kind, by_kind["other"])
    # The party organisation's full name, as the branch records it, is said once (in the
    # opening); later mentions use a short form that is right whatever its full name.
    named = bool(branch.party_organisation.strip())
    short = f"{kind_words['unit']}党组织" if named else unit.party_organisation
    return {
        **words_for(branch.sector),
        **kind_words,
        "self": unit.self_reference,
        "staff": unit.staff,
        "party": unit.party_organisation,
        "leadership_in_full": f"{unit.party_organisation}和上级工会",
        "leadership": f"{short}和上级工会",
    }


def load_json(name: str) -> dict:
    path = settings.BASE_DIR / "templates" / TEMPLATE_ROOT / name
    return json.loads(path.read_text(encoding="utf-8"))
