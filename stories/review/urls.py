from django.urls import path

from . import views

app_name = "story_reviews"

urlpatterns = [
    path("", views.ReviewQueueView.as_view(), name="queue"),
    path("<int:task_state_id>/", views.ReviewWorkspaceView.as_view(), name="workspace"),
    path("evidence/<int:evidence_id>/", views.evidence_file, name="evidence_file"),
]
