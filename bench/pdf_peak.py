"""Peak memory of one PDF export in a fresh process: python bench/pdf_peak.py REPORT_PK -> MB."""
import resource
import sys

from common import setup_django

setup_django()
from reports.documents.snapshot import snapshot_of  # noqa: E402
from reports.exporting.pdf import render_pdf  # noqa: E402
from reports.models import Report  # noqa: E402

render_pdf(snapshot_of(Report.objects.get(pk=int(sys.argv[1]))))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
