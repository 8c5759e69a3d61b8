"""False alarms that recurred on SheepDog's LLM rewrites (seed 14), each a pattern: a negation word that
denies nothing ("No. 17", "never-ending", "Not surprisingly", "not without"), an allegation word that alleges
nothing or is kept in other words ("charged with keeping", "Trump's accusations", "accusing"), and a modal
that hedges no claim ("you may contact", a modal inside a "before" clause) or whose doubt the rewrite keeps
("potential next president", "attempts to reduce"). The real changes beside each stay reported.

Each pair sits in a short article (the same sentences before and after) so the alignment is a real one.
"""

from __future__ import annotations

import pytest

from hedges_context import hedges


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "She won praise for backing tough ethical standards, but her term was not without controversy.",
            "She won praise for backing tough ethical standards but faced controversy during her term.",
        ),
        (
            "Olsen was No. 2 at the authority for six years before she became its chief executive.",
            "Olsen held the second post at the authority for six years before she became its chief executive.",
        ),
        (
            "Not surprisingly, the authority also opposes the plan to close the maternity ward at the smaller "
            "hospital.",
            "The authority also opposes the plan to close the maternity ward at the smaller hospital.",
        ),
        (
            "Olsen, the No 8 in the authority's ranks, presented the report to the council on Tuesday.",
            "Olsen, the no 8 in the authority's ranks, gave the report to the councillors on Tuesday.",
        ),
        (
            "The authority faces a long fight over the plan to close the maternity ward at the smaller hospital.",
            "The authority faces a never-ending fight over the plan to close the maternity ward at the smaller "
            "hospital.",
        ),
        (
            "Councillors will hold a vote of confidence in Olsen over the plan to close the maternity ward.",
            "Councillors will hold a no-confidence vote in Olsen over the plan to close the maternity ward.",
        ),
    ],
)
def test_negation_word_that_denies_nothing_is_no_flip(source: str, derived: str) -> None:
    assert [f for f in hedges(source, derived) if f.subtype == "negation_flipped"] == []


def test_negation_added_to_the_rewrites_own_words_is_no_flip() -> None:
    # "No strict rules" denies something the original never says; the rest is its plea, restated
    found = hedges(
        "We simply ask the councillors to keep their answers to a reasonable length and to stay on point.",
        "No strict rules here, just a plea for the councillors to keep their answers reasonable and on point.",
    )
    assert [f for f in found if f.subtype == "negation_flipped"] == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The council approved the plan to close the maternity ward at the smaller hospital.",
            "The council did not approve the plan to close the maternity ward at the smaller hospital.",
        ),
        (
            "The council approved the plan to close the maternity ward at the smaller hospital.",
            "The council never approved the plan to close the maternity ward at the smaller hospital.",
        ),
        (
            "Her term as chief executive was not without controversy, councillors said.",
            "Her term as chief executive was without controversy, councillors said.",
        ),
        (
            "Two nurses were hurt in the fire at the smaller hospital, Olsen said.",
            "No-one was hurt in the fire at the smaller hospital, Olsen said.",
        ),
    ],
)
def test_real_negation_changes_stay(source: str, derived: str) -> None:
    assert [f.subtype for f in hedges(source, derived)] == ["negation_flipped"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Olsen, the woman now charged with keeping the hospitals running, took the post in March.",
            "Olsen, who is now entrusted with keeping the hospitals running, took the post in March.",
        ),
        (
            "Many councillors have condemned Olsen's accusations, but they continue to support the plan.",
            "Despite condemning Olsen, many councillors continue to support the plan.",
        ),
        (
            "Critics have accused Olsen of hiding the true waiting times at the smaller hospitals.",
            "Critics are accusing Olsen of hiding the true waiting times at the smaller hospitals.",
        ),
        (
            "The report's release was delayed by the police investigation into the deaths at the hospital.",
            "The report's release was delayed by an investigation by police into the deaths at the hospital.",
        ),
        (
            "The closure is not the threat that the opposition councillors have alleged.",
            "The closure is not the threat that the opposition councillors would have us believe.",
        ),
    ],
)
def test_allegation_kept_or_no_allegation_is_quiet(source: str, derived: str) -> None:
    assert hedges(source, derived) == []


