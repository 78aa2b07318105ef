"""The story page's admin form: a producer account tells its story with its own tours only."""

from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from accounts.forms import ProducerOwnedPageForm
from tours.models import Tour
from tours.owner_admin import NOT_YOUR_TOUR
from tours.permissions import reachable


def _tour_ids(body) -> set[int]:
    # The raw JSON, so that a tour deleted since is simply not there.
    return {
        child["value"]["tour"] for child in body.raw_data if child.get("type") == "tour" and child["value"].get("tour")
    }


class StoryPageForm(ProducerOwnedPageForm):
    """A "tour" chapter shows a tour the account may see; a posted id of another producer's tour
    is refused here (the chooser never offers one). A tour an editor already put in the story
    may stay."""

    def clean(self):
        cleaned_data = super().clean()
        body = cleaned_data.get("body")
        if body is None or self.for_user is None or self.for_user.is_superuser:
            return cleaned_data
        allowed = None
        errors = {}
        for index, child in enumerate(body):
            if child.block_type != "tour" or child.value.get("tour") is None:
                continue
            if allowed is None:
                allowed = set(reachable(Tour, self.for_user).values_list("pk", flat=True))
                if self.instance.pk is not None:
                    allowed |= _tour_ids(type(self.instance).objects.get(pk=self.instance.pk).body)
            if child.value["tour"].pk not in allowed:
                errors[index] = StructBlockValidationError({"tour": ValidationError(NOT_YOUR_TOUR)})
        if errors:
            self.add_error("body", StreamBlockValidationError(block_errors=errors))
        return cleaned_data
