"""Admin forms that choose owner-scoped items: a producer account chooses only its own.

``OwnedChoicesMixin`` works on any Wagtail admin form (snippet or page): every foreign key whose
target model is owner-scoped offers only the items the user may reach, and every chooser in a
StreamField's top-level blocks (a tour's scenes, a story's tour chapters) refuses a posted id of
anyone else's item with the model's own message. What the object already holds may stay: an
editor may have chosen it.
"""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import ChooserBlock, StreamBlockValidationError, StructBlock, StructBlockValidationError

from ..models import producer_id_for
from .policy import producer_role_only, reachable
from .registry import owner_scope


def stream_choice_ids(stream, model) -> set:
    """Ids of ``model`` items chosen in a StreamField's top-level struct blocks, from the raw JSON,
    so that an item deleted since is simply not there."""
    found = set()
    for child in stream.raw_data:
        block = stream.stream_block.child_blocks.get(child.get("type"))
        value = child.get("value")
        if not isinstance(block, StructBlock) or not isinstance(value, dict):
            continue
        for name in _choosers_of(block, model):
            if value.get(name):
                found.add(value[name])
    return found


def _choosers_of(block: StructBlock, model=None) -> list[str]:
    """The names of the struct's chooser blocks of an owner-scoped model (of ``model``, if given)."""
    return [
        name
        for name, child in block.child_blocks.items()
        if isinstance(child, ChooserBlock)
        and owner_scope(child.model_class) is not None
        and (model is None or child.model_class is model)
    ]


class OwnedChoicesMixin:
    """Limits and checks the choices of owner-scoped items for whoever ``limits_owned_choices``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.producer_id = producer_id_for(self.for_user)
        if not self.limits_owned_choices():
            return
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            scope = owner_scope(field.queryset.model)
            if scope is None:
                continue
            allowed = field.queryset.filter(pk__in=reachable(scope.model, self.for_user).values("pk"))
            current = getattr(self.instance, f"{name}_id", None)
            if self.instance.pk is not None and current is not None:
                allowed = allowed | field.queryset.filter(pk=current)
            field.queryset = allowed
            field.error_messages["invalid_choice"] = scope.refusal

    def limits_owned_choices(self) -> bool:
        """A producer account's choices are its own; a producers' role without an account has none."""
        user = self.for_user
        return user is not None and (self.producer_id is not None or producer_role_only(user))

    def clean(self):
        cleaned_data = super().clean()
        if self.limits_owned_choices():
            for name, value in list(cleaned_data.items()):
                if hasattr(value, "stream_block") and hasattr(value, "raw_data"):
                    self._check_stream_choices(name, value)
        return cleaned_data

    def _check_stream_choices(self, name, stream):
        allowed = {}  # model → ids; asked only when a block chooses one of the model
        errors = {}
        for index, child in enumerate(stream):
            if not isinstance(child.block, StructBlock):
                continue
            refused = {}
            for field_name in _choosers_of(child.block):
                item = child.value.get(field_name)
                if item is None:
                    continue
                model = type(item)
                if model not in allowed:
                    allowed[model] = self._allowed_in_stream(name, model)
                if item.pk not in allowed[model]:
                    refused[field_name] = ValidationError(owner_scope(model).refusal)
            if refused:
                errors[index] = StructBlockValidationError(refused)
        if errors:
            self.add_error(name, StreamBlockValidationError(block_errors=errors))

    def _allowed_in_stream(self, name, model) -> set:
        allowed = set(reachable(model, self.for_user).values_list("pk", flat=True))
        if self.instance.pk is not None:  # what the object already shows may stay
            stored = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
            if stored is not None:
                allowed |= stream_choice_ids(getattr(stored, name), model)
        return allowed


class OwnerScopedModelForm(OwnedChoicesMixin, WagtailAdminModelForm):
    """The base form of an owner-scoped snippet: for a producer account the owner is its own
    producer, set and not offered (when the item names its owner itself)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        owner_field = owner_scope(self._meta.model).owner_field
        if self.producer_id is None or owner_field is None:
            return
        self.fields.pop(owner_field, None)
        if self.instance.pk is None:
            setattr(self.instance, f"{owner_field}_id", self.producer_id)
