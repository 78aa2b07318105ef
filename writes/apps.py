from django.apps import AppConfig


class WritesConfig(AppConfig):
    name = "writes"
    verbose_name = "Ghi dữ liệu bằng mã truy cập API"
