"""Login throttling (django-axes locks an account after repeated failed logins) and the password rules."""
from axes.backends import AxesStandaloneBackend
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError


class LockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check on every login that comes through a request (the login page, the
    admin). Authentication without a request (a management shell, the test client's login())
    has no address or form to throttle and is left to the next backend."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


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
