from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.urls import include, path

from reports.forms.auth import LoginForm
from reports.views import account, session

urlpatterns = [
    path(
        "accounts/login/",
        # Outside a request transaction: checking a password takes a good part of a second, and on
        # SQLite a transaction holds the single write lock for all of it, so logins would queue.
        # The writes a login makes (session, last login, failed-attempt records) stand alone.
        transaction.non_atomic_requests(
            auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True)
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The forms' script: who is signed in, and signing in again without leaving the page.
    path("accounts/session/", session.session_status, name="session_status"),
    path("accounts/login/json/", session.login_json, name="login_json"),
    path(
        "accounts/password/",
        # Outside a request transaction, like the login: checking the old password and hashing the
        # new one take most of a second, and on SQLite would hold the write lock for all of it.
        # The old password is checked like a login (failures counted, the account locked).
        transaction.non_atomic_requests(account.ChangePasswordView.as_view()),
        name="password_change",
    ),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("admin/", admin.site.urls),
    path("", include("reports.urls")),
]

handler403 = "reports.views.errors.permission_denied"
handler404 = "reports.views.errors.page_not_found"
