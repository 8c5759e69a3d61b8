"""Session 15: a negated synonym verb, a short quote with its content word changed, a reworded quote, a list
of headlines in quotation marks, and "may be" as comment; with the controls that must stay reported or quiet."""

from __future__ import annotations

import storytrace

PRE = (
    "The city council met on Tuesday to review the results of its new transit programme. "
    "Officials presented figures covering the first six months of the scheme. "
)
POST = (
    " Bus ridership rose by 12 percent over the same period, according to the report. "
    "Council members will vote on extending the programme next month. "
    "The meeting was open to the public and lasted three hours."
)


def _found(orig: str, suspect: str) -> list[tuple[str, str | None, str]]:
    report = storytrace.compare(PRE + orig + POST, PRE + suspect + POST)
    return [(f.type, f.subtype, f.detail) for f in report.findings if f.type != "fact_omitted" and f.severity != "low"]


def _subtypes(orig: str, suspect: str) -> set[tuple[str, str | None]]:
    return {(t, s) for t, s, _ in _found(orig, suspect)}


ORIG_PLAN = "The plan succeeded in cutting traffic downtown, the mayor said."


def test_synonym_flip_after_not() -> None:
    assert ("hedge_changed", "negation_flipped") in _subtypes(
        ORIG_PLAN, "The plan did not work to cut traffic downtown, the mayor said."
    )


def test_synonym_without_not_stays_quiet() -> None:
    assert _subtypes(ORIG_PLAN, "The plan worked to cut traffic downtown, the mayor said.") == set()


def test_not_before_an_opposite_verb_is_no_flip() -> None:
    # "did not fail" says what "succeeded" says
    assert ("hedge_changed", "negation_flipped") not in _subtypes(
        ORIG_PLAN, "The plan did not fail to cut traffic downtown, the mayor said."
    )


def test_short_quote_with_its_content_word_changed_is_altered() -> None:
    found = _found(
        "\u201cWe will build it,\u201d Mayor Denise Okafor said of the new depot.",
        "\u201cWe will scrap it,\u201d Mayor Denise Okafor said of the new depot.",
    )
    assert [(t, s) for t, s, _ in found if t.startswith("quote")] == [("quote_altered", "words_changed")]
    assert any("build" in d and "scrap" in d for _, _, d in found)


def test_quote_reworded_loosely_is_altered_not_invented() -> None:
    found = _subtypes(
        "\u201cWhether or not he was specifically targeted, or whether this was because of the uniform he was "
        "wearing or the place he pulled up to in the morning, we just don\u2019t know that right now,\u201d "
        "Lt. Steve Dorris said.",
        "\u201cWhether Deputy Greenwood was specifically targeted, or if this was an attack on his uniform or the "
        "location he arrived at, we are still grappling with these questions,\u201d Lt. Steve Dorris said.",
    )
    assert ("quote_altered", "words_changed") in found
    assert ("quote_fabricated", "invented") not in found


def test_invented_quote_still_reported() -> None:
    found = _subtypes(
        "Officials said the scheme cost 4 million dollars.",
        "Officials said the scheme cost 4 million dollars. \u201cWe wasted every cent of it,\u201d Okafor said.",
    )
    assert ("quote_fabricated", "invented") in found


def test_headlines_in_quotation_marks_are_no_quotes() -> None:
    found = _subtypes(
        "Officials said the scheme cost 4 million dollars.",
        "Officials said the scheme cost 4 million dollars. \u201cShocking Transit Scandal Exposed! Discover The "
        "Hidden Costs Nobody Told You About!\u201d",
    )
    assert ("quote_fabricated", "invented") not in found


def test_quote_extended_with_narrative_words_still_reported() -> None:
    found = _subtypes(
        "\u201cThe budget left us no choice,\u201d Okafor said after the vote on the depot.",
        "\u201cThe budget left us no choice after the vote on the depot,\u201d Okafor said.",
    )
    assert ("quote_altered", "extended") in found


def test_may_be_is_speculation_in_an_added_sentence() -> None:
    found = _found(
        "Officials said the scheme cost 4 million dollars.",
        "Officials said the scheme cost 4 million dollars. The scheme may be the council's last chance to win "
        "back commuters.",
    )
    assert any(t == "claim_added" and "editorialising" in d for t, _, d in found)


def test_added_move_critics_say_will_backfire_still_reported() -> None:
    found = _found(
        "Officials said the scheme cost 4 million dollars.",
        "Officials said the scheme cost 4 million dollars, a move critics say will backfire.",
    )
    assert any(t == "claim_added" and "editorialising" in d for t, _, d in found)


def test_alleged_to_have_taken_to_took_still_reported() -> None:
    assert ("hedge_changed", "allegation_as_fact") in _subtypes(
        "The treasurer is alleged to have taken 40,000 dollars from the transit fund.",
        "The treasurer took 40,000 dollars from the transit fund.",
    )


def test_named_source_made_anonymous_still_reported() -> None:
    assert ("attribution_changed", "anonymised") in _subtypes(
        "The health ministry said the scheme cut pollution downtown by a fifth.",
        "Officials said the scheme cut pollution downtown by a fifth.",
    )


def test_faithful_paraphrase_stays_quiet() -> None:
    assert (
        _subtypes(
            "The mayor said the scheme may need more money next year.",
            "The mayor stated that the scheme might need more money next year.",
        )
        == set()
    )
