from django.apps import AppConfig


class ToursConfig(AppConfig):
    """360° panoramas (and, next, virtual tours and 3D models) on product, producer and story pages."""

    name = "tours"
    verbose_name = "Ảnh 360° và tham quan ảo"
