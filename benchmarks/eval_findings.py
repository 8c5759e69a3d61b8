"""How well storytrace's findings pick out unfaithful rewrites, on labelled public data.

Run: ``python benchmarks/eval_findings.py`` (``--limit N`` per set for a quick run, ``--jobs 2`` for two
worker processes, ``--tune`` to search a few Settings on the tuning part). The data is read from
``../shared/eval`` next to the checkout (``--eval-dir`` overrides); nothing is written to the repository.

What is measured, each time with the summary (or paraphrase) as the suspect and the document (or the
original sentence) as the original:

* summac-subsets (factcc, polytope, summeval): predicted "inconsistent" = at least one finding of severity
  high or medium other than ``fact_omitted`` (a summary leaves most of its document out by design).
  Balanced accuracy next to a lexical baseline fit in the same run and SummaC's published figures.
* frank: per error type, summary-level precision and recall of the matching finding type (OutE against
  claim_added, EntE against entity_changed, CircE against number_changed or date_changed); a summary has
  an error type when its aggregated score is below 1.0 (FRANK: score = share of the summary's sentences
  without that error, so anything below 1.0 means at least one sentence was marked). Overall balanced
  accuracy of the same "any high/medium non-omission finding" rule against Factuality < 1.0.
* apty: how often a meaning-changing paraphrase gets a finding (high/medium, non-omission) and how often
  a meaning-keeping one does not; the goal is at most 10% of meaning-kept paraphrases flagged.

Hold-out: each set is split deterministically into a tuning part (30%) and a test part (70%) by a hash of
its group key (the document, or for APTY the original sentence, so no document sits in both parts); FRANK
uses its own published validation (tune) / test split, which is the same 30/70 by article. Baseline
thresholds (and ``--tune`` settings) are fit on the tuning part only; the test part is what to quote.

Text preparation (``--text``): the summaries of these sets are mostly lowercased and PTB-tokenised
("paul merson 's row with andros townsend ."), some documents too (Polytope); FRANK's XSum summaries escape
apostrophes ("Sweden\\'s") and its BBC articles run sentences together ("(AP).Less than a day"). ``detok``
(the default) undoes all that (spacing of punctuation, `` '' quotes, -lrb-, the escapes, a space after a
sentence end glued to the next capital), capitalises sentence starts of a lowercased text and restores the
casing of words the *original* only ever writes capitalised ("paul merson" -> "Paul Merson" when the
document says "Paul Merson"), writes CNN/DM's "#" for the pound sign back as "£" when the document uses
"£", and turns a summariser's unknown-word token "UNK" into "<unk>" (not a name). It uses no label.
``raw`` passes the texts as published.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import re
import sys
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

from _evaldata import (  # noqa: E402
    auc,
    balanced_accuracy,
    eval_dir_from,
    fit_threshold,
    load_apty,
    machine_info,
    prf,
    table,
)

SETS = ("factcc", "polytope", "summeval", "frank", "apty")
SUMMAC_SETS = ("factcc", "polytope", "summeval")
TUNE_SHARE = 30  # percent of groups in the tuning part
FLAG_SEVERITIES = frozenset({"high", "medium"})

# Published balanced accuracy (%), ../shared/eval/README.md: full SummaC benchmark test sets (not these subsets).
SUMMAC_CONV = {"factcc": "89.5", "polytope": "62.7", "summeval": "81.7", "frank": "81.6"}
SUMMAC_ZS = {"factcc": "83.8", "polytope": "62.0", "summeval": "78.7", "frank": "79.0"}

FRANK_TYPES = {
    "OutE": ("claim_added",),
    "EntE": ("entity_changed",),
    "CircE": ("number_changed", "date_changed"),
}

# --tune: a small grid over settings that decide which clauses and sentences count as unsupported.
TUNE_GRID = {
    "clause_novel_share": (0.5, 0.6, 0.75),
    "clause_support_similarity": (0.45, 0.55, 0.65),
    "link_similarity": (0.45, 0.55, 0.65),
}
# ... and settings that only decide findings (not the alignment), each varied alone from the defaults.
TUNE_ALONE = {
    "recombined_min_pairs": (1, 2, 3),
    "novel_pairs_share": (0.1, 0.15, 0.2, 0.3),
    "novel_pairs_similarity": (0.75, 0.8, 0.85, 0.9),
    "novel_pairs_own_words": (0.0, 0.1, 0.15, 0.2, 1.0),
    "novel_pairs_near_own_words": (0.15, 0.2, 0.3, 0.4, 0.5, 1.0),
    "loose_paraphrase_similarity": (0.0, 0.6, 0.62, 0.64, 0.66),
}


# --- items ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    set: str
    id: str
    group: str
    part: str  # "tune" | "test"
    source: str
    derived: str
    labels: dict[str, Any] = field(default_factory=dict)


def hash_part(set_name: str, group: str) -> str:
    h = int(hashlib.sha1(f"{set_name}\x00{group}".encode()).hexdigest()[:8], 16)
    return "tune" if h % 100 < TUNE_SHARE else "test"


def _doc_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def load_summac(eval_dir: Path, name: str) -> list[Item]:
    data = json.loads((eval_dir / "summac-subsets" / f"{name}.json").read_text(encoding="utf-8"))
    items = []
    for key, d in data.items():
        group = _doc_key(d["document"])
        labels = {"inconsistent": int(d["label"]) == 0}
        if name == "polytope":
            # 1 = no such error; Inaccuracy = unsupported/incorrect content, Addition = superfluous but supported.
            labels["inaccuracy"] = int(d["inaccuracy_label"]) == 0
            labels["addition"] = int(d["addition_label"]) == 0
            labels["omission"] = int(d["omission_label"]) == 0
            labels["errors"] = d.get("errors", "")
        items.append(Item(name, key, group, hash_part(name, group), d["document"], d["claim"], labels))
    return items


def load_frank(eval_dir: Path) -> list[Item]:
    items = []
    with (eval_dir / "frank" / "frank_joined.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            lab = d["labels"]
            sents = d.get("summary_sentences")
            # summary_sentences keeps the casing some systems produce; the flat `summary` is lowercased.
            summary = " ".join(sents) if isinstance(sents, list) and sents else d["summary"]
            labels = {"inconsistent": float(lab["Factuality"]) < 1.0, "dataset": d["dataset"]}
            for t in ("OutE", "EntE", "CircE", "RelE"):
                labels[t] = float(lab[t]) < 1.0
            part = "tune" if d["split"] == "valid" else "test"
            items.append(
                Item("frank", f"{d['hash']}:{d['model_name']}", d["hash"], part, d["article"], summary, labels)
            )
    return items


def load_apty_items(eval_dir: Path) -> list[Item]:
    items = []
    for k, p in enumerate(load_apty(eval_dir)):
        labels = {"inconsistent": not p.kept, "apt": p.apt, "marked": p.marked}
        items.append(
            Item("apty", f"apty_{k}", p.original, hash_part("apty", p.original), p.original, p.paraphrase, labels)
        )
    return items


def load_all(eval_dir: Path, sets: Sequence[str], limit: int | None) -> dict[str, list[Item]]:
    out: dict[str, list[Item]] = {}
    for name in sets:
        if name in SUMMAC_SETS:
            items = load_summac(eval_dir, name)
        elif name == "frank":
            items = load_frank(eval_dir)
        else:
            items = load_apty_items(eval_dir)
        out[name] = items[:limit] if limit else items
    return out


# --- text preparation ------------------------------------------------------------------------------------

_DETOK = [
    (re.compile(r"-lrb-|-LRB-"), "("),
    (re.compile(r"-rrb-|-RRB-"), ")"),
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"(^|\s)`\s+"), r"\1'"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r"\s+([.,;:!?%)])"), r"\1"),
    (re.compile(r"([($])\s+"), r"\1"),
    (re.compile(r"(\d)\s+,\s*(\d{3})\b"), r"\1,\2"),
]
# Sentences run together without a space: "the Associated Press (AP).Less than a day".
_GLUED = re.compile(r"([a-z0-9%)][.!?][\"\u201d']?)(?=[A-Z])")
_LOWER_WORD = re.compile(r"[a-z][a-z'’\-]*")
_CASED_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_POUND = re.compile(r"#\s?(?=\d)")
_UNK = re.compile(r"\bUNK\b")
_SENT_START = re.compile(r"(^|[.!?]\"?\s+|\n\s*)([\"'(]?)([a-z])")


def _is_lowercased(text: str) -> bool:
    letters = sum(c.isalpha() for c in text)
    return letters > 0 and sum(c.isupper() for c in text) / letters < 0.005


def _case_map(source: str) -> dict[str, str]:
    """Words the original writes only capitalised away from a sentence start: lower -> that form."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for m in _CASED_WORD.finditer(source):
        before = source[max(0, m.start() - 3) : m.start()].rstrip(" \"'(`")
        if not before or before[-1] in ".!?\n:":
            continue  # sentence-initial: its capital means nothing
        forms[m.group().lower()][m.group()] += 1
    return {w: c.most_common(1)[0][0] for w, c in forms.items() if w not in c and w != "i"}


