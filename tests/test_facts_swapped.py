"""swapped.py: one name, figure or he/she put in another's place inside words copied from the original.

The articles are invented for these tests.
"""

from __future__ import annotations

from storytrace import compare
from storytrace.finding import Finding

SOURCE = (
    "Two basketball players were hurt in a fight outside a New York club early on Wednesday. "
    "Chris Copeland, a forward for the Indiana Pacers, and his wife were stabbed during the argument. "
    "Pero Antic, who plays for the Atlanta Hawks, was arrested for failing to clear the scene for police. "
    "She was taken to hospital with wounds to her arm, and the couple were treated for 40 minutes at the "
    "scene before 12 officers arrived. "
    "The Leicester forward scored in 2014 and the Foxes have not lost since."
)


def _swapped(derived: str, source: str = SOURCE) -> list[Finding]:
    return [f for f in compare(source, derived).findings if f.subtype == "swapped"]


def test_name_from_elsewhere_put_in_another_names_place() -> None:
    derived = "Copeland, who plays for the Atlanta Hawks, was arrested for failing to clear the scene for police."
    found = _swapped(derived)
    assert len(found) == 1
    f = found[0]
    assert f.type == "entity_changed" and f.severity == "medium"
    assert (f.before, f.after) == ("Pero Antic", "Copeland")
    assert derived[f.derived[0] : f.derived[1]] == "Copeland"
    assert SOURCE[f.source[0] : f.source[1]] == "Pero Antic"
    assert "Pero Antic" in f.detail and "Copeland" in f.detail


def test_he_for_she() -> None:
    derived = (
        "Copeland's wife was taken to hospital with wounds to his arm, and the couple were treated for 40 "
        "minutes at the scene before 12 officers arrived."
    )
    found = _swapped(derived)
    assert [(f.type, f.before, f.after) for f in found] == [("entity_changed", "her", "his")]


def test_she_for_that_he() -> None:
    # The original's slot says "that he", the suspect's "she": one pronoun each side, "that" a function word.
    source = "The officer initially said that he used a Taser on Scott, who, Slager said, tried to take the weapon."
    derived = "The officer initially said she used a Taser on Scott, who tried to take the weapon."
    found = _swapped(derived, source)
    assert [(f.type, f.before, f.after) for f in found] == [("entity_changed", "he", "she")]
    assert found[0].detail.startswith("person changed")


def test_one_person_for_several() -> None:
    source = (
        "The incident occurred about a half-hour before the flight landed, after the pilots had begun their descent."
    )
    derived = (
        "The incident occurred about a half-hour before the flight landed, after the pilots had begun his descent."
    )
    found = _swapped(derived, source)
    assert [(f.type, f.before, f.after) for f in found] == [("entity_changed", "their", "his")]
    assert found[0].detail.startswith("pronoun changed: the original says \u201ctheir\u201d here")


def test_contracted_pronoun_for_another() -> None:
    source = "He's been charged with engaging in conduct in preparation of acts of terrorism, police said on Friday."
    derived = "She's been charged with engaging in conduct in preparation of acts of terrorism, police said."
    found = _swapped(derived, source)
    assert [(f.before, f.after) for f in found] == [("He's", "She's")]


def test_same_pronoun_reworded_or_it_for_they_is_quiet() -> None:
    source = "The company said they would close the factory in the north of the city before the end of March."
    for derived in (
        "The company said it would close the factory in the north of the city before the end of March.",
        "They would close the factory in the north of the city before the end of March, the company said.",
        "The firm told staff they would close the factory in the north of the city before the end of March.",
    ):
        assert _swapped(derived, source) == [], derived


def test_figure_put_in_another_figures_place() -> None:
    derived = (
        "She was taken to hospital with wounds to her arm, and the couple were treated for 12 minutes at the "
        "scene before officers arrived."
    )
    found = _swapped(derived)
    assert [(f.type, f.before, f.after) for f in found] == [("number_changed", "40", "12")]


def test_year_put_in_another_years_place() -> None:
    source = "The council approved the plan in 2019. The Leicester forward scored, in 2014, and has not stopped since."
    derived = "The Leicester forward scored, in 2019, and has not stopped since."
    found = _swapped(derived, source)
    assert [(f.type, f.before, f.after) for f in found] == [("date_changed", "2014", "2019")]


def test_faithful_rewrites_stay_quiet() -> None:
    # A description replaced by the name it stands for, a name kept, a name moved inside the sentence,
    # a paraphrase in other words.
    for derived in (
        "Leicester have not lost since the Leicester forward scored in 2014.",
        "The Leicester forward scored in 2014 and Leicester have not lost since.",
        "Pero Antic, the Atlanta Hawks player, was arrested for failing to clear the scene for police.",
        "Police arrested Atlanta Hawks player Pero Antic for failing to clear the scene.",
        "Copeland and his wife, of the Indiana Pacers, were stabbed during the argument.",
    ):
        assert _swapped(derived) == [], derived


