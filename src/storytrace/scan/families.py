"""From judged pairs to what a researcher reads: pair records, story families, figures per outlet.

Pure functions over plain data (no I/O), used the same way after either engine.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from storytrace.article import Article
from storytrace.scan.candidates import components
from storytrace.scan.judge import PAIR_RELATIONS, PairJudgement, _name_words, host_of, published_key
from storytrace.text import same_text

PAIR_SCHEMA = "storytrace.pair/1"
CLUSTER_SCHEMA = "storytrace.cluster/1"
COPY_RELATIONS = ("derived", "partially_derived")
QUOTE_FINDINGS = ("quote_altered", "quote_fabricated")


@dataclass(frozen=True)
class ArticleMeta:
    """What the outputs need of an article: everything but its text."""

    pos: int
    id: str
    outlet: str | None
    published: str | None
    fields: dict[str, Any]

    @classmethod
    def of(cls, pos: int, article: Article) -> ArticleMeta:
        fields: dict[str, Any] = {
            k: v
            for k, v in (
                ("id", article.id),
                ("title", article.title),
                ("url", article.url),
                ("outlet", article.outlet),
                ("published", article.published),
            )
            if v is not None
        }
        for k, v in article.meta.items():
            fields.setdefault(k, v)
        return cls(pos, str(article.id), outlet_of(article), article.published, fields)


def outlet_of(article: Article) -> str | None:
    if article.outlet:
        return article.outlet
    return host_of(article.url)


def parse_time(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        t = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            t = dt.datetime.combine(dt.date.fromisoformat(value[:10]), dt.time())
        except ValueError:
            return None
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def lag_hours(source: ArticleMeta, derived: ArticleMeta) -> float | None:
    """Hours from the source's publication to the derived article's; None unless both dates are known. Stamps are
    read as compare's direction reads them (``audit.published_order``): hours only when both carry a time of day
    with its UTC offset; otherwise the lag is in whole days (24 hours a day), counted between the two calendar days
    as written. Midnight stood in for a missing time, and a wire story at 09:00 made a rewrite of the same day,
    dated by day alone, nine hours older than its source (-9.0); a time without an offset, read as UTC, put a
    rewrite hours after a source its direction could not order."""
    a_day, a_time = _stamp(source.published)
    b_day, b_time = _stamp(derived.published)
    if a_day is None or b_day is None:
        return None
    if a_time is None or b_time is None:
        return float((b_day - a_day).days * 24)
    return round((b_time - a_time).total_seconds() / 3600.0, 3)


def smallest_lag_hours(source: ArticleMeta, derived: ArticleMeta) -> float | None:
    """The smallest number of hours between the two publications their dates allow, which ``--max-lag`` filters
    on; None unless both dates are known. Where a date has no time of day (with its offset), two calendar days
    apart may be only minutes apart (a wire story at 23:00, its rewrite dated the next day): a day-level lag of
    ``d`` days allows ``(d - 1) * 24`` hours, so a 12-hour window keeps a next-day rewrite."""
    lag = lag_hours(source, derived)
    if lag is None or (_stamp(source.published)[1] is not None and _stamp(derived.published)[1] is not None):
        return None if lag is None else abs(lag)
    return max(0.0, abs(lag) / 24 - 1) * 24


@lru_cache(maxsize=65536)
def _published_key(published: str | None) -> tuple[int, int, int, float]:
    """``judge.published_key`` of a ``published`` value: the stamps parsed, not sorted as strings."""
    return published_key(Article(text="", published=published))


def _earliest(positions: Sequence[int], meta: Mapping[int, ArticleMeta]) -> list[int]:
    """Of ``positions``, those no other was published before as compare reads the stamps (``audit.unpreceded``),
    for ``_published_key`` to choose among; all of them where the stamps contradict each other. The key alone
    took a New York rewrite printed 23:30-05:00 for earlier than the London wire it copied, printed 01:00 UTC
    the next day (rev24c)."""
    from storytrace.audit import unpreceded

    if len(positions) < 2:
        return list(positions)
    kept = unpreceded([_stamp(meta[p].published) for p in positions])
    return [positions[k] for k in kept] or list(positions)


@lru_cache(maxsize=65536)
def _stamp(published: str | None) -> tuple[dt.date | None, dt.datetime | None]:
    """A ``published`` value's day as printed, and its time when it has one with a UTC offset (``Article``'s
    reading, the one compare orders articles by, ``audit.publication_stamp``); a value that cannot be read is
    undated."""
    from storytrace.audit import publication_stamp

    return publication_stamp(Article(text="", published=published))


def pair_records(
    judged: Iterable[PairJudgement],
    meta: Mapping[int, ArticleMeta],
    identical: Collection[tuple[int, int]] = (),
    warnings: Mapping[tuple[int, int], str] = {},
) -> list[dict[str, Any]]:
    """``pairs.jsonl`` lines (schema storytrace.pair/1): derived, partially derived and sibling pairs,
    the likely original first, every input field but the text passed through. ``identical``: the (source,
    derived) copy pairs of one text, spacing aside (``identical_texts``), marked ``identical_text``;
    ``warnings``: a pair's warning for the reader (``stamps.stamp_conflicts``), listed in ``warnings``."""
    out = []
    for j in sorted(judged, key=lambda j: (meta[j.source].id, meta[j.derived].id)):
        if j.relation not in PAIR_RELATIONS:
            continue
        src, der = meta[j.source], meta[j.derived]
        record: dict[str, Any] = {
            "schema": PAIR_SCHEMA,
            "source_id": src.id,
            "derived_id": der.id,
            "relation": j.relation,
            "direction_confidence": j.direction_confidence,
            "lag_hours": lag_hours(src, der),
            "scores": {**j.scores, "candidate": round(j.candidate_score, 6)},
            "findings": j.findings,
            "method": j.method,
            "source_meta": src.fields,
            "derived_meta": der.fields,
        }
        if j.common_source is not None:
            record["common_source_id"] = meta[j.common_source].id
        if (j.source, j.derived) in identical:
            record["identical_text"] = True
        if (warning := warnings.get((j.source, j.derived))) is not None:
            record["warnings"] = [warning]
        out.append(record)
    return out


