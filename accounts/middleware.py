"""Keep producer accounts out of the admin's reports, and out of other producers' pages
in the explorer and the page chooser.

Wagtail lets anyone who may add pages open its reports, and some of them (page
types usage, for one) name the last edited page of every type, whoever owns it.
Reports are for the programme's editors; Wagtail has no per-report hook, so the
boundary is drawn here, on the resolved URL namespace.

The explorer and the page chooser open any page by id and show its title (the
heading, the breadcrumbs), whoever owns it; their listings go through the page
policy and the chooser hook, but the page they are opened on does not. For a
producer account, a page outside its scope (another producer's) is not found.
"""

from django.http import Http404
from wagtail.admin.auth import permission_denied

from .models import producer_id_for
from .permissions import page_visible_to

REPORTS_NAMESPACE = "wagtailadmin_reports"
# Admin views opened on a parent page, by id (``parent_page_id``).
PAGE_BROWSING_VIEWS = {"wagtailadmin_explore", "wagtailadmin_explore_results", "wagtailadmin_choose_page_child"}


class ProducerAdminBoundaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None:
            return None
        producer_id = producer_id_for(request.user)
        if producer_id is None:
            return None
        if REPORTS_NAMESPACE in match.namespaces:
            return permission_denied(request)
        if match.url_name in PAGE_BROWSING_VIEWS and "parent_page_id" in view_kwargs:
            if not page_visible_to(producer_id, view_kwargs["parent_page_id"]):
                raise Http404("No such page.")
        return None
