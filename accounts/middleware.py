"""Keep producer accounts out of the admin's reports.

Wagtail lets anyone who may add pages open its reports, and some of them (page
types usage, for one) name the last edited page of every type, whoever owns it.
Reports are for the programme's editors; Wagtail has no per-report hook, so the
boundary is drawn here, on the resolved URL namespace.
"""

from wagtail.admin.auth import permission_denied

from .models import producer_id_for

REPORTS_NAMESPACE = "wagtailadmin_reports"


class ProducerAdminBoundaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and REPORTS_NAMESPACE in match.namespaces and producer_id_for(request.user) is not None:
            return permission_denied(request)
        return None
