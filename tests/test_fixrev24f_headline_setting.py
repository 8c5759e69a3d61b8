"""A headline clause told by a sentence set somewhere (review rev24f, item 3): under "Norvik Foods profit jumps
34% ..., shares hit record", "Shares in Europe's biggest crispbread maker jumped 9.1% to a record" and "Shares
in the company on Euronext jumped" tell the headline's news, so the headline is not omitted. A capitalised word
is another subject only when it heads the phrase right after the preposition: a possessive ("Europe's"), a word
after a determiner ("the Oslo-listed company") or a market ("on Euronext", "on Nasdaq") is not. A rival's shares
("Shares in Orkla", "Shares in rival Orkla") still are another subject.

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


@pytest.mark.parametrize(
    "shares",
    [
        "Shares in Europe's biggest crispbread maker jumped 9.1% to a record 214 crowns.",
        "Shares in the company on Euronext jumped 9.1% to a record 214 crowns.",
        "Shares in the Oslo-listed company jumped 9.1% to a record 214 crowns.",
        "Shares in the company on the Oslo Bors jumped 9.1% to a record 214 crowns.",
        "Shares on Nasdaq jumped 9.1% to a record 214 crowns.",
    ],
)
def test_shares_set_somewhere_tell_the_headline(shares: str) -> None:
    assert _headline_omitted(shares) == []


@pytest.mark.parametrize(
    "shares",
    [
        "Shares in Orkla also hit a record high.",
        "Shares in rival Orkla also hit a record high.",
        "Shares of Orkla on Euronext also hit a record high.",
    ],
)
def test_a_rivals_shares_still_leave_the_headline_omitted(shares: str) -> None:
    assert "high" in _headline_omitted(shares)
