"""The root block of every StreamField here: a POST that lacks part of its form is a form error.

Wagtail reads a stream from its form by the keys its editor sends (``body-count``, then
``body-0-type``, ``body-0-order``, … and the same inside each list); a request without one of
them (a hand-made or cut-off POST) raised ``KeyError``/``ValueError`` out of the form: a 500.
Here it reads as an empty stream that ``clean`` refuses, so the form comes back with the error
on the field, and rendering that form again reads the empty stream without failing.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StreamValue

INCOMPLETE = (
    "Nội dung gửi lên không đầy đủ (thiếu một phần của biểu mẫu), nên chưa lưu được. Hãy tải lại trang và thử lại."
)


class IncompleteStreamValue(StreamValue):
    """A stream whose form data could not be read: empty, and refused by ``clean``."""


class FormSafeStreamBlock(blocks.StreamBlock):
    def value_from_datadict(self, data, files, prefix):
        try:
            return super().value_from_datadict(data, files, prefix)
        except (KeyError, ValueError):  # a missing key (MultiValueDictKeyError), a count or order not a number
            return IncompleteStreamValue(self, [])

    def clean(self, value):
        if isinstance(value, IncompleteStreamValue):
            raise blocks.StreamBlockValidationError(non_block_errors=[ValidationError(INCOMPLETE, code="incomplete")])
        return super().clean(value)
