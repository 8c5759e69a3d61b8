"""A headline that states the cause its story gives, in other words (helper fa24, issue 3 item c): "Kessler
Bridge to close for 11 weeks because its beams are corroded" over a story whose lead says the bridge "will close
... while engineers replace corroded steel beams" was a medium headline:weak_support, its "because" read as a
cause of its own. The cause's words are the lead's, so it is quiet now. Still reported: a cause in the story's
words taken from another of its sentences ("because of 1957 flood": the bridge was rebuilt after a 1957 flood),
and a cause in words the story never writes.

The texts are written for these tests; the sentence embeddings (compare's default) are used, as the loose
link that made the finding needs them."""

from __future__ import annotations

import pytest

from storytrace import Article, compare

ORIGINAL = Article(
    "HALDEN, April 8 (Meridian Press) - The Kessler Bridge, which carries the main rail line between Halden and "
    "Norcross, will close to trains for 11 weeks from May 5 while engineers replace corroded steel beams, the "
    "operator Northline Rail said on Tuesday.\n\n"
    "The $48 million repair is the largest on the 1890s bridge since it was rebuilt after a flood in 1957.\n\n"
    "About 22,000 passengers cross the bridge on a typical weekday, according to Northline figures.\n\n"
    "Freight trains will be diverted through Ashby Junction, a detour of about 40 miles.",
    title="Kessler Bridge to close for 11 weeks as rail operator begins $48 million repair",
    published="2024-04-08",
)
SUSPECT_BODY = (
    "Trains will stop running over the Kessler Bridge for 11 weeks starting May 5, Northline Rail announced "
    "Tuesday, as crews move in to swap out rusting steel beams on the line linking Halden and Norcross.\n\n"
    "The work will cost $48 million, making it the biggest repair job on the 1890s structure since its "
    "reconstruction following a 1957 flood.\n\n"
    "Northline says around 22,000 people use the crossing on an average weekday.\n\n"
    "Freight services will be rerouted via Ashby Junction, roughly a 40-mile detour."
)


def _headline(title: str) -> list[tuple[str | None, str]]:
    report = compare(ORIGINAL, Article(SUSPECT_BODY, title=title, published="2024-04-08"))
    return [
        (f.subtype, f.severity)
        for f in report.findings
        if (f.subtype or "").startswith("headline") and f.severity in ("high", "medium", "low")
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Kessler Bridge to close for 11 weeks because its beams are corroded",
        "Kessler Bridge closure due to beams corroded by rust",
        "Corroded steel beams prompt 11-week Kessler Bridge closure",
    ],
)
def test_a_headline_giving_the_storys_cause_in_other_words_is_quiet(title: str) -> None:
    assert _headline(title) == []


@pytest.mark.parametrize(
    "title",
    [
        "Kessler Bridge to close for 11 weeks because of 1957 flood",
        "Kessler Bridge closed for 11 weeks because Northline ran out of money",
    ],
)
def test_a_cause_the_story_does_not_give_there_is_still_reported(title: str) -> None:
    assert _headline(title) != []
