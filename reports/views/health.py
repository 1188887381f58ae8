"""A health check for the reverse proxy or a monitor; also the benchmark's trivial view."""
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 "ok" without touching the database: the app and its middleware answer."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
