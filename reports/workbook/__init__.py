"""The Excel engine: the template, a branch's export, and the all-or-nothing imports.

    build_template() -> bytes                                # with a 说明 sheet and example rows
    export_branch(branch) -> bytes
    export_sheet(spec, records) -> bytes                      # one kind's rows, e.g. a filtered ledger
    export_area(records_of, start, end) -> bytes             # a federation's area, with a 单位 column
    import_workbook(branch, fileobj, actor=) -> ImportResult   # the five record sheets
    import_branches(fileobj, actor=) -> ImportResult           # the 工会组织 sheet

Imports raise WorkbookRejected, having saved nothing, with every Problem found, and
access.PermissionDenied for an actor who may not import (actor None is the system).
"""
from .branches import import_branches
from .exporter import export_area, export_branch, export_sheet, sheet_of
from .importer import import_workbook
from .reader import MAX_UPLOAD_BYTES
from .results import ImportResult, Problem, WorkbookRejected
from .template import build_template

__all__ = [
    "MAX_UPLOAD_BYTES",
    "ImportResult",
    "Problem",
    "WorkbookRejected",
    "build_template",
    "export_area",
    "export_branch",
    "export_sheet",
    "import_branches",
    "import_workbook",
    "sheet_of",
]
