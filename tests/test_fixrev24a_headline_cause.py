"""rev24a 6: a headline's cause counts as told in the lead only when the lead gives it, not when it rules it out
("the closure was unrelated to last month's freight derailment"); after "caused by" / "prompted by" the cause is
the words after them, as after "because".

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import Article, compare
from storytrace.audit import _cause_told, _headline_window
from storytrace.text import analyse
from test_fa24_headline_cause_told import ORIGINAL, SUSPECT_BODY

RULED_OUT = ", saying the closure was unrelated to last month's freight derailment"


def test_a_cause_the_lead_rules_out_is_reported() -> None:
    original = Article(
        ORIGINAL.text.replace(
            "the operator Northline Rail said on Tuesday", "the operator Northline Rail said on Tuesday" + RULED_OUT
        ),
        title=ORIGINAL.title,
        published="2024-04-08",
    )
    suspect = Article(
        SUSPECT_BODY.replace(
            "linking Halden and Norcross",
            "linking Halden and Norcross, a closure it said was unrelated to last month's freight derailment",
        ),
        title="Kessler Bridge to close for 11 weeks because of last month's freight derailment",
        published="2024-04-08",
    )
    assert RULED_OUT in original.text and "unrelated" in suspect.text
    flags = [f for f in compare(original, suspect).findings if (f.subtype or "").startswith("headline")]
    assert flags


STORY = (
    "The Kessler Bridge will close for 11 weeks, a closure prompted by corroded steel beams, the operator said on "
    "Tuesday.\n\nThe bridge was rebuilt after flood damage in 1957.\n\nRepairs cost $48 million."
)


@pytest.mark.parametrize(
    ("title", "told"),
    [
        ("Kessler Bridge closure prompted by corroded steel beams", True),
        ("Kessler Bridge closure prompted by flood damage", False),  # the flood is another sentence's
    ],
)
def test_the_cause_after_prompted_by_is_the_one_checked(title: str, told: bool) -> None:
    story = analyse(Article(STORY))
    doc = analyse(Article(title + "\n\nx."))
    sent = doc.sentences[0]
    where, best = _headline_window(sent, doc.text, story)
    assert _cause_told(doc, sent, where, best, story) is told
