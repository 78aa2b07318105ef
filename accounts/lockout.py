"""The page a locked-out login gets (django-axes' ``AXES_LOCKOUT_CALLABLE``).

Axes refuses the login and its middleware swaps the login page's answer for this one: a
Vietnamese page, status 429 with ``Retry-After``, saying when to try again. Every attempt
during the lockout is counted as a failure and starts the wait again, so the wait is counted
from now.
"""

import math

from axes.helpers import get_cool_off
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
