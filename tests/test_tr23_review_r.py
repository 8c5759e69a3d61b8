"""rev23r on tr23's held-back check and trace options.

1. Two outlets quoting one police statement in full share its words verbatim: the suspect (dated first) is
   "derived" from a later independent report with most of its words in verbatim runs, and was told the report
   copies it. Only runs outside quotation marks now count for the verbatim path; a lead shared word for word
   outside quotes is still named, and the note admits both may take it from a common source.
2. ``shortlist`` above ``top`` compared a source that was not listed, so ``stitched`` and ``unexplained`` did not
   match the list: every qualifying source is listed.
3. An undated suspect (or one dated after a ``--before``) is not told its matches are "later".
4. Weights and shortlist the API cannot honour are refused in one line.
5. ``HELD_BACK_LEXICAL`` and the ``derived`` condition of the verbatim path, each by a test that fails without it.

Real lexical indexes on news texts; compare decides.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import Article
from storytrace.cli import _render_trace
from storytrace.comparison import compare
from storytrace.report.html import trace_to_html
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.trace import HELD_BACK_COVERAGE, HELD_BACK_LEXICAL, HELD_BACK_VERBATIM, _held_back_close

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
UNRELATED = (EXAMPLES / "unrelated.txt").read_text(encoding="utf-8")
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(text: str, n: int) -> str:
    return "\n\n".join([p for p in text.split("\n\n") if p.strip()][:n])


STATEMENT = (
    "Officers were called to the junction of Mill Lane and Station Road at about 10.40pm on Saturday after reports "
    "of a collision involving a grey Ford Transit van and a pedestrian. The pedestrian, a 34-year-old man from "
    "Harwick, was taken to Northgate General Hospital with serious injuries, where he remains in a stable condition. "
    "The driver of the van, a 52-year-old man from Elmsford, was arrested on suspicion of dangerous driving and "
    "driving while over the prescribed limit. He has since been released on bail pending further enquiries. "
    "Anyone who witnessed the collision, or who has dashcam footage from the area, is asked to call 101 quoting "
    "incident 1187 of 9 August."
)
#: a short report that is mostly the police statement, quoted
STATEMENT_BRIEF = (
    "Man seriously hurt after van hits pedestrian in Harwick\n\n"
    "A man was seriously injured when he was hit by a van in Harwick on Saturday night, police said.\n\n"
    "In a statement, Harwick Police said: \u201c" + STATEMENT + "\u201d"
)
#: another outlet's own, longer report, quoting the same statement
STATEMENT_REPORT = (
    "Residents demand safety review after Mill Lane crash leaves man in hospital\n\n"
    "HARWICK \u2014 Residents of Mill Lane have renewed calls for a 20mph limit and a pedestrian crossing after a man "
    "was struck by a van at the notorious junction with Station Road, the third serious crash there in two years.\n\n"
    "Councillor Priya Desai, who represents the ward, said she had written to the county highways department "
    "three times since 2023. \u201cWe have been warning about this junction for years. How many more people have to "
    "be hurt before something is done?\u201d she said on Monday.\n\n"
    "Harwick Police said in a statement: \u201c" + STATEMENT + "\u201d\n\n"
    "Shopkeeper Tom Ellery, whose newsagent faces the junction, said drivers regularly took the bend too fast. "
    "\u201cYou hear the brakes screech most nights. Everybody round here knew it was only a matter of time,\u201d he "
    "said.\n\n"
    "A county council spokesperson said a review of the junction was already planned for the autumn and that "
    "traffic surveys carried out in the spring would inform any changes. The council said it could not comment "
    "further while a police investigation was under way.\n\n"
    "Figures from the Department for Transport show 41 collisions causing injury on roads in Harwick last year, "
    "up from 33 in 2023. Campaigners from the group Safer Streets Harwick plan to present a petition with more "
    "than 1,200 signatures to the council\u2019s transport committee next month, calling for average-speed cameras "
    "on the approach roads and better street lighting along Mill Lane.\n\n"
    "At a packed meeting of the Mill Lane Residents Association on Monday evening, more than 80 people heard "
    "members describe near misses at the junction, including a school bus that mounted the kerb in March. The "
    "association chair, retired engineer Graham Osei, presented a dossier of photographs and a log of 212 incidents "
    "recorded by neighbours since January.\n\n"
    "The county\u2019s cabinet member for highways, Councillor Martin Hale, said the authority had a limited budget "
    "of \u00a34.5 million for road safety schemes this year and had to prioritise sites with the highest casualty "
    "rates. Mill Lane would be assessed alongside 14 other locations, he said, with a decision expected in November."
)

LEAD = (
    "Harwick Council has approved plans for a 240-home development on the former Elmsford brickworks site, "
    "including 72 affordable homes, a primary school and a new link road to the A414."
)
#: a two-sentence brief whose first sentence is the council's announcement, word for word, unquoted
LEAD_BRIEF = (
    "Brickworks homes plan approved\n\n" + LEAD + " Councillors voted 9 to 4 in favour on Tuesday evening after a "
    "three-hour meeting."
)
LEAD_REPORT = (
    "Anger as brickworks housing scheme gets green light despite flood fears\n\n" + LEAD + "\n\n"
    "The decision, taken by nine votes to four at a heated planning committee on Tuesday, came despite more than "
    "600 objections from residents who fear the site, which lies beside the River Lea, will flood.\n\n"
    "Campaigner Sue Marlow of the Save Elmsford Meadows group said the committee had ignored the Environment "
    "Agency's own maps. \u201cThey have been told this land floods and they have approved it anyway. We will be "
    "looking at a judicial review,\u201d she said.\n\n"
    "Developer Castlegate Homes said its scheme included a flood storage basin able to hold 18,000 cubic metres of "
    "water, and that homes would be built on raised ground.\n\n"
    "The brickworks closed in 2009 with the loss of 140 jobs and the site has been derelict since. A previous plan "
    "for a retail park was withdrawn in 2016 after objections from town centre traders.\n\n"
    "The application will now be referred to the secretary of state, who has 21 days to decide whether to call it in."
)


def test_a_report_quoting_the_same_statement_is_not_named_as_a_later_copy(make_index: Any) -> None:
    # The pair the verbatim path named: derived, most words verbatim, under the coverage bar, all inside quotes.
    pair = compare(STATEMENT_REPORT, STATEMENT_BRIEF, settings=LEXICAL)
    assert pair.verdict.relation == "derived" and pair.scores.verbatim >= HELD_BACK_VERBATIM
    assert pair.scores.coverage < HELD_BACK_COVERAGE
    index = make_index(Article(text=STATEMENT_REPORT, id="courier", published="2025-08-11"))
    result = index.trace(Article(text=STATEMENT_BRIEF, id="brief", published="2025-08-10"), settings=LEXICAL, top=3)
    assert result.source is None and result.held_back == 1
    assert result.held_back_matches == ()
    text = _flat(_render_trace(result, to_file=True))
    assert "no source found in the index" in text and "courier" not in text


def test_a_lead_shared_word_for_word_is_named_with_a_common_source_admitted(make_index: Any) -> None:
    """The texts cannot tell a blurb that copies a report's lead from two outlets taking one announcement's words:
    the match is named, and the note says all three readings."""
    index = make_index(Article(text=LEAD_REPORT, id="gazette<b>", published="2025-08-13"))
    result = index.trace(Article(text=LEAD_BRIEF, id="brief", published="2025-08-12"), settings=LEXICAL, top=3)
    assert [m.id for m in result.held_back_matches] == ["gazette<b>"]
    said = (
        "1 later article in the index matches this one: gazette<b> (2025-08-13) (published after 2025-08-12); "
        "either it copies this one, both take it from a common source (a statement, a wire), or a date is wrong "
        "and it is its source"
    )
    text = _flat(_render_trace(result, to_file=True))
    assert "no earlier source found in the index" in text and said in text
    page = _flat(trace_to_html(result))
    assert "gazette&lt;b&gt; (2025-08-13)" in page and "both take it from a common source" in page


def test_the_verbatim_path_needs_a_derived_suspect() -> None:
    """A two-paragraph copy of the wire story is named below the coverage bar only because it is derived."""
    report = compare(ORIGINAL, _paragraphs(ORIGINAL, 2), settings=LEXICAL)
    assert report.scores.coverage < HELD_BACK_COVERAGE and report.scores.verbatim >= HELD_BACK_VERBATIM
    assert report.verdict.relation == "derived" and _held_back_close(report)
    verdict = dataclasses.replace(report.verdict, relation="partially_derived")
    partial = dataclasses.replace(report, audit=dataclasses.replace(report.audit, verdict=verdict))
    assert not _held_back_close(partial)


def test_a_match_far_under_the_lexical_bar_is_ruled_out_without_embeddings(make_index: Any) -> None:
    """A short account of the wire story in other words, sharing all its names and figures: word for word it keeps
    under ``HELD_BACK_LEXICAL`` of the story, so no sentence vectors are made (none stored for the held-back
    article, which a trace does for each it embeds)."""
    suspect_text = (
        "Port Calloway seawall cleared by Senate\n\n"
        "Harriet Okafor got her way on March 14: by 52 to 48, senators backed paying $1.2 billion for a new barrier "
        "in front of Port Calloway. Marrow County people are promised 30% of the building work. "
        "The 1962 structure has dropped up to 16 inches; in 2011 water poured through it into 900 homes."
    )
    assert compare(ORIGINAL, suspect_text, settings=LEXICAL).scores.coverage < HELD_BACK_LEXICAL
    index = make_index(Article(text=ORIGINAL, id="wire", published="2025-08-09"))
    result = index.trace(Article(text=suspect_text, id="s", published="2025-08-01"), settings=DEFAULT_SETTINGS, top=3)
    assert result.source is None and result.held_back == 1 and result.held_back_matches == ()
    stored = index.get("wire")
    assert stored is not None and stored.sentence_vectors is None


def test_an_undated_suspect_under_before_is_not_told_its_matches_are_later(make_index: Any) -> None:
    index = make_index(
        Article(text=(EXAMPLES / "rewrite.txt").read_text(encoding="utf-8"), id="rewrite", published="2025-08-01")
    )
    for published in (None, "2025-08-05"):  # undated, and dated after the match
        suspect = Article(text=ORIGINAL, id="s", published=published)
        result = index.trace(suspect, settings=LEXICAL, top=3, before=date(2025, 7, 15))
        assert [m.id for m in result.held_back_matches] == ["rewrite"]
        text = _flat(_render_trace(result, to_file=True))
        assert "later article" not in text and "no earlier source" not in text
        assert "no source found in the index" in text
        assert "so it was not considered as a source: rewrite (2025-08-01); a later --before would consider it" in text


def test_a_source_compared_past_top_is_listed(make_index: Any) -> None:
    """A suspect stitched from the wire story and another story: with ``shortlist`` 3 and ``top`` 1 both parts are
    compared, so both are listed and the result is stitched, as with ``top`` 3."""
    other = [p for p in UNRELATED.split("\n\n") if p.strip()]
    suspect = Article(text=_paragraphs(ORIGINAL, 4) + "\n\n" + "\n\n".join(other[1:4]), id="s", published="2025-08-09")
    index = make_index(
        Article(text=ORIGINAL, id="wire", published="2025-08-01"),
        Article(text=(EXAMPLES / "independent.txt").read_text(encoding="utf-8"), id="indep", published="2025-08-02"),
    )
    wide = index.trace(suspect, settings=LEXICAL, top=3)
    narrow = index.trace(suspect, settings=LEXICAL, top=1, shortlist=3)
    assert wide.stitched and narrow.stitched
    assert [c.id for c in narrow.candidates] == ["wire", "unrelated"]
    assert narrow.unexplained == wide.unexplained
    assert narrow.to_dict()["stitched"] is True


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"shortlist": 2.5}, "shortlist must be a whole number"),
        ({"shortlist": "3"}, "shortlist must be a whole number"),
        ({"shortlist": True}, "shortlist must be a whole number"),
        ({"weights": {"bm25": "1"}}, "weights must be numbers: bm25"),
        ({"weights": {"bm25": True}}, "weights must be numbers: bm25"),
        ({"weights": {"bm25": None}}, "weights must be numbers: bm25"),
        ({"weights": {"dense": 1.0}}, "weights give only 'dense' a positive weight, but this index is lexical-only"),
    ],
)
def test_api_options_it_cannot_honour_are_refused(make_index: Any, kwargs: dict[str, Any], message: str) -> None:
    index = make_index(Article(text=ORIGINAL, id="wire", published="2025-08-01"))
    with pytest.raises(ValueError, match=message):
        index.trace(Article(text=_paragraphs(ORIGINAL, 3), id="s"), settings=LEXICAL, top=3, **kwargs)


def test_huge_weights_rank_as_their_ratio(make_index: Any) -> None:
    """Two weights of 1e308 summed overflow: scaled by the largest first, they rank as 1 and 1 do."""
    index = make_index(Article(text=ORIGINAL, id="wire", published="2025-08-01"))
    suspect = Article(text=_paragraphs(ORIGINAL, 3), id="s")
    huge = index.trace(suspect, settings=LEXICAL, top=3, weights={"bm25": 1e308, "lexical": 1e308})
    ones = index.trace(suspect, settings=LEXICAL, top=3, weights={"bm25": 1.0, "lexical": 1.0})
    assert huge.source == ones.source == "wire"
    assert [(c.id, c.score) for c in huge.candidates] == [(c.id, c.score) for c in ones.candidates]
