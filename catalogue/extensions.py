"""What the catalogue grants the editorial roles (``core.extension_points.ROLES``).
Registered with Wagtail's hooks; imported by ``catalogue/wagtail_hooks.py``.
"""

from wagtail import hooks

from accounts.roles import EDITORS, PRODUCERS, ensure_group_approval, grant, grant_pages
from core.extension_points import ROLES

CONTENT_WORKFLOW = "Duyệt nội dung"
CONTENT_TASK = "Biên tập viên duyệt"


@hooks.register(ROLES)
def catalogue_roles(groups, tree):
    """Editors decide ratings; a producer account's changes to its pages wait for an editor."""
    grant(groups[EDITORS], "catalogue.change_ocop_rating")
    # "add" here means, for a producer account, "edit your own pages in this section";
    # the portal's permission tester stops it creating products or producers.
    for section in (tree.products, tree.producers):
        grant_pages(groups[PRODUCERS], section, ("add",))
    ensure_group_approval(CONTENT_WORKFLOW, CONTENT_TASK, groups[EDITORS], [tree.products, tree.producers])
