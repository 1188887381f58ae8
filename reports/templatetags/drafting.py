"""Filters for the drafting templates in templates/drafting/ (plain text, not HTML)."""
from django import template

from .. import numbers

register = template.Library()

register.filter("yuan", numbers.yuan)
register.filter("month_day", numbers.month_day)


@register.filter
def span(activity):
    return numbers.date_span(activity.start_date, activity.end_date)


@register.filter
def quoted(text):
    """A title in Chinese quotation marks. A title already quoted at its start (“迎新春”联欢会)
    stays as it is; quotes inside a title become the inner marks ‘’, as Chinese nesting requires."""
    text = str(text).strip()
    if text.startswith(("“", "《", '"')):
        return text
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"
