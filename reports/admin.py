"""The Django admin, in Chinese, scoped by the same rules as the pages.

A superuser sees everything. A staff user with roles sees only the branches and records those
roles let them read, and changes only what they could change in the pages; permissions come from
roles, not from Django's per-model permission table. Every choice list in a form offers only
rows of the branches whose records the user keeps, and the history pages (历史) only show
objects the user may read.
"""
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group, User
from django.contrib.admin.utils import unquote
from django.template.defaultfilters import linebreaksbr
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import is_historic

from .access import Access, can_edit_records
from .documents import history
from .documents.diff import text_lines
from .forms.records import MemberPicker
from .models import (
    Activity,
    Branch,
    DocumentEdit,
    Honor,
    Meeting,
    Member,
    Notification,
    PlanItem,
    Reminder,
    Report,
    ReportingDeadlines,
    ReviewComment,
    Revision,
    Role,
    Transition,
    WelfarePayment,
)
from .models.scoping import editable_q, visible_q


def choices_for(model, user):
    """The rows of `model` a non-superuser may pick in an admin form: those of the branches whose
    records they keep. A model not named here offers nothing, so a foreign key added later is
    closed until someone decides who may point it where."""
    if model is Branch:
        return Branch.objects.editable_by(user)
    if model is Member:
        return Member.objects.editable_by(user).select_related("branch")
    if model is PlanItem:
        return PlanItem.objects.filter(editable_q(user, via="report__branch")).select_related("report")
    if model is Activity:
        return Activity.objects.editable_by(user).select_related("branch").order_by("-start_date", "-pk")
    return model._default_manager.none()


def _pk_or_404(model, value):
    """A primary key from the URL; one that cannot be a key of `model` names nothing (404)."""
    try:
        return model._meta.pk.to_python(unquote(value))
    except (ValidationError, ValueError):
        raise Http404 from None


