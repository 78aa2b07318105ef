"""Things a producer account owns, in one admin: the account works on its own only, editors on all.

An app declares a model owner-scoped once, in its ``AppConfig.ready``::

    register_owner_scoped(Panorama, refusal="Bạn chỉ có thể chọn ảnh 360° của chủ thể mình.")
    register_owner_scoped(ScanCode, owner_path="product__producer", refusal=..., producers_always_view=True)

and registers its snippet admin with a subclass of ``accounts.owned.admin.OwnerScopedSnippetViewSet``.
From then on one permission policy (``policy.OwnerScopedPermissionPolicy``) answers for the model
everywhere: its listing, every view opened by URL, its chooser, bulk delete, and every admin form
(snippet or page) that chooses one of it, by foreign key or inside a StreamField.

- ``registry``: the declarations (``register_owner_scoped``, ``owner_scope``, ``owner_scoped_models``);
- ``policy``: who may reach which items (``reachable``, ``policy_for``);
- ``forms``: the admin form rules (owner set, choices limited, the refusals);
- ``admin``: the snippet viewset, its views, its chooser and its bulk delete.

This package names no model of the upper layers: they register into it.
"""

from .policy import OwnerScopedPermissionPolicy, policy_for, reachable
from .registry import OwnerScope, owner_scope, owner_scoped_models, register_owner_scoped

__all__ = [
    "OwnerScope",
    "OwnerScopedPermissionPolicy",
    "owner_scope",
    "owner_scoped_models",
    "policy_for",
    "reachable",
    "register_owner_scoped",
]
