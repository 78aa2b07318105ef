"""Synonyms: one list in the repository (``synonyms.txt``) plus the sets editors add in the admin.

Both engines expand a query with them when it is read (``search.understanding``), rather than
at indexing time: an editor's new set works at the next search, on the database engine and
on Elasticsearch alike, with no re-indexing (an index-time synonym filter would need a
rebuild, and a search-time one a reload of every Elasticsearch node). The sets are read
again whenever the index version moves; saving or deleting a set moves it.
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from django.db import transaction

from core.text import fold_vietnamese, name_key

from .freshness import index_changed, index_version

LIST = Path(__file__).with_name("synonyms.txt")
LONGEST = 5  # words in the longest phrase looked for


def written_words(text: str) -> list[str]:
    """The words as written, lower case, with their diacritics: split where ``name_key`` splits,
    so the n-th written word is the n-th folded one ("Cà phê-bột" → ["cà", "phê", "bột"])."""
    words, current = [], []
    for char in unicodedata.normalize("NFC", text.lower()):
        if re.fullmatch(r"[a-z0-9]+", fold_vietnamese(char)):
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


Forms = tuple[tuple[str, str], ...]  # a set: (as written, folded) for each of its forms


def parse(line: str) -> Forms:
    """ "Cà phê, cafe" → (("cà phê", "ca phe"), ("cafe", "cafe")): without empty or repeated forms."""
    forms = {}
    for form in line.split(","):
        folded = name_key(form)
        if folded:
            forms.setdefault(folded, " ".join(written_words(form)))
    return tuple((written, folded) for folded, written in forms.items())


@lru_cache(maxsize=1)
def _repository_sets() -> tuple[Forms, ...]:
    lines = (line.strip() for line in LIST.read_text(encoding="utf-8").splitlines())
    return tuple(forms for line in lines if line and not line.startswith("#") if len(forms := parse(line)) > 1)


_cached: tuple[int, dict[str, tuple[Forms, ...]]] | None = None


def table() -> dict[str, tuple[Forms, ...]]:
    """Each folded form → the sets it belongs to, for this index version."""
    global _cached
    version = index_version()
    if _cached is not None and _cached[0] == version:
        return _cached[1]
    from .models import SearchSynonym

    sets = list(_repository_sets())
    sets += [forms for terms in SearchSynonym.objects.values_list("terms", flat=True) if len(forms := parse(terms)) > 1]
    sets_of: dict[str, list[Forms]] = {}
    for forms in sets:
        for _, folded in forms:
            sets_of.setdefault(folded, []).append(forms)
    result = {folded: tuple(found) for folded, found in sets_of.items()}
    _cached = (version, result)
    return result


def forms_for(folded: str, written: str | None = None) -> tuple[str, ...]:
    """Every folded form meaning the same as a typed phrase, itself first; () when it has no synonyms.

    Folding makes a few words meet ("dừa", coconut, and "dứa", pineapple, are both "dua"): typed
    with diacritics, a phrase takes only the sets in which it is written that way; typed without,
    it takes every set of its folded form.
    """
    found = [folded]
    for forms in table().get(folded, ()):
        if written is not None and written != folded and written not in {form for form, _ in forms}:
            continue
        found.extend(other for _, other in forms if other not in found)
    return tuple(found) if len(found) > 1 else ()


def synonyms_changed(**kwargs) -> None:
    """An editor saved or deleted a set: every process reads the sets again, cached answers expire."""
    index_changed()
    transaction.on_commit(index_changed)
