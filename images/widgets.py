"""The admin's image chooser, able to show a chosen image whose stored file cannot be read.

Wagtail's chooser draws a preview rendition and falls back to a "not found" image only for a
missing file (``SourceImageIOError``); a stored file that is corrupt (``UnidentifiedImageError``,
Willow's ``UnrecognisedImageFormatError``, a truncated read — all ``OSError``) crashed every form
that shows it. Uploads are checked now (``images.forms``); this covers files stored before or
damaged since. Used by the panorama and 3D model forms (``tours/wagtail_hooks.py``).
"""

import logging

from PIL import Image as PILImage
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.images.widgets import AdminImageChooser

logger = logging.getLogger(__name__)


class PortalImageChooser(AdminImageChooser):
    def get_value_data_from_instance(self, instance):
        try:
            return super().get_value_data_from_instance(instance)
        except (OSError, SyntaxError, PILImage.DecompressionBombError):
            logger.warning(
                "image %s (%s) cannot be read for its preview", instance.pk, instance.file.name, exc_info=True
            )
            data = BaseChooser.get_value_data_from_instance(self, instance)
            data["preview"] = {"url": "", "width": 0, "height": 0}
            data["default_alt_text"] = instance.default_alt_text
            return data
