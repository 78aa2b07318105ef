"""E-mail to the review desk when a story is submitted (approval and send-back
e-mails to the submitter are Wagtail's own workflow notifications)."""

from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier


class ReviewRequestedNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    notification = "submitted"

    def get_template_base_prefix(self, instance, **kwargs):
        return "authenticity_review_"

    def get_context(self, task_state, **kwargs):
        from django.urls import reverse

        context = super().get_context(task_state, **kwargs)
        context["workspace_path"] = reverse("story_reviews:workspace", args=[task_state.pk])
        context["requested_by"] = task_state.workflow_state.requested_by
        return context


review_requested_notifier = ReviewRequestedNotifier()
