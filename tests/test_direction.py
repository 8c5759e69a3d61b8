"""Direction from the text on LLM-styled rewrites: styling capitals are no details; the original's are."""

from __future__ import annotations

import re

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
    precise = [e for e in evidence if e.startswith("precise details")]
    assert all(re.search(r"suspect 0$", e) for e in precise), evidence


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
    precise = [e for e in verdict.evidence if e.startswith("precise details")]
    assert all(re.search(r"suspect 0$", e) for e in precise), verdict.evidence


def _glued_lead_details(paragraph: str) -> dict[str, float]:
    """The direction details of ``paragraph`` (a line glued to its lead by two spaces), second in a text."""
    doc = analyse(Article(text="The report came out on Friday.\n\n" + paragraph, id="t"))
    return _direction_details(doc, (doc.body[1].index,), _plain_words(doc))


def test_a_headline_glued_to_its_lead_is_still_a_headline() -> None:
    """SheepDog's rewrites (and scraped pages) join the headline to the lead with two spaces, so both are one
    "sentence" whose lead writes lower-case words: the headline's styling capitals are no names."""
    details = _glued_lead_details(
        "Heart-Wrenching News: Hope and Despair Collide in Latest Employment Report  In a world plagued by "
        "despair, the unemployment rate edged down, Secretary Marty Walsh said."
    )
    for styling in ("news", "hope", "despair", "collide", "latest", "employment", "report"):
        assert styling not in details, styling
    assert {"marty", "walsh"} <= set(details)  # the lead's names are names


def test_a_byline_glued_to_its_lead_keeps_its_names() -> None:
    """A byline is title-like too (names and "by", "and"), but capitalises no word the texts write in lower
    case: its names stay names (politifact_train_92's authors were lost, and two rewrites' direction)."""
    details = _glued_lead_details(
        "by Elizabeth Nash, Rachel Benson Gold and Yana Vierboom  Reproductive health was once again the "
        "subject of debate in the states, and the report was read widely."
    )
    assert {"elizabeth", "nash", "rachel", "benson", "yana", "vierboom"} <= set(details), details


# A story whose sentences either pin something down (a name, a figure, a date) or do not; two rewrites of
# it each keep a different part of the sentences with names and figures, and add comment of their own.
HARBOUR = [
    "The Fenwick harbour authority approved a plan on Thursday to dredge the northern channel, its director "
    "Miriam Sandoval said.",
    "The channel has silted up since the storms of last winter, and larger boats have had to wait for high tide.",
    "The work will cost 2.4 million and should start in September.",
    "Fishermen have long complained about the delays.",
    "The contractor Baltic Dredging won the tender against four other bidders.",
    "About 140 boats use the harbour every week, according to the authority's figures.",
    "The last dredging, in 2009, removed 38,000 cubic metres of silt.",
    "The local councillor Owen Pritchard said the harbour had waited too long.",
    "The authority will hold a public meeting on the plan in the town hall.",
]
FILLER = [
    "It is a decision that many in the town have been hoping for.",
    "For everyone who depends on the sea, the wait has felt endless.",
    "Nobody expects the work to be easy.",
    "Still, the mood on the quayside is one of relief.",
    "Whether the plan delivers what it promises remains to be seen.",
]


def _story(sentences: list[str]) -> str:
    return "\n\n".join(sentences)


def test_two_rewrites_keeping_different_details_stay_undecided() -> None:
    from storytrace.audit import direction_of
    from storytrace.settings import Settings

    one = _story([*HARBOUR[:6], FILLER[0], HARBOUR[8], FILLER[3]])
    other = _story([HARBOUR[0], HARBOUR[1], HARBOUR[3], *HARBOUR[5:9], FILLER[1], FILLER[2]])
    for a, b in ((one, other), (other, one)):
        direction, _, evidence = direction_of(compare(a, b).alignment, Settings())
        assert direction == "unclear", evidence


def test_comment_read_from_a_long_original_does_not_make_its_copy_the_original() -> None:
    """compare(copy, original): the original's unmatched sentences are the suspect's "added" ones. Their
    speculation ("could", "might") is the original's own, and it grows with the original's length: it is
    capped as the original's dropped comment is, or the copy is called the original (5 sentences: as_given
    before the cap)."""
    from storytrace.audit import direction_of
    from storytrace.settings import Settings

    speculation = [
        "Traders at the Kelso fish market said prices could rise by 12% before the summer.",
        "The board might revisit its forecast at its meeting in April.",
        "Some analysts say the decision could backfire on exporters such as Northsea Catch.",
        "A weaker currency might also help the tourism trade.",
        "The figures could be revised once the final data are in.",
    ]
    original = _story([HARBOUR[0], HARBOUR[1], *speculation, HARBOUR[3], HARBOUR[8]])
    copy = _story([HARBOUR[0], HARBOUR[1], HARBOUR[3], HARBOUR[8]])
    direction, _, evidence = direction_of(compare(copy, original).alignment, Settings())
    assert direction != "as_given", evidence


def test_a_wrapped_line_of_names_keeps_its_names() -> None:
    # Hard-wrapped prose: a line break is the wrapping, so a line that happens to hold only names (and one word
    # the text writes in lower case elsewhere, "leader") is no headline of its own.
    lines = [
        "The budget vote was delayed on Tuesday, according to",
        "Senate Majority Leader John Thune of South",
        "Dakota, who said the leader of the majority would",
        "not hurry the process in the weeks before the recess.",
        "Lawmakers said the delay could last into next week as",
        "talks go on between the two parties and the White House.",
    ]
    for separator in ("\n", " "):
        doc = analyse(Article(text=separator.join(lines)))
        details = _direction_details(doc, tuple(s.index for s in doc.body), _plain_words(doc))
        assert {"john", "thune", "senate"} <= details.keys()
