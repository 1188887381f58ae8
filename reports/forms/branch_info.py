"""The 本会信息 form: what a union's own secretary keeps about it (the 入会率 denominator, the party
organisation that leads it, how the unit calls itself). The tree and the sector stay with the admin."""
from django import forms
from django.core.validators import MaxValueValidator

from ..models import Branch


# Far above any single unit's staff, and the same on every database (SQLite has no integer limit).
MAX_WORKFORCE = 1_000_000


class BranchInfoForm(forms.ModelForm):
    class Meta:
        model = Branch
        fields = ["workforce", "unit_kind", "party_organisation"]
        help_texts = {
            "workforce": "单位在岗职工总数（含非会员），是计算入会率的分母。",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        workforce = self.fields["workforce"]
        workforce.validators.append(MaxValueValidator(MAX_WORKFORCE, f"职工总数不能超过 {MAX_WORKFORCE}。"))
        workforce.widget.attrs["max"] = MAX_WORKFORCE
        self.fields["unit_kind"].choices = [("", "（按名称和行业自动确定）")] + list(self.fields["unit_kind"].choices)[1:]
        words = self.instance.unit_words()
        self.fields["party_organisation"].widget.attrs["placeholder"] = f"留空时写作“{words.party_organisation}”"
