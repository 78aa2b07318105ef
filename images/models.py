"""Images go through Wagtail's pipeline; this model adds what a credit line needs."""

import logging

from django.db import models
from PIL import Image as PILImage
from wagtail.images.models import AbstractImage, AbstractRendition, Image, SourceImageIOError

logger = logging.getLogger(__name__)

# What Pillow and Willow raise for a stored file that is there but cannot be decoded: not an
# image (UnidentifiedImageError, Willow's UnrecognisedImageFormatError, both OSError), cut short
# (OSError "image file is truncated"), malformed headers (SyntaxError), or a decompression bomb.
UNREADABLE_IMAGE_ERRORS = (OSError, SyntaxError, PILImage.DecompressionBombError)


class PortalImage(AbstractImage):
    """An uploaded photo: product shot, producer portrait, farm or workshop."""

    credit = models.CharField("nguồn ảnh / tác giả", max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("credit",)

    def generate_rendition_file(self, filter, *, source=None):
        """Wagtail's, with a stored file that cannot be decoded treated as one that is missing.

        Wagtail already draws a "not found" placeholder for a missing file (``SourceImageIOError``)
        everywhere it makes a rendition — ``{% image %}``, ``{% picture %}``, the admin's image
        chooser on every form, the API's rendition fields. A corrupt file (stored before uploads
        were checked, or damaged since) raised something else and took the page or form down.
        Every rendition, one at a time or several at once, is made here.
        """
        try:
            return super().generate_rendition_file(filter, source=source)
        except SourceImageIOError:
            raise
        except UNREADABLE_IMAGE_ERRORS as error:
            logger.warning(
                "image %s (%s) cannot be decoded for %r", self.pk, self.file.name, filter.spec, exc_info=True
            )
            raise SourceImageIOError(f"image {self.pk} cannot be decoded: {error}") from error


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
