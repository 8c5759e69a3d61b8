"""The terminal lists the most salient omissions, not hundreds of them."""

from __future__ import annotations

import io

from rich.console import Console

from storytrace import compare
from storytrace.report.terminal import OMISSIONS_SHOWN, render

TOWNS = ["Harlow", "Epping", "Ongar", "Loughton", "Chigwell", "Waltham", "Nazeing", "Roydon", "Stansted"]


def _render(source: str, suspect: str) -> str:
    buf = io.StringIO()
    render(compare(source, suspect), Console(file=buf, width=300, color_system=None))
    return buf.getvalue()


def test_a_long_list_of_omissions_is_cut_to_the_most_salient() -> None:
    facts = [
        f"The council of {town} voted {k + 3} to {k + 1} on Tuesday to close its library, which opened in {1900 + k}."
        for k, town in enumerate(TOWNS)
    ]
    facts += [f"Residents of {town} have started a petition to keep it open." for town in TOWNS]
    facts += [f"In {town}, about {20 + k} people attended the meeting." for k, town in enumerate(TOWNS)]
    source = " ".join(facts)
    out = _render(source, facts[0])
    lines = [ln for ln in out.splitlines() if ln.startswith("  ") and "] " in ln]
    dropped = len(facts) - 1
    assert f"Left out of the original: {dropped} sentences" in out
    assert len(lines) == OMISSIONS_SHOWN
    assert f"\u2026 and {dropped - OMISSIONS_SHOWN} more, less salient" in out


def test_a_short_list_is_shown_whole() -> None:
    source = "The council voted on Tuesday. The library closed in May. About 40 people came."
    out = _render(source, "The council voted on Tuesday.")
    assert "Left out of the original: 2 sentences" in out
    assert "more, less salient" not in out
