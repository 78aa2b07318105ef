"""The page forms v3 binds, made safe for partial writes.

v3 narrows a page's admin form to the posted fields (``get_api_form_class``) but keeps the field
permissions of all of them, so a form without a permission-guarded field it does not carry (the
rating, a story's producer) fails with a KeyError — a 500 for every producer account's write.
Each page model's ``api_base_form_class`` (v3's own hook) is its admin form with that mended;
everything else — the producer's scope, cross-producer checks, model validation — is the admin's.
"""

from functools import cache

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import get_page_models


class KeepsOnlyCarriedPermissions:
    def __init__(self, *args, **kwargs):
        permissions = self._meta.field_permissions
        carried = {name: perm for name, perm in permissions.items() if name in self.base_fields}
        if len(carried) != len(permissions):
            self._meta.field_permissions = carried
        super().__init__(*args, **kwargs)


@cache
def api_form_for(model):
    base = model.get_edit_handler().base_form_class or getattr(model, "base_form_class", None)
    base = base or WagtailAdminPageForm
    return type(f"API{base.__name__}", (KeepsOnlyCarriedPermissions, base), {"__module__": __name__})


class _APIBaseFormClass:
    """Resolved when v3 first asks, once the admin has bound the model's panels."""

    def __get__(self, instance, model):
        return api_form_for(model)


def mend_page_forms() -> None:
    for model in get_page_models():
        if "api_base_form_class" not in model.__dict__:
            model.api_base_form_class = _APIBaseFormClass()
