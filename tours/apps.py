from django.apps import AppConfig


class ToursConfig(AppConfig):
    """360° panoramas, virtual tours and 3D models on product, producer and story pages."""

    name = "tours"
    verbose_name = "Ảnh 360° và tham quan ảo"

    def ready(self):
        from accounts.owned import register_owner_scoped

        from .models import Model3D, Panorama, Tour

        # Each names its owner in its ``producer`` field (empty: managed by the editors).
        register_owner_scoped(Panorama, refusal="Bạn chỉ có thể chọn ảnh 360° của chủ thể mình.")
        register_owner_scoped(Tour, refusal="Bạn chỉ có thể chọn chuyến tham quan ảo của chủ thể mình.")
        register_owner_scoped(Model3D, refusal="Bạn chỉ có thể chọn mô hình 3D của chủ thể mình.")
        from core import publishing

        # Shown on product, producer and story pages; which ones is not worth a query.
        for model in (Panorama, Tour, Model3D):
            publishing.watch(model)
