"""Two apostrophes ('') and ``...'' are double quotation marks (newspaper archives, typeset text)."""

from __future__ import annotations

from storytrace import compare
from storytrace.facts.quotes import extract_quotes

ARCHIVE = (
    "''I don't regret setting bombs,'' Bill Ayers said. ''I feel we didn't do enough.'' Mr. Ayers, who spent "
    "the 1970's as a fugitive in the Weather Underground, was sitting in his kitchen. The memoir comes out on "
    "Tuesday. ''It's true as I remember it,'' he said of the book."
)


def test_archive_marks_make_quotes_with_their_speakers() -> None:
    quotes = extract_quotes(ARCHIVE)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("I don't regret setting bombs,", "Bill Ayers"),
        ("I feel we didn't do enough.", "Bill Ayers"),
        ("It's true as I remember it,", "Mr. Ayers"),
    ]
    assert not any(q.unbalanced for q in quotes)
    assert ARCHIVE[quotes[0].outer_start : quotes[0].outer_end] == "''I don't regret setting bombs,''"


def test_typeset_marks_make_a_quote() -> None:
    (q,) = extract_quotes("``We will win,'' the mayor said on Tuesday.")
    assert (q.text, q.speaker) == ("We will win,", "the mayor")


def test_apostrophes_are_no_marks() -> None:
    assert extract_quotes("The 1970's were long, and the workers' union's plan failed in the '90s.") == []


def test_a_quote_kept_from_an_archive_original_is_no_invented_one() -> None:
    # The original's quotes were read as the reporter's words: "words put in Ayers' mouth".
    suspect = (
        '"I don\'t regret setting bombs," Bill Ayers stated. "I feel we didn\'t do enough." Ayers, a fugitive in '
        'the 1970s, was in his kitchen. The memoir comes out on Tuesday. "It\'s true as I remember it," he said.'
    )
    found = [f"{f.type}/{f.subtype}" for f in compare(ARCHIVE, suspect).findings if f.type.startswith("quote_")]
    assert found == []


def test_a_quote_changed_from_an_archive_original_is_reported() -> None:
    suspect = ARCHIVE.replace("''I feel we didn't do enough.''", '"I feel we did more than enough."')
    found = [f"{f.type}/{f.subtype}" for f in compare(ARCHIVE, suspect).findings if f.type.startswith("quote_")]
    assert found == ["quote_altered/words_changed"]


def test_a_double_mark_run_into_an_apostrophe_closes_nothing() -> None:
    # Garbled marks around a whole sentence ("'... ."') leave the quote's extent unknown: nothing is said of it.
    source = "The talk was downplayed by PBL, which said it would focus only on smaller purchases."
    suspect = "\"'The talk was downplayed by PBL, which said it would focus only on smaller purchases.\"'"
    assert [f for f in compare(source, suspect).findings if f.type.startswith("quote_")] == []


def test_a_single_quote_closing_inside_an_archive_quote_ends_with_it() -> None:
    # Review rev13: "'''" is a single mark closing then the double one; read as '' then ' the quote ran on.
    for text in ("''He told me 'no,''' she said.", "``He told me `no''' she said."):
        (q,) = extract_quotes(text)
        assert (text[q.outer_start : q.outer_end].endswith("'''"), q.speaker, q.unbalanced) == (True, "she", False)
