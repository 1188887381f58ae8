"""The benchmark: every speed and memory target, each the median of several runs.

    make bench        # = scripts/with_postgres.sh .venv/bin/python bench/run.py

Prints a readable table and one JSON line per figure. Needs PostgreSQL (the federation figures
are measured there); installs LibreOffice (libreoffice-writer-nogui) and wrk from Debian if they
are missing. Set BENCH_SKIP_100K=1 to stop at 10,000 unions, BENCH_ONLY=pages,import,… to run
some sections (libreoffice, pages, import, federation).
"""
from __future__ import annotations

import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, Figure, count_queries, median, p95, print_table, setup_django, timed

YEAR = None  # set in main(): last year


def sh_install(package: str, binary: str) -> None:
    if shutil.which(binary):
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print(f"Installing {package} from Debian …", flush=True)
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", package],
                   check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# 1 and 2: drafting and exporting a summary of a union-year with 5,000 records ------------------

def drafting_and_export(figures: list[Figure]):
    from reports.documents import services
    from reports.documents.facts import gather_summary_facts
    from reports.documents.summary import draft_summary
    from reports.documents.snapshot import snapshot_of
    from reports.exporting.docx import render_docx
    from reports.exporting.pdf import render_pdf
    from reports.loadgen import generate_load
    from reports.models import Branch

    generate_load(unions=1, records_per_union=5000, year=YEAR, root_code="bench5k", approved_share=0)
    union = Branch.objects.get(code="bench5k-u0")

    def draft():
        return draft_summary(gather_summary_facts(union, YEAR))

    queries = count_queries(draft)
    times = timed(draft, 7)
    figures.append(Figure("draft summary, 5,000 records", median(times), "s", "< 0.3 s", median(times) < 0.3,
                          {"p95_s": round(p95(times), 4), "queries": queries}))
    report = services.create_summary(branch=union, year=YEAR, user=None)
    snapshot = snapshot_of(report)
    times = timed(lambda: render_docx(snapshot), 7)
    figures.append(Figure("DOCX export", median(times), "s", "< 0.2 s", median(times) < 0.2))
    pdf_times = timed(lambda: render_pdf(snapshot), 5)
    peak = subprocess.run([sys.executable, str(ROOT / "bench" / "pdf_peak.py"), str(report.pk)],
                          capture_output=True, text=True, check=True, env=os.environ).stdout.split()
    pdf_bytes = render_pdf(snapshot)
    pages = pdf_pages(pdf_bytes)
    figures.append(Figure("PDF export", median(pdf_times), "s", "< 1.5 s", median(pdf_times) < 1.5, {"pages": pages}))
    peak_mb = float(peak[0])
    figures.append(Figure("PDF export peak memory", peak_mb, "MB", "< 300 MB", peak_mb < 300))
    return union, report, snapshot, median(pdf_times)


