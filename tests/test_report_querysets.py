"""The named report and revision querysets select what their names say."""
from reports.documents import services
from reports.models import Report, Revision

from .reviews import approve


def test_approved_annual_summaries_leave_out_drafts_half_years_and_plans(cast, last_year):
    annual = services.create_summary(branch=cast.school, year=last_year, user=None)
    half = services.create_summary(branch=cast.school, year=last_year, half=True, user=None)
    plan = services.create_plan(branch=cast.school, year=last_year, user=None)
    earlier = services.create_summary(branch=cast.school, year=last_year - 1, user=None)
    for report in (annual, half, plan):
        approve(report, secretary=cast.alice, chair=cast.carol)
    draft = services.create_summary(branch=cast.plant, year=last_year, user=None)

    counted = Revision.objects.approved_annual_summaries(last_year)
    assert list(counted.values_list("report", flat=True)) == [annual.pk]
    assert set(Revision.objects.of_annual_summaries(last_year).values_list("report", flat=True)) == {annual.pk, draft.pk}
    assert set(Revision.objects.approved_annual_summaries().values_list("report", flat=True)) == {annual.pk}
    assert set(Report.objects.summaries().annual()) == {annual, earlier, draft}
    assert annual.is_annual_summary and not half.is_annual_summary and not plan.is_annual_summary
