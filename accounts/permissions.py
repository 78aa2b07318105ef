"""Who may do what to which page, on top of Wagtail's tree permissions.

Wagtail grants rights per section of the tree; the portal's sections hold every
producer's pages side by side. Two extra rules make a producer account see and
touch only its own producer's pages, wherever they sit in the tree:

- ``PortalPagePermissionPolicy`` (registered for every page model) narrows the
  pages a producer account may explore, list, report on or act on;
- ``PortalPagePermissionTester`` (used by the producer, product and story page
  models) answers the admin's per-page questions: a producer account may edit
  and submit its own pages but never publish, unpublish, move, copy or delete
  them; nobody publishes a story except the authenticity review.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import producer_id_for


def own_pages_q(producer_id: int) -> Q:
    """Pages of one producer, as a filter on Page: its own page, its products, its stories."""
    return Q(pk=producer_id) | Q(productpage__producer_id=producer_id) | Q(storypage__producer_id=producer_id)


def _owned_kinds_q() -> Q:
    return Q(productpage__isnull=False) | Q(storypage__isnull=False) | Q(producerpage__isnull=False)


def page_visible_to(producer_id: int, page_id: int) -> bool:
    """One page of ``visible_page_ids``, asked in one query."""
    from wagtail.models import Page

    return Page.objects.filter(own_pages_q(producer_id) | ~_owned_kinds_q(), pk=page_id).exists()


def visible_page_ids(producer_id: int) -> list[int]:
    """The pages a producer account may see in the admin: its own, and the shared ones
    (home, sections) — never another producer's. A short list of ids, so that search
    backends, which cannot follow joins, can filter on it too."""
    from wagtail.models import Page

    return list(Page.objects.filter(own_pages_q(producer_id) | ~_owned_kinds_q()).values_list("pk", flat=True))


def page_belongs_to(page, producer_id: int) -> bool:
    """Both the page as stored and the page as being edited belong to the producer."""
    from wagtail.models import Page

    if page.pk is None:
        return False
    in_hand = getattr(page, "producer_owner_id", lambda: None)()
    return in_hand == producer_id and Page.objects.filter(own_pages_q(producer_id), pk=page.pk).exists()


def scope_page_filters_to_producers() -> None:
    """The explorer's "owner" and "edited by" filters offer every user who owns or edited any
    page; for a producer account, only those of its own pages. Wagtail builds the choices
    from a callable on the filter (shared by every page filter set), wrapped here once."""
    from wagtail.admin.views.pages.listing import PageFilterSet
    from wagtail.models import Page, PageLogEntry

    def scoped(filter_name, users_of):
        page_filter = PageFilterSet.base_filters[filter_name]
        wagtails = page_filter.queryset
        if getattr(wagtails, "ocop_scoped", False):
            return

        def choices(request):
            users = wagtails(request)
            producer_id = producer_id_for(request.user)
            if producer_id is None:
                return users
            return users.filter(pk__in=users_of(Page.objects.filter(own_pages_q(producer_id)).values("pk")))

        choices.ocop_scoped = True
        page_filter.queryset = choices

    scoped("owner", lambda own: Page.objects.filter(pk__in=own).values("owner_id"))
    scoped("edited_by", lambda own: PageLogEntry.objects.filter(page_id__in=own).values("user_id"))


class PortalPagePermissionPolicy(PagePermissionPolicy):
    def _section_ids(self, user) -> set[int]:
        # The pages Wagtail's group permissions are attached to (the site's sections).
        return {perm.page_id for perm in self.get_cached_permissions_for_user(user)}

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        producer_id = producer_id_for(user)
        if producer_id is None:
            return pages
        if {"add", "change"} & set(actions) and user.is_active:
            # As ``user_has_any_permission_for_instance`` answers page by page: "add" on a section
            # means "change" on the producer's own pages in it, whoever made them.
            pages = pages | self._own_pages_in_sections(user, producer_id)
        return pages.filter(pk__in=visible_page_ids(producer_id))

    def _own_pages_in_sections(self, user, producer_id):
        from wagtail.models import Page

        sections = [
            perm.page.path
            for perm in self.get_cached_permissions_for_user(user)
            if perm.permission.codename in ("add_page", "change_page")
        ]
        # In the policy's own model: narrowed to one page type (the v3 API's ``?type=``), the
        # union above needs a queryset of that type, not of Page.
        pages = self.model._default_manager
        if not sections:
            return pages.none()
        own = Page.objects.filter(own_pages_q(producer_id)).filter(
            reduce(or_, (Q(path__startswith=path) for path in sections))
        )
        return pages.filter(pk__in=own.values("pk"))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        producer_id = producer_id_for(user)
        if producer_id is None or not user.is_active:
            return super().user_has_any_permission_for_instance(user, actions, instance)
        if instance.pk in self._section_ids(user):
            return super().user_has_any_permission_for_instance(user, actions, instance)
        if not page_belongs_to(instance.specific_deferred, producer_id):
            return False
        granted = {
            perm.permission.codename.rsplit("_", 1)[0]
            for perm in self.get_cached_permissions_for_user(user)
            if instance.pk == perm.page_id or instance.is_descendant_of(perm.page)
        }
        if "add" in granted:
            granted.add("change")  # "add" in Wagtail means: edit what you create; here, what is yours
        return bool(set(actions) & (granted & {"add", "change"}))


class PortalPagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self.producer_id = producer_id_for(user) if user.is_active else None

    @property
    def acts_for_producer(self) -> bool:
        return self.producer_id is not None

    def belongs(self) -> bool:
        return page_belongs_to(self.page, self.producer_id)

    def can_add_subpage(self):
        if self.acts_for_producer and not getattr(self.page, "producers_may_create_here", False):
            return False
        return super().can_add_subpage()

    def can_edit(self):
        if not self.acts_for_producer:
            return super().can_edit()
        if self.page_is_root or not self.user.is_active:
            return False
        return bool({"add", "change"} & self.permissions) and self.belongs()

    def can_delete(self, ignore_bulk=False):
        if not self.acts_for_producer:
            return super().can_delete(ignore_bulk=ignore_bulk)
        # Only a draft that never went live: what the public has seen stays on record.
        return (
            self.page.first_published_at is None
            and not self.page.live
            and not self.page.workflow_in_progress
            and self.can_edit()
        )

    def can_publish(self):
        if getattr(self.page, "publish_only_through_review", False):
            return False
        return not self.acts_for_producer and super().can_publish()

    def can_publish_subpage(self):
        if getattr(self.page, "children_publish_only_through_review", False):
            return False
        return not self.acts_for_producer and super().can_publish_subpage()

    def can_unpublish(self):
        return not self.acts_for_producer and super().can_unpublish()

    def can_set_view_restrictions(self):
        return not self.acts_for_producer and super().can_publish()

    def can_unschedule(self):
        return not self.acts_for_producer and super().can_publish()

    def can_reorder_children(self):
        return not self.acts_for_producer and super().can_reorder_children()

    def can_lock(self):
        return not self.acts_for_producer and super().can_lock()

    def can_move(self):
        return not self.acts_for_producer and super().can_move()

    def can_copy(self):
        return not self.acts_for_producer and super().can_copy()

    def can_view_revisions(self):
        if not self.acts_for_producer:
            return super().can_view_revisions()
        return self.belongs()


class PortalPermissionsMixin:
    """Page mixin: answer permission questions with the portal's tester."""

    # Overridden by the page models this applies to.
    producers_may_create_here = False  # on an index: may a producer account add children?
    publish_only_through_review = False  # the page goes live only when its review approves it
    children_publish_only_through_review = False

    def producer_owner_id(self) -> int | None:
        """The producer this page belongs to (None: no producer owns it)."""
        return None

    def permissions_for_user(self, user):
        return PortalPagePermissionTester(user, self)
