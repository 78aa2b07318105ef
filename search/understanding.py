"""Reading a query the way a shopkeeper would, once, for both engines.

The folded words typed are read left to right into *groups*: a group is what one typed word
(or phrase) may mean, as alternatives, and an entry matches a query when it matches one
alternative of every group. Alternatives are:

- the words as typed (the last one may be a prefix: the shopper is still typing);
- a synonym ("cafe" → "ca phe"; "htx" → "hop tac xa"), from ``search.synonyms``;
- run-together words split against the vocabulary ("hatdieu" → "hat dieu"), or a word split
  in two joined back ("st 24" → "st24");
- on the database engine, a typo corrected against the vocabulary ("luaa" → "lua"; 1 edit
  from 4 letters, 2 from 8) — Elasticsearch applies the same rule itself (``fuzziness``).

Typed words, synonyms and splits count as the word itself (``exact``); corrections rank below.
"""

from dataclasses import dataclass

from . import synonyms, vocabulary
from .engines.base import query_tokens


@dataclass(frozen=True)
class Alternative:
    words: tuple[str, ...]
    exact: bool = True  # the word itself, another way to write it, or a synonym; False: a corrected typo
    prefix: bool = False  # its last word may start a longer one (the word being typed)

    @property
    def phrase(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Group:
    typed: tuple[str, ...]
    alternatives: tuple[Alternative, ...]


def read(text: str, *, corrections: bool = True) -> tuple[Group, ...]:
    """The groups of a query (``corrections=False``: no typo corrections, for Elasticsearch)."""
    tokens = query_tokens(text)
    if not tokens:
        return ()
    known = vocabulary.current()
    written = synonyms.written_words(text)
    if len(written) != len(tokens):  # a character that folds to several letters: read without diacritics
        written = tokens
    groups, position = [], 0
    while position < len(tokens):
        group = _synonym(tokens, written, position) or _joined(tokens, position, known)
        if group is None:
            group = _word(tokens[position], position == len(tokens) - 1, known, corrections)
        groups.append(group)
        position += len(group.typed)
    return tuple(groups)


def _synonym(tokens, written, position) -> Group | None:
    """The longest typed phrase that has synonyms."""
    for length in range(min(synonyms.LONGEST, len(tokens) - position), 0, -1):
        typed = tuple(tokens[position : position + length])
        forms = synonyms.forms_for(" ".join(typed), " ".join(written[position : position + length]))
        if forms:
            last = position + length == len(tokens)
            alternatives = [Alternative(words=typed, prefix=last)]
            alternatives += [Alternative(words=tuple(form.split())) for form in forms[1:]]
            return Group(typed=typed, alternatives=tuple(alternatives))
    return None


def _joined(tokens, position, known) -> Group | None:
    """Two typed words that are one word of the index ("st 24" → "st24"), and not one already."""
    if position + 1 >= len(tokens):
        return None
    first, second = tokens[position], tokens[position + 1]
    joined = first + second
    if joined not in known or (len(first) > 3 and len(second) > 3):
        return None
    typed = (first, second)
    last = position + 2 == len(tokens)
    return Group(typed=typed, alternatives=(Alternative(words=typed, prefix=last), Alternative(words=(joined,))))


def _word(token, last, known, corrections) -> Group:
    alternatives = [Alternative(words=(token,), prefix=last)]
    if token in known:
        return Group(typed=(token,), alternatives=tuple(alternatives))
    pieces = known.split(token)
    if pieces:
        alternatives.append(Alternative(words=pieces))
        alternatives += [Alternative(words=tuple(form.split())) for form in synonyms.forms_for(" ".join(pieces))[1:]]
    # A word still being typed that starts an index word is not a typo.
    if corrections and not (last and known.starts_a_word(token)):
        alternatives += [Alternative(words=(fixed,), exact=False) for fixed in known.corrections(token)]
    return Group(typed=(token,), alternatives=tuple(alternatives))


def words_to_mark(groups) -> list[str]:
    """Every word an alternative may match, for highlighting."""
    return list(
        dict.fromkeys(word for group in groups for alternative in group.alternatives for word in alternative.words)
    )


def did_you_mean(text: str) -> str | None:
    """The query with each unknown word replaced by its nearest index word (a little looser than
    matching: 1 edit from 3 letters), or split; None when nothing changes."""
    known = vocabulary.current()
    changed, written = False, []
    for token in query_tokens(text):
        if token in known or token.isdigit():
            written.append(token)
            continue
        edits = max(vocabulary.allowed_edits(token), 1 if len(token) >= 3 else 0)
        fixed = known.corrections(token, edits=edits, limit=1)
        pieces = known.split(token)
        if pieces:
            written.append(" ".join(pieces))
            changed = True
        elif fixed:
            written.append(fixed[0])
            changed = True
        else:
            written.append(token)
    return " ".join(written) if changed else None
