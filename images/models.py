"""Images go through Wagtail's pipeline; this model adds what a credit line needs."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PortalImage(AbstractImage):
    """An uploaded photo: product shot, producer portrait, farm or workshop."""

    credit = models.CharField("nguồn ảnh / tác giả", max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("credit",)


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
