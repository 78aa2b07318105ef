"""Forms the reviewer fills in: the evidence of each check, and the decision."""

from django import forms

from stories.models import Attribution, VerificationEvidence


class EvidenceForm(forms.ModelForm):
    class Meta:
        model = VerificationEvidence
        fields = ["method", "checked_on", "notes", "file"]
        widgets = {
            "checked_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class ApproveStoryForm(forms.Form):
    """The decision to publish; its data goes to ``AuthenticityReviewTask.on_action`` (JSON-safe values only)."""

    attribution = forms.ChoiceField(
        label="Ghi công trên trang công khai", choices=Attribution.choices, initial=Attribution.DESK
    )
    public_note = forms.CharField(
        label="Ghi chú công khai",
        max_length=300,
        required=False,
        help_text="Ví dụ: “Phóng viên đã đến vườn bơ ngày 12/3.” Không ghi thông tin riêng tư.",
    )
    comment = forms.CharField(label="Nhận xét cho người gửi", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label="Cần sửa gì",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Chủ thể nhận được góp ý này qua thư điện tử và trên trang quản trị.",
        error_messages={"required": "Hãy ghi lý do trả lại để chủ thể biết cần sửa gì."},
    )
