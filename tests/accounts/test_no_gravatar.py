"""The admin fetches nothing from outside services: no Gravatar avatars (issue 13), which would
send a hash of every account's e-mail address to a third party with each admin page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/admin/", "/admin/account/", "/admin/users/"])
def test_admin_pages_contain_no_gravatar_url(client, django_user_model, url):
    admin = django_user_model.objects.create_superuser("quantri", "quantri@ocop.example", "mat-khau-dung-1")
    django_user_model.objects.create_user("chuthe", "chuthe@ocop.example", "mat-khau-dung-2")
    client.force_login(admin)

    response = client.get(url)

    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()


def test_the_check_would_see_a_gravatar(client, django_user_model, settings):
    """The test above looks in the right place: with Wagtail's default the admin shows one."""
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar"
    client.force_login(django_user_model.objects.create_superuser("quantri", "quantri@ocop.example", "x-1"))

    assert "gravatar.com/avatar" in client.get("/admin/users/").content.decode()
