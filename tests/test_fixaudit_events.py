"""Review fix (fixaudit): an invented event in a restyle ("The mayor was arrested after the meeting") stays
reported though written in words of its own; an event verb the original's sentences there have is restated."""

from __future__ import annotations

import pytest

from test_claims14_restated import _added


@pytest.mark.parametrize(
    "event",
    [
        "The mayor was arrested after the meeting.",
        "Okafor later resigned over the closure.",
        "The staff were all fired without notice.",
        "The council later admitted it had broken the law.",
    ],
)
def test_an_event_the_original_lacks_is_not_lowered_in_a_restyle(event: str) -> None:
    (found,) = _added(event)
    assert found.severity == "medium", event


def test_a_restatement_with_an_event_verb_the_original_has_stays_low() -> None:
    # The original's sentences there have the vote: no event of its own.
    (found,) = _added("Locals will learn whether the sale goes ahead once councillors have voted.")
    assert found.severity == "low"
