"""rev25d's findings on fq25c's speakers and claims (helper fixrev25d), each beside the case that must keep its
finding:

- R1: an officer's words retold as the company's ("..., Vantor told analysts" for the chief financial officer's,
  "According to Norrland Pharma, ...") is at most a low speaker change; a rival company or another officer of
  the same company is still high;
- R2: "is bound to restore" (a duty), "were bound to the gates" (literal) and a judgement someone is said to make
  ("Officials said it was the worst spill in the country's history") are no editorialising; the writer's own
  "is certain to" / "worst ... in history" still is;
- R3: a shortening that leaves out the frame verb ("had been asked to help" -> "has helped") is no exempt
  shortening; the same shortening keeping "was asked to help" stays quiet;
- R4: an invented speculation keeps its editorialising note beside an original sentence that writes "could" and
  is kept in the suspect as it is.

The texts are written for these tests."""

from __future__ import annotations

from storytrace import compare
from storytrace.settings import Settings
from test_fq25c_speakers_claims import TOLD, TRIAL, VOSS

LEXICAL = Settings(use_embeddings=False)

# --- R1: the company speaking for its own officer -------------------------------------------------------------

VANTOR = (
    "Vantor cuts outlook as chip demand slows\n\n"
    "OSLO, Feb 12 (Meridian Wire) - Vantor Systems cut its full-year sales forecast on Thursday, blaming weaker "
    "demand for its industrial chips in Europe.\n\n"
    '"Orders from carmakers have slowed more sharply than we expected," chief financial officer Anna Berg told '
    "analysts on a conference call.\n\n"
    "Chief executive Mikael Strand said the company would press ahead with a new factory in Trondheim.\n\n"
    "Rival chipmaker Orkla Semiconductor reported steady orders from its industrial customers.\n\n"
    "Vantor shares fell 9% in Oslo trading."
)
BERG = (
    '"Orders from carmakers have slowed more sharply than we expected," chief financial officer Anna Berg told '
    "analysts on a conference call."
)
RETOLD = "Orders from carmakers have slowed more sharply than expected, {} told analysts on a conference call."


def _speaker_changes(source: str, derived: str) -> list[tuple[str, str]]:
    report = compare(source, derived, settings=LEXICAL)
    return [(f.severity, f.detail) for f in report.findings if f.subtype == "speaker_changed"]


def test_officers_words_told_as_the_companys_are_at_most_low() -> None:
    found = _speaker_changes(VANTOR, VANTOR.replace(BERG, RETOLD.format("Vantor")))
    assert found and all(severity == "low" for severity, _ in found)
    assert "the company they speak for" in found[0][1]
    found = _speaker_changes(VANTOR, VANTOR.replace(BERG, RETOLD.format("Vantor Systems")))
    assert all(severity == "low" for severity, _ in found)


def test_officers_words_told_as_another_speakers_stay_high() -> None:
    # another officer of the same company, whose name the lead does not give
    assert any(s == "high" for s, _ in _speaker_changes(VANTOR, VANTOR.replace(BERG, RETOLD.format("Strand"))))
    # a rival the story names after the quote is no voice of this officer
    assert any(s == "high" for s, _ in _speaker_changes(VANTOR, VANTOR.replace(BERG, RETOLD.format("Orkla"))))


def test_statement_told_as_the_companys_is_no_high_speaker_change() -> None:
    for speaker in ("According to Norrland Pharma, ", "Norrland said in a statement that "):
        found = _speaker_changes(TRIAL, TRIAL.replace(VOSS, speaker + TOLD))
        assert all(severity == "low" for severity, _ in found), (speaker, found)
    found = _speaker_changes(TRIAL, TRIAL.replace(VOSS, "According to chief executive Mikael Strand, " + TOLD))
    assert any(severity == "high" for severity, _ in found)


# --- R2: duties, ties and judgements someone makes ------------------------------------------------------------

SPILL = (
    "Mine fined over river spill\n\n"
    "Tarrow Lithium was fined 4.2 million euros on Wednesday after toxic waste from its mine spilled into the "
    "Sella river on March 3. "
    "Tests found arsenic levels 40 times the legal limit downstream. "
    "The environment ministry said it would decide next month whether to suspend the mine's licence."
)


def _editorialising(added: str) -> bool:
    report = compare(SPILL, SPILL + added, settings=LEXICAL)
    return any("editorialising" in f.detail for f in report.findings if f.type == "claim_added")


def test_duty_tie_and_reported_judgement_are_no_editorialising() -> None:
    for added in (
        " Under its 2019 permit, the company is bound to restore the riverbank within two years.",
        " Two inspectors who visited the mine on Thursday were bound to the gates by protesters for several hours.",
        " Environment minister Lena Koss said the fine was certain to be appealed.",
        " Officials said it was the worst spill in the country's history.",
        " The fine is certain to be appealed, the company's lawyers told reporters.",
    ):
        assert not _editorialising(added), added


