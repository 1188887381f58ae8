from django.urls import path

from .views import branch_info, branches, dashboard, documents, excel, federation, health, ledgers

app_name = "reports"

urlpatterns = [
    path("", branches.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("b/<slug:code>/", dashboard.branch_home, name="branch_home"),
    path("b/<slug:code>/info/", branch_info.branch_info, name="branch_info"),
    path("b/<slug:code>/ledger/<slug:slug>/", ledgers.ledger_list, name="ledger"),
    path("b/<slug:code>/ledger/<slug:slug>/new/", ledgers.record_form, name="record_add"),
    path("b/<slug:code>/ledger/<slug:slug>/<int:pk>/edit/", ledgers.record_form, name="record_edit"),
    path("b/<slug:code>/ledger/<slug:slug>/<int:pk>/delete/", ledgers.record_delete, name="record_delete"),
    path("b/<slug:code>/excel/", excel.excel_page, name="excel"),
    path("b/<slug:code>/excel/template.xlsx", excel.excel_template, name="excel_template"),
    path("b/<slug:code>/excel/export.xlsx", excel.excel_export, name="excel_export"),
    path("b/<slug:code>/documents/", documents.document_list, name="documents"),
    path("b/<slug:code>/documents/new/", documents.document_create, name="document_create"),
    path("b/<slug:code>/documents/<int:pk>/", documents.document_detail, name="document"),
    path("b/<slug:code>/documents/<int:pk>/edit/", documents.document_edit, name="document_edit"),
    path("b/<slug:code>/documents/<int:pk>/refresh/", documents.document_refresh, name="document_refresh"),
    path("b/<slug:code>/documents/<int:pk>/preview/", documents.document_preview, name="document_preview"),
    path("b/<slug:code>/documents/<int:pk>/download.docx", documents.document_download, {"fmt": "docx"}, name="document_docx"),
    path("b/<slug:code>/documents/<int:pk>/download.pdf", documents.document_download, {"fmt": "pdf"}, name="document_pdf"),
    path("b/<slug:code>/documents/<int:pk>/r/<int:number>/", documents.revision_detail, name="revision"),
    path("b/<slug:code>/documents/<int:pk>/r/<int:number>/download.docx", documents.document_download, {"fmt": "docx"}, name="revision_docx"),
    path("b/<slug:code>/documents/<int:pk>/r/<int:number>/download.pdf", documents.document_download, {"fmt": "pdf"}, name="revision_pdf"),
    path("b/<slug:code>/documents/<int:pk>/typical/", documents.typical_practices, name="typical_practices"),
    path("b/<slug:code>/documents/<int:pk>/diff/", documents.revision_diff, name="revision_diff"),
    path("b/<slug:code>/documents/<int:pk>/submit/", documents.document_submit, name="document_submit"),
    path("b/<slug:code>/documents/<int:pk>/return/", documents.document_return, name="document_return"),
    path("b/<slug:code>/documents/<int:pk>/approve/", documents.document_approve, name="document_approve"),
    path("b/<slug:code>/documents/<int:pk>/reopen/", documents.document_reopen, name="document_reopen"),
    path("b/<slug:code>/documents/<int:pk>/comments/<int:comment_pk>/resolve/", documents.comment_resolve, name="comment_resolve"),
    path("b/<slug:code>/board/", federation.board, name="board"),
    path("b/<slug:code>/board/export.xlsx", federation.board_export, name="board_export"),
    path("b/<slug:code>/board/reminders/", federation.reminders, name="reminders"),
    path("b/<slug:code>/board/deadlines/", federation.set_deadlines, name="set_deadlines"),
    path("b/<slug:code>/totals/", federation.totals, name="totals"),
    path("b/<slug:code>/totals/export.xlsx", federation.totals_export, name="totals_export"),
    path("branches/import/", excel.branches_import, name="branches_import"),
]