def prepare(text: str, *, reference: str | None = None) -> str:
    """PTB detokenisation; for a lowercased text, sentence-start capitals and the reference's name casing."""
    out = text.replace("\r\n", "\n").replace("\\'", "'")  # FRANK's XSum summaries escape apostrophes: Sweden\'s
    for pattern, repl in _DETOK:
        out = pattern.sub(repl, out)
    if len(_GLUED.findall(out)) > 3:  # FRANK's BBC articles: "(AP).Less than a day after ..."
        out = _GLUED.sub(r"\1 ", out)
    out = re.sub(r"[ \t]+", " ", out).strip()
    if _is_lowercased(out):
        if reference is not None:
            cmap = _case_map(reference)
            out = _LOWER_WORD.sub(lambda m: cmap.get(m.group(), m.group()), out)
        out = re.sub(r"\bi\b", "I", out)
        out = _SENT_START.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper(), out)
    if reference is not None and "\u00a3" in reference:
        out = _POUND.sub("\u00a3", out)  # CNN/DM preprocessing wrote the pound sign as "#": "# 38,831"
    return _UNK.sub("<unk>", out)  # a summariser's unknown-word token, not a name


# --- running storytrace ------------------------------------------------------------------------------------


@dataclass
class Record:
    set: str
    id: str
    part: str
    labels: dict[str, Any]
    flags: list[tuple[str, str, str | None, str, str]]  # (type, severity, subtype, detail, text), non-omission
    omissions: int
    seconds: float
    error: str | None = None
    link_kinds: dict[str, int] = field(default_factory=dict)
    source_text: str = ""
    derived_text: str = ""


