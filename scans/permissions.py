"""Who may reach which scan codes: editors every code, a producer account only its own products'.

One permission policy answers for the code admin, its chooser, the label sheets and
the scan figures, so that "whose codes may this account see" is decided in one place.

- Editors and superusers: Django's model permissions, on every code.
- A producer account sees its own products' codes (as the label sheets and scan
  figures always allowed, without any model permission); with its group's
  ``add``/``change`` permissions it also adds and edits its batch and item codes.
  It never deletes a code (it retires it), and never touches a product's own code,
  which is made automatically.
"""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from accounts.models import producer_id_for, producer_role_without_account

from .models import CodeKind, ScanCode

PRODUCER_ACTIONS = frozenset({"add", "change", "view"})


class ScanCodePermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        producer_id = producer_id_for(user)
        if producer_id is None:
            if not user.is_superuser and producer_role_without_account(user):
                return False
            return super().user_has_permission(user, action)
        if action == "view":
            return True
        return action in PRODUCER_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        producer_id = producer_id_for(user)
        if producer_id is None:
            return super().instances_user_has_any_permission_for(user, actions)
        # "add" says nothing about existing codes; "delete" is never a producer's.
        granted = {action for action in actions if action in {"view", "change"}}
        granted = {action for action in granted if self.user_has_permission(user, action)}
        codes = self.model._default_manager.filter(product__producer_id=producer_id)
        if not granted:
            return codes.none()
        if "view" not in granted:
            codes = codes.exclude(kind=CodeKind.PRODUCT)
        return codes

    def user_has_permission_for_instance(self, user, action, instance):
        if producer_id_for(user) is None:
            return self.user_has_permission(user, action)
        # Asked of the database, not of the instance in hand: a form may already have changed it.
        return (
            instance.pk is not None
            and self.instances_user_has_any_permission_for(user, [action]).filter(pk=instance.pk).exists()
        )


def scan_code_policy() -> ScanCodePermissionPolicy:
    """The policy registered for ScanCode (in ``ScansConfig.ready``)."""
    return policy_registry.get_by_type(ScanCode)
