from django.apps import AppConfig


class MediaConfig(AppConfig):
    """Images and, later, 360° and 3D media.

    The package is ``images`` because a folder called ``media/`` reads as
    uploaded files (and is ignored as such); the app label stays ``media``, which
    the migrations and ``WAGTAILIMAGES_IMAGE_MODEL`` name.
    """

    name = "images"
    label = "media"
    verbose_name = "Hình ảnh và đa phương tiện"

    def ready(self):
        from core import publishing

        from .models import PortalImage

        # A new upload is on no public page yet; a changed one (file, focal point, credit) may be.
        publishing.watch(PortalImage, created_is_public=False)