def _clip(text: str | None, n: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _run_one(item: Item, settings: Any, text_mode: str) -> Record:
    from storytrace import compare

    if text_mode == "detok":
        source = prepare(item.source)
        derived = prepare(item.derived, reference=source)
    else:
        source, derived = item.source, item.derived
    t0 = time.perf_counter()
    try:
        report = compare(source, derived, settings=settings)
    except Exception as exc:  # one bad item must not end the run
        tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return Record(
            item.set,
            item.id,
            item.part,
            item.labels,
            [],
            0,
            time.perf_counter() - t0,
            error=tb,
            source_text=source,
            derived_text=derived,
        )
    seconds = time.perf_counter() - t0
    flags = []
    omissions = 0
    d_text = report.derived.text
    for f in report.findings:
        if f.type == "fact_omitted":
            omissions += 1
            continue
        span_text = d_text[f.derived[0] : f.derived[1]] if f.derived else (f.after or "")
        flags.append((f.type, f.severity, f.subtype, f.detail, _clip(span_text, 200)))
    kinds = Counter(link.kind for link in report.alignment.links)
    return Record(
        item.set, item.id, item.part, item.labels, flags, omissions, seconds, None, dict(kinds), source, derived
    )


def _worker(args: tuple[list[Item], list[dict[str, Any]], str, int]) -> list[list[Record]]:
    """Every item of one shard under every settings variant (one process: embeddings and NER memoised)."""
    items, variants, text_mode, shard = args
    from storytrace import Settings

    out: list[list[Record]] = []
    for v, changes in enumerate(variants):
        settings = Settings().with_(**changes)
        recs = []
        t_last = time.perf_counter()
        for k, item in enumerate(items):
            recs.append(_run_one(item, settings, text_mode))
            if time.perf_counter() - t_last > 30:
                t_last = time.perf_counter()
                print(
                    f"  [shard {shard}] variant {v + 1}/{len(variants)}: {k + 1}/{len(items)}",
                    file=sys.stderr,
                    flush=True,
                )
        out.append(recs)
    return out


def run(items: list[Item], variants: list[dict[str, Any]], text_mode: str, jobs: int) -> list[list[Record]]:
    """Records per variant, in the order of ``items``. Items of one document go to the same shard."""
    jobs = max(1, jobs)
    shards: list[list[int]] = [[] for _ in range(jobs)]
    order = sorted(range(len(items)), key=lambda i: (items[i].set, items[i].group, items[i].id))
    for i in order:
        shards[int(hashlib.sha1(items[i].group.encode()).hexdigest()[:8], 16) % jobs].append(i)
    tasks = [([items[i] for i in idx], variants, text_mode, s) for s, idx in enumerate(shards)]
    if jobs == 1:
        results = [_worker(tasks[0])]
    else:
        with mp.get_context("fork").Pool(jobs) as pool:
            results = pool.map(_worker, tasks)
    out: list[list[Record]] = []
    for v in range(len(variants)):
        recs: list[Record | None] = [None] * len(items)
        for idx, res in zip(shards, results, strict=True):
            for i, r in zip(idx, res[v], strict=True):
                recs[i] = r
        out.append([r for r in recs if r is not None])
    return out


# --- predictions and metrics ----------------------------------------------------------------------------


def flagged(r: Record, *, exclude: Iterable[str] = (), severities: frozenset[str] = FLAG_SEVERITIES) -> bool:
    ex = set(exclude)
    return any(sev in severities and t not in ex for t, sev, *_ in r.flags)


def has_type(r: Record, types: Iterable[str], severities: frozenset[str] = FLAG_SEVERITIES) -> bool:
    ts = set(types)
    return any(t in ts and sev in severities for t, sev, *_ in r.flags)


def flag_keys(r: Record) -> set[str]:
    return {f"{t}/{sub}" if sub else t for t, sev, sub, *_ in r.flags if sev in FLAG_SEVERITIES}


def ok(recs: Sequence[Record]) -> list[Record]:
    return [r for r in recs if r.error is None]


def part_of(recs: Sequence[Record], part: str) -> list[Record]:
    return [r for r in recs if part == "all" or r.part == part]


def ba(recs: Sequence[Record], pred: Callable[[Record], bool], label: str = "inconsistent") -> float:
    return balanced_accuracy([bool(r.labels[label]) for r in recs], [pred(r) for r in recs])


def rates(recs: Sequence[Record], pred: Callable[[Record], bool], label: str = "inconsistent") -> tuple[float, float]:
    pos = [pred(r) for r in recs if r.labels[label]]
    neg = [pred(r) for r in recs if not r.labels[label]]
    tpr = sum(pos) / len(pos) if pos else float("nan")
    fpr = sum(neg) / len(neg) if neg else float("nan")
    return tpr, fpr


def pct(x: float) -> str:
    return "-" if x != x else f"{100 * x:.1f}"


# --- lexical baseline ---------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _stop() -> frozenset[str]:
    from storytrace.text import STOPWORDS

    return STOPWORDS


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def novel_share(source: str, derived: str, n: int = 1) -> float:
    """Share of the derived text's content words (n=1) or word bigrams (n=2) absent from the source."""
    stop = _stop()
    s, d = _words(source), _words(derived)
    if n == 1:
        dc = [w for w in d if w not in stop]
        if not dc:
            return 0.0
        sset = set(s)
        return sum(w not in sset for w in dc) / len(dc)
    sg = {tuple(s[i : i + n]) for i in range(len(s) - n + 1)}
    dg = [tuple(d[i : i + n]) for i in range(len(d) - n + 1)]
    dg = [g for g in dg if any(w not in stop for w in g)]
    if not dg:
        return 0.0
    return sum(g not in sg for g in dg) / len(dg)


@dataclass
class Baseline:
    name: str
    scores: dict[str, float]  # record id -> score
    threshold: float = 0.0
    tune_ba: float = 0.0

    def fit(self, recs: Sequence[Record], label: str = "inconsistent") -> Baseline:
        tune = [r for r in recs if r.part == "tune"]
        if tune and len({bool(r.labels[label]) for r in tune}) == 2:
            self.threshold, self.tune_ba = fit_threshold(
                [self.scores[r.id] for r in tune], [bool(r.labels[label]) for r in tune], balanced=True
            )
        else:
            self.threshold, self.tune_ba = 0.5, float("nan")
        return self

    def pred(self, r: Record) -> bool:
        return self.scores[r.id] >= self.threshold


def baselines_for(recs: Sequence[Record], label: str = "inconsistent") -> list[Baseline]:
    out = []
    for n, name in ((1, "novel words"), (2, "novel bigrams")):
        scores = {r.id: novel_share(r.source_text, r.derived_text, n) for r in recs}
        out.append(Baseline(name, scores).fit(recs, label))
    return out


# --- reports ----------------------------------------------------------------------------------------------------


def section(title: str) -> None:
    print()
    print(title)
    print("-" * len(title))


def report_summac(by_set: dict[str, list[Record]], examples: int) -> None:
    section(
        "SummaC subsets: summary = suspect, document = original; "
        "predicted inconsistent = >=1 high/medium finding other than fact_omitted"
    )
    rows = []
    bls: dict[str, list[Baseline]] = {}
    for name in SUMMAC_SETS:
        recs = ok(by_set.get(name, []))
        if not recs:
            continue
        bls[name] = baselines_for(recs)
        for part in ("test", "tune"):
            pr = part_of(recs, part)
            if not pr:
                continue
            n_pos = sum(r.labels["inconsistent"] for r in pr)
            tpr, fpr = rates(pr, flagged)
            row = [
                name,
                part,
                len(pr),
                f"{n_pos}/{len(pr) - n_pos}",
                sum(flagged(r) for r in pr),
                pct(ba(pr, flagged)),
                pct(tpr),
                pct(1 - fpr),
            ]
            for b in bls[name]:
                row.append(f"{pct(ba(pr, b.pred))} (t={b.threshold:.2f})")
            row += [
                SUMMAC_CONV.get(name, "-") if part == "test" else "",
                SUMMAC_ZS.get(name, "-") if part == "test" else "",
            ]
            rows.append(row)
    print(
        table(
            rows,
            [
                "set",
                "part",
                "n",
                "incons/cons",
                "flagged",
                "storytrace BA",
                "TPR",
                "TNR",
                "lex: novel words BA",
                "lex: novel bigrams BA",
                "SummaC-Conv*",
                "SummaC-ZS*",
            ],
        )
    )
    print(
        "BA = balanced accuracy (%), positive class = inconsistent; TPR = inconsistent flagged, TNR = consistent"
        " not flagged.\nLexical baselines: predict inconsistent when the share of the summary's content words"
        " (bigrams) absent from the document >= t, t fit on the tune part only.\n* published, on the full SummaC"
        " test sets (not these validation subsets): a reference, not a tie."
    )

    pol = ok(by_set.get("polytope", []))
    if pol:
        print(
            "\nPolytope's label counts every error, omissions included (592/634 inconsistent). Against its "
            "error types alone (test part):"
        )
        rows = []
        pt = part_of(pol, "test")
        for lab in ("inconsistent", "inaccuracy", "addition", "omission"):
            n_pos = sum(bool(r.labels[lab]) for r in pt)
            tpr, fpr = rates(pt, flagged, lab)
            b = baselines_for(pol, lab)[0]
            rows.append(
                [
                    lab,
                    f"{n_pos}/{len(pt) - n_pos}",
                    pct(ba(pt, flagged, lab)),
                    pct(tpr),
                    pct(1 - fpr),
                    pct(ba(pt, b.pred, lab)),
                ]
            )
        print(table(rows, ["label", "pos/neg", "storytrace BA", "TPR", "TNR", "lex: novel words BA"]))

    report_rule_variants({k: ok(v) for k, v in by_set.items() if k in SUMMAC_SETS})
    for name in SUMMAC_SETS:
        recs = ok(by_set.get(name, []))
        if recs:
            report_breakdown(name, recs, examples)


def report_rule_variants(by_set: dict[str, list[Record]]) -> None:
    types = sorted({t for recs in by_set.values() for r in recs for t, sev, *_ in r.flags if sev in FLAG_SEVERITIES})
    names = [n for n in by_set if by_set[n]]
    if not names:
        return
    print("\nRule variants, test part, BA % (flagged share of consistent in brackets):")
    variants: list[tuple[str, Callable[[Record], bool]]] = [
        ("high/medium, all types (the rule)", flagged),
        ("high only", lambda r: flagged(r, severities=frozenset({"high"}))),
        ("any severity incl. low/info", lambda r: flagged(r, severities=frozenset({"high", "medium", "low", "info"}))),
    ]
    for t in types:
        variants.append((f"without {t}", lambda r, t=t: flagged(r, exclude=(t,))))
        variants.append((f"only {t}", lambda r, t=t: has_type(r, (t,))))
    rows = []
    for label, fn in variants:
        row = [label]
        for n in names:
            pr = part_of(by_set[n], "test")
            _, fpr = rates(pr, fn)
            row.append(f"{pct(ba(pr, fn))} ({pct(fpr)})")
        rows.append(row)
    print(table(rows, ["rule", *names]))


def report_breakdown(name: str, recs: Sequence[Record], examples: int, label: str = "inconsistent") -> None:
    """Which finding types fire on true and on false positives (tune+test: a diagnostic, nothing is fit)."""
    tp = [r for r in recs if flagged(r) and r.labels[label]]
    fp = [r for r in recs if flagged(r) and not r.labels[label]]
    fn = [r for r in recs if not flagged(r) and r.labels[label]]
    n_pos = sum(bool(r.labels[label]) for r in recs)
    print(
        f"\n{name} (tune+test, n={len(recs)}): {len(tp) + len(fp)} flagged; TP {len(tp)}, FP {len(fp)}, "
        f"FN {len(fn)} of {n_pos} {label}"
    )
    keys = sorted({k for r in tp + fp for k in flag_keys(r)})
    if keys:
        rows = []
        for k in keys:
            a = sum(k in flag_keys(r) for r in tp)
            b = sum(k in flag_keys(r) for r in fp)
            prec = a / (a + b) if a + b else float("nan")
            rows.append([k, a, b, pct(prec)])
        rows.sort(key=lambda x: -(x[1] + x[2]))
        print(table(rows, ["finding type/subtype (high|medium)", "in TP items", "in FP items", "precision %"]))
    if examples:
        for kind, pool in (("false alarm", fp), ("miss", fn)):
            for r in pool[:examples]:
                print(f"  e.g. {kind} {r.id}: suspect: \u201c{_clip(r.derived_text, 220)}\u201d")
                for t, sev, sub, detail, _text in r.flags:
                    if sev in FLAG_SEVERITIES:
                        print(f"       -> {t}/{sub} [{sev}] {_clip(detail, 170)}")


def report_frank(recs_all: list[Record], examples: int) -> None:
    recs = ok(recs_all)
    if not recs:
        return
    section(
        "FRANK: summary = suspect, article = original; a summary has an error type when its score < 1.0 "
        "(score = share of its sentences without that error)"
    )
    print("Parts: FRANK's own split, validation (tune) 30% / test 70%, by article.")
    rows = []
    for part in ("test", "tune"):
        pr = part_of(recs, part)
        for et, types in FRANK_TYPES.items():
            n_true = sum(r.labels[et] for r in pr)
            pred = [has_type(r, types) for r in pr]
            tp = sum(p and r.labels[et] for p, r in zip(pred, pr, strict=True))
            p, rc, f = prf(tp, sum(pred), n_true)
            b = baselines_for(recs, et)[0]
            bp = [b.pred(r) for r in pr]
            btp = sum(x and r.labels[et] for x, r in zip(bp, pr, strict=True))
            bpp, brc, _ = prf(btp, sum(bp), n_true)
            rows.append(
                [
                    part,
                    et,
                    " or ".join(types),
                    f"{n_true}/{len(pr)}",
                    sum(pred),
                    pct(p),
                    pct(rc),
                    pct(f),
                    pct(ba(pr, lambda r, t=types: has_type(r, t), et)),
                    f"{pct(bpp)}/{pct(brc)}",
                    pct(ba(pr, b.pred, et)),
                ]
            )
    print(
        table(
            rows, ["part", "error", "finding", "with error/n", "predicted", "P", "R", "F1", "BA", "lex P/R", "lex BA"]
        )
    )
    print(
        "Findings counted at severity high or medium; lex = novel-content-word share, threshold fit on the tune"
        " part for that error type."
    )

    print("\nOverall: any high/medium non-omission finding vs Factuality < 1.0")
    bls = baselines_for(recs)
    rows = []
    for part in ("test", "tune"):
        for ds in ("all", "cnndm", "bbc"):
            pr = [r for r in part_of(recs, part) if ds == "all" or r.labels["dataset"] == ds]
            if not pr:
                continue
            n_pos = sum(r.labels["inconsistent"] for r in pr)
            tpr, fpr = rates(pr, flagged)
            row = [
                part,
                ds,
                len(pr),
                f"{n_pos}/{len(pr) - n_pos}",
                sum(flagged(r) for r in pr),
                pct(ba(pr, flagged)),
                pct(tpr),
                pct(1 - fpr),
            ]
            row += [f"{pct(ba(pr, b.pred))} (t={b.threshold:.2f})" for b in bls]
            row.append(pct(auc([bls[0].scores[r.id] for r in pr], [r.labels["inconsistent"] for r in pr])))
            row += [
                SUMMAC_CONV["frank"] if part == "test" and ds == "all" else "",
                SUMMAC_ZS["frank"] if part == "test" and ds == "all" else "",
            ]
            rows.append(row)
    print(
        table(
            rows,
            [
                "part",
                "data",
                "n",
                "incons/cons",
                "flagged",
                "storytrace BA",
                "TPR",
                "TNR",
                "lex: novel words BA",
                "lex: novel bigrams BA",
                "lex words AUC",
                "SummaC-Conv*",
                "SummaC-ZS*",
            ],
        )
    )
    print(
        "* published, full SummaC FRANK test set: a reference. cnndm = CNN/DM summaries (mostly extractive), "
        "bbc = XSum (one abstractive sentence)."
    )
    report_rule_variants({"frank": recs})
    report_breakdown("frank", recs, examples)


def report_apty(recs_all: list[Record], examples: int) -> None:
    recs = ok(recs_all)
    if not recs:
        return
    section("APTY: paraphrase = suspect, original sentence = original; flagged = any high/medium non-omission finding")
    bls = baselines_for(recs)
    rows = []
    for part in ("test", "tune", "all"):
        pr = part_of(recs, part)
        changed = [r for r in pr if r.labels["inconsistent"]]
        kept = [r for r in pr if not r.labels["inconsistent"]]
        hit = sum(flagged(r) for r in changed) / len(changed) if changed else float("nan")
        fa = sum(flagged(r) for r in kept) / len(kept) if kept else float("nan")
        goal = "met" if fa == fa and fa <= 0.10 else "NOT met"
        row = [
            part,
            len(pr),
            f"{len(changed)}/{len(kept)}",
            pct(hit),
            pct(1 - fa),
            f"{pct(fa)} ({goal})",
            pct(ba(pr, flagged)),
        ]
        for b in bls:
            _, bfa = rates(pr, b.pred)
            row.append(f"{pct(ba(pr, b.pred))} (t={b.threshold:.2f}; kept flagged {pct(bfa)})")
        rows.append(row)
    print(
        table(
            rows,
            [
                "part",
                "n",
                "changed/kept",
                "changed flagged %",
                "kept not flagged %",
                "kept flagged % (goal <=10)",
                "storytrace BA",
                "lex: novel words BA",
                "lex: novel bigrams BA",
            ],
        )
    )
    print("No published figure for APTY; the lexical baselines are fit on the tune part (by original sentence).")
    print("\nBy requested paraphrase type (tune+test): flagged share of meaning-kept / of meaning-changed")
    by_apt: dict[str, list[Record]] = defaultdict(list)
    for r in recs:
        by_apt[r.labels["apt"]].append(r)
    rows = []
    for apt, rs in sorted(by_apt.items(), key=lambda kv: -len(kv[1])):
        kept = [r for r in rs if not r.labels["inconsistent"]]
        ch = [r for r in rs if r.labels["inconsistent"]]
        rows.append(
            [apt, len(rs), f"{sum(flagged(r) for r in kept)}/{len(kept)}", f"{sum(flagged(r) for r in ch)}/{len(ch)}"]
        )
    print(table(rows, ["paraphrase type", "n", "kept flagged", "changed flagged"]))
    report_rule_variants({"apty": recs})
    report_breakdown("apty", recs, examples)


def report_timing(records: list[Record], elapsed: float) -> None:
    section("Time and errors")
    by_set: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        by_set[r.set].append(r)
    rows = []
    for name, rs in by_set.items():
        secs = sorted(r.seconds for r in rs)
        errs = [r for r in rs if r.error]
        rows.append(
            [
                name,
                len(rs),
                len(errs),
                f"{sum(secs):.1f}",
                f"{1000 * secs[len(secs) // 2]:.0f}",
                f"{1000 * secs[int(0.95 * (len(secs) - 1))]:.0f}",
            ]
        )
    print(table(rows, ["set", "items", "errors", "compare s total", "median ms", "p95 ms"]))
    errs = [r for r in records if r.error]
    for r in errs[:10]:
        print(f"  error {r.set}/{r.id}: {r.error}")
    if len(errs) > 10:
        print(f"  ... and {len(errs) - 10} more")
    print(f"elapsed (wall, whole script): {elapsed:.1f} s")


# --- tuning ----------------------------------------------------------------------------------------------------


def objective(recs: list[Record], part: str) -> dict[str, float]:
    by: dict[str, list[Record]] = defaultdict(list)
    for r in ok(recs):
        if r.part == part:
            by[r.set].append(r)
    scores = {n: ba(rs, flagged) for n, rs in by.items() if len({r.labels["inconsistent"] for r in rs}) == 2}
    scores["mean"] = sum(scores.values()) / len(scores) if scores else float("nan")
    apty = by.get("apty", [])
    kept = [r for r in apty if not r.labels["inconsistent"]]
    scores["apty kept flagged"] = sum(flagged(r) for r in kept) / len(kept) if kept else float("nan")
    return scores


def tune(items: list[Item], text_mode: str, jobs: int, default_records: list[Record]) -> None:
    section("--tune: grid over Settings on the TUNE part only (objective: mean BA over the sets present)")
    keys = [*TUNE_GRID, *TUNE_ALONE]
    grid: list[dict[str, Any]] = [{}]
    for k in TUNE_GRID:
        grid = [{**g, k: v} for g in grid for v in TUNE_GRID[k]]
    grid += [{k: v} for k, vs in TUNE_ALONE.items() for v in vs]
    tune_items = [it for it in items if it.part == "tune"]
    print(f"{len(grid)} settings variants x {len(tune_items)} tune items")
    t0 = time.perf_counter()
    results = run(tune_items, grid, text_mode, jobs)
    print(f"grid run: {time.perf_counter() - t0:.0f} s")
    scored = [(objective(recs, "tune"), g) for recs, g in zip(results, grid, strict=True)]
    from storytrace import Settings

    default = Settings()

    def distance(g: dict[str, Any]) -> float:
        return sum(abs(v - getattr(default, k)) for k, v in g.items())

    # best mean first; among equals, the variant nearest the defaults (a tie is no reason to move)
    scored.sort(key=lambda x: (-round(x[0]["mean"], 9), distance(x[1])))
    names = [n for n in SETS if n in scored[0][0]]
    rows = [
        [*(g.get(k, "") for k in keys), pct(s["mean"]), *(pct(s[n]) for n in names), pct(s["apty kept flagged"])]
        for s, g in scored
    ]
    print(table(rows, [*keys, "tune mean BA", *names, "apty kept flagged %"]))
    best = scored[0][1]
    print(f"best on tune: {best}")
    test_items = [it for it in items if it.part == "test"]
    t0 = time.perf_counter()
    best_test = run(test_items, [best], text_mode, jobs)[0]
    print(f"best variant on the test part: {time.perf_counter() - t0:.0f} s")
    default_test = objective(default_records, "test")
    tuned_test = objective(best_test, "test")
    rows = [
        [n, pct(default_test.get(n, float("nan"))), pct(tuned_test.get(n, float("nan")))]
        for n in [*names, "mean", "apty kept flagged"]
    ]
    print(table(rows, ["test part", "default settings BA %", "tuned settings BA %"]))


# --- main ---------------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-dir", help="labelled data (default: ../shared/eval next to the checkout)")
    ap.add_argument("--sets", default=",".join(SETS), help=f"comma-separated subset of {','.join(SETS)}")
    ap.add_argument("--limit", type=int, default=None, help="first N items of each set (quick runs)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (each loads its own models)")
    ap.add_argument("--text", choices=("detok", "raw"), default="detok", help="text preparation (see the docstring)")
    ap.add_argument("--examples", type=int, default=2, help="false alarms and misses to show per set")
    ap.add_argument("--tune", action="store_true", help="also search a small Settings grid on the tune part")
    ap.add_argument("--dump", help="write every record as JSON lines to this path (outside the repo)")
    args = ap.parse_args(argv)

    t_start = time.perf_counter()
    eval_dir = eval_dir_from(args.eval_dir)
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = set(sets) - set(SETS)
    if unknown:
        ap.error(f"unknown set(s): {', '.join(sorted(unknown))}")
    if args.dump and Path(args.dump).resolve().is_relative_to(_HERE.parent):
        ap.error("--dump must point outside the repository")
    by_set_items = load_all(eval_dir, sets, args.limit)
    items = [it for name in sets for it in by_set_items[name]]

    from storytrace import Settings

    info = machine_info()
    title = "storytrace findings against labelled faithfulness data"
    print(title)
    print("=" * len(title))
    print(f"machine: nproc={info['nproc']}  cpu={info['cpu']}  python {info['python']}  {info['platform']}")
    print(f"numpy {info['numpy']}  onnxruntime {info['onnxruntime']}  storytrace {info['storytrace']}")
    import inspect

    import storytrace.audit as audit_mod
    import storytrace.facts as facts_pkg

    present = sorted(p.stem for p in Path(facts_pkg.__file__).parent.glob("*.py") if p.stem != "__init__")
    wired = sorted(set(re.findall(r"storytrace\.facts\.(\w+)", inspect.getsource(audit_mod))))
    print(f"fact check modules on disk: {', '.join(present)}; called by audit: {', '.join(wired) or 'none'}")
    print(f"eval dir: {eval_dir}   text: {args.text}   jobs: {args.jobs}   limit/set: {args.limit or 'none'}")
    counts = ", ".join(
        f"{n} {len(v)} (tune {sum(i.part == 'tune' for i in v)}, test {sum(i.part == 'test' for i in v)})"
        for n, v in by_set_items.items()
    )
    print(f"items: {counts}")
    s = Settings()
    print(
        "settings (defaults): "
        + ", ".join(
            f"{k}={getattr(s, k)}"
            for k in (
                "link_similarity",
                "link_containment",
                "paraphrase_similarity",
                "clause_min_words",
                "clause_novel_share",
                "clause_support_similarity",
                "near_verbatim_overlap",
            )
        )
    )
    sys.stdout.flush()

    records = run(items, [{}], args.text, args.jobs)[0]
    by_set: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        by_set[r.set].append(r)

    if any(n in by_set for n in SUMMAC_SETS):
        report_summac(by_set, args.examples)
    if "frank" in by_set:
        report_frank(by_set["frank"], args.examples)
    if "apty" in by_set:
        report_apty(by_set["apty"], args.examples)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for r in records:
                d = {k: v for k, v in r.__dict__.items()}
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(f"\nrecords written to {args.dump}")
    if args.tune:
        tune(items, args.text, args.jobs, records)
    report_timing(records, time.perf_counter() - t_start)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
