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
        from django.db.models.signals import post_save

        from core import publishing

        from . import tasks
        from .models import PortalImage

        # A new upload is on no public page yet; a changed one (file, focal point, credit) may be.
        publishing.watch(PortalImage, created_is_public=False)
        # Renditions made ahead, in the background: for pages just made public, and for the
        # pages already showing an image whose file or focal point changed.
        publishing.subscribe(tasks.on_public_change, after_commit=True)
        post_save.connect(tasks.on_image_saved, sender=PortalImage, dispatch_uid="images-renditions-ahead")
