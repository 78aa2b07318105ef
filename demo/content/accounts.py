"""Demo groups and accounts: an editor, a reviewer, a producer and a superuser.

Passwords are never written in code: each run draws new ones with ``secrets``
(or takes ``DEMO_PASSWORD`` from the environment, for convenience on a laptop)
and the command prints them once.
"""

import os
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.roles import EDITORS, PRODUCERS, REVIEWERS


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
    # Linked to the Krông Nô avocado cooperative by the loader (``link_producer_account``).
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
