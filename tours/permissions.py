"""Who may reach which panoramas and tours: editors every one, a producer account only its own.

The same rule as ``scans.permissions``, for snippets that carry their owner in a ``producer``
field (empty: managed by the editors):

- Editors and superusers: Django's model permissions, on every panorama and tour.
- A producer account, with its group's ``add``/``change``/``view`` permissions, lists, adds
  and edits those whose ``producer`` is its own producer — never the editors' nor another
  producer's. It never deletes one.
- An account in the producers' group but linked to no producer has no rights at all.
"""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from accounts.models import producer_id_for, producer_role_without_account

PRODUCER_ACTIONS = frozenset({"add", "change", "view"})


class ProducerOwnedPermissionPolicy(ModelPermissionPolicy):
    """For a model with a nullable ``producer`` foreign key naming its owner."""

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        producer_id = producer_id_for(user)
        if producer_id is None:
            if not user.is_superuser and producer_role_without_account(user):
                return False
            return super().user_has_permission(user, action)
        return action in PRODUCER_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        producer_id = producer_id_for(user)
        if producer_id is None:
            if not user.is_superuser and producer_role_without_account(user):
                return self.model._default_manager.none()
            return super().instances_user_has_any_permission_for(user, actions)
        # "add" says nothing about existing items; "delete" is never a producer's.
        granted = [action for action in actions if action in {"view", "change"}]
        if not any(self.user_has_permission(user, action) for action in granted):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(producer_id=producer_id)

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


def reachable(model, user):
    """Every panorama (or tour) this user may at least see."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, ["view", "change", "delete"])
