"""Every public page's footer leads to what apps serve beside the page tree (ocop_footer_links)."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_footer_links_to_open_data_and_the_api_docs(client, site_tree):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/du-lieu-mo/">Dữ liệu mở</a>' in footer
    assert '<a href="/api/v1/docs">API cho nhà phát triển</a>' in footer
