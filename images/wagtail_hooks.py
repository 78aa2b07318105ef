from wagtail import hooks
from wagtail.images.views.chooser import viewset as image_chooser_viewset

from .chooser import PortalImageChosenMultipleView, PortalImageChosenView
from .operations import OcopBadgeOperation

# Wagtail registers this viewset itself; its URLs are built after every app's hooks are loaded,
# so the views set here are the ones served.
image_chooser_viewset.chosen_view_class = PortalImageChosenView
image_chooser_viewset.chosen_multiple_view_class = PortalImageChosenMultipleView


@hooks.register("register_image_operations")
def register_ocop_operations():
    return [("ocopbadge", OcopBadgeOperation)]
