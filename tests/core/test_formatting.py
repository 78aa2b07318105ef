"""Vietnamese formatting helpers used by the public templates."""

import datetime

import pytest
from django.template import Context, Template

from core.templatetags.portal_tags import star_symbols, vn_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [(15000, "15.000"), (14600, "14.600"), (999, "999"), (1234567, "1.234.567"), (0, "0"), ("", "")],
)
def test_numbers_use_a_dot_as_thousands_separator(value, expected):
    assert vn_number(value) == expected


@pytest.mark.parametrize(("stars", "expected"), [(3, "★★★☆☆"), (4, "★★★★☆"), (5, "★★★★★"), (None, "")])
def test_stars_are_shown_out_of_five(stars, expected):
    assert star_symbols(stars) == expected


def test_dates_are_day_month_year():
    rendered = Template('{{ day|date:"d/m/Y" }}').render(Context({"day": datetime.date(2025, 7, 1)}))
    assert rendered == "01/07/2025"


def test_stars_component_is_accessible():
    rendered = Template('{% include "components/stars.html" with stars=4 %}').render(Context())
    assert 'role="img"' in rendered
    assert 'aria-label="4 sao"' in rendered
    assert "4 sao OCOP" in rendered
