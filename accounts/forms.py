"""Admin page forms that know whom a producer account acts for."""

from wagtail.admin.forms import WagtailAdminPageForm

from .models import producer_id_for


class ProducerOwnedPageForm(WagtailAdminPageForm):
    """For a producer account the ``producer`` field is hidden (its FieldPanel needs a
    permission producers lack) and the page is always theirs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        producer_id = producer_id_for(self.for_user)
        if producer_id is not None and "producer" not in self.fields and self.instance.pk is None:
            self.instance.producer_id = producer_id
