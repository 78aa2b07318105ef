from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Producer stories published after an authenticity review (issue #3)."""

    name = "stories"
    verbose_name = "Câu chuyện sản phẩm"
