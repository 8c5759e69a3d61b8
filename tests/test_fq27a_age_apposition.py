"""qa26 P7: an age after a name ("Pieter Vandermolen, 58, appeared ... and was released ...") is an apposition,
not an item of a list: a summary that leaves out the age and the court date drops no listed item. A list of
things ("cash, 12 rifles and a car") is still one."""

from __future__ import annotations

from storytrace import compare
from storytrace.audit import _lists


def test_an_age_after_a_name_is_no_list_item() -> None:
    text = (
        "Pieter Vandermolen, 58, appeared before the district court on 11 March and was released on bail of "
        "€250,000 pending trial."
    )
    assert _lists(text, 0, len(text)) == []
    listed = "Police seized cash, 12 rifles and a car."
    assert [[listed[a:b] for a, b in items] for items in _lists(listed, 0, len(listed))] == [
        ["Police seized cash", "12 rifles", "a car"]
    ]


def test_the_age_and_the_appearance_are_not_dropped_items_of_a_shortened_sentence() -> None:
    original = (
        "Pieter Vandermolen, 58, appeared before the district court on 11 March and was released on bail of "
        "€250,000 pending trial.\n\nThe trial is scheduled to begin on 22 September.\n\nThe pension fund covers "
        "roughly 4,100 retired employees."
    )
    suspect = (
        "Vandermolen was released on €250,000 bail pending trial.\n\nThe trial is scheduled to begin on 22 "
        "September.\n\nThe pension fund covers roughly 4,100 retired employees."
    )
    assert not [f for f in compare(original, suspect).findings if f.subtype == "list_item"]