#: A copy that keeps this share of its source's content (the pair's ``coverage``) holds the source whole: the
#: source is an excerpt or a copy of it, should the stamps that made it the source be wrong (``clusters``).
HELD_WHOLE = 0.9


def clusters(
    judged: Sequence[PairJudgement],
    meta: Mapping[int, ArticleMeta],
    same: Mapping[int, int] = {},
    contradicted: Collection[tuple[int, int]] = (),
) -> list[dict[str, Any]]:
    """Story families: connected groups of articles joined by derived, partially derived or sibling pairs.

    The likely original of a family is the member that others were derived from and that was derived
    from none of them; among several, the earliest published, then the one with most copies. ``derived``
    counts derived articles, each once: a member that is another again (``same``, ``same_articles``) is that
    article, as outlets.csv counts it, and ``repeats`` says how many members are such second ids.

    Where that member is its copy's source on a stamp the two texts contradict (``contradicted``, the pairs of
    ``stamps.stamp_conflicts``) and the copy holds it whole (the pair's coverage at least ``HELD_WHOLE``), the copy
    is the original: the member that holds the family's material, not an excerpt of it dated too early (qa27 P1:
    a misdated five-sentence excerpt of a wire story was its family's original).
    """
    kept = [j for j in judged if j.relation in PAIR_RELATIONS]
    members = sorted({p for j in kept for p in (j.source, j.derived)})
    local = {p: k for k, p in enumerate(members)}
    roots = components(len(members), [(local[j.source], local[j.derived]) for j in kept])
    groups: dict[int, list[int]] = defaultdict(list)
    for p in members:
        groups[roots[local[p]]].append(p)
    # Each group's pairs, in the order of ``judged``: both ends of a kept pair are in one group, so the
    # pairs are dealt out once (a scan of every pair for each group was quadratic: 1,516 groups of the 6k
    # corpus took 0.15 s of the parent's time after judging, a 30,000-article corpus ~25 times that).
    pairs_of: dict[int, list[PairJudgement]] = defaultdict(list)
    for j in kept:
        pairs_of[roots[local[j.source]]].append(j)
    out: list[dict[str, Any]] = []
    for root, group in groups.items():
        own = pairs_of[root]
        copies = [j for j in own if j.relation in COPY_RELATIONS]
        has_source = {j.derived for j in copies}
        out_degree = Counter(j.source for j in copies)
        candidates = _earliest([p for p in group if p not in has_source] or group, meta)

        def key(p: int, out_degree: Counter[int] = out_degree) -> tuple[tuple[int, int, int, float], int, str]:
            return (_published_key(meta[p].published), -out_degree[p], meta[p].id)

        original = min(candidates, key=key)
        holders = [
            j.derived
            for j in copies
            if j.source == original
            and (j.source, j.derived) in contradicted
            and (j.scores.get("coverage") or 0.0) >= HELD_WHOLE
        ]
        if holders:
            original = min(holders, key=key)
        ids = sorted(meta[p].id for p in group)
        out.append(
            {
                "schema": CLUSTER_SCHEMA,
                "original_id": meta[original].id,
                "size": len(group),
                "members": ids,
                # a rewrite held under two ids was two derived members, and a repeat of the original one more
                "derived": len(
                    {
                        same.get(j.derived, j.derived)
                        for j in copies
                        if same.get(j.source, j.source) != same.get(j.derived, j.derived)
                    }
                ),
                "repeats": sum(1 for p in group if p in same),
                "siblings": sum(1 for j in own if j.relation == "sibling"),
                "outlets": sorted({o for p in group if (o := meta[p].outlet)}),
                "first_published": min(
                    (d for p in _earliest([p for p in group if meta[p].published], meta) if (d := meta[p].published)),
                    key=_published_key,
                    default=None,
                ),
            }
        )
    out.sort(key=lambda c: (-c["size"], c["original_id"]))
    for k, c in enumerate(out, 1):
        c["cluster"] = k
    return out


