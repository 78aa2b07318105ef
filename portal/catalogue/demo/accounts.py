"""Demo groups and accounts: an editor, a reviewer, a producer and a superuser.

Passwords are never written in code: each run draws new ones with ``secrets``
(or takes ``DEMO_PASSWORD`` from the environment, for convenience on a laptop)
and the command prints them once.
"""

import os
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITORS = "Biên tập viên"
REVIEWERS = "Thẩm định viên"
PRODUCERS = "Chủ thể OCOP"

# Page permissions on the home page (inherited by the whole subtree).
GROUP_PAGE_PERMISSIONS = {
    EDITORS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    REVIEWERS: ("change_page", "publish_page"),
    PRODUCERS: (),
}
# Image permissions on the root collection (inherited by every collection).
GROUP_IMAGE_PERMISSIONS = {
    EDITORS: ("add", "change", "choose", "delete"),
    REVIEWERS: ("choose",),
    PRODUCERS: (),
}
GROUP_COLLECTION_PERMISSIONS = {
    EDITORS: ("add_collection", "change_collection"),
    REVIEWERS: (),
    PRODUCERS: (),
}


@dataclass(frozen=True)
class AccountSpec:
    username: str
    group: str | None
    role: str
    first_name: str
    last_name: str
    superuser: bool = False


ACCOUNTS = [
    AccountSpec("admin", None, "Quản trị hệ thống / superuser", "Quản trị", "viên", superuser=True),
    AccountSpec("bientap", EDITORS, "Biên tập viên / editor", "Biên tập", "viên"),
    AccountSpec("thamdinh", REVIEWERS, "Thẩm định viên / reviewer", "Thẩm định", "viên"),
    # Linked by name to the Krông Nô avocado cooperative (per-producer rights come later).
    AccountSpec(
        "chuthe", PRODUCERS, "Chủ thể OCOP / producer", "Chủ thể", "HTX Nông nghiệp dịch vụ bơ núi lửa Krông Nô"
    ),
]


DEMO_EMAIL_DOMAIN = "ocop.example"


@dataclass(frozen=True)
class Credential:
    username: str
    password: str  # empty when an existing, non-demo account was left alone
    role: str


def new_password() -> str:
    return os.environ.get("DEMO_PASSWORD") or secrets.token_urlsafe(12)


def _image_permission(action: str) -> Permission | None:
    """The permission Wagtail checks for an image action.

    Wagtail checks image permissions against its own ``wagtailimages.Image`` model
    (the policy's ``auth_model``), even when a custom image model is in use.
    """
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    model = policy_registry.get_by_type(get_image_model()).auth_model
    return Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(model), codename=f"{action}_{model._meta.model_name}"
    ).first()


def ensure_groups(home: Page) -> dict[str, Group]:
    """Create the three groups and give them their permissions (idempotent)."""
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    page_ct = ContentType.objects.get_for_model(Page)
    collection_ct = ContentType.objects.get_for_model(Collection)
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in (EDITORS, REVIEWERS, PRODUCERS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for codename in GROUP_PAGE_PERMISSIONS[name]:
            permission = Permission.objects.get(content_type=page_ct, codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        for action in GROUP_IMAGE_PERMISSIONS[name]:
            permission = _image_permission(action)
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
        for codename in GROUP_COLLECTION_PERMISSIONS[name]:
            permission = Permission.objects.get(content_type=collection_ct, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        groups[name] = group
    return groups


def ensure_accounts(groups: dict[str, Group]) -> list[Credential]:
    """Create or update the demo users; every run sets (and returns) fresh passwords.

    An account with a demo username that this command did not create (its e-mail is
    not on the demo domain, e.g. an ``admin`` made with ``createsuperuser``) is left
    untouched: the demo never changes a real person's password.
    """
    User = get_user_model()
    credentials = []
    for spec in ACCOUNTS:
        user, _ = User.objects.get_or_create(
            username=spec.username, defaults={"email": f"{spec.username}@{DEMO_EMAIL_DOMAIN}"}
        )
        if not user.email.endswith("@" + DEMO_EMAIL_DOMAIN):
            credentials.append(Credential(spec.username, "", spec.role))
            continue
        user.first_name, user.last_name = spec.first_name, spec.last_name
        user.is_active = True
        user.is_staff = spec.superuser
        user.is_superuser = spec.superuser
        password = new_password()
        user.set_password(password)
        user.save()
        if spec.group:
            user.groups.set([groups[spec.group]])
        credentials.append(Credential(spec.username, password, spec.role))
    return credentials
