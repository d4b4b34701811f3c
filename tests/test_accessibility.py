"""Every page of the built book meets WCAG 2.1 A/AA as axe-core checks it in Debian's chromium.

The check is ``tests/a11y/check.mjs`` (node, playwright-core driving /usr/bin/chromium,
axe-core with the tags wcag2a, wcag2aa, wcag21a, wcag21aa), run over every HTML page of a
built 2025 edition in light and in dark colour mode. ``scripts/install-browser-deps.sh``
installs chromium, node and the pinned node packages; without them this test fails and says
so (it is never skipped).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from built_book import built_book

A11Y = Path(__file__).parent / "a11y"
INSTALL = "bash scripts/install-browser-deps.sh"


def _require_tools() -> str:
    node = shutil.which("node")
    missing = []
    if node is None:
        missing.append("node (Debian package nodejs)")
    if not Path("/usr/bin/chromium").is_file():
        missing.append("/usr/bin/chromium (Debian package chromium)")
    for pkg in ("axe-core", "playwright-core"):
        if not (A11Y / "node_modules" / pkg / "package.json").is_file():
            missing.append(f"tests/a11y/node_modules/{pkg} (npm ci in tests/a11y)")
    if missing:
        pytest.fail("The accessibility check cannot run; missing: " + "; ".join(missing)
                    + f". Install them with `{INSTALL}`.")
    return node


def run_axe(html: Path, *extra: str) -> dict:
    """Run the axe check over a built HTML folder; return its JSON report."""
    node = _require_tools()
    proc = subprocess.run([node, str(A11Y / "check.mjs"), str(html), *extra],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=900)
    if proc.returncode != 0:
        pytest.fail(f"tests/a11y/check.mjs failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        first = v["nodes"][0]
        lines.append(f"{v['page']} [{v['scheme']}] {v['id']} ({v['impact']}, {len(v['nodes'])} element(s)): "
                     f"{v['help']}\n    e.g. {first['target']} {first['html'][:160]}")
    return "\n".join(lines)


@pytest.mark.slow
def test_every_page_has_zero_wcag21_aa_violations() -> None:
    book = built_book()
    report = run_axe(book.html)
    pages = sorted(p.relative_to(book.html).as_posix() for p in book.html.rglob("*.html")
                   if not {"_static", "_sources", "_images", "_downloads"} & set(p.relative_to(book.html).parts))
    assert report["pageList"] == pages, "the check did not open every built page"
    assert set(report["schemes"]) == {"light", "dark"}
    assert report["pages"] >= 3
    assert report["violations"] == [], (
        f"{len(report['violations'])} WCAG 2.1 A/AA violation(s), per rule {report['counts']}:\n"
        + _describe(report["violations"])
    )


@pytest.mark.slow
def test_the_check_finds_a_violation_when_there_is_one(tmp_path: Path) -> None:
    """The check can fail: an image without alt text and low-contrast text are reported."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><title>Proef</title></head><body><main>'
        '<h1>Proef</h1><img src="x.png"><p style="color:#bbb;background:#fff">Vage tekst</p>'
        "</main></body></html>",
        encoding="utf-8",
    )
    report = run_axe(tmp_path, "--scheme", "light")
    assert {"image-alt", "color-contrast"} <= set(report["counts"])
