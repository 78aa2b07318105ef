"""Who a bearer token speaks for: a token that is unknown, revoked, expired or whose account is
inactive speaks for nobody (401). Wagtail's ``APIToken`` has no expiry of its own; a token expires
``API_TOKEN_MAX_AGE_DAYS`` after it was made (0: never)."""

import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import APIToken


def live_tokens():
    tokens = APIToken.objects.filter(revoked_at__isnull=True)
    max_age = getattr(settings, "API_TOKEN_MAX_AGE_DAYS", 0)
    if max_age:
        tokens = tokens.filter(created__gt=timezone.now() - datetime.timedelta(days=max_age))
    return tokens


class PortalTokenAuth(BearerTokenAuth):
    def authenticate(self, request, token: str):
        # A session cookie never counts here: the request is anonymous until a token says otherwise.
        request.user = AnonymousUser()
        if not APIToken.validate_token_format(token):
            return None
        api_token = (
            live_tokens().select_related("user").filter(key_hash__in=APIToken.candidate_key_hashes(token)).first()
        )
        if api_token is None or not api_token.user.is_active:
            return None
        request.user = api_token.user
        self._touch_last_used(api_token)
        return api_token
