"""The relevance set (search/relevance/queries.json) on the demo catalogue, on both engines.

Each query must find one of its labelled results in the top 3; the score is printed
(``pytest -s``) with every miss, and must stay at or above the floor.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.db import transaction

from search import elastic
from search.relevance import TOP, evaluate

pytestmark = pytest.mark.django_db

TOP_SHARE_FLOOR = 0.95
MRR_FLOOR = 0.90


@pytest.fixture(scope="module")
def demo_catalogue(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", force=True, image_width=160, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def scan_code_of(title: str) -> str:
    from catalogue.models import ProductPage
    from scans.models import CodeKind, ScanCode

    product = ProductPage.objects.get(title=title)
    return ScanCode.objects.get(product=product, kind=CodeKind.PRODUCT).code


def resolve(text: str) -> str:
    """``{code:Title}``: the product's scan code; ``{code-typed:Title}``: as typed from the label,
    in lower case with the look-alikes a reader confuses (0 read as o, 1 as l)."""
    match = re.fullmatch(r"\{(code|code-typed):(.+)\}", text)
    if not match:
        return text
    code = scan_code_of(match.group(2))
    if match.group(1) == "code-typed":
        code = code.lower().replace("0", "o").replace("1", "l")
    return code


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, settings, demo_catalogue):
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""
        yield "database"
        return
    request.getfixturevalue("with_elasticsearch")
    elastic.rebuild()
    yield "elasticsearch"


def test_the_relevance_set_finds_what_it_should_in_the_top_3(client, engine):
    def ask(text: str) -> list[str]:
        response = client.get("/api/search/", {"q": text})
        assert response.status_code == 200, (text, response.content)
        data = response.json()
        assert data["engine"] == engine
        return [result["title"] for result in data["results"]]

    report = evaluate(engine, ask, resolve)
    print("\n" + report.summary())
    assert report.cases >= 80
    assert report.top_share >= TOP_SHARE_FLOOR, report.summary()
    assert report.mrr >= MRR_FLOOR, report.summary()
    assert TOP == 3
