from django.apps import AppConfig


class ToursConfig(AppConfig):
    """360° panoramas, virtual tours and 3D models on product, producer and story pages."""

    name = "tours"
    verbose_name = "Ảnh 360° và tham quan ảo"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import Model3D, Panorama, Tour
        from .permissions import ProducerOwnedPermissionPolicy

        # Before the admin asks for them, or Wagtail would settle on plain model policies.
        for model in (Panorama, Tour, Model3D):
            register_permission_policy(model, ProducerOwnedPermissionPolicy(model))
        from core import publishing

        # Shown on product, producer and story pages; which ones is not worth a query.
        for model in (Panorama, Tour, Model3D):
            publishing.watch(model)
