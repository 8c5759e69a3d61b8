"""User-CPU seconds storytrace takes to read hostile-but-plausible huge HTML pages, all under the input limit.

Run: ``python benchmarks/huge_pages.py [--baseline ../main/src] [--only NAME,..] [--cpu-cap N] [--kinds read,..]``

Each page is built here (deterministic) with a short real story in it and a huge part around it: a live blog of
120,000 short updates, a dump of comments, a 20,000-row table, one sentence over an 8,000-row table and over one row
of 4,990 cells, one sentence beside 4,990, 8,000 and 14,000 "<br><br>" lines, the story 5,000 <div>s deep, one
~4.9 MB paragraph, 180,000 links (as many as fit), a huge JSON-LD graph, a huge inline script, 45,000 hidden
Instagram captions, and a 48 KB list of ages ("15,15,...,15": one word of comma groups).
Every page is under ``DEFAULT_MAX_BYTES`` (5,000,000 bytes), so none is refused by the size limit: each is read.

For each page, reading it alone (``load_article``, as compare and trace do), then
``storytrace compare PAGE STORY.txt`` (and, ``--kinds`` naming it, ``storytrace index add --workers 1``) run in a
child process each; its user-CPU seconds come from ``os.wait4`` (the figure to compare on a shared machine: wall time
under load is noise). ``--baseline SRC`` runs the same commands with another checkout's ``src`` (main's) first, in
the same run, so the two columns are measured in the same conditions. A run past ``--cpu-cap`` seconds of CPU is
killed (RLIMIT_CPU) and shown as ``>cap``. The code under test is this checkout's ``src``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 5_000_000  # storytrace's DEFAULT_MAX_BYTES: every page stays under it

STORY = [
    "The city council voted on Tuesday to close the Elm Street library branch at the end of March, citing a "
    "shortfall of $2.4 million in next year's budget.",
    "Council member Dana Ortiz, who cast one of the three votes against the plan, said the decision would leave "
    "the east side without a library within walking distance for thousands of families.",
    '"We are balancing the budget on the backs of children who have nowhere else to read," Ortiz said after the '
    "vote, which ended a four-hour meeting.",
    "Library director Samuel Reyes said the branch's 41,000 books would be moved to the main library downtown and "
    "that its six staff members would be offered positions elsewhere in the system.",
    "The branch, which opened in 1962, drew about 85,000 visits last year, according to figures the library "
    "released in January.",
    "Residents have started a petition asking the council to reconsider, and a public hearing is scheduled for "
    "February 14.",
]

HEAD = (
    "<!DOCTYPE html><html><head><title>Council votes to close Elm Street library branch</title>"
    '<meta property="og:site_name" content="Riverside Ledger">'
    '<meta property="article:published_time" content="2024-01-23T18:30:00Z"></head><body>'
    '<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>'
)
TITLE = "<h1>Council votes to close Elm Street library branch</h1>"
FOOT = "<footer><p>© 2024 Riverside Ledger</p></footer></body></html>"


def _story() -> str:
    return "".join(f"<p>{p}</p>" for p in STORY)


def _fill(prefix: str, item: Callable[[int], str], suffix: str, count: int) -> str:
    """``prefix``, up to ``count`` items and ``suffix``, stopped before the page would reach the input limit."""
    parts = [prefix]
    size = len(prefix.encode()) + len(suffix.encode())
    for i in range(count):
        piece = item(i)
        size += len(piece.encode())
        if size >= LIMIT - 1000:
            break
        parts.append(piece)
    parts.append(suffix)
    return "".join(parts)


def _live_blog() -> str:
    return _fill(
        HEAD + "<main>" + TITLE + _story(),
        lambda i: f"<p>Update {i}: crews on scene.</p>",
        "</main>" + FOOT,
        120_000,
    )


def _comments() -> str:
    return _fill(
        HEAD + "<main><article>" + TITLE + _story() + '</article><section class="comments">',
        lambda i: (
            f'<div class="comment" id="c{i}"><span class="author">reader{i}</span>'
            f"<p>I think the council got this one wrong, honestly ({i}).</p></div>"
        ),
        "</section></main>" + FOOT,
        60_000,
    )


def _table() -> str:
    return _fill(
        HEAD + "<main><article>" + TITLE + _story() + "<table><tr><th>Branch</th><th>Visits</th><th>Year</th></tr>",
        lambda i: f"<tr><td>Branch {i}</td><td>{i * 37 % 90000}</td><td>{1950 + i % 70}</td></tr>",
        "</table></article></main>" + FOOT,
        20_000,
    )


def _short_story_table() -> str:
    # (review rev25b 5) one sentence said three times over a table of numbers: trafilatura's main extractor leaves
    # too little text, and its jusText fallback is quadratic in the table's short cells
    sentence = f"<p>{STORY[0]}</p>"
    return (
        HEAD
        + "<main><article>"
        + TITLE
        + sentence * 3
        + "<table>"
        + "<tr><td>1</td><td>2</td></tr>" * 8_000
        + "</table></article></main>"
        + FOOT
    )


def _short_story_cells() -> str:
    # the same just under article._FALLBACK_MAX_BLOCKS (5,000 elements jusText makes blocks of): one row of 4,990
    # cells, a short block each, the worst such page the fallbacks still read
    sentence = f"<p>{STORY[0]}</p>"
    cells = "<td>1</td>" * 4_990
    return HEAD + "<main><article>" + TITLE + sentence * 3 + f"<table><tr>{cells}</tr></table></article></main>" + FOOT


def _br_lines(lines: int) -> str:
    # (review rev25g 6) one sentence beside a sidebar of "<br><br>" lines: jusText starts a block at each pair's
    # second <br>, none of them a block tag
    rows = "".join(f"Precinct {i}: {i * 7 % 900}<br><br>" for i in range(lines))
    return HEAD + "<main>" + TITLE + f"<p>{STORY[0]}</p></main><div class='sidebar'>{rows}</div>" + FOOT


def _nested() -> str:
    depth = 5_000
    return HEAD + "<div>" * depth + TITLE + _story() + "</div>" * depth + FOOT


def _one_paragraph() -> str:
    sentence = "The committee met again and the members discussed the same budget figures at length. "
    room = LIMIT - 2000 - len(HEAD) - len(FOOT)
    return HEAD + "<main>" + TITLE + "<p>" + sentence * (room // len(sentence)) + "</p></main>" + FOOT


def _links() -> str:
    return _fill(
        HEAD + "<main><article>" + TITLE + _story() + '</article><nav class="tags">',
        lambda i: f"<a href=/t/{i}>t{i}</a>",
        "</nav></main>" + FOOT,
        200_000,
    )


def _json_ld() -> str:
    items = [{"@type": "ListItem", "position": i, "url": f"https://example.org/s/{i}"} for i in range(55_000)]
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "headline": "Council votes to close Elm Street library branch"},
            {"@type": "ItemList", "itemListElement": items},
        ],
    }
    script = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    return HEAD.replace("</head>", script + "</head>") + "<main>" + TITLE + _story() + "</main>" + FOOT


def _script() -> str:
    room = LIMIT - 2000 - len(HEAD) - len(FOOT) - len(_story())
    line = "window.__STATE__.push({k:1,v:'abcdefghij'});\n"
    return HEAD + "<script>" + line * (room // len(line)) + "</script><main>" + TITLE + _story() + "</main>" + FOOT


def _captions() -> str:
    return _fill(
        HEAD + "<main><article>" + TITLE + _story(),
        lambda i: (
            '<blockquote class="instagram-media"><div style="overflow:hidden">'
            f'<p><a href="https://www.instagram.com/p/{i}/">A post shared by user{i}</a></p></div></blockquote>'
        ),
        "</article></main>" + FOOT,
        45_000,
    )


def _age_list() -> str:
    # one 48 KB word of two-digit comma groups: a grouping comma's lookahead that rescans the rest of the run at
    # each comma made it quadratic (7.4 user-s for this page's text on 3480da1, x4 per doubling; rev26a)
    ages = ",".join("15" for _ in range(16_000))
    return (
        HEAD
        + "<main><article>"
        + TITLE
        + _story()
        + f"<p>Ages were recorded. Aged {ages} and 17.</p></article></main>"
        + FOOT
    )


PAGES: dict[str, Callable[[], str]] = {
    "live_blog_120k": _live_blog,
    "comments": _comments,
    "table_20k_rows": _table,
    "short_story_table_8k_rows": _short_story_table,
    "short_story_cells_4990": _short_story_cells,
    "short_story_br_lines_8k": lambda: _br_lines(8_000),
    "short_story_br_lines_14k": lambda: _br_lines(14_000),
    "short_story_br_lines_4990": lambda: _br_lines(4_990),
    "nested_divs_5000": _nested,
    "one_paragraph_5mb": _one_paragraph,
    "links_200k": _links,
    "json_ld_huge": _json_ld,
    "inline_script_5mb": _script,
    "hidden_captions_45k": _captions,
    "age_list_48kb": _age_list,
}


def _cpu(cmd: list[str], src: Path, cap: int) -> tuple[float, int, str]:
    """User-CPU seconds, exit code and last stderr line of ``cmd`` run with ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cap, cap + 5))

    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=limit)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().decode(errors="replace").strip().splitlines()
    return usage.ru_utime, proc.returncode, lines[-1][:140] if lines else ""