def pdf_pages(pdf: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


# 3: LibreOffice converting the same DOCX ---------------------------------------------------------

def libreoffice(figures: list[Figure], snapshot, our_pdf_seconds: float, label: str = "5,000 records") -> None:
    from reports.exporting.docx import render_docx

    sh_install("libreoffice-writer-nogui", "soffice")
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "summary.docx"
        docx.write_bytes(render_docx(snapshot))
        profile = Path(tmp) / "profile"

        def convert():
            subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", tmp, str(docx)], check=True, capture_output=True, timeout=180)

        convert()  # the first start creates the profile; not counted
        times = timed(convert, 3)
    lo = median(times)
    figures.append(Figure(f"LibreOffice DOCX->PDF, {label}", lo, "s", "", None))
    ratio = our_pdf_seconds / lo
    figures.append(Figure(f"our PDF time / LibreOffice's, {label}", ratio, "ratio", "<= 0.5 (2x faster)", ratio <= 0.5,
                          {"ours_s": round(our_pdf_seconds, 4)}))


def typical_document(figures: list[Figure]) -> None:
    """The demo school's approved summary (about eight pages): ours against LibreOffice."""
    from reports.demo import load_demo
    from reports.documents.snapshot import snapshot_of
    from reports.exporting.pdf import render_pdf
    from reports.models import Report

    load_demo()
    report = Report.objects.get(branch__code="school", kind="summary", year=YEAR)
    snapshot = snapshot_of(report)
    times = timed(lambda: render_pdf(snapshot), 5)
    libreoffice(figures, snapshot, median(times), label="demo summary")


# 4: pages under gunicorn and wrk -------------------------------------------------------------------

def pages_under_load(figures: list[Figure], union, report) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from reports.models import Role

    sh_install("wrk", "wrk")
    user, _ = get_user_model().objects.get_or_create(username="bench-secretary")
    Role.objects.get_or_create(user=user, branch=union, kind="secretary")
    session = SessionStore()
    session.update({"_auth_user_id": str(user.pk), "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
                    "_auth_user_hash": user.get_session_auth_hash()})
    session.set_expiry(3600 * 4)
    session.save()
    port = free_port()
    env = {**os.environ, "DEBUG": "false", "ALLOWED_HOSTS": "127.0.0.1", "LOG_LEVEL": "ERROR"}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "unionreports.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}",
         "--log-level", "error"], cwd=ROOT, env=env, start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        base = f"http://127.0.0.1:{port}"
        urls = {
            "trivial view (/healthz)": "/healthz",
            "secretary home page": f"/b/{union.code}/?year={YEAR}",
            "ledger page": f"/b/{union.code}/ledger/activities/?year={YEAR}",
            "document page": f"/b/{union.code}/documents/{report.pk}/",
        }
        results = {}
        for name, path in urls.items():
            runs = [wrk(base + path, session.session_key) for _ in range(3)]
            results[name] = (median([r[0] for r in runs]), median([r[1] for r in runs]), max(r[2] for r in runs))
        trivial_rps = results["trivial view (/healthz)"][0]
        for name, (rps, p95_ms, errors) in results.items():
            ratio = rps / trivial_rps
            ok = None if name.startswith("trivial") else (ratio >= 0.4 and p95_ms < 100 and errors == 0)
            figures.append(Figure(f"{name}: req/s", rps, "req/s", ">= 40% of trivial" if ok is not None else "",
                                  ok, {"ratio_to_trivial": round(ratio, 3), "p95_ms": round(p95_ms, 1), "errors": errors}))
            figures.append(Figure(f"{name}: p95 latency", p95_ms, "ms", "< 100 ms" if ok is not None else "",
                                  None if ok is None else p95_ms < 100))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def wrk(url: str, session_key: str) -> tuple[float, float, int]:
    """(requests/s, p95 ms, errors) for 8 connections on 2 threads over 8 seconds."""
    subprocess.run(["wrk", "-t2", "-c8", "-d2s", "-H", f"Cookie: sessionid={session_key}", url], capture_output=True)
    out = subprocess.run(["wrk", "-t2", "-c8", "-d8s", "-s", str(ROOT / "bench" / "wrk_p95.lua"),
                          "-H", f"Cookie: sessionid={session_key}", url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"^RPS (\S+)", out, re.M).group(1))
    p95_us = float(re.search(r"^P95_US (\S+)", out, re.M).group(1))
    errors = int(re.search(r"^ERRORS (\S+)", out, re.M).group(1))
    return rps, p95_us / 1000, errors


# 5: the federation board and totals at 10,000 and 100,000 unions ------------------------------

