from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalogue"
    label = "catalogue"
    verbose_name = "Danh mục sản phẩm OCOP"

    def ready(self):
        from core import publishing

        from .models import Certification, Marketplace, ProductCategory

        # Shown on many product pages at once (a category's name, a marketplace's logo).
        for model in (ProductCategory, Certification, Marketplace):
            publishing.watch(model)
