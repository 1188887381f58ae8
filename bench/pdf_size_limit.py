"""How long a document may be: PDF time and peak memory for documents of growing total length.

    .venv/bin/python bench/pdf_size_limit.py [CHARS ...]
    DATABASE_URL=sqlite:////tmp/size.sqlite3 .venv/bin/python bench/pdf_size_limit.py drafted

Each document is rendered with the real renderer (render_pdf) in a fresh process, so the peak
resident memory is that one render's (plus Django's and WeasyPrint's start-up). Two shapes:
`short` is a typical report (sections of ten 300-character paragraphs), `long` is the editor's
worst case (5,000-character paragraphs, the longest one paragraph may be). Then the federation
summary's annex alone: a table of N unions, as drafted for a county with N unions below it.
No database is needed for these.

`drafted` migrates the (empty) database it is given, loads the demo and two generate_load trees
(one union with 5,000 records; a district of 1,000 unions with 100 records each) and prints the
length of what the drafter writes for them, with the PDF's pages and CPU time for the summaries.

The figures back MAX_DOCUMENT_CHARS in reports/documents/editing.py.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_SIZES = [20_000, 50_000, 100_000, 150_000, 200_000]
DEFAULT_ANNEX_ROWS = [100, 500, 1_000, 2_000]
# A sentence as the drafter writes them: CJK with figures and Chinese punctuation.
SENTENCE = "全年组织开展各类职工文体活动{n}场次，参与职工{m}人次，进一步丰富了职工的业余文化生活，增强了职工队伍的凝聚力。"


def _text(length: int, seed: int) -> str:
    parts, n = [], seed
    while sum(map(len, parts)) < length:
        parts.append(SENTENCE.format(n=n % 97 + 3, m=n * 37 % 9000 + 100))
        n += 1
    return "".join(parts)[:length]


def build_document(chars: int, shape: str, annex_rows: int = 0):
    from reports.documents.content import Document, Paragraph, Section

    paragraph_length = 300 if shape == "short" else 5_000
    paragraphs = [
        Paragraph(f"p{i}", _text(min(paragraph_length, chars - i * paragraph_length), i))
        for i in range(-(-chars // paragraph_length))
    ]
    # Ten paragraphs a section, more once the editor's 60 sections are used up.
    per_section = max(10, -(-len(paragraphs) // 60))
    sections = [
        Section(f"s{j}", f"第{j + 1}部分工作情况", paragraphs[j * per_section:(j + 1) * per_section])
        for j in range(-(-len(paragraphs) // per_section))
    ]
    annex = None
    if annex_rows:
        annex = {
            "title": "附件：2025年各工会工作计划和工作总结报送情况",
            "headers": ["工会", "工作计划", "工作总结"],
            "rows": [[f"示范县第{i + 1}机械制造有限公司工会委员会", "已通过", "待审核"] for i in range(annex_rows)],
        }
    return Document(
        kind="summary", title="示范县总工会2025年工会工作总结", preamble=[], sections=sections,
        closing=[], signature="示范县总工会", date="2025-12-30", annex=annex,
    )


def measure_one(chars: int, shape: str, annex_rows: int) -> dict:
    """Render once in this process; the figures of that render."""
    from common import setup_django

    setup_django()
    from reports.documents.editing import document_length
    from reports.exporting.pdf import render_pdf
    from reports.documents.snapshot import snapshot_from_content

    document = build_document(chars, shape, annex_rows)
    snapshot = snapshot_from_content(document.to_dict(), union_name="示范县总工会", approved=False)
    started, cpu_started = time.perf_counter(), time.process_time()
    pdf = render_pdf(snapshot)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {
        "shape": shape, "chars": document_length(document), "annex_rows": annex_rows,
        "seconds": round(seconds, 2), "cpu": round(cpu, 2),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "pages": _pages(pdf), "pdf_kb": len(pdf) // 1024,
    }


def _pages(pdf: bytes) -> int:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True).stdout
    return next((int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")), -1)


def _in_fresh_process(chars: int, shape: str, annex_rows: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--one", str(chars), shape, str(annex_rows)],
        check=True, capture_output=True, text=True, cwd=Path(__file__).parent,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure_drafted() -> None:
    """Length, annex rows and PDF time of the documents drafted for the demo and generate_load."""
    from common import setup_django

    setup_django()
    from django.core.management import call_command
    from django.utils import timezone

    from reports.demo import load_demo
    from reports.documents.editing import document_length
    from reports.documents.plan import draft_plan_from_skeleton
    from reports.documents.services import draft_summary_for
    from reports.exporting.pdf import render_pdf
    from reports.documents.snapshot import snapshot_from_content
    from reports.loadgen import generate_load
    from reports.models import Branch

    call_command("migrate", verbosity=0)
    year = timezone.localdate().year - 1
    load_demo()
    generate_load(unions=1, records_per_union=5_000, year=year, root_code="size5k", approved_share=0)
    generate_load(unions=1_000, records_per_union=100, year=year, root_code="size1k", approved_share=0.6)
    print(f"{'document':<46} {'chars':>7} {'annex':>6} {'pages':>6} {'CPU s':>6}")
    # Every demo union and federation; of the generated trees, the federations and the 5,000-record union.
    branches = Branch.objects.exclude(kind="subunit").exclude(code__startswith="size1k-u").order_by("path")
    for branch in branches:
        drafted = [("summary", draft_summary_for(branch, year, half=False))]
        if not branch.is_federation:
            drafted.append(("plan", draft_plan_from_skeleton(branch, year + 1)))
        for kind, document in drafted:
            rows = len(document.annex["rows"]) if document.annex else 0
            timing = ""
            if kind == "summary":
                snapshot = snapshot_from_content(document.to_dict(), union_name=branch.name, approved=False)
                started = time.process_time()
                pdf = render_pdf(snapshot)
                timing = f"{_pages(pdf):>6} {time.process_time() - started:>6.2f}"
            print(f"{branch.name[:20] + ' ' + kind:<46} {document_length(document):>7} {rows:>6} {timing}", flush=True)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(measure_one(int(argv[1]), argv[2], int(argv[3]))))
        return
    if argv[:1] == ["drafted"]:
        measure_drafted()
        return
    sizes = [int(a) for a in argv] or DEFAULT_SIZES
    # CPU seconds are what a quiet machine's wall time would be (the render is single-threaded);
    # wall seconds grow with whatever else the machine is running.
    print(f"{'shape':<6} {'chars':>8} {'annex':>6} {'pages':>6} {'wall s':>7} {'CPU s':>6} {'peak MB':>8} {'PDF KB':>7}")
    runs = [(chars, shape, 0) for shape in ("short", "long") for chars in sizes]
    runs += [(1_000, "short", rows) for rows in ([] if argv else DEFAULT_ANNEX_ROWS)]
    for chars, shape, annex_rows in runs:
        r = _in_fresh_process(chars, shape, annex_rows)
        print(f"{r['shape']:<6} {r['chars']:>8} {r['annex_rows']:>6} {r['pages']:>6} {r['seconds']:>7} {r['cpu']:>6} {r['peak_mb']:>8} {r['pdf_kb']:>7}",
              flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(sys.argv[1:])
