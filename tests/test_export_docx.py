"""The Word file: reopened with python-docx and checked against GB/T 9704 and the records."""
import io
import time

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.shared import Pt

from reports.documents.snapshot import snapshot_of
from reports.exporting.docx import render_docx

from .exports import YEAR, known_plan, known_summary


@pytest.fixture
def summary_docx(cast):
    return open_docx(io.BytesIO(render_docx(snapshot_of(known_summary(cast.school)))))


@pytest.fixture
def plan_docx(cast):
    return open_docx(io.BytesIO(render_docx(snapshot_of(known_plan(cast.school)))))


def east_asian_font(style):
    return style.element.rPr.rFonts.get(qn("w:eastAsia"))


def test_page_is_a4_with_official_margins(summary_docx):
    section = summary_docx.sections[0]
    def mm(length):  # Word stores twips: compare to a tenth of a millimetre
        return round(length.mm, 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert [mm(m) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)] == [37, 35, 28, 26]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "580"  # 22 lines in the 225 mm type area


def test_styles_name_chinese_fonts_at_official_sizes(summary_docx):
    styles = summary_docx.styles
    expected = {"Normal": ("仿宋_GB2312", 16), "Title": ("方正小标宋简体", 22), "Heading 1": ("黑体", 16), "Heading 2": ("楷体_GB2312", 16)}
    for name, (font, size) in expected.items():
        assert east_asian_font(styles[name]) == font, name
        assert styles[name].font.size == Pt(size), name
        assert styles[name].font.color.rgb == (0, 0, 0) or str(styles[name].font.color.rgb) == "000000"


def test_no_theme_fonts_and_chinese_language(summary_docx):
    xml = summary_docx.styles.element.xml
    assert "asciiTheme" not in xml and "eastAsiaTheme" not in xml
    lang = summary_docx.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"


def test_body_is_indented_two_characters_in_both_forms(summary_docx):
    ind = summary_docx.styles["Normal"].element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200" and ind.get(qn("w:firstLine")) == "640"
    title_ind = summary_docx.styles["Title"].element.pPr.find(qn("w:ind"))
    assert title_ind.get(qn("w:firstLineChars")) == "0"


def paragraphs(doc, style):
    return [p.text for p in doc.paragraphs if p.style.name == style]


def test_title_headings_are_numbered_and_signed(summary_docx, cast):
    assert paragraphs(summary_docx, "Title") == [f"school工会{YEAR}年工作总结"]
    headings = paragraphs(summary_docx, "Heading 1")
    assert [h.split("、")[0] for h in headings] == ["一", "二", "三", "四", "五", "六", "七"][: len(headings)]
    assert headings[-2].endswith("存在的问题")
    last_two = summary_docx.paragraphs[-2:]
    assert last_two[0].text == cast.school.name
    assert last_two[1].text.endswith("日") and "年" in last_two[1].text
    assert all(p.alignment == 2 for p in last_two)  # right


def test_figures_in_the_file_equal_the_records(summary_docx):
    text = "\n".join(p.text for p in summary_docx.paragraphs)
    assert "看望生病、住院教职工13人次，发放慰问金5900元。" in text  # cash only
    assert "慰问43人次，发放慰问金11900元、慰问品折合450.5元，合计12350.5元。" in text
    assert "征集提案26件，立案9件" in text
    assert "五一拔河比赛" in text and "60名教职工" in text  # a lone event is told, not counted


def test_plan_schedule_is_a_table_whose_header_repeats(plan_docx):
    table = plan_docx.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["月份", "工作内容"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    months = [row.cells[0].text for row in table.rows[1:]]
    assert months[0] == "一月份" and "七、八月份" in months and months[-1] == "十二月份"
    assert table.rows[1].cells[1].paragraphs[0].text.startswith("1.")
    assert [h.split("、")[0] for h in paragraphs(plan_docx, "Heading 1")][:1] == ["一"]
    assert paragraphs(plan_docx, "Heading 1")[0] == "一、指导思想"
    assert paragraphs(plan_docx, "Heading 2")[0].startswith("（一）")


def test_page_numbers_odd_right_even_left(summary_docx):
    assert summary_docx.settings.odd_and_even_pages_header_footer
    section = summary_docx.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == 2 and even.alignment == 0
    for footer in (odd, even):
        assert "PAGE" in footer._p.xml and footer.text.startswith("— ") and footer.text.endswith(" —")
        assert footer.runs[0].font.size == Pt(14)


def test_draft_is_marked_in_the_header_and_approved_is_not(cast):
    report = known_summary(cast.school)
    draft = open_docx(io.BytesIO(render_docx(snapshot_of(report))))
    assert draft.sections[0].header.paragraphs[0].text == "草稿"
    revision = report.current_revision()
    revision.state = "approved"
    approved = open_docx(io.BytesIO(render_docx(snapshot_of(report, revision))))
    assert "草稿" not in "".join(p.text for p in approved.sections[0].header.paragraphs)


def test_document_properties(summary_docx, cast):
    properties = summary_docx.core_properties
    assert properties.title.endswith("年工作总结")
    assert properties.author == cast.school.name
    assert properties.language == "zh-CN"


def test_same_content_gives_the_same_bytes(cast, monkeypatch):
    snapshot = snapshot_of(known_summary(cast.school))
    # Renders at different moments: the zip entries must not carry the time of rendering.
    monkeypatch.setattr(time, "time", lambda: 1_700_000_000.0)
    first = render_docx(snapshot)
    monkeypatch.setattr(time, "time", lambda: 1_800_000_000.0)
    assert render_docx(snapshot) == first
