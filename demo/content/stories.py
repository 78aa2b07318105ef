"""Load the demo stories through the real authenticity review (submit, evidence, decide).

A story that already exists is left as it is: the review is a record of what
happened, so a second run must not review it again.
"""

from django.test.utils import override_settings
from wagtail.models import Workflow

from stories.models import StoryPage, StoryProduct, VerificationEvidence
from stories.roles import STORY_WORKFLOW

from .story_data import STORIES, Milestones, PullQuote, Related, StorySpec, Text


def _body(spec: StorySpec, products: dict) -> list[dict]:
    body = []
    for block in spec.body:
        if isinstance(block, Text):
            body.append({"type": "paragraph", "value": block.html})
        elif isinstance(block, PullQuote):
            body.append({"type": "quote", "value": {"text": block.text, "speaker": block.speaker, "role": block.role}})
        elif isinstance(block, Milestones):
            items = [{"year": m.year, "title": m.title, "text": m.text, "stars": m.stars} for m in block.items]
            body.append({"type": "milestones", "value": {"heading": block.heading, "milestones": items}})
        elif isinstance(block, Related):
            ids = [products[slug].pk for slug in block.products]
            body.append({"type": "related_products", "value": {"heading": block.heading, "products": ids}})
    return body


def load_stories(tree, producers: dict, products: dict, *, owner_for, reviewer) -> dict[str, int]:
    """Create the missing demo stories and take each to its review stage; returns counts by stage."""
    created = {"verified": 0, "waiting": 0, "sent_back": 0}
    workflow = Workflow.objects.get(name=STORY_WORKFLOW)
    # The demo's own reviews must not e-mail the demo accounts.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        for spec in STORIES:
            if StoryPage.objects.filter(slug=spec.slug).exists():
                continue
            producer = producers[spec.producer]
            author = owner_for(spec.producer)
            story = StoryPage(
                title=spec.title,
                slug=spec.slug,
                producer=producer,
                standfirst=spec.standfirst,
                author_name=spec.author_name,
                cover_image=producer.image,
                body=_body(spec, products),
                live=False,
                owner=author,
            )
            for slug in spec.products:
                story.product_links.add(StoryProduct(product=products[slug]))
            tree.stories.add_child(instance=story)
            story.save_revision(user=author, log_action=True)
            workflow.start(story, author)
            _decide(story, spec, reviewer)
            created[spec.review] += 1
    return created


def _decide(story: StoryPage, spec: StorySpec, reviewer) -> None:
    story.refresh_from_db()
    task_state = story.current_workflow_task_state
    for item in spec.evidence:
        VerificationEvidence.objects.create(
            review=task_state, method=item.method, checked_on=item.checked_on, notes=item.notes, recorded_by=reviewer
        )
    task = task_state.task.specific
    if spec.review == "verified":
        task.on_action(
            task_state, reviewer, "approve", attribution=spec.attribution, public_note=spec.public_note, comment=""
        )
    elif spec.review == "sent_back":
        task.on_action(task_state, reviewer, "reject", comment=spec.send_back_comment)
