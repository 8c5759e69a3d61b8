"""Second review (rev21q2) of the qafa21 narrowing: a complementary partitive stays quiet, a headline that drops
the body's negation is no restatement, clause merges stay cheap on long sentences, and a possessive right after a
figure keeps its noun."""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
import pytest

from storytrace import compare
from storytrace.embed import get_embedder
from storytrace.facts.numbers import _noun_after
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

REACHED = (
    "Rescue teams had reached all but two of the 37 villages cut off by the floods by Thursday evening, the "
    "ministry said."
)
OUT_OF_REACH = (
    "Two of the 37 villages cut off by the floods were still out of reach on Thursday evening, the ministry said."
)


def _flags(source: str, derived: str, settings: Settings | None = None) -> list[tuple[str, str]]:
    report = compare(source, derived) if settings is None else compare(source, derived, settings=settings)
    return [(f.type, f.detail) for f in report.findings if f.severity in ("high", "medium")]


@pytest.mark.parametrize(("source", "derived"), [(REACHED, OUT_OF_REACH), (OUT_OF_REACH, REACHED)])
def test_all_but_two_told_from_the_other_end_stays_quiet(source: str, derived: str) -> None:
    assert not [d for t, d in _flags(source, derived) if t == "number_changed"]


def test_all_but_two_against_a_count_fitting_neither_reading_is_changed() -> None:
    derived = OUT_OF_REACH.replace("Two of the 37", "Four of the 37")
    changed = [d for t, d in _flags(REACHED, derived) if t == "number_changed"]
    assert changed and "all but two" in changed[0]


PEOPLES = (
    "The storm destroyed 40 people's homes in Alvarenga on Thursday, officials said. Rescue teams worked through "
    "the night."
)


@pytest.mark.parametrize("figure", ["400", "four"])
def test_a_possessive_right_after_a_figure_is_what_it_counts(figure: str) -> None:
    report = compare(PEOPLES, PEOPLES.replace("40 people's", f"{figure} people's"))
    changed = [f for f in report.findings if f.type == "number_changed"]
    assert changed and changed[0].severity == "high" and "people's" in changed[0].detail


def test_a_possessive_after_of_the_still_owns_what_is_counted() -> None:
    text = "300 of the village's 600 residents"
    assert _noun_after(text, 3, len(text)) == ()
    text = "40 people's homes"
    assert _noun_after(text, 2, len(text))[0].startswith("people")


# --- merged clauses: the parts of a long sentence are not all embedded -------------------------------------


def test_reading_a_long_comma_sentence_for_merged_clauses_is_cheap() -> None:
    # rev21q2 item 3: one 12 KB comma sentence had 2,505 parts embedded and took 87 s of CPU (main: 3 s, 22)
    embedder = get_embedder()
    embedded: list[int] = []

    def embed(texts: Sequence[str]) -> np.ndarray:
        embedded.append(len(texts))
        return embedder.embed(texts)

    source = "The ministry said rescue teams reached the flooded villages on Thursday. " + " ".join(
        f"The ministry said officials were reviewing claim{k} about levee{k} and dam{k}." for k in range(20)
    )
    derived = (
        "According to the ministry, rescuers got through to the flooded villages on Thursday"
        + "".join(f", officials reviewing claim{k} about levee{k} and dam{k}" for k in range(20))
        + "".join(f", town{k}" for k in range(1200))
        + "."
    )
    start = time.process_time()
    compare(source, derived, embed=embed)
    assert sum(embedded) <= 100, embedded
    assert time.process_time() - start < 30.0


def test_a_clause_merged_at_the_end_of_a_sentence_with_many_breaks_still_joins_its_link() -> None:
    towns = "Peso, Lamego, Tua, Pinhao, Regua, Mesao, Covelinhas, Ferradosa, Barca"
    reviewing = "The ministry said it was reviewing the claims."
    source = (
        f"Environmental groups have alleged that illegal building on the river banks at {towns} made the flooding "
        f"worse. {reviewing} Schools will stay closed until Monday."
    )
    derived = (
        f"Environmental groups allege that unlawful construction on the riverbanks at {towns} worsened the floods, "
        "and the ministry said it was looking into the claims. Schools will stay closed until Monday."
    )
    report = compare(source, derived)
    assert not [f for f in report.findings if f.type == "fact_omitted" and f.before == reviewing]
    merged = [link for link in report.alignment.links if len(link.source) == 2]
    assert any(reviewing in [report.alignment.source.sentence_text(j) for j in link.source] for link in merged)
