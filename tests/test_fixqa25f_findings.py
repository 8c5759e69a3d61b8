"""Findings problems from the media-researcher QA pass qa25 (session 25, helper fixqa25f), each beside the
faithful (or the really changed) counterpart:

- a double negation restated plainly ("no worker would be laid off without an offer of retraining" ->
  "every worker would be offered retraining before any layoffs") is no negation flipped (P2);
"""

from __future__ import annotations

import pytest

from storytrace import compare

PORT = (
    "Meridian Terminals said in a statement that the automation would cost $310 million and that {claim}.\n"
    "The port handled 1.8 million containers last year.\n"
)
DOUBLE_NEGATION = "no worker would be laid off without an offer of retraining"


def _kinds(source: str, derived: str) -> list[tuple[str, str | None, str]]:
    return [(f.type, f.subtype, f.severity) for f in compare(source, derived).findings]


# --- P2: a double negation restated positively ---------------------------------------------------------------


@pytest.mark.parametrize("reverse", [False, True])
def test_double_negation_told_positively_is_quiet(reverse: bool) -> None:
    derived = (
        "In a statement, Meridian Terminals said the automation project would cost $310 million and insisted that "
        "every worker would be offered retraining before any layoffs.\n"
        "The port handled 1.8 million containers last year.\n"
    )
    source = PORT.format(claim=DOUBLE_NEGATION)
    pair = (derived, source) if reverse else (source, derived)
    assert ("hedge_changed", "negation_flipped", "high") not in _kinds(*pair)


@pytest.mark.parametrize(
    "claim",
    [
        # the "no" dropped, the "without" kept: layoffs with no offer
        "workers would be laid off without an offer of retraining",
        # the "without" dropped too, with what it governed: every worker laid off
        "every worker would be laid off",
    ],
)
def test_double_negation_with_one_negation_dropped_is_a_flip(claim: str) -> None:
    found = _kinds(PORT.format(claim=DOUBLE_NEGATION), PORT.format(claim=claim))
    assert ("hedge_changed", "negation_flipped", "high") in found