def _commands(page: Path, story: Path, work: Path) -> dict[str, list[str]]:
    exe = [sys.executable, "-m", "storytrace.cli"]
    db = work / "index.db"
    if db.exists():
        db.unlink()
    return {
        # reading the page alone (what the cap bounds): the same load_article compare and trace use
        "read": [
            sys.executable,
            "-c",
            "import sys; from storytrace.article import load_article; load_article(sys.argv[1])",
            str(page),
        ],
        "compare": [*exe, "compare", str(page), str(story)],
        "index add": [*exe, "index", "add", "--db", str(db), "--workers", "1", str(page)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", help="another checkout's src directory (main's), measured first")
    parser.add_argument("--only", help="pages to run, comma-separated names")
    parser.add_argument("--cpu-cap", type=int, default=300, help="CPU seconds after which a run is killed")
    parser.add_argument("--kinds", default="read,compare", help="what to time: read,compare,index add")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(PAGES)
    srcs = ([("baseline", Path(args.baseline).resolve())] if args.baseline else []) + [("branch", ROOT / "src")]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        story = work / "story.txt"
        story.write_text("\n\n".join(STORY) + "\n")
        print("| page | bytes | command | " + " | ".join(f"{label} user-s (exit)" for label, _ in srcs) + " |")
        print("|---|---|---|" + "---|" * len(srcs))
        for name in names:
            page = work / f"{name}.html"
            page.write_text(PAGES[name]())
            size = page.stat().st_size
            assert size < LIMIT, (name, size)
            kinds = [kind.strip() for kind in args.kinds.split(",")]
            for kind in kinds:
                cells = []
                notes = []
                for label, src in srcs:
                    cmd = _commands(page, story, work)[kind]
                    secs, code, last = _cpu(cmd, src, args.cpu_cap)
                    cells.append(f">{args.cpu_cap}" if code in (-9, -24, 152) else f"{secs:.1f} ({code})")
                    if (last and code != 0) or "truncated" in last:
                        notes.append(f"{label}: {last.replace(str(work) + '/', '')}")
                print(f"| {name} | {size:,} | {kind} | " + " | ".join(cells) + " |", flush=True)
                for note in notes:
                    print(f"|   |   |   | {note} |", flush=True)


if __name__ == "__main__":
    main()