#: Full-reuse pairs whose two texts are read at a time (``identical_texts``): the articles of a batch, not of every
#: such pair of a large crawl (syndication makes thousands), are held at once.
IDENTICAL_BATCH = 2000


def identical_texts(
    judged: Iterable[PairJudgement], texts: Callable[[set[int]], Mapping[int, Article]]
) -> set[tuple[int, int]]:
    """The (source, derived) copy pairs whose two texts are one text, spacing aside (``text.same_text``, what
    trace marks "identical text"); ``texts`` gives articles by position. Only pairs with full reuse are read: no
    other can be."""
    full = [(j.source, j.derived) for j in judged if j.relation in COPY_RELATIONS and (j.scores.get("reuse") or 0) >= 1]
    out: set[tuple[int, int]] = set()
    for k in range(0, len(full), IDENTICAL_BATCH):
        batch = full[k : k + IDENTICAL_BATCH]
        articles = texts({p for pair in batch for p in pair})
        out.update((s, d) for s, d in batch if same_text(articles[s].text) == same_text(articles[d].text))
    return out


def same_articles(identical: Iterable[tuple[int, int]], meta: Mapping[int, ArticleMeta]) -> dict[int, int]:
    """Derived articles that are their source again, each mapped to the article it repeats (the first of a chain):
    one text, spacing aside, from the same outlet (a JSONL record and the saved page of it, under two ids). The
    outlet figures count such an article once, as the article it repeats: a rewrite judged against the repeat
    alone counts as copying that article, and no edge goes from the outlet to itself for it (nothing was
    copied)."""
    repeats = {d: s for s, d in sorted(repeat_pairs(identical, meta))}
    out: dict[int, int] = {}
    for d in repeats:
        first, seen = repeats[d], {d}
        while first in repeats and first not in seen:  # a cycle (one text under ids the stamps cannot order) stops
            seen.add(first)
            first = repeats[first]
        out[d] = first
    return out


def repeat_pairs(identical: Iterable[tuple[int, int]], meta: Mapping[int, ArticleMeta]) -> set[tuple[int, int]]:
    """The (source, derived) pairs of ``identical`` that are one article under two ids: one text from one outlet.
    They stay in ``pairs.jsonl`` (marked ``identical_text``); the outlet figures and the graph count no copy for
    them (``same_articles``)."""
    return {(s, d) for s, d in identical if _same_outlet(meta[s], meta[d])}


def _same_outlet(a: ArticleMeta, b: ArticleMeta) -> bool:
    """One outlet by name, or by the host of the two URLs when one side names no outlet but its host: a JSONL
    record with only a URL is named by its host ("nordispatch.example"), the saved page of it by its site name
    ("Northern Dispatch"). Two outlets named apart stay apart on one host when a name is not the host's: an
    aggregator (msn.com, Yahoo News) carries Reuters' story and The Independent's copy of it under its own host
    (rev24o); but an outlet spelled two ways on its own site, "BBC News" in its feed and "BBC" as the saved page's
    site name, both bbc.co.uk, is one outlet, not a copy of itself (rev24c)."""
    if a.outlet is not None and a.outlet == b.outlet:
        return True
    host = host_of(a.fields.get("url"))
    if host is None or host != host_of(b.fields.get("url")):
        return False
    if not (_names_an_outlet(a, host) and _names_an_outlet(b, host)):
        return True
    return all(_the_hosts_name(m.outlet or "", host) for m in (a, b))


