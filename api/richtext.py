"""Rich text for API clients: sanitised HTML with absolute links, and the same as plain text.

Wagtail stores rich text with internal references (``<a linktype="page" id="3">``). A client gets
HTML with only the elements the editors' toolbar can make (paragraphs, headings, lists, emphasis,
links), every attribute dropped but a link's ``href``; a link to a page that is not public loses
its link and keeps its words; any other link must be http(s) or mailto/tel.
"""

from bs4 import BeautifulSoup
from wagtail.models import Page

from core.visibility import public_pages

from .media import absolute

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "b", "strong", "i", "em", "ol", "ul", "li", "a", "br"}
REMOVED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def _page_urls(soup, request) -> dict[str, str]:
    ids = {link.get("id") for link in soup.find_all("a", attrs={"linktype": "page"})}
    ids = {int(value) for value in ids if value and value.isdigit() and len(value) < 10}
    if not ids:
        return {}
    return {str(page.pk): absolute(page.get_url(request)) for page in public_pages(Page.objects).filter(pk__in=ids)}


def sanitise(source: str, request=None) -> str:
    soup = BeautifulSoup(source or "", "html.parser")
    page_urls = _page_urls(soup, request)
    for element in soup.find_all(True):
        if element.decomposed:
            continue
        if element.name in REMOVED_WITH_CONTENT:
            element.decompose()
            continue
        if element.name not in ALLOWED_TAGS:
            element.unwrap()
            continue
        href = None
        if element.name == "a":
            if element.get("linktype") == "page":
                href = page_urls.get(element.get("id", ""))
            elif not element.get("linktype"):
                raw = (element.get("href") or "").strip()
                if raw.lower().startswith(SAFE_SCHEMES):
                    href = raw
                elif raw.startswith("/") and not raw.startswith("//"):
                    href = absolute(raw)
            if href is None:
                element.unwrap()
                continue
        element.attrs = {"href": href} if href else {}
    return str(soup).strip()


def plain_text(html: str) -> str:
    soup = BeautifulSoup(html or "", "html.parser")
    for element in soup.find_all(["p", "h2", "h3", "h4", "li", "br"]):
        element.append("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return "\n".join(line for line in lines if line)


def rich_text_json(source, request=None) -> dict:
    """``{"html", "text"}`` for a RichText value or a stored rich text string."""
    raw = getattr(source, "source", source) or ""
    html = sanitise(str(raw), request)
    return {"html": html, "text": plain_text(html)}
