"""Reading bytes: encodings, positions, YAML 1.1 pitfalls, limits, and the YAML test suite."""
from __future__ import annotations

from pathlib import Path

import pytest

from planlint.parse.loader import Limits, load

from helpers import DATA, HERE, SHARED, lint_paths

LOADER = DATA / "loader"
YAML_SUITE = SHARED / "data" / "yaml-test-suite"


def codes_at(path: Path) -> list:
    return [f"{f.code}:{f.line}:{f.column}" for f in lint_paths([str(path)]).findings]


@pytest.mark.parametrize("name", ["utf8_bom.yaml", "crlf.yaml", "utf16_bom.yaml"])
def test_encodings_and_line_endings_keep_positions(name: str) -> None:
    # The same plan with `kind: promo` on line 29: a BOM is not a column, CRLF is one line end.
    assert codes_at(LOADER / name) == ["PL002:29:11"]


def test_columns_count_characters_not_bytes() -> None:
    assert codes_at(LOADER / "wide_characters.yaml") == ["PL002:7:19"]


def test_gbk_file_gets_a_finding_that_names_gbk() -> None:
    [finding] = lint_paths([str(LOADER / "gbk.yaml")]).findings
    assert (finding.code, finding.line) == ("PL001", 4)
    assert "not UTF-8" in finding.message and "GBK" in finding.message


def test_binary_file_is_one_clear_finding() -> None:
    [finding] = lint_paths([str(LOADER / "binary.yaml")]).findings
    assert (finding.code, finding.line, finding.column) == ("PL001", 1, 1)
    assert "binary" in finding.message


def test_nul_byte_in_text_is_reported_where_it_is() -> None:
    [finding] = lint_paths([str(LOADER / "nul_in_text.yaml")]).findings
    assert (finding.code, finding.line, finding.column) == ("PL001", 4, 13)
    assert "U+0000" in finding.message


def test_values_follow_planlint_reading_rules() -> None:
    loaded = load(b"a: 2026-11-20\nb: 010\nc: 08\nd: 5,000\ne: 12\nf:\ng: yes\nh: '2026-11-20'\nb: 7\n")
    assert loaded.data == {"a": "2026-11-20", "b": 7, "c": "08", "d": "5,000", "e": 12, "g": True,
                           "h": "2026-11-20"}
    assert loaded.problems == []
    assert [(r.path, r.key, r.first_line, r.position) for r in loaded.key_repeats] == [((), "b", 2, (9, 1, 9, 2))]


def test_limits_are_configurable() -> None:
    text = b"x-list: [" + b", ".join(b"a" for _ in range(50)) + b"]\n"
    [(code, problem)] = load(text, Limits(max_nodes=20)).problems
    assert code == "PL001" and "more than 20 nodes" in problem.render()
    [(code, problem)] = load(b"a: [[[[1]]]]\n", Limits(max_depth=3)).problems
    assert "deeper than 3 levels" in problem.render()


def test_size_limit_is_checked_before_parsing() -> None:
    [(code, problem)] = load(b"a: " + b"x" * 100 + b"\n", Limits(max_bytes=50)).problems
    assert code == "PL001" and "50-byte limit" in problem.render()


SUITE_FILES = sorted(YAML_SUITE.glob("*/in.yaml"))


def test_yaml_test_suite_is_present() -> None:
    assert len(SUITE_FILES) > 300, f"expected the YAML test suite under {YAML_SUITE}"


def test_every_yaml_test_suite_case_loads_without_exception() -> None:
    outcomes = {"data": 0, "PL001": 0}
    for path in SUITE_FILES:
        loaded = load(path.read_bytes())
        if loaded.data is None:
            assert [code for code, _ in loaded.problems] == ["PL001"], path
            outcomes["PL001"] += 1
        else:
            assert isinstance(loaded.data, dict), path
            outcomes["data"] += 1
    assert outcomes["data"] > 0 and outcomes["PL001"] > 0
