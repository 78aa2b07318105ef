"""Guessing a protected page's shared password is stopped like guessing a login's.

Wagtail's form for a page behind a shared password (``/_util/authenticate_with_password/``)
compares the password itself, without ``authenticate()``, so django-axes never saw it: any
number of guesses were allowed. Here each wrong password is reported to axes as a failed
login of the page's restriction — a name no account can have — so the same limits, cool-off
and Vietnamese 429 page apply: so many wrong guesses at one page's password, or from one
address (counted with its wrong logins), and even the right password is refused until the
cool-off has passed.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from wagtail.views import authenticate_with_password as wagtail_authenticate_with_password

# Usernames are at most 150 characters of letters, digits and @.+-_: a colon keeps these apart.
RESTRICTION_PREFIX = "trang-co-mat-khau:"


def credentials_for(restriction_id: int) -> dict:
    return {"username": f"{RESTRICTION_PREFIX}{restriction_id}"}


def authenticate_with_password(request, page_view_restriction_id: int, page_id: int):
    if request.method != "POST" or not settings.AXES_ENABLED:
        return wagtail_authenticate_with_password(request, page_view_restriction_id, page_id)

    credentials = credentials_for(page_view_restriction_id)
    if not AxesProxyHandler.is_allowed(request, credentials):
        return get_lockout_response(request, credentials=credentials)

    response = wagtail_authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 200:  # the form again: the password was wrong (a pass is a redirect)
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    return response
