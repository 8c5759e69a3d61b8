"""A negated verb of keeping is the verb of losing ("would lose its majority" -> "would not survive an early
election", "lost the final" -> "did not win it"): the same claim, no negation flip. The same negation where the
original says the verb itself ("would survive" -> "would not survive") still reverses the claim (qa27 P2)."""

from __future__ import annotations

import pytest

from storytrace import compare

LEAD = (
    "Dutch housing minister Marleen de Vries resigned on Monday after an inquiry found her ministry misled lawmakers. "
    "Prime Minister Joost Verbeek said he accepted her resignation with regret. "
)


def _flips(source: str, derived: str) -> list[tuple[str, str | None]]:
    report = compare(LEAD + source, LEAD + derived)
    return [(f.severity, f.after or f.before) for f in report.findings if f.subtype == "negation_flipped"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Verbeek's coalition holds 78 of the 150 seats in the lower house, and polls suggest it would lose its "
            "majority in an early election.",
            "With 78 of the 150 seats in the lower house, the coalition's majority is slim, and opinion polls "
            "indicate it would not survive an early election.",
        ),
        (
            "Polls suggest the governing party would lose the election in May.",
            "Polls suggest the governing party would not win the election in May.",
        ),
        (
            "The national team lost the final against Spain on Sunday, the coach said.",
            "The national team did not win the final against Spain on Sunday, the coach said.",
        ),
        (
            "Analysts said the coalition was unlikely to keep its majority and would probably lose the vote.",
            "Analysts said the coalition would probably not hold on to its majority in the vote.",
        ),
        (
            "The company failed to pay its suppliers on time last year, the report said.",
            "The company did not pay its suppliers on time last year, the report said.",
        ),
    ],
)
def test_negated_keeping_for_losing_is_no_flip(source: str, derived: str) -> None:
    assert _flips(source, derived) == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Polls suggest the coalition would survive an early election.",
            "Polls suggest the coalition would not survive an early election.",
        ),
        (
            "Polls suggest it would lose its majority in an early election.",
            "Polls suggest it would not lose its majority in an early election.",
        ),
        (
            "The national team won the final against Spain on Sunday, the coach said.",
            "The national team did not win the final against Spain on Sunday, the coach said.",
        ),
    ],
)
def test_negated_verb_the_original_states_is_a_flip(source: str, derived: str) -> None:
    assert _flips(source, derived) == [("high", "not")]
