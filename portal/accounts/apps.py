from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Roles (editors, reviewers, producers) and what a producer account may touch."""

    name = "portal.accounts"
    label = "accounts"
    verbose_name = "Tài khoản và phân quyền"

    def ready(self):
        # Must run before anything asks Wagtail for the page policy (it caches a fallback).
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from .permissions import PortalPagePermissionPolicy

        register_permission_policy(Page, PortalPagePermissionPolicy(Page))
