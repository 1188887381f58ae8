"""Roles are data: a user holds a role on a branch, and may hold several."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import BranchKind, RoleKind


class Role(models.Model):
    """A user's role on one branch: secretary, chair, or officer of a federation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="union_roles",
        help_text="担任该角色的用户。",
    )
    branch = models.ForeignKey(
        "reports.Branch",
        verbose_name="工会组织",
        on_delete=models.CASCADE,
        related_name="roles",
        help_text="角色所在的工会组织。上级工会工作人员的角色只能设在总工会上。",
    )
    kind = models.CharField(
        "角色",
        max_length=20,
        choices=RoleKind.choices,
        help_text="工会干事/秘书：登记台账、起草报告；工会主席：另可审核、批准；"
        "上级工会工作人员：查阅和审核本级总工会及全部下级组织。",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "角色"
        verbose_name_plural = "角色"
        ordering = ["branch__path", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "branch", "kind"],
                name="role_unique_per_user_branch_kind",
                violation_error_message="该用户在这个工会组织已有这个角色。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.branch} · {self.get_kind_display()}"

    def clean(self):
        super().clean()
        if self.kind == RoleKind.OFFICER and self.branch_id and self.branch.kind != BranchKind.FEDERATION:
            raise ValidationError(
                {"branch": "上级工会工作人员的角色只能设在总工会上。"}, code="officer_not_federation"
            )
