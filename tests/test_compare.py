"""compare(): alignment kinds, findings, verdicts and the report's invariants, with the real model.

The crafted articles below are invented for these tests (fictional town, people and figures).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from storytrace import Article, Settings, compare
from storytrace.errors import InputError, StorytraceError
from storytrace.report.json import SCHEMA, dumps

# One crafted pair that exercises every alignment kind, a merge, a split, two omissions and boilerplate.
CRAFTED_SOURCE = """Harbor council approves $48 million budget

The Harbor City council voted 7-2 on Tuesday to approve a $48 million budget for the coming fiscal year, \
ending a year of bitter arguments over police funding and road repairs.

Mayor Elena Ruiz said the budget would fund 30 additional police officers and repair 12 miles of roads. \
The council also agreed to raise parking fees downtown by 25 cents an hour. Residents will be able to \
comment on the plan at a public hearing on May 3.

The storm drains on Elm Street will be cleaned in the autumn. Crews expect the work to take about three \
weeks.

The meeting ran late. State Treasurer Nadia Fairbanks said about $9 million of the cost would be covered \
by federal grants, with the rest raised through a bond sale in October.

Share this article

Sign up for our newsletter to get the latest news from Harbor City in your inbox.

Photo: The council chamber before the vote."""

CRAFTED_DERIVED = """Harbor council approves $48 million budget

The Harbor City council voted 7-2 on Tuesday to approve a $48 million budget for the coming fiscal year. \
The decision ends a year of bitter arguments over police funding and road repairs.

Mayor Elena Ruiz said the spending plan would fund 30 extra police officers and repair 12 miles of roads. \
The council also agreed to raise parking fees downtown by 25 cents an hour, a move critics say could \
backfire. People who live in the city can give their views on the plan at a public hearing on May 3.

The storm drains on Elm Street will be cleaned in the autumn, and crews expect the work to take about \
three weeks.

The zoo's new penguin enclosure drew large crowds over the weekend.

Share this article

Sign up for our newsletter to get the latest news from Harbor City in your inbox.

