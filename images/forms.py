"""The image upload form: a file Pillow cannot read to its end is a form error, not a 500.

Wagtail's image field opens an upload lazily and asks its size in ``check_image_pixel_size``;
a file cut off inside its header raises Pillow's ``OSError`` (or ``UnidentifiedImageError``)
there, uncaught. One cut off inside its pixels passes that check, is stored, and fails later
at every rendition. ``PortalImageField`` turns both into a refusal: after Wagtail's checks it
reads the whole file (a JPEG decoded at an eighth of its size, a PNG checked without decoding).
Set as ``WAGTAILIMAGES_IMAGE_FORM_BASE``.
"""

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .models import PortalImage

UNREADABLE = (
    "Tệp ảnh bị hỏng hoặc không trọn vẹn (có thể bị cắt cụt khi tải lên), nên không đọc được. Hãy tải lên lại tệp gốc."
)


def read_through(file) -> None:
    """Read every byte of the image's pixels; Pillow's ``OSError`` (or ``SyntaxError``/``ValueError``) if it cannot."""
    file.seek(0)
    try:
        with Image.open(file) as picture:
            if picture.format == "PNG":
                picture.verify()  # every chunk and its checksum, nothing decoded
            else:
                if picture.format == "JPEG":
                    picture.draft(picture.mode, (picture.width // 8 or 1, picture.height // 8 or 1))
                picture.load()
    finally:
        file.seek(0)


class PortalImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
            read_through(f)
        except (OSError, SyntaxError, ValueError) as error:  # UnidentifiedImageError is an OSError
            raise ValidationError(UNREADABLE, code="invalid_image") from error


class PortalImageForm(BaseImageForm):
    file = PortalImageField(label=capfirst(PortalImage._meta.get_field("file").verbose_name))
