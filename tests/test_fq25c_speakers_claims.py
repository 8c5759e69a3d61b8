"""Findings problems of the qa24b/qa24 user QA passes on speakers, added claims and their support (helper fq25c),
each next to the faithful rewrite of its family that must stay quiet:

- a quotation of the chief medical officer retold "According to chief executive Mikael Strand, ..." is a speaker
  change (a corporate post's middle word, "medical", broke the speaker's name);
- an independent report of the same story (relation ``related``) gets no high added claim (at most medium) and
  the original's sentences it does not tell are "not reported" rather than "dropped";
- an appended "the worst disaster in the country's history and is certain to force a crackdown" is
  editorialising, and an added sentence sharing the original's own "could" is not;
- a summary sentence that shortens one sentence of the original, keeping its words in their order, is no
  weak_support splice (a splice of the same words still is);
- a claim on a sentence that merges the original's lead with its last sentence points at one of them, not at
  the whole original between them.

The texts are written for these tests, after the QA pairs."""

from __future__ import annotations

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

# --- a quotation given to another named speaker --------------------------------------------------------------

TRIAL = (
    "Norrland pauses heart drug trial\n\n"
    "STOCKHOLM, April 14 (Meridian Wire) - Norrland Pharma said on Monday it had paused a late-stage trial of its "
    "experimental heart drug Cardivex after three patients died of liver failure. "
    "The trial has enrolled about 2,800 patients at 190 hospitals in 14 countries. "
    "\u201cPatient safety comes first, and we will not restart the study until we fully understand what "
    "happened,\u201d chief medical officer Dr. Helena Voss said in a statement. "
    "Norrland shares fell 18% in Stockholm trading on Monday. "
    "Chief executive Mikael Strand told analysts on a call that the company had enough cash to continue its other "
    "research programmes."
)
VOSS = (
    "\u201cPatient safety comes first, and we will not restart the study until we fully understand what "
    "happened,\u201d chief medical officer Dr. Helena Voss said in a statement."
)
TOLD = "patient safety comes first and the study will not restart until the company fully understands what happened."


def _speaker_changes(derived: str) -> list[str]:
    report = compare(TRIAL, derived, settings=LEXICAL)
    return [
        f.detail
        for f in report.findings
        if f.type == "attribution_changed" and f.subtype == "speaker_changed" and f.severity in ("high", "medium")
    ]


def test_quote_retold_as_another_named_speakers_is_a_speaker_change() -> None:
    found = _speaker_changes(TRIAL.replace(VOSS, "According to chief executive Mikael Strand, " + TOLD))
    assert found and "Helena Voss" in found[0] and "Mikael Strand" in found[0]
    assert _speaker_changes(TRIAL.replace(VOSS, "Strand said " + TOLD))


def test_quote_retold_as_its_own_speakers_stays_quiet() -> None:
    assert not _speaker_changes(TRIAL.replace(VOSS, "According to chief medical officer Helena Voss, " + TOLD))
    assert not _speaker_changes(TRIAL.replace(VOSS, "Voss said " + TOLD))
    assert not _speaker_changes(
        TRIAL.replace(VOSS, "Chief medical officer Dr. Helena Voss said in a statement that " + TOLD)
    )


# --- an independent report is no distorted copy --------------------------------------------------------------


def test_independent_report_gets_no_high_added_claim(examples: dict[str, str]) -> None:
    report = compare(examples["original"], examples["independent"], settings=LEXICAL)
    assert report.verdict.relation == "related"
    claims = [f for f in report.findings if f.type == "claim_added"]
    omitted = [f for f in report.findings if f.type == "fact_omitted"]
    assert claims and omitted
    assert all(f.severity != "high" for f in claims)
    # still counted by the findings eval: an added claim stays medium where it was medium or high
    assert any(f.severity == "medium" for f in claims)
    assert all(f.detail.startswith("not reported:") for f in omitted)


def test_rewrite_keeps_its_dropped_sentences(examples: dict[str, str]) -> None:
    report = compare(examples["original"], examples["rewrite"], settings=LEXICAL)
    assert report.verdict.relation == "derived"
    omitted = [f for f in report.findings if f.type == "fact_omitted" and f.subtype == "sentence"]
    assert omitted and all(f.detail.startswith("dropped:") for f in omitted)
    assert any(f.severity == "medium" for f in omitted)


# --- editorialising ------------------------------------------------------------------------------------------

SPILL = (
    "Mine fined over river spill\n\n"
    "Tarrow Lithium was fined 4.2 million euros on Wednesday after toxic waste from its mine spilled into the "
    "Sella river on March 3. "
    "Tests found arsenic levels 40 times the legal limit downstream. "
    "The environment ministry said it would decide next month whether to suspend the mine's licence."
)


def _added_details(source: str, derived: str) -> list[str]:
    report = compare(source, derived, settings=LEXICAL)
    return [f.detail for f in report.findings if f.type == "claim_added"]


def test_appended_hype_and_certain_forecast_are_editorialising() -> None:
    added = (
        " The spill is the worst environmental disaster in the country's history and is certain to force a "
        "nationwide crackdown on the mining industry."
    )
    details = _added_details(SPILL, SPILL + added)
    assert details and all("editorialising" in d for d in details)
    assert any("editorialising" in d for d in _added_details(SPILL, SPILL + " The ban is certain to pass."))


def test_appended_fact_is_not_editorialising() -> None:
    added = " The company employs 1,200 people at the mine and has operated it since 2011."
    details = _added_details(SPILL, SPILL + added)
    assert details and not any("editorialising" in d for d in details)


