"""Put the portal's rules in front of every operation of Wagtail's v3 API, once, at start-up.

Every operation needs a live token (``auth.PortalTokenAuth``; no anonymous reads: the public read
API is ``/api/v1/``), runs its rule from ``rules.RULES`` first, and answers errors the portal's way
(``errors``). An operation without a rule — including any a later Wagtail release adds — is closed.
"""

from wagtail.api.v3.api import api

from . import errors, submit
from .auth import PortalTokenAuth
from .forms import mend_page_forms
from .rules import RULES, closed


def operations(router):
    for path_view in router.path_operations.values():
        yield from path_view.operations
    for _prefix, child, *_ in router._routers:
        yield from operations(child)


def hold_the_api_to_the_rules():
    """Called by the URLconf (``writes.urls``): after every app's ``ready()`` has added its routers
    (Wagtail's images app adds one), before the API freezes them into URLs."""
    if getattr(api, "ocop_rules_held", False):
        return api
    mend_page_forms()
    api.add_router("/pages/", submit.router)
    errors.install(api)
    auth = [PortalTokenAuth()]
    for _prefix, router, *_ in api._routers:
        for operation in operations(router):
            operation.auth_param = auth
            operation._set_auth(auth)
            rule = RULES.get(operation.operation_id, closed)
            operation.view_func = rule(operation.view_func)
    api.ocop_rules_held = True
    return api
