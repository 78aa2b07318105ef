"""The link between a person's account and the one producer it acts for."""

from django.conf import settings
from django.db import models

# The editorial roles' group names, as the admin shows them (made by ``roles.ensure_roles``).
EDITORS = "Biên tập viên"
REVIEWERS = "Thẩm định viên"
PRODUCERS = "Chủ thể OCOP"


class ProducerAccount(models.Model):
    """A producer account edits only this producer's pages and uploads only into its collection."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="tài khoản", on_delete=models.CASCADE, related_name="producer_account"
    )
    producer = models.ForeignKey(
        "catalogue.ProducerPage", verbose_name="chủ thể", on_delete=models.CASCADE, related_name="accounts"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name="thư mục ảnh, tài liệu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tài khoản chủ thể"
        verbose_name_plural = "tài khoản chủ thể"

    def __str__(self):
        return f"{self.user.get_username()} → {self.producer.title}"


def producer_id_for(user) -> int | None:
    """The producer a (non-superuser) account acts for, cached on the user for the request."""
    if user is None or not user.is_authenticated or user.is_superuser:
        return None
    cache_name = "_ocop_producer_id"
    if not hasattr(user, cache_name):
        setattr(
            user,
            cache_name,
            ProducerAccount.objects.filter(user_id=user.pk).values_list("producer_id", flat=True).first(),
        )
    return getattr(user, cache_name)


def producer_role_without_account(user) -> bool:
    """In the producers' group but linked to no producer (the link was removed): the group's
    rights are meant for one producer's things, so they must not turn into rights on everyone's."""
    cache_name = "_ocop_unlinked_producer"
    if not hasattr(user, cache_name):
        setattr(user, cache_name, user.groups.filter(name=PRODUCERS).exists())
    return getattr(user, cache_name)
