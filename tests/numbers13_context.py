"""The article around a changed sentence in the numbers13 tests: the sentence alone would align trivially."""

from __future__ import annotations

from storytrace import Settings, compare
from storytrace.finding import Finding

LEXICAL = Settings(use_embeddings=False)
BEFORE = (
    "The regional council met on Tuesday evening to discuss the findings of the report. "
    "Officials said the review had taken several months to complete. "
)
AFTER = (
    " Residents packed the hall and many asked questions about the timetable. "
    "The mayor said further meetings would be held in the spring. "
    "A spokesperson for the transport department declined to comment on the details."
)


def findings_of(original: str, suspect: str, kind: str) -> list[Finding]:
    """The findings of one type when ``original`` and ``suspect`` stand in the same article."""
    report = compare(BEFORE + original + AFTER, BEFORE + suspect + AFTER, settings=LEXICAL)
    return [f for f in report.findings if f.type == kind]
