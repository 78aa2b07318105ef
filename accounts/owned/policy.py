"""Who may reach which owner-scoped items: editors every one, a producer account only its own.

One policy answers for every owner-scoped model (see ``registry``), wherever its items are listed,
opened, chosen, bulk-deleted, printed or counted:

- Editors and superusers: Django's model permissions, on every item.
- A producer account, with its group's ``add``/``change``/``view`` permissions, lists, adds and
  edits the items its own producer owns — never the editors' nor another producer's. It never
  deletes one. Some models let it see its own without the ``view`` permission, or keep some of
  its own from being changed (``OwnerScope.producers_always_view``, ``OwnerScope.view_only``).
- An account in the producers' group but linked to no producer has no rights at all: the group's
  rights are meant for one producer's things.
"""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from ..models import producer_id_for, producer_role_without_account
from .registry import owner_scope

PRODUCER_ACTIONS = frozenset({"add", "change", "view"})


def producer_role_only(user) -> bool:
    """In the producers' role but acting for no producer: nothing is this user's."""
    return not user.is_superuser and producer_id_for(user) is None and producer_role_without_account(user)


class OwnerScopedPermissionPolicy(ModelPermissionPolicy):
    """For a model declared with ``register_owner_scoped``."""

    @property
    def scope(self):
        return owner_scope(self.model)

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        producer_id = producer_id_for(user)
        if producer_id is None:
            if producer_role_only(user):
                return False
            return super().user_has_permission(user, action)
        if action == "view" and self.scope.producers_always_view:
            return True
        return action in PRODUCER_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        producer_id = producer_id_for(user)
        if producer_id is None:
            if producer_role_only(user):
                return self.model._default_manager.none()
            return super().instances_user_has_any_permission_for(user, actions)
        # "add" says nothing about existing items; "delete" is never a producer's.
        granted = {action for action in actions if action in {"view", "change"}}
        granted = {action for action in granted if self.user_has_permission(user, action)}
        if not granted:
            return self.model._default_manager.none()
        items = self.model._default_manager.filter(self.scope.owned_by(producer_id))
        if "view" not in granted and self.scope.view_only is not None:
            items = items.exclude(self.scope.view_only)
        return items

    def user_has_permission_for_instance(self, user, action, instance):
        if producer_id_for(user) is None:
            return self.user_has_permission(user, action)
        # Asked of the database, not of the instance in hand: a form may already have changed it.
        return (
            instance.pk is not None
            and self.instances_user_has_any_permission_for(user, [action]).filter(pk=instance.pk).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)


def policy_for(model) -> OwnerScopedPermissionPolicy:
    """The policy registered for an owner-scoped model."""
    return policy_registry.get_by_type(model)


def reachable(model, user):
    """Every item of ``model`` this user may at least see."""
    return policy_for(model).instances_user_has_any_permission_for(user, ["view", "change", "delete"])
