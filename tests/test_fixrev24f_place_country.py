"""A nationality dropped while the rewrite says where a place lies (review rev24f, item 5): "Two Danish tourists
... near Malmo" -> "Two tourists ... near Malmo in southern Sweden" and "A French cyclist ... near Geneva" ->
"A cyclist ... near Geneva, Switzerland" put no country for the people word: the added country locates a place
the original names, so no entity_changed. "Parliament will vote" -> "MPs will vote" is one body. A people word
put for another ("Swedish tourists", "a German cyclist"), a people word told as where they are from
("tourists from Sweden"), a place's country changed ("Malmo, Denmark" -> "Malmo, Sweden") or the original's
own country of a place ("the Danish city of Malmo") still are high.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import Article, compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
TOURISTS = "Two Danish tourists were hurt when their hire car hit a tree near Malmo on Tuesday, police said."
CYCLIST = "A French cyclist was killed when he was hit by a lorry near Geneva on Sunday, police said."


def _entity_changes(source: str, derived: str) -> list[str]:
    report = compare(Article(text=source), Article(text=derived))
    return [f.severity for f in report.findings if f.type == "entity_changed"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            TOURISTS,
            "Two tourists were hurt when their hire car hit a tree near Malmo in southern Sweden on Tuesday, "
            "police said.",
        ),
        (CYCLIST, "A cyclist was killed when he was hit by a lorry near Geneva, Switzerland, on Sunday, police said."),
    ],
)
def test_country_that_locates_a_kept_place_is_no_swap(source: str, derived: str) -> None:
    assert _entity_changes(source, derived) == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (TOURISTS, TOURISTS.replace("Danish", "Swedish")),
        (TOURISTS, TOURISTS.replace("Two Danish tourists", "Two tourists from Sweden")),
        (
            TOURISTS.replace("Two Danish", "Two").replace("Malmo", "Malmo, Denmark,"),
            TOURISTS.replace("Two Danish", "Two").replace("Malmo", "Malmo, Sweden,"),
        ),
        (
            TOURISTS.replace("Two Danish", "Two").replace("Malmo", "the Danish city of Malmo"),
            TOURISTS.replace("Two Danish", "Two").replace("Malmo", "Malmo in southern Sweden"),
        ),
        (
            CYCLIST,
            "A German cyclist was killed when he was hit by a lorry near Geneva, Switzerland, on Sunday, police said.",
        ),
    ],
)
def test_a_country_put_for_another_is_still_high(source: str, derived: str) -> None:
    assert "high" in _entity_changes(source, derived)


def test_members_of_parliament_are_parliament() -> None:
    source = (
        "Prime Minister Theresa May called a snap election for June 8 on Tuesday. Parliament will vote on Wednesday."
    )
    derived = (
        "British Prime Minister Theresa May on Tuesday called a snap election for June 8. MPs will vote on Wednesday."
    )
    report = compare(source, derived, settings=LEXICAL)
    assert not [f for f in report.findings if f.type == "entity_changed"]
    other = compare(source, derived.replace("MPs", "The Senate"), settings=LEXICAL)
    assert [f for f in other.findings if f.type == "entity_changed" and f.severity == "high"]
