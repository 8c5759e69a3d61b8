"""A relation that claims reuse points at reused sentences (clean22): compare, like trace, calls no suspect
(partly) derived when none of its sentences is linked to the original's."""

from __future__ import annotations

from storytrace import compare
from storytrace.settings import DEFAULT_SETTINGS

ORIGINAL = (
    "The auction house said the collection, believed to be worth more than 40 million dollars, would be sold in "
    "New York next spring.\n\n"
    "The heirs of the collector, who died in March, had fought over the paintings for six years in the courts of "
    "three countries.\n\n"
    "Experts said the sale could set a record for a private collection of modern art.\n"
)
# Another story that shares a stock phrase of six words with it, and nothing else.
STOCK_PHRASE = (
    "A stolen violin believed to be worth more than two million dollars was found in a Vienna taxi on Sunday."
)


def test_a_stock_phrase_alone_makes_no_partial_copy() -> None:
    for settings in (DEFAULT_SETTINGS.with_(use_embeddings=False), DEFAULT_SETTINGS):
        report = compare(ORIGINAL, STOCK_PHRASE, settings=settings)
        assert all(link.kind == "added" for link in report.alignment.links)
        assert report.scores.verbatim > DEFAULT_SETTINGS.partial_reuse  # the run is still counted as copied words
        assert report.verdict.relation in ("related", "unrelated")
        assert "no sentence of it is linked to one of the original's" in report.verdict.evidence


def test_a_copied_sentence_still_makes_a_partial_copy() -> None:
    suspect = (
        "The heirs of the collector, who died in March, had fought over the paintings for six years in the courts "
        "of three countries. A stolen violin was found in a Vienna taxi on Sunday, police said, and its owner, a "
        "cellist from Graz, was said to be relieved. Officers are looking for the driver who took it to a depot."
    )
    report = compare(ORIGINAL, suspect, settings=DEFAULT_SETTINGS.with_(use_embeddings=False))
    assert report.verdict.relation == "partially_derived"
