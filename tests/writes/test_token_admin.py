"""Tokens are made, listed and revoked in the admin (Cài đặt → Mã truy cập API), each account its
own; the portal keeps only a digest, and a token made there works — until it is revoked."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import APIToken, ModelLogEntry

from .conftest import TokenClient

pytestmark = pytest.mark.django_db

INDEX = "wagtailusers_api_tokens:index"
ADD = "wagtailusers_api_tokens:add"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def make_in_admin(client, user, name) -> str:
    response = client.post(reverse(ADD), {"name": name, "user": user.pk})
    assert response.status_code == 200, response.status_code
    plaintext = response.context["token"]
    assert plaintext.startswith("wagtail_") and plaintext in response.content.decode()
    return plaintext


@pytest.mark.parametrize("role", ["producer", "editor"])
def test_an_account_makes_its_own_token_in_the_admin_and_it_works(estate, role, client):
    user = estate["producer_a"] if role == "producer" else estate["editor"]
    admin = signed_in(user)

    index = admin.get(reverse(INDEX))
    assert index.status_code == 200
    assert "Mã truy cập API" in index.content.decode()
    form = admin.get(reverse(ADD)).context["form"]
    assert list(form.fields["user"].queryset) == [user]  # only for itself

    plaintext = make_in_admin(admin, user, "Ứng dụng bán hàng")
    created = admin.post(reverse(ADD), {"name": "x", "user": user.pk}).content.decode()
    assert "sao chép ngay" in created  # the page says, in Vietnamese, that it is shown once

    token = APIToken.objects.get(name="Ứng dụng bán hàng")
    assert token.user == user and token.key_hash != plaintext
    assert token.key_hash == APIToken.hash_token(plaintext)  # a digest: HMAC-SHA-256 with the secret key
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM wagtailcore_apitoken")
        assert plaintext not in repr(cursor.fetchall())
    assert ModelLogEntry.objects.filter(action="wagtail.apitoken.create", user=user).exists()

    page = estate["a"]["draft_product"]
    assert TokenClient(plaintext).get(f"/pages/{page.pk}/").status_code == 200


def test_an_account_neither_sees_nor_makes_nor_revokes_another_accounts_tokens(estate):
    producer, editor = estate["producer_a"], estate["editor"]
    theirs, _ = APIToken.create_token(user=editor, name="Mã của biên tập viên")
    admin = signed_in(producer)

    assert "Mã của biên tập viên" not in admin.get(reverse(INDEX)).content.decode()
    response = admin.post(reverse(ADD), {"name": "Giả danh", "user": editor.pk})
    assert not APIToken.objects.filter(name="Giả danh").exists()
    assert response.status_code in (200, 403)
    for view in ("edit", "delete"):
        url = reverse(f"wagtailusers_api_tokens:{view}", args=[theirs.pk])
        assert admin.get(url).status_code in (403, 404)
        admin.post(url, {"name": "Đổi tên"})
    theirs.refresh_from_db()
    assert theirs.revoked_at is None and theirs.name == "Mã của biên tập viên"


def test_a_reviewer_makes_no_token(estate):
    assert signed_in(estate["reviewer"]).get(reverse(INDEX)).status_code in (302, 403)


def test_revoking_in_the_admin_stops_the_token_at_once(estate):
    admin = signed_in(estate["producer_a"])
    plaintext = make_in_admin(admin, estate["producer_a"], "Sẽ thu hồi")
    api = TokenClient(plaintext)
    page = estate["a"]["draft_product"]
    assert api.get(f"/pages/{page.pk}/").status_code == 200

    token = APIToken.objects.get(name="Sẽ thu hồi")
    confirm = admin.get(reverse("wagtailusers_api_tokens:delete", args=[token.pk]))
    assert "Thu hồi" in confirm.content.decode()
    response = admin.post(reverse("wagtailusers_api_tokens:delete", args=[token.pk]))
    assert response.status_code == 302

    token.refresh_from_db()
    assert token.revoked_at is not None  # kept, for the audit trail
    assert ModelLogEntry.objects.filter(action="wagtail.apitoken.revoke", user=estate["producer_a"]).exists()
    assert api.get(f"/pages/{page.pk}/").status_code == 401
    listing = admin.get(reverse(INDEX)).content.decode()
    assert re.search(r"Sẽ thu hồi", listing)


def test_a_superuser_sees_everyones_tokens(estate, make_user):
    APIToken.create_token(user=estate["producer_a"], name="Mã chủ thể A")
    APIToken.create_token(user=estate["editor"], name="Mã biên tập")
    listing = signed_in(make_user("superuser")).get(reverse(INDEX)).content.decode()
    assert "Mã chủ thể A" in listing and "Mã biên tập" in listing
