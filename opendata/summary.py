"""What the page says about each file: how many rows, about how big, where to get it."""

from dataclasses import dataclass

from django.core.cache import cache

from .datasets import DATASETS, FORMATS, Dataset, Format
from .descriptors import file_url
from .freshness import Freshness

SIZE_SECONDS = 7 * 24 * 3600
COUNT_SECONDS = 24 * 3600


def size_key(version: str, filename: str) -> str:
    return f"opendata:size:{version}:{filename}"


@dataclass(frozen=True)
class FileSummary:
    filename: str
    url: str
    format: Format
    size: int
    # True when the size is that of the file as last produced for today's data; else estimated.
    measured: bool

    @property
    def size_label(self) -> str:
        return ("" if self.measured else "khoảng ") + human_size(self.size)


@dataclass(frozen=True)
class DatasetSummary:
    dataset: Dataset
    rows: int
    files: list[FileSummary]


def human_size(size: int) -> str:
    """Bytes in Vietnamese notation: 1234567 → "1,2 MB", 2048 → "2 kB"."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f}".replace(".", ",").removesuffix(",0") + f" {unit}"
    return f"{size} B"


def _count(dataset: Dataset, state: Freshness) -> int:
    if state.version is None:
        return dataset.count()
    key = f"opendata:count:{state.version}:{dataset.name}"
    count = cache.get(key)
    if count is None:
        count = dataset.count()
        cache.set(key, count, COUNT_SECONDS)
    return count


def describe(state: Freshness) -> list[DatasetSummary]:
    summaries = []
    for dataset in DATASETS:
        rows = _count(dataset, state)
        summaries.append(DatasetSummary(dataset, rows, [_file(dataset, fmt, rows, state) for fmt in FORMATS]))
    return summaries


def _file(dataset: Dataset, fmt: Format, rows: int, state: Freshness) -> FileSummary:
    filename = dataset.filename(fmt)
    measured = cache.get(size_key(state.version, filename)) if state.version else None
    size = measured if measured is not None else 200 + rows * fmt.bytes_per_row[dataset.name]
    return FileSummary(filename, file_url(filename), fmt, size, measured is not None)
