"""The figures of the official layout (GB/T 9704), shared by the DOCX and PDF renderers."""
from docx.shared import Mm, Pt

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
# The type area is 297 - 37 - 35 = 225 mm high: 22 lines give the line pitch.
LINE_PITCH = Pt(225 / 25.4 * 72 / LINES_PER_PAGE)  # about 28.95 pt
BODY_SIZE = Pt(16)  # 3号
# Character spacing that fits 28 characters of 3号 in the 156 mm type width (twentieths of a point).
CHARACTER_SPACING_TWIPS = round(((210 - 28 - 26) / 25.4 * 72 / CHARS_PER_LINE - 16) * 20)
TITLE_SIZE = Pt(22)  # 2号
PAGE_NUMBER_SIZE = Pt(14)  # 4号
TABLE_SIZE = Pt(14)

# Font names as a reader's Word knows them (East Asian), and the Latin fonts beside them.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
