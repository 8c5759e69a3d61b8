"""``scan``: a corpus in, every derived pair, story families and outlet figures out.

Stages (each can be the last one asked for, ``to``; an interrupted run resumes with ``resume``):

1. ``articles``   read the inputs (bad records reported and skipped), apply the date filters.
2. ``candidates`` cheap lexical candidate pairs (scan/candidates.py), families (not
   filtered by --max-lag or --cross-outlet, which choose what is reported).
3. ``pairs``      judge each family's pairs with ``compare`` (scan/judge.py); ``pairs.jsonl``, filtered.
4. ``outputs``    ``clusters.jsonl``, ``outlets.csv``, ``report.html``, ``summary.json``.

The engine (``local`` or ``spark``) does stages 2 and 3; everything else is shared, so both engines
write the same files from the same judgements.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from storytrace.article import Article
from storytrace.errors import InputError
from storytrace.report.summary import plural
from storytrace.scan.candidates import CandidateSettings
from storytrace.scan.families import (
    COPY_RELATIONS,
    OUTLET_COLUMNS,
    ArticleMeta,
    best_sources,
    clusters,
    identical_texts,
    outlet_edges,
    outlet_rows,
    pair_records,
    parse_time,
    repeat_pairs,
    same_articles,
    smallest_lag_hours,
)
from storytrace.scan.judge import TOO_LONG, PairJudgement, ScanSettings, common_source_siblings
from storytrace.scan.stages import STAGES_VERSION, TOO_LONG_LINE, StageDir, write_atomic
from storytrace.settings import DEFAULT_SETTINGS, Settings

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ScanFilters:
    #: Pairs published further apart than this (hours) are not reported; None: no limit. They are still
    #: judged: a common original outside the window is what makes two rewrites inside it siblings, and left
    #: out of the judging it made one rewrite the other's source (``keeps_pair`` applies after judging).
    max_lag_hours: float | None = None
    #: Only pairs from two different outlets are reported (pairs where either outlet is unknown are kept). The
    #: others are still judged, like pairs outside ``max_lag_hours``: an original and its rewrite of one outlet
    #: are what makes a second outlet's rewrite the rewrite's sibling, not its copy.
    cross_outlet: bool = False
    #: Only articles published in [since, until] (ISO dates); undated articles are left out when set.
    since: str | None = None
    until: str | None = None

    def keeps_article(self, article: Article) -> bool:
        if self.since is None and self.until is None:
            return True
        t = parse_time(article.published)
        if t is None:
            return False
        day = t.date().isoformat()
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)

    def keeps_pair(self, a: ArticleMeta, b: ArticleMeta) -> bool:
        if self.cross_outlet and a.outlet and b.outlet and a.outlet == b.outlet:
            return False
        if self.max_lag_hours is not None:
            lag = smallest_lag_hours(a, b)
            if lag is not None and lag > self.max_lag_hours:
                return False
        return True


def parse_lag(value: str) -> float:
    """'30d', '12h', '90m' or a number of hours -> hours."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([dhm]?)\s*", value or "")
    if not m:
        raise InputError(f"--max-lag {value!r}: expected a duration such as 30d, 12h or 90m")
    n = float(m.group(1))
    return {"d": n * 24, "h": n, "m": n / 60, "": n}[m.group(2)]


@dataclass(frozen=True)
class ScanConfig:
    filters: ScanFilters = field(default_factory=ScanFilters)
    candidates: CandidateSettings = field(default_factory=CandidateSettings)
    judge: ScanSettings = field(default_factory=ScanSettings)
    settings: Settings = DEFAULT_SETTINGS

    def request(self, inputs: Sequence[str]) -> dict[str, Any]:
        """What a resumed run must match (the engine may differ: both give the same pairs). ``--max-lag`` and
        ``--cross-outlet`` are not part of it: they choose which judged pairs are reported, and the report is
        written again from the judged pairs on every run, so a resumed run may add, change or drop them."""
        return {
            "inputs": list(inputs),
            "filters": {"since": self.filters.since, "until": self.filters.until},
            "candidates": asdict(self.candidates),
            "judge": asdict(self.judge),
            "settings": self.settings.to_dict(),
        }


