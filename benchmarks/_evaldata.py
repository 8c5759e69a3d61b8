"""Shared loaders and small statistics for the benchmark scripts (eval_reuse.py, calibrate.py).

The labelled data lives outside the repository, in ``../shared/eval`` next to the checkout (see its
README.md): it is read from there, never copied in. Every loader takes the eval directory, which the
scripts resolve with :func:`eval_dir_from` (``--eval-dir`` overrides the default).

Besides loaders this module holds what both scripts need to fit and score thresholds honestly: folds
(leave-one-group-out, stratified and grouped k-fold), one-threshold and ordinal-threshold fitting by
exhaustive search over midpoints, confusion matrices, and a plain-text table printer.
"""

from __future__ import annotations

import csv
import json
import os
import platform
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

_SRC = Path(__file__).resolve().parents[1] / "src"
try:
    import storytrace  # noqa: F401
except ImportError:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(_SRC))

DEFAULT_EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def eval_dir_from(arg: str | None) -> Path:
    path = Path(arg).expanduser().resolve() if arg else DEFAULT_EVAL_DIR
    if not path.is_dir():
        raise SystemExit(f"eval data not found at {path} (pass --eval-dir)")
    return path


def read_text(path: Path) -> str:
    """A text file as str: UTF-8, else Windows-1252 (some Clough & Stevenson answers); LF line ends."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- machine and settings ------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import onnxruntime

        ort = onnxruntime.__version__
    except ImportError:
        ort = "not installed"
    import storytrace

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "numpy": np.__version__,
        "onnxruntime": ort,
        "storytrace": getattr(storytrace, "__version__", "?"),
    }


def print_header(title: str, settings: Any, extra: dict[str, Any] | None = None) -> None:
    info = machine_info()
    print(title)
    print("=" * len(title))
    print(f"machine: nproc={info['nproc']}  cpu={info['cpu']}  python {info['python']}  {info['platform']}")
    print(f"numpy {info['numpy']}  onnxruntime {info['onnxruntime']}  storytrace {info['storytrace']}")
    for k, v in (extra or {}).items():
        print(f"{k}: {v}")
    print("storytrace settings used (alignment runs with these; thresholds refit below are stated there):")
    items = [f"{k}={v}" for k, v in settings.to_dict().items()]
    line = " "
    for item in items:
        if len(line) + len(item) + 2 > 108:
            print(line)
            line = " "
        line += " " + item
    print(line)
    print()


# --- Clough & Stevenson 2011 ------------------------------------------------------------------------------

CLOUGH_CLASSES = ("non", "heavy", "light", "cut")  # ordered by how much was taken from the source


@dataclass(frozen=True)
class CloughItem:
    name: str
    participant: str  # g0pA ... g4pE
    task: str  # a-e
    category: str  # cut / light / heavy / non
    text: str


def load_clough(eval_dir: Path) -> tuple[list[CloughItem], dict[str, str]]:
    """The 95 answers (file order) and the 5 Wikipedia sources by task letter."""
    root = eval_dir / "clough-stevenson-2011" / "data"
    items: list[CloughItem] = []
    sources: dict[str, str] = {}
    with (root / "file_information.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name, task, cat = row["File"].strip(), row["Task"].strip(), row["Category"].strip()
            if cat == "orig":
                sources[task] = read_text(root / name)
                continue
            items.append(CloughItem(name, name.split("_")[0], task, cat, read_text(root / name)))
    for task in sorted({it.task for it in items}):
        sources.setdefault(task, read_text(root / f"orig_task{task}.txt"))
    return items, sources


# --- SheepDog (PolitiFact originals and LLM rewrites) ---------------------------------------------------


@dataclass(frozen=True)
class Rewrite:
    id: str
    orig_id: str
    variant: str
    text: str


def load_sheepdog(eval_dir: Path) -> tuple[dict[str, str], list[Rewrite]]:
    root = eval_dir / "sheepdog-train"
    originals: dict[str, str] = {}
    with (root / "originals.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                originals[d["id"]] = d["text"]
    rewrites: list[Rewrite] = []
    with (root / "rewrites.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                rewrites.append(Rewrite(d["id"], d["orig_id"], d["variant"], d["text"]))
    return originals, rewrites


# --- APTY ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AptyPair:
    original: str
    paraphrase: str
    kept: bool  # human label: the paraphrase is semantically equivalent
    apt: str  # requested paraphrase type
    marked: str  # the changed span as marked by the annotator (may be empty)
    span: tuple[int, int] | None  # its character span in the paraphrase


def load_apty(eval_dir: Path) -> list[AptyPair]:
    """All 575 annotated rows of apty_base.csv (';'-separated); ``paraphrase_fixed`` is the clean text."""
    pairs = []
    with (eval_dir / "apty" / "apty_base.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            span = None
            if row["start"].strip() and row["end"].strip():
                span = (int(float(row["start"])), int(float(row["end"])))
            pairs.append(
                AptyPair(
                    original=row["original"].strip(),
                    paraphrase=row["paraphrase_fixed"].strip(),
                    kept=row["paraphrase"].strip() == "True",
                    apt=row["apt"].strip(),
                    marked=row["marked_text"],
                    span=span,
                )
            )
    return pairs


# --- PAN 2025 generated plagiarism sample -------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    pid: str
    start: int  # span in the built text
    end: int
    label: str | None = None  # candidate only: 'plagiarism' | 'altered' | None
    prompt: str | None = None  # simple / medium / hard / altered
    source_pid: str | None = None  # candidate only: the labelled source paragraph


@dataclass(frozen=True)
class PanPair:
    name: str
    kind: str  # plagiarism / altered / original
    llm: str
    source_text: str
    candidate_text: str
    source_paras: tuple[Paragraph, ...]
    candidate_paras: tuple[Paragraph, ...]
    meta: dict[str, Any] = field(default_factory=dict)


_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def _build(doc: dict[str, Any], labelled: bool) -> tuple[str, tuple[Paragraph, ...]]:
    """Abstract and section paragraphs joined with blank lines; each paragraph's span kept."""
    parts: list[str] = []
    paras: list[Paragraph] = []
    pos = 0
    raw = list(doc.get("abstract") or []) + [p for s in doc.get("sections") or [] for p in s["paragraphs"]]
    for p in raw:
        content = _BLANK_LINES.sub("\n", p.get("content") or "").strip()
        if not content:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        plag = (p.get("plagiarism") or {}) if labelled else {}
        paras.append(
            Paragraph(
                pid=str(p["id"]),
                start=pos,
                end=pos + len(content),
                label=plag.get("type"),
                prompt=plag.get("prompt_type"),
                source_pid=plag.get("source_paragraph_id") or None,
            )
        )
        parts.append(content)
        pos += len(content)
    return "".join(parts), tuple(paras)