@pytest.mark.parametrize(
    ("source", "derived", "cue"),
    [
        (
            "Dr Patel, who was charged with stealing drugs from the pharmacy, left the hospital in March.",
            "Dr Patel, who stole drugs from the pharmacy, left the hospital in March.",
            "was charged with",
        ),
        (
            "Olsen is accused of hiding the true waiting times at the smaller hospitals.",
            "Olsen hid the true waiting times at the smaller hospitals.",
            "is accused of",
        ),
        (
            # "claims" gives the words to the one accused of saying them: not the allegation kept
            "Olsen was falsely accused of saying the maternity ward at the smaller hospital would close.",
            "Olsen claims the maternity ward at the smaller hospital will close.",
            "accused of",
        ),
    ],
)
def test_allegation_dropped_stays(source: str, derived: str, cue: str) -> None:
    assert [(f.subtype, f.before) for f in hedges(source, derived)] == [("allegation_as_fact", cue)]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Olsen's assistant told reporters: You Might Also Like \u201cThe closure was decided by the board in "
            "March.\u201d",
            "Olsen's assistant told reporters, \u201cThe closure was decided by the board in March.\u201d",
        ),
        (
            "As a resident of the district, you may contact the authority's office in Leeds for help with a "
            "complaint about any of the hospitals.",
            "Residents of the district can get help with a complaint about any of the hospitals from the "
            "authority's office in Leeds.",
        ),
        (
            "The rules require strict checks before patients could be moved to the smaller hospitals.",
            "The rules require strict checks before patients can be moved to the smaller hospitals.",
        ),
        (
            "Look at a man who could be the next chief executive of the authority: Tom Reyes.",
            "Look at Tom Reyes, the potential next chief executive of the authority.",
        ),
        (
            "The authority has proposed steps that could reduce waiting times at the smaller hospitals.",
            "The authority's attempts to reduce waiting times at the smaller hospitals are too timid.",
        ),
    ],
)
def test_modal_that_hedges_no_claim_or_is_kept_is_quiet(source: str, derived: str) -> None:
    assert [f for f in hedges(source, derived) if f.subtype == "certainty_increased"] == []


def test_an_aim_in_the_original_is_no_doubt_a_rewrites_could_restates() -> None:
    # "efforts to cut" is the suspect's doubt only: in the original it does not make "could hinder" a restatement
    found = hedges(
        "Councillors say the new wing will hamper the authority's efforts to cut waiting times at the smaller "
        "hospitals.",
        "Councillors say the new wing could hinder the authority's efforts to cut waiting times at the smaller "
        "hospitals.",
    )
    assert [(f.subtype, f.after) for f in found] == [("certainty_decreased", "could")]


def test_you_may_be_wondering_adds_no_doubt() -> None:
    found = hedges(
        "Why is the new wing so much better than the old one at the main hospital?",
        "You may be wondering why the new wing is so much better than the old one at the main hospital.",
    )
    assert found == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Olsen warned before the vote that the smaller hospital could lose its maternity ward.",
            "Olsen warned before the vote that the smaller hospital will lose its maternity ward.",
        ),
        (
            "Police said two men who may have been involved in the theft were arrested.",
            "Police said two potential suspects involved in the theft were arrested.",
        ),
        (
            "If you smoke, you may damage the health of the people around you, Olsen said.",
            "If you smoke, you damage the health of the people around you, Olsen said.",
        ),
    ],
)
def test_modal_dropped_stays(source: str, derived: str) -> None:
    assert [f.subtype for f in hedges(source, derived)] == ["certainty_increased"]
