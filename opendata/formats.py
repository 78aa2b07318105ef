"""Rows to bytes, a batch at a time: CSV for spreadsheets, JSON Lines for programs.

CSV: UTF-8 with a byte-order mark, RFC 4180 (comma, double quotes, CRLF), one header row of
the field names. The BOM is there for Excel, the tool most people in the provinces open a CSV
with: without it Excel reads UTF-8 as the local code page and mangles every Vietnamese letter.
Frictionless, pandas (``encoding="utf-8-sig"``), LibreOffice and csvkit all read it. Lists are
joined with ``;``; an absent value is an empty cell.

JSON Lines: one JSON object per line, the same keys in the same order, lists as arrays and an
absent value as ``null``; no BOM (JSON forbids one).

Dates are ISO 8601 (``2025-03-10``); times are UTC (``2025-03-10T08:15:00Z``).
"""

import csv
import datetime
import io
import json
from collections.abc import Iterable, Iterator

from .fields import LIST_DELIMITER, Field

BOM = "\ufeff"
BATCH = 500  # rows per chunk handed to the server: big enough to be cheap, small enough to start at once


def iso(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_DELIMITER.join(value)
    return str(iso(value))


def csv_chunks(fields: Iterable[Field], rows: Iterable[dict]) -> Iterator[bytes]:
    names = [field.name for field in fields]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(BOM)
    writer.writerow(names)
    for number, row in enumerate(rows, 1):
        writer.writerow([csv_cell(row[name]) for name in names])
        if number % BATCH == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def jsonl_chunks(fields: Iterable[Field], rows: Iterable[dict]) -> Iterator[bytes]:
    names = [field.name for field in fields]
    lines = []
    for row in rows:
        lines.append(json.dumps({name: iso(row[name]) for name in names}, ensure_ascii=False, separators=(",", ":")))
        if len(lines) == BATCH:
            yield ("\n".join(lines) + "\n").encode()
            lines = []
    if lines:
        yield ("\n".join(lines) + "\n").encode()


WRITERS = {"csv": csv_chunks, "jsonl": jsonl_chunks}
