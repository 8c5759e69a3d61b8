"""Findings misses of the session 24 rights-team QA pass (helper fixqaf24), each next to the faithful case of
its family that must stay quiet:

- a date changed inside a sentence reworded in the place of the original's ("A strike could begin as early as
  September 9 ..." -> "Classrooms could be shut from September 19 ..."): a high added sentence and a high
  dropped one (since rev24e; no longer date_changed); the same rewording with the date kept reports no date;
- a death toll changed in a headline in other words ("kills five", "Leaves Five Dead" for "Three workers
  killed"): number_changed, high; the same toll in other words stays quiet;
- a death toll changed in the body ("Five workers lost their lives" for "Three workers were killed"): high,
  though the original gives "five" of something else ("more than five hours").

The texts are written for these tests (they follow the rights team's strike and factory fire stories)."""

from __future__ import annotations

import pytest

from storytrace import Article, compare

STRIKE = (
    "Teachers in Dunmore have voted to strike over pay, their union said on Thursday.\n\n"
    "A strike could begin as early as September 9 if no deal is reached.\n\n"
    "The two sides will meet with a state mediator next week."
)


def _strike(middle: str) -> str:
    return (
        "Teachers in Dunmore have voted to strike over pay, their union said on Thursday.\n\n"
        + middle
        + "\n\nThe two sides will meet with a state mediator next week."
    )


def _findings(source: str | Article, derived: str | Article) -> list[dict]:
    return compare(source, derived).to_dict()["findings"]


def test_date_changed_in_a_reworded_sentence_in_its_place() -> None:
    # The in-place link that read this as date_changed was reverted (rev24e): it also linked different claims
    # written where a dropped sentence stood. The change is told as a high added sentence with its own date
    # and the high dropped sentence with the original's.
    found = _findings(STRIKE, _strike("Classrooms could be shut from September 19 if talks fail."))
    assert any(f["type"] == "claim_added" and f["severity"] == "high" and "19" in f["detail"] for f in found), found
    dropped = [f for f in found if f["type"] == "fact_omitted" and f["severity"] == "high"]
    assert any("September 9" in (f["source"] or {}).get("text", "") for f in dropped), found


def test_date_kept_in_a_reworded_sentence_reports_no_date() -> None:
    found = _findings(STRIKE, _strike("Classrooms could be shut from September 9 if talks fail."))
    assert not any(f["type"] == "date_changed" for f in found), found


def test_added_speculation_in_place_of_a_dropped_sentence_is_still_editorialising() -> None:
    # the suspect's own comment word ("shocking"), which the original's sentence in that place lacks
    found = _findings(STRIKE, _strike("In a shocking move, classrooms could be shut from September 9 if talks fail."))
    assert any("editorialising" in f["detail"] for f in found if f["type"] == "claim_added"), found


FIRE = (
    "Three workers were killed and 14 others injured when fire swept through a plastics factory in Millbrook "
    "early on Saturday, officials said.\n\n"
    "The blaze broke out at about 4:30 a.m. in the moulding hall of the Harlow Plastics plant on Quarry Road.\n\n"
    "About 60 firefighters from four departments fought the blaze for more than five hours.\n\n"
    "Harlow Plastics, which employs about 220 people at the site, declined to comment."
)
FIRE_TITLE = "Three workers killed in Millbrook factory fire"


@pytest.mark.parametrize(
    "title", ["Millbrook factory fire kills five", "Deadly Inferno at Millbrook Plastics Plant Leaves Five Dead"]
)
def test_headline_death_toll_changed_in_other_words(title: str) -> None:
    found = _findings(Article(text=FIRE, title=FIRE_TITLE), Article(text=FIRE, title=title))
    tolls = [f for f in found if f["type"] == "number_changed" and (f["subtype"] or "").startswith("headline")]
    assert tolls and tolls[0]["severity"] == "high", found


@pytest.mark.parametrize(
    "title",
    [
        "Millbrook factory fire kills three",
        "Deadly Inferno at Millbrook Plastics Plant Leaves Three Dead",
        "Fire at Millbrook factory kills at least three",
    ],
)
def test_headline_death_toll_kept_in_other_words_stays_quiet(title: str) -> None:
    found = _findings(Article(text=FIRE, title=FIRE_TITLE), Article(text=FIRE, title=title))
    assert not [f for f in found if f["type"] == "number_changed"], found


def test_body_death_toll_changed_is_high_despite_the_same_figure_elsewhere() -> None:
    derived = FIRE.replace(
        "Three workers were killed and 14 others injured", "Five workers lost their lives and 14 more were hurt"
    )
    found = _findings(FIRE, derived)
    tolls = [f for f in found if f["type"] == "number_changed" and f["before"] == "Three"]
    assert tolls and tolls[0]["severity"] == "high", found
