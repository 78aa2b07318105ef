"""The story page's admin form: a producer account tells its story with its own tours only."""

from accounts.forms import ProducerOwnedPageForm


class StoryPageForm(ProducerOwnedPageForm):
    """A "tour" chapter shows a tour the account may see; a posted id of another producer's tour
    is refused (the chooser never offers one). A tour an editor already put in the story may stay.
    The owner-scoped choices (``accounts.owned``) are checked here for everyone but superusers:
    a reviewer, too, shows only the tours it may see."""

    def limits_owned_choices(self) -> bool:
        return self.for_user is not None and not self.for_user.is_superuser
