"""The vocabulary of the index: every folded word an entry holds, with how many entries hold it.

Kept with the index in the ``SearchTerm`` table (``count_changes`` on each entry's change,
``recount`` on a rebuild), and held by each process as a plain dict, caught up by reading only
the rows changed since it last looked. Typos are matched against it with
RapidFuzz (optimal string alignment: a swap of two letters is one edit, as in Elasticsearch's
fuzziness), run-together words are split against it.
"""

import bisect
import datetime
import math
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, F, Max
from django.utils import timezone
from rapidfuzz import process
from rapidfuzz.distance import OSA

MAX_TERM = 40
FUZZY_FROM = 4  # letters: shorter words are matched exactly
TWO_EDITS_FROM = 8
MAX_PIECES = 4
MIN_PIECE = 2
LOOK_BACK = datetime.timedelta(minutes=10)


def words(text: str) -> set[str]:
    """The vocabulary words of an entry's folded text (numbers are codes, not words)."""
    return {word for word in text.split() if len(word) <= MAX_TERM and not word.isdigit()}


def allowed_edits(word: str) -> int:
    """The rule of both engines: 1 edit from 4 letters, 2 from 8, none below."""
    if len(word) >= TWO_EDITS_FROM:
        return 2
    return 1 if len(word) >= FUZZY_FROM else 0


# --- kept with the index ----------------------------------------------------------------------


def count_changes(old_text: str, new_text: str) -> None:
    """One entry's words changed from ``old_text`` to ``new_text`` (either may be empty)."""
    from .models import SearchTerm

    old, new = words(old_text), words(new_text)
    added, removed = new - old, old - new
    if not added and not removed:
        return
    now = timezone.now()
    if added:
        SearchTerm.objects.bulk_create([SearchTerm(term=term) for term in added], ignore_conflicts=True)
        SearchTerm.objects.filter(term__in=added).update(entries=F("entries") + 1, updated_at=now)
    if removed:
        SearchTerm.objects.filter(term__in=removed, entries__gt=0).update(entries=F("entries") - 1, updated_at=now)


def recount(texts) -> int:
    """Count every word again from the entries' folded texts (a rebuild); returns the number of words."""
    from .models import SearchTerm

    counts = Counter()
    for text in texts:
        counts.update(words(text))
    now = timezone.now()
    SearchTerm.objects.filter(entries__gt=0).update(entries=0, updated_at=now)
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term, entries=entries, updated_at=now) for term, entries in counts.items()],
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["term"],
        update_fields=["entries", "updated_at"],
    )
    return len(counts)


# --- held by each process -------------------------------------------------------------------------


@dataclass
class Vocabulary:
    version: tuple | None = None  # the table's (latest change, number of rows) when read
    entries: dict[str, int] = field(default_factory=dict)
    _sorted: list[str] | None = None
    _by_initial: dict[str, list[str]] | None = None

    def __contains__(self, word: str) -> bool:
        return word in self.entries

    def starts_a_word(self, prefix: str) -> bool:
        ordered = self.ordered()
        position = bisect.bisect_left(ordered, prefix)
        return position < len(ordered) and ordered[position].startswith(prefix)

    def ordered(self) -> list[str]:
        if self._sorted is None:
            self._sorted = sorted(self.entries)
        return self._sorted

    def corrections(self, word: str, edits: int | None = None, limit: int = 3) -> list[str]:
        """Index words within the allowed edits of ``word`` (same first letter), nearest and commonest first."""
        edits = allowed_edits(word) if edits is None else edits
        if not edits or not word:
            return []
        if self._by_initial is None:
            by_initial: dict[str, list[str]] = {}
            for term in self.ordered():
                by_initial.setdefault(term[0], []).append(term)
            self._by_initial = by_initial
        choices = self._by_initial.get(word[0], [])
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=edits, limit=None)
        found = [(term, distance) for term, distance, _ in found if term != word]
        found.sort(key=lambda item: (item[1], -self.entries[item[0]], item[0]))
        return [term for term, _ in found[:limit]]

    def split(self, word: str) -> tuple[str, ...] | None:
        """Run-together words split into index words: "caphe" → ("ca", "phe"); fewest pieces, then commonest."""
        if len(word) < 2 * MIN_PIECE or word in self.entries:
            return None
        # best[i]: the best way to write word[:i] — (pieces, -log frequency) and the pieces.
        best: list[tuple[tuple[int, float], tuple[str, ...]] | None] = [None] * (len(word) + 1)
        best[0] = ((0, 0.0), ())
        for end in range(MIN_PIECE, len(word) + 1):
            for start in range(0, end - MIN_PIECE + 1):
                piece = word[start:end]
                if best[start] is None or piece not in self.entries:
                    continue
                (pieces, cost), written = best[start]
                candidate = ((pieces + 1, cost - math.log(self.entries[piece])), (*written, piece))
                if candidate[0][0] <= MAX_PIECES and (best[end] is None or candidate[0] < best[end][0]):
                    best[end] = candidate
        found = best[len(word)]
        return found[1] if found and len(found[1]) > 1 else None


_current = Vocabulary()


def current() -> Vocabulary:
    """This process's vocabulary, caught up with the table: one cheap aggregate per query; when the
    table moved on, only the rows changed since are read (all of them if rows went away: a rollback)."""
    global _current
    from .models import SearchTerm

    vocabulary = _current
    table = SearchTerm.objects.aggregate(latest=Max("updated_at"), words=Count("term"))
    stamp = (table["latest"], table["words"])
    if stamp == vocabulary.version:
        return vocabulary
    rows = SearchTerm.objects.all()
    seen = vocabulary.version
    caught_up = seen is not None and None not in (*seen, *stamp) and stamp[0] >= seen[0] and stamp[1] >= seen[1]
    entries = dict(vocabulary.entries) if caught_up else {}
    if caught_up:
        # A transaction that committed after the last look may carry earlier times: look back a while.
        rows = rows.filter(updated_at__gte=seen[0] - LOOK_BACK)
    for term, count in rows.values_list("term", "entries"):
        if count:
            entries[term] = count
        else:
            entries.pop(term, None)
    # Replaced whole (one assignment), so a concurrent request never sees half of one.
    _current = Vocabulary(version=stamp, entries=entries)
    return _current
