"""Dates in the admin read back as the dates shown, whatever language the admin speaks.

The admin shows dates as dd/mm/yyyy (WAGTAIL_DATE_FORMAT) in every language, but Django parses
them with the active language's input formats, which for English are month first: an editor
whose browser asks for English would see "13/10/2025" refused and "05/10/2025" saved as 10 May.
"""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone, translation

from catalogue.models import ProductPage

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SHOWN = [
    ("recognised_on", datetime.date(2025, 10, 5)),
    ("expires_on", datetime.date(2028, 10, 13)),
    ("go_live_at", datetime.datetime(2025, 10, 5, 8, 30)),
    ("expire_at", datetime.datetime(2028, 10, 13, 17, 45)),
]


@pytest.mark.django_db
@pytest.mark.parametrize("language", [*LANGUAGES, "en-us"])
@pytest.mark.parametrize(("field_name", "value"), SHOWN)
def test_a_date_the_product_form_shows_is_read_back_as_the_same_date_in_every_admin_language(
    language, field_name, value
):
    field = ProductPage.get_edit_handler().get_form_class().base_fields[field_name]
    if isinstance(value, datetime.datetime):
        value = timezone.make_aware(value)

    with translation.override(language):
        shown = field.widget.format_value(value)
        assert field.clean(shown) == value, shown
