"""A group named by its side is no named source: "Opponents said" -> "Critics said" anonymises nobody."""

from __future__ import annotations

from storytrace import compare
from storytrace.settings import DEFAULT_SETTINGS

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)

TEXT = (
    "The city council approved the new harbour seawall on Tuesday by seven votes to two.\n"
    "{} said the $40 million project would burden taxpayers for decades.\n"
    "Construction is due to begin in June and last three years.\n"
    "The mayor said the wall would protect 2,000 homes from flooding.\n"
    "A public meeting on the route is planned for next month.\n"
)


def _attribution(original: str, suspect: str) -> list[str | None]:
    report = compare(TEXT.format(original), TEXT.format(suspect), settings=LEXICAL)
    return [f.subtype for f in report.findings if f.type == "attribution_changed"]


def test_one_group_for_another_is_quiet() -> None:
    assert _attribution("Opponents", "Critics") == []
    assert _attribution("Protesters", "Opponents") == []


def test_a_named_source_made_a_group_is_still_anonymised() -> None:
    assert _attribution("The health ministry", "Officials") == ["anonymised"]
    assert _attribution("Councillor Jane Holt", "Opponents") == ["anonymised"]
