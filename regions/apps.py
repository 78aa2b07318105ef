from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "regions"
    label = "regions"
    verbose_name = "Đơn vị hành chính"

    def ready(self):
        from core import publishing

        from .models import EconomicRegion, FormerProvince, Province, Ward

        for model in (EconomicRegion, Province, Ward, FormerProvince):
            publishing.watch(model)
