"""A score or a tally ("5-4", "2-1") is one figure even where no vote word stands near it."""

from __future__ import annotations

from storytrace import Settings, compare
from storytrace.facts.numbers import extract_quantities

LEXICAL = Settings(use_embeddings=False)


def test_a_bare_score_is_a_tally() -> None:
    text = "The court affirmed the constitutionality of the program, ruling 5-4 that vouchers are permissible."
    assert [(q.text, q.kind, q.value, q.high) for q in extract_quantities(text)] == [("5-4", "tally", 5.0, 4.0)]
    assert [(q.kind, q.high) for q in extract_quantities("They held a 12-8 lead.")] == [("tally", 8.0)]
    # a range and a name stay what they were
    assert [(q.kind, q.high) for q in extract_quantities("He said 10-15 people came.")] == [("count", 15.0)]
    assert [q.kind for q in extract_quantities("Then Room 12-3 is closed.")] == ["identifier"]


def test_the_same_tally_told_with_other_words_is_not_a_new_figure() -> None:
    # APTY 361: the paraphrase kept "ruling 5-4" but dropped "upheld", and its "5" was reported as new
    original = (
        "Last year the court upheld Cleveland's school voucher program, ruling 5-4 that vouchers are "
        "constitutional if they provide parents a choice of religious and secular schools."
    )
    suspect = (
        "Last year, the court affirmed the constitutionality of Cleveland's school voucher program, ruling 5-4 "
        "that vouchers are permissible if they offer parents the option to choose between religious and "
        "secular schools."
    )
    report = compare(original, suspect, settings=LEXICAL)
    assert [f for f in report.findings if f.type == "number_changed"] == []
