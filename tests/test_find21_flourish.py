"""A rhetorical flourish added by a rewrite is editorialising at severity low, not a claim (session 20's QA:
"So buckle up, America." was a high `claim_added`, "a mind-blowing $68 billion" a medium one). What says more
than the original -- a new figure or name, a negation, a cause, speculation, the original's words turned
round -- keeps its severity.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

_LEAD = (
    "WASHINGTON \u2014 The House of Representatives on Thursday approved a $68 billion infrastructure bill that "
    "will fund road and bridge repairs across the country over the next five years."
)
_VOTE = "The bill passed by a vote of 228 to 201, with 13 Republicans joining Democrats in support."
_ORIGINAL = f"""Congress passes $68 billion infrastructure bill

{_LEAD}

{_VOTE}

Transportation Secretary Pete Buttigieg said the money would go first to bridges rated in poor condition.

"This is the largest investment in our bridges since the interstate highway system was built," Buttigieg told \
reporters at the Capitol.

Opponents argued the measure would add to the federal deficit and said states should pay for their own repairs.

The Senate is expected to take up the bill next month. The White House has said President Biden will sign it.
"""


def _claims(suspect: str, words: str) -> list[tuple[str, str]]:
    report = compare(_ORIGINAL, suspect)
    assert report.verdict.relation == "derived"
    return [
        (f.severity, f.detail)
        for f in report.findings
        if f.type == "claim_added" and f.after and words in report.derived.text[f.derived[0] : f.derived[1]]
    ]


def test_closing_appeal_to_the_reader_is_low_editorialising() -> None:
    # was high: "America" read as a name the original lacks
    claims = _claims(_ORIGINAL + "\nSo buckle up, America.\n", "buckle up")
    assert len(claims) == 1
    severity, detail = claims[0]
    assert severity == "low"
    assert "rhetorical flourish" in detail and "editorialising" in detail


@pytest.mark.parametrize(
    "added",
    [
        "That is a mind-blowing $68 billion.",  # was medium, not even marked as comment
        "That is a staggering $68 billion.",  # was medium
        "Stay tuned, America.",  # was high
        # words that only point back at the story, a stray closing mark (SheepDog seed 21)
        'Stay tuned for more shocking developments!"',  # was medium
    ],
)
def test_hype_about_the_originals_own_figure_is_low(added: str) -> None:
    claims = _claims(_ORIGINAL.replace(_VOTE, f"{_VOTE} {added}"), added)
    assert [s for s, _ in claims] == ["low"]
    assert "editorialising" in claims[0][1]


def test_added_clause_of_tone_is_low() -> None:
    lead = _LEAD[:-1] + ", a mind-blowing sum."
    claims = _claims(_ORIGINAL.replace(_LEAD, lead), "mind-blowing sum")
    assert [s for s, _ in claims] == ["low"]  # was medium
    assert "rhetorical flourish" in claims[0][1]


@pytest.mark.parametrize(
    ("added", "severity"),
    [
        # the appeal leads into a claim of its own
        ("So buckle up, America: gas prices are about to double.", "high"),
        # the same hype around another figure
        ("That is a mind-blowing $86 billion.", "high"),
        ("Brace yourselves, folks: the bridge in Ohio will close.", "high"),
        # a negation the original does not make
        ("Shockingly, President Biden will not sign the infrastructure bill.", "medium"),
        # speculation and a cause are claims, whatever tone they come in
        ("Stay tuned, because the Senate could kill the infrastructure bill.", "medium"),
        # the original's words turned round: "13 Republicans joining Democrats"
        ("Incredibly, Democrats joined Republicans.", "medium"),
    ],
)
def test_a_claim_in_tone_keeps_its_severity(added: str, severity: str) -> None:
    claims = _claims(_ORIGINAL.replace(_VOTE, f"{_VOTE} {added}"), added)
    assert claims, added
    assert severity in {s for s, _ in claims}
    assert not any("rhetorical flourish" in d for _, d in claims)