class Engine(Protocol):
    """Stages 2 and 3. An engine may also have ``warm_up(config)``, called before ``candidates`` when
    judging follows in the same run, and ``close()``, called when the run ends."""

    name: str

    def candidates(self, stages: StageDir, config: ScanConfig, progress: Progress) -> list[dict[str, Any]]: ...

    def judge(
        self,
        stages: StageDir,
        families: dict[int, list[tuple[int, int, float, int]]],
        config: ScanConfig,
        progress: Progress,
    ) -> Iterator[tuple[int, list[PairJudgement]]]: ...


@dataclass
class ScanResult:
    out: Path
    articles: int = 0
    bad_records: int = 0
    candidates: int = 0
    #: groups of candidate pairs judged together (the work units); the story families are ``clusters``
    families: int = 0
    #: lines of pairs.jsonl: derived, partially derived and sibling pairs, same-article repeats included
    pairs: int = 0
    #: of ``pairs``, the lines that are one article under two ids (one text, one outlet: marked ``identical_text``),
    #: which outlets.csv and the graph count as no copy
    same_article_pairs: int = 0
    #: articles outlets.csv counts as derived (the sum of its ``derived`` column): each derived article once, with
    #: its best source, repeats of one article not counted; None until the outputs stage has run
    derived_articles: int | None = None
    #: story families: the lines of clusters.jsonl (connected derived, partially derived or sibling pairs)
    clusters: int = 0
    #: copy pairs whose source the stamps chose while both texts date the event after its stamp (``warnings`` in
    #: pairs.jsonl, scan/stamps.py): a misdated copy may have been taken for the original
    stamps_in_doubt: int = 0
    #: candidate pairs too long to compare sentence by sentence (listed in errors.txt)
    not_judged: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    stopped_after: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["out"] = str(self.out)
        return d


def run_scan(
    inputs: Sequence[str],
    out: str | Path,
    *,
    engine: Engine,
    config: ScanConfig | None = None,
    to: str | None = None,
    resume: bool = False,
    progress: Progress = lambda _msg: None,
) -> ScanResult:
    try:
        return _run_scan(inputs, out, engine=engine, config=config, to=to, resume=resume, progress=progress)
    finally:
        close = getattr(engine, "close", None)
        if close is not None:
            close()


