"""A date the admin shows as dd/mm/yyyy is read back as the same date when the form is saved.

Found by the browser walk under the Content-Security-Policy: Django's Vietnamese locale names no
input formats, so the defaults (month first) read the certificate date 05/03/2026 back as 3 May
and refused 16/05/2026 — every product re-saved in the admin changed or failed.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from catalogue.models import ProductPage

pytestmark = pytest.mark.django_db


def form_field(name):
    return ProductPage.get_edit_handler().get_form_class()().fields[name]


@pytest.mark.parametrize(
    ("shown", "meant"),
    [
        ("05/03/2026", datetime.date(2026, 3, 5)),
        ("16/05/2026", datetime.date(2026, 5, 16)),
        ("2026-03-05", datetime.date(2026, 3, 5)),
    ],
)
def test_a_certificate_date_typed_day_first_is_that_day(shown, meant):
    with translation.override("vi"):
        assert form_field("recognised_on").clean(shown) == meant


def test_a_scheduled_publishing_time_typed_day_first_is_that_time():
    with translation.override("vi"):
        value = form_field("go_live_at").clean("16/05/2026 08:30")
    assert (value.day, value.month, value.hour, value.minute) == (16, 5, 8, 30)


def test_the_edit_form_saves_back_the_dates_it_shows(client, make_product, make_user):
    product = make_product(recognised_on=datetime.date(2026, 3, 5), expires_on=datetime.date(2029, 3, 16))
    client.force_login(make_user("editor"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[product.pk])).content.decode()
    shown = dict(re.findall(r'name="(recognised_on|expires_on)" value="([^"]+)"', html))
    assert shown == {"recognised_on": "05/03/2026", "expires_on": "16/03/2029"}
    with translation.override("vi"):
        assert form_field("recognised_on").clean(shown["recognised_on"]) == product.recognised_on
        assert form_field("expires_on").clean(shown["expires_on"]) == product.expires_on
