"""Admin forms that choose owner-scoped items, images or documents: a producer account chooses only
what it may.

``OwnedChoicesMixin`` works on any Wagtail admin form (snippet or page). For a producer account:

- every foreign key to an owner-scoped model offers only the items the user may reach, and every
  foreign key to the image or document model only those in the collections the user may "choose"
  from (Wagtail's collection permission policy: its own producer's collection);
- every chooser inside a StreamField, at any depth (struct, list and stream blocks, an
  ``ImageBlock``), and every such foreign key of an inline panel's rows, refuses a posted id of
  anything else with the model's own message, on the block or the row's field.

What the object already holds may stay: an editor may have chosen it. The checks run when the
form is validated, so that a refused choice is neither saved nor rendered by a preview.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import (
    ChooserBlock,
    ListBlock,
    ListBlockValidationError,
    StreamBlock,
    StreamBlockValidationError,
    StructBlock,
    StructBlockValidationError,
)
from wagtail.images.blocks import ImageBlock
from wagtail.permissions import policy_registry

from ..models import producer_id_for
from .policy import producer_role_only, reachable
from .registry import owner_scope

NOT_YOUR_IMAGE = "Bạn chỉ có thể chọn ảnh trong thư mục ảnh của chủ thể mình."
NOT_YOUR_DOCUMENT = "Bạn chỉ có thể chọn tài liệu trong thư mục tài liệu của chủ thể mình."


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


# --- images and documents: Wagtail's collection permission policy -----------------------------------


def _media_policy(model):
    """The collection permission policy of the image or document model, or None for any other model."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    if model is get_image_model() or model is get_document_model():
        return policy_registry.get_by_type(model)
    return None


def choosable(model, user):
    """The images or documents ``user`` may choose: those in the collections it has "choose" on."""
    return _media_policy(model).instances_user_has_permission_for(user, "choose")


def _media_refusal(model) -> str:
    from wagtail.images import get_image_model

    return NOT_YOUR_IMAGE if model is get_image_model() else NOT_YOUR_DOCUMENT


# --- what a StreamField value chooses, at any depth -------------------------------------------------


def chosen_in_block(block, value, path=()):
    """``(path, item)`` for every item a block value chooses by a chooser block (``ImageBlock``
    included), at any depth. A path step is ``("struct", name)``, ``("list", index)`` or
    ``("stream", index)``: where a refusal is shown."""
    if value is None:
        return
    if isinstance(block, ImageBlock):  # a struct block whose value is the image itself
        yield (*path, ("struct", "image")), value
    elif isinstance(block, ChooserBlock):
        if isinstance(value, Model):
            yield path, value
    elif isinstance(block, StructBlock):
        for name, child in block.child_blocks.items():
            yield from chosen_in_block(child, value.get(name), (*path, ("struct", name)))
    elif isinstance(block, ListBlock):
        for index, item in enumerate(value):
            yield from chosen_in_block(block.child_block, item, (*path, ("list", index)))
    elif isinstance(block, StreamBlock):
        for index, child in enumerate(value):
            yield from chosen_in_block(child.block, child.value, (*path, ("stream", index)))


def chosen_in_stream(stream):
    return chosen_in_block(stream.stream_block, stream)


_BLOCK_ERRORS = {
    "struct": StructBlockValidationError,
    "list": ListBlockValidationError,
    "stream": StreamBlockValidationError,
}


def block_refusals(refused) -> ValidationError:
    """One nested block error from ``(path, message)`` pairs, each message on its own block."""
    tree = {}
    for path, message in refused:
        node = tree
        for step in path[:-1]:
            node = node.setdefault(step, {})
        node[path[-1]] = message

    def error(node):
        if isinstance(node, str):
            return ValidationError(node)
        kind = next(iter(node))[0]
        return _BLOCK_ERRORS[kind](block_errors={key: error(child) for (_, key), child in node.items()})

    return error(tree)


