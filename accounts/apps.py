from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Roles (editors, reviewers, producers) and what a producer account may touch."""

    name = "accounts"
    label = "accounts"
    verbose_name = "Tài khoản và phân quyền"

    def ready(self):
        # Must run before anything asks Wagtail for the page policy (it caches a fallback).
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from .permissions import PortalPagePermissionPolicy

        register_permission_policy(Page, PortalPagePermissionPolicy(Page))

        from .permissions import scope_page_filters_to_producers

        scope_page_filters_to_producers()

        from django.db.models.signals import post_delete

        from .models import ProducerAccount
        from .roles import unlink_producer_account

        post_delete.connect(unlink_producer_account, sender=ProducerAccount, dispatch_uid="ocop-unlink-producer")

        from django.contrib.auth.signals import user_logged_in

        from .lockout import clear_own_failures

        user_logged_in.connect(clear_own_failures, dispatch_uid="ocop-clear-login-failures")
