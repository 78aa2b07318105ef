"""Synonyms: one list in the repository (``synonyms.txt``) plus the sets editors add in the admin.

Both engines expand a query with them when it is read (``search.understanding``), rather than
at indexing time: an editor's new set works at the next search, on the database engine and
on Elasticsearch alike, with no re-indexing (an index-time synonym filter would need a
rebuild, and a search-time one a reload of every Elasticsearch node). The sets are read
again whenever the index version moves; saving or deleting a set moves it.
"""

from functools import lru_cache
from pathlib import Path

from django.db import transaction

from core.text import name_key

from .freshness import index_changed, index_version

LIST = Path(__file__).with_name("synonyms.txt")
LONGEST = 5  # words in the longest phrase looked for


def parse(line: str) -> tuple[str, ...]:
    """ "cà phê, cafe" → ("ca phe", "cafe"): folded, without empty or repeated forms."""
    forms = (name_key(form) for form in line.split(","))
    return tuple(dict.fromkeys(form for form in forms if form))


@lru_cache(maxsize=1)
def _repository_sets() -> tuple[tuple[str, ...], ...]:
    lines = (line.strip() for line in LIST.read_text(encoding="utf-8").splitlines())
    return tuple(forms for line in lines if line and not line.startswith("#") if len(forms := parse(line)) > 1)


_cached: tuple[int, dict[str, tuple[str, ...]]] | None = None


def table() -> dict[str, tuple[str, ...]]:
    """Each folded form → every form of its sets (itself first), for this index version."""
    global _cached
    version = index_version()
    if _cached is not None and _cached[0] == version:
        return _cached[1]
    from .models import SearchSynonym

    sets = list(_repository_sets())
    sets += [forms for terms in SearchSynonym.objects.values_list("terms", flat=True) if len(forms := parse(terms)) > 1]
    forms_of: dict[str, list[str]] = {}
    for forms in sets:
        for form in forms:
            known = forms_of.setdefault(form, [form])
            known.extend(other for other in forms if other not in known)
    result = {form: tuple(others) for form, others in forms_of.items()}
    _cached = (version, result)
    return result


def synonyms_changed(**kwargs) -> None:
    """An editor saved or deleted a set: every process reads the sets again, cached answers expire."""
    index_changed()
    transaction.on_commit(index_changed)
