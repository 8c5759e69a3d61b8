"""Quotation matching on a long pair, against the all-pairs search it replaced, and per scanned pair.

    python benchmarks/quote_speed.py [--articles 150] [--keep 0.7] [--no-embeddings] [--pairs-corpus 1000]

The long pair: the first ``--articles`` articles of make_scan_corpus.py's 6,000-article corpus (seed 7)
joined into one text (96k words for 150), against the same with ``1 - --keep`` of its paragraphs cut
(seeded). Prints the CPU seconds of ``storytrace.compare`` on it and an md5 of its findings (type,
subtype, spans, detail: equal md5, equal findings), then the CPU seconds of matching its quotations
(``facts.quotes._match_all``) as shipped and with the search it replaced, kept below as the reference
(every window whose word count passes lined up with difflib, and the speaker-name expression run over
the whole text each time), and whether the two find the same counterparts. Last, the quote check's CPU
ms per pair on the (original, derived) pairs of a ``--pairs-corpus`` scan corpus, again both ways (the
reference there swaps in only the old search; the other per-pair savings are in both columns).
CPU time, best of ``--repeats``; the caches of the quote module are emptied before each run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_scan_corpus
import storytrace.facts.quotes as Q
from storytrace import compare
from storytrace.align import Alignment
from storytrace.article import Article
from storytrace.comparison import compare_documents
from storytrace.settings import Settings
from storytrace.text import STOPWORDS, analyse

#: The comparison whose windows are indexed, and its windows. The context itself is kept, not its id(): a
#: freed context's address may be reused by the next one.
_REF_CTX: list[Q._Context] = []
_REF_WINDOWS: list[tuple[tuple[int, ...], Q._Seq, list[tuple[int, int]], SequenceMatcher[str]]] = []


def reference_counterpart(ctx: Q._Context, dq: Q.Quote) -> Q._Match | None:
    """The search before session 10: each window indexed once per comparison, then, for every derived
    quote, every window whose multiset count of words in common passes lined up, in order, first best kept."""
    d = Q._seq(ctx.alignment.derived.text, dq.start, dq.end)
    d_norms = [w.norm for w in d.words if not w.bracket]
    if not d_norms:
        return None
    n = len(d_norms)
    need_content = min(2, len(Q._content(d_norms)))
    linked_sents = set(ctx.links.get(Q._sentence_of(ctx.der_starts, dq.outer_start), ()))
    if not _REF_CTX or _REF_CTX[0] is not ctx:
        _REF_CTX[:] = [ctx]
        _REF_WINDOWS.clear()
        for w in Q._windows(ctx):
            seq, owner = Q._window_seq(ctx, w)
            _REF_WINDOWS.append((w, seq, owner, SequenceMatcher(None, b=seq.norms, autojunk=False)))
    full: tuple[tuple[int, int, int], Q._Match] | None = None
    partial: tuple[tuple[int, int, int], Q._Match] | None = None
    norms = d.norms
    counts = Counter(norms)
    for window, s, owner, sm in _REF_WINDOWS:
        if not s.words:
            continue
        s_counts = Counter(s.norms)
        common = sum(min(c, s_counts[w]) for w, c in counts.items() if w in s_counts)
        if common < 0.5 * n and common < len(s.words):
            continue
        sm.set_seq1(norms)
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        matched = sum(b.size for b in blocks)
        if matched == 0:
            continue
        content = sum(1 for b in blocks for w in norms[b.a : b.a + b.size] if w not in STOPWORDS)
        linked = int(any(Q._sentence_of(ctx.src_starts, ctx.src_quotes[k].outer_start) in linked_sents for k in window))
        key = (matched, -len(window), linked)
        whole = matched == len(s.words) >= 2
        short = n <= 4 and matched >= max(2, n - 1) and content >= 1
        if matched >= 0.5 * n and (matched >= min(3, n) or whole or short) and content >= need_content:
            if full is None or key > full[0]:
                full = (key, Q._Match(dq, d, window, s, owner, sm.get_opcodes(), matched))
        elif whole and len(blocks) == 1 and content >= 1 and (partial is None or key > partial[0]):
            partial = (key, Q._Match(dq, d, window, s, owner, sm.get_opcodes(), matched, partial=True))
    if full is not None:
        return full[1]
    if partial is not None:
        return partial[1]
    return Q._reworded(ctx, dq, d, linked_sents)


def reference_written_together(first: str, last: str, text: str) -> bool:
    return re.search(rf"\b{re.escape(first)}\s+{re.escape(last)}\b", text, re.IGNORECASE) is not None


@contextmanager
def reference() -> Iterator[None]:
    """The quote module with the old search swapped in."""
    saved = Q._counterpart, Q._written_together
    Q._counterpart, Q._written_together = reference_counterpart, reference_written_together  # type: ignore[assignment]
    try:
        yield
    finally:
        Q._counterpart, Q._written_together = saved  # type: ignore[assignment]


def clear_caches() -> None:
    _REF_WINDOWS.clear()
    for name in dir(Q):
        fn = getattr(Q, name)
        if callable(fn) and hasattr(fn, "cache_clear") and name != "_normalise":
            fn.cache_clear()


def best_cpu(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeats):
        clear_caches()
        t = time.process_time()
        out = fn()
        best = min(best, time.process_time() - t)
    return best, out


def summary(matches: list[Q._Match], unmatched: list[Q.Quote]) -> list[Any]:
    return [(m.dq.outer_start, m.window, m.matched, m.partial, m.reworded, list(m.ops)) for m in matches] + [
        q.outer_start for q in unmatched
    ]


def long_pair(articles: int, keep: float) -> tuple[str, str]:
    records = list(make_scan_corpus.corpus(6000, 7))[:articles]
    src = "\n\n".join(r["text"] for r in records)
    rng = random.Random(1)
    der = "\n\n".join(p for p in src.split("\n\n") if rng.random() < keep)
    return src, der


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--keep", type=float, default=0.7)
    ap.add_argument("--no-embeddings", action="store_true", help="lexical alignment (compare time without the model)")
    ap.add_argument("--pairs-corpus", type=int, default=1000, help="scan corpus size for the per-pair figure (0: skip)")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()

    src, der = long_pair(args.articles, args.keep)
    settings = Settings(use_embeddings=not args.no_embeddings)
    compare("a b c. d e f.", "a b c. d e f.", settings=settings)  # models loaded outside the timing
    clear_caches()
    t = time.process_time()
    report = compare(src, der, settings=settings)
    compare_cpu = time.process_time() - t
    digest = hashlib.md5(
        json.dumps([(f.type, f.subtype, f.source, f.derived, f.detail) for f in report.findings]).encode()
    ).hexdigest()
    print(
        f"long pair: {len(src.split()):,} / {len(der.split()):,} words, compare {compare_cpu:.1f} CPU s "
        f"({'lexical' if args.no_embeddings else 'embeddings'}), {len(report.findings)} findings, md5 {digest}"
    )
    al: Alignment = report.alignment
    print(f"  quotes: {len(Q.quotes_of(al.source))} in the original, {len(Q.quotes_of(al.derived))} in the suspect")
    new_cpu, new = best_cpu(lambda: Q._match_all(Q._context(al)), args.repeats)
    with reference():
        ref_cpu, ref = best_cpu(lambda: Q._match_all(Q._context(al)), args.repeats)
    same = summary(*new) == summary(*ref)
    print(
        f"  quote matching: {new_cpu:.2f} CPU s (reference all-pairs search {ref_cpu:.2f} s), same counterparts: {same}"
    )

    if args.pairs_corpus:
        records = list(make_scan_corpus.corpus(args.pairs_corpus, 7))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "corpus.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            truth = sorted(make_scan_corpus.truth(path))
        by_id = {r["id"]: r for r in records}
        docs = {
            k: analyse(Article(text=r["text"], title=r.get("title"), published=r.get("published")))
            for k, r in by_id.items()
            if any(k in p for p in truth)
        }
        alignments = [compare_documents(docs[s], docs[d], findings=False).alignment for s, d in truth]

        def per_pair() -> list[list[str]]:
            return [[f.detail for f in Q.quote_findings(a)] for a in alignments]

        new_cpu, new_f = best_cpu(per_pair, args.repeats)
        with reference():
            ref_cpu, ref_f = best_cpu(per_pair, args.repeats)
        print(
            f"scan pairs ({len(alignments)}): quote check {1000 * new_cpu / len(alignments):.2f} CPU ms/pair "
            f"(reference search {1000 * ref_cpu / len(alignments):.2f}), same findings: {new_f == ref_f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
