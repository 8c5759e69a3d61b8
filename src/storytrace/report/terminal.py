"""The terminal report: verdict and scores, then the suspect sentence by sentence, then what changed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storytrace.report import summary

if TYPE_CHECKING:
    from storytrace.comparison import Report

KIND_STYLE = {
    "verbatim": "bold red",
    "near_verbatim": "red",
    "paraphrase": "yellow",
    "partial": "magenta",
    "added": "cyan",
}
SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim", "info": "dim"}
RELATION_STYLE = {
    "derived": "bold red",
    "partially_derived": "bold yellow",
    "related": "bold cyan",
    "unrelated": "bold green",
}


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_END = re.compile(r"\r\n?")


def safe(text: str) -> str:
    """``text`` with its control characters shown as \ufffd: an article's ESC sequences would otherwise reach the
    terminal and act there (clear the screen, retitle the window, plant a hidden link, write the clipboard).
    Newlines and tabs stay; a carriage return ends a line as a newline does (Windows and old Mac line ends)."""
    return _CONTROL.sub("\ufffd", _LINE_END.sub("\n", text))


def render(report: Report, console: Console) -> None:
    """Print the report to ``console`` (text is escaped: articles are untrusted markup for rich too)."""
    v, s = report.verdict, report.scores
    src, der = report.source, report.derived

    head = Text()
    if report.too_short:  # no relation to show: the warning below says why
        head.append("too short to judge", style="bold yellow")
    else:
        head.append(v.relation.replace("_", " "), style=RELATION_STYLE.get(v.relation, "bold"))
        head.append(f"  (confidence {v.confidence:.2f})   direction: ")
        head.append(_direction_words(v.direction), style="bold")
        head.append(f" ({v.direction_confidence:.2f})")
    cells = [
        f"{name} [bold]{value:.0%}[/]"
        for name, value in (
            ("reuse", s.reuse),
            ("verbatim", s.verbatim),
            ("coverage", s.coverage),
            ("novelty", s.novelty),
        )
    ]
    scores = Table.grid(padding=(0, 3))
    for _ in cells:
        scores.add_column()
    scores.add_row(*cells)
    evidence = Text("\n".join(f"\u2022 {e}" for e in v.evidence), style="dim")
    titles = Text(
        f"original: {_title(src)}\nsuspect:  {_title(der)}",
        style="italic",
    )
    # the HTML report's count line, word for word, so the two reports of one pair agree
    counts = Text(summary.counts(report.to_dict()))
    console.print(Panel(Group(head, scores, counts, evidence, titles), title="storytrace compare", expand=True))
    for w in report.warnings:
        console.print(f"[bold yellow]warning:[/] {escape(safe(w))}")

    table = Table(title="The suspect, sentence by sentence", show_lines=False, expand=True, title_justify="left")
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("suspect sentence", ratio=3)
    table.add_column("from original", ratio=2)
    for link in report.alignment.links:
        d_text = safe(" ".join(der.sentence_text(i) for i in link.derived))
        s_text = "\n".join(f"[{j}] {_clip(src.sentence_text(j), 160)}" for j in link.source) or "\u2014"
        kind = Text(link.kind.replace("_", "-"), style=KIND_STYLE[link.kind])
        if link.kind != "added":
            kind.append(f"\n{link.similarity:.2f}", style="dim")
        table.add_row(",".join(map(str, link.derived)), kind, Text(d_text), Text(s_text, style="dim"))
    console.print(table)

    changes = [f for f in report.findings if f.type != "fact_omitted"]
    omissions = [f for f in report.findings if f.type == "fact_omitted"]
    if changes:
        console.print(Text("What the suspect changed or added", style="bold underline"))
        for f in changes:
            line = Text("  ")
            line.append(f"{f.severity:<6} ", style=SEVERITY_STYLE[f.severity])
            line.append(f"{f.type:<20} ", style="bold")
            where = _sentence_of(der, f.derived)
            if where is not None:
                line.append(f"#{where} ", style="dim")
            line.append(safe(f.detail))
            if f.type == "claim_added" and f.subtype == "sentence" and f.after:
                line.append(f": \u201c{_clip(f.after, 140)}\u201d", style="italic")
            console.print(line)
    if omissions:
        # sentences dropped whole and items dropped from a kept sentence, counted apart: the count line above
        # says "N of M original sentences omitted", and this heading must not contradict it
        whole = sum(1 for f in omissions if f.subtype == "sentence")
        parts = [summary.plural(whole, "sentence")] if whole else []
        if len(omissions) > whole:
            parts.append(summary.plural(len(omissions) - whole, "part of a kept sentence", "parts of kept sentences"))
        heading = f"Left out of the original: {' and '.join(parts)} (most salient first)"
        console.print(Text(heading, style="bold underline"))
        for f in omissions[:OMISSIONS_SHOWN]:
            line = Text("  ")
            line.append(f"{f.severity:<6} ", style=SEVERITY_STYLE[f.severity])
            where = _sentence_of(src, f.source)
            if where is not None:
                line.append(f"[{where}] ", style="dim")
            line.append(_clip(f.before or "", 200) if f.subtype == "sentence" else safe(f.detail))
            console.print(line)
        rest = len(omissions) - OMISSIONS_SHOWN
        if rest > 0:
            console.print(
                Text(
                    f"  \u2026 and {rest} more, less salient (every one: --format json, or --format html)",
                    style="dim",
                )
            )
    if report.too_short:
        # nothing was checked: "nothing added or left out" would vouch for a pair no one judged
        console.print(Text("No findings: the texts are too short to check.", style="dim"))
    elif not changes and not omissions:
        console.print(Text("No findings: nothing added or left out.", style="green"))


#: Omissions listed in the terminal, most salient first: a short rewrite of a long speech leaves out hundreds
#: of sentences, and a screenful of them hides the ones that matter.
OMISSIONS_SHOWN = 20


def _sentence_of(doc: object, span: tuple[int, int] | None) -> int | None:
    from storytrace.text import Document

    assert isinstance(doc, Document)
    if span is None:
        return None
    for sent in doc.sentences:
        if sent.start <= span[0] < sent.end:
            return sent.index
    return None


def _direction_words(direction: str) -> str:
    return {
        "as_given": "suspect copied the original",
        "reversed": "original copied the suspect",
        "unclear": "unclear",
    }[direction]


def _title(doc: object) -> str:
    from storytrace.text import Document

    assert isinstance(doc, Document)
    a = doc.article
    parts = [a.title or (a.id or "(untitled)")]
    if a.outlet:
        parts.append(a.outlet)
    if a.published:
        parts.append(a.published)
    parts.append(f"{doc.words} words")
    return safe(" \u00b7 ".join(parts))


def _clip(text: str, limit: int) -> str:
    text = safe(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
