"""Shared helpers for the benchmarks: Django setup, timing, results."""
from __future__ import annotations

import json
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionreports.settings")
    import django

    django.setup()


def timed(fn, runs: int) -> list[float]:
    """Seconds of each of `runs` calls."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str = ""
    ok: bool | None = None
    detail: dict = field(default_factory=dict)

    def json(self) -> str:
        return json.dumps({"figure": self.name, "value": round(self.value, 4), "unit": self.unit, "target": self.target,
                           "ok": self.ok, **self.detail}, ensure_ascii=False)


def median(values: list[float]) -> float:
    return statistics.median(values)


def print_table(figures: list[Figure]) -> None:
    width = max(len(f.name) for f in figures)
    print()
    print(f"{'figure'.ljust(width)}  {'value':>12}  {'unit':<8}  {'target':<22}  ok")
    for f in figures:
        mark = {True: "yes", False: "NO", None: "-"}[f.ok]
        print(f"{f.name.ljust(width)}  {f.value:>12.4f}  {f.unit:<8}  {f.target:<22}  {mark}")
    print()
    for f in figures:
        print(f.json())


class QueryCounter:
    """Counts the SQL statements run inside `with connection.execute_wrapper(counter):` (reliable
    across requests, unlike the debug query log, which each request start clears)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def count_queries(fn) -> int:
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        fn()
    return counter.count
