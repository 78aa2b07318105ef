import json

import pytest
from django.test import Client
from wagtail.models import APIToken

API = "/api/v3-preview"


class TokenClient:
    """A client of the token API: JSON in, JSON out, with ``Authorization: Bearer``."""

    def __init__(self, token: str | None):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def _send(self, method, path, body=None):
        kwargs = {"headers": self.headers}
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        response = getattr(self.client, method)(f"{API}{path}", **kwargs)
        assert response["Content-Type"].startswith("application/json"), response.content[:200]
        return response

    def get(self, path):
        return self._send("get", path)

    def post(self, path, body=None):
        return self._send("post", path, body if body is not None else {})

    def patch(self, path, body):
        return self._send("patch", path, body)

    def delete(self, path):
        return self._send("delete", path)


@pytest.fixture
def token_for():
    def make(user, name="Ứng dụng thử"):
        _token, plaintext = APIToken.create_token(user=user, name=name)
        return TokenClient(plaintext)

    return make


@pytest.fixture
def estate(make_producer, make_product, make_story, make_user, editorial_site):
    """Two producers, A and B, each with a live and a draft product and a draft story; an account
    of A, an editor and a reviewer."""
    result = {}
    for key, name in (("a", "HTX Bơ núi lửa"), ("b", "HTX Miến dong")):
        producer = make_producer(title=name)
        result[key] = {
            "producer": producer,
            "live_product": make_product(producer=producer, title=f"Sản phẩm công khai {name}"),
            "draft_product": make_product(producer=producer, title=f"Sản phẩm nháp {name}", live=False),
            "story": make_story(producer, title=f"Câu chuyện nháp {name}"),
        }
    result["producer_a"] = make_user("producer", producer=result["a"]["producer"])
    result["editor"] = make_user("editor")
    result["reviewer"] = make_user("reviewer")
    return result
