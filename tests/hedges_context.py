"""The short article the hedge tests set each pair of sentences in, so the alignment is a real one."""

from __future__ import annotations

from storytrace import compare
from storytrace.finding import Finding

BEFORE = (
    "The regional health authority published its annual report on Tuesday, covering the twelve hospitals "
    "in the northern district. The report runs to more than 200 pages and was presented to the council "
    "by its chief executive, Margaret Olsen. "
)
AFTER = (
    " Council members are due to debate the findings at a meeting next month. Olsen said the authority would "
    "publish a second report on waiting times in the spring. Opposition councillors asked for more detail on "
    "staffing levels at the smaller hospitals."
)


def hedges(source: str, derived: str) -> list[Finding]:
    """The hedge_changed findings of ``derived`` against ``source``, each set in the same article."""
    report = compare(BEFORE + source + AFTER, BEFORE + derived + AFTER)
    return [f for f in report.findings if f.type == "hedge_changed"]
