from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and the national-scale generator: `load_demo`, `generate_catalog`.

    Installed in development, tests and benchmarks only; no application code imports it,
    so production carries none of it.
    """

    name = "demo"
    verbose_name = "Dữ liệu mẫu"
