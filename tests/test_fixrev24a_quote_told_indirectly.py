"""rev24a 2 and 4: an unlinked sentence restating a left-out quotation in reported speech (fa24 e). The
quotation index is built once per comparison (it was quotations x left-out sentences per added sentence: cubic),
and a new claim by the quotation's speaker that shares two of its words is no restatement: the sentence must write
most of the quotation's words or, with embeddings, sit close to its sentence, and bring no event verb of its own.

The texts are written for these tests."""

from __future__ import annotations

import resource

from storytrace import compare
from storytrace.settings import Settings

LEX = Settings(use_embeddings=False)
ORIGINAL = (
    "Northline Rail will close the Kessler Bridge for 11 weeks from May 5. Freight trains will be diverted through "
    "Ashby Junction. \u201cThe alternative was a speed restriction that would have lasted years,\u201d said Northline "
    "chief executive Sandra Obuya. Replacement buses will run every 10 minutes between Halden and Norcross."
)
QUOTED = (
    "\u201cThe alternative was a speed restriction that would have lasted years,\u201d said Northline chief "
    "executive Sandra Obuya."
)


def _flags(middle: str, settings: Settings | None = None) -> list[tuple[str, str | None, str]]:
    suspect = ORIGINAL.replace(QUOTED, middle)
    report = compare(ORIGINAL, suspect) if settings is None else compare(ORIGINAL, suspect, settings=settings)
    return [(f.type, f.subtype, f.severity) for f in report.findings]


NEW_CLAIM = (
    "According to Obuya, trains had crossed the bridge at reduced speed for years before engineers found the corrosion."
)


def test_new_claim_on_two_shared_words_stays_reported_with_embeddings() -> None:
    flags = _flags(NEW_CLAIM)
    assert ("claim_added", "sentence", "medium") in flags
    assert ("fact_omitted", "sentence", "high") in flags


def test_new_claim_on_two_shared_words_stays_reported_without_embeddings() -> None:
    # first in the suspect, with no linked neighbour to link it by its place: the reported-speech rule decides
    suspect = NEW_CLAIM + " Northline Rail will close the Kessler Bridge for 11 weeks from May 5."
    flags = [(f.type, f.subtype, f.severity) for f in compare(ORIGINAL, suspect, settings=LEX).findings]
    assert ("claim_added", "sentence", "medium") in flags
    assert ("fact_omitted", "sentence", "high") in flags


def _cpu_for(n: int) -> float:
    topics = ["bridge", "rail", "budget", "school", "harbour", "tax", "police", "hospital", "airport", "river"]
    source = " ".join(
        f"\u201cThe {topics[i % 10]} plan number {i} would have cost the town far more over many years,\u201d said "
        "chief executive Sandra Obuya."
        for i in range(n)
    )
    suspect = " ".join(
        f"According to Obuya, the {topics[(i + 3) % 10]} talks in round {i} had cost the council dearly over many "
        "years."
        for i in range(n)
    )
    t0 = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    compare(source, suspect, settings=LEX)
    return resource.getrusage(resource.RUSAGE_SELF).ru_utime - t0


def test_quote_heavy_pair_costs_no_more_than_quadratic() -> None:
    _cpu_for(20)  # warm up
    small, big = _cpu_for(150), _cpu_for(450)
    # 3x the input: linear-ish work is ~3x, the old cubic rule was ~20x here
    assert big < 12 * max(small, 0.05), (small, big)
