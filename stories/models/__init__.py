from .choices import Attribution, VerificationMethod
from .pages import StoryIndexPage, StoryPage, StoryProduct, UnverifiedStoryError, verified_stories_about
from .review import AuthenticityReviewTask, AuthenticityReviewTaskState, VerificationEvidence

__all__ = [
    "Attribution",
    "AuthenticityReviewTask",
    "AuthenticityReviewTaskState",
    "StoryIndexPage",
    "StoryPage",
    "StoryProduct",
    "UnverifiedStoryError",
    "VerificationEvidence",
    "VerificationMethod",
    "verified_stories_about",
]
