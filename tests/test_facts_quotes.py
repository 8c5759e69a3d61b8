"""Quotations: extraction (marks, nesting, speakers) and the check across an alignment.

Most checks run on lexical alignments (embed=None), which are fast; one end-to-end test goes through
storytrace.compare with the bundled model. The rule every check test leans on: a faithful copy or
paraphrase, whatever its typography, produces no quote finding at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.align import Alignment, align
from storytrace.article import article_from_text
from storytrace.facts.quotes import Quote, dropped_quotes, extract_quotes, quote_findings, quotes_of
from storytrace.finding import Finding
from storytrace.text import analyse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# A neutral lead sentence so that every crafted pair has some shared text to align on.
LEAD = "The council met on Tuesday to debate the new harbor wall and its cost to taxpayers. "


def alignment(source: str, derived: str) -> Alignment:
    return align(analyse(article_from_text(source)), analyse(article_from_text(derived)), embed=None)


def findings(source: str, derived: str) -> list[Finding]:
    return quote_findings(alignment(LEAD + source, LEAD + derived))


def only(text: str) -> Quote:
    quotes = extract_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


# --- extraction: marks ------------------------------------------------------------------------------------


def test_curly_quote_spans_inner_and_outer() -> None:
    text = "\u201cWe will not back down,\u201d she said."
    q = only(text)
    assert text[q.start : q.end] == q.text == "We will not back down,"
    assert text[q.outer_start : q.outer_end] == "\u201cWe will not back down,\u201d"
    assert q.kind == "quote"
    assert q.speaker == "she"


def test_straight_quotes() -> None:
    text = 'Okafor said: "We will win." Then she left.'
    q = only(text)
    assert q.text == "We will win."
    assert text[q.outer_start : q.outer_end] == '"We will win."'
    assert q.speaker == "Okafor"


def test_nested_single_quote_stays_inside_the_outer_quote() -> None:
    text = "\u201cThe so-called \u2018wall tax\u2019 is a myth,\u201d said Sen. Harriet Okafor."
    q = only(text)
    assert q.text == "The so-called \u2018wall tax\u2019 is a myth,"
    assert [text[a:b] for a, b in q.nested] == ["wall tax"]
    assert q.speaker == "Sen. Harriet Okafor"


def test_straight_nested_quote() -> None:
    text = "\"They call it a 'wall tax' and it is not,\" Okafor said."
    q = only(text)
    assert [text[a:b] for a, b in q.nested] == ["wall tax"]


def test_quote_spanning_two_sentences_is_one_quote() -> None:
    text = (
        "\u201cEvery winter we hold our breath and hope the old wall survives one more storm. Today we "
        "stopped hoping and started building,\u201d Okafor told reporters."
    )
    q = only(text)
    assert q.text.startswith("Every winter") and q.text.endswith("started building,")
    assert q.speaker == "Okafor"


def test_apostrophes_are_never_quote_marks() -> None:
    text = "Residents don't trust the plan, and Port Calloway's mayor remembers the \u201990s and the '90s floods."
    assert extract_quotes(text) == []
    q = only("\u201cWe don't want Port Calloway's \u201990s floods back,\u201d she said.")
    assert q.text == "We don't want Port Calloway's \u201990s floods back,"
    assert q.nested == ()


def test_plural_possessive_inside_single_quotes() -> None:
    q = only("'The workers' union is strong,' he said.")
    assert q.text == "The workers' union is strong,"


def test_british_single_quotes() -> None:
    q = only("'We will fight this,' said the mayor.")
    assert q.text == "We will fight this,"
    assert q.speaker == "the mayor"


def test_inch_mark_is_not_a_quote() -> None:
    q = only('The wall is 16" thick, "and that is enough," Okafor said.')
    assert q.text == "and that is enough,"
    assert not q.unbalanced


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Critics attacked the so-called \u201cwall tax\u201d on Monday.", "scare"),
        ("Okafor said the vote was \u201clong overdue\u201d for the town.", "scare"),
        ("\u201cNo,\u201d Okafor said.", "quote"),
        ("\u201cNever.\u201d The room fell silent.", "quote"),
        ("Okafor called the plan \u201ca disgrace to the whole town.\u201d", "quote"),
    ],
)
def test_scare_quotes(text: str, kind: str) -> None:
    assert only(text).kind == kind


def test_paragraph_continued_quote() -> None:
    text = (
        "\u201cThe first paragraph of the speech goes on about the wall.\n\n"
        "\u201cThe second one ends it,\u201d the mayor said."
    )
    first, second = extract_quotes(text)
    assert not first.continued and second.continued
    assert first.speaker == second.speaker == "the mayor"
    assert not first.unbalanced and not second.unbalanced
    assert first.text == "The first paragraph of the speech goes on about the wall."


def test_scraped_marks_are_flagged_unbalanced() -> None:
    quotes = extract_quotes('Okafor spoke after the vote."We will win," she said."It is done."')
    assert quotes and all(q.unbalanced for q in quotes)


def test_range_limits_the_quotes_returned() -> None:
    text = "\u201cOne,\u201d she said. \u201cTwo,\u201d he said."
    cut = text.index("\u201cTwo")
    assert [q.text for q in extract_quotes(text, cut)] == ["Two,"]
    assert [q.text for q in extract_quotes(text, 0, cut)] == ["One,"]


# --- extraction: speakers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("\u201cWe will rebuild the wall,\u201d Okafor said.", "Okafor"),
        (
            "\u201cWe will rebuild the wall,\u201d said Sen. Harriet Okafor, who sponsored the bill.",
            "Sen. Harriet Okafor",
        ),
        ("\u201cWe will rebuild the wall,\u201d Okafor says.", "Okafor"),
        ("\u201cWe will rebuild the wall,\u201d Okafor told reporters on the Capitol steps.", "Okafor"),
        ("\u201cWe will rebuild the wall,\u201d Okafor added.", "Okafor"),
        ("\u201cWe will rebuild the wall,\u201d Okafor wrote on social media.", "Okafor"),
        ("\u201cWe will rebuild the wall,\u201d the mayor said in a statement.", "the mayor"),
        ("\u201cWe will rebuild the wall,\u201d officials said.", "officials"),
        (
            "The wall is \u201clong overdue and badly needed,\u201d according to a spokesperson for the department.",
            "a spokesperson for the department",
        ),
        ("According to the mayor, \u201cthe money is there.\u201d", "the mayor"),
        ("Okafor said: \u201cWe will rebuild the wall.\u201d", "Okafor"),
        ("\u201cWe need it,\u201d Okafor, who sponsored the bill, said.", "Okafor"),
        (
            "His lawyer, Priya Castellanos, said her client \u201chas never offered anything of value.\u201d",
            "Priya Castellanos",
        ),
        (
            "Dr. Amara Lindqvist, a coastal engineer, said the design was sound, telling the committee that "
            "\u201cseawalls are almost never finished on budget.\u201d",
            "Dr. Amara Lindqvist",
        ),
    ],
)
def test_speaker_before_and_after(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker == speaker
    assert q.attribution == "direct"
    assert q.speaker_span is not None and text[q.speaker_span[0] : q.speaker_span[1]] == speaker


def test_speaker_in_the_sentence_introducing_the_quote() -> None:
    text = "Okafor told the chamber:\n\n\u201cWe will rebuild the wall.\u201d"
    q = only(text)
    assert q.speaker == "Okafor"


def test_pronoun_resolved_to_the_last_named_speaker() -> None:
    text = (
        "\u201cWe are being asked to write a blank check,\u201d said Sen. Douglas Whitcombe. "
        "\u201cNobody has audited it,\u201d he added."
    )
    _, second = extract_quotes(text)
    assert second.speaker == "Sen. Douglas Whitcombe"
    assert second.pronoun == "he"
    assert second.attribution == "pronoun"


def test_pronoun_kept_when_nobody_is_named() -> None:
    assert only("\u201cIt is a scandal,\u201d he said.").speaker == "he"


def test_following_quote_takes_the_speaker_from_context() -> None:
    text = "\u201cIt is a scandal,\u201d Whitcombe said. \u201cNobody checked.\u201d"
    _, second = extract_quotes(text)
    assert second.speaker == "Whitcombe"
    assert second.attribution == "context"


def test_quotes_of_a_document_match_extract_quotes() -> None:
    text = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
    doc = analyse(article_from_text(text))
    assert [q.text for q in quotes_of(doc)] == [q.text for q in extract_quotes(text)]
    speakers = [q.speaker for q in quotes_of(doc)]
    assert speakers[0] == "Okafor" and "Priya Castellanos" in speakers and "Lindqvist" in speakers


# --- the check: faithful rewrites say nothing -------------------------------------------------------------


SOURCE = (
    "Sen. Harriet Okafor said the vote was overdue. \u201cEvery winter we hold our breath and hope the "
    "long-term plan works for the U.K. and for 14,000 people \u2026 and 30 per cent of the colour,\u201d "
    "Okafor told reporters."
)


@pytest.mark.parametrize(
    "derived",
    [
        SOURCE,
        # straight marks, "...", "long term", "UK", 14000, percent, color, comma moved out of the quote
        'Sen. Harriet Okafor said the vote was overdue. "Every winter we hold our breath and hope the '
        'long term plan works for the UK and for 14000 people ... and 30 percent of the color", Okafor '
        "told reporters.",
        # narrative paraphrased around an untouched quote
        "The vote came late, Okafor said. \u201cEvery winter we hold our breath and hope the long-term plan "
        "works for the U.K. and for 14,000 people \u2026 and 30 per cent of the colour,\u201d she told the press.",
    ],
)
def test_faithful_copies_produce_nothing(derived: str) -> None:
    assert findings(SOURCE, derived) == []


def test_a_moved_quote_produces_nothing() -> None:
    source = (
        "The vote passed 52-48. \u201cWe waited a long time for this vote,\u201d Brannigan said. The wall will rise."
    )
    derived = '"We waited a long time for this vote," Brannigan said. The vote passed 52-48. The wall will rise.'
    assert findings(source, derived) == []


def test_split_and_joined_quotes_produce_nothing() -> None:
    one = "\u201cWe waited a long time, and now we want to get it right,\u201d Brannigan said."
    two = "\u201cWe waited a long time,\u201d Brannigan said. \u201cNow we want to get it right.\u201d"
    assert findings(one, two) == []
    assert findings(two, '"We waited a long time. Now we want to get it right," Brannigan said.') == []


def test_quote_turned_into_indirect_speech_is_not_a_finding_but_a_dropped_quote() -> None:
    source = LEAD + "\u201cWe will resign before the vote,\u201d Okafor said."
    derived = LEAD + "Okafor said they would step down before the vote."
    a = alignment(source, derived)
    assert quote_findings(a) == []
    assert [q.text for q in dropped_quotes(a)] == ["We will resign before the vote,"]


def test_editor_brackets_are_honest() -> None:
    source = "\u201cHe will resign before the vote on the harbor wall,\u201d Okafor said."
    derived = '"[Ashdown] will resign before the vote on the harbor wall," Okafor said.'
    assert findings(source, derived) == []


def test_partial_quote_with_the_rest_reported_outside_the_marks() -> None:
    source = "\u201cI will fight these allegations with everything I have,\u201d Ashdown said."
    derived = 'Ashdown said he would fight the allegations "with everything I have."'
    assert findings(source, derived) == []


def test_scraped_source_marks_produce_nothing() -> None:
    source = 'Okafor spoke after the vote."We will win the fight for the wall," she said."It is done."'
    derived = 'Okafor spoke after the vote. "We will win the fight for the wall," she said. "It is done for good."'
    assert findings(source, derived) == []


# --- the check: each finding ------------------------------------------------------------------------------


def test_words_changed() -> None:
    source = (
        "\u201cWe are being asked to write a check to a process that nobody has properly audited,\u201d "
        "said Sen. Douglas Whitcombe."
    )
    derived = (
        '"We are being asked to write a check to a process that nobody has honestly audited," '
        "said Sen. Douglas Whitcombe."
    )
    a = alignment(LEAD + source, LEAD + derived)
    (f,) = quote_findings(a)
    assert (f.type, f.subtype, f.severity) == ("quote_altered", "words_changed", "high")
    assert "\u201cnobody has properly audited\u201d became \u201cnobody has honestly audited\u201d" in f.detail
    assert "Whitcombe's" in f.detail
    assert f.source is not None and f.derived is not None
    assert a.source.text[f.source[0] : f.source[1]] == f.before
    assert a.derived.text[f.derived[0] : f.derived[1]] == f.after
    assert f.before.startswith("\u201cWe are") and f.before.endswith("audited,\u201d")
    assert f.after.startswith('"We are') and f.after.endswith('audited,"')


def test_words_added_inside_the_marks() -> None:
    source = "Okafor said the new wall was \u201clong overdue\u201d for the town."
    derived = 'Okafor said the new wall was "long overdue and unavoidable" for the town.'
    (f,) = findings(source, derived)
    assert (f.type, f.subtype, f.severity) == ("quote_altered", "words_changed", "high")
    assert "Okafor's \u201clong overdue\u201d became \u201clong overdue and unavoidable\u201d" in f.detail


def test_words_removed_inside_the_marks() -> None:
    source = "\u201cWe will not raise taxes to pay for the wall this year,\u201d Okafor said."
    derived = '"We will raise taxes to pay for the wall this year," Okafor said.'
    (f,) = findings(source, derived)
    assert (f.subtype, f.severity) == ("words_changed", "high")
    assert "\u201cWe will not raise\u201d became \u201cWe will raise\u201d" in f.detail


def test_small_word_change_is_medium() -> None:
    source = "Ashdown said he would \u201cfight these allegations\u201d in court."
    derived = 'Ashdown vowed to "fight the allegations" in court.'
    (f,) = findings(source, derived)
    assert (f.subtype, f.severity) == ("words_changed", "medium")


def test_trimmed_at_the_end_is_low() -> None:
    source = "\u201cEvery winter we hold our breath and hope the old wall survives one more storm,\u201d Okafor said."
    derived = '"Every winter we hold our breath," Okafor said.'
    (f,) = findings(source, derived)
    assert (f.type, f.subtype, f.severity) == ("quote_altered", "trimmed", "low")
    assert "and hope the old wall survives one more storm" in f.detail


def test_ellipsis_is_honest_trimming() -> None:
    source = "\u201cEvery winter we hold our breath and hope the old wall survives one more storm,\u201d Okafor said."
    derived = '"Every winter we hold our breath ... one more storm," Okafor said.'
    (f,) = findings(source, derived)
    assert (f.subtype, f.severity) == ("trimmed", "low")


def test_reporter_words_moved_inside_the_marks() -> None:
    source = (
        "His lawyer, Priya Castellanos, said her client \u201chas never offered anything of value to any "
        "public official\u201d and would fight the allegations in court."
    )
    derived = (
        'His lawyer, Priya Castellanos, said her client "has never offered anything of value to any public '
        'official and would fight the allegations in court."'
    )
    a = alignment(LEAD + source, LEAD + derived)
    (f,) = quote_findings(a)
    assert (f.type, f.subtype, f.severity) == ("quote_altered", "extended", "high")
    assert f.before == (
        "\u201chas never offered anything of value to any public official\u201d and would fight the "
        "allegations in court."
    )
    assert f.after == (
        '"has never offered anything of value to any public official and would fight the allegations in court."'
    )
    assert f.source is not None and a.source.text[f.source[0] : f.source[1]] == f.before
    assert "\u201cand would fight the allegations in court\u201d was outside the quotation marks" in f.detail
    assert "Castellanos" in f.detail


def test_reporter_words_moved_in_front_of_the_quote() -> None:
    source = "Okafor said the mayor will resign and called the vote \u201clong overdue.\u201d"
    derived = 'Okafor said "the mayor will resign and the vote was long overdue."'
    (f,) = findings(source, derived)
    assert (f.subtype, f.severity) == ("extended", "high")
    assert f.before is not None and f.before.startswith("the mayor will resign")


def test_words_of_no_one_added_inside_a_kept_quote_alter_it() -> None:
    # The judge's words, kept whole, with words neither she nor the reporter wrote inside the marks: it was
    # "quote not in the original: it never quotes Estevez saying ...", as if the whole quote were made up.
    source = 'Judge Maria Estevez said the company had "betrayed the public trust". Its lawyer did not comment.'
    derived = (
        'Judge Maria Estevez said the company had "betrayed the public trust and the people of this county". '
        "Its lawyer did not comment."
    )
    (f,) = findings(source, derived)
    assert (f.type, f.subtype, f.severity) == ("quote_altered", "words_changed", "high")
    assert "and the people of this county" in f.detail and "Estevez" in f.detail
    # a short phrase inside a much longer quote says too little about whose the rest is: still invented
    source = 'The mayor called it "a fair deal". Its lawyer did not comment.'
    derived = (
        'The mayor said: "This is a fair deal for every family in the town, and we will sign it." '
        "Its lawyer did not comment."
    )
    (f,) = findings(source, derived)
    assert (f.type, f.subtype) == ("quote_fabricated", "invented")


def test_a_speakers_word_for_something_is_a_quote_not_a_scare_quote() -> None:
    source = "The company's lawyer, Tom Reyes, said the company would not appeal the ruling."
    derived = 'The company\'s lawyer, Tom Reyes, said the company would appeal, calling the ruling "a travesty".'
    (f,) = [f for f in findings(source, derived) if f.type == "quote_fabricated"]
    assert (f.subtype, f.severity) == ("invented", "high")
    assert "Reyes" in f.detail and "a travesty" in f.detail
    # a name in quotation marks is no one's words: still at most a low scare-quote finding
    source = "Residents formed a group to fight the closure of the library."
    derived = 'Residents formed a group called "Shelf Savers" to fight the closure of the library, Ann Lee said.'
    for name in ('called "Shelf Savers"', 'called the "Shelf Savers"'):
        named = derived.replace('called "Shelf Savers"', name)
        found = [f for f in findings(source, named) if f.type.startswith("quote")]
        assert [(f.subtype, f.severity) for f in found] == [("scare", "low")]


def test_invented_quote() -> None:
    source = "Okafor welcomed the vote on the wall."
    derived = 'Okafor welcomed the vote on the wall. "This is the best day of my career," Okafor added.'
    a = alignment(LEAD + source, LEAD + derived)
    (f,) = quote_findings(a)
    assert (f.type, f.subtype, f.severity) == ("quote_fabricated", "invented", "high")
    assert f.after == '"This is the best day of my career," Okafor added.'
    assert f.derived is not None and a.derived.text[f.derived[0] : f.derived[1]] == f.after
    assert f.source is None and f.before is None
    assert "Okafor" in f.detail and "This is the best day of my career" in f.detail


def test_reporter_words_turned_into_a_quote() -> None:
    source = "The mayor said the town would hold public meetings on the route of the new wall."
    derived = 'The mayor said: "The town will hold public meetings on the route of the new wall."'
    (f,) = findings(source, derived)
    assert (f.type, f.subtype, f.severity) == ("quote_fabricated", "from_narrative", "high")
    assert f.before == "the town would hold public meetings on the route of the new wall"
    assert "the mayor's mouth" in f.detail


def test_speaker_changed() -> None:
    source = "\u201cNobody has audited this process at all,\u201d said Sen. Douglas Whitcombe."
    derived = '"Nobody has audited this process at all," said Sen. Harriet Okafor.'
    a = alignment(LEAD + source, LEAD + derived)
    (f,) = quote_findings(a)
    assert (f.type, f.subtype, f.severity) == ("quote_fabricated", "speaker_changed", "high")
    assert (f.before, f.after) == ("Sen. Douglas Whitcombe", "Sen. Harriet Okafor")
    assert f.source is not None and a.source.text[f.source[0] : f.source[1]] == f.before
    assert f.derived is not None and a.derived.text[f.derived[0] : f.derived[1]] == f.after
    assert "said by Sen. Douglas Whitcombe in the original, by Sen. Harriet Okafor here" in f.detail


@pytest.mark.parametrize(
    "attribution",
    [
        "Whitcombe said.",  # surname only
        "said Douglas Whitcombe.",  # no title
        "he said.",  # a pronoun never differs
        "the senator said.",  # nor does a description
        "a lawyer for Okafor said.",  # a description that merely mentions a name
    ],
)
def test_same_or_unknown_speaker_is_no_change(attribution: str) -> None:
    source = "\u201cNobody has audited this process at all,\u201d said Sen. Douglas Whitcombe."
    derived = f'"Nobody has audited this process at all," {attribution}'
    assert findings(source, derived) == []


SUBMARINE = (
    '"The rubber insulation between the submarine\'s light and pressure hull is on fire," Tass reported. '
    "Russia's RIA Novosti news agency says insulation caught fire as welding work was being done."
)


def test_quote_given_to_another_news_agency() -> None:
    derived = (
        '"The rubber insulation between the submarine\'s light and pressure hull is on fire," '
        "Russia's RIA Novosti news agency says."
    )
    (f,) = [f for f in findings(SUBMARINE, derived) if f.subtype == "speaker_changed"]
    assert (f.before, f.after) == ("Tass", "Russia's RIA Novosti news agency")
    assert "said by Tass in the original, by Russia's RIA Novosti news agency here" in f.detail


@pytest.mark.parametrize(
    "attribution",
    ["the Tass news agency reported.", "Russia's Tass agency reported.", "the state news agency reported."],
)
def test_same_news_agency_or_an_unnamed_one_is_no_change(attribution: str) -> None:
    derived = f'"The rubber insulation between the submarine\'s light and pressure hull is on fire," {attribution}'
    assert [f for f in findings(SUBMARINE, derived) if f.subtype == "speaker_changed"] == []


def test_new_scare_quote_is_low_and_a_known_term_is_nothing() -> None:
    (f,) = findings("Critics oppose the levy.", 'Critics oppose the so-called "wall tax".')
    assert (f.type, f.subtype, f.severity) == ("quote_fabricated", "scare", "low")
    assert findings("Critics oppose the wall tax.", 'Critics oppose the "wall tax".') == []


# --- the bundled examples ---------------------------------------------------------------------------------


def _expected_quote_distortions() -> list[dict[str, str]]:
    expected = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))
    return [d for d in expected["distortions"] if d["type"].startswith("quote")]


def _check_examples(found: list[Finding], a: Alignment) -> None:
    kinds = [(f.type, f.subtype) for f in found]
    assert kinds == [
        ("quote_fabricated", "invented"),
        ("quote_altered", "extended"),
        ("quote_altered", "words_changed"),
    ]
    assert all(f.severity == "high" for f in found)
    planted = {d["type"]: d for d in _expected_quote_distortions()}
    invented, extended, changed = found
    assert invented.after == planted["quote_fabricated"]["after"]
    assert (extended.before, extended.after) == (
        planted["quote_boundary_moved"]["before"],
        planted["quote_boundary_moved"]["after"],
    )
    assert changed.before is not None and planted["quote_altered"]["before"] in changed.before
    assert changed.after is not None and planted["quote_altered"]["after"] in changed.after
    for f in found:
        assert f.derived is not None and a.derived.text[f.derived[0] : f.derived[1]] == f.after
        if f.source is not None:
            assert a.source.text[f.source[0] : f.source[1]] == f.before


def test_examples_pair_gives_exactly_the_planted_quote_distortions() -> None:
    a = alignment(
        (EXAMPLES / "original.txt").read_text(encoding="utf-8"),
        (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8"),
    )
    _check_examples(quote_findings(a), a)
    dropped = [q.text for q in dropped_quotes(a)]
    assert len(dropped) == 2
    assert dropped[0].startswith("A storm on the scale of 2011") and dropped[1].startswith("We have waited")


@pytest.mark.slow
def test_examples_pair_end_to_end_through_compare() -> None:
    from storytrace import compare

    report = compare(
        (EXAMPLES / "original.txt").read_text(encoding="utf-8"),
        (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8"),
    )
    _check_examples(quote_findings(report.alignment), report.alignment)
