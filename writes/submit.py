"""``POST /api/v3-preview/pages/{id}/actions/submit/``: send a page's latest revision to its
workflow, as the admin's "Gửi duyệt" button does (v3 has no such action). A story goes to the
authenticity review (``stories.roles.STORY_WORKFLOW``), a producer's product or producer page to
the editors' "Duyệt nội dung"; a page sent back for changes is resubmitted. Nothing goes live here:
only the workflow's approval publishes."""

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import PositiveInt
from wagtail.models import WorkflowState

from .errors import Refused
from .rules import page_in_reach

NO_WORKFLOW = "Trang này không có quy trình duyệt để gửi."
ALREADY_WAITING = "Trang này đang chờ duyệt."
MAY_NOT_SUBMIT = "Tài khoản này không được gửi duyệt trang này."

router = Router(tags=["pages"])


class SubmittedSchema(Schema):
    id: int
    workflow: str
    task: str | None
    status: str
    live: bool


@router.post(
    "/{page_id}/actions/submit/",
    response=SubmittedSchema,
    url_name="pages_actions_submit",
    summary="Submit page to its workflow",
    operation_id="pages_actions_submit",
)
def submit(request: HttpRequest, page_id: PositiveInt):
    page = page_in_reach(request, page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise Refused(MAY_NOT_SUBMIT)
    workflow = page.get_workflow()
    if workflow is None:
        raise Refused(NO_WORKFLOW, status=400)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        if page.get_latest_revision() is None:
            page.save_revision(user=request.user)
        state.resume(request.user)
    elif page.workflow_in_progress:
        raise Refused(ALREADY_WAITING, status=409)
    else:
        if page.get_latest_revision() is None:
            page.save_revision(user=request.user)
        workflow.start(page, request.user)
    page.refresh_from_db()
    state = page.current_workflow_state
    task = state.current_task_state.task.name if state and state.current_task_state else None
    return {"id": page.pk, "workflow": workflow.name, "task": task, "status": state.status, "live": page.live}
