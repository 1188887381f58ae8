"""One meeting per branch, kind, day and session; a payment to one named member is one 人次.

Rows kept before these rules are made to satisfy them without losing anything: a repeated meeting
keeps its figures and has （重复n） added to its session, so the secretary can find and merge it; a
payment to a member with several 人次 keeps its figures and names the member in its description
instead of linking one person to a group's count.
"""
from django.db import migrations, models

DUPLICATE_MARK = "（重复{n}）"


def mark_repeated_meetings(apps, schema_editor):
    Meeting = apps.get_model("reports", "Meeting")
    seen = {}
    for meeting in Meeting.objects.order_by("pk").iterator():
        key = (meeting.branch_id, meeting.kind, meeting.date, meeting.session)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            mark = DUPLICATE_MARK.format(n=seen[key])
            meeting.session = meeting.session[: 40 - len(mark)] + mark
            meeting.save(update_fields=["session"])


def describe_group_payments(apps, schema_editor):
    WelfarePayment = apps.get_model("reports", "WelfarePayment")
    for payment in WelfarePayment.objects.filter(member__isnull=False, headcount__gt=1).select_related("member"):
        payment.recipients = payment.recipients or payment.member.name
        payment.member = None
        payment.save(update_fields=["recipients", "member"])


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0019_deadlines_per_year'),
    ]

    operations = [
        migrations.RunPython(mark_repeated_meetings, migrations.RunPython.noop),
        migrations.RunPython(describe_group_payments, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.UniqueConstraint(fields=('branch', 'kind', 'date', 'session'), name='meeting_once_per_day_and_session', violation_error_message='本工会在这一天已经记录了同一届次的这种会议，请勿重复登记；如确是另一次会议，请在届次中注明。'),
        ),
        migrations.AddConstraint(
            model_name='welfarepayment',
            constraint=models.CheckConstraint(condition=models.Q(('member__isnull', True), ('headcount', 1), _connector='OR'), name='welfare_one_member_one_headcount', violation_error_message='选了一位会员时人次只能为 1；发给多人时请不选会员，在“对象说明”中写明对象并填写总人次。'),
        ),
    ]
