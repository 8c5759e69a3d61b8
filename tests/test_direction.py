"""Direction from the text on LLM-styled rewrites: styling capitals are no details; the original's are."""

from __future__ import annotations

from storytrace.article import Article
from storytrace.audit import _direction_details, _plain_words
from storytrace.comparison import compare
from storytrace.text import analyse

ORIGINAL = (
    "The Harlow County water board voted 5-2 on Tuesday to raise residential rates by 8.5% from July 1, "
    "board chair Denise Okafor said.\n\n"
    "The increase will pay for a $41 million upgrade of the Millbrook treatment plant, which was built in "
    "1978 and failed two state inspections last year.\n\n"
    "A typical household will pay about $6 more a month, according to the board's estimates.\n\n"
    "Okafor said the board had delayed the vote twice to hear from residents. The upgrade is expected to "
    "take three years."
)

# The same story restyled the way SheepDog's "sensational" rewrites are: shouted and title-cased words,
# exclamations, capitalised styling words; fewer figures, vaguer wording.
STYLED = (
    "SHOCKING: Outrageous Water Bill Hike Will Hit Every Family In Harlow County!\n\n"
    "In a Stunning move, the water board voted on Tuesday to raise rates by 8.5%, chair Denise Okafor "
    "said. Brace yourselves! Families will pay more every month, officials said.\n\n"
    "The money will go to an upgrade of the ageing Millbrook treatment plant, which failed inspections "
    "recently. Outrageous? Many residents think so.\n\n"
    "Okafor said the board had delayed the vote to hear from residents. The Upgrade could take years."
)


def test_styling_capitals_are_not_details() -> None:
    doc = analyse(Article(text=STYLED, id="s"))
    plain = _plain_words(doc) | _plain_words(analyse(Article(text=ORIGINAL, id="o")))
    details = _direction_details(doc, tuple(s.index for s in doc.body), plain)
    # ("Stunning", capitalised mid-sentence and never written in lower case, still passes for a name)
    for styling in ("shocking", "outrageous", "brace", "upgrade", "families", "water", "bill"):
        assert styling not in details, styling
    assert {"okafor", "millbrook", "8.5", "tuesday"} <= set(details)
    assert details["8.5"] == 1.0 and details["okafor"] == 0.5


def test_a_styled_rewrite_is_not_judged_the_original() -> None:
    forward = compare(ORIGINAL, STYLED).verdict
    assert forward.relation in ("derived", "partially_derived")
    assert forward.direction == "as_given", forward.evidence
    backward = compare(STYLED, ORIGINAL).verdict
    assert backward.direction != "as_given", backward.evidence


def test_a_same_day_low_confidence_reversed_does_not_disqualify() -> None:
    from storytrace.trace import _REVERSED_SURE, _qualifies

    class V:
        relation, direction, direction_confidence = "derived", "reversed", _REVERSED_SURE - 0.05

    class R:
        verdict = V()

    day = Article(text="x", id="c", published="2024-03-14")
    same = Article(text="y", id="s", published="2024-03-14")
    undated = Article(text="y", id="s")
    assert _qualifies(R(), day, same)  # type: ignore[arg-type]
    assert not _qualifies(R(), day, undated)  # type: ignore[arg-type]
    V.direction_confidence = _REVERSED_SURE + 0.05
    assert not _qualifies(R(), day, same)  # type: ignore[arg-type]


# A faithful rewrite that merges sentences: each merged sentence is linked to one original sentence but
# carries the figures of the next one too. Those figures are in the original (elsewhere), so they are no
# sign that the rewrite is the more precise text, i.e. the original.
MERGING_ORIGINAL = (
    "The Ostry Valley railway will close for repairs on Monday, the operator Kestrel Rail said.\n\n"
    "Buses will replace trains between Ostry and Penhallow while the line is shut.\n\n"
    "The work will cost 14.2 million and take 9 weeks, according to the operator.\n\n"
    "About 3,400 passengers use the line on a typical weekday.\n\n"
    "Engineers found 27 damaged bridges during an inspection in March.\n\n"
    "The line last closed for repairs in 2016, for 5 weeks."
)
MERGING_REWRITE = (
    "Kestrel Rail is shutting the Ostry Valley line from Monday for repairs costing 14.2 million over 9 "
    "weeks, with buses running between Ostry and Penhallow for its 3,400 weekday passengers.\n\n"
    "An inspection in March had found 27 damaged bridges; the line was last closed in 2016, for 5 weeks."
)


def test_details_merged_from_other_sentences_are_not_the_suspects_own() -> None:
    from storytrace.audit import direction_of
    from storytrace.settings import Settings

    report = compare(MERGING_ORIGINAL, MERGING_REWRITE)
    direction, _, evidence = direction_of(report.alignment, Settings())
    assert direction != "reversed", evidence
    # Every figure and name of the rewrite is somewhere in the original: none counts as the suspect's own.
    said = " ".join(evidence)
    assert "the suspect 0 that the original has nowhere" in said or "precise detail" not in said, said


def test_a_name_after_a_title_is_a_name() -> None:
    """A title's full stop is no sentence break: "Drs. Hale" and "Sen. Rosa Imber" name people. A word after
    a break inside the sentence (a dash, a bracket, a full stop) still is no name."""
    text = (
        "Extractions at the clinic are done by Drs. Hale and Moreno, and Sen. Rosa Imber visited it on Monday "
        "with Mr. Tobin - Nobody expected that (Really)."
    )
    doc = analyse(Article(text=text, id="t"))
    details = _direction_details(doc, tuple(s.index for s in doc.body), _plain_words(doc))
    assert {"hale", "moreno", "rosa", "imber", "tobin"} <= set(details)
    assert "nobody" not in details and "really" not in details


def test_a_sentence_full_of_names_is_no_headline() -> None:
    """A headline capitalises every word but the function words; a sentence that is mostly names still
    writes its other words in lower case, and its names count (a transcript's "Congressman Lamar Smith
    heads the Media Fairness Caucus" lost all four, so its rewrite's "Lamar Smith" looked invented)."""
    text = (
        "Congressman Lamar Smith heads the Media Fairness Caucus.\n\n"
        "Shocking Revelations Unveil the Dark Truths of the Caucus!"
    )
    doc = analyse(Article(text=text, id="t"))
    details = _direction_details(doc, (doc.body[0].index,), _plain_words(doc))
    assert {"lamar", "smith", "media", "fairness", "caucus"} <= set(details)
    headline = _direction_details(doc, (doc.body[1].index,), _plain_words(doc))
    assert not headline


def test_a_possessive_is_the_same_name_for_the_direction() -> None:
    """ "Okafor's plan" restates "Okafor said": the possessive is no name the rewrite invented."""
    original = (
        "The Harlow County water board voted on Tuesday to raise rates, chair Denise Okafor said.\n\n"
        "Okafor said the board had delayed the vote twice to hear from residents."
    )
    rewrite = (
        "The Harlow County water board voted on Tuesday to raise rates, chair Denise Okafor said.\n\n"
        "The vote was delayed twice by Okafor's board to hear from residents."
    )
    verdict = compare(original, rewrite).verdict
    said = " ".join(verdict.evidence)
    assert "the suspect 0 that the original has nowhere" in said or "precise detail" not in said, said
