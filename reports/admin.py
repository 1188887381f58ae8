"""The Django admin, in Chinese, scoped by the same rules as the pages.

A superuser sees everything. A staff user with roles sees only the branches and records those
roles let them read, and changes only what they could change in the pages; permissions come from
roles, not from Django's per-model permission table.
"""
from django.contrib import admin

from .access import can_edit_records
from .models import Activity, Branch, Honor, Meeting, Member, Role, WelfarePayment
from .models.scoping import EDITOR_KINDS, held_roles


def _is_editor(user) -> bool:
    return any(r.kind in EDITOR_KINDS for r in held_roles(user))


class RoleScopedAdmin(admin.ModelAdmin):
    """Base for every model admin: role-based permissions instead of model permissions."""

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
