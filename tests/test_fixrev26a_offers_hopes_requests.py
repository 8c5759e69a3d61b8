"""rev26a item 1 (helper fixrev26a): the offer, promise, hope and request cues of rev25d ("offered to pay",
"hopes to reopen", "were asked to stay") flagged faithful retellings. Quiet now:

- the suspect keeps the step as an infinitive under another word ("are keen to reopen", "were advised to stay",
  "agreed to pay", "vowed to compensate");
- the original's "hope" is a noun ("gave hope to families") or its "offered to" a passive naming who gets it
  ("were offered to investors", "will be offered to people over 65").

Beside them, the step told as done ("has paid", "reopened") stays medium, and a hope told as certain to come
("will reopen") keeps its finding. The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

FLOOD = (
    "Flooding closed roads across the district on Monday after two days of heavy rain. "
    "The river rose to its highest level in 30 years, the regional water agency said. {claim} "
    "About 200 homes were without power on Monday evening. Forecasters expect more rain later in the week."
)


def _certainty(claim: str, retold: str) -> list[str]:
    report = compare(FLOOD.format(claim=claim), FLOOD.format(claim=retold))
    return [f.severity for f in report.findings if f.subtype == "certainty_increased"]


@pytest.mark.parametrize(
    ("claim", "retold"),
    [
        (
            "Officials hope to reopen the main bridge by Friday.",
            "Officials are keen to reopen the main bridge by Friday.",
        ),
        ("The council hopes to reopen the main bridge.", "The council is working to reopen the main bridge."),
        ("Residents were asked to stay indoors.", "Residents were advised to stay indoors."),
        ("Drivers were urged to avoid the A40 until the water recedes.", "Drivers were encouraged to avoid the A40."),
        ("Residents were urged to conserve water.", "Officials appealed to residents to conserve water."),
        ("The insurer promised to compensate affected families.", "The insurer vowed to compensate affected families."),
        ("The insurer offered to pay for temporary housing.", "The insurer agreed to pay for temporary housing."),
        (
            "The rescue of the two miners gave hope to families of the others still trapped.",
            "The rescue of the two miners lifted the spirits of families of the others still trapped.",
        ),
        (
            "The shares were offered to investors at 12 euros each.",
            "Investors were able to buy the shares at 12 euros.",
        ),
        (
            "The vaccine will be offered to people over 65 first.",
            "People over 65 will be first in line for the vaccine.",
        ),
    ],
)
def test_offer_hope_or_request_retold_faithfully_is_quiet(claim: str, retold: str) -> None:
    assert _certainty(claim, retold) == []


@pytest.mark.parametrize(
    ("claim", "done"),
    [
        ("The insurer offered to pay for temporary housing.", "The insurer has paid for temporary housing."),
        ("Officials hope to reopen the main bridge by Friday.", "Officials reopened the main bridge on Friday."),
        ("Officials hope to reopen the main bridge by Friday.", "Officials will reopen the main bridge by Friday."),
    ],
)
def test_offer_or_hope_told_as_done_or_certain_keeps_its_finding(claim: str, done: str) -> None:
    assert _certainty(claim, done) == ["medium"]
