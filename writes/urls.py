"""Mounted at ``/api/v3-preview/`` by ``portal/urls.py``: Wagtail's v3 API, held to the portal's rules."""

from .gate import hold_the_api_to_the_rules

api = hold_the_api_to_the_rules()
