"""The one-line count of a report (sentences by kind, sentences omitted, findings by severity), shared by the
terminal and HTML reports so that an editor reading either sees the same numbers in the same words."""

from __future__ import annotations

from typing import Any

from storytrace.article import published_date_of

KIND_WORDS = {
    "verbatim": "verbatim",
    "near_verbatim": "near-verbatim",
    "paraphrase": "paraphrase",
    "partial": "partial",
    "added": "added",
}
SEVERITY_ORDER = ("high", "medium", "low", "info")


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 finding``, ``2 findings``."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def omitted_sentences(report: dict[str, Any]) -> int:
    """Original sentences dropped whole (a list item dropped from a kept sentence is not one)."""
    return sum(1 for f in report["findings"] if f["type"] == "fact_omitted" and f["subtype"] == "sentence")


def count_parts(report: dict[str, Any]) -> tuple[str, str, str]:
    """``29 suspect sentences (3 verbatim, ...)``, ``5 of 30 original sentences omitted``, ``20 findings (7 high,
    ...)``, from a JSON report (``Report.to_dict()``); ``counts`` joins them."""
    kinds: dict[str, int] = {}
    for link in report["alignments"]:
        kinds[link["kind"]] = kinds.get(link["kind"], 0) + len(link["derived"])
    kind_words = ", ".join(f"{kinds[k]} {word}" for k, word in KIND_WORDS.items() if kinds.get(k))
    n_src = sum(1 for x in report["source"]["sentences"] if not x["boilerplate"])
    sev: dict[str, int] = {}
    for f in report["findings"]:
        sev[f["severity"]] = sev.get(f["severity"], 0) + 1
    sev_words = ", ".join(f"{sev[k]} {k}" for k in SEVERITY_ORDER if sev.get(k))
    return (
        f"{plural(sum(kinds.values()), 'suspect sentence')} ({kind_words or 'none'})",
        f"{omitted_sentences(report)} of {plural(n_src, 'original sentence')} omitted",
        plural(len(report["findings"]), "finding")
        + (f" ({sev_words})" if sev_words else "")
        + (INDEPENDENT_NOTE if report["findings"] and _independent(report) else ""),
    )


#: An editor reading "7 high" under a pair judged independent would take it for a distorted copy (QA, session
#: 22). Such a pair's added claims are at most medium (``audit.findings_of``), kept at medium because the
#: findings eval scores added claims on such pairs too; its omissions say "not reported", not "dropped".
INDEPENDENT_NOTE = (
    ": the texts were not judged a copy, so these say how the suspect differs from this text, "
    "not what a rewrite changed"
)


def _independent(report: dict[str, Any]) -> bool:
    return report.get("verdict", {}).get("relation") in ("related", "unrelated")


def counts(report: dict[str, Any]) -> str:
    return "; ".join(count_parts(report))


def trace_source_caveats(result: Any) -> list[str]:
    """What a reader must know before trusting the source a trace (``TraceResult``) names, in the words the
    terminal, HTML and web reports share: that the date bound could not check it (it has no publication date),
    that other candidates have exactly its text (the texts alone cannot tell which of them is the source)."""
    source = next((c for c in result.candidates if c.id == result.source), None)
    if source is None:
        return []
    out = []
    if result.before is not None and source.undated:
        rest = (
            "; no other candidate listed has a date either"
            if len(result.candidates) > 1 and _all_undated(result)
            else ""
        )
        out.append(
            f"undated: it has no publication date, so the bound of {result.before} could not leave it out "
            f"(it may be younger than the suspect){rest}"
        )
    if source.identical_to:
        others = ", ".join(source.identical_to)
        out.append(
            f"identical text: {others} {'has' if len(source.identical_to) == 1 else 'have'} exactly this text; "
            "the texts alone cannot tell which of them is the source"
        )
    return out


def _all_undated(result: Any) -> bool:
    """Is every listed candidate undated under a date bound? An index without dates (SheepDog, a crawl without
    them) makes it so on every trace: said once above the table, "(undated)" on each row was noise."""
    return result.before is not None and bool(result.candidates) and all(c.undated for c in result.candidates)


def trace_undated_note(result: Any) -> str | None:
    """When no source is named and no listed candidate has a publication date under a date bound: the one line
    that says so (with a source, :func:`trace_source_caveats` says it)."""
    if result.source is not None or not _all_undated(result):
        return None
    n = len(result.candidates)
    which = "the candidate listed has no" if n == 1 else f"none of the {n} candidates listed has a"
    return (
        f"undated: {which} publication date, so the bound of {result.before} could not leave "
        f"{'it' if n == 1 else 'any'} out"
    )


