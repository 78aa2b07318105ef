"""The RSS feed of verified stories (newsrooms and provincial portals follow it)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.models import Site

from core.visibility import public_pages
from stories.models import StoryPage

FEED_LENGTH = 30


class VerifiedStoriesFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Câu chuyện sản phẩm OCOP đã xác minh"
    description = "Hành trình của người làm ra sản phẩm OCOP, được ban biên tập kiểm chứng trước khi đăng."
    language = "vi"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        site = Site.find_for_request(self.request)
        return site.root_url + "/" if site else "/"

    def items(self):
        # Live already means verified: a story cannot go live without an approved review.
        return public_pages(StoryPage.objects).order_by("-first_published_at", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author_name or None
