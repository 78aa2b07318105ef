"""The project's hooks: how an upper app adds to what a lower one owns, without being imported.

The catalogue's pages know nothing of stories, scans or tours; core's health check and
periodic work know nothing of search or scans; the roles know nothing of the review. Each
upper app registers into these hooks in its ``wagtail_hooks.py``, with Wagtail's own
``@hooks.register(NAME)``, and the lower layer asks ``hooks.get_hooks(NAME)``. Every hook
is listed here, with what it is called with and what it returns (see also docs/architecture.md).
"""

from dataclasses import dataclass

from wagtail import hooks

# fn(page, request) -> dict | None: context for a page's template (the page is specific).
PAGE_CONTEXT = "ocop_page_context"
# fn(page) -> iterable of Section: templates a page's template draws in its named slots.
PAGE_SECTIONS = "ocop_page_sections"
# fn(page, request) -> dict | None: properties added to the page's schema.org JSON-LD.
JSON_LD = "ocop_json_ld"
# fn(home) -> dict[str, Page]: the index pages an app needs under the home page, made if missing.
SITE_SECTIONS = "ocop_site_sections"
# fn() -> iterable of (title, url): links in every page's footer to what an app serves outside the
# page tree (open data, the API's docs), in Vietnamese.
FOOTER_LINKS = "ocop_footer_links"
# fn(groups: dict[str, Group], tree) -> None: what an app grants the editorial roles.
ROLES = "ocop_roles"
# fn(producer, request) -> iterable of Section: parts of a producer account's admin dashboard.
PRODUCER_DASHBOARD = "ocop_producer_dashboard"
# fn() -> (name, dict): a part of /healthz; a dict with "fallback": True marks the site degraded.
HEALTH_CHECKS = "ocop_health_checks"
# fn(stdout) -> None: a step of ``run_periodic_tasks`` (it writes; a GET never does).
PERIODIC_TASKS = "ocop_periodic_tasks"
# fn(text) -> iterable of (label, product page id): the products a code typed in the search box
# names (a scan code, a batch's lot number …), with what the code is, in Vietnamese ("Mã quét").
IDENTIFIERS = "ocop_identifiers"
# fn() -> None: the shared cache answers again after an outage (``core.cache``): move the versions
# that cached copies are keyed by, since changes made meanwhile could not.
CACHE_RECOVERED = "ocop_cache_recovered"


@dataclass(frozen=True)
class Section:
    """A template drawn into a slot of a page (or the dashboard), in ``order``, with extra context."""

    slot: str
    template: str
    order: int = 100
    context: dict | None = None


def page_context(page, request) -> dict:
    context = {}
    for contribute in hooks.get_hooks(PAGE_CONTEXT):
        context.update(contribute(page, request) or {})
    return context


def page_sections(page, slot: str) -> list[Section]:
    sections = [section for contribute in hooks.get_hooks(PAGE_SECTIONS) for section in contribute(page) or ()]
    return sorted((section for section in sections if section.slot == slot), key=lambda section: section.order)


def json_ld(page, request) -> dict:
    data = {}
    for contribute in hooks.get_hooks(JSON_LD):
        data.update(contribute(page, request) or {})
    return data


def site_sections(home) -> dict:
    sections = {}
    for ensure in hooks.get_hooks(SITE_SECTIONS):
        sections.update(ensure(home) or {})
    return sections