def _run_scan(
    inputs: Sequence[str],
    out: str | Path,
    *,
    engine: Engine,
    config: ScanConfig | None,
    to: str | None,
    resume: bool,
    progress: Progress,
) -> ScanResult:
    from storytrace.article import unread_dates_note, unread_published
    from storytrace.corpus import read_corpus

    config = config or ScanConfig()
    if to not in (None, "articles", "candidates", "pairs"):
        raise InputError(f"--to {to!r}: expected candidates or pairs")
    stages = StageDir(out)
    # Expand inputs first: a typo fails here, before anything is written.
    records = read_corpus(inputs, max_bytes=config.settings.max_bytes, workers=getattr(engine, "workers", 1))
    fresh = not stages.dir.exists()
    done = stages.start(config.request(inputs), resume=resume)
    result = ScanResult(out=stages.out)
    if done and stages.written_by != STAGES_VERSION:
        progress(
            "warning: this scan's stages come from an older storytrace; its pairs may be oriented or counted as that "
            "version did: scan again into a new --out for the full check"
        )

    t = time.perf_counter()
    if "articles" not in done:
        errors: list[str] = []
        undated: list[tuple[str, Any]] = []  # (id, date) whose date could not be read: one note for the corpus
        seen: set[str] = set()
        filtered = [0]  # read articles the --since/--until window or other filters leave out
        filtered_undated = [0]  # of those, the ones with no date to place in the window

        def good() -> Iterator[Article]:
            for rec in records:
                if rec.article is None:
                    errors.append(rec.error or rec.where)
                    continue
                art = rec.article
                if str(art.id) in seen:
                    errors.append(f"{rec.where}: duplicate id {art.id!r} (the first one is kept)")
                    continue
                raw = unread_published(art)
                if raw is not None:  # before the date window, which leaves such an article out
                    undated.append((str(art.id), raw))
                if not config.filters.keeps_article(art):
                    filtered[0] += 1
                    if art.published is None:
                        filtered_undated[0] += 1
                    continue
                seen.add(str(art.id))
                yield art

        result.articles = stages.write_articles(good())
        result.bad_records = len(errors)
        write_atomic(stages.out / "errors.txt", "".join(e + "\n" for e in errors))
        stages.write_skipped(len(errors))
        for e in errors[:20]:
            progress(f"skipped: {e}")
        if len(errors) > 20:
            progress(f"... {len(errors) - 20} more skipped records, listed in {stages.out / 'errors.txt'}")
        if undated:
            progress(f"warning: {unread_dates_note(undated)}")
        if filtered[0]:  # a window that silently shrinks the corpus looks like missing pairs later
            no_date = f" ({filtered_undated[0]} of them undated)" if filtered_undated[0] else ""
            progress(f"{plural(filtered[0], 'article')} outside --since/--until left out{no_date}")
        stages.complete("articles")
    else:
        result.articles = stages.count()
        # The records skipped then still are: a resumed scan reports them and exits as the first run did.
        result.bad_records = stages.read_skipped()
        if result.bad_records:
            progress(
                f"{plural(result.bad_records, 'record')} skipped when the articles were read, "
                f"listed in {stages.out / 'errors.txt'}"
            )
    result.stage_seconds["articles"] = round(time.perf_counter() - t, 3)
    progress(f"articles: {result.articles} ({result.stage_seconds['articles']:.1f} s)")
    if result.articles == 0:
        if "articles" not in done and fresh:
            # Nothing to resume: leave no half-made scan behind, so the same --out takes the next run. What
            # was wrong with each input stays in errors.txt.
            shutil.rmtree(stages.dir, ignore_errors=True)
        if "articles" not in done and filtered[0]:
            raise InputError(f"none of the {plural(filtered[0], 'article')} read passes the scan's filters")
        why = f" (why: {stages.out / 'errors.txt'})" if "articles" not in done and errors else ""
        raise InputError("no readable articles in the inputs" + why)
    if to == "articles":
        result.stopped_after = "articles"
        return result

    t = time.perf_counter()
    if "candidates" not in done:
        warm_up = getattr(engine, "warm_up", None)
        if warm_up is not None and to != "candidates":
            warm_up(config)  # the judging workers start while the candidates are found
        rows = engine.candidates(stages, config, progress)
        stages.write_candidates(rows)
        stages.complete("candidates")
    rows = stages.read_candidates()
    result.candidates = len(rows)
    families: dict[int, list[tuple[int, int, float, int]]] = {}
    for r in rows:
        families.setdefault(int(r["family"]), []).append((int(r["a"]), int(r["b"]), float(r["score"]), int(r["rank"])))
    result.families = len(families)
    result.stage_seconds["candidates"] = round(time.perf_counter() - t, 3)
    progress(
        f"candidates: {plural(len(rows), 'pair')} in {plural(len(families), 'family', 'families')} "
        f"({result.stage_seconds['candidates']:.1f} s)"
    )
    if to == "candidates":
        result.stopped_after = "candidates"
        return result

    t = time.perf_counter()
    judged = stages.judged_families()
    todo = {f: p for f, p in families.items() if f not in judged}
    if judged:
        progress(f"resuming: {len(judged)} families already judged, {len(todo)} to go")
        if any(
            d.get("relation") in ("derived", "partially_derived") and "unexplained" not in d
            for f in judged.values()
            for d in f
        ):
            # written by a storytrace from before the cross-family sibling pass: its copies cannot serve as
            # common originals, so rewrites judged apart from their original stay copies of each other
            progress(
                "warning: this scan's judged pairs come from an older storytrace; two rewrites judged apart from "
                "their common original may stay copies of each other: scan again into a new --out for the full check"
            )
    with stages.judged_path.open("a", encoding="utf-8") as fh:
        for finished, (family, judgements) in enumerate(engine.judge(stages, todo, config, progress), 1):
            stages.append_judged(family, [j.to_dict() for j in judgements], fh)
            judged[family] = [j.to_dict() for j in judgements]
            if finished % 50 == 0 or finished == len(todo):
                progress(f"pairs: {finished}/{len(todo)} families judged")
    stages.complete("pairs")
    # After every family: the common original of two rewrites may have been judged in another family than
    # their pair. Recomputed from judged.jsonl on every run, so a resumed scan gives the same pairs.
    all_judged = common_source_siblings(
        {f: [PairJudgement.from_dict(d) for d in pairs] for f, pairs in judged.items()},
        stages.get_articles,
        config.judge,
    )
    meta = {pos: ArticleMeta.of(pos, art) for pos, art in stages.iter_articles()}
    # Which ids are one article is learnt before the filters: --cross-outlet drops the same-outlet pair that says
    # two ids are one article, and the outlet figures then counted the repeat as an article and a copy of its own.
    identical = identical_texts(all_judged, stages.get_articles)
    same = same_articles(identical, meta)
    if config.filters.max_lag_hours is not None or config.filters.cross_outlet:
        # Judged without the window or the outlet filter, reported within them: they say which pairs a reader
        # wants, not which article is the likely original (two rewrites inside the window of an original outside
        # it are siblings, as they are in a scan without the window).
        all_judged = [j for j in all_judged if config.filters.keeps_pair(meta[j.source], meta[j.derived])]
    too_long = [j for j in all_judged if j.method == TOO_LONG]
    if too_long:
        result.not_judged = len(too_long)
        errors_path = stages.out / "errors.txt"
        before = errors_path.read_text(encoding="utf-8") if errors_path.exists() else ""
        lines = [f"{meta[j.source].id} and {meta[j.derived].id}{TOO_LONG_LINE}\n" for j in too_long]
        write_atomic(errors_path, before + "".join(line for line in lines if line not in before))  # resume: once
        progress(
            f"warning: {plural(len(too_long), 'pair')} too long to compare sentence by sentence not judged, "
            f"listed in {errors_path}"
        )
    from storytrace.scan.stamps import stamps_in_doubt

    # a copy stamped before the story it copied is the source on the stamps alone: the texts may say otherwise,
    # and then every pair that stamp orders is in doubt too
    contradicted, resting = stamps_in_doubt(
        (
            (j.source, j.derived, meta[j.source].published, meta[j.derived].published)
            for j in all_judged
            if j.relation in COPY_RELATIONS
        ),
        stages.get_articles,
        {pos: m.id for pos, m in meta.items()},
    )
    conflicts = contradicted | resting
    records_out = pair_records(all_judged, meta, identical, conflicts)
    result.pairs = len(records_out)
    result.stamps_in_doubt = len(conflicts)
    for (s, d), warning in sorted(conflicts.items(), key=lambda kv: (meta[kv[0][0]].id, meta[kv[0][1]].id))[:20]:
        progress(f"warning: {meta[s].id} -> {meta[d].id}: {warning}")
    if len(conflicts) > 20:
        progress(f"... {len(conflicts) - 20} more pairs whose stamps the texts contradict, marked in pairs.jsonl")
    reported = {(j.source, j.derived) for j in all_judged}
    result.same_article_pairs = len(repeat_pairs(identical & reported, meta))
    write_atomic(stages.out / "pairs.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records_out))
    result.stage_seconds["pairs"] = round(time.perf_counter() - t, 3)
    progress(
        f"pairs: {plural(result.pairs, 'derived, partially derived or sibling pair')} "
        f"({result.stage_seconds['pairs']:.1f} s)"
    )
    if to == "pairs":
        result.stopped_after = "pairs"
        return result

    t = time.perf_counter()
    families_out = clusters(all_judged, meta, same, contradicted)
    result.clusters = len(families_out)
    write_atomic(stages.out / "clusters.jsonl", "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in families_out))
    outlets = outlet_rows(all_judged, meta, same)
    result.derived_articles = sum(int(row["derived"]) for row in outlets)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=OUTLET_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: _csv_cell(v) for k, v in row.items()} for row in outlets)
    write_atomic(stages.out / "outlets.csv", buf.getvalue())
    from storytrace.scan.overview import overview_html

    summary = result.to_dict()
    summary.pop("stopped_after")
    html = overview_html(
        summary=summary,
        pairs=records_out,
        clusters=families_out,
        outlets=outlets,
        edges=outlet_edges(all_judged, meta, same),
        best={(meta[j.source].id, meta[j.derived].id) for j in best_sources(all_judged, meta, same).values()},
    )
    write_atomic(stages.out / "report.html", html)
    stages.complete("outputs")
    result.stage_seconds["outputs"] = round(time.perf_counter() - t, 3)
    write_atomic(stages.out / "summary.json", json.dumps(result.to_dict(), indent=2) + "\n")
    return result


def _csv_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula ("=HYPERLINK(...)" as an outlet's name) gets a
    leading apostrophe, as OWASP advises for CSV files: outlet names come from the articles."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
