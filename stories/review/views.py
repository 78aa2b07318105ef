"""The reviewer's workspace: the queue, one review with its evidence, and evidence files.

Every view is under /admin/ (login and admin access required by Wagtail) and
checks the reviewer's right on the task itself, not just which buttons show.
"""

import mimetypes

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View
from wagtail.log_actions import log
from wagtail.models import TaskState

from stories.models import AuthenticityReviewTask, AuthenticityReviewTaskState, VerificationEvidence

from .decisions import ApproveStoryForm, SendBackForm
from .forms import EvidenceForm

RECENT_DECISIONS = 20


def can_see_evidence(user, task_state) -> bool:
    return user.has_perm("stories.view_evidence") or task_state.task.specific.user_can_review(user)


def reviewable_task_states(user):
    """In-progress reviews this user may decide, oldest first (first come, first served)."""
    tasks = [task for task in AuthenticityReviewTask.objects.filter(active=True) if task.user_can_review(user)]
    return (
        AuthenticityReviewTaskState.objects.filter(task__in=tasks, status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state__requested_by", "revision__user")
        .order_by("started_at")
    )


class ReviewQueueView(View):
    template_name = "stories/admin/review_queue.html"

    def get(self, request):
        user = request.user
        if not (
            user.has_perm("stories.view_evidence")
            or any(task.user_can_review(user) for task in AuthenticityReviewTask.objects.filter(active=True))
        ):
            raise PermissionDenied
        waiting = list(reviewable_task_states(user))
        decided = (
            AuthenticityReviewTaskState.objects.filter(
                status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED]
            )
            .select_related("finished_by", "workflow_state")
            .order_by("-finished_at")[:RECENT_DECISIONS]
        )
        return TemplateResponse(
            request,
            self.template_name,
            {"waiting": _with_stories(waiting), "decided": _with_stories(list(decided))},
        )


def _with_stories(task_states):
    from stories.models import StoryPage

    ids = {int(state.workflow_state.object_id) for state in task_states}
    stories = StoryPage.objects.in_bulk(ids)
    for state in task_states:
        state.story = stories.get(int(state.workflow_state.object_id))
    return [state for state in task_states if state.story is not None]


class ReviewWorkspaceView(View):
    template_name = "stories/admin/review_workspace.html"

    def setup(self, request, *args, task_state_id, **kwargs):
        super().setup(request, *args, **kwargs)
        self.task_state = get_object_or_404(
            AuthenticityReviewTaskState.objects.select_related("task", "revision", "workflow_state", "finished_by"),
            pk=task_state_id,
        )
        self.task = self.task_state.task.specific
        self.story = self.task_state.workflow_state.content_object.specific

    def dispatch(self, request, *args, **kwargs):
        if not can_see_evidence(request.user, self.task_state):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def can_decide(self) -> bool:
        return self.task_state.status == TaskState.STATUS_IN_PROGRESS and self.task.user_can_review(self.request.user)

    def get(self, request, **kwargs):
        return self.render(EvidenceForm(), ApproveStoryForm(), SendBackForm())

    def post(self, request, **kwargs):
        if not self.can_decide:
            raise PermissionDenied
        action = request.POST.get("action")
        evidence_form, approve_form, send_back_form = EvidenceForm(), ApproveStoryForm(), SendBackForm()
        if action == "evidence":
            evidence_form = EvidenceForm(request.POST, request.FILES)
            if evidence_form.is_valid():
                self.record_evidence(evidence_form)
                messages.success(request, "Đã ghi bằng chứng xác minh.")
                return redirect(request.path)
        elif action == "approve":
            approve_form = ApproveStoryForm(request.POST)
            if approve_form.is_valid():
                if not self.task_state.workflow_evidence.exists():
                    approve_form.add_error(None, "Chưa ghi bằng chứng xác minh nào: hãy ghi hồ sơ trước khi duyệt.")
                else:
                    self.task.on_action(self.task_state, request.user, "approve", **approve_form.cleaned_data)
                    messages.success(request, f"Đã duyệt và xuất bản “{self.story.title}”.")
                    return redirect("story_reviews:queue")
        elif action == "reject":
            send_back_form = SendBackForm(request.POST)
            if send_back_form.is_valid():
                self.task.on_action(self.task_state, request.user, "reject", **send_back_form.cleaned_data)
                messages.success(request, f"Đã trả lại “{self.story.title}” cho người gửi.")
                return redirect("story_reviews:queue")
        else:
            return TemplateResponse(request, "stories/admin/bad_request.html", status=400)
        return self.render(evidence_form, approve_form, send_back_form, status=400)

    @transaction.atomic
    def record_evidence(self, form):
        evidence = form.save(commit=False)
        evidence.review = self.task_state
        evidence.recorded_by = self.request.user
        if evidence.file:
            evidence.original_filename = form.cleaned_data["file"].name[:255]
        evidence.save()
        log(
            instance=self.story,
            action="stories.evidence_recorded",
            user=self.request.user,
            revision=self.task_state.revision,
            data={
                "method": evidence.method,
                "checked_on": evidence.checked_on.isoformat(),
                "file": bool(evidence.file),
            },
        )

    def render(self, evidence_form, approve_form, send_back_form, status=200):
        live_revision_id = self.story.live_revision_id
        context = {
            "task_state": self.task_state,
            "task": self.task,
            "story": self.story,
            "evidence": self.task_state.workflow_evidence.select_related("recorded_by"),
            "earlier_reviews": AuthenticityReviewTaskState.objects.filter(
                workflow_state__base_content_type_id=self.task_state.workflow_state.base_content_type_id,
                workflow_state__object_id=self.task_state.workflow_state.object_id,
            )
            .exclude(pk=self.task_state.pk)
            .exclude(status=TaskState.STATUS_IN_PROGRESS)
            .select_related("finished_by")
            .order_by("-started_at"),
            "can_decide": self.can_decide,
            "evidence_form": evidence_form,
            "approve_form": approve_form,
            "send_back_form": send_back_form,
            "preview_url": reverse(
                "wagtailadmin_pages:revisions_view", args=[self.story.pk, self.task_state.revision_id]
            ),
            "compare_url": (
                reverse(
                    "wagtailadmin_pages:revisions_compare",
                    args=[self.story.pk, live_revision_id, self.task_state.revision_id],
                )
                if live_revision_id and live_revision_id != self.task_state.revision_id
                else None
            ),
            "history_url": reverse("wagtailadmin_pages:history", args=[self.story.pk]),
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)


def evidence_file(request, evidence_id):
    evidence = get_object_or_404(VerificationEvidence.objects.select_related("review__task"), pk=evidence_id)
    if not can_see_evidence(request.user, evidence.review):
        raise PermissionDenied
    if not evidence.file:
        raise Http404("Bằng chứng này không kèm tệp.")
    content_type = mimetypes.guess_type(evidence.file.name)[0] or "application/octet-stream"
    response = FileResponse(
        evidence.file.open("rb"),
        content_type=content_type,
        as_attachment=content_type == "application/octet-stream",
        filename=evidence.original_filename or None,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    # A PDF opened in the browser must not run scripts in the admin's origin.
    response["Content-Security-Policy"] = "sandbox"
    return response