def _the_hosts_name(outlet: str, host: str) -> bool:
    """Whether ``outlet`` is the name of ``host``'s site: a word of the host ("bbc" of bbc.co.uk, "yahoo" of
    news.yahoo.com; "news", "com", "co", "uk" are none) is a word of the name, holds it whole ("theguardian" for
    "The Guardian", "apnews" for "AP") or is held in it, or opens with its initials, two or more ("nytimes" for
    "The New York Times"). Stricter than ``judge._may_be``, which is generous by design (a wrong "no" there makes an
    original a copy): here a wrong "yes" makes two outlets one, and their identical texts one article, no copy
    counted. Its one-letter initials made Mirror and Metro msn.com's, Newsweek and NPR news.yahoo.com's (rev25b 6)."""
    words = _name_words(outlet)
    if not words:
        return False
    joined = "".join(words)
    initials = "".join(w[0] for w in words) if len(words) >= 2 else ""
    for label in _name_words(host):
        if label in words or (len(joined) >= 2 and label.startswith(joined)) or (len(joined) >= 3 and joined in label):
            return True
        if (len(label) >= 3 and label in joined) or (initials and label.startswith(initials)):
            return True
    return False


def _names_an_outlet(m: ArticleMeta, host: str) -> bool:
    """Does ``m`` carry an outlet name of its own, other than its URL's ``host`` (which ``outlet_of`` falls back
    to, and which a record may spell as its outlet, "www.msn.com")?"""
    return m.outlet is not None and m.outlet.strip().lower().removeprefix("www.") != host


def best_sources(
    judged: Iterable[PairJudgement], meta: Mapping[int, ArticleMeta], same: Mapping[int, int] = {}
) -> dict[int, PairJudgement]:
    """Each derived article's best source: highest reuse; among sources tied on it, not one that copies another of
    them (a wire's word-for-word syndicated copy ties with the wire on every rewrite of it: the credit is the
    wire's), then the earliest published, then the smallest id. Order-free: input position once broke the tie, so
    "from whom" and the median lag of outlets.csv changed with the order the corpus listed the articles in.
    ``same`` (``same_articles``): articles that are another again, each read as the article it repeats; a pair
    whose reverse is then a known (``as_given``) one counts no copy when it is ``unclear``, or when it was read
    through ``same`` and its reverse is the two articles' own."""
    copies: list[tuple[PairJudgement, bool]] = []  # each with whether it was read through ``same``
    for j in judged:
        if j.relation not in COPY_RELATIONS:
            continue
        source, derived = same.get(j.source, j.source), same.get(j.derived, j.derived)
        if source == derived:
            continue  # the article and its repeat: nothing was copied
        as_judged = (source, derived) == (j.source, j.derived)
        copies.append((j, False) if as_judged else (replace(j, source=source, derived=derived), True))
    # only a pair whose direction is known says who copies whom: an ``unclear`` pair's orientation is a guess. Read
    # through ``same``, two pairs may say it both ways: a guess gives way to a known pair (a record's undated saved
    # page guessed the copy of a rewrite the dated record is known to be the source of), and a repeat's known pair
    # to the article's own (the page's later stamp, an update's or a crawl's, against the record's)
    known = {(j.source, j.derived) for j, _ in copies if j.direction == "as_given"}
    known_own = {(j.source, j.derived) for j, through in copies if j.direction == "as_given" and not through}
    kept: list[PairJudgement] = []
    for j, through in copies:
        reverse = (j.derived, j.source)
        if reverse in known if j.direction != "as_given" else through and reverse in known_own:
            continue
        kept.append(j)
    copied_from = {(j.derived, j.source) for j in kept if j.direction == "as_given"}
    of: dict[int, list[PairJudgement]] = defaultdict(list)
    for j in kept:
        of[j.derived].append(j)
    best: dict[int, PairJudgement] = {}
    for d, own in of.items():
        top = max(j.scores.get("reuse") or 0.0 for j in own)
        tied = [j for j in own if (j.scores.get("reuse") or 0.0) == top]
        # a cycle of copies (none left) keeps them all
        first_hand = [j for j in tied if not any((j.source, k.source) in copied_from for k in tied)] or tied
        earliest = set(_earliest([j.source for j in first_hand], meta))
        best[d] = min(
            (j for j in first_hand if j.source in earliest),
            key=lambda j: (_published_key(meta[j.source].published), meta[j.source].id),
        )
    return best