Photo: Council members during the vote."""

ADDED_CLAUSE = "a move critics say could backfire"
BOILERPLATE_LINES = (
    "Share this article",
    "Sign up for our newsletter to get the latest news from Harbor City in your inbox.",
    "Photo: The council chamber before the vote.",
    "Photo: Council members during the vote.",
)

GERMAN = (
    "Der Stadtrat hat am Dienstag mit sieben zu zwei Stimmen einen neuen Haushalt von 48 Millionen Euro "
    "beschlossen. Bürgermeisterin Elena Ruiz sagte, das Geld werde für zusätzliche Polizisten und die "
    "Reparatur von Straßen verwendet. Die Parkgebühren in der Innenstadt steigen um 25 Cent pro Stunde."
)


@pytest.fixture(scope="module")
def crafted() -> dict[str, Any]:
    return compare(CRAFTED_SOURCE, CRAFTED_DERIVED).to_dict()


@pytest.fixture(scope="module")
def crafted_lexical() -> dict[str, Any]:
    return compare(CRAFTED_SOURCE, CRAFTED_DERIVED, settings=Settings(use_embeddings=False)).to_dict()


def link_for(d: dict[str, Any], prefix: str, find_sentence: Any, link_of: Any) -> dict[str, Any]:
    return link_of(d, find_sentence(d, "derived", prefix))


# --- the Python API and the report's invariants ----------------------------------------------------------


def test_compare_returns_a_report_with_the_json_schema(example_report: Any, example_dict: dict) -> None:
    assert example_dict["schema"] == SCHEMA == "storytrace.report/1"
    assert example_report.verdict.relation == example_dict["verdict"]["relation"]
    assert example_report.scores.reuse == example_dict["scores"]["reuse"]
    assert len(example_report.findings) == len(example_dict["findings"])


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("original", "rewrite"),
        ("rewrite", "original"),
        ("original", "independent"),
        ("original", "unrelated"),
        ("independent", "original"),
    ],
)
def test_report_invariants_on_the_examples(
    examples: dict[str, str], check_report: Any, source: str, derived: str
) -> None:
    check_report(compare(examples[source], examples[derived]).to_dict())


def test_report_invariants_on_the_crafted_pair(crafted: dict, crafted_lexical: dict, check_report: Any) -> None:
    check_report(crafted)
    check_report(crafted_lexical)


def test_same_input_gives_the_same_json_bytes(examples: dict[str, str], example_dict: dict) -> None:
    again = compare(examples["original"], examples["rewrite"]).to_dict()
    assert dumps(again) == dumps(example_dict)
    assert dumps(again, indent=None) == dumps(example_dict, indent=None)
    # no timestamps: nothing in the report says when it was made
    today = dt.date.today().isoformat()
    assert today not in dumps(example_dict) or today in examples["original"] + examples["rewrite"]
    assert not any("time" in key or "date" in key for key in example_dict["meta"])


def test_same_input_gives_the_same_json_whatever_was_compared_before() -> None:
    from storytrace.embed import Embedder

    source = (
        "The Port Calloway Ferry Authority will raise fares by 8% from April 1, its board decided on "
        "Tuesday. A single adult crossing will cost $4.32, up from $4.00. "
        "Board chair Lionel Abernathy said the increase would pay for two new engines."
    )
    derived = (
        "The Port Calloway Ferry Authority will raise fares by 8% from April 1, its board decided on "
        "Tuesday. A single adult crossing will now cost $4.32, up from $4.00, a move critics say could "
        "hurt commuters."
    )
    cold = compare(source, derived, embed=Embedder().embed).to_dict()
    warm = Embedder()  # what a batch run or a long-lived process has: earlier work in the memo
    compare(source, "A single adult crossing will cost $4.32, up from $4.00.", embed=warm.embed)
    assert dumps(compare(source, derived, embed=warm.embed).to_dict()) == dumps(cold)


def test_report_text_is_the_input_exactly() -> None:
    source = "\r\n  The council met on Monday.\t\r\n\r\nIt approved the plan for the 🐍 museum.  \r\n"
    derived = "\ufeffThe council met on Monday  .\n\n\nIt approved the plan for the 🐍 museum.\n"
    d = compare(source, derived).to_dict()
    assert d["source"]["text"] == source
    assert d["derived"]["text"] == derived


@pytest.mark.parametrize("name", ["original", "rewrite", "independent"])
def test_a_text_compared_with_itself_is_derived_with_full_reuse(examples: dict[str, str], name: str) -> None:
    report = compare(examples[name], examples[name])
    assert report.verdict.relation == "derived"
    assert report.scores.reuse == 1.0
    assert report.scores.verbatim == 1.0
    assert report.scores.coverage == 1.0
    assert report.scores.novelty == 0.0
    assert {link.kind for link in report.alignment.links} == {"verbatim"}
    assert report.findings == ()


def test_self_compare_with_a_repeated_sentence_has_no_findings() -> None:
    text = (
        '"We will appeal," she said. The court ruled against the company on Monday. '
        "The mayor spoke first. Then the vote was held. The mayor spoke first. "
        '"We will appeal," she said.'
    )
    report = compare(text, text)
    assert [(link.derived, link.source, link.kind) for link in report.alignment.links] == [
        ((i,), (i,), "verbatim") for i in range(6)
    ]
    assert report.findings == ()


def test_compare_accepts_article_objects(examples: dict[str, str]) -> None:
    source = Article(text=examples["original"], id="orig-1", title="Seawall approved", outlet="Wire")
    derived = Article(text=examples["rewrite"], id="copy-1", title="Seawall gets go-ahead", url="https://x.test/a")
    d = compare(source, derived).to_dict()
    assert (d["source"]["id"], d["source"]["title"], d["source"]["outlet"]) == (
        "orig-1",
        "Seawall approved",
        "Wire",
    )
    assert (d["derived"]["id"], d["derived"]["title"], d["derived"]["url"]) == (
        "copy-1",
        "Seawall gets go-ahead",
        "https://x.test/a",
    )
    assert d["verdict"]["relation"] == "derived"
    assert d["source"]["text"] == examples["original"]


@pytest.mark.parametrize("empty", ["", "   \n\t "])
def test_compare_refuses_an_empty_text(empty: str) -> None:
    with pytest.raises(InputError, match="no article text"):
        compare(empty, "The council met on Monday.")
    with pytest.raises(StorytraceError):
        compare("The council met on Monday.", Article(text=empty))


# --- alignment kinds on the crafted pair ----------------------------------------------------------------


def test_verbatim_copy(crafted: dict, find_sentence: Any, link_of: Any) -> None:
    link = link_for(crafted, "Harbor council approves", find_sentence, link_of)
    assert link["kind"] == "verbatim"
    assert link["source"] == [find_sentence(crafted, "source", "Harbor council approves")]
    assert link["similarity"] == 1.0


def test_near_verbatim_a_word_or_two_changed(crafted: dict, find_sentence: Any, link_of: Any) -> None:
    link = link_for(crafted, "Mayor Elena Ruiz said the spending plan", find_sentence, link_of)
    assert link["kind"] == "near_verbatim"
    assert link["source"] == [find_sentence(crafted, "source", "Mayor Elena Ruiz said the budget")]


def test_paraphrase_same_facts_other_words(crafted: dict, find_sentence: Any, link_of: Any) -> None:
    link = link_for(crafted, "People who live in the city", find_sentence, link_of)
    assert link["kind"] == "paraphrase"
    assert link["source"] == [find_sentence(crafted, "source", "Residents will be able to comment")]


def test_paraphrase_of_a_whole_short_article() -> None:
    source = (
        "Police arrested a 34-year-old man on Friday after a bank robbery in the town center. "
        "Officers recovered most of the stolen money."
    )
    derived = (
        "A 34-year-old man was taken into custody by officers on Friday following a robbery at a bank "
        "downtown. Most of the stolen cash was recovered by the police."
    )
    report = compare(source, derived)
    assert [(link.derived, link.source, link.kind) for link in report.alignment.links] == [
        ((0,), (0,), "paraphrase"),
        ((1,), (1,), "paraphrase"),
    ]
    assert report.scores.verbatim < 0.5 < report.scores.reuse
    assert not [f for f in report.findings if f.type == "fact_omitted"]


def test_partial_with_an_appended_unsupported_clause(crafted: dict, find_sentence: Any, link_of: Any) -> None:
    i = find_sentence(crafted, "derived", "The council also agreed")
    link = link_of(crafted, i)
    assert link["kind"] == "partial"
    assert link["source"] == [find_sentence(crafted, "source", "The council also agreed")]
    clauses = [f for f in crafted["findings"] if f["type"] == "claim_added" and f["subtype"] == "clause"]
    assert [f["derived"]["text"] for f in clauses] == [ADDED_CLAUSE]
    clause = clauses[0]
    sentence = crafted["derived"]["sentences"][i]
    assert sentence["start"] <= clause["derived"]["start"] < clause["derived"]["end"] <= sentence["end"]
    assert clause["after"] == ADDED_CLAUSE
    assert clause["source"]["text"].startswith("The council also agreed")
    assert "editorialising" in clause["detail"]


STADIUM = (
    "The city council met on Monday to discuss the new stadium. Councillor Ruth Abara proposed a tax on "
    "hotel rooms to pay for the project. The mayor opposed the tax and said the stadium should be paid for "
    "by the team owners. The vote was postponed until next month."
)


def test_a_sentence_spliced_from_the_originals_words_is_weakly_supported() -> None:
    # Every content word is the original's, but "the mayor proposed" and "a tax on the team owners" are not.
    der = "The mayor proposed a tax on the team owners to pay for the stadium."
    report = compare(STADIUM, der)
    (f,) = [f for f in report.findings if f.type != "fact_omitted"]
    assert (f.type, f.subtype, f.severity) == ("claim_added", "weak_support", "medium")
    assert f.derived == (0, len(der))
    assert "pairs of neighbouring words" in f.detail


@pytest.mark.parametrize(
    "der",
    [
        "Councillor Ruth Abara suggested taxing hotel rooms to fund the project.",
        "The council met on Monday to discuss the new stadium, and the vote was postponed until next month.",
    ],
)
def test_faithful_restatements_are_not_weakly_supported(der: str) -> None:
    assert [f for f in compare(STADIUM, der).findings if f.type != "fact_omitted"] == []


def test_who_said_it_moved_to_the_front_is_not_weakly_supported() -> None:
    # "X says Y" for "Y, X alleges": the pairs around the speech verb are new, the claim is not.
    source = (
        "Governments around the world are using the threat of terrorism, real or perceived, to advance "
        "executions, Amnesty International alleges in its annual report on the death penalty. The number of "
        "death sentences rose by more than a quarter last year, the group found. Nigeria and Egypt accounted "
        "for most of the rise."
    )
    der = "Amnesty International says governments around the world are using the threat of terrorism."
    assert [f for f in compare(source, der).findings if f.type != "fact_omitted"] == []


def test_two_parts_of_one_long_sentence_restated_far_apart_both_keep_it() -> None:
    # Captions run together into one sentence: the summary restates its first part at the start and its
    # last part at the end; neither is an added claim.
    source = (
        "Natalia Moon moved to the Philippines in 2012 after struggling to find work as an actress in Australia. "
        "She learned the Filipino language Tagalog to win a role on the sitcom Ismol Family. "
        "The Darwin woman was born Natalie Stewart and now lives in Manila. "
        "Scroll down for video Moon (pictured) plays a catty maid on the show The multi-talented youngster is "
        "also a model who has been featured on magazine covers in the Philippines and is embarking on a "
        "singing career."
    )
    der = (
        "Moon plays a catty maid on the show. She learned Tagalog to win a role on the sitcom Ismol Family. "
        "Natalia Moon is also a model who has been featured on magazine covers in the Philippines."
    )
    report = compare(source, der)
    captions = report.alignment.source.sentences[-1].index
    links = {i: link for link in report.alignment.links for i in link.derived}
    assert captions in links[0].source and captions in links[2].source
    assert [f for f in report.findings if f.type == "claim_added"] == []


HUNGARY = (
    "Hungary's foreign minister, Peter Szijjarto, said on Monday that his country would not accept the quotas "
    "for migrants proposed by the European Commission. He spoke in Budapest."
)


def test_a_loose_paraphrase_is_weakly_supported() -> None:
    # Linked as a restatement only through shared words (Hungary, minister, European Commission, migrants):
    # the claim made with them is another one.
    der = "Hungary's deputy prime minister has called on the European Commission to block laws on migrants."
    report = compare(HUNGARY, der)
    (link,) = report.alignment.links
    assert link.kind == "paraphrase" and link.similarity < 0.64
    (f,) = [f for f in report.findings if f.type != "fact_omitted"]
    assert (f.type, f.subtype, f.severity) == ("claim_added", "weak_support", "medium")
    assert "says something else" in f.detail


def test_a_close_paraphrase_is_not_weakly_supported() -> None:
    der = "Hungary will not accept the migrant quotas the European Commission proposed, its foreign minister said."
    assert [f for f in compare(HUNGARY, der).findings if f.type != "fact_omitted"] == []


# A long original holds, somewhere, nearly every word a restatement uses ("councillors decided", "century-old"
# and "shut its doors" are in other sentences here): near the sentence restated they are the rewrite's own.
LIBRARY = (
    "The Harlow council met on Tuesday evening in the town hall. "
    "The council voted to close the Millbrook library, which has served the town since 1921. "
    "About 40 residents attended the meeting. "
    "The mayor, Denise Okafor, said the budget left no choice. "
    "Staff will be offered other posts. "
    "In 1990 the councillors decided on a new flag. "
    "The century-old clock tower was repaired in May. "
    "A bakery on the high street will shut its doors next month. "
    "The next meeting is in June."
)
LIBRARY_LEAD = "The Harlow council met on Tuesday evening in the town hall. "


def test_a_restatement_in_its_own_words_is_no_splice_against_a_long_original() -> None:
    der = LIBRARY_LEAD + "The councillors decided that the century-old Millbrook library would shut its doors."
    report = compare(LIBRARY, der)
    assert [(lk.kind, lk.source) for lk in report.alignment.links] == [("verbatim", (0,)), ("paraphrase", (1,))]
    assert report.alignment.links[1].similarity < 0.8  # where the word-pair test applies
    assert [f for f in report.findings if f.type != "fact_omitted"] == []


def test_a_splice_of_the_words_around_it_is_still_weakly_supported() -> None:
    # The same facts rearranged out of the sentences near it: the town hall closed, the library the council.
    der = "About 40 residents voted to close the town hall, which has served the Millbrook council since 1921. "
    report = compare(LIBRARY, LIBRARY_LEAD + der)
    assert [f.subtype for f in report.findings if f.type == "claim_added"] == ["weak_support"]


def test_the_bundled_rewrite_has_no_weak_support_on_its_faithful_paraphrases(example_dict: dict) -> None:
    # examples/README.md: its loosely linked sentences are faithful rewordings, not planted distortions
    assert [f for f in example_dict["findings"] if f["subtype"] == "weak_support"] == []


def test_added_sentence(crafted: dict, find_sentence: Any, link_of: Any) -> None:
    i = find_sentence(crafted, "derived", "The zoo's new penguin")
    link = link_of(crafted, i)
    assert link == {**link, "derived": [i], "source": [], "kind": "added"}
    sentences = [f for f in crafted["findings"] if f["type"] == "claim_added" and f["subtype"] == "sentence"]
    assert [f["derived"]["text"] for f in sentences] == [
        "The zoo's new penguin enclosure drew large crowds over the weekend."
    ]
    assert sentences[0]["source"] is None


def test_merged_sentence_links_to_both_sources(crafted: dict, find_sentence: Any, link_of: Any) -> None:
    link = link_for(crafted, "The storm drains on Elm Street", find_sentence, link_of)
    assert link["source"] == [
        find_sentence(crafted, "source", "The storm drains on Elm Street"),
        find_sentence(crafted, "source", "Crews expect the work"),
    ]
    assert len(link["derived"]) == 1
    assert link["kind"] in ("near_verbatim", "paraphrase")


def test_split_sentence_is_one_link(crafted: dict, find_sentence: Any, link_of: Any) -> None:
    first = find_sentence(crafted, "derived", "The Harbor City council voted")
    second = find_sentence(crafted, "derived", "The decision ends a year")
    assert second == first + 1
    link = link_of(crafted, first)
    assert link is link_of(crafted, second)
    assert link["derived"] == [first, second]
    assert link["source"] == [find_sentence(crafted, "source", "The Harbor City council voted")]
    assert link["kind"] in ("near_verbatim", "paraphrase", "partial")


def test_salient_omission_ranks_above_a_trivial_one(crafted: dict) -> None:
    omitted = [f for f in crafted["findings"] if f["type"] == "fact_omitted" and f["subtype"] == "sentence"]
    assert [f["source"]["text"][:30] for f in omitted] == [
        "State Treasurer Nadia Fairbank",
        "The meeting ran late.",
    ]
    assert omitted[0]["salience"] > omitted[1]["salience"]
    assert omitted[0]["before"] == omitted[0]["source"]["text"]
    # the salient one is in the text after the trivial one: the order is salience, not position
    assert omitted[0]["source"]["start"] > omitted[1]["source"]["start"]


@pytest.mark.parametrize("side", ["source", "derived"])
def test_boilerplate_is_marked_and_left_out(crafted: dict, sentence_text: Any, side: str) -> None:
    sentences = crafted[side]["sentences"]
    marked = {sentence_text(crafted, side, i) for i, s in enumerate(sentences) if s["boilerplate"]}
    text = crafted[side]["text"]
    assert marked == {line for line in BOILERPLATE_LINES if line in text}
    assert len(marked) == 3
    boiler = {i for i, s in enumerate(sentences) if s["boilerplate"]}
    assert not boiler & {i for a in crafted["alignments"] for i in a[side]}
    for f in crafted["findings"]:
        assert not any(line in (f[side] or {}).get("text", "") for line in BOILERPLATE_LINES)


def test_crafted_pair_verdict(crafted: dict) -> None:
    assert crafted["verdict"]["relation"] == "derived"
    assert crafted["warnings"] == []
    kinds = {a["kind"] for a in crafted["alignments"]}
    assert kinds == {"verbatim", "near_verbatim", "paraphrase", "partial", "added"}


# --- the bundled examples against examples/expected.json -------------------------------------------------


def test_examples_kinds_match_expected(example_dict: dict, expected: dict, find_sentence: Any, link_of: Any) -> None:
    rows = expected["kinds"]
    misses = []
    for row in rows:
        link = link_of(example_dict, find_sentence(example_dict, "derived", row["derived_starts_with"]))
        if link["kind"] not in (row["kind"], *row.get("also_acceptable", ())):
            misses.append((row["derived_starts_with"], row["kind"], link["kind"]))
    assert len(misses) <= len(rows) // 10, misses


def test_examples_sources_match_expected(example_dict: dict, expected: dict, find_sentence: Any, link_of: Any) -> None:
    wrong = []
    for row in expected["kinds"]:
        link = link_of(example_dict, find_sentence(example_dict, "derived", row["derived_starts_with"]))
        want = sorted(find_sentence(example_dict, "source", p) for p in row["source_starts_with"])
        if link["source"] != want:
            wrong.append((row["derived_starts_with"], want, link["source"]))
    assert len(wrong) <= len(expected["kinds"]) // 10, wrong


def test_examples_split_and_merge(example_dict: dict, expected: dict, find_sentence: Any, link_of: Any) -> None:
    split = [r for r in expected["kinds"] if r.get("relation") == "split"]
    links = [link_of(example_dict, find_sentence(example_dict, "derived", r["derived_starts_with"])) for r in split]
    assert links[0] is links[1] and len(links[0]["derived"]) == 2
    merge = next(r for r in expected["kinds"] if r.get("relation") == "merge")
    link = link_of(example_dict, find_sentence(example_dict, "derived", merge["derived_starts_with"]))
    assert len(link["source"]) == 2


def test_examples_omissions_match_expected(example_dict: dict, expected: dict) -> None:
    omitted = [
        f["source"]["text"]
        for f in example_dict["findings"]
        if f["type"] == "fact_omitted" and f["subtype"] == "sentence"
    ]
    want = expected["omitted_source_starts_with"]
    assert len(omitted) == len(want)
    assert {next(p for p in want if text.startswith(p)) for text in omitted} == set(want)
    # the salient omission (a named treasurer and a figure) comes first
    assert omitted[0].startswith("State Treasurer Nadia Fairbanks")


def test_examples_added_claims_are_found(example_dict: dict, expected: dict) -> None:
    added = [f["derived"]["text"] for f in example_dict["findings"] if f["type"] == "claim_added"]
    for claim in expected["added_claims"]:
        assert claim["text"] in added, claim["text"]
    clause = next(f for f in example_dict["findings"] if f["type"] == "claim_added" and f["subtype"] == "clause")
    assert clause["derived"]["text"] == "that has cast a shadow over the entire project"


def test_examples_boilerplate_free(example_dict: dict) -> None:
    for side in ("source", "derived"):
        assert not any(s["boilerplate"] for s in example_dict[side]["sentences"])


# --- verdicts ---------------------------------------------------------------------------------------------


def test_rewrite_is_derived_as_given(example_dict: dict) -> None:
    v = example_dict["verdict"]
    assert (v["relation"], v["direction"]) == ("derived", "as_given")
    assert v["confidence"] >= 0.5 and v["direction_confidence"] > 0.5
    assert example_dict["scores"]["reuse"] >= 0.5


def test_swapped_arguments_give_reversed(examples: dict[str, str]) -> None:
    v = compare(examples["rewrite"], examples["original"]).verdict
    assert (v.relation, v.direction) == ("derived", "reversed")


@pytest.mark.parametrize(("source", "derived"), [("original", "independent"), ("independent", "original")])
def test_independent_report_is_related(examples: dict[str, str], source: str, derived: str) -> None:
    v = compare(examples[source], examples[derived]).verdict
    assert v.relation == "related"
    assert v.direction == "unclear"


def test_unrelated_report_is_unrelated(examples: dict[str, str]) -> None:
    report = compare(examples["original"], examples["unrelated"])
    assert report.verdict.relation == "unrelated"
    assert report.scores.reuse < 0.1


@pytest.mark.parametrize(
    ("source_date", "derived_date", "direction"),
    [
        ("2024-03-14", "2024-03-15", "as_given"),
        ("2024-03-15", "2024-03-14", "reversed"),
        ("2024-03-14T09:00:00+00:00", "2024-04-01", "as_given"),
    ],
)
def test_publication_dates_decide_direction(
    examples: dict[str, str], source_date: str, derived_date: str, direction: str
) -> None:
    report = compare(
        Article(text=examples["original"], published=source_date),
        Article(text=examples["rewrite"], published=derived_date),
    )
    assert report.verdict.direction == direction
    assert any("published first" in e for e in report.verdict.evidence)
    d = report.to_dict()
    assert (d["source"]["published"], d["derived"]["published"]) == (source_date, derived_date)


def test_dates_win_over_the_text_evidence(examples: dict[str, str]) -> None:
    # the text says the rewrite came second; the dates say the arguments are in the right order
    report = compare(
        Article(text=examples["rewrite"], published="2024-03-14"),
        Article(text=examples["original"], published="2024-03-20"),
    )
    assert report.verdict.direction == "as_given"


def test_one_date_only_falls_back_to_the_text(examples: dict[str, str]) -> None:
    report = compare(Article(text=examples["original"], published="2024-03-20"), examples["rewrite"])
    assert report.verdict.direction == "as_given"


def test_non_english_text_gives_a_warning() -> None:
    report = compare(GERMAN, CRAFTED_DERIVED)
    assert len(report.warnings) == 1
    assert "source" in report.warnings[0] and "English" in report.warnings[0]
    assert report.to_dict()["warnings"] == list(report.warnings)


def test_english_texts_give_no_warning(example_report: Any) -> None:
    assert example_report.warnings == ()


# --- lexical only (--no-embeddings) -----------------------------------------------------------------------


def test_no_embeddings_still_finds_copies(examples: dict[str, str], check_report: Any, crafted_lexical: dict) -> None:
    report = compare(examples["original"], examples["rewrite"], settings=Settings(use_embeddings=False))
    d = report.to_dict()
    check_report(d)
    assert d["meta"]["settings"]["use_embeddings"] is False
    assert d["meta"]["embedding_model"] is None
    kinds = [a["kind"] for a in d["alignments"]]
    assert kinds.count("verbatim") >= 2 and kinds.count("near_verbatim") >= 10
    assert d["verdict"]["relation"] == "derived"

    by_kind = {a["kind"] for a in crafted_lexical["alignments"]}
    assert {"verbatim", "near_verbatim"} <= by_kind
    assert crafted_lexical["meta"]["settings"]["use_embeddings"] is False


def test_embeddings_on_by_default(example_dict: dict) -> None:
    assert example_dict["meta"]["settings"]["use_embeddings"] is True
    assert example_dict["meta"]["embedding_model"]


def test_no_embeddings_finds_a_short_verbatim_sentence() -> None:
    text = "Police closed the Elm Street bridge on Friday after a truck overturned. It was not clear why."
    report = compare(text, text, settings=Settings(use_embeddings=False))
    assert [link.kind for link in report.alignment.links] == ["verbatim", "verbatim"]
    assert report.findings == ()


@pytest.mark.parametrize("use_embeddings", [False, True])
def test_a_copied_sentence_without_content_words_links_to_its_copy(use_embeddings: bool) -> None:
    # "You did say that." has no content word: every score of its row is zero, and it used to be left
    # added against the identical text while its copy in the original counted as omitted.
    streets = ("Elm", "Oak", "Pine", "Birch", "Cedar", "Maple", "Willow", "Ash", "Alder", "Rowan")
    filler = " ".join(f"Crews repaired the {k + 2} old pipes under {name} Street." for k, name in enumerate(streets))
    text = filler + " Critics said that you did say in 2004 that the wall was safe for the town. You did say that."
    report = compare(text, text, settings=Settings(use_embeddings=use_embeddings))
    assert [(link.derived, link.source, link.kind) for link in report.alignment.links] == [
        ((i,), (i,), "verbatim") for i in range(12)
    ]
    assert report.alignment.omitted == ()


def test_a_repeated_copy_takes_the_near_copy_left_over_not_the_linked_copy() -> None:
    # The suspect repeats its lead where the original closes with a near-copy of it: once the lead's copy is
    # linked, the repeat is placed by its scores, on the near-copy, not back on the same sentence.
    lead = "The harbour authority approved the plan to dredge the northern channel on Thursday."
    middle = "The channel has silted up since the storms of last winter. Larger boats have had to wait for high tide."
    recap = "The harbour authority approved a plan to dredge the northern channel on Thursday."
    for use_embeddings in (False, True):
        report = compare(
            f"{lead} {middle} {recap}", f"{lead} {middle} {lead}", settings=Settings(use_embeddings=use_embeddings)
        )
        links = [(link.derived, link.source, link.kind) for link in report.alignment.links]
        assert links == [
            ((0,), (0,), "verbatim"),
            ((1,), (1,), "verbatim"),
            ((2,), (2,), "verbatim"),
            ((3,), (3,), "near_verbatim"),
        ]


@pytest.mark.parametrize("sentence", ["You did say that.", "The council voted to approve it."])
def test_a_sentence_repeated_many_times_links_copy_to_copy(sentence: str) -> None:
    text = " ".join([sentence] * 12 + ["The mayor left early."])
    report = compare(text, text, settings=Settings(use_embeddings=False))
    assert [(link.derived, link.source) for link in report.alignment.links] == [((i,), (i,)) for i in range(13)]
    assert report.alignment.omitted == ()


# Formulaic news: the same sentence frames with other names and figures are not reuse.
_FRAMES = [
    "{org} did not respond to a request for comment on the {thing} over the weekend.",
    "About {n} flights were affected in {city} and {city2}, {org} estimated.",
    "The critic put the cost at {n2} tickets, close to the long-awaited estimate.",
    '"Good news for everyone," {person} added, referring to the {thing}.',
    "{org} has announced the tour before, most recently in {year}.",
]


_FACTS = {
    "org": "Stiorstuthpio Party",
    "thing": "audit",
    "n": "60",
    "city": "Survirkysk",
    "city2": "Cilvlolstad",
    "n2": "79.9",
    "person": "Prextrum",
    "year": "2009",
}
_OTHER_FACTS = dict(
    zip(
        _FACTS,
        ["Vlachourt Agency", "warning", "412", "Gramguxfoth", "Veartjiskburg", "12", "Pouxtrox", "2019"],
        strict=True,
    )
)


def _formulaic(**facts: str) -> str:
    return " ".join(f.format(**facts) for f in _FRAMES)


def test_sentence_frames_with_other_facts_are_not_reuse() -> None:
    report = compare(_formulaic(**_FACTS), _formulaic(**_OTHER_FACTS))
    assert report.verdict.relation not in ("derived", "partially_derived"), report.scores


def test_a_copy_with_one_figure_changed_is_still_derived() -> None:
    report = compare(_formulaic(**_FACTS), _formulaic(**{**_FACTS, "n": "90"}))
    assert report.verdict.relation == "derived"
    assert report.scores.reuse > 0.9
    assert any(f.type == "number_changed" for f in report.findings)


def test_compare_documents_in_two_steps_gives_what_compare_gives(examples: dict[str, str]) -> None:
    from storytrace.comparison import compare_documents, with_findings
    from storytrace.report.json import report_to_dict
    from storytrace.text import analyse

    src, der = Article(text=examples["original"]), Article(text=examples["rewrite"])
    whole = compare(src, der, settings=Settings(use_embeddings=False))
    verdict_only = compare_documents(
        analyse(src), analyse(der), settings=Settings(use_embeddings=False), findings=False
    )
    assert verdict_only.findings == ()
    assert verdict_only.verdict == whole.verdict and verdict_only.scores == whole.scores
    assert report_to_dict(with_findings(verdict_only)) == report_to_dict(whole)


def _restated_example() -> tuple[Any, Any, str, str, list[str], Any]:
    """The bundled original and a copy of it with two sentences restated, and an embedding function that
    records what it embeds."""
    from pathlib import Path

    from storytrace.embed import get_embedder
    from storytrace.text import analyse

    original = (Path(__file__).resolve().parent.parent / "examples" / "original.txt").read_text(encoding="utf-8")
    said = "Whitcombe said he would ask the state auditor to examine the tender process before any contract is signed."
    restated = "Whitcombe told reporters he plans to have the state auditor look into how the contract is awarded."
    mayor = "Some waterfront property owners have already raised concerns that the barrier could block their views"
    mayor_restated = "Homeowners on the waterfront have already complained that the wall could spoil their views"
    assert said in original and mayor in original
    rewrite = original.replace(said, restated).replace(mayor, mayor_restated)
    source, derived = analyse(Article(text=original)), analyse(Article(text=rewrite))
    embedder = get_embedder()
    seen: list[str] = []

    def embed(texts: Any) -> Any:
        seen.extend(texts)
        return embedder.embed(texts)

    return source, derived, restated, mayor_restated, seen, embed


def test_link_paraphrases_embeds_only_open_sentences_and_links_like_align() -> None:
    """The scan's cheaper embedding pass: a copy with two sentences restated. Only the restated
    sentences and their candidate sources are embedded, and the links come out as a full ``align``."""
    from storytrace.align import align, link_paraphrases
    from storytrace.embed import get_embedder

    source, derived, restated, _, seen, embed = _restated_example()
    embedder = get_embedder()

    lexical = align(source, derived, settings=Settings(use_embeddings=False))
    kinds = {derived.sentence_text(link.derived[0]): link.kind for link in lexical.links}
    assert kinds[restated] in ("added", "partial")
    linked = link_paraphrases(lexical, embed)
    full = align(source, derived, embed=embedder.embed)
    assert len(seen) < (len(source.body) + len(derived.body)) / 2
    assert restated in seen
    assert [(lk.derived, lk.source, lk.kind) for lk in linked.links] == [
        (lk.derived, lk.source, lk.kind) for lk in full.links
    ]
    assert linked.omitted == full.omitted
    assert linked.semantic_links and not linked.used_embeddings


def test_link_paraphrases_rows_limits_the_sentences_embedded() -> None:
    """A probe: only the derived sentences asked for are embedded; their links are those of the full pass."""
    from storytrace.align import align, link_paraphrases
    from storytrace.embed import get_embedder

    source, derived, restated, mayor_restated, seen, embed = _restated_example()
    embedder = get_embedder()

    lexical = align(source, derived, settings=Settings(use_embeddings=False))
    position = next(k for k, s in enumerate(derived.body) if derived.sentence_text(s.index) == restated)
    probe = link_paraphrases(lexical, embed, rows={position})
    assert restated in seen and not any(mayor_restated in t for t in seen)
    full = link_paraphrases(lexical, embedder.embed)
    of = {lk.derived: (lk.source, lk.kind) for lk in full.links}
    restated_link = next(lk for lk in probe.links if derived.body[position].index in lk.derived)
    assert of[restated_link.derived] == (restated_link.source, restated_link.kind)


def test_a_share_bar_glued_to_the_first_sentence_keeps_the_sentence() -> None:
    """A scrape that lost a line break glues a share bar to the lead: a sentence of more than
    ``text.BOILERPLATE_WORDS`` words that opens like one is the article's, not site furniture; a share line
    on its own is still left out."""
    from storytrace.text import BOILERPLATE_WORDS, analyse

    lead = (
        "The Wexford county council voted on Tuesday to close the Ballymore footbridge over the Slaney river "
        "after engineers found corroded cables, leaving some 400 commuters a detour of three kilometres."
    )
    glued = analyse(Article(text=f"Share this withEmailFacebookTwitterCopy this link{lead}\n\nShare this with friends"))
    assert len(glued.sentence_text(glued.body[0].index).split()) > BOILERPLATE_WORDS
    assert [glued.sentence_text(s.index) for s in glued.body] == [
        f"Share this withEmailFacebookTwitterCopy this link{lead}"
    ]
    # The bound is for share bars only: a long newsletter box is furniture at any length.
    words = " ".join(["word"] * BOILERPLATE_WORDS)
    for line in ("Share this with " + words, "Follow @storytrace " + words):
        assert not analyse(Article(text=line)).sentences[0].boilerplate
    shorter = " ".join(["word"] * (BOILERPLATE_WORDS - 3))
    assert analyse(Article(text="Share this with " + shorter)).sentences[0].boilerplate
    newsletter = "Sign up for our free daily newsletter and get " + words + " every morning."
    assert analyse(Article(text=newsletter)).sentences[0].boilerplate


def test_novel_word_pairs_skip_speech_verbs_but_not_nouns_spelled_like_them() -> None:
    from storytrace.article import Article
    from storytrace.audit import _novel_pairs
    from storytrace.text import analyse

    (sent,) = analyse(Article(text="Officials said the United States confirmed cases.")).sentences
    novel, total = _novel_pairs(sent, known=set())
    # ("officials", "said") and ("said", "the") are left out; ("united", "states"), ("states", "confirmed")
    # and ("confirmed", "cases") count: here they are a country and an adjective, not speech verbs.
    assert (novel, total) == (4, 4)


def test_common_words_of_few_sentences_equal_the_sparse_product(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small products are counted by set intersections (``align._SMALL_PRODUCT``): the same numbers."""
    import random

    import numpy as np

    from storytrace import align as align_module

    rng = random.Random(5)
    vocabulary = [f"w{k}" for k in range(60)]
    for rows_n, cols_n in ((1, 1), (1, 12), (3, 40), (25, 30), (0, 4)):
        rows = [frozenset(rng.sample(vocabulary, rng.randint(0, 12))) for _ in range(rows_n)]
        cols = [frozenset(rng.sample(vocabulary, rng.randint(0, 12))) for _ in range(cols_n)]
        small = align_module._common_words(rows, cols)
        monkeypatch.setattr(align_module, "_SMALL_PRODUCT", -1)
        sparse = align_module._common_words(rows, cols)
        monkeypatch.undo()
        assert small.dtype == sparse.dtype == np.float32
        assert small.shape == sparse.shape == (rows_n, cols_n)
        assert np.array_equal(small, sparse)
        assert small.tolist() == [[float(len(r & c)) for c in cols] for r in rows]


def test_a_thousands_comma_does_not_cut_an_added_clause() -> None:
    """A comma (or colon) between two digits is part of a figure: the added clause keeps "50,000" whole."""
    from storytrace.settings import DEFAULT_SETTINGS

    report = compare(
        "The plant employs 900 workers in Lorain. The deal was signed in 1993.",
        "The plant employs 900 workers in Lorain, a town that has lost a staggering 50,000 jobs since the deal. "
        "The deal was signed in 1993.",
        settings=DEFAULT_SETTINGS.with_(use_embeddings=False),
    )
    clauses = [f.after for f in report.findings if f.subtype == "clause"]
    assert clauses == ["that has lost a staggering 50,000 jobs since the deal"], clauses
