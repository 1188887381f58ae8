"""The Django admin, in Chinese, scoped by the same rules as the pages.

A superuser sees everything. A staff user with roles sees only the branches and records those
roles let them read, and changes only what they could change in the pages; permissions come from
roles, not from Django's per-model permission table.
"""
import json

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .access import can_edit_records
from .documents import history
from .models import (
    Activity,
    Branch,
    DocumentEdit,
    Honor,
    Meeting,
    Member,
    PlanItem,
    Report,
    ReportingDeadlines,
    ReviewComment,
    Revision,
    Role,
    Transition,
    WelfarePayment,
)
from .models.scoping import EDITOR_KINDS, held_roles, visible_q


def _is_editor(user) -> bool:
    return any(r.kind in EDITOR_KINDS for r in held_roles(user))


class RoleScopedAdmin(SimpleHistoryAdmin):
    """Base for every model admin: role-based permissions instead of model permissions, and the
    history page (历史) of every change."""

    def has_module_permission(self, request):
        user = request.user
        return user.is_active and user.is_staff and (user.is_superuser or bool(held_roles(user)))

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class BranchOwnedAdmin(RoleScopedAdmin):
    """Records of a branch: visible as in the pages, editable by the branch's secretary and chair."""

    list_select_related = ["branch"]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def has_add_permission(self, request):
        return request.user.is_superuser or (request.user.is_staff and _is_editor(request.user))

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return self.has_add_permission(request)
        return can_edit_records(request.user, obj.branch)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "branch":
            kwargs["queryset"] = Branch.objects.editable_by(request.user)
        elif db_field.name == "member":
            kwargs["queryset"] = Member.objects.editable_by(request.user).select_related("branch")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Branch)
class BranchAdmin(RoleScopedAdmin):
    list_display = ["name", "code", "kind", "sector", "parent", "workforce"]
    list_filter = ["kind", "sector"]
    search_fields = ["name", "short_name", "code"]
    readonly_fields = ["path", "depth"]
    autocomplete_fields = ["parent"]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user).select_related("parent")


@admin.register(Role)
class RoleAdmin(RoleScopedAdmin):
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
    list_display = ["title", "branch", "category", "start_date", "participants", "cost"]
    list_filter = ["category"]
    search_fields = ["title", "place"]
    date_hierarchy = "start_date"


@admin.register(WelfarePayment)
class WelfarePaymentAdmin(BranchOwnedAdmin):
    list_display = ["date", "branch", "reason", "recipient_label", "headcount", "cash", "goods_value"]
    list_filter = ["reason", "fund_source"]
    search_fields = ["recipients", "member__name", "notes"]
    date_hierarchy = "date"
    list_select_related = ["branch", "member"]

    @admin.display(description="对象")
    def recipient_label(self, obj):
        return obj.recipient_label


@admin.register(Honor)
class HonorAdmin(BranchOwnedAdmin):
    list_display = ["date", "title", "branch", "level", "awarding_body", "recipient_kind"]
    list_filter = ["level", "recipient_kind"]
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


class ReadOnlyDocumentAdmin(admin.ModelAdmin):
    """Reports and their history are read here and changed only through the pages' services,
    which check roles and states; nobody, a superuser included, edits them in the admin."""

    branch_lookup = "branch"

    def has_module_permission(self, request):
        user = request.user
        return user.is_active and user.is_staff and (user.is_superuser or bool(held_roles(user)))

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

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
    list_display = ["label", "branch", "kind", "year", "period", "created_at"]
    list_filter = ["kind", "period", "year"]
    search_fields = ["branch__name", "branch__code"]


@admin.register(Revision)
class RevisionAdmin(ReadOnlyDocumentAdmin):
    branch_lookup = "report__branch"
    list_display = ["report", "number", "state", "version", "updated_at", "approved_at", "pdf_sha256"]
    list_filter = ["state"]
    exclude = ["docx_file", "pdf_file"]


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
    readonly_fields = ["saved_content"]

    @admin.display(description="保存后的全文")
    def saved_content(self, edit: DocumentEdit) -> str:
        # Most saves keep only their changed lines: show the text as it was after this one.
        return json.dumps(history.content_at(edit), ensure_ascii=False, indent=1)


@admin.register(PlanItem)
class PlanItemAdmin(ReadOnlyDocumentAdmin):
    branch_lookup = "report__branch"
    list_display = ["report", "month_label", "text", "category"]
