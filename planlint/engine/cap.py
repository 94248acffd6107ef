"""At most `MAX_PER_RULE` findings of one rule in one file; the rest are summarised
in one more finding at the first one left out. A crafted plan with 90,000 unknown
references (or 50,000 copies of one offer) is then a report a person can read,
written in seconds; no ordinary plan comes near the cap.

What lies beyond the cap is not made at all where that can be avoided: a rule's
check is a generator, and the cap stops pulling from it (making each problem costs
as much as the rest of the run); problems described on demand (the schema's) are
counted without being described.
"""
from __future__ import annotations

from typing import Callable, Dict, FrozenSet, Iterable, List, Set, Tuple

from planlint.api import Problem
from planlint.messages import builtin_message, plural

MAX_PER_RULE = 1_000
# The lints of a --fix run make this many of each fixable rule's problems, so that
# one pass fixes 6,000 misspelt dates instead of seven passes of a thousand.
MAX_WHEN_FIXING = 10_000


class Cap:
    """Counts problems by rule code; `keep` says whether one is reported one by one."""

    def __init__(self, wide: FrozenSet[str] = frozenset()) -> None:
        self.wide = wide  # codes capped at MAX_WHEN_FIXING
        self.counts: Dict[str, int] = {}
        self.first_left: Dict[str, Problem] = {}
        self.uncounted: Set[str] = set()  # codes whose problems beyond the cap were never made

    def limit(self, code: str) -> int:
        return MAX_WHEN_FIXING if code in self.wide else MAX_PER_RULE

    def keep(self, code: str, problem: Problem) -> bool:
        count = self.counts[code] = self.counts.get(code, 0) + 1
        if count == self.limit(code) + 1:
            self.first_left[code] = problem
        return count <= self.limit(code)

    def pull(self, code: str, problems: Iterable[Problem]) -> List[Problem]:
        """The problems of `code` reported one by one, pulled from `problems` only
        up to the first one left out."""
        kept = []
        for problem in problems:
            if not self.keep(code, problem):
                self.uncounted.add(code)
                break
            kept.append(problem)
        return kept

    def described(self, code: str, makers: Iterable[Callable[[], Problem]]) -> List[Problem]:
        """The problems of `code` reported one by one, each made by its maker; the
        rest are counted, and only the first of them is made (for its position)."""
        kept, limit = [], self.limit(code)
        for make in makers:
            count = self.counts.get(code, 0)
            if count < limit:
                problem = make()
                self.keep(code, problem)
                kept.append(problem)
            elif count == limit:
                self.keep(code, make())
            else:
                self.counts[code] = count + 1
        return kept

    def summaries(self) -> List[Tuple[str, Problem]]:
        """One problem per capped rule, at the first problem left out, saying how many were
        (when they were counted)."""
        out = []
        for code, problem in self.first_left.items():
            limit = self.limit(code)
            left = self.counts[code] - limit
            if code in self.uncounted:
                message = builtin_message("more_findings_uncounted", code=code, limit=limit)
            else:
                message = builtin_message("more_findings", count=left, code=code, limit=limit, **plural(left))
            out.append((code, Problem(problem.path, message, problem.at, problem.position)))
        return out

