"""The project's URLs plus a page that stands for a slow read (a long PDF rendering): it reads the
users table and keeps that read open for `?seconds=` before it answers."""
import time

from django.db import connection
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_safe


@require_safe
def slow_read(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM auth_user ORDER BY id")
        first = cursor.fetchone()
        time.sleep(float(request.GET.get("seconds", "5")))
        rest = cursor.fetchall()
    return HttpResponse(f"{1 + len(rest) if first else 0} users", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("test-only/slow-read/", slow_read),
    path("", include("unionreports.urls")),
]
