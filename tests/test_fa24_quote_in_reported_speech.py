"""A quotation restated in reported speech (helper fa24, issue 3 item e, user QA qa23a R13): '"The alternative was
a speed restriction that would have lasted years," said Northline chief executive Sandra Obuya' retold "According
to Obuya, the other option was a speed limit on the bridge that would have stayed in place for years" sits below
the embeddings' link (0.52), so the sentence was a medium "added sentence: the original says nothing like this"
and the quotation a high dropped sentence. Both are low now, the detail saying the sentence may restate the
quotation. Still medium/high: the same speaker said to say something else ("a speed limit would never have been
an option": a stance word the quotation lacks) or a figure the quotation lacks, and another speaker.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

ORIGINAL = (
    "Northline Rail will close the Kessler Bridge for 11 weeks from May 5. Freight trains will be diverted through "
    "Ashby Junction. \u201cThe alternative was a speed restriction that would have lasted years,\u201d said Northline "
    "chief executive Sandra Obuya. Replacement buses will run every 10 minutes between Halden and Norcross."
)
SUSPECT = (
    "Northline Rail will close the Kessler Bridge for 11 weeks from May 5. Freight trains will be diverted through "
    "Ashby Junction. {} Replacement buses will run every 10 minutes between Halden and Norcross."
)


def _flags(middle: str) -> list[tuple[str, str | None, str]]:
    report = compare(ORIGINAL, SUSPECT.format(middle))
    return [(f.type, f.subtype, f.severity) for f in report.findings if f.severity in ("high", "medium", "low")]


def test_a_quotation_told_in_reported_speech_is_low_on_both_sides() -> None:
    flags = _flags(
        "According to Obuya, the other option was a speed limit on the bridge that would have stayed in place for "
        "years."
    )
    # (fixqaf24 linked it to the quotation's sentence by its place; that link was reverted in rev24e, so
    # fa24's reported-speech rule decides again.)
    assert ("claim_added", "sentence", "low") in flags
    assert ("fact_omitted", "sentence", "low") in flags
    assert not [f for f in flags if f[2] in ("high", "medium")]


def test_unlinked_restatement_is_low_on_both_sides() -> None:
    # Without a linked neighbour on each side there is no place to link by: the reported-speech rule decides.
    suspect = (
        "According to Obuya, the other option was a speed limit on the bridge that would have stayed in place for "
        "years. Northline Rail will close the Kessler Bridge for 11 weeks from May 5."
    )
    report = compare(ORIGINAL, suspect)
    flags = [(f.type, f.subtype, f.severity) for f in report.findings]
    assert ("claim_added", "sentence", "low") in flags
    assert any("reported speech" in f.detail for f in report.findings)


@pytest.mark.parametrize(
    "middle",
    [
        "According to Obuya, a speed limit on the bridge would never have been an option.",
        "According to Obuya, the other option was a speed limit on the bridge that would have lasted 12 years.",
        "According to Mayor Tom Reyes, the other option was a speed limit that would have stayed for years.",
    ],
)
def test_another_claim_or_another_speaker_is_still_reported(middle: str) -> None:
    assert [f for f in _flags(middle) if f[2] in ("high", "medium")]


POLICE = (
    "Police officers will lose the right to strike under the plans, officials said. The home secretary told "
    "rank-and-file officers the murder of a police officer was \u201ca particularly appalling crime\u201d. A final "
    "decision is expected in the summer."
)


@pytest.mark.parametrize(
    "middle",
    [
        "The home secretary has said she wants life sentences for anyone convicted of a crime against humanity.",
        "The home secretary has said she wants new laws on the life of police officers convicted of crimes against "
        "humanity.",
    ],
)
def test_a_post_for_a_speaker_or_a_quoted_phrase_is_no_restated_quotation(middle: str) -> None:
    # (A first version lowered such a FRANK summary error: a speaker named by post, a three-word quoted phrase.)
    suspect = POLICE.split(" The home secretary")[0] + " " + middle + " A final decision is expected in the summer."
    report = compare(POLICE, suspect)
    assert ("claim_added", "sentence", "medium") in [(f.type, f.subtype, f.severity) for f in report.findings]
    assert not [f for f in report.findings if "reported speech" in f.detail]
