"""The Content-Security-Policy and Permissions-Policy headers, on every response.

The policies themselves are settings (``portal/settings/base.py``, docs/security.md); this
module only chooses which Content-Security-Policy a response gets:

- the Wagtail and Django admins (``CSP_ADMIN_PATH_PREFIXES``): ``CONTENT_SECURITY_POLICY_ADMIN``,
  which allows inline scripts and styles because Wagtail's own admin templates still write them
  (inline panels, date pickers) and cannot carry a nonce;
- a page the admin previews (Wagtail renders it through a dummy request for the page's own URL):
  ``CONTENT_SECURITY_POLICY_PREVIEW``, the public policy but for the admin framing it;
- a 500: ``CONTENT_SECURITY_POLICY_ERROR``, for the self-contained error page (inline CSS, no script);
- everything else, the public site, the API, scans and their 404s: ``CONTENT_SECURITY_POLICY``
  (no inline script or style, except an element that carries this request's nonce).

A view that sets its own policy (django-csp's decorators), or a response that already has the
header (Wagtail's document and image serve views send ``default-src 'none'``), keeps it.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

PERMISSIONS_POLICY_HEADER = "Permissions-Policy"


def _directives(setting_name: str) -> dict:
    return getattr(settings, setting_name)["DIRECTIVES"]


def policy_name_for(request, response) -> str:
    """The name of the setting whose policy this response gets."""
    if request.path_info.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES)):
        return "CONTENT_SECURITY_POLICY_ADMIN"
    if getattr(request, "is_dummy", False):
        return "CONTENT_SECURITY_POLICY_PREVIEW"
    if response.status_code == 500:
        return "CONTENT_SECURITY_POLICY_ERROR"
    return "CONTENT_SECURITY_POLICY"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy chosen by ``policy_name_for``."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            name = policy_name_for(request, response)
            if name != "CONTENT_SECURITY_POLICY":  # the default one django-csp reads by itself
                parts.config = _directives(name)
        return parts


def permissions_policy_header(features: dict[str, list[str]]) -> str:
    """``{"camera": [], "fullscreen": ["self", "https://a.example"]}`` → ``camera=(), fullscreen=(self "https://a.example")``."""

    def origin(value: str) -> str:
        return value if value in ("self", "*") else f'"{value}"'

    return ", ".join(
        f"{feature}=({' '.join(origin(value) for value in allowed)})" for feature, allowed in features.items()
    )


class PermissionsPolicyMiddleware:
    """Sends ``PERMISSIONS_POLICY`` (built once) with every response that does not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(PERMISSIONS_POLICY_HEADER, self.header)
        return response
