"""Quotation marks that quote no one: a headline an LLM labels ("SENSATIONAL TITLE: \"...\""), and a name the
rewrite puts in quotation marks ("New World Order") that the original writes without them."""

from __future__ import annotations

from quotes_context import BODY, ORIGINAL
from storytrace import compare


def _quote_findings(original: str, suspect: str) -> list[str]:
    return [f"{f.subtype}: {f.after}" for f in compare(original, suspect).findings if f.type.startswith("quote_")]


def test_a_labelled_headline_in_quotation_marks_is_no_invented_quote() -> None:
    for label in ("SENSATIONAL:", "SENSATIONAL TITLE:", "Headline:"):
        suspect = f'{label} "Beloved Library Axed After a Century!"\n\n{BODY}'
        assert _quote_findings(ORIGINAL, suspect) == [], label


def test_a_speaker_before_an_invented_quote_opening_the_text_is_still_a_speaker() -> None:
    # A name before the colon is someone speaking, not a label.
    found = _quote_findings(ORIGINAL, f'Okafor: "We Will Fight This Closure to the End!"\n\n{BODY}')
    assert [f.split(":")[0] for f in found] == ["invented"]


NAME_SOURCE = (
    "The seal on the dollar bill carries the motto Novus Ordo Seclorum, or New World Order. "
    "Critics say the phrase proves nothing about any plan. "
    "The Treasury has used the seal since 1935."
)


def test_a_name_put_in_quotation_marks_is_no_quote_from_the_narrative() -> None:
    suspect = (
        "The dollar bill's seal bears the motto Novus Ordo Seclorum, the \u201cNew World Order\u201d. "
        "Critics say the phrase proves nothing about any plan. "
        "The Treasury has used the seal since 1935."
    )
    assert _quote_findings(NAME_SOURCE, suspect) == []


def test_the_reporters_sentence_put_in_quotation_marks_is_still_reported() -> None:
    suspect = (
        "The dollar bill's seal bears the motto Novus Ordo Seclorum, the New World Order. "
        "\u201cThe phrase proves nothing about any plan,\u201d critics say. "
        "The Treasury has used the seal since 1935."
    )
    assert [f.split(":")[0] for f in _quote_findings(NAME_SOURCE, suspect)] == ["from_narrative"]
