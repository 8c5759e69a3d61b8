"""The scan's gate reads a sketch of each article (sentences and their words without tokens), not a full
analysis; the sketch must be exactly what the analysis would give, and an article gated out is never analysed."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.scan import judge
from storytrace.text import analyse, outline_of, sketch

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

TEXTS = [
    # Title-case headline glued to its lead (capitals there are no names), figures with commas, a date.
    "Mayor Signs The New Budget Into Law\n\nThe mayor of Springfield, Ann Lee, signed a $7,065 budget on "
    "Jan. 5. She said it would cut costs by 12.5% next year.",
    # A quotation spanning sentences and a paragraph continued by an opening quotation mark; boilerplate.
    "Share this article\n\n\u201cWe are not done. We will keep going,\u201d said Dr. Omar Haddad of "
    "the U.N. agency.\n\n\u201cThe work goes on into 2027,\u201d he added.\n\nPhoto: Getty Images",
    # Lines without blank lines (one paragraph a line), straight quotes, apostrophes, numbers glued.
    "Police said 3 people were hurt.\nThe driver's car hit a wall at 4:30 a.m. on Main St. in Ohio.\n"
    '"It was terrible," a witness told reporters. NATO and the EU\u2019s officials were not there.',
    "",
    "   \n\n  ",
    "ALL CAPS HEADLINE ABOUT 40 PEOPLE\n\nnothing capitalised here at all, only 40 words.",
]


def _texts() -> list[str]:
    return TEXTS + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


@pytest.mark.parametrize("k", range(len(TEXTS) + len(list(EXAMPLES.glob("*.txt")))))
def test_sketch_is_what_the_analysis_gives(k: int) -> None:
    text = _texts()[k]
    doc = analyse(Article(text=text))
    sk = sketch(text)
    assert sk.outline == tuple((s.start, s.end, s.paragraph, s.boilerplate) for s in doc.sentences)
    assert sk.body_stems == tuple(s.content_stems() for s in doc.body)
    assert sk.specifics == doc.all_specifics()
    # An analysis from the outline is the analysis.
    assert analyse(Article(text=text), outline=outline_of(text)).sentences == doc.sentences


def test_headline_capitals_are_no_names_but_lead_capitals_are() -> None:
    sk = sketch(TEXTS[0])
    assert "lee" in sk.specifics and "springfield" in sk.specifics and "7065" in sk.specifics
    assert "budget" not in sk.specifics and "sign" not in sk.specifics  # from the title-case headline


def test_gate_features_need_no_analysis_and_match_it() -> None:
    article = Article(id="sketch-test-1", text=TEXTS[1] + "\n\n" + TEXTS[2])
    judge._LIGHT.pop(article, None)
    member = judge._member_of(article)
    # The gate's features were made without analysing the article ...
    assert member._doc is None
    light, stems = member.light, member.stems
    assert member._doc is None
    # ... and equal those read from a full analysis.
    doc = analyse(article)
    assert stems == [s.content_stems() for s in doc.body]
    assert light.specifics == doc.all_specifics()
    assert light.length == len(frozenset().union(*stems))
    # An article met again (another chunk) is analysed from its kept outline, to the same Document.
    again = judge._member_of(article)
    assert again._light is light
    assert again.doc.sentences == doc.sentences
