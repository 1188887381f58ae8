"""Upload forms for workbooks. Size and type are checked again, and safely, by reports.workbook."""
from django import forms


class WorkbookUploadForm(forms.Form):
    file = forms.FileField(
        label="Excel 工作簿",
        help_text="请上传 .xlsx 格式的工作簿（可先下载模板，用 Excel 或 WPS 填写）。",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )
