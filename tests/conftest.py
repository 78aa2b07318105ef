import re

import pytest

from catalogue.site_tree import ensure_site_tree

from .factories import ProducerPageFactory, ProductPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as after a deploy."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """Home → Products, Producers, as on a fresh install."""
    return ensure_site_tree(hostname="testserver")


@pytest.fixture
def make_producer(site_tree):
    def make(**kwargs):
        kwargs.setdefault("parent", site_tree.producers)
        return ProducerPageFactory(**kwargs)

    return make


@pytest.fixture
def make_product(site_tree, make_producer):
    def make(**kwargs):
        kwargs.setdefault("parent", site_tree.products)
        if "producer" not in kwargs:
            kwargs["producer"] = make_producer()
        return ProductPageFactory(**kwargs)

    return make


@pytest.fixture
def read_sitemap(client):
    """Every URL entry of the sitemap: the index at /sitemap.xml and each of its pages."""

    def read() -> str:
        index = client.get("/sitemap.xml")
        assert index.status_code == 200
        parts = []
        for location in re.findall(r"<loc>([^<]+)</loc>", index.content.decode()):
            page = client.get(location.replace("http://testserver", "").replace("&amp;", "&"))
            assert page.status_code == 200
            parts.append(page.content.decode())
        return "\n".join(parts)

    return read


# --- stories, roles and the authenticity review ----------------------------------------------


@pytest.fixture
def editorial_site(site_tree):
    """The site tree with the editorial roles and both review workflows, as ``setup_site`` leaves it."""
    from accounts.roles import ensure_roles

    ensure_roles(site_tree)
    return site_tree


@pytest.fixture
def make_user(editorial_site, django_user_model):
    """A user in one role: "editor", "reviewer", "producer" (pass ``producer=``) or "superuser"."""
    from django.contrib.auth.models import Group

    from accounts.roles import EDITORS, REVIEWERS, link_producer_account

    counter = iter(range(1, 1000))

    def make(role: str, producer=None, username=None):
        number = next(counter)
        user = django_user_model.objects.create_user(
            username=username or f"{role}{number}",
            email=f"{role}{number}@ocop.example",
            password="mat-khau-thu-nghiem",
            first_name=role.title(),
            last_name=str(number),
            is_superuser=role == "superuser",
            is_staff=role == "superuser",
        )
        if role == "editor":
            user.groups.add(Group.objects.get(name=EDITORS))
        elif role == "reviewer":
            user.groups.add(Group.objects.get(name=REVIEWERS))
        elif role == "producer":
            link_producer_account(user, producer)
        return user

    return make


@pytest.fixture
def make_story(editorial_site):
    """A draft story (never live: only the review may publish it)."""
    from stories.models import StoryPage, StoryProduct

    from .factories import story_body

    counter = iter(range(1, 1000))

    def make(producer, products=(), title=None, owner=None, **fields):
        number = next(counter)
        story = StoryPage(
            title=title or f"Hành trình số {number}",
            slug=f"hanh-trinh-so-{number}",
            producer=producer,
            standfirst=fields.pop("standfirst", "Từ mảnh vườn nhỏ đến sản phẩm OCOP 4 sao."),
            body=fields.pop("body", story_body()),
            live=False,
            owner=owner,
            **fields,
        )
        for product in products:
            story.product_links.add(StoryProduct(product=product))
        editorial_site.stories.add_child(instance=story)
        story.save_revision(user=owner)
        return story

    return make


@pytest.fixture
def review_story(make_user):
    """Run a story through the authenticity review in code: submit, record evidence, decide."""
    import datetime

    from wagtail.models import Workflow

    from stories.models import VerificationEvidence
    from stories.roles import STORY_WORKFLOW

    def run(story, *, submitter=None, reviewer=None, approve=True, comment=""):
        reviewer = reviewer or make_user("reviewer")
        submitter = submitter or story.owner or reviewer
        story = story.specific
        if story.workflow_in_progress:
            workflow_state = story.current_workflow_state
            if workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
                workflow_state.resume(user=submitter)
        else:
            Workflow.objects.get(name=STORY_WORKFLOW).start(story, submitter)
        story.refresh_from_db()
        task_state = story.current_workflow_task_state
        VerificationEvidence.objects.create(
            review=task_state,
            method="site_visit",
            checked_on=datetime.date(2025, 3, 10),
            notes="Đã đến vườn, gặp giám đốc hợp tác xã.",
            recorded_by=reviewer,
        )
        action = "approve" if approve else "reject"
        kwargs = {"comment": comment or ("" if approve else "Cần bổ sung ảnh vườn.")}
        task_state.task.specific.on_action(task_state, reviewer, action, **kwargs)
        story.refresh_from_db()
        return task_state

    return run


# --- search engines ---------------------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def elasticsearch_url(tmp_path_factory):
    """A real Elasticsearch if ELASTICSEARCH_URL is set, else the noida-db test server on a free port."""
    import os
    import subprocess
    import time
    import urllib.request
    from pathlib import Path

    configured = os.environ.get("ELASTICSEARCH_URL")
    if configured:
        yield configured
        return
    import noida_db

    binary = Path(noida_db.__file__).parent / "noida-db"
    binary.chmod(0o755)
    port = _free_port()
    data_dir = tmp_path_factory.mktemp("noida-db")
    server = subprocess.Popen(
        [
            str(binary),
            "start",
            "--data-dir",
            str(data_dir),
            "--only",
            "elasticsearch",
            "--elasticsearch-port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError("The noida-db test server did not start") from None
            time.sleep(0.1)
    yield url
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def _use_elasticsearch(settings, url: str) -> str:
    import uuid

    from django.core.cache import cache

    from search import elastic

    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}-"
    settings.ELASTICSEARCH_WAIT_FOR_REFRESH = True
    settings.ELASTICSEARCH_TIMEOUT = 5.0  # a loaded CI machine is not an outage
    cache.delete(elastic.BREAKER_KEY)
    return settings.ELASTICSEARCH_INDEX_PREFIX


def _drop_indices(prefix: str) -> None:
    from search import elastic

    try:
        es = elastic.client()
        for name in es.indices.get(index=f"{prefix}*", expand_wildcards="all"):
            es.indices.delete(index=name, ignore_unavailable=True)
    except Exception:  # the server may be gone on purpose (fallback tests)
        pass


@pytest.fixture(params=["database", "elasticsearch"])
def search_engine(request, settings):
    """Runs a test once per engine: the contract is the same JSON from both."""
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""
        yield "database"
        return
    prefix = _use_elasticsearch(settings, request.getfixturevalue("elasticsearch_url"))
    yield "elasticsearch"
    _drop_indices(prefix)


@pytest.fixture
def with_elasticsearch(settings, elasticsearch_url):
    """Elasticsearch configured, with a fresh index prefix for this test."""
    prefix = _use_elasticsearch(settings, elasticsearch_url)
    yield elasticsearch_url
    _drop_indices(prefix)


@pytest.fixture
def rebuild_index(db):
    """Index everything as ``manage.py rebuild_search_index`` does."""

    def rebuild():
        import io

        from django.core.management import call_command

        call_command("rebuild_search_index", stdout=io.StringIO())

    return rebuild


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests against a live server (the browser tests) run last, after every other test.

    They commit real transactions and the database is emptied after each, rows from Wagtail's
    migrations included (the root page, the default site). Only tests that restore those rows
    themselves may come after them; pytest-django alone would still run the tests that load
    data in their own module fixtures (tests/test_demo.py) after them.
    """

    def commits_for_real(item) -> bool:
        marker = item.get_closest_marker("django_db")
        return "live_server" in item.fixturenames or bool(marker and marker.kwargs.get("transaction"))

    items.sort(key=commits_for_real)


# --- the background worker (django-tasks' database backend) ---------------------------------------


@pytest.fixture
def run_background_tasks(db):
    """Run the worker once over every task that is ready, as ``manage.py db_worker --batch`` would,
    and return how many ran. ``now=`` runs it as at that moment (a retry due later), no sleeping.

    It drives the library's own ``Worker.run_task`` inside the test's transaction (the command itself
    would close the test's database connection between tasks); each task's on-commit callbacks run
    when it ends, as they would after the worker's commit.
    """
    from unittest import mock

    from django.conf import settings
    from django.db import transaction
    from django.test import TestCase
    from django.utils import timezone
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    backend = settings.WORKER_TASK_BACKEND
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=backend,
        startup_delay=False,
        max_tasks=None,
        worker_id="pytest",
        excluded_queue_names=[],
    )

    def run(now=None) -> int:
        count = 0
        with mock.patch.object(timezone, "now", return_value=now) if now else mock.MagicMock():
            while True:
                with transaction.atomic():
                    task = DBTaskResult.objects.ready().filter(backend_name=backend).get_locked()
                    if task is None:
                        return count
                    task.claim(worker.worker_id)
                with TestCase.captureOnCommitCallbacks(execute=True):
                    worker.run_task(task)
                count += 1

    return run
