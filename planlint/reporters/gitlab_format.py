"""GitLab Code Quality: the JSON array GitLab reads for merge-request widgets."""
from __future__ import annotations

import json
from typing import Any

from planlint.model import Result

# What this report reads of a Result beyond the findings (see planlint.reporters.needs_of).
NEEDS: frozenset = frozenset()

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(result: Result, registry: Any, color: bool = False, lang: str = "en") -> str:
    issues = [{
        "type": "issue",
        "check_name": f"{f.code} {f.name}",
        "description": f"{f.code} {f.message}",
        "categories": ["Bug Risk"],
        "severity": SEVERITIES[f.severity.value],
        "fingerprint": f.fingerprint(),
        "location": {"path": f.path[2:] if f.path.startswith("./") else f.path,
                     "positions": {"begin": {"line": f.line, "column": f.column}}},
    } for f in result.findings]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
