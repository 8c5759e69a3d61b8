"""A document compared with several others (a scan compares each with its candidates) is read for its
language once, not once per comparison; the warnings stay what they were."""

from __future__ import annotations

import pytest

import storytrace.text as text_module
from storytrace.article import Article
from storytrace.comparison import compare_documents
from storytrace.text import analyse

ENGLISH = (
    "The city council approved the new budget on Tuesday after a long debate in the chamber.\n\n"
    "Mayor Ana Ruiz said the plan would fund three new libraries and repair the harbour bridge by 2026.\n\n"
    "Opposition members said the spending was too high and that taxes would have to rise next year."
)
REWRITE = (
    "On Tuesday the city council approved its new budget after a long debate.\n\n"
    "Mayor Ana Ruiz said the plan funds three new libraries and repairs the harbour bridge by 2026.\n\n"
    "Members of the opposition said the spending was too high."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen.\n\n"
    "Bürgermeisterin Ana Ruiz sagte, der Plan finanziere drei neue Bibliotheken und die Reparatur der Brücke.\n\n"
    "Die Opposition sagte, die Ausgaben seien zu hoch und die Steuern müssten im nächsten Jahr steigen."
)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text ``looks_english`` reads (the real function still answers)."""
    seen: list[str] = []
    real = text_module.looks_english

    def looks_english(text: str) -> bool:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(text_module, "looks_english", looks_english)
    return seen


def test_a_document_in_several_comparisons_is_read_once(counted: list[str]) -> None:
    source = analyse(Article(text=ENGLISH))
    derived = analyse(Article(text=REWRITE))
    other = analyse(Article(text=GERMAN))
    for partner in (derived, other, derived):
        compare_documents(source, partner, findings=False)
    # three comparisons of the source, one of each partner: three texts read, each once
    assert sorted(counted) == sorted([ENGLISH, REWRITE, GERMAN])


def test_the_language_warning_names_the_same_side_every_time() -> None:
    source = analyse(Article(text=ENGLISH))
    german = analyse(Article(text=GERMAN))
    for _ in range(2):
        report = compare_documents(german, source, findings=False)
        assert len(report.warnings) == 1 and report.warnings[0].startswith("the source text does not look like")
        report = compare_documents(source, german, findings=False)
        assert len(report.warnings) == 1 and report.warnings[0].startswith("the derived text does not look like")
    assert compare_documents(source, analyse(Article(text=REWRITE)), findings=False).warnings == ()
