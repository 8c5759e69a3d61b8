"""An added sentence's new details are shown as the text writes them, in its order (qa24b P14b): the reader
looks for "Oskar Lind" and "2,000" in the suspect, not for the stems "lind, oskar" and "2000".

The texts are written for these tests."""

from __future__ import annotations

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

ORIGINAL = (
    "Lecturers at the university walked out on Tuesday in a dispute over pay. "
    "The union says salaries have fallen behind inflation for a decade. "
    "The university said it had made a fair offer and urged staff to return to talks."
)


def _new_details(added: str) -> list[str]:
    report = compare(ORIGINAL, ORIGINAL + " " + added, settings=LEXICAL)
    return [f.detail for f in report.findings if f.type == "claim_added" and "details the original lacks" in f.detail]


def test_names_and_figures_are_shown_as_written_in_text_order() -> None:
    (detail,) = _new_details("Organisers put turnout at 2,000, said chemistry lecturer Oskar Lind on the picket line.")
    assert detail.endswith("(2,000, Oskar Lind)"), detail


def test_a_name_written_in_two_places_is_shown_once() -> None:
    (detail,) = _new_details("Priya Sandhu backed the strike, and Priya Sandhu spoke at the rally in 2025.")
    assert detail.endswith("(Priya Sandhu, 2025)"), detail
