"""Images and documents: what a producer's collection shows to whom in the admin API.

Each producer's collection (``roles.producer_collection``) belongs to its own accounts
and the editorial desk. Wagtail's listings and choosers already follow the collection
permissions; its admin API lists every image and document except those behind a
collection view restriction. The endpoints below apply the permission rule as well,
so that a producer's collection stays out of other accounts' sight even if its view
restriction is lifted.
"""

from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from .roles import PRODUCER_COLLECTIONS

MEDIA_ACTIONS = ("add", "change", "choose", "delete")


def hidden_collection_ids(user) -> set[int]:
    """Producers' collections on which ``user`` holds no image or document permission
    (its own producer's collection, or all of them for the editorial desk, are not hidden)."""
    parent = Collection.get_first_root_node().get_children().filter(name=PRODUCER_COLLECTIONS).first()
    if parent is None:
        return set()
    producers = set(Collection.objects.descendant_of(parent).values_list("pk", flat=True))
    allowed = set()
    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        allowed |= set(policy.collections_user_has_any_permission_for(user, MEDIA_ACTIONS).values_list("pk", flat=True))
    return producers - allowed


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=hidden_collection_ids(self.request.user))


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=hidden_collection_ids(self.request.user))
