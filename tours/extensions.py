"""What tours add to the pages and roles of the apps below them (``core.extension_points``).
Registered with Wagtail's hooks; imported by ``tours/wagtail_hooks.py``.
"""

from wagtail import hooks

from accounts.roles import EDITORS, PRODUCERS, grant
from catalogue.models import ProducerPage, ProductPage
from core.extension_points import PAGE_SECTIONS, ROLES, Section

OWNED_MODELS = ("panorama", "tour", "model3d")


@hooks.register(PAGE_SECTIONS)
def tour_sections(page):
    if isinstance(page, ProductPage):
        return [
            Section("end", "tours/sections/tour.html", order=100),
            Section("end", "tours/sections/model3d.html", order=200),
        ]
    if isinstance(page, ProducerPage):
        return [Section("end", "tours/sections/tour.html", order=100)]
    return ()


@hooks.register(ROLES)
def tour_roles(groups, tree):
    grant(
        groups[EDITORS],
        *(f"tours.{action}_{model}" for model in OWNED_MODELS for action in ("add", "change", "delete", "view")),
    )
    # Only ever on their own (the owner-scoped admin sees to it); a producer never deletes one.
    grant(
        groups[PRODUCERS],
        *(f"tours.{action}_{model}" for model in OWNED_MODELS for action in ("add", "change", "view")),
    )
