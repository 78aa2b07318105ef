"""Admin page forms that know whom a producer account acts for."""

from wagtail.admin.forms import WagtailAdminPageForm

from .models import producer_id_for
from .owned.forms import OwnedChoicesMixin


class OwnedChoicesPageForm(OwnedChoicesMixin, WagtailAdminPageForm):
    """Any page: a producer account chooses only its own producer's owner-scoped items (tours,
    3D models, …) — in a chooser field, or in a StreamField block — and a posted id of anyone
    else's is refused with the model's own message. What the page already shows may stay."""


class ProducerOwnedPageForm(OwnedChoicesPageForm):
    """For a producer account the ``producer`` field is hidden (its FieldPanel needs a
    permission producers lack) and the page is always theirs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        producer_id = producer_id_for(self.for_user)
        if producer_id is not None and "producer" not in self.fields and self.instance.pk is None:
            self.instance.producer_id = producer_id
