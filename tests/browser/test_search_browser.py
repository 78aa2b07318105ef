"""The search page /tim-kiem/ in a real browser, on a phone-sized screen.

Typing shows results as you type (the server draws the cards: /api/search/?format=html) and
the address follows the query; a filter narrows the results and shows a chip without a page
load; suggestions form an accessible combobox that the keyboard drives to a product's page;
and the card a person sees live is the card the server page draws for the same address.
"""

import re

import pytest
from playwright.sync_api import expect

from catalogue.models import ProductCategory
from regions.models import Province

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.slow]

SEARCH = "/tim-kiem/"
HTML_API = re.compile(r"/api/search/\?(?:.*&)?format=html")
# Set on the window before the person acts: still there afterwards means no page was loaded.
MARK_DOCUMENT = "window.__sameDocument = true"
SAME_DOCUMENT = "window.__sameDocument === true"


@pytest.fixture
def catalogue(make_producer, make_product, rebuild_index):
    ha_noi = Province.objects.get(slug="ha-noi")
    fruit = ProductCategory.objects.get(slug="nong-san-tuoi-song")
    coop = make_producer(title="HTX Bơ núi lửa")  # Lâm Đồng, as the factories say
    krong_no = make_product(title="Bơ núi lửa Krông Nô", producer=coop, category=fruit)
    family = make_producer(title="Hộ trồng bơ Ba Vì", province=ha_noi, ward=ha_noi.wards.first())
    make_product(title="Bơ sáp Ba Vì", producer=family, origin_province=ha_noi, category=fruit)
    make_product(title="Cà phê bột Đắk Đam", producer=make_producer(title="HTX Cà phê Đắk Đam"))
    rebuild_index()
    return krong_no


def open_search(page):
    page.goto(SEARCH)
    expect(page.locator("#search-intro")).to_be_visible()
    # The script has run: it turned the box into a combobox.
    expect(page.get_by_role("combobox", name="Tìm sản phẩm, chủ thể hoặc câu chuyện")).to_be_visible()
    page.evaluate(MARK_DOCUMENT)
    return page.locator("#search-q")


def cards(page):
    return page.locator("#search-list > li")


def titled(page, title: str):
    """The result cards whose title is exactly `title`."""
    return cards(page).filter(has=page.locator(".card__title", has_text=re.compile(f"^{re.escape(title)}$")))


def open_filters(page):
    page.locator("summary", has_text="Bộ lọc và sắp xếp").click()


def test_results_appear_as_you_type_without_diacritics_and_match_the_server_page(catalogue, phone, screenshot):
    page, log = phone
    box = open_search(page)
    history_length = page.evaluate("history.length")

    box.press_sequentially("bo nui")

    first = cards(page).first
    expect(first.locator(".card__title")).to_have_text("Bơ núi lửa Krông Nô")
    expect(first.locator(".card__title mark")).not_to_have_count(0)  # the server's highlight
    expect(first.locator(".card__title a")).to_have_attribute("href", catalogue.url)
    expect(page.locator("#search-intro")).to_be_hidden()
    expect(page.locator("#search-count")).to_have_text(re.compile(r"^\d+ kết quả$"))
    expect(titled(page, "Cà phê bột Đắk Đam")).to_have_count(0)
    expect(titled(page, "Bơ sáp Ba Vì")).to_have_count(0)  # "nui" must match too
    # The address follows the query, replacing the entry rather than adding one per keystroke.
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q=bo\+nui$"))
    expect(page).to_have_title("Tìm kiếm: bo nui – OCOP Việt Nam")
    assert page.evaluate("history.length") == history_length
    assert page.evaluate(SAME_DOCUMENT), "the results must come without submitting the form"
    assert any(HTML_API.search(url) and "q=bo+nui" in url for url in log.requests)
    live_card = first.inner_html()
    live_count = page.locator("#search-count").text_content()
    screenshot(page, "search-as-you-type")

    # The same address loaded afresh (what a shared link or the form without script shows):
    # the server draws the same card with the same template, and the script asks for nothing.
    asked_before = len(log.requests)
    page.goto(f"{SEARCH}?q=bo+nui")
    expect(page.get_by_role("combobox")).to_have_value("bo nui")
    expect(cards(page).first).to_be_visible()
    assert cards(page).first.inner_html() == live_card
    assert page.locator("#search-count").text_content() == live_count
    assert not any(HTML_API.search(url) for url in log.requests[asked_before:])
    assert log.errors == []


