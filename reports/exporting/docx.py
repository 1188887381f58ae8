"""A snapshot as a Word document laid out after GB/T 9704, with python-docx.

python-docx writes only Latin font names and leaves the built-in styles on theme fonts; Chinese
text needs w:eastAsia, the theme attributes removed and the East Asian language set to zh-CN,
all written here as raw XML. The two-character first-line indent is written in both the Word
form (firstLineChars) and the LibreOffice form (firstLine in twips).
"""
from __future__ import annotations

import datetime
import io
import zipfile

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from . import official as o
from .snapshot import DocumentSnapshot

THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _set_fonts(rpr_owner, east_asia: str, latin: str = o.LATIN_FONT) -> None:
    """Name the fonts on a style's or run's rPr, East Asian included, without theme overrides."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def _indent_chars(paragraph_format_element, chars: int, size: Pt) -> None:
    """First-line indent of `chars` characters: firstLineChars for Word, firstLine for LibreOffice."""
    ppr = paragraph_format_element.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(int(chars * size.pt * 20)))


def _exact_lines(fmt, pitch=o.LINE_PITCH) -> None:
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = pitch
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)


def _style(document, name, *, font, size, bold=False, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=2):
    style = document.styles[name]
    style.font.size = size
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    _set_fonts(style.element, font)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.keep_with_next = name.startswith("Heading")
    _exact_lines(fmt)
    _indent_chars(style.element, indent, size)
    # Title has a bottom border and headings a spacing of their own in the default template.
    ppr = style.element.get_or_add_pPr()
    for tag in ("w:pBdr",):
        for element in ppr.findall(qn(tag)):
            ppr.remove(element)
    return style


def _prepare_styles(document) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attribute in THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:eastAsia"), o.BODY_FONT)
    fonts.set(qn("w:ascii"), o.LATIN_FONT)
    fonts.set(qn("w:hAnsi"), o.LATIN_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    # The character grid is measured from the document default size: make it 3号 too.
    for tag in ("w:sz", "w:szCs"):
        size = rpr.find(qn(tag))
        if size is None:
            size = OxmlElement(tag)
            rpr.append(size)
        size.set(qn("w:val"), str(int(o.BODY_SIZE.pt * 2)))
    # Every style, not only the ones we use, must drop theme fonts (Word reapplies them otherwise).
    for fonts in styles.iter(qn("w:rFonts")):
        for attribute in THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)
    normal = _style(document, "Normal", font=o.BODY_FONT, size=o.BODY_SIZE)
    # 28 characters in the 156 mm type width: 15.79 pt a character for 16 pt type.
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(o.CHARACTER_SPACING_TWIPS))
    normal.element.get_or_add_rPr().append(spacing)
    title = _style(document, "Title", font=o.TITLE_FONT, size=o.TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0)
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = o.LINE_PITCH
    _style(document, "Heading 1", font=o.HEADING1_FONT, size=o.BODY_SIZE)
    _style(document, "Heading 2", font=o.HEADING2_FONT, size=o.BODY_SIZE)


def _page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = o.PAGE_WIDTH, o.PAGE_HEIGHT
    section.top_margin, section.bottom_margin = o.MARGIN_TOP, o.MARGIN_BOTTOM
    section.left_margin, section.right_margin = o.MARGIN_LEFT, o.MARGIN_RIGHT
    section.header_distance = Mm(20)
    # The page number sits about 7 mm below the type area.
    section.footer_distance = Mm(22)
    # A line grid of 22 lines. The 28 characters a line come from the body style's character
    # spacing instead of a character grid: LibreOffice snaps characters wider than a character
    # grid cell to two cells, which would leave 14 characters a line.
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(o.LINE_PITCH.pt * 20)))
    grid.attrib.pop(qn("w:charSpace"), None)


def _field_run(paragraph, instruction: str):
    """A Word field (here PAGE) as begin / instruction / separate / placeholder / end runs."""
    def add(tag, **attributes):
        run = paragraph.add_run()
        element = OxmlElement(tag)
        for key, value in attributes.items():
            element.set(qn(key), value)
        if tag == "w:instrText":
            element.set(qn("xml:space"), "preserve")
            element.text = instruction
        run._r.append(element)
        return run

    runs = [add("w:fldChar", **{"w:fldCharType": "begin"}), add("w:instrText"), add("w:fldChar", **{"w:fldCharType": "separate"})]
    runs.append(paragraph.add_run("1"))
    runs.append(add("w:fldChar", **{"w:fldCharType": "end"}))
    return runs


def _page_number(footer, *, odd: bool) -> None:
    """— 1 — in 4号 Song: odd pages at the right, even pages at the left, one character in."""
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    _indent_chars(paragraph._p, 0, o.PAGE_NUMBER_SIZE)
    if odd:
        fmt.right_indent = o.PAGE_NUMBER_SIZE
    else:
        fmt.left_indent = o.PAGE_NUMBER_SIZE
    runs = [paragraph.add_run("— "), *_field_run(paragraph, "PAGE"), paragraph.add_run(" —")]
    for run in runs:
        run.font.size = o.PAGE_NUMBER_SIZE
        _set_fonts(run._r, o.PAGE_NUMBER_FONT)


def _draft_mark(header) -> None:
    paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _indent_chars(paragraph._p, 0, o.BODY_SIZE)
    run = paragraph.add_run("草稿")
    run.font.size = o.PAGE_NUMBER_SIZE
    run.font.color.rgb = RGBColor(0x99, 0x99, 0x99)
    _set_fonts(run._r, o.HEADING1_FONT)


def _headers_and_footers(document, *, draft: bool) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    _page_number(section.footer, odd=True)
    _page_number(section.even_page_footer, odd=False)
    if draft:
        _draft_mark(section.header)
        _draft_mark(section.even_page_header)


def _signature_line(document, block, *, first: bool) -> None:
    paragraph = document.add_paragraph(block.text)
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fmt.right_indent = Pt(o.BODY_SIZE.pt * block.right_indent)
    _indent_chars(paragraph._p, 0, o.BODY_SIZE)
    if first:
        # One blank line between the text and the signature, which never parts from its date.
        fmt.space_before = o.LINE_PITCH
        fmt.keep_with_next = True


def _item(document, text: str) -> None:
    """A numbered item: the number (1.) in bold body font, as level-3 headings are set."""
    number, dot, rest = text.partition(".")
    paragraph = document.add_paragraph()
    if dot and number.isdigit():
        paragraph.add_run(f"{number}.").bold = True
        paragraph.add_run(rest)
    else:
        paragraph.add_run(text)


def _schedule(document, rows) -> None:
    table = document.add_table(rows=1 + len(rows), cols=2)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = (Mm(30), Mm(126))
    header = table.rows[0]
    # The header row repeats at the top of every page the table runs onto.
    tr_pr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    cells = [(header.cells, ("月份", ["工作内容"]), True)]
    cells += [(table.rows[i + 1].cells, (label, [f"{n}.{t}" for n, t in enumerate(items, start=1)] or [""]), False)
              for i, (label, items) in enumerate(rows)]
    for row_cells, (label, lines), is_header in cells:
        for cell, width in zip(row_cells, widths):
            cell.width = width
        _cell_text(row_cells[0], [label], center=True, heading=is_header)
        _cell_text(row_cells[1], lines, center=is_header, heading=is_header)


def _cell_text(cell, lines, *, center: bool, heading: bool) -> None:
    cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = paragraph.add_run(line)
        run.font.size = o.TABLE_SIZE
        if heading:
            _set_fonts(run._r, o.HEADING1_FONT)
        fmt = paragraph.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        _indent_chars(paragraph._p, 0, o.TABLE_SIZE)


def _annex(document, block) -> None:
    """附件: on a new page, its title in 黑体, then the table with a repeating header row."""
    title = document.add_paragraph()
    title.add_run().add_break(WD_BREAK.PAGE)
    run = title.add_run(block.text)
    _set_fonts(run._r, o.HEADING1_FONT)
    _indent_chars(title._p, 0, o.BODY_SIZE)
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    widths = _annex_widths(len(block.headers))
    for cell, header, width in zip(table.rows[0].cells, block.headers, widths):
        cell.width = width
        _cell_text(cell, [header], center=True, heading=True)
    for row, values in zip(table.rows[1:], block.rows):
        for column, (cell, value, width) in enumerate(zip(row.cells, values, widths)):
            cell.width = width
            # Names read from the left; figures are centred under their headers.
            _cell_text(cell, [str(value)], center=column > 0, heading=False)


def _annex_widths(columns: int) -> list:
    """The unit's name gets a column wide enough for a full union name on two lines; the
    figures share the rest of the 156 mm text width."""
    if columns < 2:
        return [Mm(156)] * columns
    first = Mm(42)
    return [first] + [int((Mm(156) - first) / (columns - 1))] * (columns - 1)


def render_docx(snapshot: DocumentSnapshot) -> bytes:
    document = new_docx()
    _prepare_styles(document)
    _page_setup(document)
    _headers_and_footers(document, draft=snapshot.draft)
    # The default template starts with one empty paragraph; the title takes its place.
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    for block in snapshot.blocks:
        if block.kind == "title":
            document.add_paragraph(block.text, style="Title")
        elif block.kind == "heading1":
            document.add_paragraph(block.text, style="Heading 1")
        elif block.kind == "heading2":
            document.add_paragraph(block.text, style="Heading 2")
        elif block.kind == "item":
            _item(document, block.text)
        elif block.kind == "paragraph":
            document.add_paragraph(block.text)
        elif block.kind == "schedule":
            _schedule(document, block.rows)
        elif block.kind in ("signature", "date"):
            _signature_line(document, block, first=block.kind == "signature")
        elif block.kind == "annex":
            _annex(document, block)
    properties = document.core_properties
    properties.title = snapshot.title
    properties.author = snapshot.union_name
    properties.last_modified_by = snapshot.union_name
    properties.language = "zh-CN"
    properties.comments = "草稿" if snapshot.draft else ""
    try:
        moment = datetime.datetime.combine(datetime.date.fromisoformat(snapshot.date), datetime.time(9, 0))
    except ValueError:
        moment = datetime.datetime(2000, 1, 1)
    # Fixed times keep the bytes of an export the same for the same content.
    properties.created = properties.modified = moment
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _with_fixed_entry_times(buffer.getvalue())


def _with_fixed_entry_times(package: bytes) -> bytes:
    """The same package with every zip entry stamped 1980-01-01: python-docx stamps entries with
    the current time, so two renders of the same content a second apart would differ in bytes."""
    source = zipfile.ZipFile(io.BytesIO(package))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = entry.external_attr
            target.writestr(fixed, source.read(entry.filename))
    return output.getvalue()
