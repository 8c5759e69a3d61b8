"""What a trimmed quote's detail says was left out, and a quoted sentence kept in part is not also dropped."""

from __future__ import annotations

from storytrace import compare
from storytrace.align import align
from storytrace.article import article_from_text
from storytrace.facts.quotes import quote_findings
from storytrace.finding import Finding
from storytrace.text import analyse


def _quote_findings(source: str, derived: str) -> list[Finding]:
    a = align(analyse(article_from_text(source)), analyse(article_from_text(derived)), embed=None)
    return quote_findings(a)


STAB = (
    "Police arrested a 34-year-old man on Saturday in connection with the stabbing of a teenager in Eastfield, "
    "the Metropolitan Police said in a statement. "
    "The 17-year-old victim was taken to hospital with injuries that are not thought to be life-threatening. "
    "Detective Inspector Sarah Cole said officers were not looking for anyone else. "
    '"This was an isolated incident and there is no wider risk to the public," she said. '
    "Anyone with information is asked to call 101."
)
FAITHFUL = (
    "The Metropolitan Police said a man, 34, had been arrested on Saturday over the stabbing of a 17-year-old in "
    "Eastfield. The teenager's injuries are not believed to be life-threatening, police said. "
    'Det Insp Sarah Cole said police were not looking for anyone else, describing it as "an isolated incident". '
    "Anyone with information is asked to call 101."
)


def test_a_trimmed_quote_names_only_the_words_left_out_and_is_no_dropped_sentence() -> None:
    report = compare(STAB, FAITHFUL)
    quotes = [f for f in report.findings if f.type.startswith("quote")]
    assert [(f.subtype, f.severity) for f in quotes] == [("trimmed", "low")]
    # "an isolated incident" is quoted by the suspect: not among the words left out
    assert quotes[0].detail == (
        "quote trimmed: the suspect quotes only part of Cole's words, leaving out "
        "\u201cand there is no wider risk to the public\u201d"
    )
    # the quotation's sentence is kept in part (the trimmed finding says what is missing): not also dropped
    assert not [f for f in report.findings if f.type == "fact_omitted" and "isolated incident" in (f.before or "")]


def test_a_quote_trimmed_at_both_ends_names_both_passages() -> None:
    source = (
        "The council met on Tuesday. "
        '"We looked at every option, and the budget simply left us no choice in the end," the mayor, Denise '
        "Okafor, said."
    )
    derived = 'The council met on Tuesday. Mayor Denise Okafor said the budget "simply left us no choice".'
    (f,) = _quote_findings(source, derived)
    assert f.subtype == "trimmed"
    # ("the budget" stands outside the suspect's marks: out of the quotation too)
    assert f.detail.endswith(
        "leaving out \u201cWe looked at every option, and the budget\u201d and \u201cin the end\u201d"
    )


def test_a_sentence_with_more_than_its_quote_is_still_dropped() -> None:
    source = (
        "The council met on Tuesday to vote on the closure of the Millbrook library. "
        "Mayor Denise Okafor, who has led the council since 2019 and will stand again in the May election after "
        'two terms in office, said the decision was "painful but unavoidable given the budget we were handed". '
        "Library staff will be offered other posts."
    )
    derived = (
        "The council met on Tuesday to vote on the closure of the Millbrook library, which the mayor described as "
        '"painful but unavoidable". Library staff will be offered other posts.'
    )
    report = compare(source, derived)
    assert [(f.subtype, f.severity) for f in report.findings if f.type == "quote_altered"] == [("trimmed", "low")]
    # the quote is a small part of its sentence: the rest (2019, the election) is still reported dropped
    assert [f for f in report.findings if f.type == "fact_omitted" and "2019" in (f.before or "")]


def test_a_sentence_of_a_long_quote_kept_in_part_is_still_dropped() -> None:
    said = [
        "We looked at every option over many months.",
        "The reading room needs a new roof that costs 2 million pounds.",
        "Nobody wanted this outcome for the town.",
        "The budget simply left us no choice in the end.",
        "We are sorry for it, and we will help the staff.",
    ]
    lead = "The council met on Tuesday to vote on the closure of the Millbrook library. "
    tail = '" the mayor, Denise Okafor, said. Library staff will be offered other posts.'
    source = lead + '"' + " ".join(said) + tail
    derived = lead + '"' + " ".join(said[:1] + said[2:]) + tail
    report = compare(source, derived)
    assert [f.subtype for f in report.findings if f.type == "quote_altered"] == ["trimmed"]
    # the trimmed finding is of the whole quotation; the sentence with the roof and its cost is its own loss
    assert [f for f in report.findings if f.type == "fact_omitted" and "2 million" in (f.before or "")]
