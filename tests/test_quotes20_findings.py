"""Quote findings that read wrong to an editor (user QA, session 20): a short quote half reworded in place is
altered, not invented; a quote given to another speaker is one finding, not also an added clause; the speaker
of "a move the mayor called “reckless”" is the mayor; a detail names the speaker without the full stop."""

from __future__ import annotations

from storytrace import compare
from storytrace.facts.quotes import extract_quotes
from storytrace.finding import Finding

LEAD = "The city council approved the new budget on Tuesday after a long debate.\n"
TAIL = "\nThe budget takes effect in July.\n"


def _findings(source: str, derived: str) -> list[Finding]:
    return list(compare(LEAD + source + TAIL, LEAD + derived + TAIL).findings)


def _quote_findings(source: str, derived: str) -> list[tuple[str, str | None, str]]:
    return [(f.type, f.subtype, f.severity) for f in _findings(source, derived) if f.type.startswith("quote")]


SAID_CUTS = 'Mayor John Smith said the cuts were "painful but unavoidable" given the deficit.'


def test_a_short_quote_half_reworded_in_place_is_altered_not_invented() -> None:
    found = [
        f
        for f in _findings(SAID_CUTS, SAID_CUTS.replace("but unavoidable", "and unnecessary"))
        if f.type.startswith("quote")
    ]
    assert [(f.type, f.subtype, f.severity) for f in found] == [("quote_altered", "words_changed", "high")]
    assert found[0].detail == (
        "quote altered: Smith's \u201cpainful but unavoidable\u201d became \u201cpainful and unnecessary\u201d"
    )
    assert found[0].before == '"painful but unavoidable"'


def test_a_short_quote_half_reworded_with_the_speaker_after_it_is_altered() -> None:
    assert _quote_findings(
        '"Painful but unavoidable," Mayor John Smith said of the cuts.',
        '"Painful and unnecessary," Mayor John Smith said of the cuts.',
    ) == [("quote_altered", "words_changed", "high")]


def test_a_short_quote_in_place_but_given_to_another_speaker_is_not_paired() -> None:
    # another speaker at the same place: nobody was quoted saying these words
    found = _quote_findings(
        SAID_CUTS, 'Council member Sarah Cole said the cuts were "painful and unnecessary" given the deficit.'
    )
    assert ("quote_fabricated", "invented", "high") in found
    assert not any(t == "quote_altered" for t, _s, _v in found)


def test_a_short_quote_with_no_content_word_kept_stays_invented() -> None:
    found = _quote_findings(SAID_CUTS, 'Mayor John Smith said the cuts were "cruel and needless" given the deficit.')
    assert found == [("quote_fabricated", "invented", "high")]


def test_a_short_quote_elsewhere_in_its_sentence_is_not_paired_by_place() -> None:
    # the words around the marks differ: the place says nothing
    found = _quote_findings(
        SAID_CUTS, 'The deficit made "painful and unnecessary" cuts certain, Mayor John Smith said.'
    )
    assert not any(t == "quote_altered" for t, _s, _v in found)


REQUOTE_SOURCE = '"We have made the hard choices this city needed," said council member Sarah Cole.'
REQUOTE = '"We have made the hard choices this city needed," said Mayor John Smith.'


def test_a_quote_given_to_another_speaker_is_one_finding_not_also_an_added_clause() -> None:
    found = _findings(REQUOTE_SOURCE, REQUOTE)
    assert [(f.type, f.subtype) for f in found] == [("quote_fabricated", "speaker_changed")]
    assert found[0].detail == (
        "quote given to a different speaker: \u201cWe have made the hard choices this city needed\u201d is said by "
        "Sarah Cole in the original, by Mayor John Smith here"
    )


def test_a_clause_with_words_of_its_own_beside_a_requoted_speaker_stays() -> None:
    found = _findings(
        REQUOTE_SOURCE,
        '"We have made the hard choices this city needed," said Mayor John Smith, who faces a recall vote next spring.',
    )
    assert ("quote_fabricated", "speaker_changed") in [(f.type, f.subtype) for f in found]
    assert any(f.type == "claim_added" for f in found)


