"""How long each hostile workbook takes to be refused, and the memory it costs.

    scripts/with_postgres.sh .venv/bin/python bench/hostile_uploads.py   (or with DATABASE_URL unset: SQLite)
"""
from __future__ import annotations

import io
import time
import tracemalloc

from common import Figure, print_table, setup_django


def measure() -> list[Figure]:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from reports import workbook
    from reports.models import Branch
    from tests.test_hostile_uploads import HOSTILE

    branch, _ = Branch.objects.get_or_create(code="hostile-bench", defaults={"name": "压测工会"})
    figures = []
    for kind, make in HOSTILE.items():
        content = make()
        started = time.perf_counter()
        try:
            workbook.import_workbook(branch, io.BytesIO(content), actor=None)
            refused = False
        except workbook.WorkbookRejected:
            refused = True
        seconds = time.perf_counter() - started
        tracemalloc.start()
        try:
            workbook.import_workbook(branch, io.BytesIO(content), actor=None)
        except workbook.WorkbookRejected:
            pass
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        figures.append(Figure(f"hostile upload refused: {kind}", seconds, "s", "refused, < 5 s", refused and seconds < 5,
                              {"peak_traced_mb": round(peak, 1), "size_kb": len(content) // 1024}))
    return figures


if __name__ == "__main__":
    setup_django()
    print_table(measure())
