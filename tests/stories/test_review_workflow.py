"""The authenticity review, end to end through the admin over real HTTP requests.

A producer writes and submits a story; a reviewer records how it was verified and
approves it (or sends it back); only then does the public see it, with who
verified it, when and how.
"""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import PageLogEntry, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from stories.models import AuthenticityReviewTaskState, StoryPage, VerificationEvidence

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def story_form(**overrides):
    data = {
        "title": "Bơ núi lửa: mười năm giữ vườn",
        "slug": "bo-nui-lua-muoi-nam-giu-vuon",
        "standfirst": "Từ những gốc bơ trên đất đỏ núi lửa Krông Nô đến sản phẩm OCOP 4 sao.",
        "author_name": "Chủ thể tự viết",
        "cover_image": "",
        "body": streamfield([("paragraph", rich_text("<p>Năm 2019, mười hai hộ dân góp vốn lập hợp tác xã.</p>"))]),
        "product_links": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def page_text(response) -> str:
    """What a reader sees: the page's text without tags, spaces collapsed."""
    return " ".join(strip_tags(response.content.decode()).split())


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def cooperative(make_producer, make_product):
    producer = make_producer(title="HTX Nông nghiệp dịch vụ bơ núi lửa Krông Nô")
    make_product(producer=producer, title="Bơ núi lửa Krông Nô")
    return producer


@pytest.fixture
def people(make_user, cooperative):
    return {
        "producer": make_user("producer", producer=cooperative),
        "reviewer": make_user("reviewer"),
        "editor": make_user("editor"),
    }


def submit_new_story(people, editorial_site, **overrides) -> StoryPage:
    client = logged_in(people["producer"])
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", editorial_site.stories.pk))
    response = client.post(url, story_form(**{"action-submit": "action-submit", **overrides}))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return StoryPage.objects.get(slug=overrides.get("slug", "bo-nui-lua-muoi-nam-giu-vuon"))


def workspace_url(story) -> str:
    return reverse("story_reviews:workspace", args=[story.current_workflow_task_state.pk])


def test_submit_review_with_evidence_and_publish(people, editorial_site, cooperative, client):
    mail.outbox.clear()
    story = submit_new_story(people, editorial_site)

    # The producer's story is waiting, not live, and belongs to the producer's account.
    assert story.producer_id == cooperative.pk and not story.live and story.workflow_in_progress
    assert client.get("/cau-chuyen/bo-nui-lua-muoi-nam-giu-vuon/").status_code == 404
    # The desk is told by e-mail, with a link to the review workspace.
    to_reviewer = [m for m in mail.outbox if people["reviewer"].email in m.to]
    assert to_reviewer and "chờ thẩm định" in to_reviewer[0].subject
    assert workspace_url(story) in to_reviewer[0].body

    reviewer = logged_in(people["reviewer"])
    dashboard = reviewer.get(reverse("wagtailadmin_home")).content.decode()
    assert "Câu chuyện chờ thẩm định" in dashboard and story.title in dashboard
    assert reviewer.get(workspace_url(story)).status_code == 200

    # No approval without evidence.
    response = reviewer.post(workspace_url(story), {"action": "approve", "attribution": "reviewer"})
    assert response.status_code == 400
    assert "Chưa ghi bằng chứng" in response.content.decode()
    assert not StoryPage.objects.get(pk=story.pk).live

    # Evidence: a dated site visit with notes and a PDF, kept out of the public media folder.
    response = reviewer.post(
        workspace_url(story),
        {
            "action": "evidence",
            "method": "site_visit",
            "checked_on": "2025-03-10",
            "notes": "Đến vườn bơ ở xã Nam Đà cũ, gặp giám đốc HTX, xem sổ nhật ký canh tác.",
            "file": SimpleUploadedFile("bien-ban-tham-vuon.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    evidence = VerificationEvidence.objects.get()
    assert evidence.original_filename == "bien-ban-tham-vuon.pdf"
    assert str(settings.PRIVATE_MEDIA_ROOT) in evidence.file.path
    assert str(settings.MEDIA_ROOT) not in evidence.file.path

    response = reviewer.post(
        workspace_url(story),
        {
            "action": "approve",
            "attribution": "reviewer",
            "public_note": "Phóng viên đã đến tận vườn.",
            "comment": "Tốt",
        },
    )
    assert response.status_code == 302

    story = StoryPage.objects.get(pk=story.pk)
    assert story.live
    page = client.get(story.url)
    assert page.status_code == 200
    html = page_text(page)
    reviewer_name = people["reviewer"].get_full_name()
    today = datetime.date.today().strftime("%d/%m/%Y")
    assert f"Đã xác minh bởi {reviewer_name}" in html and today in html
    assert "Đến tận cơ sở sản xuất" in html and "10/03/2025" in html
    assert "Phóng viên đã đến tận vườn." in html
    # The private notes and the file never reach the public page.
    assert "sổ nhật ký" not in html and "bien-ban" not in html

    # The submitter hears that the story was approved.
    assert any(people["producer"].email in m.to for m in mail.outbox if m is not to_reviewer[0])

    # The audit trail: who submitted, who recorded what, who approved, and the publication.
    actions = list(PageLogEntry.objects.filter(page=story).order_by("timestamp", "pk").values_list("action", "user_id"))
    assert ("wagtail.workflow.start", people["producer"].pk) in actions
    assert ("stories.evidence_recorded", people["reviewer"].pk) in actions
    assert ("wagtail.workflow.approve", people["reviewer"].pk) in actions
    assert any(action == "wagtail.publish" for action, _ in actions)


def test_send_back_edit_and_resubmit(people, editorial_site, client):
    story = submit_new_story(people, editorial_site)
    reviewer = logged_in(people["reviewer"])

    # Sending back needs a reason.
    response = reviewer.post(workspace_url(story), {"action": "reject", "comment": ""})
    assert response.status_code == 400
    response = reviewer.post(workspace_url(story), {"action": "reject", "comment": "Cần thêm ảnh vườn bơ."})
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert not story.live
    assert story.current_workflow_state.status == "needs_changes"
    sent_back = [m for m in mail.outbox if people["producer"].email in m.to]
    assert sent_back and "Cần thêm ảnh vườn bơ." in sent_back[-1].body

    # The producer edits and resubmits; the story goes back to the reviewer's queue.
    producer = logged_in(people["producer"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    assert producer.get(edit_url).status_code == 200
    response = producer.post(
        edit_url,
        story_form(
            standfirst="Bản đã sửa: có ảnh vườn bơ và nhật ký canh tác.",
            **{"action-submit": "action-submit"},
        ),
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert story.current_workflow_state.status == "in_progress" and not story.live
    assert AuthenticityReviewTaskState.objects.filter(status=TaskState.STATUS_REJECTED).count() == 1

    # The reviewer verifies the new revision and approves it: that revision goes live.
    reviewer.post(
        workspace_url(story),
        {
            "action": "evidence",
            "method": "photos",
            "checked_on": "2025-03-12",
            "notes": "Ảnh vườn có siêu dữ liệu GPS.",
        },
    )
    assert reviewer.post(workspace_url(story), {"action": "approve", "attribution": "desk"}).status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live and story.standfirst == "Bản đã sửa: có ảnh vườn bơ và nhật ký canh tác."
    html = page_text(client.get(story.url))
    assert "Đã xác minh bởi Ban biên tập Cổng OCOP" in html


def test_editing_a_published_story_goes_through_review_while_the_verified_version_stays_live(
    people, editorial_site, client, review_story, make_story, cooperative
):
    story = make_story(cooperative, owner=people["producer"], title="Miến dong: nghề của bản")
    review_story(story, submitter=people["producer"], reviewer=people["reviewer"])
    producer = logged_in(people["producer"])
    response = producer.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        story_form(
            title="Miến dong: nghề của bản",
            slug=story.slug,
            standfirst="Một câu chưa được kiểm chứng.",
            **{"action-submit": "action-submit"},
        ),
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live and story.has_unpublished_changes and story.workflow_in_progress
    html = page_text(client.get(story.url))
    assert "Một câu chưa được kiểm chứng." not in html
    assert "Từ mảnh vườn nhỏ" in html  # the verified standfirst stays on the public page


def test_approving_from_the_editor_modal_also_requires_evidence(people, editorial_site):
    story = submit_new_story(people, editorial_site)
    task_state = story.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
    reviewer = logged_in(people["reviewer"])
    modal = reviewer.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    assert modal.status_code == 200 and "Chưa ghi bằng chứng" in modal.json()["html"]
    response = reviewer.post(url, {"attribution": "desk"})
    # Wagtail answers a refused admin action by sending the user home with an error.
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert not StoryPage.objects.get(pk=story.pk).live


def test_the_producer_dashboard_tells_where_each_story_stands(people, editorial_site):
    story = submit_new_story(people, editorial_site)
    reviewer = logged_in(people["reviewer"])
    reviewer.post(workspace_url(story), {"action": "reject", "comment": "Cần thêm ảnh vườn bơ."})
    dashboard = logged_in(people["producer"]).get(reverse("wagtailadmin_home")).content.decode()
    assert story.title in dashboard
    assert "Cần sửa" in dashboard and "Cần thêm ảnh vườn bơ." in dashboard
    assert "Viết câu chuyện mới" in dashboard


def test_a_reviewer_can_also_decide_from_wagtails_own_review_buttons(people, editorial_site, client):
    story = submit_new_story(people, editorial_site)
    task_state = story.current_workflow_task_state
    reviewer = logged_in(people["reviewer"])
    reviewer.post(
        workspace_url(story),
        {"action": "evidence", "method": "interview", "checked_on": "2025-03-11", "notes": "Gọi điện cho giám đốc."},
    )
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
    response = reviewer.post(url, {"attribution": "desk", "public_note": "", "comment": ""})
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live
    assert "Phỏng vấn chủ thể" in page_text(client.get(story.url))


def test_a_reviewers_own_corrections_go_live_with_the_approval(people, editorial_site, client):
    """Edit and approve: the reviewer fixes a typo while approving; the reviewed text is what goes live."""
    import json

    story = submit_new_story(people, editorial_site)
    reviewer = logged_in(people["reviewer"])
    reviewer.post(
        workspace_url(story),
        {"action": "evidence", "method": "site_visit", "checked_on": "2025-03-10", "notes": "Đến vườn."},
    )
    response = reviewer.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        story_form(
            standfirst="Bản người thẩm định đã sửa lỗi chính tả.",
            **{
                "action-workflow-action": "true",
                "workflow-action-name": "approve",
                "workflow-action-extra-data": json.dumps({"attribution": "desk", "public_note": "", "comment": ""}),
            },
        ),
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live and story.standfirst == "Bản người thẩm định đã sửa lỗi chính tả."
    assert story.live_revision_is_verified()
