from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Producer stories, published only after an authenticity review."""

    name = "stories"
    verbose_name = "Câu chuyện sản phẩm"

    def ready(self):
        from wagtail.signals import task_submitted

        from stories.models import AuthenticityReviewTaskState
        from stories.review.notifications import review_requested_notifier

        task_submitted.connect(
            review_requested_notifier,
            sender=AuthenticityReviewTaskState,
            dispatch_uid="stories_review_requested_email",
        )
