"""The authenticity review: a Wagtail workflow task whose reviewer records evidence.

A story goes live only when the revision being published has an approved
``AuthenticityReviewTaskState`` (``StoryPage.save`` refuses otherwise). The
reviewer records how the story was verified (``VerificationEvidence``: site
visit, interview, documents, photos — each dated, with notes and an optional
file kept in private storage) and then approves or sends the story back.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.models import AbstractGroupApprovalTask, TaskState
from wagtail.models.workflows import BaseTaskStateManager, TaskStateQuerySet

from stories.review.decisions import ApproveStoryForm, SendBackForm

from .choices import Attribution, VerificationMethod

DEFAULT_DESK_NAME = "Ban biên tập Cổng OCOP"


def vietnamese_date(day) -> str:
    return day.strftime("%d/%m/%Y")


class ReviewTaskStateQuerySet(TaskStateQuerySet):
    def approved_for_revision(self, revision_id):
        return self.filter(revision_id=revision_id, status=TaskState.STATUS_APPROVED)


class AuthenticityReviewTaskState(TaskState):
    """One review of one revision; on approval, it is the story's public verification record."""

    attribution = models.CharField(
        "ghi công xác minh", max_length=10, choices=Attribution.choices, default=Attribution.DESK
    )
    public_note = models.CharField(
        "ghi chú công khai",
        max_length=300,
        blank=True,
        help_text="Hiện dưới dòng “Đã xác minh”; không ghi thông tin riêng tư.",
    )

    objects = BaseTaskStateManager.from_queryset(ReviewTaskStateQuerySet)()

    class Meta:
        verbose_name = "lượt thẩm định câu chuyện"
        verbose_name_plural = "lượt thẩm định câu chuyện"
        permissions = [("view_evidence", "Xem hồ sơ và tệp bằng chứng thẩm định")]

    @property
    def workflow_evidence(self):
        """Evidence recorded during this workflow run (kept across a send-back and resubmission)."""
        return VerificationEvidence.objects.filter(review__workflow_state_id=self.workflow_state_id).order_by(
            "checked_on", "pk"
        )

    @property
    def verifier_name(self) -> str:
        if self.attribution == Attribution.REVIEWER and self.finished_by:
            name = self.finished_by.get_full_name().strip()
            if name:
                return name
        return self.task.specific.desk_name

    def public_summary(self) -> dict:
        methods = {}
        for item in self.workflow_evidence:
            methods.setdefault(item.method, item)  # earliest check of each kind
        verified_on = timezone.localdate(self.finished_at) if self.finished_at else None
        return {
            "verified_by": self.verifier_name,
            "verified_on": verified_on.isoformat() if verified_on else None,
            "verified_on_display": vietnamese_date(verified_on) if verified_on else "",
            "note": self.public_note,
            "methods": [
                {
                    "method": item.method,
                    "label": item.get_method_display(),
                    "checked_on": item.checked_on.isoformat(),
                    "checked_on_display": vietnamese_date(item.checked_on),
                }
                for item in methods.values()
            ],
        }

    def get_comment(self):
        return self.comment


