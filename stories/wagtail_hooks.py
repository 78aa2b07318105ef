"""Admin wiring for stories: the review workspace, its menu entry, dashboard panel and log actions."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from stories.models import AuthenticityReviewTask
from stories.review import urls as review_urls
from stories.review.views import reviewable_task_states

from . import extensions  # noqa: F401  (what stories add to the catalogue's pages, roles and dashboard)


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("stories/reviews/", include(review_urls, namespace="story_reviews"))]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.has_perm("stories.view_evidence") or any(
            task.user_can_review(user) for task in AuthenticityReviewTask.objects.filter(active=True)
        )


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        "Thẩm định câu chuyện", reverse("story_reviews:queue"), icon_name="doc-full-inverse", order=250
    )


class StoriesAwaitingReviewPanel(Component):
    """On the reviewer's dashboard: what is waiting, oldest first, one click from the workspace."""

    name = "stories_awaiting_review"
    template_name = "stories/admin/dashboard_panel.html"
    order = 90

    def __init__(self, task_states):
        self.task_states = task_states

    def get_context_data(self, parent_context=None):
        return {"task_states": self.task_states}


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    from stories.review.views import _with_stories

    waiting = _with_stories(list(reviewable_task_states(request.user)[:10]))
    if waiting:
        panels.append(StoriesAwaitingReviewPanel(waiting))


@hooks.register("register_log_actions")
def register_story_log_actions(actions):
    actions.register_action("stories.evidence_recorded", "Ghi bằng chứng xác minh", "Đã ghi bằng chứng xác minh")
