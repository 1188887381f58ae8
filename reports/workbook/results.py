"""What an import hands back: counts when it saved, or every problem when it saved nothing."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an uploaded workbook, worded for the secretary who has to fix it."""

    sheet: str  # "" for a problem with the whole file
    row: int | None  # the Excel row number; the header is row 1
    column: str  # the Chinese header, "" when no single column is at fault
    message: str

    def __str__(self) -> str:
        place = " ".join(part for part in (self.sheet, f"第{self.row}行" if self.row else "", self.column) if part)
        return f"{place}：{self.message}" if place else self.message


class WorkbookRejected(Exception):
    """Raised when nothing was saved; `problems` lists everything that has to be fixed."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass
class ImportResult:
    created: dict[str, int]  # per sheet name
    skipped: dict[str, int]  # rows already present (by natural key) and left alone
    updated: dict[str, int] = field(default_factory=dict)  # rows that changed existing records
    examples: dict[str, int] = field(default_factory=dict)  # the template's example rows, skipped

    def examples_note(self) -> str:
        """Which sheets' example rows were left out, for the message after an import; "" for none."""
        sheets = [f"{sheet} {count} 行" for sheet, count in self.examples.items() if count]
        return f"已跳过标有“示例”的示例行（{'、'.join(sheets)}）。" if sheets else ""
