"""rev25a (LOW, rev24f item 3): after "in the", only a compound ("the Oslo-listed company") or a place of the
name tables ("the Oslo exchange") is where shares trade; a company's own name ("Shares in the Orkla group also
hit a record high") is another subject again, so the headline's "shares hit record" is still left out.

The story is the one of tests/test_qafindB22_false_alarms.py."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings
from test_qafindB22_false_alarms import BIZ, BIZ_HEADLINE, BIZ_REWRITE

LEXICAL = Settings(use_embeddings=False)


def _headline_omitted(shares: str) -> list[str]:
    derived = BIZ_REWRITE.replace("The shares jumped 9.1% to a record 214 crowns.", shares)
    assert derived != BIZ_REWRITE
    report = compare(BIZ_HEADLINE + "\n\n" + BIZ, derived, settings=LEXICAL)
    return [
        f.severity
        for f in report.findings
        if f.type == "fact_omitted" and f.before and f.before.startswith("Norvik Foods profit")
    ]


def test_a_rivals_name_after_the_leaves_the_headline_omitted() -> None:
    assert "high" in _headline_omitted("Shares in the Orkla group also hit a record high.")


@pytest.mark.parametrize(
    "shares",
    [
        "Shares in the Oslo-listed company jumped 9.1% to a record 214 crowns.",
        "Shares in the company on the Oslo exchange jumped 9.1% to a record 214 crowns.",
    ],
)
def test_a_place_after_the_still_tells_the_headline(shares: str) -> None:
    assert _headline_omitted(shares) == []