class AuthenticityReviewTask(AbstractGroupApprovalTask):
    """Members of the chosen groups verify that a story is true, with evidence, before it goes live."""

    desk_name = models.CharField(
        "tên đơn vị thẩm định",
        max_length=160,
        default=DEFAULT_DESK_NAME,
        help_text="Hiện trên trang công khai khi người thẩm định không ghi tên mình.",
    )

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["desk_name"]
    task_state_class = AuthenticityReviewTaskState

    class Meta:
        verbose_name = "Thẩm định tính xác thực"
        verbose_name_plural = "Thẩm định tính xác thực"

    @classmethod
    def get_description(cls):
        return "Người thẩm định ghi lại cách đã xác minh câu chuyện (kèm bằng chứng) rồi duyệt hoặc trả lại."

    def user_can_review(self, user) -> bool:
        return user.is_active and (user.is_superuser or self._user_in_groups(user))

    def get_actions(self, obj, user):
        if not self.user_can_review(user):
            return []
        return [
            ("reject", "Trả lại để sửa", True),
            ("approve", "Duyệt: đã xác minh", True),
        ]

    def get_form_for_action(self, action):
        return ApproveStoryForm if action == "approve" else SendBackForm

    def get_template_for_action(self, action):
        return "stories/admin/review_action_modal.html"

    def on_action(self, task_state, user, action_name, **kwargs):
        task_state = task_state.specific
        if not self.user_can_review(user):
            raise PermissionDenied
        if action_name == "approve":
            self.approve_with_evidence(task_state, user, **kwargs)
        elif action_name == "reject":
            comment = (kwargs.get("comment") or "").strip()
            if not comment:
                raise PermissionDenied("Hãy ghi lý do trả lại để chủ thể biết cần sửa gì.")
            task_state.reject(user=user, comment=comment)
        else:
            raise PermissionDenied
        return reverse("story_reviews:queue")

    def approve_with_evidence(self, task_state, user, attribution=Attribution.DESK, public_note="", comment=""):
        if not task_state.workflow_evidence.exists():
            raise PermissionDenied("Chưa ghi bằng chứng xác minh nào: hãy ghi hồ sơ trước khi duyệt.")
        story = task_state.workflow_state.content_object
        latest = story.get_latest_revision()
        if latest.pk != task_state.revision_id:
            # The reviewer may edit while approving ("edit and approve"); anyone
            # else's later change has not been reviewed and must not ride along.
            if latest.user_id != user.pk or latest.created_at < task_state.started_at:
                raise PermissionDenied("Câu chuyện đã được sửa sau khi gửi thẩm định: hãy xem lại bản mới nhất.")
            task_state.revision = latest
        task_state.attribution = attribution if attribution in Attribution.values else Attribution.DESK
        task_state.public_note = (public_note or "").strip()[:300]
        task_state.save(update_fields=["revision", "attribution", "public_note"])
        task_state.approve(user=user, comment=comment or "")

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self.user_can_review(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()


# --- evidence -------------------------------------------------------------------------------

EVIDENCE_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png", ".webp"}
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024
# What each accepted kind of file starts with: the extension alone proves nothing.
EVIDENCE_SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".webp": (b"RIFF",),
}


def private_storage():
    return storages["private"]


def evidence_upload_path(instance, filename):
    # A random name: the original (often a person's name or ID number) stays in the database only.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"evidence/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def validate_evidence_file(upload):
    suffix = PurePosixPath(upload.name).suffix.lower()
    if suffix not in EVIDENCE_EXTENSIONS:
        raise ValidationError("Chỉ nhận tệp PDF, JPEG, PNG hoặc WebP.")
    if upload.size > EVIDENCE_MAX_BYTES:
        raise ValidationError("Tệp quá lớn: tối đa 20 MB.")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(EVIDENCE_SIGNATURES[suffix]) or (suffix == ".webp" and head[8:12] != b"WEBP"):
        raise ValidationError("Nội dung tệp không đúng với loại tệp (hỏng hoặc bị đổi đuôi).")


class VerificationEvidence(models.Model):
    """One check a reviewer made: how, when, what was seen, and optionally a file."""

    review = models.ForeignKey(AuthenticityReviewTaskState, on_delete=models.CASCADE, related_name="evidence")
    method = models.CharField("cách xác minh", max_length=20, choices=VerificationMethod.choices)
    checked_on = models.DateField("ngày kiểm tra")
    notes = models.TextField("ghi chú", help_text="Đã gặp ai, xem gì, thấy gì. Chỉ người thẩm định và biên tập xem.")
    file = models.FileField(
        "tệp bằng chứng",
        storage=private_storage,
        upload_to=evidence_upload_path,
        blank=True,
        validators=[validate_evidence_file],
        help_text="Không bắt buộc. PDF hoặc ảnh, tối đa 20 MB; lưu riêng, không công khai.",
    )
    original_filename = models.CharField(max_length=255, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bằng chứng xác minh"
        verbose_name_plural = "bằng chứng xác minh"
        ordering = ["checked_on", "pk"]

    def __str__(self):
        return f"{self.get_method_display()} ({vietnamese_date(self.checked_on)})"

    def clean(self):
        if self.checked_on and self.checked_on > timezone.localdate():
            raise ValidationError({"checked_on": "Ngày kiểm tra không thể ở tương lai."})

    def get_download_url(self) -> str:
        return reverse("story_reviews:evidence_file", args=[self.pk])
