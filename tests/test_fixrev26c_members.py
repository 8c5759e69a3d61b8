"""fixrev26c (rev26c item 6): "MPs" written as the European Parliament's own members ("MPs in the European
Parliament", "European Parliament MPs", the British press's "Euro MPs" for MEPs) is no national parliament put
for the European one; a bare "MPs" for it still is (medium).

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
DEBATE = "Lawmakers in Strasbourg debated the measure for two days. "
EFFECT = " The rules will take effect in 2026. Tech companies said they would study the text."
MEMBERS = "Members of the European Parliament approved the law on Wednesday by 523 votes to 46."


def _organisation(original: str, suspect: str) -> list[str]:
    report = compare(DEBATE + original + EFFECT, DEBATE + suspect + EFFECT, settings=LEXICAL)
    return [f.severity for f in report.findings if f.type == "entity_changed" and f.subtype == "organisation"]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (MEMBERS, "MPs in the European Parliament approved the law on Wednesday by 523 votes to 46."),
        (MEMBERS, "European Parliament MPs approved the law on Wednesday by 523 votes to 46."),
        (
            "MEPs approved the law on Wednesday by 523 votes to 46.",
            "Euro MPs approved the law on Wednesday by 523 votes to 46.",
        ),
        (MEMBERS, "MPs sitting in the European Parliament approved the law on Wednesday by 523 votes to 46."),
    ],
)
def test_the_european_parliaments_mps_are_no_organisation_change(original: str, suspect: str) -> None:
    assert _organisation(original, suspect) == []


@pytest.mark.parametrize(
    "suspect",
    [
        "MPs approved the law on Wednesday by 523 votes to 46.",
        # the European Parliament named too far off to be the MPs' own
        "MPs approved the law on Wednesday by 523 votes to 46, a day after the European Parliament's committee did.",
    ],
)
def test_bare_mps_for_the_european_parliament_is_still_medium(suspect: str) -> None:
    original = "The European Parliament approved the law on Wednesday by 523 votes to 46."
    assert "medium" in _organisation(original, suspect)
