"""Template helpers for the document pages."""
from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def source_url(branch, source):
    """The ledger page filtered to the records behind a drafted figure."""
    return reverse("reports:ledger", args=[branch.code, source.ledger]) + "?" + urlencode(source.params)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, []) if mapping else []
