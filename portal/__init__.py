"""OCOP Portal: the Django/Wagtail project and the product catalogue apps."""