def test_description_in_the_original_is_not_a_name() -> None:
    # "the Foxes" is what the original calls the team; the summary names it.
    derived = "The Leicester forward scored in 2014 and Leicester City have not lost since."
    assert _swapped(derived) == []


def test_name_for_a_name_the_original_introduces_with_more_words() -> None:
    source = (
        "The Los Angeles Clippers were owned by Donald Sterling for three decades. "
        'In the lawsuit, Rochelle "Shelly" Sterling accused Stiviano of targeting extremely wealthy older men.'
    )
    derived = "Donald Sterling accused Stiviano of targeting extremely wealthy older men."
    found = _swapped(derived, source)
    assert [(f.before, f.after) for f in found] == [('Rochelle "Shelly"', "Donald")]


def test_a_title_for_a_person_is_not_a_swap() -> None:
    # Capitalised on both sides, but a song's title is not a person's name.
    source = (
        "Don McLean wrote the song in 1971. "
        'By cathartically writing "American Pie" he found a way to mourn, the singer told the magazine.'
    )
    derived = "By cathartically writing Greene he found a way to mourn, the singer told the magazine."
    assert _swapped(derived, source) == []


def test_count_in_words_put_in_another_counts_place() -> None:
    source = (
        "Three officers were injured in the clashes. "
        "The council said two new schools would open in the north of the city next year."
    )
    found = _swapped("The council said three new schools would open in the north of the city next year.", source)
    assert [(f.type, f.before, f.after) for f in found] == [("number_changed", "two", "three")]
    # The same count in digits is no change.
    assert _swapped("The council said 2 new schools would open in the north of the city next year.", source) == []


def test_a_figure_in_another_unit_is_left_to_the_number_check() -> None:
    source = "The vote was delayed again. It could take up to two years before regular elections are held, he added."
    derived = "It could take up to 24 months before regular elections are held, he said."
    assert _swapped(derived, source) == []


def test_one_name_written_another_way_is_not_a_swap() -> None:
    source = (
        "Shares fell sharply on Monday. "
        "The Royal Bank of Scotland said its chief executive Kyesha O'Sullivan would leave in the summer."
    )
    for derived in (
        "RBS said its chief executive Kyesha O'Sullivan would leave in the summer.",
        "The Royal Bank of Scotland said its chief executive Kyhesha O'Sullivan would leave in the summer.",
    ):
        assert _swapped(derived, source) == [], derived


def test_weekday_put_in_another_weekdays_place() -> None:
    source = (
        "Adrian Peterson will be reinstated as an active player by the NFL on Friday after a hearing in New York. "
        "The commissioner wrote to him on Thursday."
    )
    derived = (
        "Adrian Peterson will be reinstated as an active player by the NFL on Thursday after a hearing in New York."
    )
    found = _swapped(derived, source)
    assert [(f.type, f.before, f.after) for f in found] == [("date_changed", "Friday", "Thursday")]
    assert found[0].detail.startswith("day changed: the original says \u201cFriday\u201d")


def test_weekday_kept_or_written_as_a_date_is_quiet() -> None:
    source = "Adrian Peterson will be reinstated as an active player by the NFL on Friday, the league said."
    for derived in (
        "On Friday, Adrian Peterson will be reinstated as an active player by the NFL.",
        "Adrian Peterson will be reinstated as an active player by the NFL on September 17.",
        "Adrian Peterson will be reinstated as an active NFL player on Friday, the league said.",
    ):
        assert [f for f in _swapped(derived, source) if f.type == "date_changed"] == [], derived


def test_a_name_spelt_like_another_the_original_also_uses_is_a_swap() -> None:
    # "Iraq" is no misspelling of "Iran" when the original names both.
    source = (
        "Since Iran's Islamic Revolution in 1979, women have been barred from attending most sports events. "
        "Neighbouring Iraq allows them in its stadiums."
    )
    derived = "Since Iraq's Islamic Revolution in 1979, women have been barred from attending most sports events."
    found = _swapped(derived, source)
    assert [(f.type, f.before, f.after) for f in found] == [("entity_changed", "Iran's", "Iraq's")]


def test_a_misspelt_name_the_original_never_writes_is_no_swap() -> None:
    source = "Kyesha Brown, who plays for the Atlanta Dream, was arrested for failing to clear the scene for police."
    derived = "Kyhesha Brown, who plays for the Atlanta Dream, was arrested for failing to clear the scene."
    assert _swapped(derived, source) == []


def test_words_float_reads_are_no_figures() -> None:
    from storytrace.facts.swapped import _figure

    assert _figure("infinity") is None and _figure("inf") is None and _figure("nan") is None
    assert _figure("5,000") == 5000.0 and _figure("three") == 3.0


