"""修改密码, with the old password checked like a login."""
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from ..forms.auth import ChangePasswordForm


class ChangePasswordView(auth_views.PasswordChangeView):
    """Django's password change, handing the form the request: its old-password check goes
    through authenticate(), which django-axes counts and locks like the login page."""

    form_class = ChangePasswordForm
    success_url = reverse_lazy("password_change_done")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}
