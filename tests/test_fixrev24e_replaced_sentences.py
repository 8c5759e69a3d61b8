"""Review rev24e of the fixqaf24 merge (session 24, helper fixrev24e):

- a different claim written where the original's dropped sentence stood is told as an added sentence and a
  dropped one, not read as restating it (the "in place" link is gone): the dropped strike date stays reported,
  no date_changed or speaker_changed the suspect never made, and the same without embeddings;
- a word like "improved" carries no "did not prove": a reversed trial result is a negation flip, while
  "unvaccinated" still carries "had not been vaccinated";
- a sentence linked only by where it stands (a merge of two left-out neighbours) does not count towards the
  "whole article restyled" rule.

The texts are written for these tests (they follow the reviewer's strike and budget stories)."""

from __future__ import annotations

from dataclasses import replace

from storytrace import Article, compare
from storytrace.align import Alignment, Link
from storytrace.audit import _restyled
from storytrace.settings import DEFAULT_SETTINGS, Settings
from storytrace.text import analyse

STRIKE = [
    "Teachers in Dunmore have voted to strike over pay, their union said on Thursday.",
    "A strike could begin as early as September 9 if no deal is reached.",
    "The two sides will meet with a state mediator next week.",
]
BUDGET = [
    "The Harwick city council voted 7-2 on Tuesday to approve a $48 million budget for the coming year.",
    "The budget includes a 3% pay rise for the city's 600 municipal workers.",
    "Mayor Linda Park said the plan would not raise property taxes.",
    "Councillor Dev Anand, who voted against, said the budget underfunds road repairs.",
    "The new budget takes effect on July 1.",
]


def _story(paras: list[str], k: int | None = None, new: str = "") -> str:
    p = list(paras)
    if k is not None:
        p[k] = new
    return "\n\n".join(p)


def _findings(source: str, derived: str, settings: Settings = DEFAULT_SETTINGS) -> list[dict]:
    return compare(source, derived, settings=settings).to_dict()["findings"]


def _dropped(found: list[dict], words: str) -> list[dict]:
    return [f for f in found if f["type"] == "fact_omitted" and words in (f["source"] or {}).get("text", "")]


def test_other_claim_in_a_dropped_sentences_place_keeps_the_omission() -> None:
    found = _findings(_story(STRIKE), _story(STRIKE, 1, "The union last went on strike in 2019, for eight days."))
    assert any(f["severity"] == "high" for f in _dropped(found, "September 9")), found
    assert any(f["type"] == "claim_added" and f["severity"] == "high" for f in found), found


def test_other_date_in_a_dropped_sentences_place_is_no_date_change() -> None:
    found = _findings(
        _story(STRIKE), _story(STRIKE, 1, "Schools will tell parents about any strike closures by September 2.")
    )
    assert not any(f["type"] == "date_changed" for f in found), found
    assert _dropped(found, "September 9"), found


def test_other_officials_statement_in_place_is_no_speaker_change() -> None:
    found = _findings(
        _story(BUDGET), _story(BUDGET, 2, "Council leader Amy Cho said the plan would not require any layoffs.")
    )
    assert not any(f["type"] == "attribution_changed" for f in found), found
    assert _dropped(found, "would not raise property taxes"), found


def test_contradicting_claim_in_place_stays_high() -> None:
    found = _findings(
        _story(BUDGET),
        _story(BUDGET, 2, "The mayor has already raised property taxes twice since taking office in 2021."),
    )
    assert any(f["type"] == "claim_added" and f["severity"] == "high" for f in found), found
    assert _dropped(found, "would not raise property taxes"), found


def test_invented_allegation_in_place_is_reported_without_embeddings() -> None:
    invented = "Mayor Linda Park is under investigation over her use of city funds, officials said."
    found = _findings(_story(BUDGET), _story(BUDGET, 2, invented), Settings(use_embeddings=False))
    added = [f for f in found if f["type"] == "claim_added" and f["severity"] in ("high", "medium")]
    assert any("investigation" in (f["derived"] or {}).get("text", "") for f in added), found
    assert _dropped(found, "would not raise property taxes"), found


LEAD = "Health officials in Carver County released new figures on Monday."
TAIL = "The county will publish its next update in two weeks."


def test_improved_is_no_denial_of_prove() -> None:
    found = _findings(
        f"{LEAD} The new drug did not prove effective in the trial, researchers said. {TAIL}",
        f"{LEAD} The new drug improved outcomes in the trial, researchers said. {TAIL}",
    )
    assert any(f["subtype"] == "negation_flipped" and f["severity"] == "high" for f in found), found


def test_unvaccinated_still_carries_not_vaccinated() -> None:
    found = _findings(
        f"{LEAD} Most of the cases are in children under 10 who had not been vaccinated, the department said. {TAIL}",
        f"{LEAD} Most of the cases are in unvaccinated children under 10, the department said. {TAIL}",
    )
    assert not any(f["subtype"] == "negation_flipped" for f in found), found


def _restated(n: int, placed: int) -> Alignment:
    """``n`` suspect sentences, each a paraphrase link of one original sentence, the last ``placed`` of them
    linked by where they stand."""
    sentences = [f"Sentence number {k} tells the council's story in other words." for k in range(n)]
    source, derived = (analyse(Article(text=" ".join(sentences))) for _ in range(2))
    assert [s.index for s in derived.body] == list(range(n))
    links = tuple(Link((k,), (k,), "paraphrase", 0.8) for k in range(n))
    return Alignment(source, derived, links, (), 0.8, True, True, placed=tuple(range(n - placed, n)))


def test_merge_links_by_place_do_not_count_towards_restyled() -> None:
    n = DEFAULT_SETTINGS.restyled_min_links
    assert _restyled(_restated(n, 0), DEFAULT_SETTINGS)
    assert not _restyled(_restated(n, 1), DEFAULT_SETTINGS)
    # the same links all matched on their own merits count as before
    assert _restyled(replace(_restated(n, 1), placed=()), DEFAULT_SETTINGS)
