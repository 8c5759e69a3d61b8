"""recombined.py: a name or figure from elsewhere in the original set into a restated sentence.

The articles are invented for these tests.
"""

from __future__ import annotations

from storytrace import compare

SOURCE = (
    "Spain's 2-0 defeat by Holland on Tuesday brought back bitter memories of their 2014 World Cup, but coach "
    "Vicente del Bosque will not be too worried, insists Gerard Pique. "
    "Holland scored two early goals at the Amsterdam Arena and held on against determined Spain pressure in "
    "the second half. "
    "The defender said the team had used the match to try out several new faces. "
    "Pique has won 89 caps for his country and 12 trophies with Barcelona."
)


def _recombined(derived: str, source: str = SOURCE) -> list:
    return [f for f in compare(source, derived).findings if f.subtype == "recombined"]


def test_name_from_elsewhere_set_into_a_restated_sentence() -> None:
    derived = "Gerard Pique scored two early goals at the Amsterdam Arena and Spain held on in the second half."
    found = _recombined(derived)
    assert len(found) == 1
    f = found[0]
    assert f.type == "entity_changed" and f.severity == "medium"
    assert derived[f.derived[0] : f.derived[1]] == "Pique scored"
    assert "Pique" in f.detail and "scored" in f.detail
    assert SOURCE[f.source[0] : f.source[1]].startswith("Holland scored two early goals")


def test_figure_from_elsewhere_set_into_a_restated_sentence() -> None:
    derived = "Holland scored 89 goals at the Amsterdam Arena and held on against Spain in the second half."
    report = compare(SOURCE, derived)
    assert any(f.type == "number_changed" and f.severity in ("high", "medium") for f in report.findings)


def test_fused_sentences_keep_their_names_in_context() -> None:
    derived = (
        "Holland scored two early goals at the Amsterdam Arena, and Pique, who has won 89 caps, said the team "
        "tried out new faces."
    )
    assert _recombined(derived) == []


def test_faithful_paraphrase_with_words_used_elsewhere_is_quiet() -> None:
    source = (
        "The state will start hiring inspectors next month. "
        "Construction of the seawall is scheduled to begin in the spring of 2025 and could take up to six "
        "years, according to the department."
    )
    derived = "Work on the seawall is due to start in spring 2025 and could last six years, the department said."
    assert _recombined(derived, source) == []


def test_one_sentence_original_is_never_recombined() -> None:
    assert _recombined("Pique said Holland scored twice.", "Holland scored twice, Pique said on Tuesday.") == []


# A profile that names its subject once and then says "she": a rewrite that stands alone names her.
PROFILE = (
    "Maria Lopez grew up in Seville and trained as an engineer in Madrid. "
    "She has designed 14 bridges for the regional government since 2009. "
    "The council of Granada awarded the firm of Tomas Ruiz its largest contract last year."
)


def test_naming_whom_the_pronoun_stands_for_is_no_recombination() -> None:
    # The linked sentence says "She has designed ..."; the sentence before names Maria Lopez.
    derived = "For the regional government, Lopez has designed 14 bridges since 2009."
    assert _recombined(derived, PROFILE) == []


def test_a_name_from_a_sentence_without_a_pronoun_is_still_recombined() -> None:
    # The council sentence names nobody by a pronoun: Lopez set into it is a claim the original never makes.
    derived = "The council of Granada awarded Lopez its largest contract last year."
    found = _recombined(derived, PROFILE)
    assert len(found) == 1 and "Lopez" in found[0].detail
