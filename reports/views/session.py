"""Signing in again without leaving the page: the editor's and long forms' script asks who is
signed in (and for a fresh CSRF token) before it sends a form, and signs her in from a dialog
when her session has ended, so that what she typed is sent rather than lost."""
from django.contrib.auth import authenticate, login
from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.middleware.csrf import get_token
from django.views.decorators.http import require_POST, require_safe

from ..auth import lockout_warning
from ..forms.auth import LoginForm

WRONG_LOGIN = LoginForm.error_messages["invalid_login"]


def someone_else_refusal(expected: str) -> str:
    return (
        f"这个页面是用户“{expected}”打开的，只能由“{expected}”重新登录后继续提交。"
        "如需换人登录，请打开登录页。"
    )


@require_safe
def session_status(request: HttpRequest) -> JsonResponse:
    """Who is signed in ("" for nobody) and a CSRF token that matches the browser's cookie now."""
    username = request.user.get_username() if request.user.is_authenticated else ""
    return JsonResponse({"username": username, "csrf_token": get_token(request)})


# Outside a request transaction, like the login page: see unionreports/urls.py.
@transaction.non_atomic_requests
@require_POST
def login_json(request: HttpRequest) -> JsonResponse:
    """The in-page sign-in. It goes through authenticate() with the request, so django-axes counts
    failures and refuses a locked account here as on the login page (reports.auth.lockout_response
    answers that case). The page sends `expected`, the user it was opened for: the form it holds
    is sent once she is signed in, so on a shared computer nobody else may sign in here and have
    her text saved under their name."""
    username, password = request.POST.get("username", "").strip(), request.POST.get("password", "")
    if not username or not password:
        return JsonResponse({"error": "请输入用户名和密码。"}, status=400)
    expected = request.POST.get("expected", "").strip()
    if expected and expected != username:
        return JsonResponse({"error": someone_else_refusal(expected)}, status=403)
    user = authenticate(request, username=username, password=password)
    if user is None or not user.is_active:
        return JsonResponse({"error": WRONG_LOGIN + lockout_warning(request, username)}, status=401)
    login(request, user)
    # login() rotated the token: the page's forms need the new one.
    return JsonResponse({"username": user.get_username(), "csrf_token": get_token(request)})
