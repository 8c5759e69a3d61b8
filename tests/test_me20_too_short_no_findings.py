"""A pair too short to judge was not checked: its reports must not say "nothing added or left out"."""

from __future__ import annotations

import io

from rich.console import Console

from storytrace.comparison import compare
from storytrace.report.html import report_to_html
from storytrace.report.terminal import render
from storytrace.settings import DEFAULT_SETTINGS

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)


def _terminal(original: str, suspect: str) -> str:
    buf = io.StringIO()
    render(compare(original, suspect, settings=LEXICAL), Console(file=buf, width=120, color_system=None))
    return " ".join(buf.getvalue().split())


def test_a_too_short_pair_is_not_vouched_for() -> None:
    assert "too short to check" in _terminal("The mayor spoke", "The mayor resigned")
    assert "nothing added or left out" not in _terminal("The mayor spoke", "The mayor resigned")
    page = report_to_html(compare("The mayor spoke", "The mayor resigned", settings=LEXICAL))
    assert "too short to check" in page and "nothing added, changed or left out" not in page


def test_a_checked_pair_with_no_findings_still_says_so() -> None:
    text = "The harbour board approved the seawall on Tuesday. Work starts in March."
    assert "nothing added or left out" in _terminal(text, text)
    assert "nothing added, changed or left out" in report_to_html(compare(text, text, settings=LEXICAL))
