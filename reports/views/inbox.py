"""The signed-in user's inbox: her messages newest first, opening one, marking all read.

Each user sees and marks only her own messages: another user's message is answered with 404.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from ..notifications import inbox as inboxes

PAGE_SIZE = 50


@login_required
@require_safe
def inbox(request: HttpRequest) -> HttpResponse:
    page = Paginator(inboxes.entries(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reports/inbox.html", {"page": page})


@login_required
@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the message read and go where it points."""
    notification = inboxes.open_entry(request.user, pk)
    # The link is one the app wrote itself; checked all the same, so it can only lead inside the site.
    if not url_has_allowed_host_and_scheme(notification.link, allowed_hosts={request.get_host()}):
        return redirect("reports:inbox")
    return redirect(notification.link)


@login_required
@require_POST
def inbox_read_all(request: HttpRequest) -> HttpResponse:
    marked = inboxes.mark_all_read(request.user)
    messages.success(request, f"已将 {marked} 条消息标为已读。" if marked else "没有未读消息。")
    return redirect("reports:inbox")
