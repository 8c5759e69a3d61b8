# ruff: noqa: E501 - the story is as rev27c wrote it, one paragraph a line
"""A titled or speaking name is not the unnamed subject of the sentence before (review rev27c, R2).

fq27a read the name opening the sentence after a linked one that opens on someone unnamed ("A man has been charged
...") as whom that sentence speaks of, so a summary naming him sets no name into another fact (qa26 P7). The
detective who speaks in the next sentence ("Detective Chief Inspector Sarah Kaye said ...") was taken for the
charged man, and "Sarah Kaye has been charged with the murder" went quiet. Now a name that carries a title or
speaks there is skipped. The counterpart: the accused named in the next sentence ("Sarah Kaye, 34, appeared in
court") stays quiet.
"""

from __future__ import annotations

from storytrace import compare
from storytrace.article import article_from_text

ORIGINAL = """Man charged with Bradford murder

Published 12 April 2026 10:00 UTC

A man has been charged with the murder of a woman in Bradford, West Yorkshire Police said on Sunday.

Detective Chief Inspector Sarah Kaye said the victim's family had been informed and were being supported by specialist officers.

The woman was found with stab wounds at a house in Manningham on Friday.

The accused will appear before Bradford magistrates on Monday."""

SUSPECT = """Man charged

Published 12 April 2026 12:00 UTC

Sarah Kaye has been charged with the murder of a woman in Bradford, West Yorkshire Police said on Sunday. The accused will appear before Bradford magistrates on Monday."""


def _flags(original: str) -> list[str]:
    report = compare(article_from_text(original, id="original"), article_from_text(SUSPECT, id="suspect"))
    return [f"{f.type}/{f.subtype}" for f in report.findings if f.type != "fact_omitted"]


def test_the_titled_detective_set_in_as_the_charged_man_is_recombined() -> None:
    assert "entity_changed/recombined" in _flags(ORIGINAL)


def test_a_name_that_speaks_set_in_as_the_charged_man_is_recombined() -> None:
    speaking = ORIGINAL.replace("Detective Chief Inspector Sarah Kaye said", "Sarah Kaye said")
    assert speaking != ORIGINAL
    assert "entity_changed/recombined" in _flags(speaking)


def test_the_accused_named_in_the_next_sentence_stays_quiet() -> None:
    # counterpart (qa26 P7): the next sentence names the charged man himself
    named = ORIGINAL.replace(
        "Detective Chief Inspector Sarah Kaye said",
        "Sarah Kaye, 34, appeared in court. Detective Chief Inspector Tom Reid said",
    )
    assert named != ORIGINAL
    assert _flags(named) == []
