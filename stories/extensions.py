"""What stories add to the pages, roles and dashboard of the apps below them (``core.extension_points``).

Registered with Wagtail's hooks; imported by ``stories/wagtail_hooks.py``.
"""

from wagtail import hooks

from accounts.roles import EDITORS, PRODUCERS, REVIEWERS, ensure_workflow, grant, grant_pages
from catalogue.models import HomePage, ProducerPage, ProductPage
from core.extension_points import PAGE_CONTEXT, PAGE_SECTIONS, PRODUCER_DASHBOARD, ROLES, SITE_SECTIONS, Section
from core.visibility import public_pages

from .models import AuthenticityReviewTask, StoryIndexPage, StoryPage, verified_stories_about
from .review.status import review_status
from .roles import STORY_TASK, STORY_WORKFLOW

LATEST_ON_HOME = 3


@hooks.register(PAGE_CONTEXT)
def verified_stories(page, request):
    if isinstance(page, ProductPage):
        return {"stories": verified_stories_about(product=page)}
    if isinstance(page, ProducerPage):
        return {"stories": verified_stories_about(producer_id=page.pk)}
    if isinstance(page, HomePage):
        return {
            "latest_stories": verified_stories_about()[:LATEST_ON_HOME],
            "story_index": public_pages(StoryIndexPage.objects).first(),
        }
    return None


@hooks.register(PAGE_SECTIONS)
def story_sections(page):
    if isinstance(page, ProductPage):
        return [
            Section("summary", "stories/sections/product_story_line.html"),
            Section("end", "stories/sections/verified_stories.html", order=300),
        ]
    if isinstance(page, ProducerPage):
        return [Section("end", "stories/sections/verified_stories.html", order=300)]
    if isinstance(page, HomePage):
        return [Section("after_featured", "stories/sections/latest_stories.html")]
    return ()


@hooks.register(SITE_SECTIONS)
def ensure_story_index(home):
    stories = StoryIndexPage.objects.child_of(home).first() or home.add_child(
        instance=StoryIndexPage(
            title="Câu chuyện sản phẩm",
            slug="cau-chuyen",
            show_in_menus=True,
            intro="Hành trình của người làm ra sản phẩm OCOP, được ban biên tập kiểm chứng trước khi đăng.",
        )
    )
    return {"stories": stories}


@hooks.register(ROLES)
def review_roles(groups, tree):
    """Reviewers (and editors) verify stories; producers write their own; nobody publishes one directly."""
    grant(groups[EDITORS], "stories.assign_story_producer", "stories.view_evidence")
    grant(groups[REVIEWERS], "stories.view_evidence")
    # "add" here means, for a producer account, "write and edit your own stories".
    grant_pages(groups[PRODUCERS], tree.stories, ("add",))
    review_task = AuthenticityReviewTask.objects.filter(name=STORY_TASK).first()
    if review_task is None:
        review_task = AuthenticityReviewTask.objects.create(name=STORY_TASK)
    review_task.groups.add(groups[REVIEWERS], groups[EDITORS])
    ensure_workflow(STORY_WORKFLOW, review_task, [tree.stories])


@hooks.register(PRODUCER_DASHBOARD)
def producer_stories(producer, request):
    stories = list(StoryPage.objects.filter(producer=producer).order_by("-latest_revision_created_at"))
    for story in stories:
        story.review_status = review_status(story)
    context = {"stories": stories, "stories_index": StoryIndexPage.objects.first()}
    return [Section("stories", "stories/admin/producer_dashboard_stories.html", order=10, context=context)]
