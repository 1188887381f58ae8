"""The error pages' views, for those whose message or status Django's defaults get wrong for us:
404 and 403 show the app's own Chinese message, the CSRF refusal says what happened to her form.
400 and 500 are Django's own views over our templates (500.html reads nothing from the database)."""
import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent with a token that no longer matches: the page was open past the session, or she
    signed out and in again in another tab. The header tells the forms' script this refusal apart
    from a page she may not use."""
    response = render(request, "403_csrf.html", status=403)
    response["X-CSRF-Failure"] = "1"
    return response


def _chinese_message(exception) -> str:
    """The message an exception carries if the app wrote it (in Chinese) for her; Django's own
    (English, or naming models and queries) is not shown."""
    message = exception.args[0] if exception is not None and exception.args else ""
    return message if isinstance(message, str) and CHINESE.search(message) else ""


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", {"message": _chinese_message(exception)}, status=404)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "403.html", {"message": _chinese_message(exception)}, status=403)
