"""The visibility rule at the two doors a page passes: serving it, and publishing it.

- Serving: a live page under a page that is not live answers 404, as the page would if it
  were not live (``core/visibility.py``). The hook runs before the page's ``serve``, so the
  page cache (``CachedPageMixin``) never stores such a page. Previews are not served
  through it: editors still preview.
- Publishing in the admin (the edit and create forms, the bulk action): a page under an
  unpublished section is refused with a message naming the section to publish first.
  Scheduled publishing and code calling ``revision.publish()`` are not refused; what they
  make live stays out of every surface (``public_pages``) until the section is live.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from wagtail import hooks

from . import visibility


@hooks.register("before_serve_page")
def no_page_under_an_unpublished_section(page, request, serve_args, serve_kwargs):
    if visibility.has_unpublished_ancestor(page):
        raise Http404


@hooks.register("before_publish_page")
def refuse_to_publish_under_an_unpublished_section(request, page):
    ancestor = visibility.unpublished_ancestor(page)
    if ancestor is None:
        return None
    if page.live and page.live_revision_id is None:
        # The create form adds the page as live before it publishes it: keep it a draft instead.
        type(page).objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
    messages.error(request, visibility.refusal(page, ancestor))
    # The form's changes are kept as a draft: both forms saved a revision already.
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_bulk_action")
def refuse_to_bulk_publish_under_an_unpublished_section(request, action_type, objects, action):
    if action_type != "publish":
        return None
    chosen = {page.pk for page in objects}
    refused = []
    for page in objects:
        # Publishing the section in the same action is fine.
        ancestor = visibility.unpublished_ancestors(page).exclude(pk__in=chosen).first()
        if ancestor is not None:
            refused.append(visibility.refusal(page, ancestor))
    if not refused:
        return None
    for message in refused:
        messages.error(request, message)
    return redirect(action.next_url)
