"""Field validators shared by the record models; messages are what a secretary reads."""
from django.core.exceptions import ValidationError
from django.utils import timezone


def not_in_future(value):
    """Records describe what already happened, so their dates cannot lie after today."""
    if value and value > timezone.localdate():
        raise ValidationError("日期不能晚于今天。", code="date_in_future")
