"""The open-data page's helpers: its schema.org JSON-LD and the field types in Vietnamese."""

import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# As core's json_ld tag: nothing inside may close the <script> element or open a comment.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}

TYPE_LABELS = {
    "string": "chuỗi ký tự",
    "integer": "số nguyên",
    "number": "số",
    "date": "ngày (YYYY-MM-DD)",
    "datetime": "thời điểm (ISO 8601, UTC)",
    "list": "danh sách (CSV: ngăn cách bằng “;”)",
}


@register.simple_tag
def json_ld_script(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


@register.filter
def field_type_label(type_name: str) -> str:
    return TYPE_LABELS.get(type_name, type_name)
