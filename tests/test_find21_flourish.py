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


# The original as rev21f's review wrote it: the Senate's leaders do not expect to pass the bill.
_DOUBTFUL = _ORIGINAL.replace(
    "The Senate is expected to take up the bill next month.",
    "Senate leaders said they did not expect to pass the bill this year.",
)


def _claims_in(original: str, suspect: str, words: str) -> list[tuple[str, str]]:
    report = compare(original, suspect)
    return [
        (f.severity, f.detail)
        for f in report.findings
        if f.type == "claim_added" and f.derived and words in report.derived.text[f.derived[0] : f.derived[1]]
    ]


@pytest.mark.parametrize(
    ("added", "severity"),
    [
        # a word of side the original does not say: they joined in support
        ("Incredibly, 13 Republicans were against it.", "medium"),
        # what the original's leaders did not expect, told as what will happen
        ("Shockingly, the Senate will pass the bill.", "medium"),
        ("Buckle up: the Senate might pass it.", "medium"),
        # the figure is over five years, not a year's; nor is it per bridge
        ("That is a staggering $68 billion a year.", "medium"),
        ("That is a whopping $68 billion per bridge.", "medium"),
        # the opponents' argument told as fact
        ("Truly, the measure would add to the deficit.", "medium"),
        # what the White House has said, told as fact
        ("Stay tuned: Biden will sign it.", "medium"),
        # 201 voted against; 13 Republicans joined
        ("That is a staggering 201 Republicans.", "medium"),
        # a date or a place that opens the sentence is no addressee
        ("On Friday, stay tuned for the vote.", "high"),
        ("In Ohio, buckle up for the repairs.", "high"),
    ],
)
def test_a_claim_around_tone_words_is_no_flourish(added: str, severity: str) -> None:
    claims = _claims_in(_DOUBTFUL, _DOUBTFUL.replace(_VOTE, f"{_VOTE} {added}"), added)
    assert severity in {s for s, _ in claims}, (added, claims)
    assert not any("rhetorical flourish" in d for _, d in claims)


@pytest.mark.parametrize(
    "added",
    [
        "Folks, stay tuned.",  # an addressee at the start
        "Incredibly, the bill passed.",  # the original's own words, one run of one sentence
    ],
)
def test_a_flourish_on_the_originals_own_words_stays_low(added: str) -> None:
    claims = _claims_in(_DOUBTFUL, _DOUBTFUL.replace(_VOTE, f"{_VOTE} {added}"), added)
    assert all(s == "low" for s, _ in claims), claims


def test_a_long_run_of_capitals_after_an_appeal_is_read_in_linear_time() -> None:
    import resource

    # the former addressee pattern took 9 s of CPU on 1,000 capitals and grew with the cube of their number
    added = "Stay tuned, America, " + "A" * 3000 + ";x."
    before = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    claims = _claims_in(_DOUBTFUL, _DOUBTFUL.replace(_VOTE, f"{_VOTE} {added}"), "Stay tuned")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_utime - before < 10.0
    assert claims and not any("rhetorical flourish" in d for _, d in claims)
