"""A real webhook receiver on a loopback port, and a subscription pointing at it."""

import json
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from webhooks.event_types import EVENT_TYPES
from webhooks.models import Subscription


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes

    @property
    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class Receiver:
    """Records every POST; answers 204 unless told otherwise with ``answer(status, ...)``."""

    url: str
    requests: list = field(default_factory=list)
    answers: deque = field(default_factory=deque)

    def answer(self, status: int, times: int = 1, body: bytes = b"", headers: dict | None = None) -> None:
        self.answers.extend([(status, body, headers or {})] * times)

    def events(self) -> list[dict]:
        return [received.json for received in self.requests]

    def types(self) -> list[str]:
        return [event["type"] for event in self.events()]


@pytest.fixture
def receiver():
    received: list[Received] = []
    answers: deque = deque()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            received.append(Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
            status, answer, headers = answers.popleft() if answers else (204, b"", {})
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Receiver(f"http://127.0.0.1:{server.server_port}/hooks/ocop", received, answers)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def subscription(db, receiver):
    return Subscription.objects.create(url=receiver.url, event_types=list(EVENT_TYPES), description="Sàn thử nghiệm")


@pytest.fixture
def editor(make_user):
    return make_user("editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
