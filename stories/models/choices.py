"""The review's choices: how a story was checked, and how the public page credits the check."""

from django.db import models


class VerificationMethod(models.TextChoices):
    SITE_VISIT = "site_visit", "Đến tận cơ sở sản xuất"
    INTERVIEW = "interview", "Phỏng vấn chủ thể"
    DOCUMENTS = "documents", "Đối chiếu giấy tờ, hồ sơ"
    PHOTOS = "photos", "Kiểm tra ảnh, video"


class Attribution(models.TextChoices):
    DESK = "desk", "Ghi tên đơn vị thẩm định"
    REVIEWER = "reviewer", "Ghi tên tôi"
