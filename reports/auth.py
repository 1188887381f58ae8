"""Login throttling (django-axes locks an account after repeated failed logins, and says for how
long) and the password rules."""
import math

from axes.backends import AxesStandaloneBackend
from axes.conf import settings
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_credentials, get_failure_limit
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render


class LockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check on every login that comes through a request (the login page, the
    admin). Authentication without a request (a management shell, the test client's login())
    has no address or form to throttle and is left to the next backend."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_minutes(request) -> int:
    """How long a locked account stays locked, in whole minutes (at least one)."""
    cool_off = get_cool_off(request)
    return max(1, math.ceil(cool_off.total_seconds() / 60)) if cool_off else 0


# From how many tries left a failed login says that the account is about to be locked.
WARN_FROM_TRIES_LEFT = 2


def tries_left(request, username: str) -> int:
    """Failed logins still allowed for this username before the lock, from django-axes' count
    (which counts unknown usernames too, so the answer tells nothing about which names exist)."""
    credentials = get_credentials(username)
    return get_failure_limit(request, credentials) - AxesProxyHandler.get_failures(request, credentials)


def lockout_warning(request, username: str) -> str:
    """After a failed login: the warning that the next failures lock the account, once there
    are few tries left; "" before that."""
    left = tries_left(request, username)
    if not 0 < left <= WARN_FROM_TRIES_LEFT:
        return ""
    return f"再输错{left}次，账号将被锁定{lockout_minutes(request)}分钟。"


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer to a locked account: the Chinese page, or for the in-page sign-in its
    JSON, each saying how long the lock lasts."""
    minutes = lockout_minutes(request)
    status = settings.AXES_HTTP_RESPONSE_CODE
    if request.resolver_match is not None and request.resolver_match.url_name == "login_json":
        wait = f"请{minutes}分钟后再试，" if minutes else ""
        return JsonResponse({"error": f"连续多次登录失败，该账号已被暂时锁定。{wait}或联系系统管理员解锁。"}, status=status)
    return render(request, "registration/locked_out.html", {"lockout_minutes": minutes}, status=status)


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule with a Chinese message: its own is a plural form that the Chinese
    translation leaves in English."""

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(
                f"密码太短，至少需要 {self.min_length} 个字符。",
                code="password_too_short",
                params={"min_length": self.min_length},
            )

    def get_help_text(self):
        return f"密码至少需要 {self.min_length} 个字符。"
