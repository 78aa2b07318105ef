"""How long one request may spend making image renditions before it hands the rest on.

A page whose renditions are missing (a cold cache after a deploy, a listing of sixteen new
producers × nine sizes) once spent longer making them than gunicorn gives a worker. Each
request now gets a budget (``RENDITION_BUDGET_SECONDS``): while it lasts, missing renditions
are made inline as before; once it is spent, the image model hands out a signed on-demand URL
instead (``images.views.on_demand``), and each such image is made in its own small request.

The budget is request-scoped: ``RenditionBudgetMiddleware`` opens one per request in a
``ContextVar`` (per thread and per asyncio task, so concurrent requests never share one) and
closes it when the response is ready. Outside a request — the background task, the
``make_renditions`` command, the shell — there is no budget and renditions are always made;
``unbounded()`` lifts it inside a request for the code whose job is to make them (the
on-demand view).
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings


class Budget:
    """Seconds of rendition making left to one request."""

    def __init__(self, seconds: float):
        self.left = seconds

    @property
    def spent(self) -> bool:
        return self.left <= 0

    @contextmanager
    def charged(self):
        """Count the time of the block against the budget (also when it fails)."""
        started = time.monotonic()
        try:
            yield
        finally:
            self.left -= time.monotonic() - started


_current: ContextVar[Budget | None] = ContextVar("rendition_budget", default=None)


def current() -> Budget | None:
    """The request's budget, or None where renditions are always made inline."""
    return _current.get()


@contextmanager
def limited(seconds: float):
    token = _current.set(Budget(seconds))
    try:
        yield
    finally:
        _current.reset(token)


@contextmanager
def unbounded():
    """Make every rendition inline within the block (the on-demand view, a task)."""
    token = _current.set(None)
    try:
        yield
    finally:
        _current.reset(token)


class RenditionBudgetMiddleware:
    """Open a rendition budget for each request and close it with the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with limited(settings.RENDITION_BUDGET_SECONDS):
            return self.get_response(request)
