"""The story page's admin form: a producer account tells its story with its own tours, images and
products only."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from accounts.forms import ProducerOwnedPageForm

NOT_THE_STORYS_PRODUCT = "Sản phẩm không thuộc chủ thể của câu chuyện."


class StoryPageForm(ProducerOwnedPageForm):
    """A "tour" chapter shows a tour the account may see; a posted id of another producer's tour
    is refused (the chooser never offers one). A tour an editor already put in the story may stay.
    The owner-scoped choices (``accounts.owned``) are checked here for everyone but superusers:
    a reviewer, too, shows only the tours it may see.

    The products the story tells about are the story's producer's own: each posted link to another
    producer's product is refused on its row, whoever posts it, before anything is saved."""

    def limits_owned_choices(self) -> bool:
        return self.for_user is not None and not self.for_user.is_superuser

    def clean(self):
        cleaned_data = super().clean()
        producer_id = self._story_producer_id(cleaned_data)
        if producer_id is not None:
            for form in self._linked_forms():
                if form.cleaned_data["product"].producer_id != producer_id:
                    form.add_error("product", NOT_THE_STORYS_PRODUCT)
        return cleaned_data

    def _story_producer_id(self, cleaned_data):
        if "producer" in self.fields:
            producer = cleaned_data.get("producer")
            return producer.pk if producer is not None else None
        return self.instance.producer_id

    def _linked_forms(self) -> list:
        """The rows of the posted product links that stay and name a product (not refused)."""
        formset = self.formsets.get("product_links")
        if formset is None:
            return []
        formset.is_valid()  # its rows' cleaned_data
        return [
            form
            for form in formset.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("product") is not None
        ]

    def _post_clean(self):
        # The model's own check (``StoryPage.clean``) reads the links in memory: let them be the
        # posted ones, not those stored before this form.
        if "product_links" in self.formsets:
            self.instance.product_links = [form.instance for form in self._linked_forms()]
        super()._post_clean()

    def _update_errors(self, errors):
        # A model error on a field this user's form does not show is the form's own error.
        if hasattr(errors, "error_dict"):
            moved = {}
            for field, messages in errors.error_dict.items():
                shown = field == NON_FIELD_ERRORS or field in self.fields
                moved.setdefault(field if shown else NON_FIELD_ERRORS, []).extend(messages)
            errors = ValidationError(moved)
        super()._update_errors(errors)
