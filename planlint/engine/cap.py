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

from typing import Callable, Dict, Iterable, List, Set, Tuple

from planlint.api import Problem
from planlint.messages import builtin_message, plural

MAX_PER_RULE = 1_000


class Cap:
    """Counts problems by rule code; `keep` says whether one is reported one by one."""

    def __init__(self) -> None:
        self.counts: Dict[str, int] = {}
        self.first_left: Dict[str, Problem] = {}
        self.uncounted: Set[str] = set()  # codes whose problems beyond the cap were never made

    def keep(self, code: str, problem: Problem) -> bool:
        count = self.counts[code] = self.counts.get(code, 0) + 1
        if count == MAX_PER_RULE + 1:
            self.first_left[code] = problem
        return count <= MAX_PER_RULE

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
        kept = []
        for make in makers:
            count = self.counts.get(code, 0)
            if count < MAX_PER_RULE:
                problem = make()
                self.keep(code, problem)
                kept.append(problem)
            elif count == MAX_PER_RULE:
                self.keep(code, make())
            else:
                self.counts[code] = count + 1
        return kept

    def summaries(self) -> List[Tuple[str, Problem]]:
        """One problem per capped rule, at the first problem left out, saying how many were
        (when they were counted)."""
        out = []
        for code, problem in self.first_left.items():
            left = self.counts[code] - MAX_PER_RULE
            if code in self.uncounted:
                message = builtin_message("more_findings_uncounted", code=code, limit=MAX_PER_RULE)
            else:
                message = builtin_message("more_findings", count=left, code=code, limit=MAX_PER_RULE,
                                          **plural(left))
            out.append((code, Problem(problem.path, message, problem.at, problem.position)))
        return out

