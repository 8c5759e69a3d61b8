"""fq27b: a capital's dateline ties a story to its seat only for a leader of that country. "Chancellor Olaf
Scholz" in a VIENNA story is Germany's chancellor abroad, so "the Chancellery said" (Vienna's is Austria's) is
not the low "seat speaks for its holder"; in a BERLIN story it still is, and so is Austria's own chancellor in a
VIENNA one; nor does a LONDON dateline tie "Prime Minister Narendra Modi" to Downing Street. Untied, the bare
title may be any country's: medium, as for a story naming no country. A leader the table does not know is left
to the story, as before.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.facts.cues import _leader_country
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)


def _story(dateline: str, speaker: str) -> str:
    return (
        f"{dateline} (Reuters) - {speaker} said on Monday that the gas deal would hold, at a meeting of European "
        "leaders. He met officials from several states. The talks will continue next month, officials said."
    )


def _speaker(story: str, speaker: str, seat: str) -> list[str]:
    report = compare(story, story.replace(f"{speaker} said", f"{seat} said"), settings=LEXICAL)
    return [f.severity for f in report.findings if f.subtype == "speaker_changed"]


def test_the_leader_table_reads_full_and_rare_names() -> None:
    assert _leader_country("Chancellor Olaf Scholz") == "Germany"
    assert _leader_country("Prime Minister Boris Johnson") == "United Kingdom"
    assert _leader_country("President Lyndon Johnson") is None  # a common surname needs its first name
    assert _leader_country("Chancellor Anna Berger") is None


@pytest.mark.parametrize(
    ("dateline", "speaker", "seat"),
    [
        ("VIENNA", "Chancellor Olaf Scholz", "The Chancellery"),
        ("VIENNA", "Chancellor Angela Merkel", "The Chancellor's Office"),
        ("BERLIN", "Chancellor Karl Nehammer", "The Chancellery"),
        ("LONDON", "Prime Minister Narendra Modi", "Downing Street"),
        ("PARIS", "President Joe Biden", "The Elysee"),
    ],
)
def test_another_countrys_leader_under_a_capitals_dateline_is_not_the_seats_voice(
    dateline: str, speaker: str, seat: str
) -> None:
    assert _speaker(_story(dateline, speaker), speaker, seat) == ["medium"]


@pytest.mark.parametrize(
    ("dateline", "speaker", "seat"),
    [
        ("BERLIN", "Chancellor Olaf Scholz", "The Chancellery"),
        ("VIENNA", "Chancellor Karl Nehammer", "The Chancellery"),
        ("LONDON", "Prime Minister Keir Starmer", "Downing Street"),
        # a chancellor the table does not know: the dateline tells, as before
        ("VIENNA", "Chancellor Anna Berger", "The Chancellery"),
    ],
)
def test_the_datelines_own_leader_is_the_seats_voice(dateline: str, speaker: str, seat: str) -> None:
    assert _speaker(_story(dateline, speaker), speaker, seat) == ["low"]
