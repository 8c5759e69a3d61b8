"""Findings problems of the session 24 rights-team QA pass (helper fixqaf24) on faithful rewrites, each next to
the real change of its family that must still be found:

- a suspect sentence that merges two neighbouring sentences of the original, neither of which alone it is
  close enough to ("Repairs are due to start on March 3 and to take 18 months, with one lane kept open each
  way."), is linked to both: no added sentence, no dropped one; a merged sentence with a changed date still
  reports the date;
- a merged sentence whose clauses each restate one sentence of its link ("An inspection in 2023 found
  corrosion ..., which opened in 1962") is no weak_support;
- a plain-text original's first line (its headline) is no dropped fact when the suspect has a headline of its
  own; the suspect's headline is checked against that line instead.

The texts are written for these tests (they follow the rights team's bridge and measles stories)."""

from __future__ import annotations

from storytrace import Article, compare

BRIDGE = (
    "The Riverside city council voted 7-2 on Tuesday to approve a $48 million plan to repair the Calder Street "
    "bridge, ending two years of debate over the ageing span.\n\n"
    'Mayor Linda Okafor said the vote was overdue. "This bridge carries 30,000 cars a day and we cannot wait any '
    'longer," she told reporters after the meeting.\n\n'
    "Work is scheduled to begin on March 3 and is expected to last 18 months. During that time one lane in each "
    "direction will stay open.\n\n"
    "The state transportation department will pay 60% of the cost through a grant, with the city covering the "
    "rest from its capital reserve.\n\n"
    "Engineers found corrosion in three of the bridge's steel supports during an inspection in 2023. The bridge "
    "opened in 1962.\n\n"
    "The council will review the contract with builder Halvorsen Construction at its next meeting on February 11."
)
LEAD = (
    "Riverside's council on Tuesday approved, by seven votes to two, a $48 million repair of the Calder Street "
    "bridge, after two years of argument over the old span.\n\n"
    '"This bridge carries 30,000 cars a day and we cannot wait any longer," Mayor Linda Okafor told reporters '
    "after the meeting.\n\n"
)
END = (
    "\n\nA state transportation grant will cover 60% of the cost; the city will pay the rest from its capital "
    "reserve.\n\n"
    "An inspection in 2023 found corrosion in three steel supports of the bridge, which opened in 1962.\n\n"
    "The council will review the contract with Halvorsen Construction on February 11."
)
MERGED = "Repairs are due to start on March 3 and to take 18 months, with one lane kept open each way."


def _report(source: str | Article, derived: str | Article) -> dict:
    return compare(source, derived).to_dict()


def _text(report: dict, side: str, indices: list[int]) -> str:
    text, sentences = report[side]["text"], report[side]["sentences"]
    return " ".join(text[sentences[i]["start"] : sentences[i]["end"]] for i in indices)


def test_sentence_merging_two_neighbours_links_to_both() -> None:
    report = _report(BRIDGE, LEAD + MERGED + END)
    merged = [a for a in report["alignments"] if _text(report, "derived", a["derived"]) == MERGED]
    assert merged and merged[0]["kind"] != "added"
    assert _text(report, "source", merged[0]["source"]).startswith("Work is scheduled to begin on March 3")
    assert "During that time one lane" in _text(report, "source", merged[0]["source"])
    # (the mayor's "the vote was overdue", which this suspect does leave out, is the one dropped sentence)
    loud = [
        f
        for f in report["findings"]
        if f["severity"] in ("high", "medium") and "the vote was overdue" not in (f["source"] or {}).get("text", "")
    ]
    assert loud == [], loud


def test_merged_sentence_with_a_changed_date_still_reports_it() -> None:
    moved = MERGED.replace("March 3", "May 3")
    report = _report(BRIDGE, LEAD + moved + END)
    assert any(f["type"] == "date_changed" and f["severity"] in ("high", "medium") for f in report["findings"])


def test_sentence_merging_unrelated_neighbours_stays_added() -> None:
    # words of both neighbours, put to a claim neither makes
    invented = "The 18 months of work will start a lane war in March, with 3 each way kept open to protest."
    report = _report(BRIDGE, LEAD + invented + END)
    assert any(f["type"] == "claim_added" and f["severity"] in ("high", "medium") for f in report["findings"])


MEASLES = (
    "Measles cases rise to 27 in Brookfield County\n\n"
    "Health officials in Brookfield County confirmed 27 cases of measles on Wednesday, up from 19 last week, in "
    "the area's worst outbreak since 2014.\n\n"
    "Most of the cases are in children under 10 who had not been vaccinated, the county health department said. "
    "Four children have been admitted to hospital.\n\n"
    "Two extra vaccination clinics have opened in Lakeview and Corbin and will operate until the end of June."
)
MEASLES_BODY = (
    "Brookfield County health officials confirmed 27 measles cases on Wednesday, up from 19 a week earlier, the "
    "area's worst outbreak since 2014.\n\n"
    "Most of the cases are in unvaccinated children under 10, the county health department said. Four children "
    "have been admitted to hospital.\n\n"
    "Two extra vaccination clinics have opened in Lakeview and Corbin and will operate until the end of June."
)


def test_plain_original_headline_line_is_no_dropped_fact_against_a_titled_suspect() -> None:
    suspect = Article(text=MEASLES_BODY, title="Measles outbreak grows in Brookfield County")
    report = _report(MEASLES, suspect)
    loud = [f for f in report["findings"] if f["severity"] in ("high", "medium")]
    assert loud == [], loud


def test_titled_suspect_headline_is_checked_against_the_original_headline_line() -> None:
    suspect = Article(text=MEASLES_BODY, title="Measles cases rise to 72 in Brookfield County")
    report = _report(MEASLES, suspect)
    headline = [f for f in report["findings"] if (f["subtype"] or "").startswith("headline")]
    assert any(f["type"] == "number_changed" for f in headline), report["findings"]


def test_plain_original_headline_line_still_dropped_against_an_untitled_suspect() -> None:
    # no headline of its own: the line is the original's first sentence, whose omission is reported as before
    original = MEASLES.replace(
        "Measles cases rise to 27 in Brookfield County", "Mayor Ruth Adeyemi shuts Corbin schools"
    )
    report = _report(original, MEASLES_BODY)
    assert any(f["type"] == "fact_omitted" and (f["source"] or {}).get("start") == 0 for f in report["findings"]), (
        report["findings"]
    )
