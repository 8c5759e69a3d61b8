"""Quotation marks around a whole rewrite or its headline (an LLM's output pasted as it came) quote no one."""

from __future__ import annotations

from quotes_context import BODY, ORIGINAL
from storytrace import compare


def _quote_findings(suspect: str) -> list[str]:
    return [f"{f.subtype}: {f.after}" for f in compare(ORIGINAL, suspect).findings if f.type.startswith("quote_")]


def test_a_whole_rewrite_in_quotation_marks_is_no_invented_quote() -> None:
    restyled = (
        "Outrage in Harlow as councillors shut a beloved library for good! Stunned locals packed the town hall "
        "on Tuesday to watch the vote. \u2018The budget left us no choice,\u2019 Mayor Denise Okafor said."
    )
    assert _quote_findings(f'"{restyled}"') == []


def test_a_headline_in_quotation_marks_on_its_own_line_is_no_invented_quote() -> None:
    headline = '"SHOCKING: Beloved Library Axed After 100 Years!"'
    assert _quote_findings(f"{headline}  {BODY}") == []
    assert _quote_findings(f"{headline}\n\n{BODY}") == []


def test_an_invented_quote_opening_the_text_is_still_reported() -> None:
    # A speaker is named: quotation marks that quote someone.
    found = _quote_findings(f'"We will fight this closure to the end," the mayor said.  {BODY}')
    assert [f.split(":")[0] for f in found] == ["invented"]


def test_an_invented_quote_opening_a_sentence_of_the_text_is_still_reported() -> None:
    # Opens the text but runs on into the sentence: no headline.
    found = _quote_findings(f'"We will fight this closure to the end." Those were her words.  {BODY}')
    assert [f.split(":")[0] for f in found] == ["invented"]


def test_one_quoted_sentence_alone_is_a_quotation() -> None:
    # A one-sentence excerpt whose speaker stood in the sentence after it: its words are still checked.
    source = "\u201cWe are declaring war on sexual harassment and sexual assault.\u201d"
    suspect = '"We will declare war on sexual harassment and sexual assault."'
    found = [f.subtype for f in compare(source, suspect).findings if f.type == "quote_altered"]
    assert found == ["words_changed"]


def test_a_headline_in_quotation_marks_run_into_the_text_is_no_invented_quote() -> None:
    assert _quote_findings(f'"SHOCKING: Beloved Library Axed After 100 Years!" {BODY}') == []


def test_a_quote_inside_marks_around_the_whole_text_is_checked() -> None:
    # Review rev13: the quotes inside the frame were its nested quotes and went unchecked.
    restyled = (
        "Outrage in Harlow as councillors shut a beloved library that served the town since 1921! Stunned locals "
        "packed the town hall on Tuesday to watch the vote. \u2018The budget left us plenty of choice,\u2019 Mayor "
        "Denise Okafor said. Staff will get other council posts."
    )
    found = [f.split(":")[0] for f in _quote_findings(f'"{restyled}"')]
    assert found == ["words_changed"]


def test_an_invented_quote_on_its_own_line_is_still_reported() -> None:
    # A sentence someone said (it ends with a full stop) on its own line, or before two spaces: no headline.
    quote = '"We had money to spare but chose to spend it on roads."'
    for gap in ("\n\n", "  "):
        found = _quote_findings(f"{quote}{gap}That is what Mayor Denise Okafor told residents. {BODY}")
        assert [f.split(":")[0] for f in found] == ["invented"], gap


def test_a_capitalised_slogan_inside_a_sentence_is_still_a_quote() -> None:
    found = _quote_findings(f'"Save Millbrook Library Now" is written on placards outside the town hall. {BODY}')
    assert [f.split(":")[0] for f in found] == ["invented"]


def test_one_quoted_sentence_with_titles_inside_is_a_quotation() -> None:
    # "Mr." and "Dr." end no sentence: one quoted sentence, not a text of several in a frame.
    source = "\u201cWe are declaring war on sexual harassment, Mr. Smith said to Dr. Jones.\u201d"
    suspect = '"We will declare war on sexual harassment, Mr. Smith said to Dr. Jones."'
    assert [f.subtype for f in compare(source, suspect).findings if f.type == "quote_altered"] == ["words_changed"]


def test_a_title_cased_headline_run_into_the_text_is_no_quote() -> None:
    # Title case keeps function words small: "... for You to Stay in Bed ..." is still a headline.
    headline = '"Council to Close the Library in 2025 and Sell It for $2 Million to a Developer!"'
    assert _quote_findings(f"{headline} Picture this: {BODY}") == []
