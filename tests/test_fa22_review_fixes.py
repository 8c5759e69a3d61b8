"""Review of fa22 (rev22f): rules that made real changes quiet, narrowed, each with the review's repro and the
false alarm the rule was written for:

- a verb's own "not" is no flip only for a verdict ("pleaded not guilty"), never "voted not to back";
- "all but two" told from the other end only when the count heads the negated clause's subject;
- a seat of office speaks for its holder only when the speaker's words give the seat's country and office;
- a part's count told as a bare count within a share of that count, not of the whole;
- a country body's acronym known only from the linked sentence; "the world No 10" is a rank, not Downing Street.
- "no larger sum has ever been awarded" retells "the largest ever awarded" (QA22 R5), no flip.

The texts are the reviewer's repros (/tmp/rev22f), written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)


def _found(source: str, derived: str) -> list[tuple[str, str | None, str]]:
    report = compare(source, derived, settings=LEXICAL)
    return [(f.type, f.subtype or "", f.severity) for f in report.findings]


def _council(lead: str) -> str:
    return (
        f"Council vote on housing\n\n{lead} The plan covers 1,200 homes on the edge of the town. Residents' groups "
        "have campaigned against it for two years."
    )


FLIP = ("hedge_changed", "negation_flipped", "high")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The city council approved the housing scheme on Tuesday night, the council leader said.",
            "The city council voted not to back the housing scheme on Tuesday night, the council leader said.",
        ),
        (
            "The minister attended the climate summit in Paris on Tuesday, her office said.",
            "The minister opted not to go to the climate summit in Paris on Tuesday, her office said.",
        ),
        (
            "The striker accepted the club's offer of a new contract on Tuesday, his agent said.",
            "The striker chose not to take up the club's offer of a new contract on Tuesday, his agent said.",
        ),
        (
            "The new drug reduced deaths among elderly patients in the trial, researchers said.",
            "The new drug appeared not to lower deaths among elderly patients in the trial, researchers said.",
        ),
        (
            "The new drug works against the variant, researchers said on Tuesday.",
            "The new drug proved not effective against the variant, researchers said on Tuesday.",
        ),
    ],
)
def test_another_verb_with_not_denying_the_original_is_still_a_flip(source: str, derived: str) -> None:
    assert FLIP in _found(_council(source), _council(derived))


def test_a_verdict_of_its_own_is_still_no_flip() -> None:
    source = "The former mayor was indicted on fraud charges on Tuesday, prosecutors said."
    derived = "The former mayor pleaded not guilty to fraud charges on Tuesday, prosecutors said."
    assert FLIP not in _found(_council(source), _council(derived))


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "All but two of the 37 districts had reported results by 2 a.m., election officials said.",
            "By 2 a.m. the 37 districts had not reported results, election officials said.",
        ),
        (
            "All but two of the 37 districts had reported results by midnight, election officials said.",
            "Two election officials said the 37 districts had not reported results by midnight.",
        ),
        (
            "Militants had released all but two of the 12 hostages by Friday, mediators said.",
            "Two days after the deadline, the 12 hostages had still not been released by the militants, mediators "
            "said.",
        ),
    ],
)
def test_the_count_of_all_but_elsewhere_in_the_sentence_is_still_a_flip(source: str, derived: str) -> None:
    assert FLIP in _found(_council(source), _council(derived))


GRAIN = (
    "Talks on grain exports\n\n{} said on Monday that the country would not accept any deal that left its ports "
    "under blockade. The talks will resume next week in Istanbul.{} Grain prices fell 3% after the announcement."
)


@pytest.mark.parametrize(
    ("speaker", "seat", "extra"),
    [
        ("Ukrainian President Volodymyr Zelensky", "The Kremlin", " Russia has blockaded the ports since February."),
        ("French President Emmanuel Macron", "The White House", " The United States has backed the plan."),
        ("Indian Prime Minister Narendra Modi", "Downing Street", " Modi was speaking during a visit to London."),
        ("Ford president Jim Farley", "The White House", " American carmakers have lobbied for the deal."),
        ("American Red Cross president Gail McGovern", "The White House", ""),
        ("Vice President Kamala Harris", "The White House", " The United States has backed the plan."),
        ("U.S. Vice President Kamala Harris", "The White House", ""),
        ("Deputy Prime Minister Oliver Dowden", "Downing Street", " Britain has backed the plan."),
        ("Ukrainian President Volodymyr Zelensky", "The White House", ""),
        ("Turkish President Tayyip Erdogan", "The Kremlin", ""),
        ("British Prime Minister Rishi Sunak", "The White House", ""),
    ],
)
def test_a_seat_for_another_countrys_or_anothers_office_is_a_high_speaker_change(
    speaker: str, seat: str, extra: str
) -> None:
    found = _found(GRAIN.format(speaker, extra), GRAIN.format(seat, extra))
    assert ("attribution_changed", "speaker_changed", "high") in found


@pytest.mark.parametrize(
    ("speaker", "seat"),
    [
        ("U.S. President Joe Biden", "The White House"),
        ("Russian President Vladimir Putin", "The Kremlin"),
        ("French President Emmanuel Macron", "The Elysee"),
    ],
)
def test_the_seat_of_the_holders_own_office_is_low(speaker: str, seat: str) -> None:
    found = [f for f in _found(GRAIN.format(speaker, ""), GRAIN.format(seat, "")) if f[0] == "attribution_changed"]
    assert found == [("attribution_changed", "speaker_changed", "low")]


def _jobs(lead: str) -> str:
    return (
        f"Carmaker to cut jobs\n\n{lead} The plant makes parts for electric cars. Unions called the decision a "
        "betrayal and said they would strike."
    )


CUTS = "{} workers at the company will lose their jobs by 2026, the company said on Friday."


@pytest.mark.parametrize(
    ("part", "count"),
    [
        ("About 40% of the 60,000", "Some 26,000"),
        ("About 40% of the 60,000", "About 28,000"),
        ("Some 15% of the 60,000", "About 11,000"),
        ("Some 5% of the 60,000", "About 5,000"),
        ("Half of the 600", "Some 360"),
    ],
)
def test_a_count_off_the_part_by_a_share_of_the_whole_is_still_changed(part: str, count: str) -> None:
    found = _found(_jobs(CUTS.format(part)), _jobs(CUTS.format(count)))
    assert [f for f in found if f[0] == "number_changed" and f[2] in ("high", "medium")]


@pytest.mark.parametrize(
    ("part", "count"),
    [
        ("About 40% of the 60,000", "About 24,000"),
        ("Half of the 600", "Some 300"),
        ("Nearly half of the 600", "About 280"),
    ],
)
def test_the_count_the_part_leaves_is_still_no_change(part: str, count: str) -> None:
    found = _found(_jobs(CUTS.format(part)), _jobs(CUTS.format(count)))
    assert not [f for f in found if f[0] == "number_changed" and f[2] in ("high", "medium")]


def test_a_world_ranking_no_10_is_a_figure_changed() -> None:
    source = "Upset in Paris\n\nThe world No 10 said she was stunned by the defeat on Monday. She lost 6-4 6-2."
    found = _found(source, source.replace("No 10", "No 12"))
    assert ("number_changed", "changed", "medium") in found


WATER = (
    "Flint water meets standards\n\n{} found that the water supply in Flint now meets federal standards. {} Tests "
    "at 400 homes found lead levels below the limit. Residents remain sceptical."
)


def test_a_country_bodys_acronym_named_only_elsewhere_is_not_in_the_original() -> None:
    other = "The UK Health Security Agency gave advice."
    source = WATER.format("The U.S. Environmental Protection Agency", other)
    derived = WATER.format("The UKHSA", other)
    assert ("entity_changed", "not_in_original", "medium") in _found(source, derived)


RECORD = "Record damages\n\n{} The award includes $95 million for a clean-up fund. The company said it would appeal."


def test_a_comparative_denied_of_all_else_is_the_superlative_no_flip() -> None:
    # QA22 R5
    source = RECORD.format(
        "The damages are the largest ever awarded in an environmental case in Chile, according to the Chilean "
        "Environmental Law Association."
    )
    derived = RECORD.format(
        "According to the Chilean Environmental Law Association, no larger sum has ever been awarded in a Chilean "
        "environmental case."
    )
    assert FLIP not in _found(source, derived)


def test_the_superlative_denied_is_still_a_flip() -> None:
    lead = "The damages are the largest ever awarded in an environmental case in Chile, the association said."
    found = _found(RECORD.format(lead), RECORD.format(lead.replace("are the largest", "are not the largest")))
    assert FLIP in found