#: Why an other text under the suspect's id is a version of it, by ``TraceResult.own_id_rule``: the note said "the
#: same outlet or URL" when neither matched (rev26b 5).
_OWN_ID_RULES = {
    "id": "the same id, which is no row number an export counts up",
    "url": "the same URL",
    "outlet": "the same outlet",
    "not_earlier": "no outlet named on either side, and it is not dated before the suspect",
}


def trace_indexed_as_note(result: Any) -> str | None:
    """When the index holds the suspect itself: under its own id (``TraceResult.own_id_indexed``, left out), under
    another id (``indexed_as``: listed and marked, never taken for its source): the one line that says so."""
    notes = []
    own = getattr(result, "own_id_indexed", None)
    if own is not None:
        # the same id is left out of the candidates: without a word, a trace of an indexed article showed a weaker
        # candidate and no source, read as a missed original
        own_id = result.suspect.article.id
        notes.append(
            f"the index holds the suspect under its own id {own_id} (its very text): left out, as no article is its "
            "own source"
            if own == "same_text"
            else f"the index holds another text under the suspect's id {own_id}: left out as a version of it "
            f"({_OWN_ID_RULES.get(getattr(result, 'own_id_rule', None) or '', 'the same id')}); if it is another "
            "article, trace under another id"
        )
    ids = list(result.indexed_as)
    if ids:
        shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
        notes.append(
            f"the suspect itself appears to be in the index as {shown} (the same text and outlet, not dated "
            "earlier): listed, never taken for its source"
        )
    return "; ".join(notes) or None


def trace_read_as_copies_note(result: Any) -> str | None:
    """When a listed candidate close to the suspect was not named its source only because the text reads it as
    taken from the suspect, with no publication dates to tell (``TraceResult.read_as_copies``): the one line that
    says so. The text alone can be wrong, and a real original so dropped was left unsaid."""
    ids = list(getattr(result, "read_as_copies", ()))
    if not ids:
        return None
    shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
    one = len(ids) == 1
    return (
        f"{shown} {'reads' if one else 'read'} as taken from the suspect, judged from the text alone (a publication "
        f"date missing), so {'it is' if one else 'they are'} not named as its source; if "
        f"{'it' if one else 'one'} was published first, {'it is' if one else 'that one is'} the source"
    )


def trace_stamped_later_note(result: Any) -> str | None:
    """When a listed candidate close to the suspect was not named its source because the stamps put it after the
    suspect (``TraceResult.stamped_later``): the one line that says so. The row alone read "derived, reversed", and
    an agency's story updated after an outlet copied it was dropped with no word of why (review trace27)."""
    ids = list(getattr(result, "stamped_later", ()))
    if not ids:
        return None
    shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
    one = len(ids) == 1
    return (
        f"{shown} {'is' if one else 'are'} stamped later than the suspect, so {'it is' if one else 'they are'} not "
        f"named as its source (an original is not younger than its copy); if {'it' if one else 'one'} is an update of "
        "the story the suspect copied, its first version is the source"
    )


def trace_later_copies(result: Any) -> bool:
    """Does a trace without a source find only later copies of the suspect: every held-back match read as taken
    from it ("reversed", by the dates)? Then the suspect is likely the original itself, and "no source found"
    above a warning read as if something were wrong; the reports say "no earlier source" and name the copies."""
    matches = list(result.held_back_matches)
    # "Later" by the dates, not by the bound alone: an undated suspect, or one dated after a --before the user
    # chose, has matches the bound left out that need not be later than it (rev23r).
    # Parsed dates, not the strings: an Article built by hand may say "Fri, 01 Aug 2025 09:00:00 GMT" (rev23r2).
    own = result.suspect.article.published_date()
    if not matches or result.source is not None or own is None:
        return False
    days = [published_date_of(m.published) for m in matches]
    return all(
        m.direction == "reversed" and day is not None and day > own for m, day in zip(matches, days, strict=True)
    )


def trace_uncompared(result: Any) -> bool:
    """Was nothing compared: a retrieval-only trace (``shortlist`` 0, ``trace --shortlist 0``) listing candidates?
    Then "no candidate was judged the original" would claim a judgement no comparison made."""
    return bool(result.candidates) and all(c.report is None and not c.too_long for c in result.candidates)


