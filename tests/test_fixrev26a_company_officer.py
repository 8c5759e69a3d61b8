"""rev26a item 4 (helper fixrev26a): in a takeover story both companies are in the lead, so the lead no longer
tells whose officer a bare "chief executive Per Lund" is. His words retold as "Vantor told analysts" stay high
when the story gives Vantor's chief executive post to someone else ("Vantor chief executive Mikael Strand") or
names Vantor neither in his sentence nor the one before; the story that names him as Vantor's own chief
executive keeps the low "the company they speak for". The texts are written for these tests."""

from __future__ import annotations

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

DEAL = """Vantor agrees to buy Halden in $2 billion deal

OSLO, Feb 12 (Meridian Wire) - Vantor Systems agreed on Thursday to buy smaller rival Halden Semiconductor for \
$2 billion in cash, the companies said.

Halden shareholders will receive 310 crowns a share, a 40% premium to Wednesday's close.

"Our customers will get a stronger supplier with a bigger factory network," chief executive Per Lund told analysts \
on a conference call.

{ceo} said the company would keep Halden's plant in Bergen open.

Vantor shares fell 3% in Oslo trading."""
LUND = (
    '"Our customers will get a stronger supplier with a bigger factory network," chief executive Per Lund told analysts'
)
TOLD_AS_VANTORS = "Our customers will get a stronger supplier with a bigger factory network, Vantor told analysts"


def _speaker_changes(ceo: str) -> list[str]:
    source = DEAL.format(ceo=ceo)
    report = compare(source, source.replace(LUND, TOLD_AS_VANTORS), settings=LEXICAL)
    return [f.severity for f in report.findings if f.subtype == "speaker_changed"]


def test_targets_officer_told_as_the_buyer_is_not_the_company_speaking() -> None:
    # Vantor's own chief executive is someone else
    found = _speaker_changes("Vantor chief executive Mikael Strand")
    assert found and "low" not in found
    # no post named at Vantor: the lead names both companies, the sentence before his names only Halden
    found = _speaker_changes("A spokesman")
    assert found and "low" not in found


def test_the_companys_own_officer_told_as_the_company_stays_low() -> None:
    assert _speaker_changes("Vantor chief executive Per Lund") == ["low"]