OUTLET_COLUMNS = (
    "outlet",
    "articles",
    "derived",
    "share_derived",
    "originals_copied",
    "from_outlets",
    "unclear_direction",
    "median_lag_hours",
    "findings_per_derived",
    "share_quotes_altered",
    "omissions_per_derived",
)


def outlet_rows(
    judged: Sequence[PairJudgement], meta: Mapping[int, ArticleMeta], same: Mapping[int, int] = {}
) -> list[dict[str, Any]]:
    """``outlets.csv``: per outlet, how many of its articles are derived, from whom, how late, how changed.

    A derived article counts once, with its best source (highest reuse); an article with no outlet
    is counted under "(unknown)". ``originals_copied`` counts an outlet's articles that are some derived
    article's best source, each once however often it was copied. Omissions are counted apart from the
    other findings: a short rewrite of a long transcript drops hundreds of its sentences, which would
    swamp what the rewrites changed in what they kept. An article that is another of its outlet again
    (``same``, ``same_articles``) is counted once, as that other.
    """
    best = best_sources(judged, meta, same)
    unknown = "(unknown)"
    articles = Counter(m.outlet or unknown for p, m in meta.items() if p not in same)
    derived: Counter[str] = Counter()
    unclear: Counter[str] = Counter()
    from_outlets: dict[str, Counter[str]] = defaultdict(Counter)
    lags: dict[str, list[float]] = defaultdict(list)
    findings: Counter[str] = Counter()
    omissions: Counter[str] = Counter()
    quotes: Counter[str] = Counter()
    copied: dict[str, set[int]] = defaultdict(set)
    for d, j in best.items():
        outlet = meta[d].outlet or unknown
        derived[outlet] += 1
        if j.direction != "as_given":
            # nothing told which of the two came first: counted, oriented by the order-free guess
            # (``judge.source_first``), and said to be a guess
            unclear[outlet] += 1
        from_outlets[outlet][meta[j.source].outlet or unknown] += 1
        copied[meta[j.source].outlet or unknown].add(j.source)
        lag = lag_hours(meta[j.source], meta[d])
        if lag is not None:
            lags[outlet].append(lag)
        findings[outlet] += sum(n for t, n in j.findings.items() if t != "fact_omitted")
        omissions[outlet] += j.findings.get("fact_omitted", 0)
        if any(j.findings.get(t) for t in QUOTE_FINDINGS):
            quotes[outlet] += 1
    rows = []
    for outlet in sorted(articles, key=lambda o: (-articles[o], o)):
        n_der = derived[outlet]
        rows.append(
            {
                "outlet": outlet,
                "articles": articles[outlet],
                "derived": n_der,
                "share_derived": round(n_der / articles[outlet], 4),
                "originals_copied": len(copied[outlet]),
                # most first, ties by name: not by which was met first, which follows the corpus order
                "from_outlets": "; ".join(
                    f"{o}:{c}" for o, c in sorted(from_outlets[outlet].items(), key=lambda oc: (-oc[1], oc[0]))
                ),
                "unclear_direction": unclear[outlet],
                "median_lag_hours": round(statistics.median(lags[outlet]), 2) if lags[outlet] else "",
                "findings_per_derived": round(findings[outlet] / n_der, 3) if n_der else "",
                "share_quotes_altered": round(quotes[outlet] / n_der, 4) if n_der else "",
                "omissions_per_derived": round(omissions[outlet] / n_der, 3) if n_der else "",
            }
        )
    return rows


def outlet_edges(
    judged: Sequence[PairJudgement], meta: Mapping[int, ArticleMeta], same: Mapping[int, int] = {}
) -> Counter[tuple[str, str]]:
    """Who copied whom, outlet to outlet: (source outlet, derived outlet) -> derived articles, each derived
    article counted once with its best source. Siblings, and an article that is another again (``same``), add no
    edge."""
    edges: Counter[tuple[str, str]] = Counter()
    for j in best_sources(judged, meta, same).values():
        edges[(meta[j.source].outlet or "(unknown)", meta[j.derived].outlet or "(unknown)")] += 1
    return edges