RETRIEVAL_ONLY = "no source named: retrieval only (shortlist 0), no candidate was compared"


def trace_headline(result: Any) -> str:
    """The headline of a trace that names no source and was not too short, in the words the terminal, HTML and
    web reports share."""
    if trace_later_copies(result):
        return "no earlier source found in the index"
    if trace_uncompared(result):
        return RETRIEVAL_ONLY
    return "no source found in the index: no candidate was judged the original"


def _held_back_date(published: str | None) -> str:
    """A held-back match's date as the bound read it (ISO), else its whole stamp on one line: the first ten
    characters of "9 August 2025" read as year 2, of "Fri, 15 Aug 2025 ..." as no date at all (rev24d)."""
    day = published_date_of(published)
    if day is not None:
        return day.isoformat()
    return " ".join(published.split()) if published and published.strip() else "undated"


def trace_held_back_note(result: Any) -> str | None:
    """When no source is named and the date bound left out articles compare relates to the suspect
    (``TraceResult.held_back_matches``): the one line that says so, or "no source" read as "nothing like it
    was indexed" while the original sat just past the bound."""
    matches = list(result.held_back_matches)
    if not matches or result.source is not None:
        return None
    shown = ", ".join(f"{m.id} ({_held_back_date(m.published)})" for m in matches[:3])
    if len(matches) > 3:
        shown += f" and {len(matches) - 3} more"
    one = len(matches) == 1
    if trace_later_copies(result):
        # The dates make each match the suspect's copy (a wire story, a press release), but the texts cannot tell
        # that from a wrong date (the suspect backdated, an original stamped with its last update): say both, the
        # one not as a footnote to the other (qa22, tr23 review). Nor from two outlets each taking one statement or
        # wire story's words (rev23r): a lead shared word for word reads as a copy either way round.
        return (
            f"{plural(len(matches), 'later article')} in the index {'matches' if one else 'match'} this one: "
            f"{shown} (published after {result.before}); either {'it copies' if one else 'they copy'} this one, "
            f"{'both take' if one else 'all take'} it from a common source (a statement, a wire), or a date is "
            f"wrong and {'it' if one else 'the earliest'} is its source"
        )
    they = "it was" if one else "they were"
    # The bound is the suspect's date (then the dates make each match its copy: "reversed") or a --before the
    # user chose, older than the suspect (then a match may be its source, and a later bound would say so).
    copies = [m.id for m in matches if m.direction == "reversed"]
    if not copies:
        tail = f"a later --before would consider {'it' if one else 'them'}"
    else:
        tail = (
            f"a later --before would consider {'it' if one else 'them'}; compare reads {', '.join(copies)} as "
            "taken from the suspect"
        )
    return (
        f"{plural(len(matches), 'closely matching article')} {they.split()[1]} published after the bound "
        f"({result.before}), so {they} not considered as {'a source' if one else 'sources'}: {shown}; {tail}"
    )


#: What the retrieval column is, said under every trace table: the fusion scales each channel to the best
#: candidate of the trace, so the first row scores near 1 even when nothing in the index is like the suspect
#: (qa22: an unrelated business story at "0.92" read as "92% similar").
RETRIEVAL_NOTE = (
    "retrieval: rank score relative to this trace's best-matching indexed article (near 1.00 for the best, "
    "however unlike the suspect), not a similarity; relation, reuse and coverage say how close a candidate is"
)


def candidate_relation(report: Any) -> str:
    """A compared trace candidate's relation in words: a pair too short to judge claims none, and its
    ``unrelated`` (confidence 0) would read as a judgement the texts cannot support."""
    return "too short to judge" if report.too_short else str(report.verdict.relation).replace("_", " ")


def trace_candidate_marks(result: Any, candidate: Any) -> list[str]:
    """Short notes on one listed candidate: undated under a date bound (unless all are: said once above the
    table), identical to others listed."""
    out = []
    if result.before is not None and candidate.undated and not _all_undated(result):
        out.append("undated")
    if candidate.identical_to:
        out.append(f"identical text: {', '.join(candidate.identical_to)}")
    if candidate.version_of is not None:
        out.append(f"a version of {candidate.version_of}")
    if candidate.suspect_itself:
        out.append("the suspect itself: same text and outlet")
    return out
