"""Review rev21q of the qa21 false-alarm fixes: each rule kept is narrow enough that the real change next to it
is still found (a wrong figure, a contradicting headline, a reversed claim, a dropped list item)."""

from __future__ import annotations

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)


def _flags(source: str, derived: str, settings: Settings | None = None) -> list[tuple[str, str]]:
    report = compare(source, derived) if settings is None else compare(source, derived, settings=settings)
    return [(f.type, f.detail) for f in report.findings if f.severity in ("high", "medium")]


# --- partitive figures: the count a part leaves matches only a part of the same whole ---------------------

HOMES = (
    "The storm killed 12 people on Thursday. Half of the 600 residents of Alvarenga were evacuated to a school in "
    "the next town. Officials said 40 homes in the village were destroyed and many more were damaged."
)


def test_a_changed_figure_equal_to_the_count_half_leaves_is_still_changed() -> None:
    derived = (
        "Twelve people died in the storm on Thursday. Half of Alvarenga's 600 residents were moved to a school in a "
        "nearby town. According to officials, 300 homes in the village were destroyed and many others damaged."
    )
    changed = [d for t, d in _flags(HOMES, derived) if t == "number_changed"]
    assert changed and "40 homes" in changed[0] and "300 homes" in changed[0]


def test_a_changed_figure_equal_to_the_count_all_but_leaves_is_still_changed() -> None:
    source = "Rescue teams reached all but two of the 37 villages on Thursday. The army said 14 of its helicopters were flying."
    derived = "By Thursday rescuers had got to 35 of the 37 villages. According to the army, 35 of its helicopters were in the air."
    changed = [d for t, d in _flags(source, derived) if t == "number_changed"]
    assert len(changed) == 1 and "14" in changed[0] and "35" in changed[0]


def test_the_literal_figure_of_all_but_two_is_no_count_of_the_whole() -> None:
    source = "Rescue teams reached all but two of the 37 villages on Thursday. Schools will stay closed."
    derived = "Rescue teams reached two of the 37 villages on Thursday. Schools will stay closed."
    changed = [d for t, d in _flags(source, derived, LEXICAL) if t == "number_changed"]
    assert changed and "all but two" in changed[0]


def test_the_percent_of_half_is_no_count_of_the_whole() -> None:
    source = "The storm killed 12 people. Half of the 600 residents were evacuated."
    derived = "The storm killed 12 people. 50 of the 600 residents were evacuated."
    assert [d for t, d in _flags(source, derived, LEXICAL) if t == "number_changed"]
