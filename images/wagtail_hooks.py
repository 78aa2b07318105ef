from wagtail import hooks

from .operations import OcopBadgeOperation


@hooks.register("register_image_operations")
def register_ocop_operations():
    return [("ocopbadge", OcopBadgeOperation)]
