"""The admin site: Django's, except that every list it serves refuses absurd filters cleanly.

Installed in place of "django.contrib.admin" (see INSTALLED_APPS), so that the guard covers the
admins of every app, Django's users and django-axes' logs included, and any registered later.
"""
from axes.apps import AppConfig as AxesAppConfig
from django.contrib import messages
from django.contrib.admin import AdminSite, ModelAdmin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.options import IncorrectLookupParameters
from django.db import DataError, transaction


class AbsurdFilterGuard:
    """Any field's lookups may be put in a list's query string, and some absurd values (a year of
    eleven digits, December of 9999 in the date hierarchy) pass Django's own checks and fail only
    when the date range is computed or the rows are counted. They are answered like every other
    invalid lookup: back to the plain list with ?e=1, plus a message saying why."""

    def get_changelist_instance(self, request):
        try:
            # The savepoint keeps a value the database refuses from breaking the request's transaction.
            with transaction.atomic():
                return super().get_changelist_instance(request)
        except (ValueError, OverflowError, DataError) as error:
            self.message_user(request, "筛选条件无效（例如年份超出范围），已取消筛选。", messages.WARNING)
            raise IncorrectLookupParameters(error) from error


def with_filter_guard(admin_class):
    if issubclass(admin_class, AbsurdFilterGuard):
        return admin_class
    return type(admin_class.__name__, (AbsurdFilterGuard, admin_class), {"__module__": admin_class.__module__})


class UnionAdminSite(AdminSite):
    site_header = "工会工作报告系统管理"
    site_title = "工会工作报告系统"
    index_title = "数据管理"

    def register(self, model_or_iterable, admin_class=None, **options):
        super().register(model_or_iterable, with_filter_guard(admin_class or ModelAdmin), **options)


class UnionAdminConfig(AdminConfig):
    default_site = "reports.admin_site.UnionAdminSite"


class LoginGuardConfig(AxesAppConfig):
    """django-axes as the admin's index lists it: the app's label would otherwise read "Axes"."""

    verbose_name = "登录保护"

    def ready(self):
        super().ready()
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        # The rows' own names are English sentences ("Access Log for … @ …") shown as the titles
        # of the admin's pages.
        AccessAttempt.__str__ = lambda row: f"登录尝试：{row.username}（{_local(row.attempt_time)}）"
        AccessLog.__str__ = lambda row: f"登录记录：{row.username}（{_local(row.attempt_time)}）"
        AccessFailureLog.__str__ = lambda row: f"登录失败：{row.username}（{_local(row.attempt_time)}）"


def _local(moment) -> str:
    from django.utils import timezone

    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""
