"""The form a reviewer records each check with (the decision's forms are in ``decisions``)."""

from django import forms

from stories.models import VerificationEvidence


class EvidenceForm(forms.ModelForm):
    class Meta:
        model = VerificationEvidence
        fields = ["method", "checked_on", "notes", "file"]
        widgets = {
            "checked_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