def test_a_name_with_two_letters_swapped_is_a_slip_even_when_the_original_writes_both() -> None:
    # The original misspells "Georgia" once and spells it right elsewhere; the suspect writes it right.
    source = (
        "The German star was in fine form as the World Cup winners beat Georgia 2-0 on Sunday. "
        "Ozil impressed on international duty as Germany beat Gerogia 2-0 in a Euro 2016 qualifier on Sunday."
    )
    derived = "Mesut Ozil impressed on international duty as Germany beat Georgia 2-0 in Euro 2016 qualifier on Sunday."
    assert [f for f in _swapped(derived, source) if f.type == "entity_changed"] == []


def test_transposed_letters() -> None:
    from storytrace.facts.swapped import _transposed

    assert _transposed("gerogia", "georgia") and _transposed("micheal", "michael")
    assert not _transposed("iran", "iraq") and not _transposed("georgia", "georgia") and not _transposed("ab", "abc")


# A run-on sentence of captions, as picture-heavy pages glue them: the suspect's name is in it twice-removed,
# once where the suspect did not take it from.
CAPTIONS = (
    "Two basketball players were hurt in a fight outside a New York club early on Wednesday. "
    "Injured: Chris Copeland, a player for the Indiana Pacers, and his wife were both stabbed following an "
    "argument outside the club on Wednesday Cuffed: Pero Antic, who plays for the Atlanta Hawks, was arrested "
    "for failing to clear the scene for police. "
    "The club said it would review its security."
)


def test_a_name_the_original_also_has_far_off_in_a_run_on_sentence_is_lined_up_with_the_right_part() -> None:
    # difflib alone matches "Copeland" to the first caption and leaves "Cuffed: Pero Antic" unpaired; the
    # words around the common run, lined up again, put the two names face to face.
    derived = "Copeland, who plays for the Atlanta Hawks, was arrested for failing to clear the scene for police."
    found = _swapped(derived, CAPTIONS)
    assert [(f.before, f.after) for f in found] == [("Pero Antic", "Copeland")]  # not "Cuffed: Pero Antic"
    assert CAPTIONS[found[0].source[0] : found[0].source[1]] == "Pero Antic"


def test_a_name_before_a_caption_glued_without_punctuation_is_lined_up_too() -> None:
    source = (
        "Arsenal legend Ian Wright will present AP McCoy with the trophy at Sandown on Saturday. "
        "AP McCoy will be presented with his final champion jockeys trophy by Ian Wright at Sandown on Saturday "
        "Wright (centre) is now a television pundit but played for Arsenal during his years as a professional. "
        "McCoy retires this month."
    )
    derived = "AP McCoy is now a television pundit but played for Arsenal during his years as a professional."
    found = _swapped(derived, source)
    assert [(f.before, f.after) for f in found] == [("Wright", "AP McCoy")]


def test_the_subject_kept_across_a_long_aside_is_no_swap() -> None:
    # "Sterling, <aside naming Sturridge>, was exposed": the summary drops the aside, keeps the subject.
    source = (
        "Brendan Rodgers has reminded Raheem Sterling about his professional responsibilities. "
        "Sterling, the England international who will lead Liverpool's line at Wembley on Sunday in the absence "
        "of the injured Daniel Sturridge, was exposed for inhaling the legal high nitrous oxide on Monday. "
        "Liverpool play on Sunday."
    )
    derived = "Sterling was exposed for inhaling the legal high nitrous oxide on Monday."
    assert _swapped(derived, source) == []


def test_a_name_inside_brackets_before_the_shared_words_is_an_aside() -> None:
    # The slot is "Watford (away to Brighton)": Watford is what the suspect replaced, not Brighton.
    source = (
        "The Championship reaches its final weekend. "
        "Rotherham face a points deduction and Steve McClaren will be desperate to manage in the Premier League "
        "again; Derby can secure a play-off spot "
        "Championship Watford (away to Brighton) will be promoted if they win and Norwich fail to win. "
        "Derby will make sure of a play-off place if they win."
    )
    derived = "Steve McClaren will be promoted if they win and Norwich fail to win."
    found = _swapped(derived, source)
    assert [f.after for f in found] == ["Steve McClaren"]
    assert found[0].before.endswith("Watford")


def test_a_name_in_a_description_of_someone_else_is_no_swap() -> None:
    # "The brother of ex-footballer Ryan Giggs" is Rhodri Giggs: the summary names him, it swaps nobody.
    source = (
        "Rhodri Giggs outside Manchester Magistrates Court yesterday, where he was banned from driving The "
        "brother of ex-footballer Ryan Giggs has lost his job as a HGV driver after being banned from the roads "
        "for driving without insurance. Rhodri Giggs, 37, revealed that he is now unemployed as he lost his "
        "licence after being found guilty of driving a Mercedes C200 without insurance. His brother Ryan is a "
        "coach at Manchester United. A picture shows Ryan, left, and Rhodri Giggs as children."
    )
    derived = (
        "Rhodri Giggs, 37, has lost his job as a HGV driver after being found guilty of driving a Mercedes C200 "
        "without insurance."
    )
    assert _swapped(derived, source) == []
