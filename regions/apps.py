from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "regions"
    label = "regions"
    verbose_name = "Đơn vị hành chính"
