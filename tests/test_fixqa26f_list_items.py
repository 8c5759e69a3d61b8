"""A listed item runs on past a comma that groups thousands ("€250,000"), and an item the suspect tells in
the sentence next to its version of the list is split off, not dropped; an item told nowhere is still
dropped (qa26 P8)."""

from __future__ import annotations

from storytrace import compare

SOURCE = """Pieter Vandermolen, 58, appeared before the district court on 11 March and was released on bail of \
€250,000 pending trial. He has denied all wrongdoing.

The trial is scheduled to begin on 22 September.

The pension fund covers roughly 4,100 retired employees."""
DERIVED = """Pieter Vandermolen, who is 58, went before the district court on 11 March. He was freed on €250,000 \
bail until his trial and denies any wrongdoing.

His trial is due to open on 22 September.

Around 4,100 retired employees are covered by the pension fund."""


def _list_items(source: str, derived: str) -> list[tuple[str, str | None]]:
    return [(f.severity, f.before) for f in compare(source, derived).findings if f.subtype == "list_item"]


def test_item_told_in_the_next_sentence_is_not_dropped() -> None:
    assert _list_items(SOURCE, DERIVED) == []


def test_item_told_nowhere_is_dropped_whole_past_its_thousands_comma() -> None:
    # A list of three deeds (fq27a: "Pieter Vandermolen, 58, appeared ... and was released ..." is none, its age an
    # apposition, so the deeds are two clauses, not listed items).
    source = SOURCE.replace(
        "appeared before the district court on 11 March and",
        "appeared before the district court on 11 March, surrendered his passport and",
    )
    derived = DERIVED.replace(
        "went before the district court on 11 March.",
        "went before the district court on 11 March and handed over his passport.",
    ).replace("He was freed on €250,000 bail until his trial and denies", "He denies")
    assert _list_items(source, derived) == [("medium", "was released on bail of €250,000 pending trial")]
