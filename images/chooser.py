"""The admin's image chooser, able to hand back an image whose stored file cannot be read.

Wagtail's chooser widget already shows its "not found" preview for such a file (``images.models``
turns an undecodable file into ``SourceImageIOError``), but the modal's "chosen" answer makes
its preview rendition without that care: picking a damaged image was a server error. Here it
is picked like any other, with an empty preview.
"""

from wagtail.admin.views.generic.chooser import ChosenResponseMixin
from wagtail.images.models import SourceImageIOError
from wagtail.images.views.chooser import ImageChosenMultipleView, ImageChosenView


class PreviewOrPlaceholderMixin:
    def get_chosen_response_data(self, image, preview_image_filter="max-165x165"):
        try:
            return super().get_chosen_response_data(image, preview_image_filter)
        except SourceImageIOError:  # missing or undecodable; logged where the rendition failed
            data = ChosenResponseMixin.get_chosen_response_data(self, image)
            data["preview"] = {"url": "", "width": 0, "height": 0}
            data["default_alt_text"] = image.default_alt_text
            return data


class PortalImageChosenView(PreviewOrPlaceholderMixin, ImageChosenView):
    pass


class PortalImageChosenMultipleView(PreviewOrPlaceholderMixin, ImageChosenMultipleView):
    pass
