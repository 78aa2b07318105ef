"""The rules of the review desk and of story content, each with its clear Vietnamese error."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail import blocks as wagtail_blocks

from stories.blocks import MilestonesBlock, VideoBlock, video_player_url
from stories.models import StoryPage, StoryProduct, VerificationEvidence
from stories.review.forms import EvidenceForm

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.mark.parametrize(
    "name, content, error",
    [
        ("bien-ban.exe", b"MZ\x90\x00", "Chỉ nhận tệp PDF, JPEG, PNG hoặc WebP."),
        ("bien-ban.pdf", b"<html><script>alert(1)</script>", "Nội dung tệp không đúng với loại tệp"),
        ("anh.png", PDF, "Nội dung tệp không đúng với loại tệp"),
    ],
)
def test_evidence_files_are_checked_by_content(name, content, error):
    form = EvidenceForm(
        {"method": "documents", "checked_on": "2025-03-10", "notes": "Xem quyết định."},
        {"file": SimpleUploadedFile(name, content)},
    )
    assert not form.is_valid()
    assert error in str(form.errors["file"])


def test_evidence_files_over_20_mb_are_refused(settings):
    big = SimpleUploadedFile("ho-so.pdf", PDF + b"0" * (20 * 1024 * 1024))
    form = EvidenceForm({"method": "documents", "checked_on": "2025-03-10", "notes": "Hồ sơ."}, {"file": big})
    assert not form.is_valid() and "tối đa 20 MB" in str(form.errors["file"])


def test_evidence_cannot_be_dated_in_the_future():
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    form = EvidenceForm({"method": "site_visit", "checked_on": tomorrow.isoformat(), "notes": "Đi thực tế."})
    assert not form.is_valid() and "tương lai" in str(form.errors["checked_on"])


def test_evidence_is_served_privately_and_never_cached(make_user, make_story, make_producer):
    from wagtail.models import Workflow

    from stories.roles import STORY_WORKFLOW

    story = make_story(make_producer())
    Workflow.objects.get(name=STORY_WORKFLOW).start(story, None)
    story.refresh_from_db()
    evidence = VerificationEvidence.objects.create(
        review=story.current_workflow_task_state,
        method="documents",
        checked_on=datetime.date(2025, 3, 1),
        notes="Quyết định OCOP.",
        file=SimpleUploadedFile("x.pdf", PDF),
        original_filename="quyet-dinh-ocop.pdf",
    )
    assert "quyet-dinh" not in evidence.file.name  # stored under a random name
    client = Client()
    client.force_login(make_user("reviewer"))
    response = client.get(reverse("story_reviews:evidence_file", args=[evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert response["Content-Security-Policy"] == "sandbox"
    assert "quyet-dinh-ocop.pdf" in response["Content-Disposition"]


def test_a_story_may_only_tell_about_its_own_producers_products(make_producer, make_product, make_story):
    ours, theirs = make_producer(), make_producer()
    foreign = make_product(producer=theirs, title="Sản phẩm của người khác")
    story = make_story(ours)
    story.product_links.add(StoryProduct(product=foreign))
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "Sản phẩm của người khác" in str(error.value)


@pytest.mark.parametrize(
    "url, player",
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"),
        ("https://example.com/video.mp4", None),
        ("https://www.youtube.com/watch?v=<script>", None),
    ],
)
def test_videos_play_from_privacy_friendly_players_only(url, player):
    assert video_player_url(url) == player


def test_a_video_link_that_is_not_youtube_or_vimeo_is_a_form_error():
    block = VideoBlock()
    with pytest.raises(wagtail_blocks.StructBlockValidationError) as error:
        block.clean(block.to_python({"url": "https://example.com/x.mp4", "title": "Phim", "caption": ""}))
    assert "YouTube hoặc Vimeo" in str(error.value.block_errors["url"])


def test_milestones_must_run_from_old_to_new():
    block = MilestonesBlock()
    value = block.to_python(
        {
            "heading": "Chặng đường",
            "milestones": [
                {"year": 2023, "title": "Đạt 4 sao", "text": "", "stars": "4"},
                {"year": 2019, "title": "Thành lập", "text": "", "stars": ""},
            ],
        }
    )
    with pytest.raises(wagtail_blocks.StructBlockValidationError) as error:
        block.clean(value)
    assert "từ cũ đến mới" in str(error.value.block_errors["milestones"])


def test_reading_time_counts_the_words_a_reader_reads(make_producer, make_story):
    from tests.factories import story_body

    short = make_story(make_producer(), body=story_body("Một câu ngắn."))
    long = make_story(make_producer(), body=story_body(" ".join(["chữ"] * 1000)))
    assert StoryPage.objects.get(pk=short.pk).reading_minutes == 1
    assert StoryPage.objects.get(pk=long.pk).reading_minutes == 6  # ~1,020 words at 200 a minute


def test_the_reviewer_queue_lists_waiting_stories_oldest_first(make_user, make_story, make_producer):
    from wagtail.models import Workflow

    from stories.roles import STORY_WORKFLOW

    producer = make_producer()
    first, second = make_story(producer, title="Gửi trước"), make_story(producer, title="Gửi sau")
    for story in (first, second):
        Workflow.objects.get(name=STORY_WORKFLOW).start(story, None)
    client = Client()
    client.force_login(make_user("reviewer"))
    html = client.get(reverse("story_reviews:queue")).content.decode()
    assert html.index("Gửi trước") < html.index("Gửi sau")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Câu chuyện chờ thẩm định" in dashboard and "Gửi trước" in dashboard


def test_deleting_a_producer_keeps_its_verified_story(make_user, make_producer, make_story, review_story, client):
    producer = make_producer(title="HTX Sẽ giải thể")
    story = make_story(producer)
    review_story(story)
    editor = Client()
    editor.force_login(make_user("editor"))
    response = editor.post(reverse("wagtailadmin_pages:delete", args=[producer.pk]))
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert story.producer_id is None and story.live
    assert client.get(story.url).status_code == 200
