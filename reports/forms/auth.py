"""The login form, with messages that never reveal whether a username exists, and 修改密码."""
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError

from ..auth import lockout_warning


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码不正确。请注意密码区分大小写。",
        "inactive": "用户名或密码不正确。请注意密码区分大小写。",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "用户名"
        self.fields["password"].label = "密码"
        self.fields["username"].widget.attrs.update({"autofocus": True, "autocomplete": "username"})

    def get_invalid_login_error(self):
        """The wrong-login message, and once few tries are left, how many before the lock. Asked
        after authenticate() has counted this failure; said alike for any username."""
        error = super().get_invalid_login_error()
        warning = lockout_warning(self.request, self.cleaned_data.get("username", "")) if self.request else ""
        if not warning:
            return error
        return ValidationError(f"{error.message}{warning}", code=error.code)


class ChangePasswordForm(PasswordChangeForm):
    """Django's password change, worded for the site: the old password first, the new one twice,
    checked by the password validators in settings (their messages are Django's Chinese ones)."""

    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": "原密码不正确，请重新输入。",
        "password_mismatch": "两次输入的新密码不一致。",
    }

    def __init__(self, user, *args, request=None, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.request = request
        self.fields["old_password"].label = "原密码"
        self.fields["new_password1"].label = "新密码"
        self.fields["new_password2"].label = "再次输入新密码"
        self.fields["new_password1"].help_text = "至少 8 个字符，不能全是数字，不能太常见，也不能和用户名太像。"
        self.fields["new_password2"].help_text = ""

    def clean_old_password(self):
        # Through authenticate() with the request, not check_password(): a session left open on
        # a shared computer must not let anyone guess her password here without limit. django-axes
        # counts each wrong one as a failed login and, past the limit, answers with its lockout
        # page (reports.auth.lockout_response) even for the right one.
        old_password = self.cleaned_data["old_password"]
        checked = authenticate(self.request, username=self.user.get_username(), password=old_password)
        if checked is None or checked.pk != self.user.pk:
            raise ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        return old_password