def test_the_speaker_of_a_thing_someone_called_something_is_that_someone() -> None:
    quotes = extract_quotes('The council closed the library, a move the mayor called "reckless", on Tuesday.')
    assert [(q.text, q.speaker) for q in quotes] == [("reckless", "the mayor")]
    quotes = extract_quotes('It was a decision his lawyer called "a disgrace to the court".')
    assert [(q.text, q.speaker) for q in quotes] == [("a disgrace to the court", "his lawyer")]
    # a second noun phrase after a preposition is still part of the speaker
    quotes = extract_quotes('"We are ready," said the head of the agency.')
    assert [q.speaker for q in quotes] == ["the head of the agency"]


def test_a_speaker_at_the_end_of_a_sentence_has_no_full_stop() -> None:
    text = '"This is a sad day for our readers," said Sarah Cole.'
    (q,) = extract_quotes(text)
    assert q.speaker == "Sarah Cole"
    assert q.speaker_span is not None and text[q.speaker_span[0] : q.speaker_span[1]] == "Sarah Cole"
    # the dot of an abbreviation that ends a name stays
    (q,) = extract_quotes('"It is over," said Martin Luther King Jr.')
    assert q.speaker == "Martin Luther King Jr."
    (q,) = extract_quotes('"We won," said Sen. Cole.')
    assert q.speaker == "Sen. Cole"


def test_a_trimmed_quote_detail_names_the_speaker_without_the_full_stop() -> None:
    found = [
        f
        for f in _findings(
            '"This is a sad day for our readers and our children," said council member Sarah Cole.',
            '"This is a sad day for our readers," said Sarah Cole.',
        )
        if f.type.startswith("quote")
    ]
    assert [f.detail for f in found] == [
        "quote trimmed: the suspect quotes only part of Cole's words, leaving out \u201cand our children\u201d"
    ]


def test_an_invented_quote_appended_to_a_kept_sentence_is_not_also_an_added_clause() -> None:
    found = _findings(
        "Mayor John Smith defended the plan at a news conference on Wednesday.",
        "Mayor John Smith defended the plan at a news conference on Wednesday, "
        '"because this city cannot afford another year of waste," Smith said.',
    )
    assert [(f.type, f.subtype) for f in found] == [("quote_fabricated", "invented")]


def test_an_invented_quote_sentence_is_still_listed_as_an_added_sentence() -> None:
    # the added claims list every sentence the original lacks (examples/expected.json): that stays
    found = _findings(
        "Mayor John Smith defended the plan.",
        'Mayor John Smith defended the plan. "We will never let this city fall into ruin again!" Smith exclaimed.',
    )
    assert ("quote_fabricated", "invented") in [(f.type, f.subtype) for f in found]
    assert ("claim_added", "sentence") in [(f.type, f.subtype) for f in found]


def test_an_adverb_between_speaker_and_verb_leaves_the_speaker() -> None:
    text = '"This flagrant violation cannot go unanswered," Trump passionately stated.'
    (q,) = extract_quotes(text)
    assert q.speaker == "Trump"
    assert q.attribution_span is not None
    assert text[q.attribution_span[0] : q.attribution_span[1]] == "Trump passionately stated"
    # a noun in -ly is the speaker's, not an adverb
    assert [q.speaker for q in extract_quotes('"We are heartbroken," the family said.')] == ["the family"]


def test_a_quote_ending_in_its_own_question_mark_has_its_speaker_in_the_next_sentence() -> None:
    (q,) = extract_quotes('"Why not?" Smith asked. The board left without a vote.')
    assert (q.speaker, q.attribution) == ("Smith", "direct")
    (q,) = extract_quotes('"We will never let this city fall!" Smith passionately exclaimed.')
    assert q.speaker == "Smith"
    # the next sentence says more than who spoke: no speaker from it
    (q,) = extract_quotes('"Why not?" Smith said the board asked.')
    assert q.speaker is None
    # nor from the next paragraph
    (q,) = extract_quotes('"Why not?"\n\nSmith asked the board on Friday.')
    assert q.speaker is None
