"""Template helpers for the document pages."""
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def source_url(branch, source):
    """The ledger page filtered to the records behind a drafted figure (a list value repeats its
    parameter: choice=wedding&choice=birth)."""
    return reverse("reports:ledger", args=[branch.code, source.ledger]) + "?" + urlencode(source.params, doseq=True)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, []) if mapping else []


# official.css defines doc-right-0 to doc-right-30: up to 7.5 characters in quarter characters.
WIDEST_RIGHT_INDENT_QUARTERS = 30


def right_indent_class(indent: float) -> str:
    """The class of official.css that sets a signature line's distance from the right margin.
    Layout counts widths in half characters, so an indent is always a whole number of quarters."""
    quarters = min(max(round(indent * 4), 0), WIDEST_RIGHT_INDENT_QUARTERS)
    return f"doc-right-{quarters}"


def _block_html(block) -> str:
    key = escape(block.key)
    if block.kind == "title":
        return format_html('<h1 class="doc-title">{}</h1>', block.text)
    if block.kind == "heading1":
        return format_html('<h2 class="doc-h1" id="b-{}" data-key="{}">{}</h2>', key, key, block.text)
    if block.kind == "heading2":
        return format_html('<h3 class="doc-h2" id="b-{}" data-key="{}">{}</h3>', key, key, block.text)
    if block.kind in ("paragraph", "item"):
        css = "doc-p doc-item" if block.kind == "item" else "doc-p"
        return format_html('<p class="{}" data-key="{}">{}</p>', css, key, block.text)
    if block.kind == "schedule":
        rows = format_html_join(
            "", '<tr><td class="doc-month">{}</td><td>{}</td></tr>',
            ((label, format_html_join("", "<p>{}.{}</p>", enumerate(items, start=1))) for label, items in block.rows),
        )
        return format_html(
            '<table class="doc-schedule"><thead><tr><th class="doc-month">月份</th><th>工作内容</th></tr></thead>'
            "<tbody>{}</tbody></table>", rows,
        )
    if block.kind in ("signature", "date"):
        css = "doc-sign doc-sign-first" if block.kind == "signature" else "doc-sign"
        return format_html('<p class="{} {}">{}</p>', css, right_indent_class(block.right_indent), block.text)
    if block.kind == "annex":
        head = format_html_join("", "<th>{}</th>", ((h,) for h in block.headers))
        body = format_html_join("", "<tr>{}</tr>", ((format_html_join("", "<td>{}</td>", ((c,) for c in row)),) for row in block.rows))
        return format_html(
            '<section class="doc-annex"><p class="doc-annex-title">{}</p><table class="doc-schedule doc-annex-table">'
            "<thead><tr>{}</tr></thead><tbody>{}</tbody></table></section>", block.text, head, body,
        )
    raise ValueError(f"unknown block kind {block.kind!r}")


@register.simple_tag
def official_document(blocks):
    """The document laid out as an official document (GB/T 9704), for the pages and the PDF alike.
    Built in Python rather than a template if-chain: a long summary has hundreds of blocks. Every
    text goes through format_html, so what a user typed is always escaped."""
    return mark_safe('<article class="official">' + "".join(_block_html(b) for b in blocks) + "</article>")


@register.simple_tag
def official_block(block):
    """One block of the official document, for pages that set something beside each block (the
    review margin); escaped exactly as in official_document."""
    return mark_safe(_block_html(block))
