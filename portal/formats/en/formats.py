"""English admin: dates are shown as dd/mm/yyyy (WAGTAIL_DATE_FORMAT) in every language, so they
must be read back day first. Django's English formats read 05/10/2025 as 10 May and refuse
13/10/2025; an editor whose browser asks for English would otherwise corrupt every date it saves."""

from django.conf import settings

DATE_INPUT_FORMATS = settings.DATE_INPUT_FORMATS
DATETIME_INPUT_FORMATS = settings.DATETIME_INPUT_FORMATS
