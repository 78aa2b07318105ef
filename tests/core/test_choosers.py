"""Every snippet chooser's "create" URL answers 400, never a 500 (it has no creation form)."""

import pytest
from wagtail.snippets.models import get_snippet_models

from core.choosers import NO_CREATION, SnippetChooserViewSet
from tours.models import Tour

pytestmark = pytest.mark.django_db

SNIPPETS = sorted(get_snippet_models(), key=lambda model: model._meta.label)


def create_url(model) -> str:
    return f"/admin/snippets/choose/{model._meta.app_label}/{model._meta.model_name}/create/"


def test_the_snippets_named_in_the_report_are_among_them():
    labels = {model._meta.label for model in SNIPPETS}
    assert {"tours.Tour", "scans.ScanCode", "scans.NfcTag", "accounts.ProducerAccount"} <= labels


@pytest.mark.parametrize("model", SNIPPETS, ids=lambda model: model._meta.label)
def test_every_snippet_admin_uses_the_portals_chooser(model):
    assert isinstance(model.snippet_viewset.chooser_viewset, SnippetChooserViewSet)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("model", SNIPPETS, ids=lambda model: model._meta.label)
def test_the_choosers_create_url_refuses_in_vietnamese(client, make_user, model, method):
    client.force_login(make_user("superuser"))
    response = getattr(client, method)(create_url(model), {"title": "x", "code": "x", "uid": "x"})
    assert response.status_code == 400  # was a 500: None.is_valid()
    assert response.content.decode() == NO_CREATION


def test_a_producer_gets_the_same_refusal_for_its_own_kind_of_item(client, make_user, make_producer):
    client.force_login(make_user("producer", producer=make_producer()))
    assert client.post(create_url(Tour), {}).status_code == 400
