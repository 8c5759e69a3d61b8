"""Editor's notes and correction labels that open a paragraph are left out of an HTML page's text whatever their
length; a line of the story that merely mentions an editor stays."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import article_from_html

HEADLINE = "Harbour plan approved after long debate"
PARAS = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
    "Work is due to start in the autumn and last about two years, according to the council's own timetable.",
]
LONG_NOTE = (
    "Editor's note: This story has been updated to include comment from the port authority, which said on Wednesday "
    "that it had not been consulted on the plan, and to correct the number of piers, which an earlier version gave as "
    "three. It was also updated to reflect the council's revised timetable, published after the vote, and to add the "
    "cost estimate the harbour master gave at the meeting on Tuesday evening."
)
LONG_CORRECTION = (
    "Correction (March 6, 2024): An earlier version of this article misstated the number of new piers in the plan "
    "approved by the council and the length of the works. The plan adds two piers, not three, and the works are "
    "expected to last about two years, not three, according to the council's own timetable, which was published "
    "after the vote on Tuesday evening and corrected again on Wednesday."
)


def _page(body: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{HEADLINE}</title></head>"
        f"<body><article><h1>{HEADLINE}</h1>{body}</article></body></html>"
    )


def _body(extra: str, at: int) -> str:
    paras = [*PARAS]
    paras.insert(at, extra)
    return "".join(f"<p>{p}</p>" for p in paras)


@pytest.mark.parametrize("note", [LONG_NOTE, LONG_CORRECTION, "CLARIFICATION: " + LONG_NOTE[len("Editor's note: ") :]])
@pytest.mark.parametrize("at", [0, 3])
def test_a_long_note_at_either_end_is_left_out(note: str, at: int) -> None:
    assert len(note) > 300
    assert article_from_html(_page(_body(note, at))).text.split("\n\n") == PARAS  # was kept: over 300 characters


def test_a_long_note_on_the_story_mid_story_is_left_out() -> None:
    assert article_from_html(_page(_body(LONG_NOTE, 2))).text.split("\n\n") == PARAS


def test_a_short_correction_label_is_left_out() -> None:
    note = "Correction: An earlier version of this story gave the wrong number of piers."
    assert article_from_html(_page(_body(note, 3))).text.split("\n\n") == PARAS


@pytest.mark.parametrize(
    "prose",
    [
        "The editor's note to readers, published on Monday, drew hundreds of angry letters about the piers and the "
        "ferry terminal, and the paper's editor said it would answer each of them in a column later in the week. "
        + "The letters came from all over the region, many of them from fishermen who use the old harbour daily.",
        "Correction officers at the harbour prison said the new ferry terminal would make family visits easier.",
        "Corrections to the plan were made on Monday, the mayor said, after the port authority raised concerns.",
        "Editors at the Harbour Gazette said they had received hundreds of letters about the plan.",
    ],
)
def test_a_line_of_the_story_that_mentions_an_editor_or_a_correction_is_kept(prose: str) -> None:
    assert prose in article_from_html(_page(_body(prose, 3))).text.split("\n\n")


def test_a_long_note_mid_story_with_news_is_kept() -> None:
    news = (
        "Editor's note: The council's own figures, released after the vote, show ferry use fell by 40 per cent over "
        "the last decade, while the number of cargo ships calling at the harbour doubled, and the harbour master "
        "said on Wednesday that the new piers would be used mostly by cargo ships and not by ferries, as the mayor "
        "had said during the debate on Tuesday evening."
    )
    assert len(news) > 300
    assert news in article_from_html(_page(_body(news, 2))).text.split("\n\n")


def test_a_page_of_one_paragraph_that_opens_with_a_note_keeps_it() -> None:
    one = "Editor's note: this story was updated on Wednesday. " + " ".join(PARAS)
    assert article_from_html(_page(f"<p>{one}</p>")).text == one  # not "no article text found"


def test_compare_leaves_a_long_note_out_of_the_report(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    noted = tmp_path / "noted.html"
    noted.write_text(_page(_body(LONG_NOTE, 3)))
    plain = tmp_path / "plain.html"
    plain.write_text(_page(_body(PARAS[0], 0)[len(f"<p>{PARAS[0]}</p>") :]))
    proc = run_cli(["compare", str(plain), str(noted), "--no-embeddings", "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    assert "port authority" not in proc.stdout
