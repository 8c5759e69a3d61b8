"""Who says a quote when a job in lower case stands before the name, and a "she said" that can only be one person.

The QA pass of session 19: "fire chief Gemma Ashworth said" credited the quote to the sentence before it
("Officials"), so giving the quote to someone else went unreported as such; and a quote the original gives
to "she" (right after a sentence in which the named person speaks) could be handed to another name unseen.
"""

from __future__ import annotations

import pytest

from storytrace.align import Alignment, align
from storytrace.article import article_from_text
from storytrace.facts.quotes import extract_quotes, quote_findings
from storytrace.text import analyse

FIRE = (
    'Officials said the fire had spread overnight. "The situation is serious but under control," {sp}. '
    "About 200 homes were evacuated. Mark Rowley, the mayor, visited the site."
)


def _speaker(sp: str) -> tuple[str | None, str | None]:
    (q,) = extract_quotes(FIRE.format(sp=sp))
    return q.speaker, q.attribution


@pytest.mark.parametrize(
    "sp",
    [
        "fire chief Gemma Ashworth said",
        "chief fire officer Gemma Ashworth told reporters on Tuesday",
        "the county's chief fire officer, Gemma Ashworth, said",
        "said fire chief Gemma Ashworth",
        "said the fire chief, Gemma Ashworth",
        "former fire chief Gemma Ashworth said",
        "the county's fire chief Gemma Ashworth said",
    ],
)
def test_a_job_in_lower_case_before_the_name_leaves_the_name_the_speaker(sp: str) -> None:
    assert _speaker(sp) == ("Gemma Ashworth", "direct")


@pytest.mark.parametrize(
    ("sp", "speaker"),
    [
        # the name belongs to someone else than the speaker: no direct "Gemma Ashworth"
        ("lawyers for Gemma Ashworth said", "Officials"),
        ("fans chanted as Gemma Ashworth said", "Officials"),
        ("fans sang, and Gemma Ashworth said", "Officials"),
        ("a statement from fire chief Gemma Ashworth said", "a statement from fire chief Gemma Ashworth"),
        ("a lawyer representing Gemma Ashworth said", "a lawyer representing Gemma Ashworth"),
        # a job alone is a description, an acronym or a title after it no name
        ("the company's CEO said", "the company's CEO"),
        ("the agency's Director said", "the agency's Director"),
        ("the fire chief said", "the fire chief"),
        # a name after a comma that is the subject of a verb of its own is no apposition
        ("said a spokesman, Reuters reported", "a spokesman"),
    ],
)
def test_a_name_that_is_not_the_speaker_stays_out(sp: str, speaker: str) -> None:
    assert _speaker(sp)[0] == speaker


def _align(source: str, derived: str) -> Alignment:
    return align(analyse(article_from_text(source)), analyse(article_from_text(derived)), embed=None)


def test_a_quote_of_a_titled_speaker_given_to_someone_else_is_a_changed_speaker() -> None:
    source = FIRE.format(sp="fire chief Gemma Ashworth said")
    derived = source.replace("Gemma Ashworth", "Mark Rowley", 1)
    found = [(f.type, f.subtype, f.severity) for f in quote_findings(_align(source, derived))]
    assert found == [("quote_fabricated", "speaker_changed", "high")]


def test_a_changed_quote_of_a_titled_speaker_names_her_not_the_sentence_before() -> None:
    source = FIRE.format(sp="chief fire officer Gemma Ashworth told reporters on Tuesday")
    derived = source.replace("serious but under control", "serious but manageable")
    (f,) = quote_findings(_align(source, derived))
    assert f.detail.startswith("quote altered: Ashworth's ")


STAB = (
    "Police arrested a 34-year-old man on Saturday in connection with the stabbing of a teenager in Eastfield. "
    "Detective Inspector Sarah Cole said officers were not looking for anyone else. "
    "{quote} "
    "Anyone with information is asked to call 101."
)
SHE = '"This was an isolated incident and there is no wider risk to the public," she said.'


def test_she_right_after_the_named_speaker_is_that_speaker_for_sure() -> None:
    (q,) = extract_quotes(STAB.format(quote=SHE))
    assert (q.speaker, q.attribution, q.pronoun, q.sure) == ("Detective Inspector Sarah Cole", "pronoun", "she", True)


def test_a_quote_of_she_given_to_another_name_is_a_changed_speaker() -> None:
    source = STAB.format(quote=SHE)
    derived = STAB.format(quote='"This was an isolated incident," said Chief Constable Mark Rowley.')
    found = quote_findings(_align(source, derived))
    assert [(f.type, f.subtype, f.severity) for f in found] == [
        ("quote_altered", "trimmed", "low"),
        ("quote_fabricated", "speaker_changed", "high"),
    ]
    trimmed, changed = found
    # the words left out are Cole's, not the new speaker's
    assert "part of Cole's words" in trimmed.detail
    assert "Sarah Cole in the original, by Chief Constable Mark Rowley here" in changed.detail


def test_she_kept_or_named_the_same_is_no_change() -> None:
    source = STAB.format(quote=SHE)
    for derived in (
        STAB.format(quote=SHE.replace("she said", "Cole said")),
        STAB.format(quote=SHE.replace("she said", "she added")),
    ):
        assert quote_findings(_align(source, derived)) == []


@pytest.mark.parametrize(
    "between",
    [
        # another person named between the name and the pronoun: "she" may be either
        "Detective Inspector Sarah Cole said officers had spoken to Jane Rowley.",
        # a body, not a person: "she" is someone it did not name
        "The Metropolitan Police said officers were not looking for anyone else.",
        # the name speaks two sentences before, not right before
        "Detective Inspector Sarah Cole said officers were not looking for anyone else. The street was closed.",
    ],
)
def test_a_pronoun_that_might_be_someone_else_never_makes_a_changed_speaker(between: str) -> None:
    source = STAB.format(quote=SHE).replace(
        "Detective Inspector Sarah Cole said officers were not looking for anyone else.", between
    )
    (q,) = extract_quotes(source)
    assert q.attribution == "pronoun" and not q.sure
    derived = source.replace("she said", "said Chief Constable Mark Rowley")
    assert not [f for f in quote_findings(_align(source, derived)) if f.subtype == "speaker_changed"]
