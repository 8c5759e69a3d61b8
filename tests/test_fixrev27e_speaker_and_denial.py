"""rev27e: two of ev27's rules raised false alarms on faithful rewrites.

* The speaker-added rule was removed: a rewrite that credits a claim to the body the original names as its source ("The
  figures were published by the Labour Ministry" -> "..., the Labour Ministry said") is a faithful attribution,
  and the rule reported it on 11 of 11 such pairs. These pairs must stay quiet at medium and high.
* The excerpt-negation rule ("said it will not close the ward" excerpted as "it will close the ward") must not
  read a denial of the claim as the claim: "said reports that it will close the ward were untrue" copies the
  clause as what is denied. The true excerpt without its "not" stays a high flip.

The sentences are written for these tests (rev27e's pairs)."""

from __future__ import annotations

import pytest

from storytrace import compare

FAITHFUL_ATTRIBUTION = [
    (
        "Unemployment in Spain fell to 11.6% in the second quarter, the lowest level since 2008. The figures were "
        "published on Friday by the Labour Ministry in Madrid. Tourism hiring drove most of the gains.",
        "Unemployment in Spain fell to 11.6% in the second quarter, the lowest level since 2008, the Labour "
        "Ministry said.",
    ),
    (
        "The Supreme Court on Thursday struck down the state's ban on same-day voter registration. The ban "
        "violated the constitution's equal protection clause, the majority wrote.",
        "The Supreme Court said the ban violated the constitution's equal protection clause.",
    ),
    (
        "Two men have been arrested after a stabbing in the city centre on Saturday night. Detectives from "
        "Greater Manchester Police are appealing for witnesses.",
        "Two men have been arrested after a stabbing in the city centre on Saturday night, Greater Manchester "
        "Police confirmed.",
    ),
    (
        "Temperatures could reach 40C in parts of England on Tuesday. A red warning for extreme heat has been "
        "issued by the Met Office for the first time.",
        "Temperatures could reach 40C in parts of England on Tuesday, the Met Office said.",
    ),
    (
        "The drug was approved on Friday by the Food and Drug Administration for adults with early Alzheimer's "
        "disease. It slowed cognitive decline by 27% in a trial.",
        "The drug slowed cognitive decline by 27% in a trial, the Food and Drug Administration said.",
    ),
    (
        "In a report published on Tuesday, Amnesty International documented 120 cases of torture in detention "
        "centres. The government has denied the allegations.",
        "Amnesty International said it had documented 120 cases of torture in detention centres.",
    ),
]


@pytest.mark.parametrize(("source", "derived"), FAITHFUL_ATTRIBUTION)
def test_crediting_the_body_the_original_names_is_quiet(source: str, derived: str) -> None:
    loud = [
        (f.type, f.subtype)
        for f in compare(source, derived).findings
        if f.severity in ("high", "medium") and f.type != "fact_omitted"
    ]
    assert loud == []


TAIL = (
    " The two delegations met again on Sunday morning before flying home. Officials on both sides described the "
    "talks as frank. A joint statement is expected later this week."
)
DENIED = (
    "The regional health authority, which runs eleven hospitals across the north of the country and employs some "
    "14,000 staff, said on Monday that it will not close the maternity ward at Riverside General next spring."
)


def _flips(derived: str) -> list[str]:
    return [f.severity for f in compare(DENIED + TAIL, derived).findings if f.subtype == "negation_flipped"]


@pytest.mark.parametrize(
    "derived",
    [
        "The health authority said reports that it will close the maternity ward at Riverside General next spring "
        "were untrue.",
        "Rumours that the authority will close the maternity ward at Riverside General next spring are wrong, it said.",
        "The health authority quashed speculation that it will close the maternity ward at Riverside General next "
        "spring.",
        "The health authority played down fears it will close the maternity ward at Riverside General next spring.",
        "The health authority said it was false that it will close the maternity ward at Riverside General next "
        "spring.",
        "Asked whether it will close the maternity ward at Riverside General next spring, the health authority "
        "said no.",
    ],
)
def test_denied_claim_copied_without_the_not_is_quiet(derived: str) -> None:
    assert _flips(derived) == []


@pytest.mark.parametrize(
    "derived",
    [
        "The health authority said it will close the maternity ward at Riverside General next spring.",
        # a bare "that" after a verb of saying asserts the clause: still the opposite of the original
        "The health authority said that it will close the maternity ward at Riverside General next spring.",
        "The health authority confirmed it will close the maternity ward at Riverside General next spring.",
    ],
)
def test_excerpt_asserting_the_clause_without_the_not_is_still_a_flip(derived: str) -> None:
    assert _flips(derived) == ["high"]
