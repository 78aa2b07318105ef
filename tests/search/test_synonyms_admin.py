"""Editors extend the synonym list in the admin (Tìm kiếm → Từ đồng nghĩa); nobody else does."""

import pytest
from django.test import Client

from search import synonyms
from search.models import SearchSynonym

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/portal_search/searchsynonym/"


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_editor_adds_a_synonym_set_in_vietnamese(make_user):
    editor = logged_in(make_user("editor"))
    form = editor.get(f"{LIST}add/")
    assert form.status_code == 200
    page = form.content.decode()
    assert "Các cách gọi" in page or "các cách gọi" in page
    response = editor.post(f"{LIST}add/", {"terms": "Khoai mì, sắn, củ mì", "note": "Nam Bộ"})
    assert response.status_code == 302
    assert SearchSynonym.objects.get().terms == "Khoai mì, sắn, củ mì"
    assert synonyms.forms_for("cu mi") == ("cu mi", "khoai mi", "san")
    assert "Khoai mì, sắn, củ mì" in editor.get(LIST).content.decode()


def test_a_producer_account_cannot_see_or_add_synonyms(make_user, make_producer):
    producer = logged_in(make_user("producer", producer=make_producer()))
    for url in (LIST, f"{LIST}add/"):
        response = producer.get(url)
        assert response.status_code in (302, 403), url
    response = producer.post(f"{LIST}add/", {"terms": "bơ, cà phê"})
    assert response.status_code in (302, 403)
    assert not SearchSynonym.objects.exists()


def test_the_repository_list_is_read_folded_with_every_form_of_a_set():
    assert synonyms.forms_for("cafe")[0] == "cafe" and "ca phe" in synonyms.forms_for("cafe")
    assert set(synonyms.forms_for("tra")) == {"tra", "che"}
    assert set(synonyms.forms_for("htx")) == {"htx", "hop tac xa"}
    assert synonyms.forms_for("bo") == ()
    assert synonyms.parse(" Cà phê ,, CAFE, cà phê ") == (("cà phê", "ca phe"), ("cafe", "cafe"))


def test_a_word_typed_with_diacritics_takes_only_the_sets_written_that_way():
    # "dứa" (pineapple) and "dừa" (coconut) both fold to "dua".
    assert {"thom", "khom"} <= set(synonyms.forms_for("dua", "dứa"))
    assert synonyms.forms_for("dua", "dừa") == ()
    assert {"thom", "khom"} <= set(synonyms.forms_for("dua", "dua"))  # typed without: every reading
    assert synonyms.written_words("Kẹo DỪA-sáp") == ["kẹo", "dừa", "sáp"]
