"""What happens when a workflow is approved: publish the revision that was reviewed.

Wagtail imports this module while its own models load, so it imports models lazily.
"""


def publish_reviewed_revision(workflow_state, user=None):
    """Wagtail publishes the *latest* revision; for a story it must be the *reviewed* one.

    Set as ``WAGTAIL_FINISH_WORKFLOW_ACTION``. Other pages keep Wagtail's behaviour.
    """
    from wagtail.workflows import publish_workflow_state

    from stories.models import AuthenticityReviewTaskState

    task_state = workflow_state.current_task_state
    if task_state is not None and isinstance(task_state.specific, AuthenticityReviewTaskState):
        # The approved review is the authority here: nobody holds a "publish" right on stories.
        task_state.revision.publish(user=user, skip_permission_checks=True)
    else:
        publish_workflow_state(workflow_state, user=user)
