"""使用说明 names tabs, buttons and links in quotes (“计划与总结”); each must be a label the screens
really show: found in a template other than the help pages, or among the names the code gives
tabs and sheets (the ledgers' tabs, the help pages' own tabs, the Excel template's sheets).
A label counts only as a whole one: the text of an element (>计划与总结<, or its start, as in
>数据来源：…) or a quoted string, never a piece of a longer phrase (工作报告 in 工会工作报告系统)."""
import re
from pathlib import Path

import pytest
from django.conf import settings

from reports.ledgers import LEDGERS
from reports.views.help_pages import PAGES
from reports.workbook import template as workbook_template

TEMPLATES = Path(settings.BASE_DIR) / "templates"
HELP_PAGES = [TEMPLATES / "help" / f"{role}.html" for role in PAGES]
QUOTED = re.compile(r"“([^”]+)”")


def screens_text() -> str:
    parts = [path.read_text(encoding="utf-8") for path in TEMPLATES.rglob("*") if path.is_file() and path.parent.name != "help"]
    names = [ledger.title for ledger in LEDGERS.values()] + [str(label) for label in PAGES.values()]
    names.append(workbook_template.INSTRUCTIONS)
    return "\n".join(parts + [f">{name}<" for name in names])


def shown(label: str, screens: str) -> bool:
    return re.search(r'[>"]\s*' + re.escape(label) + r'\s*[<"：]', screens) is not None


def test_there_are_help_pages_with_quoted_labels():
    assert all(QUOTED.search(path.read_text(encoding="utf-8")) for path in HELP_PAGES)


@pytest.mark.parametrize("help_page", HELP_PAGES, ids=lambda path: path.stem)
def test_every_quoted_label_is_on_some_screen(help_page):
    screens = screens_text()
    missing = [label for label in QUOTED.findall(help_page.read_text(encoding="utf-8")) if not shown(label, screens)]
    assert not missing, f"{help_page.name} names labels no screen shows: {missing}"
