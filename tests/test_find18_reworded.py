"""An added clause that rewords a clause of the original (SheepDog's neutral and objective rewrites, seed 18:
"who is paid in Facebook likes" -> "who receives compensation in the form of Facebook likes") is told at
severity low with the original's clause beside it; one that brings a name, figure, cause, negation or the
opposite of what the original says keeps its severity. Short texts written for the test."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.finding import Finding

SOURCE = (
    "Talking with our summer intern Maya Brooks, who is paid in free concert tickets, the senator claimed that the "
    "old lighthouse keeper, whom he called a forgotten national hero, once rescued an entire fishing fleet from a "
    "winter storm. Brooks tried to explain that the lighthouse was built forty years after the storm. At the harbour "
    "memorial, the mayor read the names of the sailors lost at sea over the past century, including two volunteers "
    "of the rescue service, who died in the boat crash near the northern pier, before a minute of silence. A court "
    "later heard the case of the harbour master, who was acquitted of negligence over the crash by the jury. "
    "Residents laid flowers on the quay for most of the evening. The harbour will close for repairs in the spring. "
    "Fishermen have asked the council for a new breakwater. The ferry to the islands keeps its winter timetable."
)
REST = (
    " Brooks tried to explain that the lighthouse was built forty years after the storm. Residents laid flowers on "
    "the quay for most of the evening. The harbour will close for repairs in the spring. Fishermen have asked the "
    "council for a new breakwater. The ferry to the islands keeps its winter timetable."
)
INTERN = "Talking with our summer intern Maya Brooks, {}, the senator claimed the old lighthouse keeper once rescued an entire fishing fleet from a winter storm."  # noqa: E501


def _clause_findings(derived: str, rest: str = REST) -> list[Finding]:
    report = compare(SOURCE, derived + rest)
    return [f for f in report.findings if f.type == "claim_added" and f.subtype == "clause"]


def test_a_clause_reworded_from_the_original_is_low_with_the_original_clause_beside_it() -> None:
    derived = INTERN.format("who receives compensation in the form of concert tickets")
    found = _clause_findings(derived)
    assert [f.severity for f in found] == ["low"]
    (f,) = found
    assert "who is paid in free concert tickets" in f.detail
    assert f.source is not None
    assert SOURCE[f.source[0] : f.source[1]] == "who is paid in free concert tickets"


@pytest.mark.parametrize(
    "clause",
    [
        "who receives compensation in the form of concert tickets from Peter Olsen",  # a name the original lacks
        "who receives compensation worth 400 dollars in concert tickets",  # a figure
        "who receives compensation in concert tickets because her father owns the venue",  # a cause
        "who does not receive compensation in the form of concert tickets",  # a negation
        "who bravely receives compensation in concert tickets",  # a charged word
    ],
)
def test_a_clause_that_brings_something_of_its_own_keeps_its_severity(clause: str) -> None:
    found = _clause_findings(INTERN.format(clause))
    assert found
    assert all(f.severity == "medium" for f in found)


MEMORIAL = (
    "At the memorial on Sunday, the mayor of the town read out the long list of names of the fishermen and sailors "
    "lost at sea over the past century, thanked the choir and the brass band, and recalled two young volunteers of "
    "the lifeboat service, {}, before the minute of silence and the wreath laying at the harbour wall."
)
HEARING = (
    "In a hearing that drew a large crowd from the fishing villages along the coast and several reporters from the "
    "capital, a court later examined the conduct of the harbour master, {}, and the port company that employed him "
    "for a decade."
)
HEAD = "Brooks tried to explain that the lighthouse was built forty years after the storm. "
TAIL = (
    " Residents laid flowers on the quay for most of the evening. The harbour will close for repairs in the spring. "
    "Fishermen have asked the council for a new breakwater. The ferry to the islands keeps its winter timetable."
)


@pytest.mark.parametrize(
    ("template", "said", "retold"),
    [
        # the sentence vectors put these as close as a paraphrase (0.7 and more), sharing words besides
        (MEMORIAL, "who died in the boat crash", "who survived the boat crash with minor injuries"),
        (
            HEARING,
            "who was acquitted of gross misconduct by the jury",
            "who was found guilty of gross misconduct by the judges",
        ),
    ],
)
def test_the_opposite_of_the_original_stays_reported(template: str, said: str, retold: str) -> None:
    report = compare(HEAD + template.format(said) + TAIL, template.format(retold) + REST)
    found = [f for f in report.findings if f.type == "claim_added"]
    assert [(f.subtype, f.after, f.severity) for f in found] == [("clause", retold, "medium")]


def test_a_summary_is_not_read_as_a_rewording() -> None:
    # a summary's clause near a clause of the original is where summarisers err: judged as before
    found = _clause_findings(INTERN.format("who receives compensation in the form of concert tickets"), rest="")
    assert [f.severity for f in found] == ["medium"]


def test_without_embeddings_nothing_is_lowered() -> None:
    from storytrace.settings import Settings

    report = compare(
        SOURCE,
        INTERN.format("who receives compensation in the form of concert tickets") + REST,
        settings=Settings(use_embeddings=False),
    )
    assert not any(f.detail.startswith("reworded") for f in report.findings)