def test_choosing_a_province_narrows_the_results_and_shows_a_removable_chip(catalogue, phone):
    page, log = phone
    box = open_search(page)
    box.press_sequentially("bo")
    expect(titled(page, "Bơ núi lửa Krông Nô")).to_have_count(1)
    expect(titled(page, "Bơ sáp Ba Vì")).to_have_count(1)
    expect(page.locator("#search-chips")).to_be_hidden()
    # The suggestions lie over the filters' heading: Escape puts them away.
    suggestions = page.get_by_role("listbox", name="Gợi ý tìm kiếm")
    expect(suggestions).to_be_visible()
    box.press("Escape")
    expect(suggestions).to_be_hidden()

    open_filters(page)
    province = page.locator("select[data-facet=province]")
    # The filter's options are counted for the results shown.
    expect(province.locator("option[value=ha-noi]")).to_have_text(re.compile(r"^Hà Nội \(\d+\)$"))
    province.select_option("ha-noi")

    expect(titled(page, "Bơ núi lửa Krông Nô")).to_have_count(0)
    expect(titled(page, "Bơ sáp Ba Vì")).to_have_count(1)
    chip = page.locator("#search-chips")
    expect(chip).to_be_visible()
    expect(chip.locator(".chip")).to_have_count(1)
    expect(chip.locator(".chip")).to_contain_text("Hà Nội")
    # The new options came from the server, which marks the chosen one.
    expect(province).to_have_value("ha-noi")
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q=bo&province=ha-noi$"))
    assert page.evaluate(SAME_DOCUMENT), "choosing a filter must not load a page"
    # The filters' heading and "drop every filter" follow the live search too.
    expect(page.locator("#search-filtering")).to_have_text(" (đang lọc)")
    clear_all = page.get_by_role("link", name="Bỏ tất cả bộ lọc")
    expect(clear_all).to_have_attribute("href", "/tim-kiem/?q=bo")

    # The chip's ✕ is a link to the same search without that filter.
    page.get_by_role("link", name="Bỏ lọc: Hà Nội").click()
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q=bo$"))
    expect(page.locator("#search-chips")).to_be_hidden()
    expect(titled(page, "Bơ núi lửa Krông Nô")).to_have_count(1)
    expect(titled(page, "Bơ sáp Ba Vì")).to_have_count(1)
    expect(page.locator("select[data-facet=province]")).to_have_value("")
    assert log.errors == []


def test_suggestions_are_an_accessible_combobox_that_the_keyboard_follows(catalogue, phone):
    page, log = phone
    box = open_search(page)
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_attribute("aria-autocomplete", "list")
    listbox = page.get_by_role("listbox", name="Gợi ý tìm kiếm")
    expect(box).to_have_attribute("aria-controls", "search-suggestions")
    expect(listbox).to_be_hidden()

    box.press_sequentially("bo nui")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options.first).to_contain_text("Bơ núi lửa Krông Nô")
    expect(options.first).to_contain_text("Sản phẩm")  # its kind, named from the page's list
    expect(options.filter(has_text="Cà phê")).to_have_count(0)
    expect(options.first).to_have_attribute("aria-selected", "false")
    # Let the live results settle too, so that leaving the page cuts no request short.
    expect(cards(page).first).to_contain_text("Bơ núi lửa Krông Nô")

    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    first_id = options.first.get_attribute("id")
    expect(box).to_have_attribute("aria-activedescendant", first_id)
    expect(box).to_be_focused()  # focus stays in the box, the option is only pointed at

    # Escape closes the list and forgets the pointed option; ArrowDown opens it again.
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", first_id)
    box.press("ArrowDown")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-activedescendant", first_id)

    box.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(catalogue.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bơ núi lửa Krông Nô")
    assert log.errors == []


def test_filters_dropped_or_words_cleared_live_look_as_the_same_url_does_on_reload(catalogue, phone):
    page, log = phone
    page.goto(SEARCH + "?q=bo&province=ha-noi")
    expect(page.get_by_role("combobox", name="Tìm sản phẩm, chủ thể hoặc câu chuyện")).to_be_visible()
    page.evaluate(MARK_DOCUMENT)
    open_filters(page)
    expect(page.locator("#search-filtering")).to_have_text(" (đang lọc)")

    page.locator("select[data-facet=province]").select_option("")
    expect(titled(page, "Bơ núi lửa Krông Nô")).to_have_count(1)
    expect(page.locator("#search-filtering")).to_have_text("")
    expect(page.get_by_role("link", name="Bỏ tất cả bộ lọc")).to_have_count(0)

    box = page.locator("#search-q")
    box.fill("")
    box.press_sequentially("ca phe")
    expect(titled(page, "Cà phê bột Đắk Đam")).to_have_count(1)
    # Each step waits for its answer: a newer search aborts an older one still on its way.
    expect(page).to_have_url(re.compile(r"\?q=ca\+phe$"))
    page.locator("select[data-facet=province]").select_option("lam-dong")
    expect(page.get_by_role("link", name="Bỏ tất cả bộ lọc")).to_have_attribute("href", "/tim-kiem/?q=ca%20phe")

    # Words and filters all gone: the intro, as /tim-kiem/ itself shows, not every entry.
    page.locator("select[data-facet=province]").select_option("")
    expect(page).to_have_url(re.compile(r"\?q=ca\+phe$"))
    box.fill("")
    expect(page.locator("#search-intro")).to_be_visible()
    expect(cards(page)).to_have_count(0)
    expect(page.locator("#search-count")).to_have_text("Tìm thử")
    expect(page).to_have_url(re.compile(r"/tim-kiem/$"))
    assert page.evaluate(SAME_DOCUMENT), "the live search must not load a page"
    assert log.errors == []
