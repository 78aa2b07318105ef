"""Things a producer account owns, in one admin: the account works on its own only, editors on all.

An app declares a model owner-scoped once, in its ``AppConfig.ready``::

    register_owner_scoped(Panorama, refusal="Bạn chỉ có thể chọn ảnh 360° của chủ thể mình.")
    register_owner_scoped(ScanCode, owner_path="product__producer", refusal=..., producers_always_view=True)

and registers its snippet admin with a subclass of ``accounts.owned.admin.OwnerScopedSnippetViewSet``.
From then on one permission policy (``policy.OwnerScopedPermissionPolicy``) answers for the model
everywhere: its listing, every view opened by URL, its chooser, bulk delete, and every admin form
(snippet or page) that chooses one of it, by foreign key or inside a StreamField.

- ``registry``: the declarations (``owner_scope``, ``owner_scoped_models``), made by ``register_owner_scoped`` below;
- ``policy``: who may reach which items (``reachable``, ``policy_for``);
- ``forms``: the admin form rules (owner set, choices limited, the refusals);
- ``admin``: the snippet viewset, its views, its chooser and its bulk delete.

This package names no model of the upper layers: they register into it.
"""

from django.db.models import Model, Q
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import delete_bulk_action_for
from .policy import OwnerScopedPermissionPolicy, policy_for, reachable
from .registry import OwnerScope, declare, owner_scope, owner_scoped_models

__all__ = [
    "OwnerScope",
    "OwnerScopedPermissionPolicy",
    "owner_scope",
    "owner_scoped_models",
    "policy_for",
    "reachable",
    "register_owner_scoped",
]


def register_owner_scoped(
    model: type[Model],
    *,
    refusal: str,
    owner_path: str = "producer",
    producers_always_view: bool = False,
    view_only: Q | None = None,
) -> OwnerScope:
    """Declare ``model`` owner-scoped: call it in the app's ``AppConfig.ready``, before the admin
    asks Wagtail for the model's permission policy (Wagtail would settle on a plain one)."""
    scope = OwnerScope(model, owner_path, refusal, producers_always_view, view_only)
    if not declare(scope):
        return owner_scope(model)
    register_permission_policy(model, OwnerScopedPermissionPolicy(model))
    # After Wagtail's own snippet delete action (order 0), so that this one replaces it for the model.
    hooks.register("register_bulk_action", delete_bulk_action_for(model), order=1)
    return scope
