"""The public verification records of many stories at once (who checked, when, how).

The same record as ``AuthenticityReviewTaskState.public_summary()`` (stories/models/review.py),
built for a whole answer in three queries instead of several per story.
"""

from django.utils import timezone
from wagtail.models import TaskState

from stories.models import AuthenticityReviewTask, AuthenticityReviewTaskState, VerificationEvidence
from stories.models.choices import Attribution
from stories.models.review import vietnamese_date


def records(stories) -> dict[int, dict | None]:
    """story id → its verification record (None for a story without an approved review)."""
    revisions = {story.live_revision_id: story.pk for story in stories if story.live_revision_id}
    reviews = {}
    for review in (
        AuthenticityReviewTaskState.objects.filter(revision_id__in=revisions, status=TaskState.STATUS_APPROVED)
        .select_related("finished_by")
        .order_by("finished_at")
    ):
        reviews[review.revision_id] = review  # the latest approval of each revision wins
    desks = dict(
        AuthenticityReviewTask.objects.filter(pk__in={review.task_id for review in reviews.values()}).values_list(
            "pk", "desk_name"
        )
    )
    evidence: dict[int, list] = {}
    for item in (
        VerificationEvidence.objects.filter(
            review__workflow_state_id__in={review.workflow_state_id for review in reviews.values()}
        )
        .select_related("review")
        .order_by("checked_on", "pk")
    ):
        evidence.setdefault(item.review.workflow_state_id, []).append(item)
    found = {story_id: None for story_id in revisions.values()}
    for revision_id, review in reviews.items():
        found[revisions[revision_id]] = _record(review, desks.get(review.task_id, ""), evidence)
    return found


def _record(review, desk_name: str, evidence: dict) -> dict:
    verifier = desk_name
    if review.attribution == Attribution.REVIEWER and review.finished_by:
        verifier = review.finished_by.get_full_name().strip() or desk_name
    methods = {}
    for item in evidence.get(review.workflow_state_id, []):
        methods.setdefault(item.method, item)  # the earliest check of each kind
    verified_on = timezone.localdate(review.finished_at) if review.finished_at else None
    return {
        "verified_by": verifier,
        "verified_on": verified_on.isoformat() if verified_on else None,
        "verified_on_display": vietnamese_date(verified_on) if verified_on else "",
        "note": review.public_note,
        "methods": [
            {
                "method": item.method,
                "label": item.get_method_display(),
                "checked_on": item.checked_on.isoformat(),
                "checked_on_display": vietnamese_date(item.checked_on),
            }
            for item in methods.values()
        ],
    }
