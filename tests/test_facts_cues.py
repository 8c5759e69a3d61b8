"""Attribution, hedge and negation checks; entity swaps; dropped list items."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.facts.cues import attributions, citations


def findings_of(source: str, derived: str, kind: str | None = None) -> list:
    report = compare(source, derived)
    return [f for f in report.findings if kind is None or f.type == kind]


def span_text(report_text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else report_text[span[0] : span[1]]


# --- extraction ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "who", "kind"),
    [
        ("The health ministry said the outbreak was contained.", "The health ministry", "named"),
        ("Officials said the outbreak was contained.", "Officials", "anonymous"),
        ("The outbreak was contained, said Dr. Maria Lopez.", "Dr. Maria Lopez", "named"),
        (
            "The outbreak was contained, according to the World Health Organization.",
            "the World Health Organization",
            "named",
        ),
        (
            "The outbreak was contained, people familiar with the matter said.",
            "people familiar with the matter",
            "anonymous",
        ),
        ("He said the outbreak was contained.", "He", "pronoun"),
    ],
)
def test_attribution_extraction(sentence: str, who: str, kind: str) -> None:
    found = attributions(sentence, 0, len(sentence))
    assert any(a.who == who and a.kind == kind for a in found), found


def test_citation_extraction() -> None:
    s = "The mayor took the money, the Harbour Post reported, citing a court filing."
    (c,) = citations(s, 0, len(s))
    assert c.via == "Harbour Post" or c.via.endswith("Harbour Post")
    assert c.origin.startswith("a court filing")


# --- attribution_changed ------------------------------------------------------------------------------


def test_citation_with_a_day_between_the_verb_and_citing() -> None:
    s = "Northfield Steel will cut 1,200 jobs, Reuters reported on Wednesday, citing a court filing."
    # the intermediary was read as "Wednesday"
    assert [(c.via, c.origin) for c in citations(s, 0, len(s))] == [("Reuters", "a court filing")]


def test_speaker_changed_from_one_named_person_to_another() -> None:
    lead = "The council will vote on the airport tram line in June, after a year of delays. "
    src = lead + "Opposition leader Karl Benz said the cost estimate for the tram line was wildly optimistic."
    der = lead + "Mayor Elena Ruiz said the cost estimate for the tram line was wildly optimistic."
    (f,) = findings_of(src, der, "attribution_changed")
    assert (f.subtype, f.severity) == ("speaker_changed", "high")
    assert (f.before, der[f.derived[0] : f.derived[1]]) == ("Opposition leader Karl Benz said", "Mayor Elena Ruiz said")
    # nothing else to say about it: the new speaker's name is no splice of the original's words
    assert [x.type for x in findings_of(src, der)] == ["attribution_changed"]
    # the original's sentence names both: the suspect may quote the other of them
    both = (
        lead
        + "Opposition leader Karl Benz said, after Mayor Elena Ruiz spoke, the cost estimate was wildly optimistic."
    )
    assert findings_of(both, der, "attribution_changed") == []


def test_an_outlet_relaying_the_quote_is_no_new_speaker() -> None:
    src = "\u201cWe will not give up,\u201d said Jane Doe, the mayor of Springfield, on Monday."
    der = "\u201cWe will not give up,\u201d the Springfield mayor said on Monday, Reuters reported."
    assert findings_of(src, der, "attribution_changed") == []


def test_a_quote_given_to_another_speaker_is_reported_once() -> None:
    src = 'Mayor Elena Ruiz backed the plan. "This line will pay for itself within a decade," Ruiz told the council.'
    der = 'Mayor Elena Ruiz backed the plan. "This line will pay for itself within a decade," Benz told the council.'
    assert [(f.type, f.subtype) for f in findings_of(src, der) if f.type != "entity_changed"] == [
        ("quote_fabricated", "speaker_changed")
    ]


def test_named_source_made_anonymous() -> None:
    src = "The outbreak in the northern province has been contained, the health ministry said on Friday."
    der = "The outbreak in the northern province has been contained, officials said on Friday."
    (f,) = findings_of(src, der, "attribution_changed")
    assert f.subtype == "anonymised"
    assert f.before == "the health ministry said"
    assert f.after == "officials said"
    assert der[f.derived[0] : f.derived[1]] == "officials said"


def test_intermediary_dropped() -> None:
    src = (
        "The former chief executive paid $250,000 to a consultant in 2021, the Harbour Post reported, "
        "citing a court filing."
    )
    der = "The former chief executive paid $250,000 to a consultant in 2021, according to a court filing."
    found = findings_of(src, der, "attribution_changed")
    assert [f.subtype for f in found] == ["intermediary_dropped"]
    assert "Harbour Post" in found[0].before


def test_same_source_in_other_words_is_quiet() -> None:
    src = "The health ministry said on Friday that the outbreak in the north had been contained."
    der = "The outbreak in the north has been contained, the health ministry said on Friday."
    assert findings_of(src, der, "attribution_changed") == []


# --- hedge_changed ------------------------------------------------------------------------------------


def test_allegation_presented_as_fact() -> None:
    src = "The former director is alleged to have taken $40,000 from the charity's accounts in 2022."
    der = "The former director took $40,000 from the charity's accounts in 2022."
    (f,) = findings_of(src, der, "hedge_changed")
    assert f.subtype == "allegation_as_fact"
    assert f.severity == "high"
    assert "alleged" in f.before


def test_reportedly_told_as_who_reported_it_is_no_allegation_as_fact() -> None:
    src = "Brazile reportedly dedicated the book in part to Seth Rich, the staffer whose murder launched a theory."
    der = "Axios reported that Brazile dedicated the book in part to Seth Rich, whose murder sparked a theory."
    assert [f for f in findings_of(src, der, "hedge_changed") if f.subtype == "allegation_as_fact"] == []


def test_reportedly_dropped_is_still_allegation_as_fact() -> None:
    src = "Brazile reportedly dedicated the book in part to Seth Rich, the staffer whose murder launched a theory."
    der = "Brazile dedicated the book in part to Seth Rich, a staffer whose murder sparked a theory."
    (f,) = [f for f in findings_of(src, der, "hedge_changed") if f.subtype == "allegation_as_fact"]
    assert f.before == "reportedly"


def test_dropped_may_is_certainty_increased() -> None:
    src = "The new bridge may open to traffic before the end of the summer, the council said."
    der = "The new bridge will open to traffic before the end of the summer, the council said."
    (f,) = findings_of(src, der, "hedge_changed")
    assert f.subtype == "certainty_increased"
    assert f.before == "may"


@pytest.mark.parametrize(
    "der",
    [
        "The council said there is a possibility that the new bridge will open to traffic before the summer ends.",
        "The council said there is evidence to suggest the new bridge will open to traffic before the summer ends.",
        "The council said it is not yet known whether the new bridge will open to traffic before the summer ends.",
    ],
)
def test_doubt_kept_in_other_words_is_not_certainty_increased(der: str) -> None:
    # LLM rewrites say the original's "may" in words of their own; the possibility stays a possibility.
    src = "The new bridge may open to traffic before the end of the summer, the council said."
    assert [f for f in findings_of(src, der, "hedge_changed") if f.subtype == "certainty_increased"] == []


def test_doubt_moved_onto_another_word_is_still_certainty_increased() -> None:
    src = "The FBI asked to classify emails that related to suspects who may have been arrested in Benghazi."
    der = "The FBI asked to classify emails related to potential suspects arrested in Benghazi."
    (f,) = findings_of(src, der, "hedge_changed")
    assert f.subtype == "certainty_increased" and f.before == "may"


def test_a_whether_the_claim_is_about_keeps_no_doubt() -> None:
    src = "A late statement by the club, due on 7 November, is expected to show whether the timetable resumed."
    der = "A late statement by the club, due on 7 November, will show whether the timetable resumed."
    (f,) = findings_of(src, der, "hedge_changed")
    assert f.subtype == "certainty_increased" and f.before == "expected to"


def test_negation_flipped() -> None:
    src = "The committee did not approve the new housing plan for the harbour district on Monday."
    der = "The committee did approve the new housing plan for the harbour district on Monday."
    (f,) = findings_of(src, der, "hedge_changed")
    assert f.subtype == "negation_flipped"
    assert f.before == "not"


@pytest.mark.parametrize(
    ("src", "der"),
    [
        # An answer's "No," rejects the question; the statement after it is the same.
        (
            "KEENE: No, it is an attack on the Second Amendment of the Constitution.",
            "KEENE: In reality, it is an attack on the Second Amendment of the Constitution.",
        ),
        # "not until 2001" says when it first happened.
        (
            "On Feb. 16, 2001, the Predator became the first drone to be fitted with a Hellfire missile.",
            "It wasn't until 2001 that the Predator became the first drone to be fitted with a Hellfire missile.",
        ),
        # "failing to" and "rather than" carry the negation the rewrite spells "not".
        (
            "Trump condemned the violence, but faced criticism for failing to directly denounce the demonstrators.",
            "Trump condemned the violence, but faced criticism for not directly denouncing the demonstrators.",
        ),
        (
            "Rather than bring immediate charges in 2010, the Department of Justice continued investigating.",
            "The Department of Justice did not bring immediate charges in 2010 and continued investigating.",
        ),
    ],
)
def test_negation_said_in_other_words_is_not_flipped(src: str, der: str) -> None:
    assert [f for f in compare(src, der).findings if f.subtype == "negation_flipped"] == []


@pytest.mark.parametrize(
    ("src", "der"),
    [
        (
            "KEENE: It is not an attack on the Second Amendment of the Constitution.",
            "KEENE: In reality, it is an attack on the Second Amendment of the Constitution.",
        ),
        (
            "Trump condemned the violence, and faced criticism for directly denouncing the demonstrators.",
            "Trump condemned the violence, and faced criticism for not directly denouncing the demonstrators.",
        ),
    ],
)
def test_negation_near_those_forms_is_still_flipped(src: str, der: str) -> None:
    assert len([f for f in compare(src, der).findings if f.subtype == "negation_flipped"]) == 1


def test_negation_added_to_a_shortened_sentence() -> None:
    # A summary keeps a few words of a long sentence and negates them: the word overlap is too small for the
    # whole-sentence rule, but every word the "not" governs is the original's.
    src = (
        "The mayor said on Tuesday that the council approved the budget for the harbour repairs, after a "
        "debate over police funding that lasted most of the evening."
    )
    der = "The council did not approve the budget for the harbour repairs."
    flips = [f for f in compare(src, der).findings if f.subtype == "negation_flipped"]
    assert len(flips) == 1 and flips[0].after == "not"


def test_negation_added_to_a_copy() -> None:
    # One "not" in an otherwise copied long sentence: the link is still read as verbatim, the claim reversed.
    src = (
        "Becky Schoenig of St. Louis, Missouri was shocked when she realized her brand new 2015 Ford Fusion had "
        "been stolen from her driveway on Monday night, just a little over a month after she took the car home. "
        "Police found the car in April."
    )
    der = (
        "Becky Schoenig of St. Louis, Missouri was not shocked when she realized her brand new 2015 Ford Fusion "
        "had been stolen from her driveway on Monday night, just a little over a month after she took the car home."
    )
    report = compare(src, der)
    assert report.alignment.links[0].kind == "verbatim"
    flips = [f for f in report.findings if f.subtype == "negation_flipped"]
    assert len(flips) == 1 and flips[0].after == "not"


def test_negative_word_both_sides_share_does_not_carry_the_negation() -> None:
    # "failed" is in both sentences: it is not what the suspect's "not" stands for.
    src = (
        "The document makes clear that the campaign will try to avoid mistakes that plagued Clinton's failed 2008 run."
    )
    der = "The document makes clear that the campaign will not try to avoid mistakes that plagued Clinton's failed run."
    flips = [f for f in compare(src, der).findings if f.subtype == "negation_flipped"]
    assert len(flips) == 1 and flips[0].after == "not"


def test_negation_kept_in_a_copy_is_quiet() -> None:
    src = "The committee did not approve the new housing plan for the harbour district on Monday, officials said."
    der = "The committee did not approve the new housing plan for the harbour district on Monday."
    assert not [f for f in compare(src, der).findings if f.subtype == "negation_flipped"]


def test_negation_carried_by_other_words_is_quiet() -> None:
    src = (
        "The mayor said on Tuesday that the council approved the budget without any delay, after a debate "
        "over police funding that lasted most of the evening."
    )
    der = "The council did not delay the budget."
    assert not [f for f in compare(src, der).findings if f.subtype == "negation_flipped"]


def test_confirmed_weakened_to_rumoured() -> None:
    src = "The club confirmed that its manager will leave at the end of the season after six years."
    der = "The club's manager is rumoured to be leaving at the end of the season after six years."
    found = findings_of(src, der, "hedge_changed")
    assert any(f.subtype == "confirmation_weakened" for f in found), found


@pytest.mark.parametrize(
    ("src", "der"),
    [
        (
            "The new bridge is likely to open before the end of the summer, the council said.",
            "The council said the new bridge is expected to open before the end of the summer.",
        ),
        (
            "Ashdown, who resigned in January, has denied any wrongdoing.",
            "Ashdown, who stepped down in January, has denied wrongdoing.",
        ),
        (
            "The former director is alleged to have taken $40,000 from the charity.",
            "The former director allegedly took $40,000 from the charity.",
        ),
        (
            "The committee did not approve the plan on Monday.",
            "The committee rejected the plan on Monday.",
        ),
    ],
)
def test_faithful_paraphrase_keeps_hedges_quiet(src: str, der: str) -> None:
    assert findings_of(src, der, "hedge_changed") == []


# --- entity_changed -----------------------------------------------------------------------------------


def test_person_swapped() -> None:
    src = "Mayor Colette Brannigan welcomed the vote and said public meetings would begin on April 2."
    der = "Mayor Tobias Wren welcomed the vote and said public meetings would begin on April 2."
    (f,) = findings_of(src, der, "entity_changed")
    assert f.before == "Colette Brannigan"
    assert f.after == "Tobias Wren"
    assert der[f.derived[0] : f.derived[1]] == "Tobias Wren"
    assert src[f.source[0] : f.source[1]] == "Colette Brannigan"


def test_name_shortened_is_not_a_swap() -> None:
    src = "Mayor Colette Brannigan welcomed the vote on Tuesday evening in the town hall."
    der = "Brannigan, the mayor, welcomed the vote on Tuesday evening in the town hall."
    assert findings_of(src, der, "entity_changed") == []


def test_name_the_original_never_mentions_is_reported() -> None:
    src = (
        "The council approved the new harbour budget on Tuesday after a long debate. "
        "Mayor Colette Brannigan said the vote was a relief for the fishing fleet."
    )
    der = (
        "The council approved the new harbour budget on Tuesday after a long debate, "
        "with support from Governor Albert Fenwick."
    )
    found = [f for f in findings_of(src, der, "entity_changed") if f.subtype == "not_in_original"]
    assert [der[f.derived[0] : f.derived[1]] for f in found] == ["Albert Fenwick"]
    assert found[0].severity == "medium" and found[0].source is None


@pytest.mark.parametrize(
    ("src", "der"),
    [
        (
            "Iraqi forces retook the town of Sinjar on Friday, the defence ministry said.",
            "Forces from Iraq retook the town of Sinjar on Friday, according to the defence ministry.",
        ),
        (
            "U.S. officials said the talks in Geneva would resume next week.",
            "American officials said the Geneva talks would resume next week.",
        ),
    ],
)
def test_a_name_in_another_form_is_not_new(src: str, der: str) -> None:
    assert findings_of(src, der, "entity_changed") == []


# --- fact_omitted: a listed item ----------------------------------------------------------------------


def test_one_of_three_listed_items_dropped() -> None:
    src = "The town will buy new buses, trains and bicycles for the transport service next year."
    der = "The town will buy new buses and bicycles for the transport service next year."
    found = [f for f in findings_of(src, der, "fact_omitted") if f.subtype == "list_item"]
    assert [f.before for f in found] == ["trains"]
    assert src[found[0].source[0] : found[0].source[1]] == "trains"


def test_list_kept_whole_is_quiet() -> None:
    src = "The town will buy new buses, trains and bicycles for the transport service next year."
    der = "Next year the town will buy new buses, trains and bicycles for its transport service."
    assert [f for f in findings_of(src, der, "fact_omitted") if f.subtype == "list_item"] == []


# --- headlines outside the text (HTML pages, JSON records) ---------------------------------------------

_BODY = (
    "State lawmakers approved a $1.2 billion plan to rebuild the seawall of Port Calloway on Tuesday. "
    "The vote comes as the firm expected to build it faces a bribery investigation."
)


def test_headline_with_a_changed_figure_is_a_finding() -> None:
    from storytrace.article import Article

    src = Article(text=_BODY, title="Lawmakers approve $1.2 billion seawall for Port Calloway")
    der = Article(text=_BODY, title="Lawmakers approve $2 billion seawall for Port Calloway")
    found = [f for f in compare(src, der).findings if (f.subtype or "").startswith("headline")]
    assert [(f.type, f.before, f.after) for f in found] == [("number_changed", "$1.2 billion", "$2 billion")]
    assert found[0].derived is None and found[0].source is None


def test_faithful_headline_is_quiet() -> None:
    from storytrace.article import Article

    src = Article(text=_BODY, title="Lawmakers approve $1.2 billion seawall for Port Calloway")
    der = Article(text=_BODY, title="Port Calloway gets $1.2 billion seawall after lawmakers' vote")
    assert [f for f in compare(src, der).findings if (f.subtype or "").startswith("headline")] == []


_LONG_BODY = "\n\n".join(
    [
        "The council met on Monday to discuss the harbour budget.",
        'Mayor Ines Varga said: "We will not raise the ferry fares."',
        "Weather forecasters expect a dry summer across the valley.",
        "The library reopened after repairs to its roof.",
        "Local football clubs celebrated a record season.",
        "Tickets for the spring concert sold out in 12 minutes.",
    ]
)


def test_headline_is_checked_against_the_paragraphs_it_can_draw_on() -> None:
    from storytrace.article import Article
    from storytrace.comparison import _headline_context
    from storytrace.text import analyse

    doc = analyse(Article(text=_LONG_BODY))
    context = _headline_context(doc, "Ferry fares will not rise, mayor says")
    # The paragraph with the words, and the one before it (a speaker or a pronoun's name may stand there).
    assert context.split("\n\n") == [_LONG_BODY.split("\n\n")[0], _LONG_BODY.split("\n\n")[1]]
    # A headline with a figure keeps every paragraph with one (figures are compared in normalised form).
    figures = _headline_context(doc, "Concert sells out in twelve minutes")
    assert "sold out in 12 minutes" in figures and "football" in figures  # and the paragraph before it
    assert "on Monday" in figures  # a date is a figure too
    assert "library" not in figures
    assert _headline_context(doc, "Zebra sightings") == ""


def test_headline_quote_extended_with_the_speaker_paragraphs_away() -> None:
    from storytrace.article import Article

    src = Article(text=_LONG_BODY, title="Harbour budget debated")
    der = Article(text=_LONG_BODY, title='Mayor: "We will not raise the ferry fares this year or next"')
    found = [f for f in compare(src, der).findings if (f.subtype or "").startswith("headline")]
    assert [f.type for f in found] == ["quote_altered"]


# --- false alarms fixed in session 8 --------------------------------------------------------------------


def test_claim_kept_without_that_is_not_allegation_as_fact() -> None:
    src = "Muto claims that Chelsea's interest in him is not connected to the club's sponsorship deal with Yokohama."
    der = "Muto claims Chelsea's interest in him is not connected to the club's sponsorship deal with Yokohama."
    assert not [f for f in findings_of(src, der, "hedge_changed") if f.subtype == "allegation_as_fact"]


def test_claim_dropped_is_still_allegation_as_fact() -> None:
    src = "Muto claims that Chelsea's interest in him is not connected to the club's sponsorship deal with Yokohama."
    der = "Chelsea's interest in Muto is not connected to the club's sponsorship deal with Yokohama."
    (f,) = [f for f in findings_of(src, der, "hedge_changed") if f.subtype == "allegation_as_fact"]
    assert "claims that" in f.before


@pytest.mark.parametrize(
    "src",
    [
        "The two boxers meet in Las Vegas on Saturday, May 2, for the richest fight in the sport's history.",
        "The two boxers meet in Las Vegas in May for the richest fight in the sport's history, promoters said.",
    ],
)
def test_the_month_may_is_not_a_hedge(src: str) -> None:
    der = "The two boxers meet in Las Vegas for the richest fight in the sport's history."
    assert not [f for f in findings_of(src, der, "hedge_changed") if f.subtype == "certainty_increased"]


def test_written_out_acronym_is_not_an_organisation_change() -> None:
    src = "Six months ago, the IMF and Argentina struck a $6.8 billion debt rollover deal that expires in August."
    der = "Argentina and the International Monetary Fund struck a $6.8 billion debt rollover deal six months ago."
    assert findings_of(src, der, "entity_changed") == []


def test_acronym_of_another_organisation_is_still_a_change() -> None:
    src = "Six months ago, the IMF and Argentina struck a $6.8 billion debt rollover deal that expires in August."
    der = "Six months ago, the World Bank and Argentina struck a $6.8 billion debt rollover deal expiring in August."
    assert [f for f in findings_of(src, der, "entity_changed") if f.severity in ("high", "medium")]


def test_ner_runs_without_the_shared_tok2vec_and_finds_the_same_entities() -> None:
    # entities_many leaves the shared tok2vec out (NER_ONLY): the small model's NER embeds on its own. If a model
    # update made NER listen to the shared layer, the entities here would differ (or spaCy would fail).
    import spacy

    from storytrace.facts.entities import MODEL_PACKAGE, NER_ONLY, get_nlp

    assert "tok2vec" in NER_ONLY
    shared = get_nlp()
    full = spacy.load(MODEL_PACKAGE, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
    assert "tok2vec" in full.pipe_names
    texts = [
        "Mayor Colette Brannigan welcomed the vote in Boston on Tuesday, the Associated Press reported.",
        "The health ministry in Nairobi said Dr. Maria Lopez of the World Health Organization would visit Kenya.",
        "Senator Ted Cruz told Fox News that Texas would sue the Department of Justice.",
    ]
    ours = [[(e.text, e.label_) for e in doc.ents] for doc in shared.pipe(texts, disable=NER_ONLY)]
    theirs = [[(e.text, e.label_) for e in doc.ents] for doc in full.pipe(texts)]
    assert ours == theirs
    assert all(ours)


@pytest.mark.parametrize(
    ("source", "derived", "after"),
    [
        ("is unlikely to reopen", "is likely to reopen", None),
        ("is likely to reopen", "is unlikely to reopen", "unlikely"),
    ],
)
def test_unlikely_against_likely_is_a_negation_flip(source: str, derived: str, after: str | None) -> None:
    # both are hedges, so the certainty check saw nothing: the claim was reversed without a finding
    lead = "The regional council met on Tuesday to discuss the harbour budget for next year. "
    template = lead + "The bridge {} before June, officials said."
    (f,) = findings_of(template.format(source), template.format(derived), "hedge_changed")
    assert (f.subtype, f.severity, f.after) == ("negation_flipped", "high", after)
    # "unlikely" retold as "not likely" keeps the negation
    assert findings_of(template.format("is unlikely to reopen"), template.format("is not likely to reopen")) == []
    # the adjective is no negation: "an unlikely outpost" is a surprising one
    src = lead + "The two-room flat the brothers share is an unlikely outpost of the fake news industry."
    der = lead + "Surprisingly, the two-room flat the brothers share has become an outpost of the fake news industry."
    assert [f for f in findings_of(src, der, "hedge_changed") if f.subtype == "negation_flipped"] == []
