"""The story review's names, as the admin shows them (made by ``setup_site``; see ``extensions``)."""

STORY_WORKFLOW = "Thẩm định câu chuyện"
STORY_TASK = "Thẩm định tính xác thực"
