"""Health scores: 100 − 10 × errors − 4 × warnings − 1 × info per account file, floored at 0.

The weights come from config `score: {error, warning, info}`; suppressed
and baselined findings cost nothing, since the report does not show them as open.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, Iterable, Mapping, Optional

DEFAULT_WEIGHTS: Dict[str, int] = {"error": 10, "warning": 4, "info": 1}


def weights(configured: Optional[Mapping[str, int]] = None) -> Dict[str, int]:
    return {**DEFAULT_WEIGHTS, **(configured or {})}


def cost(severity: str, weight: Mapping[str, int]) -> int:
    return weight.get(severity, 0)


def health(severities: Iterable[str], weight: Mapping[str, int]) -> int:
    """The score of one account file from the severities of its open findings."""
    counts = Counter(severities)
    return max(0, 100 - sum(cost(severity, weight) * n for severity, n in counts.items()))
