"""The accounts table and timelines without a browser: every linted file is a row and one
<svg>, a file that cannot be read included, and a mistyped year does not flood the page."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import HERE

GOME = HERE.parent / "examples" / "plans" / "gome-2027.yaml"


def html_report(tmp_path: Path) -> str:
    target = tmp_path / "report.html"
    result = CliRunner().invoke(cli, [str(tmp_path / "plans"), "--today", "2026-11-23", "--no-cache",
                                      "--format", f"html:{target}"])
    assert result.exit_code in (0, 1), result.output
    return target.read_text(encoding="utf-8")


def test_every_file_is_a_row_and_one_svg_even_when_it_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    shutil.copy(GOME, tmp_path / "plans" / "gome.yaml")
    (tmp_path / "plans" / "broken.yaml").write_text("version: 1\naccount: [\n", encoding="utf-8")
    html = html_report(tmp_path)
    assert html.count("<svg") == 2
    rows = re.findall(r'<tr data-account="([^"]*)"', html)
    assert rows == [str(tmp_path / "plans" / "broken.yaml"), "gome"]  # score 90 before 100
    assert "No readable dates in this plan file." in html


def test_a_mistyped_year_gives_a_line_per_year(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    text = GOME.read_text(encoding="utf-8").replace("end: 2027-12-31", "end: 2087-12-31", 1)
    (tmp_path / "plans" / "gome.yaml").write_text(text, encoding="utf-8")
    html = html_report(tmp_path)
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 55 < svg.count('class="grid') < 70  # one per year from 2026 to 2088, not one per month


def test_best_practice_counts_sit_beside_the_five_mistakes_when_the_pack_is_selected(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    shutil.copy(HERE.parent / "examples" / "plans" / "northwind-mobile-2027.yaml", tmp_path / "plans")
    assert "Best practice" not in html_report(tmp_path)
    target = tmp_path / "report.html"
    result = CliRunner().invoke(cli, [str(tmp_path / "plans"), "--today", "2026-11-23", "--no-cache",
                                      "--extend-select", "PL6,PL7", "--format", f"html:{target}"])
    assert result.exit_code == 1, result.output
    html = target.read_text(encoding="utf-8")
    assert re.search(r">5 No differentiation</button></th>\s*<th[^>]*><button[^>]*>Best practice<", html)
    # PL606 and PL607 for both project plans, PL608 for the promotion.
    assert re.search(r'data-value="5" data-group="bp">5<', html)
