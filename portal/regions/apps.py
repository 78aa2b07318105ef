from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "portal.regions"
    label = "regions"
    verbose_name = "Đơn vị hành chính"