def test_writers_own_forecast_and_superlative_are_editorialising() -> None:
    assert _editorialising(" The fine is certain to be appealed.")
    assert _editorialising(" The ruling is bound to be challenged in court.")
    assert _editorialising(" It was the worst spill in the country's history.")


# --- R3: a shortening that leaves out the frame ---------------------------------------------------------------

FIRE = (
    "Thousands flee Kessing Hills wildfire\n\n"
    "KESSING, May 5 (Meridian Wire) - About 6,500 residents of the Kessing Hills were ordered to leave their homes "
    "on Tuesday as a wildfire driven by strong winds burned through more than 3,200 hectares of forest and "
    "farmland. "
    "The fire started on Sunday afternoon near the village of Aldern and has since destroyed at least 14 homes, "
    "the fire service said. "
    "More than 400 firefighters, supported by six water-bombing aircraft, were battling the blaze on Tuesday. "
    "The army had been asked to help with logistics, the governor said. "
    "Residents have been told not to return until the fire service declares the area safe."
)
SUMMARY = (
    "Kessing Hills wildfire forces thousands from homes\n\n"
    "Some 6,500 people in the Kessing Hills were told to evacuate on Tuesday as a wind-driven wildfire burned "
    "through more than 3,200 hectares. "
    "The blaze, which began on Sunday near Aldern, has destroyed at least 14 homes, and more than 400 firefighters "
    "and six aircraft are fighting it. "
    "{}"
)


def _flagged(sentence: str) -> list[str]:
    report = compare(FIRE, SUMMARY.format(sentence))
    return [
        f.subtype
        for f in report.findings
        if f.severity in ("high", "medium") and f.type != "fact_omitted" and f.after and sentence in f.after
    ]


def test_request_shortened_into_a_deed_is_flagged() -> None:
    assert _flagged("The army has helped with logistics.")


def test_shortening_that_keeps_the_request_stays_quiet() -> None:
    assert not _flagged("The army was asked to help with logistics.")


# --- R4: a kept sentence's "could" excuses no invention beside it -----------------------------------------------

STRIKE = (
    "Teachers in Dunmore have voted to strike over pay, their union said on Thursday.\n\n"
    "A strike could begin as early as September 9 if no deal is reached.\n\n"
    "The two sides will meet with a state mediator next week."
)


def test_invented_speculation_beside_a_kept_could_is_editorialising() -> None:
    derived = STRIKE.replace(
        "The two sides will meet",
        "Union leader Mark Dole could face arrest if the walkout goes ahead, and parents could sue the district."
        "\n\nThe two sides will meet",
    )
    report = compare(STRIKE, derived, settings=LEXICAL)
    assert any("editorialising" in f.detail for f in report.findings if f.type == "claim_added")


def test_sentence_standing_for_the_originals_could_is_not_editorialising() -> None:
    derived = STRIKE.replace(
        "A strike could begin as early as September 9 if no deal is reached.",
        "Classrooms could be shut from September 19 if talks fail.",
    )
    report = compare(STRIKE, derived, settings=LEXICAL)
    claims = [f for f in report.findings if f.type == "claim_added"]
    assert claims and not any("editorialising" in f.detail for f in claims)


# --- an offer, a promise or a hope told as done or as certain ---------------------------------------------------

FLOOD = (
    "Flood hits Harlow warehouse\n\n"
    "HARLOW, March 3 (Meridian Wire) - Floodwater swept through the Harlow distribution centre on Monday, "
    "destroying stock worth about 2 million pounds. {} The centre employs 340 people. "
    "Workers were sent home on full pay."
)


def _certainty(original: str, suspect: str) -> list[str]:
    report = compare(FLOOD.format(original), FLOOD.format(suspect), settings=LEXICAL)
    return [f.severity for f in report.findings if f.subtype == "certainty_increased"]


def test_offer_promise_and_hope_told_as_done_or_certain_are_flagged() -> None:
    offered = "The owner, Delta Freight, has offered to pay for the damage to neighbouring homes."
    assert "medium" in _certainty(offered, "Delta Freight has paid for the damage to neighbouring homes.")
    promised = "The owner, Delta Freight, promised to compensate residents whose homes were damaged."
    assert "medium" in _certainty(promised, "Delta Freight has compensated residents whose homes were damaged.")
    hoped = "Delta Freight said it hoped to reopen the centre within a month."
    assert "medium" in _certainty(hoped, "Delta Freight will reopen the centre within a month.")


def test_offer_promise_and_hope_kept_stay_quiet() -> None:
    offered = "The owner, Delta Freight, has offered to pay for the damage to neighbouring homes."
    assert not _certainty(offered, "Delta Freight has offered to pay for the damage to neighbouring homes.")
    promised = "The owner, Delta Freight, promised to compensate residents whose homes were damaged."
    assert not _certainty(promised, "Delta Freight promised it would compensate residents whose homes were damaged.")
    hoped = "Delta Freight said it hoped to reopen the centre within a month."
    assert not _certainty(hoped, "Delta Freight hopes to reopen the centre within a month.")