def federation(figures: list[Figure]) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from reports.loadgen import generate_load
    from reports.models import Branch, Role

    sizes = [10_000] if os.environ.get("BENCH_SKIP_100K") else [10_000, 100_000]
    counts = {}
    for size in sizes:
        root = f"fed{size // 1000}k"
        started = time.perf_counter()
        written = generate_load(unions=size, records_per_union=100, year=YEAR, root_code=root)
        seconds = time.perf_counter() - started
        records = sum(written[k] for k in ("members", "activities", "payments", "honors", "meetings"))
        figures.append(Figure(f"generate_load {size} unions x 100", seconds, "s", "", None,
                              {"records": records, "records_per_s": round(records / seconds)}))
        officer, _ = get_user_model().objects.get_or_create(username=f"officer-{root}")
        Role.objects.get_or_create(user=officer, branch=Branch.objects.get(code=root), kind="officer")
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(officer)
        for page, path, target in (("totals", f"/b/{root}/totals/?year={YEAR}", 0.3), ("board", f"/b/{root}/board/?year={YEAR}", None)):
            def get():
                assert client.get(path).status_code == 200

            get()
            queries = count_queries(get)
            times = timed(get, 10)
            counts.setdefault(page, {})[size] = queries
            ok = None if target is None else median(times) < target
            figures.append(Figure(f"federation {page}, {size} unions", median(times), "s", f"< {target} s" if target else "",
                                  ok, {"p95_s": round(p95(times), 4), "queries": queries}))
    if len(sizes) == 2:
        for page, by_size in counts.items():
            same = by_size[sizes[0]] == by_size[sizes[1]]
            figures.append(Figure(f"federation {page}: queries 10k vs 100k", by_size[sizes[1]], "queries",
                                  "independent of unions", same, {"at_10k": by_size[sizes[0]]}))


# 6: importing a workbook of 10,000 rows ----------------------------------------------------------

def import_workbook(figures: list[Figure]) -> None:
    import openpyxl

    from reports import workbook
    from reports.models import Activity, Branch

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("活动")
    sheet.append(["开始日期", "结束日期", "活动名称", "类别", "参加人次", "地点", "费用（元）", "合办单位", "活动情况", "成效"])
    for i in range(10_000):
        sheet.append([f"{YEAR}-{i % 12 + 1:02d}-{i % 28 + 1:02d}", None, f"导入活动{i}", "体育活动", 10 + i % 50, "会议室", 100, None, None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    times = []
    for run in range(3):
        branch = Branch.objects.create(code=f"import-bench-{run}", name="导入压测工会")
        started = time.perf_counter()
        result = workbook.import_workbook(branch, io.BytesIO(data), actor=None)
        times.append(time.perf_counter() - started)
        assert result.created["活动"] == 10_000 and Activity.objects.filter(branch=branch).count() == 10_000
    figures.append(Figure("import 10,000-row workbook", median(times), "s", "< 10 s", median(times) < 10))


def main() -> None:
    global YEAR
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    if not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        sys.exit("The benchmark runs on PostgreSQL: make bench (scripts/with_postgres.sh .venv/bin/python bench/run.py).")
    YEAR = timezone.localdate().year - 1
    call_command("migrate", verbosity=0)
    # BENCH_ONLY=pages,import (for example) runs some sections; drafting always runs (pages need it).
    only = set(filter(None, os.environ.get("BENCH_ONLY", "").split(",")))

    def wanted(section):
        return not only or section in only

    figures: list[Figure] = []
    print("1-2. drafting and exporting a 5,000-record summary …", flush=True)
    union, report, snapshot, our_pdf = drafting_and_export(figures)
    if wanted("libreoffice"):
        print("3. LibreOffice …", flush=True)
        libreoffice(figures, snapshot, our_pdf)
        typical_document(figures)
    if wanted("pages"):
        print("4. pages under gunicorn and wrk …", flush=True)
        pages_under_load(figures, union, report)
    if wanted("import"):
        print("6. importing 10,000 rows …", flush=True)
        import_workbook(figures, actor=None)
    if wanted("federation"):
        print("5. federation board and totals (this generates millions of rows) …", flush=True)
        federation(figures)
    print_table(figures)


if __name__ == "__main__":
    main()
