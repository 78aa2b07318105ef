"""The login lockout's two portal parts: the page a locked-out login gets (django-axes'
``AXES_LOCKOUT_CALLABLE``) and what a successful login clears.

Axes refuses the login and its middleware swaps the login page's answer for this one: a
Vietnamese page, status 429 with ``Retry-After``, saying when to try again. Every attempt
during the lockout is counted as a failure and starts the wait again, so the wait is counted
from now.
"""

import math

from axes.helpers import get_cool_off
from axes.utils import reset
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    seconds = max(1, math.ceil(cool_off.total_seconds()))
    context = {
        "minutes": math.ceil(seconds / 60),
        "retry_at": timezone.localtime(timezone.now() + cool_off),
    }
    response = render(request, "accounts/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def clear_own_failures(sender, request, user, **kwargs):
    """A successful login clears that account's failures — and only those.

    Axes' own ``AXES_RESET_ON_SUCCESS`` clears every failure of the account *and of the
    address*: a guesser with an account of its own could then sign in to it between guesses
    and try another account's passwords without end. Here the address keeps the failures made
    at other accounts; the account's own ones (from any address) go.
    """
    if settings.AXES_ENABLED:
        reset(username=user.get_username())
