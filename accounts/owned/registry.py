"""How each owner-scoped model is owned: declared by its app, read by the policy, the admin and the forms."""

from dataclasses import dataclass

from django.db.models import Model, Q


@dataclass(frozen=True)
class OwnerScope:
    """One model's declaration.

    - ``owner_path``: the lookup from an item to the producer page that owns it (``"producer"``,
      ``"product__producer"``). A one-step path is a field of the item itself: a producer account
      is never offered it, and a new item gets the account's producer there. Through a longer
      path the owner follows from a choice the form limits (a scan code's product).
    - ``refusal``: the message when a form is posted with someone else's item chosen.
    - ``producers_always_view``: a producer account sees its own items even without the model's
      ``view`` permission (scan codes: the label sheets and scan figures always allowed it).
    - ``view_only``: which of its own items a producer account may see but never change (a product's
      own scan code, made automatically).
    """

    model: type[Model]
    owner_path: str
    refusal: str
    producers_always_view: bool = False
    view_only: Q | None = None

    @property
    def owner_field(self) -> str | None:
        """The item's own field naming its owner, if the path is one step."""
        return None if "__" in self.owner_path else self.owner_path

    def owned_by(self, producer_id: int) -> Q:
        return Q(**{f"{self.owner_path}_id": producer_id})


_scopes: dict[type[Model], OwnerScope] = {}


def declare(scope: OwnerScope) -> bool:
    """Record a declaration; False if the model was declared already (``register_owner_scoped``)."""
    if scope.model in _scopes:
        return False
    _scopes[scope.model] = scope
    return True


def owner_scope(model) -> OwnerScope | None:
    """The declaration of ``model`` (a class or an instance), or None if it is not owner-scoped."""
    model = model if isinstance(model, type) else type(model)
    return _scopes.get(model)


def owner_scoped_models() -> list[type[Model]]:
    return list(_scopes)
