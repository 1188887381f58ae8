"""The PDF, checked with poppler: A4 pages, embedded font subsets, the text, page numbers."""
import pytest

from reports.documents.snapshot import snapshot_of
from reports.exporting.pdf import render_pdf

from .exports import YEAR, known_plan, known_summary, poppler


@pytest.fixture
def summary_pdf(cast):
    return render_pdf(snapshot_of(known_summary(cast.school)))


def test_pages_are_a4(summary_pdf, tmp_path):
    info = poppler("pdfinfo", summary_pdf, tmp_path)
    assert "595.276 x 841.89 pts (A4)" in info
    assert "Title:           school工会" in info


def test_every_font_is_an_embedded_subset(summary_pdf, tmp_path):
    rows = poppler("pdffonts", summary_pdf, tmp_path).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        name, *_, emb, sub, uni, _obj, _gen = row.split()
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
    names = " ".join(row.split()[0] for row in rows)
    assert "Noto-Serif-CJK-SC" in names and "Noto-Sans-CJK-SC" in names


def test_text_holds_title_headings_figures_and_page_numbers(summary_pdf, tmp_path):
    text = poppler("pdftotext", summary_pdf, tmp_path, "-layout")
    flat = "".join(text.split())
    assert f"school工会{YEAR}年工作总结" in flat
    assert "一、坚持民主管理" in flat and "存在的问题" in flat
    assert "看望生病、住院教职工13人次，发放慰问金5900元。" in flat
    assert "征集提案26件，立案9件" in flat
    assert "—1—" in flat
    assert "草稿" in flat


def test_no_missing_glyphs(summary_pdf, tmp_path):
    # A character without a glyph comes out of pdftotext as U+FFFD or not at all; the title and
    # the Chinese punctuation must survive whole.
    text = poppler("pdftotext", summary_pdf, tmp_path)
    assert "\ufffd" not in text
    assert "“" in text and "，" in text and "。" in text


def test_plan_uses_the_kai_font_and_repeats_the_table_header(cast, tmp_path):
    pdf = render_pdf(snapshot_of(known_plan(cast.school)))
    assert "AR-PL-KaitiM-GB" in poppler("pdffonts", pdf, tmp_path)
    pages = int(next(line.split()[-1] for line in poppler("pdfinfo", pdf, tmp_path).splitlines() if line.startswith("Pages:")))
    header_pages = [
        page for page in range(1, pages + 1)
        if "月份工作内容" in "".join(poppler("pdftotext", pdf, tmp_path, "-f", str(page), "-l", str(page)).split())
    ]
    assert len(header_pages) >= 2  # the schedule runs over a page and its header row comes along
