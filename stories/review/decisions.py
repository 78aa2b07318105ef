"""The reviewer's decision: approve (with how the page credits the check) or send back.

The review task hands these to Wagtail (``AuthenticityReviewTask.get_form_for_action``); they
name only the review's choices, so the task can import them without importing itself back.
"""

from django import forms

from stories.models.choices import Attribution


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