STRIKE = (
    "Teachers in Dunmore have voted to strike over pay, their union said on Thursday.\n\n"
    "A strike could begin as early as September 9 if no deal is reached.\n\n"
    "The two sides will meet with a state mediator next week."
)


def test_added_sentence_sharing_the_originals_could_is_not_editorialising() -> None:
    derived = STRIKE.replace(
        "A strike could begin as early as September 9 if no deal is reached.",
        "Classrooms could be shut from September 19 if talks fail.",
    )
    details = _added_details(STRIKE, derived)
    assert details and not any("editorialising" in d for d in details)


def test_added_sentence_with_a_comment_of_its_own_is_editorialising() -> None:
    derived = STRIKE.replace(
        "A strike could begin as early as September 9 if no deal is reached.",
        "Classrooms could be shut from September 19 if talks fail, a move that is certain to anger parents.",
    )
    assert any("editorialising" in d for d in _added_details(STRIKE, derived))


# --- a short summary: shortened sentences and splices --------------------------------------------------------

FIRE = (
    "Thousands flee Kessing Hills wildfire\n\n"
    "KESSING, May 5 (Meridian Wire) - About 6,500 residents of the Kessing Hills were ordered to leave their homes "
    "on Tuesday as a wildfire driven by strong winds burned through more than 3,200 hectares of forest and "
    "farmland. "
    "The fire started on Sunday afternoon near the village of Aldern and has since destroyed at least 14 homes, "
    "the fire service said. "
    "No deaths have been reported, but two firefighters were treated in hospital for smoke inhalation. "
    "More than 400 firefighters, supported by six water-bombing aircraft, were battling the blaze on Tuesday. "
    "The evacuation covers the villages of Aldern, Brightwater and Mossby, and parts of the town of Kessing. "
    "The main road through the hills, the R14, has been closed in both directions. "
    "Regional governor Anneli Strand said the army had been asked to help with logistics. "
    "Police said they were investigating whether the fire had been started deliberately, after witnesses "
    "reported seeing a car leaving the area shortly before the first flames. "
    "Farmers in the area said they had lost livestock and winter feed. "
    "Residents have been told not to return until the fire service declares the area safe."
)
SUMMARY = (
    "Kessing Hills wildfire forces thousands from homes\n\n"
    "Some 6,500 people in the Kessing Hills were told to evacuate on Tuesday as a wind-driven wildfire burned "
    "through more than 3,200 hectares. "
    "The blaze, which began on Sunday near Aldern, has destroyed at least 14 homes, and more than 400 firefighters "
    "and six aircraft are fighting it. "
    "Police are investigating whether it was started deliberately."
)
SHORTENED = "Police are investigating whether it was started deliberately."


def _weak_support(derived: str, sentence: str) -> list[str]:
    report = compare(FIRE, derived)
    return [
        f.severity
        for f in report.findings
        if f.type == "claim_added" and f.severity in ("high", "medium") and f.after and sentence in f.after
    ]


def test_sentence_shortened_in_order_is_no_splice() -> None:
    assert not _weak_support(SUMMARY, SHORTENED)


def test_splice_of_the_same_words_is_still_weak_support() -> None:
    spliced = "Witnesses are investigating whether the car was started deliberately."
    assert _weak_support(SUMMARY.replace(SHORTENED, spliced), spliced)


# --- a claim's span in the original ---------------------------------------------------------------------------

BOARD = (
    "School board backs four-day week\n\n"
    "BRANNOCK, May 5 (Meridian Wire) - The Brannock County school board voted 5-0 on Monday to move its 31 "
    "schools to a four-day week from the start of the next school year, becoming the largest district in the "
    "state to make the switch. "
    "Classes will run from Monday to Thursday, with each school day extended by 70 minutes to keep total "
    "teaching time unchanged. "
    "The district said it had 112 unfilled teaching posts, about 9% of the total, and hoped the shorter week "
    "would help it recruit. "
    "A survey of 3,400 parents carried out in March found that 58% supported the change. "
    "Parents who need childcare on Fridays will be able to use a district-run programme at eight schools. "
    "The teachers' association backed the plan, saying its members had asked for it in two successive surveys. "
    "Research on four-day weeks elsewhere has found mixed effects on pupil achievement. "
    "The new timetable takes effect on August 24."
)
MERGED = (
    "School board backs four-day week\n\n"
    "Brannock County will become the biggest district in the state to adopt a four-day school week after its "
    "school board voted 5-0 on Monday. "
    "The change, which covers all 31 of the county's schools, starts on August 24 at the beginning of the next "
    "school year. "
    "Pupils will attend from Monday to Thursday, and every school day will be 70 minutes longer. "
    "With 112 teaching posts vacant, roughly 9% of the total, the district hopes the shorter week will help it "
    "recruit. "
    "In a March survey of 3,400 parents, 58% backed the change. "
    "Parents needing Friday childcare can use a district-run programme at eight schools. "
    "Teachers have welcomed the move: their association said members had requested it in two surveys in a row. "
    "Studies of four-day weeks elsewhere have found mixed effects on pupil achievement."
)


def test_claim_on_a_merge_of_far_sentences_points_at_one_of_them() -> None:
    report = compare(BOARD, MERGED)
    lead_end = BOARD.index(" Classes will run")
    last = BOARD.index("The new timetable")
    for f in report.findings:
        if f.type == "claim_added" and f.source:
            a, b = f.source
            # one sentence, or adjacent ones: never from the lead to the last sentence
            assert not (a < lead_end and b > last), (f.detail, f.source)
