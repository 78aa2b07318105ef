"""The portal's roles and workflows, set up idempotently by ``setup_site``.

- Editors (province OCOP offices) manage everything, and may review stories.
- Reviewers (the newspaper desk) verify stories; they reach a story's editor only
  while it waits for their review.
- Producers edit their own producer's pages and stories, upload into their own
  collection, and submit for review; they never publish. They add and retire the
  batch and item scan codes of their own products, and add and edit their own 360°
  panoramas, virtual tours and 3D models (never deleting them).

This module makes the groups and grants what the ground owns (the admin, producer
accounts, media collections, the editors' rights on the whole tree). Each app grants
its own through the ``ocop_roles`` hook (``core.extension_points.ROLES``): the catalogue
its rating right and the editors' "Duyệt nội dung" workflow on products and producers,
stories the "Thẩm định câu chuyện" workflow, scans and tours their owner-scoped models.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail import hooks
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import EDITORS, PRODUCERS, REVIEWERS, ProducerAccount

PRODUCER_COLLECTIONS = "Chủ thể OCOP"

# Django model permissions, as "app_label.codename" (the apps above add theirs: ``ocop_roles``).
MODEL_PERMISSIONS = {
    EDITORS: (
        "wagtailadmin.access_admin",
        "accounts.add_produceraccount",
        "accounts.change_produceraccount",
        "accounts.delete_produceraccount",
        "accounts.view_produceraccount",
    ),
    REVIEWERS: ("wagtailadmin.access_admin",),
    PRODUCERS: ("wagtailadmin.access_admin",),
}
# Image and document actions on the root collection (inherited by every collection).
EDITOR_MEDIA_ACTIONS = ("add", "change", "choose", "delete")
PRODUCER_MEDIA_ACTIONS = ("add", "change", "choose")


def grant(group, *dotted_names: str) -> None:
    """Give a group Django model permissions named "app_label.codename"."""
    group.permissions.add(*[_permission(dotted) for dotted in dotted_names])


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(action: str) -> Permission:
    return Permission.objects.get(content_type=ContentType.objects.get_for_model(Page), codename=f"{action}_page")


def _media_permissions(actions) -> list[Permission]:
    """Permissions Wagtail checks for images and documents (against its own base models)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    permissions = []
    for model in (get_image_model(), get_document_model()):
        auth_model = policy_registry.get_by_type(model).auth_model
        content_type = ContentType.objects.get_for_model(auth_model)
        for action in actions:
            permissions.append(
                Permission.objects.get(content_type=content_type, codename=f"{action}_{auth_model._meta.model_name}")
            )
    return permissions


def grant_pages(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(action))


def _grant_collection(group, collection, permissions):
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def ensure_workflow(name, task, sections):
    workflow, _ = Workflow.objects.get_or_create(name=name)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for section in sections:
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def ensure_roles(tree) -> dict[str, Group]:
    """Groups, their permissions, and (through ``ocop_roles``) each app's rights and workflows."""
    from core.extension_points import ROLES

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, REVIEWERS, PRODUCERS)}
    for name, dotted_names in MODEL_PERMISSIONS.items():
        grant(groups[name], *dotted_names)

    grant_pages(groups[EDITORS], tree.home, ("add", "change", "publish", "lock", "unlock"))

    root_collection = Collection.get_first_root_node()
    _grant_collection(groups[EDITORS], root_collection, _media_permissions(EDITOR_MEDIA_ACTIONS))
    _grant_collection(
        groups[EDITORS],
        root_collection,
        [_permission("wagtailcore.add_collection"), _permission("wagtailcore.change_collection")],
    )
    _grant_collection(groups[REVIEWERS], root_collection, _media_permissions(("choose",)))

    for grant_app_rights in hooks.get_hooks(ROLES):
        grant_app_rights(groups, tree)

    # Collections of producers linked before their collections were restricted.
    for account in ProducerAccount.objects.exclude(collection=None).select_related("producer", "collection"):
        restrict_producer_collection(account.collection, producer_group(account.producer))
    return groups


def ensure_group_approval(workflow_name: str, task_name: str, group, sections) -> None:
    """A one-step workflow on ``sections`` in which ``group`` approves."""
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.add(group)
    ensure_workflow(workflow_name, task, sections)


def producer_group(producer) -> Group:
    """The producer's own small group: Wagtail grants collection rights to groups."""
    return Group.objects.get_or_create(name=f"{PRODUCERS}: {producer.title} (#{producer.pk})"[:150])[0]


def producer_collection(producer) -> Collection:
    """The producer's own collection, under a shared "Chủ thể OCOP" collection, restricted from the start."""
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=PRODUCER_COLLECTIONS).first() or root.add_child(name=PRODUCER_COLLECTIONS)
    name = f"{producer.title} (#{producer.pk})"
    collection = parent.get_children().filter(name=name).first() or parent.add_child(name=name)
    restrict_producer_collection(collection, producer_group(producer))
    return collection


def restrict_producer_collection(collection, group) -> None:
    """Documents in a producer's collection are for its own accounts and the editorial desk
    (editors, reviewers) only: a collection view restriction, which the document download
    view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``) and Wagtail's APIs check. Idempotent."""
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.GROUPS
        )
    elif restriction.restriction_type != BaseViewRestriction.GROUPS:
        restriction.restriction_type = BaseViewRestriction.GROUPS
        restriction.password = ""
        restriction.save(update_fields=["restriction_type", "password"])
    desk = [Group.objects.get_or_create(name=name)[0] for name in (EDITORS, REVIEWERS)]
    restriction.groups.add(group, *desk)


@transaction.atomic
def link_producer_account(user, producer) -> ProducerAccount:
    """Make ``user`` a producer account of ``producer`` (idempotent).

    Wagtail grants collection rights to groups, so each producer has its own small
    group holding the rights on its own collection.
    """
    collection = producer_collection(producer)
    group = producer_group(producer)
    _grant_collection(group, collection, _media_permissions(PRODUCER_MEDIA_ACTIONS))
    account, _ = ProducerAccount.objects.update_or_create(
        user=user, defaults={"producer": producer, "collection": collection}
    )
    other_producer_groups = user.groups.filter(name__startswith=f"{PRODUCERS}: ").exclude(pk=group.pk)
    user.groups.remove(*other_producer_groups)
    user.groups.add(Group.objects.get(name=PRODUCERS), group)
    return account


def unlink_producer_account(sender, instance: ProducerAccount, **kwargs) -> None:
    """An account taken from its producer leaves the producers' groups too: the groups' rights
    (add and change pages, scan codes, media) are meant for one producer's own things only."""
    user = get_user_model().objects.filter(pk=instance.user_id).first()
    if user is not None:  # None: the account went with its user
        user.groups.remove(*user.groups.filter(name__startswith=PRODUCERS))
