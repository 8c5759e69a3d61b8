"""False alarms read on SheepDog's faithful rewrites (seed 17, objective and neutral), each retold here in
short texts written for the test, with the real distortion beside it where there is one."""

from __future__ import annotations

from storytrace import compare


def _hedges(source: str, derived: str) -> list[str]:
    return [f.subtype or "" for f in compare(source, derived).findings if f.type == "hedge_changed"]


def test_a_sentence_of_the_original_left_out_of_the_link_keeps_its_negation() -> None:
    # the quote's middle sentence is retold inside one long sentence the aligner links to the other two
    source = (
        "A nurse from Ohio died shielding his wife from the gunfire at a festival, his wife said.  "
        "\u201cHe saved my life,\u201d Jane Miller told a newspaper. \u201cHe pulled me down and ran when I felt "
        "him get hit in the back.  \u201cRight now, I\u2019m in total shock and grief. I don\u2019t know what to do. "
        "Sam was the gentlest, most generous man I have ever known,\u201d she added in a statement to a local radio "
        "station.  The couple both worked at the county hospital."
    )
    derived = (
        "A nurse from Ohio died shielding his wife from the gunfire at a festival, his wife said. Jane Miller "
        'thanked her late husband, stating, "He saved my life. He pulled me down and ran when I felt him get hit '
        'in the back." In a statement to a local radio station, she added, "Right now, I\'m in total shock and '
        "grief. I don't know what to do. Sam was the gentlest, most generous man I have ever known.\" The couple "
        "were both employed at the county hospital."
    )
    assert "negation_flipped" not in _hedges(source, derived)


def test_a_negation_added_to_a_retold_quote_is_still_reported() -> None:
    source = "\u201cI know what to do about the bridge,\u201d the mayor told a local radio station on Monday."
    derived = (
        "\u201cI don\u2019t know what to do about the bridge,\u201d the mayor told a local radio station on Monday."
    )
    assert "negation_flipped" in _hedges(source, derived)


def test_charged_with_a_feeling_is_no_allegation() -> None:
    source = "Her staged portraits, charged with desire, have become more real than the stars they copy."
    derived = "Her staged portraits have become more real than the stars they copy."
    assert "allegation_as_fact" not in _hedges(source, derived)
    crime = "The driver, charged with manslaughter, has left the country, police said on Monday."
    assert "allegation_as_fact" in _hedges(crime, "The driver has left the country after the manslaughter.")


def test_a_potential_charge_keeps_a_possible_accusation() -> None:
    source = "The worker could possibly be accused of criminal negligence causing death, the sheriff said."
    derived = "The potential for charges of criminal negligence causing death is being weighed, the sheriff said."
    assert "allegation_as_fact" not in _hedges(source, derived)


def test_a_confirmation_the_original_puts_in_quotation_marks_is_no_confirmed_fact() -> None:
    source = "The fake statement \u2018confirmed\u2019 the city would lose power from March 3 to March 9."
    derived = "The fake statement supposedly said the city would lose power from March 3 to March 9."
    assert "confirmation_weakened" not in _hedges(source, derived)
    plain = "The utility confirmed the city would lose power from March 3 to March 9."
    assert "confirmation_weakened" in _hedges(
        plain, "The utility supposedly said the city would lose power from March 3 to March 9."
    )


def test_a_possible_future_keeps_a_future_that_could_have_been() -> None:
    source = "Her photographs stage a future that could have been, with actors styled as famous royals."
    derived = "Her photographs stage a possible future, with actors styled as famous royals."
    assert "certainty_increased" not in _hedges(source, derived)
    # the doubt moved off the arrest onto the suspects is still reported
    arrested = "Police said two suspects who may have been arrested in Leeds were released on Sunday."
    moved = "Police said two potential suspects arrested in Leeds were released on Sunday."
    assert "certainty_increased" in _hedges(arrested, moved)
