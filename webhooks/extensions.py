"""What webhooks add to core (health, periodic work) and to the editors' role (``core.extension_points``).
Registered with Wagtail's hooks; imported by ``webhooks/wagtail_hooks.py``.
"""

from wagtail import hooks

from accounts.models import EDITORS
from accounts.roles import grant
from core.extension_points import HEALTH_CHECKS, PERIODIC_TASKS, ROLES

from .events import certificates_passed
from .worker import worker_health


@hooks.register(HEALTH_CHECKS)
def background_worker_health():
    return worker_health()


@hooks.register(PERIODIC_TASKS)
def announce_certificates_passed(stdout):
    """An expiry is a date passing, not an edit: found here, announced once per product."""
    count = certificates_passed()
    stdout.write(f"Webhooks: {count} certificate events (expired or revoked) queued.")


@hooks.register(ROLES)
def webhook_roles(groups, tree):
    # Editors only: a subscription sends the whole catalogue's changes to an outside system.
    grant(groups[EDITORS], *(f"webhooks.{action}_subscription" for action in ("add", "change", "delete", "view")))
