"""Real-browser tests: Debian's Chromium (``/usr/bin/chromium``) driven by Playwright, against
Django's live server. Playwright never downloads a browser here (``.ci/run`` installs Chromium
from Debian's packages).

Every page runs under the site's real Content-Security-Policy and Permissions-Policy, and every
test fails if the browser reported a violation of either (``no_policy_violations``, autouse).
"""

import mimetypes
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from playwright.sync_api import Browser

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "vi-VN",
}
# No GPU on CI machines: WebGL through Chromium's software rasteriser, as on many cheap phones.
WEBGL_IN_SOFTWARE = ["--enable-unsafe-swiftshader", "--use-angle=swiftshader"]


# Each document (and frame) reports its Content-Security-Policy violations through a binding,
# as they happen: a page that navigates away keeps none of its own state.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__reportPolicyViolation?.({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
        sample: event.sample,
        page: event.documentURI,
    });
}, true);
"""
# What Chromium writes on the console about either policy (a refused resource, an eval, an
# unknown Permissions-Policy feature, a feature used that the policy denies).
POLICY_MESSAGES = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy", "Permissions policy")
# Chromium on Linux has no Web Share API, so it does not know the feature the share button needs
# on phones (settings.PERMISSIONS_POLICY); any other unknown feature is a mistake in the policy.
UNKNOWN_ON_LINUX = "Unrecognized feature: 'web-share'."


def _is_policy_message(text: str) -> bool:
    return any(words in text for words in POLICY_MESSAGES) and not text.endswith(UNKNOWN_ON_LINUX)


@pytest.fixture(autouse=True)
def no_policy_violations(monkeypatch):
    """Fails the test if any page it opened reported a CSP or Permissions-Policy violation.

    Every browser context a test makes (``Browser.new_context``) reports through the DOM's
    ``securitypolicyviolation`` event and through the console, whichever comes first.
    """
    violations: list[str] = []
    new_context = Browser.new_context

    def watched_new_context(browser, *args, **kwargs):
        context = new_context(browser, *args, **kwargs)
        context.expose_binding("__reportPolicyViolation", lambda source, report: violations.append(str(report)))
        context.add_init_script(REPORT_VIOLATIONS)
        context.on(
            "console",
            lambda message: (
                _is_policy_message(message.text) and violations.append(f"console {message.type}: {message.text}")
            ),
        )
        return context

    monkeypatch.setattr(Browser, "new_context", watched_new_context)
    yield violations
    assert violations == [], "the browser reported policy violations:\n" + "\n".join(violations)


# Function-scoped on purpose: while Playwright runs, Django's connection handler sees another
# context (a new connection object), and the next test's database restore would miss the data
# Wagtail's migrations created. Starting Chromium costs about a second.
@pytest.fixture
def playwright_driver(db, monkeypatch):
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django would then refuse the
    # plain synchronous ORM calls of the test and of the database teardown.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as driver:
        yield driver
        # ORM calls made while Playwright ran used a connection of their own (another context
        # for Django's connection handler): close it, or PostgreSQL cannot drop the test database.
        connections.close_all()


@pytest.fixture
def chromium(playwright_driver):
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=WEBGL_IN_SOFTWARE)
    yield browser
    browser.close()


@pytest.fixture
def chromium_without_webgl(playwright_driver):
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=["--disable-webgl", "--disable-3d-apis"])
    yield browser
    browser.close()


def _serve_media(route):
    """Uploaded media, which Django's live server does not serve, read from MEDIA_ROOT."""
    relative = route.request.url.split(settings.MEDIA_URL, 1)[1].split("?", 1)[0]
    path = (Path(settings.MEDIA_ROOT) / relative).resolve()
    if not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve()) or not path.is_file():
        route.fulfill(status=404)
        return
    route.fulfill(path=str(path), content_type=mimetypes.guess_type(path.name)[0] or "application/octet-stream")


class BrowserLog:
    """What a page said on its console and which requests it made, for assertions."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("requestfailed", self._request_failed)
        page.on("request", lambda request: self.requests.append(request.url))

    def _request_failed(self, request):
        # The browser cancels what is still loading when the page moves on (a favicon, say, as a
        # test clicks through): ERR_ABORTED is the test's own doing, not a failure of the site.
        if request.failure == "net::ERR_ABORTED":
            return
        self.errors.append(f"request failed: {request.url} ({request.failure})")


def _open_phone_page(browser, live_server, **context_options):
    context = browser.new_context(base_url=live_server.url, **{**PHONE, **context_options})
    context.route(f"**{settings.MEDIA_URL}**", _serve_media)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return context, page


@pytest.fixture
def phone(chromium, live_server):
    """A phone-sized page in Chromium with WebGL, and the log of its console and requests."""
    context, page = _open_phone_page(chromium, live_server)
    yield page, BrowserLog(page)
    context.close()


@pytest.fixture
def phone_without_webgl(chromium_without_webgl, live_server):
    context, page = _open_phone_page(chromium_without_webgl, live_server)
    yield page, BrowserLog(page)
    context.close()


@pytest.fixture
def screenshot():
    """Saves what the screen shows under test-artifacts/ (git-ignored) and returns its path.

    The visible screen, not a full-page or element shot: those resize a mobile viewport for
    the capture, and a WebGL viewer caught mid-resize looks broken."""

    def save(page, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path))
        return path

    return save
