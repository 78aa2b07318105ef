"""What a token may do to a page, asked before Wagtail's v3 operation runs.

Wagtail's actions ask the page's permission tester too (``accounts.permissions``): a producer
account never publishes or unpublishes, nobody publishes a story around its review. These rules
come first so that the answer is the portal's (a 404 for a page out of the account's reach, a
Vietnamese reason for a refusal) and add what v3 leaves out:

- a field the account's admin form does not carry (the OCOP rating, for a producer account) is
  refused, not silently dropped — 403 if the account may not change it, 400 if nobody may write
  it through the API;
- a page under an unpublished section is not published (the admin's ``before_publish_page``
  rule, ``core.visibility``).
"""

import json

from django.shortcuts import get_object_or_404
from wagtail.api.v3.form_data import build_page_form, build_page_update_form, get_api_form_class
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.registry import registry
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page

from core import visibility

from .errors import Refused, invalid_form

ONLY_THROUGH_REVIEW = (
    "Câu chuyện chỉ lên trang khi thẩm định tính xác thực duyệt nó: "
    "hãy gửi duyệt (POST …/actions/submit/), không xuất bản trực tiếp."
)
MAY_NOT_PUBLISH = "Tài khoản này không được xuất bản trang này; hãy gửi duyệt (POST …/actions/submit/)."
MAY_NOT_UNPUBLISH = "Tài khoản này không được gỡ trang này xuống."
MAY_NOT_WRITE_FIELD = "Tài khoản này không được sửa trường “{field}” (như trong trang quản trị)."
MAY_NOT_CREATE = "Tài khoản này không được tạo loại trang này ở đây."
NOT_WRITABLE = "Trường “{field}” không ghi được qua API."
CLOSED = "Thao tác này không mở qua API ghi dữ liệu; hãy dùng trang quản trị."


def page_in_reach(request, page_id) -> Page:
    """The page, if the token's account may see it in the admin (v3's own scope, narrowed by the
    portal's page policy to a producer's own pages); otherwise 404, whether or not it exists."""
    return get_object_or_404(get_pages_queryset(request), pk=page_id).specific


def posted_field_names(request) -> list[str]:
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return []  # v3 has already refused a body that is not JSON
    return [name for name in body if name != "meta"] if isinstance(body, dict) else []


def refuse_fields_the_form_lacks(request, model, instance, parent) -> None:
    """Every posted field must be one the account's admin form for this page carries."""
    names = posted_field_names(request)
    if not names:
        return
    form_class = get_api_form_class(model, field_names=names)
    form = form_class(instance=instance, parent_page=parent, for_user=request.user)
    carried = set(form.fields) | set(getattr(form, "formsets", {}))
    registration = registry.get(model._meta.label)
    writable = set(registration.patch_schema.model_fields) if registration and registration.patch_schema else set()
    for name in names:
        if name not in carried:
            if name in writable:
                raise Refused(MAY_NOT_WRITE_FIELD.format(field=name), field=name, status=403)
            raise Refused(NOT_WRITABLE.format(field=name), field=name, status=400)


def refuse_what_the_form_refuses(form, publishing: bool) -> None:
    """Validate as the action will (a draft may leave required fields empty), to answer with each
    block's own message; the action validates again before it saves anything."""
    if publishing:
        valid = form.is_valid()
    else:
        form.defer_required_fields()
        valid = form.is_valid()
        form.restore_required_fields()
    if not valid:
        raise invalid_form(form)


def refuse_publishing(request, page) -> None:
    if getattr(page, "publish_only_through_review", False):
        raise Refused(ONLY_THROUGH_REVIEW)
    if not page.permissions_for_user(request.user).can_publish():
        raise Refused(MAY_NOT_PUBLISH)
    refuse_under_an_unpublished_section(page)


def refuse_publishing_under(request, parent) -> None:
    if getattr(parent, "children_publish_only_through_review", False):
        raise Refused(ONLY_THROUGH_REVIEW)
    if not parent.permissions_for_user(request.user).can_publish_subpage():
        raise Refused(MAY_NOT_PUBLISH)
    ancestor = parent if not parent.live and parent.depth > 1 else visibility.unpublished_ancestor(parent)
    if ancestor is not None:
        raise Refused(visibility.refusal(parent, ancestor), status=400)


def refuse_under_an_unpublished_section(page) -> None:
    ancestor = visibility.unpublished_ancestor(page)
    if ancestor is not None:
        raise Refused(visibility.refusal(page, ancestor), status=400)


# --- one guard per operation: each wraps v3's view and runs before it --------------------------------


def creating(view):
    def guarded(request, data, **kwargs):
        model = resolve_model_string(data.meta.type)
        parent = get_object_or_404(Page, pk=data.meta.parent_id).specific
        if not parent.permissions_for_user(request.user).can_add_subpage() or not model.can_create_at(parent):
            raise Refused(MAY_NOT_CREATE)
        page = model(owner=request.user, locale=parent.locale)
        refuse_fields_the_form_lacks(request, model, page, parent)
        publishing = data.meta.action == "publish"
        if publishing:
            refuse_publishing_under(request, parent)
        refuse_what_the_form_refuses(build_page_form(model, parent, data, request.user), publishing)
        return view(request, data=data, **kwargs)

    return guarded


def updating(view):
    def guarded(request, page_id, data, **kwargs):
        page = page_in_reach(request, page_id)
        latest = page.get_latest_revision_as_object()
        refuse_fields_the_form_lacks(request, type(latest), latest, page.get_parent())
        publishing = data.meta is not None and data.meta.action == "publish"
        if publishing:
            refuse_publishing(request, page)
        refuse_what_the_form_refuses(build_page_update_form(latest, data, request.user), publishing)
        return view(request, page_id=page_id, data=data, **kwargs)

    return guarded


def publishing(view):
    def guarded(request, page_id, **kwargs):
        refuse_publishing(request, page_in_reach(request, page_id))
        return view(request, page_id=page_id, **kwargs)

    return guarded


def unpublishing(view):
    def guarded(request, page_id, **kwargs):
        page = page_in_reach(request, page_id)
        if not page.permissions_for_user(request.user).can_unpublish():
            raise Refused(MAY_NOT_UNPUBLISH)
        return view(request, page_id=page_id, **kwargs)

    return guarded


def reading(view):
    return view


def closed(view):
    def refused(request, **kwargs):
        raise Refused(CLOSED)

    return refused


# Every other operation of the API (deleting, moving, copying, aliasing, translating, reverting pages;
# snippets, images, documents, sites, redirects) is closed: structural changes and media stay in the admin.
RULES = {
    "pages_list": reading,
    "pages_find": reading,
    "pages_detail": reading,
    "pages_revisions_list": reading,
    "pages_revisions_detail": reading,
    "pages_create": creating,
    "pages_update": updating,
    "pages_actions_publish": publishing,
    "pages_actions_unpublish": unpublishing,
    "pages_actions_submit": reading,  # its own view holds its rules (``submit``)
    "whoami": reading,
    "schema_list": reading,
    "schema_detail": reading,
}