class ScopedAdminMixin:
    """What every model admin here shares: who may open it, and which rows its choice lists offer.
    (Absurd filters in a list's query string are refused by the site, for every app: admin_site.py.)"""

    def has_module_permission(self, request):
        user = request.user
        access = Access.for_user(user)
        return user.is_staff and (access.is_superuser or access.has_roles)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            kwargs["queryset"] = choices_for(db_field.related_model, request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            kwargs["queryset"] = choices_for(db_field.related_model, request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class RoleScopedAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    """Base for the admins of records and of the organisation: role-based permissions instead of
    model permissions, and the history page (历史) of every change.

    History is read-only for everyone but the superuser. Reverting writes every field of an old
    version back, foreign keys included (a role's user and branch, a record's branch), so a
    revert is as powerful as the change form without being the change form; rather than repeat
    every check of the change form here, only the superuser, who may change anything anyway,
    reverts. Secretaries and chairs change their records through the pages or the change form.
    """

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def history_view(self, request, object_id, extra_context=None):
        self._readable_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._readable_or_404(request, object_id)
        versions = self._versions(request, object_id)
        if not versions.filter(history_id=_pk_or_404(versions.model, version_id)).exists():
            raise Http404
        if request.method != "GET" and self.revert_disabled(request):
            raise PermissionDenied("只有系统管理员可以恢复历史版本。")
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return not request.user.is_superuser or super().revert_disabled(request, obj)

    def get_readonly_fields(self, request, obj=None):
        """A version shown without the revert button shows every field as text, not as inputs."""
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and is_historic(obj) and self.revert_disabled(request, obj):
            opts = self.model._meta
            editable = [f.name for f in [*opts.fields, *opts.many_to_many] if f.editable and not f.auto_created]
            readonly = editable + [name for name in readonly if name not in editable]
        return readonly

    def _readable_or_404(self, request, object_id):
        """The object as this admin's scoped list has it. Without it the history pages would fall
        back to the history table, which knows no branches; only the superuser, who reads every
        branch, may still open the history of a deleted object."""
        found = self.get_queryset(request).filter(pk=_pk_or_404(self.model, object_id)).first()
        if found is None and not request.user.is_superuser:
            raise Http404
        return found

    def _versions(self, request, object_id):
        history = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        pk = _pk_or_404(self.model, object_id)
        return self.get_history_queryset(request, history, self.model._meta.pk.attname, pk)


class BranchOwnedAdmin(RoleScopedAdmin):
    """Records of a branch: visible as in the pages, editable by the branch's secretary and chair."""

    list_select_related = ["branch"]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def has_add_permission(self, request):
        return request.user.is_superuser or (request.user.is_staff and Access.for_user(request.user).keeps_any_records)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return self.has_add_permission(request)
        return can_edit_records(request.user, obj.branch)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # A record may have been moved between branches; the versions from before the move
        # belong to the other branch and are shown only to those who read that branch.
        versions = super().get_history_queryset(request, history_manager, pk_name, object_id)
        return versions.filter(visible_q(request.user, via="branch"))


@admin.register(Branch)
class BranchAdmin(RoleScopedAdmin):
    list_display = ["name", "code", "kind", "sector", "unit_kind", "parent", "workforce"]
    list_filter = ["kind", "sector", "unit_kind"]
    search_fields = ["name", "short_name", "code"]
    readonly_fields = ["path", "depth"]
    autocomplete_fields = ["parent"]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user).select_related("parent")


@admin.register(Role)
class RoleAdmin(RoleScopedAdmin):
    """Roles are granted by the superuser only (RoleScopedAdmin's permissions, revert included):
    a role is the key to a branch, and whoever could write one could open any branch."""

    list_display = ["user", "branch", "kind"]
    list_filter = ["kind"]
    search_fields = ["user__username", "branch__name", "branch__code"]
    autocomplete_fields = ["branch"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(branch__in=Branch.objects.visible_to(request.user))
            .select_related("user", "branch")
        )


@admin.register(Member)
class MemberAdmin(BranchOwnedAdmin):
    list_display = ["name", "branch", "gender", "department", "employment_type", "status", "is_hardship"]
    list_filter = ["status", "gender", "employment_type", "is_hardship"]
    search_fields = ["name", "department", "phone"]


@admin.register(Activity)
class ActivityAdmin(BranchOwnedAdmin):
    list_display = ["title", "branch", "category", "participation", "start_date", "participants", "cost"]
    list_filter = ["category", "participation"]
    search_fields = ["title", "place"]
    date_hierarchy = "start_date"


@admin.register(WelfarePayment)
class WelfarePaymentAdmin(BranchOwnedAdmin):
    list_display = ["date", "branch", "reason", "occasion", "recipient_label", "headcount", "cash", "goods_value", "fund_source"]
    list_filter = ["reason", "occasion", "fund_source"]
    search_fields = ["recipients", "member__name", "notes"]
    date_hierarchy = "date"
    list_select_related = ["branch", "member"]

    class Media:
        js = ("js/member_picker.js",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # The same searchable member picker as the ledger's form, in pinyin order.
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "member":
            field.widget = MemberPicker(field.widget.attrs)
            field.queryset = field.queryset.order_by("sort_key", "name", "pk")  # also refills the picker
        return field

    @admin.display(description="对象")
    def recipient_label(self, obj):
        return obj.recipient_label


@admin.register(Honor)
class HonorAdmin(BranchOwnedAdmin):
    list_display = ["date", "title", "branch", "kind", "level", "awarding_body", "recipient_kind"]
    list_filter = ["kind", "level", "recipient_kind"]
    search_fields = ["title", "awarding_body", "recipients"]
    date_hierarchy = "date"


@admin.register(Meeting)
class MeetingAdmin(BranchOwnedAdmin):
    list_display = ["date", "kind", "session", "branch", "attendees", "proposals_received", "proposals_accepted"]
    list_filter = ["kind"]
    search_fields = ["session", "topics"]
    date_hierarchy = "date"


@admin.register(ReportingDeadlines)
class ReportingDeadlinesAdmin(RoleScopedAdmin):
    list_display = ["branch", "plan_month", "plan_day", "summary_month", "summary_day"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(visible_q(request.user, via="branch"))


class ReadOnlyDocumentAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """Reports and their history are read here and changed only through the pages' services,
    which check roles and states; nobody, a superuser included, edits them in the admin."""

    branch_lookup = "branch"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(visible_q(request.user, via=self.branch_lookup))


@admin.register(Report)
class ReportAdmin(ReadOnlyDocumentAdmin):
    list_display = ["report_label", "branch", "kind", "year", "period", "created_at"]
    list_filter = ["kind", "period", "year"]
    search_fields = ["branch__name", "branch__code"]

    @admin.display(description="报告")
    def report_label(self, report: Report) -> str:
        return report.label


def readable_text(content: dict) -> str:
    """A document's text as it reads on paper, one paragraph a line, instead of its stored JSON."""
    return linebreaksbr("\n".join(text_lines(content)), autoescape=True)


@admin.register(Revision)
class RevisionAdmin(ReadOnlyDocumentAdmin):
    branch_lookup = "report__branch"
    # The files' checksums stay on the change page; a list of 64-digit hex strings tells no one anything.
    list_display = ["report", "number", "state", "version", "updated_at", "approved_at"]
    list_filter = ["state"]
    exclude = ["docx_file", "pdf_file", "content"]
    readonly_fields = ["full_text"]

    @admin.display(description="全文")
    def full_text(self, revision: Revision) -> str:
        return readable_text(revision.content)


@admin.register(Transition)
class TransitionAdmin(ReadOnlyDocumentAdmin):
    branch_lookup = "report__branch"
    list_display = ["at", "report", "revision", "from_state", "to_state", "actor", "note"]
    list_filter = ["to_state"]


@admin.register(ReviewComment)
class ReviewCommentAdmin(ReadOnlyDocumentAdmin):
    branch_lookup = "revision__report__branch"
    list_display = ["created_at", "revision", "target_label", "text", "author", "resolved_at"]


@admin.register(DocumentEdit)
class DocumentEditAdmin(ReadOnlyDocumentAdmin):
    branch_lookup = "revision__report__branch"
    list_display = ["at", "revision", "version", "editor"]
    exclude = ["content", "changes"]
    readonly_fields = ["saved_content"]

    @admin.display(description="保存后的全文")
    def saved_content(self, edit: DocumentEdit) -> str:
        # Most saves keep only their changed lines: show the text as it was after this one.
        return readable_text(history.content_at(edit))


@admin.register(PlanItem)
class PlanItemAdmin(ReadOnlyDocumentAdmin):
    branch_lookup = "report__branch"
    list_display = ["report", "month_label", "text", "category"]


# Who may do what is decided by roles (reports.models.roles), not by Django's groups and per-model
# permissions: those would only offer a list of English permission names that change nothing.
admin.site.unregister(Group)
admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin):
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("个人信息", {"fields": ["first_name", "last_name", "email"]}),
        ("权限", {"fields": ["is_active", "is_staff", "is_superuser"]}),
        ("重要日期", {"fields": ["last_login", "date_joined"]}),
    ]
    list_filter = ["is_staff", "is_superuser", "is_active"]


class PersonalMessageAdmin(ReadOnlyDocumentAdmin):
    """Inbox entries and reminders are one person's messages: only the superuser reads them here
    (to see whether a mail went out, and when); nobody changes them."""

    def has_module_permission(self, request):
        return request.user.is_superuser


@admin.register(Notification)
class NotificationAdmin(PersonalMessageAdmin):
    list_display = ["created_at", "recipient", "kind", "branch", "title", "read_at", "emailed_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient", "branch"]


@admin.register(Reminder)
class ReminderAdmin(PersonalMessageAdmin):
    list_display = ["sent_at", "federation", "branch", "year", "plan_late", "summary_late", "recipient", "sent_by"]
    list_select_related = ["federation", "branch", "recipient", "sent_by"]
