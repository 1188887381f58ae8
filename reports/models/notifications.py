"""What the system tells people: an inbox entry per recipient, and the federation's 催报 sent."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..choices import NotificationKind


class NotificationQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One message in one user's inbox; mailed as well when she has an address."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="收件人", on_delete=models.CASCADE, related_name="notifications",
        help_text="收到这条消息的用户。",
    )
    kind = models.CharField("类型", max_length=20, choices=NotificationKind.choices, help_text="消息的类型。")
    branch = models.ForeignKey(
        "reports.Branch", verbose_name="工会组织", on_delete=models.CASCADE, related_name="+",
        help_text="消息涉及的工会组织。",
    )
    report = models.ForeignKey(
        "reports.Report", verbose_name="报告", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        help_text="消息涉及的报告；催报没有具体报告。",
    )
    title = models.CharField("标题", max_length=200, help_text="一句话说明发生了什么。")
    body = models.TextField("内容", max_length=5000, blank=True, help_text="详细内容，如退回的意见。")
    link = models.CharField("链接", max_length=500, help_text="打开消息时前往的页面（站内路径）。")
    created_at = models.DateTimeField("时间", auto_now_add=True, help_text="消息产生的时间。")
    read_at = models.DateTimeField("阅读时间", null=True, blank=True, help_text="收件人打开或标为已读的时间。")
    emailed_at = models.DateTimeField("邮件发送时间", null=True, blank=True, help_text="邮件发出的时间；为空表示没有发邮件。")

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = "站内消息"
        verbose_name_plural = "站内消息"
        ordering = ["-created_at", "-id"]
        indexes = [
            # The header's count on every page: a user's unread messages.
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread_idx"),
            # The inbox: a user's messages, newest first.
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.title}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Reminder(models.Model):
    """One 催报 sent by a federation's officer to one person of a late union."""

    federation = models.ForeignKey(
        "reports.Branch", verbose_name="总工会", on_delete=models.CASCADE, related_name="+",
        help_text="发出催报的总工会。",
    )
    branch = models.ForeignKey(
        "reports.Branch", verbose_name="被催报工会", on_delete=models.CASCADE, related_name="reminders",
        help_text="逾期未报送、收到催报的工会。",
    )
    year = models.PositiveSmallIntegerField("年度", help_text="催报的报告所属年度。")
    plan_late = models.BooleanField("催报工作计划", default=False, help_text="是否催报当年的工作计划。")
    summary_late = models.BooleanField("催报工作总结", default=False, help_text="是否催报当年的工作总结。")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="收件人", on_delete=models.CASCADE, related_name="+",
        help_text="收到催报的工会干事或主席。",
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发送人", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", help_text="发出催报的上级工会工作人员。",
    )
    # One time for the whole send: the page groups the latest reminders of a union by it.
    sent_at = models.DateTimeField("发送时间", default=timezone.now, help_text="发出催报的时间。")
    notification = models.OneToOneField(
        Notification, verbose_name="站内消息", on_delete=models.CASCADE, related_name="reminder",
        help_text="随催报发给收件人的站内消息（由它看是否已读）。",
    )

    class Meta:
        verbose_name = "催报记录"
        verbose_name_plural = "催报记录"
        ordering = ["-sent_at", "-id"]
        indexes = [models.Index(fields=["branch", "year", "-sent_at"], name="reminder_latest_idx")]

    def __str__(self) -> str:
        return f"{self.branch} {self.year}年 → {self.recipient}"