class OwnedChoicesMixin:
    """Limits and checks the choices of owner-scoped items for whoever ``limits_owned_choices``, and
    of images and documents for whoever ``limits_media_choices``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.producer_id = producer_id_for(self.for_user)
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField) or not self.guards(field.queryset.model):
                continue
            model = field.queryset.model
            allowed = field.queryset.filter(pk__in=self.allowed_items(model).values("pk"))
            current = getattr(self.instance, f"{name}_id", None)
            if self.instance.pk is not None and current is not None:
                allowed = allowed | field.queryset.filter(pk=current)
            field.queryset = allowed
            field.error_messages["invalid_choice"] = self.refusal_for(model)

    def acts_for_producer(self) -> bool:
        """A producer account, or a producers' role without an account (whose choices are none)."""
        user = self.for_user
        return user is not None and (producer_id_for(user) is not None or producer_role_only(user))

    def limits_owned_choices(self) -> bool:
        """A producer account's choices are its own; a producers' role without an account has none."""
        return self.acts_for_producer()

    def limits_media_choices(self) -> bool:
        """A producer account chooses images and documents in the collections it may choose from."""
        return self.acts_for_producer()

    def guards(self, model) -> bool:
        """Whether this form checks the user's choices of ``model``."""
        if owner_scope(model) is not None:
            return self.limits_owned_choices()
        return _media_policy(model) is not None and self.limits_media_choices()

    def allowed_items(self, model):
        if owner_scope(model) is not None:
            return reachable(model, self.for_user)
        return choosable(model, self.for_user)

    def refusal_for(self, model) -> str:
        scope = owner_scope(model)
        return scope.refusal if scope is not None else _media_refusal(model)

    def _refused(self, items, kept) -> set:
        """The ``(model, pk)`` of ``items`` the user may not choose, but those in ``kept``."""
        by_model = {}
        for item in items:
            if (type(item), item.pk) not in kept and self.guards(type(item)):
                by_model.setdefault(type(item), set()).add(item.pk)
        refused = set()
        for model, ids in by_model.items():
            allowed = set(self.allowed_items(model).filter(pk__in=ids).values_list("pk", flat=True))
            refused |= {(model, pk) for pk in ids - allowed}
        return refused

    def clean(self):
        cleaned_data = super().clean()
        if not (self.limits_owned_choices() or self.limits_media_choices()):
            return cleaned_data
        for name, value in list(cleaned_data.items()):
            if hasattr(value, "stream_block") and hasattr(value, "raw_data"):
                self._check_stream_choices(name, value)
        self._check_inline_choices()
        return cleaned_data

    def _check_stream_choices(self, name, stream):
        chosen = list(chosen_in_stream(stream))
        if not chosen:
            return
        kept = set()
        if self.instance.pk is not None:  # what the object already shows may stay (not changed before _post_clean)
            stored = getattr(self.instance, name, None)
            if stored is not None and hasattr(stored, "stream_block"):
                kept = {(type(item), item.pk) for _, item in chosen_in_stream(stored)}
        refused = self._refused([item for _, item in chosen], kept)
        if refused:
            messages = [
                (path, self.refusal_for(type(item))) for path, item in chosen if (type(item), item.pk) in refused
            ]
            self.add_error(name, block_refusals(messages))

    def _check_inline_choices(self):
        """The rows of inline panels (a product's gallery): each chosen image, document or owned item."""
        for formset in getattr(self, "formsets", {}).values():
            formset.is_valid()  # its rows' cleaned_data
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if data.get("DELETE"):
                    continue
                for field_name, value in list(data.items()):
                    if not isinstance(value, Model) or not self.guards(type(value)):
                        continue
                    original = form.initial.get(field_name) if form.instance.pk is not None else None
                    if original == value.pk:
                        continue
                    if self._refused([value], set()):
                        form.add_error(field_name, self.refusal_for(type(value)))


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
