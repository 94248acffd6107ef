"""At most `MAX_PER_RULE` findings of one rule in one file; the rest are counted in
one more finding at the first one left out. A crafted plan with 90,000 unknown
references (or 50,000 copies of one offer) is then a report a person can read,
written in seconds; no ordinary plan comes near the cap."""
from __future__ import annotations

from typing import Dict, Iterable, List, Tuple

from planlint.api import Problem
from planlint.messages import builtin_message, plural

MAX_PER_RULE = 1_000


class Cap:
    """Counts problems by rule code; `keep` says whether one is reported one by one."""

    def __init__(self) -> None:
        self.counts: Dict[str, int] = {}
        self.first_left: Dict[str, Problem] = {}

    def keep(self, code: str, problem: Problem) -> bool:
        count = self.counts[code] = self.counts.get(code, 0) + 1
        if count == MAX_PER_RULE + 1:
            self.first_left[code] = problem
        return count <= MAX_PER_RULE

    def summaries(self) -> List[Tuple[str, Problem]]:
        """One problem per capped rule, at the first problem left out, saying how many were."""
        out = []
        for code, problem in self.first_left.items():
            left = self.counts[code] - MAX_PER_RULE
            message = builtin_message("more_findings", count=left, code=code, limit=MAX_PER_RULE, **plural(left))
            out.append((code, Problem(problem.path, message, problem.at, problem.position)))
        return out


def capped(problems: Iterable[Tuple[str, Problem]]) -> List[Tuple[str, Problem]]:
    cap = Cap()
    kept = [(code, problem) for code, problem in problems if cap.keep(code, problem)]
    return kept + cap.summaries()
