"""The one-line count of a report (sentences by kind, sentences omitted, findings by severity), shared by the
terminal and HTML reports so that an editor reading either sees the same numbers in the same words."""

from __future__ import annotations

from typing import Any

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
        plural(len(report["findings"]), "finding") + (f" ({sev_words})" if sev_words else ""),
    )


def counts(report: dict[str, Any]) -> str:
    return "; ".join(count_parts(report))
