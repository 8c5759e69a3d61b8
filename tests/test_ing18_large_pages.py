"""A large page (thousands of divs of navigation and teaser rails) is read by trafilatura's main extractor alone when
it finds the story: its fallback extractors (readability, jusText) took seconds there. They still run on a small page
and on a large one where the main extractor finds no story."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import trafilatura.external

from storytrace.article import article_from_html

STORY = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members, who had "
    "argued for months about the cost of the works and about who would pay for them.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote, and the "
    "old fish market will be moved to the northern quay to make room for the terminal building.",
    "Work is due to start in the autumn and last about two years, according to the council's own timetable, which "
    "was published on Wednesday together with the first cost estimate for the project.",
    "The harbour master said the new piers would be used mostly by cargo ships, while the ferry terminal would "
    "serve the island routes that now leave from the crowded southern quay.",
]


def _rails(n: int) -> tuple[str, str]:
    nav = "".join(f"<div class='nav'><div class='item'><a href='/s/{i}'>Section {i}</a></div></div>" for i in range(n))
    cards = "".join(
        f"<div class='card'><div class='inner'><div class='t'><a href='/story/{i}'>Other story {i}</a></div>"
        f"<div class='m'>3 min read</div></div></div>"
        for i in range(n)
    )
    return nav, cards


def _page(paragraphs: list[str], rail_items: int) -> str:
    nav, cards = _rails(rail_items)
    story = "".join(f"<div class='para'><p>{p}</p></div>" for p in paragraphs)
    return (
        "<html><head><title>Harbour plan approved</title></head><body>"
        f"{nav}<article><h1>Harbour plan approved</h1>{story}</article>{cards}</body></html>"
    )


def _fallback_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = trafilatura.external.try_readability

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura.external, "try_readability", counted)
    return calls


def test_a_large_page_whose_story_the_main_extractor_finds_skips_the_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(STORY, 300)
    assert page.count("<div") > 1_000
    calls = _fallback_calls(monkeypatch)
    article = article_from_html(page)
    assert article.text.split("\n\n") == STORY and article.title == "Harbour plan approved"
    assert calls == []  # readability ran on every page (twice on this one), jusText too


def test_a_small_page_still_runs_the_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _fallback_calls(monkeypatch)
    assert article_from_html(_page(STORY, 5)).text.split("\n\n") == STORY
    assert calls  # the rescue of odd layouts is kept where it is cheap


def test_a_large_page_with_a_stub_of_a_story_still_runs_the_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _fallback_calls(monkeypatch)
    text = article_from_html(_page(STORY[:1], 300)).text
    assert STORY[0] in text
    assert calls  # one paragraph is not enough to do without them


def test_compare_reads_a_large_page(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    path = tmp_path / "large.html"
    path.write_text(_page(STORY, 300))
    proc = run_cli(["compare", str(path), str(path), "--no-embeddings", "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    assert STORY[3] in proc.stdout and "Other story" not in proc.stdout
