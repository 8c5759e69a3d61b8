"""A finding: one thing the rewrite changed, added or left out, with the exact spans in both texts.

Defined on its own so that every check (audit's own, and those in storytrace.facts) produces the same
plain record; audit orders them and report/json.py writes them.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("high", "medium", "low", "info")
FINDING_TYPES = (
    "quote_altered",
    "quote_fabricated",
    "number_changed",
    "date_changed",
    "attribution_changed",
    "hedge_changed",
    "entity_changed",
    "claim_added",
    "fact_omitted",
)


@dataclass(frozen=True)
class Finding:
    type: str
    severity: str
    detail: str
    subtype: str | None = None
    derived: tuple[int, int] | None = None  # span in the derived text
    source: tuple[int, int] | None = None  # span in the source text
    before: str | None = None
    after: str | None = None
    #: How much an editor would miss this (fact_omitted ranking); higher first.
    salience: float = 0.0
