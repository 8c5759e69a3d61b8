"""rev26b 2: a text over ``MAX_EMBEDDED_SENTENCES`` sentences is aligned on its words and only its open sentences
were embedded (rev25e). A reworded line the words link as a ``paraphrase`` on few of them kept its lexical
similarity, and the findings read it as a claim its original "says something else" with: two editions of a
hearing transcript, the second rewording every 5th question, got 420 false medium added claims (none when the two
are compared whole). Such links are embedded too, within the budget; those over it are told low and counted in
the note, which names both sides when both are long."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from storytrace.article import Article
from storytrace.comparison import _compare_long, compare, compare_documents, with_findings, with_paraphrases
from storytrace.embed import get_embedder
from storytrace.finding import Finding
from storytrace.settings import DEFAULT_SETTINGS, MAX_EMBEDDED_SENTENCES
from storytrace.text import analyse

NAMES = ["SEN. WHITCOMBE", "SEN. OKAFOR", "MR. HALVORSEN", "DR. LINDQVIST", "SEN. BRANDT"]
TOPICS = [
    "the tender budget",
    "the pumping station",
    "the storm gates",
    "the ferry terminal",
    "the Marrow County hiring rule",
    "the 1962 wall survey",
    "the bribery inquiry",
    "the concrete supplier",
    "the harbor dredging",
    "the insurance bond",
]
SAYS_ELSE = "says something else"


def _question(k: int, reworded: bool) -> str:
    name, topic, quarter, year = NAMES[k % 5], TOPICS[(k * 7) % 10], 1 + k % 4, 2015 + k % 9
    if reworded:  # the same question in the second edition's words
        return (
            f"{name.title()}: Regarding item {k}, how much was spent by the department on {topic} during "
            f"Q{quarter} {year}, and whose signature is on it?"
        )
    return (
        f"{name}: On item {k}, what did the department pay for {topic} in quarter {quarter} of {year}, and who "
        "signed it?"
    )


def _editions(lines: int, second: int | None = None) -> tuple[str, str]:
    """A hearing transcript and a second edition of it rewording every 5th question (``second``: its length)."""
    first = "Senate finance committee hearing, February 20\n\n" + "\n\n".join(_question(k, False) for k in range(lines))
    again = "Finance committee hearing transcript (Feb. 20)\n\n" + "\n\n".join(
        _question(k, k % 5 == 0) for k in range(lines if second is None else second)
    )
    return first, again


def _added(findings: Sequence[Finding], *severities: str) -> list[Finding]:
    return [f for f in findings if f.type == "claim_added" and f.severity in severities]


@pytest.mark.slow  # two 2,002-sentence texts: ~10 user-s, a minute under load
def test_two_editions_of_a_transcript_over_the_cap_get_no_false_added_claims() -> None:
    # the smallest transcript over the cap: 2,001 questions and a title line a side
    first, again = _editions(MAX_EMBEDDED_SENTENCES + 1)
    report = compare(Article(text=first, id="hearing"), Article(text=again, id="hearing-v2"))
    assert len(report.source.body) == len(report.derived.body) == MAX_EMBEDDED_SENTENCES + 2
    assert report.verdict.relation == "derived" and report.scores.reuse >= 0.95
    assert _added(report.findings, "medium", "high") == []
    (note,) = [w for w in report.warnings if "word by word" in w]
    assert note.startswith("the source and derived texts have 2,002 sentences each:")
    assert "were over that" not in note  # nothing left over: 401 reworded lines fit the budget


def test_loosely_linked_rewordings_are_embedded_and_so_not_read_as_other_claims() -> None:
    first, again = _editions(60)
    lexical = compare_documents(analyse(Article(text=first)), analyse(Article(text=again)), findings=False)
    embed = get_embedder().embed
    loose = DEFAULT_SETTINGS.loose_paraphrase_similarity
    # the cause: left on its words, every reworded question (12) is a claim the original "says something else" with
    unseen = with_findings(with_paraphrases(lexical, embed, budget=1000), embed=None)
    assert len([f for f in _added(unseen.findings, "medium") if SAYS_ELSE in f.detail]) == 12
    seen = with_findings(with_paraphrases(lexical, embed, budget=1000, loose_below=loose), embed=None)
    assert _added(seen.findings, "medium", "high") == [] and seen.alignment.not_embedded == ()


def test_rewordings_over_the_budget_are_told_low_and_counted_in_the_note() -> None:
    first, again = _editions(60)
    source, derived = analyse(Article(text=first)), analyse(Article(text=again))
    report = _compare_long(
        source, derived, settings=DEFAULT_SETTINGS, embed=get_embedder().embed, embedding_model=None, budget=5
    )
    left = report.alignment.not_embedded
    assert len(left) == 7  # 12 reworded questions, 5 embedded
    (note,) = [w for w in report.warnings if "word by word" in w]
    assert note.startswith("the source and derived texts have 61 sentences each:")
    assert (
        "; 7 of the suspect's sentences sharing words with the original (7 of them linked to it on few of its words)"
        in note
    )
    flagged = [f for f in report.findings if f.type == "claim_added" and SAYS_ELSE in f.detail]
    assert len(flagged) == 7
    assert all(f.severity == "low" and f.detail.endswith("(not in the part compared by meaning)") for f in flagged)
    assert _added(report.findings, "medium", "high") == []


@pytest.mark.parametrize(
    ("lines", "second", "start"),
    [
        (30, 40, "the source text has 31 sentences and the derived text has 41 sentences:"),
        (30, 3, "the source text has 31 sentences:"),
    ],
)
def test_the_note_names_each_long_side(lines: int, second: int, start: str) -> None:
    first, again = _editions(lines, second)
    report = _compare_long(
        analyse(Article(text=first)),
        analyse(Article(text=again)),
        settings=DEFAULT_SETTINGS,
        embed=get_embedder().embed,
        embedding_model=None,
        budget=5,
    )
    (note,) = [w for w in report.warnings if "word by word" in w]
    assert note.startswith(start)