def load_pan(eval_dir: Path) -> list[PanPair]:
    pairs = []
    for path in sorted((eval_dir / "pan25-sample").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        s_text, s_paras = _build(d["source"], labelled=False)
        c_text, c_paras = _build(d["candidate"], labelled=True)
        plag = d.get("plagiarism") or {}
        pairs.append(
            PanPair(
                name=path.stem.split(":")[0],
                kind=str(plag.get("type", "?")),
                llm=str(plag.get("llm", "?")),
                source_text=s_text,
                candidate_text=c_text,
                source_paras=s_paras,
                candidate_paras=c_paras,
                meta=plag,
            )
        )
    return pairs


def load_pan_official(eval_dir: Path) -> list[dict[str, Any]]:
    rows = []
    path = eval_dir / "pan25-sample" / "pan25_official_runs_with_scores.jsonl"
    if not path.exists():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


# --- folds --------------------------------------------------------------------------------------------------


def leave_one_group_out(groups: Sequence[str]) -> list[tuple[list[int], list[int]]]:
    folds = []
    for g in sorted(set(groups)):
        test = [i for i, x in enumerate(groups) if x == g]
        train = [i for i, x in enumerate(groups) if x != g]
        folds.append((train, test))
    return folds


def stratified_kfold(labels: Sequence[Any], k: int = 5, seed: int = 0) -> list[tuple[list[int], list[int]]]:
    rng = random.Random(seed)
    by_label: dict[Any, list[int]] = defaultdict(list)
    for i, y in enumerate(labels):
        by_label[y].append(i)
    fold_of = [0] * len(labels)
    offset = 0
    for y in sorted(by_label, key=str):
        idx = by_label[y]
        rng.shuffle(idx)
        for n, i in enumerate(idx):
            fold_of[i] = (n + offset) % k
        offset += len(idx)
    return [
        (
            [i for i in range(len(labels)) if fold_of[i] != f],
            [i for i in range(len(labels)) if fold_of[i] == f],
        )
        for f in range(k)
    ]


def group_kfold(groups: Sequence[str], k: int = 5, seed: int = 0) -> list[tuple[list[int], list[int]]]:
    """k folds with every group (e.g. one original sentence and all its paraphrases) in one fold."""
    names = sorted(set(groups))
    random.Random(seed).shuffle(names)
    fold_of_group = {g: n % k for n, g in enumerate(names)}
    return [
        (
            [i for i, g in enumerate(groups) if fold_of_group[g] != f],
            [i for i, g in enumerate(groups) if fold_of_group[g] == f],
        )
        for f in range(k)
    ]


# --- thresholds --------------------------------------------------------------------------------------------


def _candidates(values: np.ndarray) -> np.ndarray:
    """Midpoints between distinct sorted values, plus one below and one above all of them."""
    u = np.unique(values)
    if len(u) == 0:
        return np.array([0.0])
    mids = (u[:-1] + u[1:]) / 2
    return np.concatenate([[u[0] - 1e-6], mids, [u[-1] + 1e-6]])


def fit_threshold(values: Sequence[float], positive: Sequence[bool], *, balanced: bool = False) -> tuple[float, float]:
    """Threshold t (predict positive when value >= t) with the best (balanced) accuracy on the data.

    Ties are broken toward the middle of the widest run of equally good thresholds.
    Returns (threshold, training score).
    """
    v = np.asarray(values, dtype=float)
    y = np.asarray(positive, dtype=bool)
    cands = _candidates(v)
    pred = v[None, :] >= cands[:, None]
    tp = (pred & y).sum(axis=1)
    tn = (~pred & ~y).sum(axis=1)
    if balanced:
        npos, nneg = max(1, int(y.sum())), max(1, int((~y).sum()))
        score = 0.5 * (tp / npos + tn / nneg)
    else:
        score = (tp + tn) / max(1, len(y))
    best = score.max()
    idx = np.flatnonzero(np.isclose(score, best))
    # the widest run of consecutive optimal candidates, then its middle
    runs: list[list[int]] = []
    for i in idx:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(int(i))
        else:
            runs.append([int(i)])
    run = max(runs, key=len)
    lo, hi = cands[run[0]], cands[run[-1]]
    return float((lo + hi) / 2), float(best)


def fit_ordinal(values: Sequence[float], classes: Sequence[int], k: int) -> tuple[list[float], float]:
    """k-1 increasing thresholds on one score for ordered classes 0..k-1 (class c when the score lies
    between thresholds c-1 and c), maximising accuracy; exhaustive over midpoints (k <= 4).

    Among equally good solutions the one nearest the median position of all optimal ones is taken.
    """
    v = np.asarray(values, dtype=float)
    y = np.asarray(classes, dtype=int)
    cands = _candidates(v)
    m = len(cands)
    # below[c, p]: items of class c with value < cands[p]
    below = np.stack([(v[None, :] < cands[:, None])[:, y == c].sum(axis=1) for c in range(k)])
    total = np.array([(y == c).sum() for c in range(k)])
    if k == 2:
        score = below[0] + (total[1] - below[1])
        grid = np.arange(m)[:, None]
    elif k == 3:
        p1, p2 = np.meshgrid(np.arange(m), np.arange(m), indexing="ij")
        ok = p1 <= p2
        score = below[0][p1] + (below[1][p2] - below[1][p1]) + (total[2] - below[2][p2])
        score = np.where(ok, score, -1)
        grid = np.stack([p1.ravel(), p2.ravel()], axis=1)
        score = score.ravel()
    elif k == 4:
        p1, p2, p3 = np.meshgrid(np.arange(m), np.arange(m), np.arange(m), indexing="ij")
        ok = (p1 <= p2) & (p2 <= p3)
        score = below[0][p1] + (below[1][p2] - below[1][p1]) + (below[2][p3] - below[2][p2]) + (total[3] - below[3][p3])
        score = np.where(ok, score, -1).ravel()
        grid = np.stack([p1.ravel(), p2.ravel(), p3.ravel()], axis=1)
    else:
        raise ValueError("k must be 2, 3 or 4")
    score = np.asarray(score).ravel()
    best = score.max()
    opt = grid[score == best]
    centre = np.median(opt, axis=0)
    pick = opt[np.argmin(np.abs(opt - centre).sum(axis=1))]
    return [float(cands[p]) for p in pick], float(best) / max(1, len(y))


def apply_ordinal(value: float, thresholds: Sequence[float]) -> int:
    return sum(value >= t for t in thresholds)


# --- metrics and tables -------------------------------------------------------------------------------------


def confusion(true: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> list[list[int]]:
    index = {lab: i for i, lab in enumerate(labels)}
    m = [[0] * len(labels) for _ in labels]
    for t, p in zip(true, pred, strict=True):
        m[index[t]][index[p]] += 1
    return m


def accuracy(true: Sequence[Any], pred: Sequence[Any]) -> float:
    return sum(t == p for t, p in zip(true, pred, strict=True)) / max(1, len(true))


def balanced_accuracy(true: Sequence[bool], pred: Sequence[bool]) -> float:
    pos = [p for t, p in zip(true, pred, strict=True) if t]
    neg = [p for t, p in zip(true, pred, strict=True) if not t]
    tpr = sum(pos) / len(pos) if pos else 0.0
    tnr = sum(not p for p in neg) / len(neg) if neg else 0.0
    return 0.5 * (tpr + tnr)


def auc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """ROC AUC by the rank statistic (ties count half)."""
    s = np.asarray(scores, dtype=float)
    y = np.asarray(positive, dtype=bool)
    pos, neg = s[y], s[~y]
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum()
    ties = (pos[:, None] == neg[None, :]).sum()
    return float((greater + 0.5 * ties) / (len(pos) * len(neg)))


def prf(tp: int, n_pred: int, n_true: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_true if n_true else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def table(rows: Iterable[Sequence[Any]], headers: Sequence[str], *, floatfmt: str = ".3f") -> str:
    def cell(x: Any) -> str:
        if isinstance(x, float):
            return format(x, floatfmt)
        return str(x)

    body = [[cell(x) for x in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in body)) if body else len(h) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for r in body:
        lines.append("  ".join(c.rjust(w) if _numeric(c) else c.ljust(w) for c, w in zip(r, widths, strict=True)))
    return "\n".join(lines)


def _numeric(s: str) -> bool:
    return bool(re.fullmatch(r"[-+]?\d[\d.,%]*|nan|-", s))


def confusion_table(m: list[list[int]], labels: Sequence[str]) -> str:
    rows = [[f"true {lab}", *m[i], sum(m[i])] for i, lab in enumerate(labels)]
    return table(rows, ["", *(f"pred {lab}" for lab in labels), "n"])


def describe(values: Sequence[float]) -> str:
    if not len(values):
        return "-"
    a = np.asarray(values, dtype=float)
    q = np.percentile(a, [0, 25, 50, 75, 100])
    return f"min {q[0]:.2f} q1 {q[1]:.2f} med {q[2]:.2f} q3 {q[3]:.2f} max {q[4]:.2f}"


def counter_str(c: Counter[Any]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: str(kv[0])))


# --- n-gram and TF-IDF baselines -------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def ngram_containment(derived: str, source: str, n: int = 3) -> float:
    """Share of the derived text's word n-grams found in the source (Clough & Stevenson's measure)."""
    d, s = words(derived), words(source)
    d_grams = {tuple(d[i : i + n]) for i in range(len(d) - n + 1)}
    s_grams = {tuple(s[i : i + n]) for i in range(len(s) - n + 1)}
    return len(d_grams & s_grams) / len(d_grams) if d_grams else 0.0


def jaccard(a: str, b: str) -> float:
    x, y = set(words(a)), set(words(b))
    return len(x & y) / len(x | y) if x | y else 1.0


def tfidf_matrix(docs: Sequence[str], tokenizer: Callable[[str], list[str]] = words) -> np.ndarray:
    """L2-normalised TF-IDF rows (sublinear tf, smooth idf), vocabulary from ``docs`` themselves."""
    toks = [tokenizer(d) for d in docs]
    vocab: dict[str, int] = {}
    for t in toks:
        for w in t:
            vocab.setdefault(w, len(vocab))
    m = np.zeros((len(docs), max(1, len(vocab))), dtype=np.float64)
    for i, t in enumerate(toks):
        for w, c in Counter(t).items():
            m[i, vocab[w]] = 1.0 + np.log(c)
    df = (m > 0).sum(axis=0)
    idf = np.log((1 + len(docs)) / (1 + df)) + 1.0
    m *= idf
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms
