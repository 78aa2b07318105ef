"""The relevance set: realistic queries against the demo catalogue and what must come in the top 3.

``queries.json`` is labelled by hand (see docs/search.md); ``evaluate`` asks a search
function each query and scores the answers: the share of queries with an expected
result in the top 3, and the mean reciprocal rank of the first expected result
(1 when first, 1/2 when second, … 0 when absent from the first page).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

QUERIES = Path(__file__).with_name("queries.json")
TOP = 3


@dataclass(frozen=True)
class Case:
    q: str
    kind: str
    expect: tuple[str, ...]


@dataclass
class Report:
    engine: str
    cases: int = 0
    in_top: int = 0
    reciprocal_ranks: float = 0.0
    misses: list[tuple[Case, str, list[str]]] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [in top 3, cases]

    @property
    def top_share(self) -> float:
        return self.in_top / self.cases if self.cases else 0.0

    @property
    def mrr(self) -> float:
        return self.reciprocal_ranks / self.cases if self.cases else 0.0

    def summary(self) -> str:
        lines = [f"{self.engine}: top-{TOP} {self.top_share:.1%} ({self.in_top}/{self.cases}), MRR {self.mrr:.3f}"]
        for kind, (hits, total) in sorted(self.by_kind.items()):
            lines.append(f"  {kind:18} {hits}/{total}")
        for case, typed, found in self.misses:
            lines.append(f"  MISS {typed!r} ({case.kind}): expected {list(case.expect)}, got {found[:TOP]}")
        return "\n".join(lines)


def load_cases(path: Path = QUERIES) -> list[Case]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Case(q=item["q"], kind=item["kind"], expect=tuple(item["expect"])) for item in data["queries"]]


def evaluate(
    engine: str,
    ask: Callable[[str], list[str]],
    resolve: Callable[[str], str] = lambda text: text,
    cases: list[Case] | None = None,
) -> Report:
    """``ask(text)`` returns the titles of the first page of results, best first; ``resolve``
    turns a placeholder such as ``{code:Title}`` into what a shopper would type."""
    report = Report(engine=engine)
    for case in cases if cases is not None else load_cases():
        typed = resolve(case.q)
        found = ask(typed)
        rank = next((position for position, title in enumerate(found, 1) if title in case.expect), None)
        report.cases += 1
        tally = report.by_kind.setdefault(case.kind, [0, 0])
        tally[1] += 1
        if rank is not None:
            report.reciprocal_ranks += 1 / rank
        if rank is not None and rank <= TOP:
            report.in_top += 1
            tally[0] += 1
        else:
            report.misses.append((case, typed, found))
    return report
