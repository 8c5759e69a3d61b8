"""The ``storytrace`` command: a thin shell that reads inputs, calls the library and renders a report.

Exit status: 0 done; 2 bad input or usage (one line on stderr); 3 a batch ran but some lines failed;
1 an internal error (a bug: set STORYTRACE_DEBUG=1 for the traceback); 130 interrupted (Ctrl-C); 143 stopped
by SIGTERM, 129 by SIGHUP (128 + the signal's number, as a shell reports a command the signal ended).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import io
import json
import os
import re
import signal
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storytrace.errors import InputError, StorytraceError
from storytrace.report.summary import plural
from storytrace.workers import collect_less_often

if TYPE_CHECKING:  # the corpus module is imported when a batch is read: startup stays quick
    from storytrace.corpus import JsonLine

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
#: A run stopped by SIGTERM or SIGHUP: 128 + the signal's number (POSIX numbers them 15 and 1), as for Ctrl-C.
EXIT_TERMINATED, EXIT_HANGUP = 128 + 15, 128 + 1


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line with our exit status."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_INPUT, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    from storytrace import __version__

    parser = _Parser(
        prog="storytrace",
        description="Trace a news article back to its original and show what the rewrite changed.",
    )
    parser.add_argument("--version", action="version", version=f"storytrace {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    cmp = sub.add_parser(
        "compare",
        help="compare a suspect article with the original it may come from",
        description="Compare SUSPECT with ORIGINAL: verdict, scores, sentence alignment, findings. "
        "Inputs: plain text, HTML pages, JSON with a 'text' field, or '-' for stdin.",
    )
    cmp.add_argument("original", nargs="?", help="the original (source) article")
    cmp.add_argument("suspect", nargs="?", help="the suspect (derived) article")
    cmp.add_argument(
        "--pairs",
        metavar="JSONL",
        help='batch: lines of {"id", "source"|"source_path", "derived"|"derived_path", ...}; '
        "one JSON report per line out, in order",
    )
    cmp.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default=None,
        help="report format (default text; --pairs: json; html: one self-contained page, side by side)",
    )
    cmp.add_argument("--out", metavar="FILE", help="write the report to FILE instead of stdout")
    cmp.add_argument(
        "--input-format",
        choices=("auto", "text", "html", "json"),
        default="auto",
        help="how to read the inputs (default: by extension, then by content)",
    )
    cmp.add_argument("--no-embeddings", action="store_true", help="lexical evidence only (faster, misses paraphrase)")
    cmp.add_argument("--max-bytes", type=int, default=None, help="refuse inputs larger than this (default 5000000)")
    cmp.set_defaults(func=_cmd_compare)

    idx = sub.add_parser("index", help="build and manage an on-disk index of articles (for trace)")
    idx_sub = idx.add_subparsers(dest="index_command", required=True, parser_class=_Parser)
    add = idx_sub.add_parser(
        "add",
        help="add articles to the index (re-adding an id updates it)",
        description="Add articles: txt, html, JSON/JSONL/CSV (id, text, title, url, outlet, published), "
        "directories and globs, gzip. Ids: the record's id, else its path as given without './' steps or "
        "doubled slashes.",
    )
    add.add_argument("inputs", nargs="+", metavar="INPUT")
    add.add_argument("--db", required=True, metavar="PATH", help="the index file (created if missing)")
    add.add_argument("--max-bytes", type=int, default=None, help="refuse articles larger than this")
    add.add_argument("--batch", type=int, default=4096, help="articles per transaction (default 4096)")
    add.add_argument(
        "--workers", type=int, default=None, help="processes analysing articles (default: all cores; 1: none)"
    )
    add.add_argument(
        "--lexical-only",
        action="store_true",
        help="make a new index lexical-only: 5-gram and word postings, no static vectors, no sentence analysis "
        "(~4x faster to build; trace's dense channel is off). An index keeps the mode it was made with",
    )
    add.set_defaults(func=_cmd_index_add)
    stats = idx_sub.add_parser("stats", help="what the index holds")
    stats.add_argument("--db", required=True, metavar="PATH")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.set_defaults(func=_cmd_index_stats)
    emb = idx_sub.add_parser(
        "embed",
        help="make every article's sentence vectors now, so no trace has to (slow; resumable)",
        description="Make and store the sentence embeddings of every indexed article that has none, so that "
        "traces find them stored instead of making them for each new candidate (most of a first trace's "
        "time). Slow: about 8 news articles (350 sentences) a second on 2 cores. Each batch is kept when "
        "done: an interrupted run goes on where it stopped when run again.",
    )
    emb.add_argument("--db", required=True, metavar="PATH", help="the index file")
    emb.add_argument("--batch", type=int, default=32, help="articles per transaction (default 32)")
    emb.set_defaults(func=_cmd_index_embed)
    rm = idx_sub.add_parser("remove", help="remove articles by id")
    rm.add_argument("ids", nargs="+", metavar="ID")
    rm.add_argument("--db", required=True, metavar="PATH")
    rm.set_defaults(func=_cmd_index_remove)

    tr = sub.add_parser(
        "trace",
        help="find the likely sources of a suspect article in an index",
        description="Rank the indexed articles SUSPECT may come from and compare the best to decide.",
    )
    tr.add_argument("suspect", nargs="?", help="the suspect article (txt, html, json, or '-')")
    tr.add_argument("--db", required=True, metavar="PATH", help="the index file")
    tr.add_argument("--top", type=int, default=5, help="candidates to compare and list (default 5)")
    tr.add_argument(
        "--shortlist",
        type=int,
        default=None,
        metavar="N",
        help="compare the best N by retrieval instead of --top (still listing --top, and every source found): "
        "more finds an original ranked low, at one comparison each; 0: retrieval only, nothing compared (no "
        "source named)",
    )
    tr.add_argument(
        "--before",
        metavar="DATE",
        help="only sources published on or before DATE (YYYY-MM-DD); "
        "default: the suspect's own publication date when known",
    )
    tr.add_argument("--batch", metavar="JSONL", help="trace every suspect of a JSONL file (id, text, ...)")
    tr.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default=None,
        help="default text; html: the candidates and the side-by-side report of the source; --batch: json",
    )
    tr.add_argument("--out", metavar="FILE")
    tr.add_argument("--no-embeddings", action="store_true", help="lexical evidence only in the comparisons")
    tr.add_argument("--max-bytes", type=int, default=None)
    tr.set_defaults(func=_cmd_trace, input_format="auto")

    sc = sub.add_parser(
        "scan",
        help="find every derived pair in a corpus: pairs, story families, who copied whom, outlet figures",
        description="Scan a corpus (txt, html, JSON/JSONL/CSV/TSV, WARC; directories, globs, gzip) and write "
        "pairs.jsonl, clusters.jsonl, outlets.csv and report.html into --out. Bad records are reported "
        "and skipped. Stages can stop (--to) and resume (--resume).",
    )
    sc.add_argument("inputs", nargs="+", metavar="INPUT")
    sc.add_argument("--out", required=True, metavar="DIR", help="output directory (created)")
    sc.add_argument("--engine", choices=("local", "spark"), default="local")
    sc.add_argument("--workers", type=int, default=None, help="local engine: worker processes (default: all cores)")
    sc.add_argument("--master", default="local[*]", help="spark engine: the master URL (default local[*])")
    sc.add_argument("--to", choices=("candidates", "pairs"), default=None, help="stop after this stage")
    sc.add_argument("--resume", action="store_true", help="continue an interrupted scan in --out")
    sc.add_argument("--max-lag", metavar="DURATION", help="only pairs published at most this far apart (30d, 12h)")
    sc.add_argument("--cross-outlet", action="store_true", help="only pairs from two different outlets")
    sc.add_argument("--since", metavar="DATE", help="only articles published on or after DATE (YYYY-MM-DD)")
    sc.add_argument("--until", metavar="DATE", help="only articles published on or before DATE (YYYY-MM-DD)")
    sc.add_argument("--max-bytes", type=int, default=None)
    sc.set_defaults(func=_cmd_scan)

    srv = sub.add_parser(
        "serve",
        help="run the web app and HTTP API (needs the web extra)",
        description="A web page to compare two articles (and with --db to trace one), and an HTTP API: "
        "POST /compare, POST /trace, GET /health; the API reference at /docs. Binds 127.0.0.1 by default.",
    )
    srv.add_argument("--db", metavar="PATH", help="an index to trace against (storytrace index add)")
    srv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    srv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    srv.add_argument("--timeout", type=float, default=30.0, help="seconds a request may compute (default 30)")
    srv.add_argument("--max-request-bytes", type=int, default=2_000_000, help="largest request body (default 2 MB)")
    srv.add_argument("--workers", type=int, default=2, help="threads computing reports (default 2)")
    srv.add_argument("--no-embeddings", action="store_true", help="lexical evidence only (faster)")
    srv.set_defaults(func=_cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # A run analyses many articles (workers.collect_less_often); the setting is the process's, so a caller
    # that runs main() in its own process (tests, scripts) gets its own back.
    before = collect_less_often()
    stop: list[int] = []
    try:
        # serve starts no processes, and uvicorn stops it on SIGTERM itself (its handlers replace ours).
        with _stopped_by_signals(stop) if args.func is not _cmd_serve else contextlib.nullcontext():
            status = _run(args, parser)
    except KeyboardInterrupt:  # a signal in the instant between _run's return and the handlers' restoring
        status = EXIT_INTERRUPTED
    finally:
        gc.set_threshold(*before)
    return STOP_SIGNALS[stop[0]] if stop and status == EXIT_INTERRUPTED else status


#: Signals that stop a run the way Ctrl-C does, and the exit status they give: `kill`, a job scheduler's time
#: limit and `systemctl stop` send SIGTERM, a closed terminal SIGHUP (which Windows has not).
STOP_SIGNALS: dict[int, int] = {signal.SIGTERM: EXIT_TERMINATED}
if hasattr(signal, "SIGHUP"):
    STOP_SIGNALS[signal.SIGHUP] = EXIT_HANGUP


@contextlib.contextmanager
def _stopped_by_signals(stop: list[int]) -> Iterator[None]:
    """SIGTERM and SIGHUP raise KeyboardInterrupt, as Ctrl-C does, while the block runs; ``stop`` gets the
    signal's number. Killed by either outright, a scan left its worker processes judging for minutes with nobody
    to take their results (each printed a traceback when it was done): a KeyboardInterrupt takes the path that
    ends the pools, keeps the stages consistent for --resume and says so in one line.

    The first such signal stops the run; from then on they have their default effect, so a second one ends a
    stop that hangs at once (the workers still exit: ``workers.exit_with_parent``). A signal the caller
    ignores (``nohup`` ignores SIGHUP) or handles stays as it is."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return
    ours = [sig for sig in STOP_SIGNALS if signal.getsignal(sig) is signal.SIG_DFL]

    def stopped(signum: int, _frame: Any) -> None:
        if not stop:
            stop.append(signum)
            for sig in ours:
                signal.signal(sig, signal.SIG_DFL)
            raise KeyboardInterrupt(signal.Signals(signum).name)

    for sig in ours:
        signal.signal(sig, stopped)
    try:
        yield
    finally:
        for sig in ours:
            signal.signal(sig, signal.SIG_DFL)


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        return int(args.func(args, parser))
    except StorytraceError as exc:
        _fail(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        _fail("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`storytrace ... | head`): not an error worth a message.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("STORYTRACE_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (set STORYTRACE_DEBUG=1 for details)")
        return EXIT_INTERNAL


def _fail(message: str) -> None:
    # A closed terminal (SIGHUP) leaves no stderr to write to; the exit status still says what happened.
    with contextlib.suppress(OSError, ValueError):
        print(f"storytrace: error: {' '.join(str(message).split())}", file=sys.stderr)


# --- compare ------------------------------------------------------------------------------------------


def _settings_for(args: argparse.Namespace) -> Any:
    return _settings(args)


def _settings(args: argparse.Namespace) -> Any:
    from storytrace.settings import DEFAULT_SETTINGS

    changes: dict[str, Any] = {}
    if getattr(args, "no_embeddings", False):
        changes["use_embeddings"] = False
    if args.max_bytes is not None:
        if args.max_bytes <= 0:
            raise InputError("--max-bytes must be a positive number of bytes")
        changes["max_bytes"] = args.max_bytes
    return DEFAULT_SETTINGS.with_(**changes) if changes else DEFAULT_SETTINGS


def _cmd_compare(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    settings = _settings(args)
    if args.pairs:
        if args.original or args.suspect:
            parser.error("give either ORIGINAL SUSPECT or --pairs, not both")
        if args.format in ("text", "html"):
            parser.error("--pairs writes JSON Lines; use --format json or leave --format out")
        _refuse_out_over_input(args.out, args.pairs)
        return _compare_batch(args, settings)
    if not args.original or not args.suspect:
        parser.error("compare needs ORIGINAL and SUSPECT (or --pairs FILE)")
    if args.original == "-" and args.suspect == "-":
        parser.error("only one of ORIGINAL and SUSPECT can be '-' (stdin)")
    _refuse_out_over_input(args.out, args.original, args.suspect)

    from storytrace.article import load_article
    from storytrace.comparison import compare

    source = load_article(args.original, fmt=args.input_format, max_bytes=settings.max_bytes, warn=_warn)
    derived = load_article(args.suspect, fmt=args.input_format, max_bytes=settings.max_bytes, warn=_warn)
    source = _with_default_id(source, args.original)
    derived = _with_default_id(derived, args.suspect)
    _warn_unread_date(source, args.original)
    _warn_unread_date(derived, args.suspect)
    report = compare(source, derived, settings=settings)
    for warning in report.warnings:
        print(f"storytrace: warning: {warning}", file=sys.stderr)
    if args.format == "json":
        from storytrace.report.json import dumps

        _emit(dumps(report.to_dict()) + "\n", args.out)
    elif args.format == "html":
        from storytrace.report.html import report_to_html

        _emit(report_to_html(report), args.out)
    else:
        _emit(_render_text(report, to_file=bool(args.out)), args.out)
    return EXIT_OK


def _warn(message: str) -> None:
    print(f"storytrace: warning: {message}", file=sys.stderr)


def _warn_unread_date(article: Any, name: str) -> None:
    """Say so when a publication date was given but could not be read: the article is then treated as undated
    (direction from the text alone; trace does not hold back younger sources), which should not be silent."""
    from storytrace.article import unread_date_reason, unread_published

    raw = unread_published(article)
    if raw is not None:
        print(
            f"storytrace: warning: {name}: publication date {str(raw)[:40]!r} {unread_date_reason(raw)} (expected a "
            "date like 2024-03-14); the article is treated as undated",
            file=sys.stderr,
        )


def _with_default_id(article: Any, name: str) -> Any:
    from dataclasses import replace

    from storytrace.corpus import tidy_path

    # the id `index add` gives the same file, so a suspect that is in the index is not its own source
    return article if article.id is not None or name == "-" else replace(article, id=tidy_path(name))


def _render_text(report: Any, *, to_file: bool) -> str:
    from rich.console import Console

    from storytrace.report.terminal import render

    buf = io.StringIO()
    if to_file:
        console = Console(file=buf, width=120, color_system=None, force_terminal=False)
    else:
        console = Console(file=buf, force_terminal=sys.stdout.isatty(), width=_terminal_width())
    render(report, console)
    return buf.getvalue()


def _terminal_width() -> int:
    try:
        return max(80, min(180, os.get_terminal_size(sys.stdout.fileno()).columns))
    except OSError:
        return 120


def _emit(content: str, out: str | None) -> None:
    if out is None:
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    _write_atomic(Path(out), content)


def _refuse_out_over_input(out: str | None, *inputs: str | None) -> None:
    """Refuse, before any work, an --out that names one of the inputs: the report would replace the article
    (or, with trace, the whole index) it was made from. A directory, or a missing one, is refused up front too,
    not after a batch has run for an hour."""
    if not out:
        return
    path = Path(out)
    _check_out_path(path)
    if not path.exists():
        return
    for name in inputs:
        if name and name != "-" and Path(name).exists() and os.path.samefile(out, name):
            raise InputError(f"{out}: --out names an input ({name}), which the report would overwrite")


def _check_out_path(path: Path) -> None:
    """An --out path can take a file: it is no directory, its directory exists and can be written to (the
    report is written beside it first, then moved into place)."""
    if path.is_dir():
        raise InputError(f"{path}: --out is a directory")
    if not path.parent.is_dir():
        raise InputError(f"{path}: directory {path.parent} does not exist")
    why = _cannot_write_in(path.parent)
    if why:
        raise InputError(f"{path}: cannot write in directory {path.parent} ({why})")


def _cannot_write_in(directory: Path) -> str | None:
    """Why no file can be made in ``directory``, or None. Tried for real, with a nameless file that leaves
    nothing behind: permission bits do not say it for root, an immutable file or a read-only mount."""
    try:
        with tempfile.TemporaryFile(dir=directory):
            return None
    except OSError as exc:
        return exc.strerror or type(exc).__name__


def _require_writable_index(db: str, command: str) -> None:
    """Refuse, before any work, an index that ``index add`` or ``index remove`` could not change: a read-only
    file, or one in a read-only directory (SQLite writes a journal beside the index while it changes it).
    Found only at the first write, it came as an internal error, or for a new file as "not a storytrace
    index"."""
    path = Path(db)
    if path.is_dir() or not path.parent.is_dir() or (command != "index add" and not path.exists()):
        return  # the index says these in its own words
    if path.exists():
        try:
            os.close(os.open(path, os.O_RDWR))
        except OSError as exc:
            raise InputError(f"{db}: the index is read-only ({exc.strerror}); {command} cannot change it") from None
    why = _cannot_write_in(path.parent)
    if why:
        verb = "change the index" if path.exists() else "create the index"
        raise InputError(
            f"{db}: cannot write in directory {path.parent} ({why}); {command} needs it to {verb} "
            "(SQLite keeps a journal beside the index while it writes)"
        )


@contextlib.contextmanager
def _index_writes(db: str, command: str) -> Iterator[None]:
    """A write the checks above did not foresee (a mount turned read-only meanwhile) in one line, not as an
    internal error. SQLite rolls the transaction back: the index is as it was before the batch."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "unable to open" in str(exc):
            raise InputError(f"{db}: {command} could not write the index ({exc})") from None
        raise


def _write_atomic(path: Path, content: str) -> None:
    """Write all or nothing: a crash or Ctrl-C never leaves a half-written report."""
    _check_out_path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:  # the directory turned read-only (or full) while the work ran
        raise InputError(f"{path}: cannot write the report ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        # mkstemp makes the file 0600; a report is made to be shared (a colleague on the same machine, a web
        # server's directory), so it gets the mode any new file of the user gets: 0666 less the umask.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@functools.cache
def _umask() -> int:
    # The only way to read it is to set it: done once, and put straight back.
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- index ------------------------------------------------------------------------------------------


def _cmd_index_add(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:

    from storytrace.article import _one_line, unread_dates_note, unread_published
    from storytrace.corpus import expand_inputs, read_corpus
    from storytrace.index import Index

    settings = _settings_for(args)
    expand_inputs(args.inputs)  # a typo in a path fails before the index is touched
    if args.batch < 1:
        parser.error("--batch must be at least 1")
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    workers = args.workers or max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
    _require_writable_index(args.db, "index add")
    created = not os.path.exists(args.db)
    index = Index(args.db, lexical_only=True if args.lexical_only else None)
    failed = 0
    # id -> date of the articles whose date could not be read, one note at the end; an id whose last record's date
    # is read leaves it, as that record is the one indexed
    undated: dict[str, Any] = {}
    renamed: dict[str, str] = {}  # id -> the id an older storytrace gave the same input (see _older_id)
    start = time.perf_counter()

    def articles() -> Iterator[Any]:
        nonlocal failed
        for record in read_corpus(args.inputs, max_bytes=settings.max_bytes, workers=workers):
            if record.article is None:
                failed += 1
                print(f"storytrace: skipped: {record.error}", file=sys.stderr)  # worded as scan words it
                continue
            article_id = str(record.article.id)
            raw = unread_published(record.article)
            undated.pop(article_id, None)  # the last record with an id is the one indexed, and named in its place
            if raw is not None:
                undated[article_id] = raw
            older = _older_id(article_id)
            if older is not None:
                renamed[article_id] = older
            yield record.article

    with _progress(0, label="indexing", unknown_total=True) as advance, _index_writes(args.db, "index add"):
        result = index.add(articles(), batch_size=args.batch, progress=lambda n: advance(n), workers=workers)
    elapsed = time.perf_counter() - start
    done = result.added + result.updated - result.repeated  # the articles written, a repeated id once
    if created and failed and not done:
        # Nothing could be read: leave no empty index behind, whose mode (full or lexical-only) the next
        # `index add` would be held to.
        index.close()
        for leftover in (args.db, f"{args.db}-wal", f"{args.db}-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(leftover)
        print(
            f"storytrace: no article could be read ({plural(failed, 'record')} skipped): {args.db} not created",
            file=sys.stderr,
        )
        return EXIT_PARTIAL
    rate = done / elapsed if elapsed > 0 else 0.0
    # a record that repeats an id of this run replaced the earlier one: no article more, and none updated that
    # was stored before
    duplicates = f"; {plural(result.repeated, 'record')} repeating an id, the last kept" if result.repeated else ""
    print(
        f"storytrace: indexed {plural(done, 'article')} ({result.added} new, "
        f"{result.updated - result.repeated} updated{duplicates}) in "
        f"{elapsed:.1f} s ({rate:.{0 if rate >= 10 else 1}f} articles/s); {len(index)} in {args.db}",
        file=sys.stderr,
    )
    doubled = {new: old for new, old in renamed.items() if index.get(old) is not None}
    index.close()
    if doubled:
        _say_doubled(doubled, args.db)
    if result.repeated_ids:
        # Counted as duplicates above; named here: a corpus whose export repeats ids loses articles, which should
        # not be silent.
        ids = result.repeated_ids
        shown = ", ".join(_one_line(i) for i in ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
        noun = "id is" if len(ids) == 1 else "ids are"
        print(
            f"storytrace: warning: {len(ids)} {noun} given to more than one record in these inputs; the last record "
            f"with each is the one indexed: {shown}",
            file=sys.stderr,
        )
    if undated:
        print(f"storytrace: warning: {unread_dates_note(list(undated.items()))}", file=sys.stderr)
    if failed:
        # a bad line of a JSONL file is one record of one input: counted as scan counts them
        print(f"storytrace: {plural(failed, 'record')} skipped", file=sys.stderr)
        return EXIT_PARTIAL
    return EXIT_OK


# An escape ``escaped_surrogates`` writes in an id: a file name's byte that is no UTF-8, or JSON's lone "\ud800"
_SURROGATE_ESCAPE = re.compile(r"\\x[89a-f][0-9a-f]|\\ud[89a-f][0-9a-f]{2}")


def _older_id(article_id: str) -> str | None:
    """The id an older storytrace (898d0ba up to 9fbfa53) gave the same input, where it differs: each lone surrogate
    read as U+FFFD, where it is now kept as an escape (``article.escaped_surrogates``). Re-added, such an input is
    a second article beside the one the older index holds: said, not left for the user to find as a doubled match.
    None for an id without such an escape (nearly every id: no lookup)."""
    older = _SURROGATE_ESCAPE.sub("\ufffd", article_id)
    return None if older == article_id else older


def _say_doubled(doubled: dict[str, str], db: str) -> None:
    from storytrace.article import _one_line

    new, old = next(iter(doubled.items()))
    more = f" (and {len(doubled) - 1} more)" if len(doubled) > 1 else ""
    print(
        f"storytrace: warning: {db} holds '{_one_line(old)}', as an older storytrace named the input now indexed as "
        f"'{_one_line(new)}'{more}, so that input is in the index twice; remove the older id with `storytrace index "
        f"remove --db {db} ID`",
        file=sys.stderr,
    )


def _cmd_index_stats(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from dataclasses import asdict

    from storytrace.index import Index

    with Index(args.db, create=False) as index:
        stats = index.stats()
    if args.format == "json":
        print(json.dumps(asdict(stats), indent=2))
    else:
        print(
            f"index {stats.path} ({stats.mode}, schema version {stats.schema_version}, {stats.size_bytes / 1e6:.1f} MB)"
        )
        print(f"  articles: {stats.articles}  outlets: {stats.outlets}")
        print(f"  published: {stats.oldest or '-'} to {stats.newest or '-'}")
        print(
            f"  lexical fingerprints: {stats.shingles}; articles with stored sentence vectors: "
            f"{stats.with_sentence_vectors}"
            + (
                f" (and {stats.stale_sentence_vectors} this installation cannot use: made by another model or"
                " runtime, or damaged; made again when traced)"
                if stats.stale_sentence_vectors
                else ""
            )
        )
    return EXIT_OK


def _cmd_index_embed(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from storytrace.embed import get_embedder
    from storytrace.index import Index
    from storytrace.index.vectors import embed_index

    if args.batch < 1:
        parser.error("--batch must be at least 1")
    start = time.perf_counter()
    with Index(args.db, create=False) as index:
        key = get_embedder().vectors_key()
        todo = index.count_needing_sentence_vectors(key)
        if todo:
            _require_writable_index(args.db, "index embed")  # before minutes of embedding, not after them
        if not todo:
            print(
                f"storytrace: nothing to embed: all {plural(len(index), 'article')} in {args.db} have sentence vectors",
                file=sys.stderr,
            )
            return EXIT_OK
        try:
            with _progress(todo, label="embedding") as advance:
                result = embed_index(index, batch=args.batch, progress=advance, pending=todo)
        except KeyboardInterrupt:
            # The batches already stored stay: say so, so the user knows a second run is not from scratch.
            kept = todo - index.count_needing_sentence_vectors(key)
            _fail(f"interrupted: {plural(kept, 'article')} embedded and kept; run it again to go on")
            return EXIT_INTERRUPTED
        elapsed = time.perf_counter() - start
        rate = result.embedded / elapsed if elapsed > 0 else 0.0
        have = result.articles - result.remaining
    print(
        f"storytrace: embedded {plural(result.embedded, 'article')} ({plural(result.sentences, 'sentence')}) in "
        f"{elapsed:.1f} s ({rate:.{0 if rate >= 10 else 1}f} articles/s); {have} of {result.articles} in "
        f"{args.db} have sentence vectors",
        file=sys.stderr,
    )
    return EXIT_OK


def _cmd_index_remove(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from storytrace.article import escaped_surrogates
    from storytrace.index import Index

    missing = 0
    _require_writable_index(args.db, "index remove")
    with Index(args.db, create=False) as index, _index_writes(args.db, "index remove"):
        for given in args.ids:
            # an id as the shell passes it: a file name's byte that is no UTF-8 comes as a lone surrogate, which the
            # index stores escaped (\xNN), as every input's id is (``Article``)
            article_id = escaped_surrogates(given)
            if not index.remove(article_id):
                missing += 1
                print(f"storytrace: {article_id}: not in the index", file=sys.stderr)
        # a silent success left the user to run `index stats` to learn whether anything went
        removed = len(args.ids) - missing
        print(f"storytrace: removed {plural(removed, 'article')}; {len(index)} in {args.db}", file=sys.stderr)
    return EXIT_PARTIAL if missing else EXIT_OK


# --- trace ------------------------------------------------------------------------------------------


def _cmd_trace(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from datetime import date

    from storytrace.index import Index

    settings = _settings_for(args)
    if args.top < 1:
        parser.error("--top must be at least 1")
    if args.shortlist is not None and args.shortlist < 0:
        parser.error("--shortlist must be 0 or more")
    before = None
    if args.before:
        try:
            before = date.fromisoformat(args.before)
        except ValueError:
            parser.error(f"--before {args.before!r}: expected a date like 2024-03-14")
    if bool(args.batch) == bool(args.suspect):
        parser.error("trace needs SUSPECT or --batch FILE (one of them)")
    _refuse_out_over_input(args.out, args.suspect, args.batch, args.db)
    index = Index(args.db, create=False)
    if args.batch:
        if args.format in ("text", "html"):
            parser.error("--batch writes JSON Lines; use --format json or leave --format out")
        return _trace_batch(args, index, before, settings)
    from storytrace.article import load_article

    suspect = _with_default_id(load_article(args.suspect, max_bytes=settings.max_bytes, warn=_warn), args.suspect)
    _warn_unread_date(suspect, args.suspect)
    result = index.trace(suspect, top=args.top, before=before, settings=settings, shortlist=args.shortlist)
    if args.format == "json":
        _emit(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n", args.out)
    elif args.format == "html":
        from storytrace.report.html import trace_to_html

        _emit(trace_to_html(result), args.out)
    else:
        _emit(_render_trace(result, to_file=bool(args.out)), args.out)
    return EXIT_OK


def _trace_batch(args: argparse.Namespace, index: Any, before: Any, settings: Any) -> int:
    from storytrace.article import article_from_record

    # JSON escapes a non-Latin letter in six bytes (UTF-8: two or three): the line's limit only bounds memory; its
    # article is held to --max-bytes
    lines = _read_lines(Path(args.batch), settings.max_bytes, _TRACE_LINE_ROOM)
    failed = 0
    out_lines: list[str] = []
    first_line: dict[str, int | None] = {}
    with _progress(len(lines), label="tracing") as advance:
        for line in lines:
            number = line.number
            record_id: Any = None
            try:
                record = _line_object(line)
                record_id = record.get("id")
                _warn_repeated_id(record_id, number, first_line)
                _record_text_size(record, "", settings.max_bytes)
                article = article_from_record(record, where=f"line {number}")
                # taken before an id is made up for the line: only what the user gave is passed through
                suspect_meta = article.to_meta()
                if article.id is None:
                    from dataclasses import replace

                    article = replace(article, id=f"{args.batch}:{number}")
                _warn_unread_date(article, f"line {number}")
                out = {
                    # as suspect.id: a line without an id is known by FILE:LINE in both (qa24: null beside it)
                    "id": article.id,
                    **index.trace(
                        article, top=args.top, before=before, settings=settings, shortlist=args.shortlist
                    ).to_dict(),
                    # every field of the line but its text, as scan's *_meta: what joins a result back to
                    # the user's own data (title, url, outlet, their own columns)
                    "suspect_meta": suspect_meta,
                }
            except StorytraceError as exc:
                failed += 1
                message = _line_error(number, exc)
                print(f"storytrace: error: {message}", file=sys.stderr)
                out = {"id": record_id, "line": number, "error": message}
            text = json.dumps(out, ensure_ascii=False)
            if args.out:
                out_lines.append(text)
            else:
                sys.stdout.write(text + "\n")
                sys.stdout.flush()
            advance()
    if args.out:
        _write_atomic(Path(args.out), "".join(x + "\n" for x in out_lines))
    if failed:  # the same closing count as compare --pairs: the errors above may have scrolled away
        print(f"storytrace: {failed} of {len(lines)} lines failed", file=sys.stderr)
        return EXIT_PARTIAL
    return EXIT_OK


def _warn_repeated_id(record_id: Any, number: int, first_line: dict[str, int | None]) -> None:
    """One warning per suspect id that a later line repeats: each line is traced and has its output line, but
    results joined back by id would mix the two suspects. ``first_line``: id -> the line that gave it first,
    None once the repeat was told."""
    from storytrace.article import _one_line

    if record_id is None:
        return
    key = str(record_id)
    if key not in first_line:
        first_line[key] = number
        return
    first = first_line[key]
    if first is not None:
        first_line[key] = None
        print(
            f"storytrace: warning: line {number} repeats the id {_one_line(key)} of line {first}; both are traced, "
            "in input order",
            file=sys.stderr,
        )


_UNEXPLAINED_SHOWN = 10


def _sentence_lines(suspect: Any, indices: Sequence[int], *, indent: str, width: int) -> list[str]:
    """Suspect sentences quoted one a line, "[i] words", cut at ``width`` characters, at most
    ``_UNEXPLAINED_SHOWN`` of them and then how many more."""
    lines = []
    for i in indices[:_UNEXPLAINED_SHOWN]:
        words = " ".join(suspect.sentence_text(i).split())
        lines.append(f"{indent}[{i}] {words[:width]}{'…' if len(words) > width else ''}")
    if len(indices) > _UNEXPLAINED_SHOWN:
        lines.append(f"{indent}… and {len(indices) - _UNEXPLAINED_SHOWN} more (--format json)")
    return lines


def _render_trace(result: Any, *, to_file: bool) -> str:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    buf = io.StringIO()
    console = (
        Console(file=buf, width=120, color_system=None, force_terminal=False)
        if to_file
        else Console(file=buf, force_terminal=sys.stdout.isatty(), width=_terminal_width())
    )
    from storytrace.report.summary import (
        RETRIEVAL_NOTE,
        candidate_relation,
        trace_candidate_marks,
        trace_headline,
        trace_held_back_note,
        trace_indexed_as_note,
        trace_later_copies,
        trace_read_as_copies_note,
        trace_source_caveats,
        trace_stamped_later_note,
        trace_undated_note,
    )
    from storytrace.report.terminal import safe  # an article's control characters must not reach the terminal

    a = result.suspect.article
    console.print(Text(safe(f"suspect: {a.title or a.id or '(untitled)'}"), style="bold"))
    if result.before:
        console.print(Text(f"only sources published on or before {result.before}", style="dim"))
    too_long = sum(c.too_long for c in result.candidates)
    if result.too_short:
        console.print(Text(f"no source found: {result.too_short_note()}", style="bold yellow"))
        return buf.getvalue()
    if result.source:
        console.print(Text(safe(f"source found: {result.source}"), style="bold red"))
        for line in trace_source_caveats(result):
            console.print(Text(safe(f"  {line}"), style="yellow"))
    elif too_long:
        console.print(
            Text(
                f"no source found among the candidates compared; {plural(too_long, 'candidate')} too long to "
                "compare sentence by sentence with the suspect",
                style="bold yellow",
            )
        )
    else:
        console.print(Text(trace_headline(result), style="bold green"))
    undated = trace_undated_note(result)
    if undated:
        console.print(Text(f"  {undated}", style="yellow"))
    itself = trace_indexed_as_note(result)
    if itself:
        console.print(Text(safe(f"  {itself}"), style="dim"))
    copies = trace_read_as_copies_note(result)
    if copies:
        console.print(Text(safe(f"  {copies}"), style="yellow"))
    later_stamp = trace_stamped_later_note(result)
    if later_stamp:
        console.print(Text(safe(f"  {later_stamp}"), style="yellow"))
    later = trace_held_back_note(result)
    if later:
        # later copies of an original are news to the user, not a warning
        console.print(Text(safe(f"  {later}"), style="default" if trace_later_copies(result) else "yellow"))
    empty = result.empty_note()
    if empty:
        console.print(Text(empty, style="dim"))
        return buf.getvalue()
    table = Table(expand=True)
    for col in ("#", "candidate", "retrieval", "relation", "direction", "reuse", "coverage", "findings"):
        table.add_column(col)
    # the counts the JSON and HTML trace reports give (every finding, by type), so the three agree
    counted = [x["findings"] for x in result.to_dict()["candidates"]]
    for k, c in enumerate(result.candidates, start=1):
        r = c.report
        by_type = sorted(counted[k - 1].items(), key=lambda item: -item[1])
        findings = ", ".join(f"{t} {n}" for t, n in by_type)
        title = c.meta.get("title") or ""
        marks = trace_candidate_marks(result, c)
        table.add_row(
            str(k),
            # folded, not cut: ids are often paths that differ only at the end ("data/html/politifact_train…")
            Text(
                safe(f"{c.id}\n{title}"[:160] + "".join(f"\n({m})" for m in marks)),
                style="bold" if c.qualifies else "",
                overflow="fold",
            ),
            f"{c.score:.2f}",
            candidate_relation(r) if r else ("too long" if c.too_long else "-"),
            r.verdict.direction if r else "-",
            f"{r.scores.reuse:.0%}" if r else "-",
            f"{r.scores.coverage:.0%}" if r else "-",
            findings,
        )
    console.print(table)
    console.print(Text(RETRIEVAL_NOTE, style="dim"))
    sources = [c for c in result.candidates if c.qualifies]
    note = result.sources_note()
    if note:
        console.print(Text(note + ":", style="bold"))
        for c in sources:
            if c.version_of is not None:
                continue  # listed with the source it is a version of
            versions = [v.id for v in sources if v.version_of == c.id]
            also = f" (versions of it: {', '.join(versions)})" if versions else ""
            console.print(escape(safe(f"  {c.id}: suspect sentences {', '.join(map(str, c.contributed))}{also}")))
            if result.stitched:  # which part holds which sentences: their words, not numbers to count (qa24)
                for line in _sentence_lines(result.suspect, c.contributed, indent="    ", width=80):
                    console.print(Text(safe(line), style="dim"))
    if result.source and result.unexplained:
        console.print(
            Text(f"suspect sentences no source explains: {', '.join(map(str, result.unexplained))}", style="dim")
        )
        # the numbers alone send the reader counting sentences; these are what the suspect added
        for line in _sentence_lines(result.suspect, result.unexplained, indent="  ", width=150):
            console.print(Text(safe(line), style="dim"))
    return buf.getvalue()


# --- serve ------------------------------------------------------------------------------------------


def _cmd_serve(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from storytrace.web import LOOPBACK, _require_extra

    _require_extra()
    from storytrace.web import serve
    from storytrace.web.app import AppConfig

    if not 0 < args.port < 65536:
        parser.error("--port must be between 1 and 65535")
    if args.timeout <= 0 or args.max_request_bytes <= 0 or args.workers < 1:
        parser.error("--timeout, --max-request-bytes and --workers must be positive")
    config = AppConfig(
        db=args.db,
        timeout=args.timeout,
        max_request_bytes=args.max_request_bytes,
        workers=args.workers,
        max_pending=4 * args.workers,
        use_embeddings=not args.no_embeddings,
    )
    if args.host.strip("[]") not in LOOPBACK:
        print(
            f"storytrace: warning: serving on {args.host}: anyone who can reach this machine can use the app "
            "(it has no authentication)",
            file=sys.stderr,
        )
    serve(config, host=args.host, port=args.port)
    return EXIT_OK


# --- compare --pairs ----------------------------------------------------------------------------------


def _compare_batch(args: argparse.Namespace, settings: Any) -> int:
    from storytrace.comparison import compare
    from storytrace.report.json import dumps

    pairs_path = Path(args.pairs)
    # a line holds two articles, each up to the limit, in JSON escapes that may take three times their UTF-8 bytes
    # (Cyrillic, Greek): the line's limit only bounds memory; each article is held to --max-bytes
    lines = _read_lines(pairs_path, settings.max_bytes, 2 * _TRACE_LINE_ROOM)
    failed = 0
    out_lines: list[str] = []
    sink = None if args.out else sys.stdout
    with _progress(len(lines)) as advance:
        for line in lines:
            number = line.number
            record_id: Any = None
            try:
                record = _line_object(line)
                record_id = record.get("id")
                source, derived = _pair_articles(record, number, pairs_path, settings)
                _warn_unread_date(source, f"line {number}: source")
                _warn_unread_date(derived, f"line {number}: derived")
                report = compare(source, derived, settings=settings)
                passthrough = {
                    k: v
                    for k, v in record.items()
                    if k not in ("id", "source", "derived", "source_path", "derived_path")
                }
                out = {"id": record_id, **report.to_dict(), "input": passthrough}
            except StorytraceError as exc:
                failed += 1
                message = _line_error(number, exc)
                print(f"storytrace: error: {message}", file=sys.stderr)
                out = {"id": record_id, "line": number, "error": message}
            text = dumps(out, indent=None)
            if sink is not None:
                sink.write(text + "\n")
                sink.flush()
            else:
                out_lines.append(text)
            advance()
    if args.out:
        _write_atomic(Path(args.out), "".join(x + "\n" for x in out_lines))
    if failed:
        print(f"storytrace: {failed} of {len(lines)} lines failed", file=sys.stderr)
        return EXIT_PARTIAL
    return EXIT_OK


def _read_lines(path: Path, max_bytes: int, room: int) -> list[JsonLine]:
    """The non-blank lines of a batch file, read as scan and index add read a JSON Lines corpus: one reader, so
    a line cut short, not UTF-8 or binary is the same error, with the same words, in every command. A line may be
    ``room`` times --max-bytes (``max_bytes``)."""
    from storytrace.corpus import read_json_lines

    lines = list(read_json_lines(str(path), max_bytes=room * max_bytes, flag_bytes=max_bytes))
    if not lines:
        raise InputError(f"{path}: no pairs (empty file)")
    return lines


# A batch line's bytes per byte of its article's UTF-8: \uXXXX for a two-byte letter
_TRACE_LINE_ROOM = 3


def _article_size(text: Any, what: str, max_bytes: int) -> None:
    """Refuses an article text of a batch line over --max-bytes, as a file that size is refused."""
    if isinstance(text, str) and len(text) * 4 > max_bytes:  # at most 4 bytes a character: most need no encoding
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            from storytrace.corpus import over_limit

            raise InputError(over_limit(size, max_bytes, what))


def _record_text_size(record: Any, what: str, max_bytes: int) -> None:
    if isinstance(record, dict):
        for field in ("text", "html"):
            _article_size(record.get(field), f"{what}'s '{field}'" if what else f"'{field}'", max_bytes)


def _line_error(number: int, exc: Exception) -> str:
    """``line N: what went wrong``, once: a record's own errors already name their line."""
    message = str(exc)
    prefix = f"line {number}: "
    return message if message.startswith(prefix) else prefix + message


def _line_object(line: JsonLine) -> dict[str, Any]:
    if line.error is not None:
        raise InputError(line.error)
    record: dict[str, Any] = line.value  # the reader makes a line that holds no object its error
    return record


def _pair_articles(record: dict[str, Any], number: int, pairs_path: Path, settings: Any) -> tuple[Any, Any]:
    from storytrace.article import article_from_record, article_from_text, empty_text, load_article

    sides = []
    for side in ("source", "derived"):
        value = record.get(side)
        path = record.get(f"{side}_path")
        if value is not None and path is not None:
            raise InputError(f"give '{side}' or '{side}_path', not both")
        if isinstance(value, str):
            _article_size(value, f"'{side}'", settings.max_bytes)
            why = empty_text(value)
            if why is not None:
                raise InputError(f"'{side}' is {'empty' if why == 'empty' else 'blank: ' + why}")
            sides.append(article_from_text(value))
        elif isinstance(value, dict):
            _record_text_size(value, f"'{side}'", settings.max_bytes)
            sides.append(article_from_record(value, where=f"'{side}'"))
        elif value is not None:
            raise InputError(f"'{side}' must be a text or an object with a 'text' field")
        elif isinstance(path, str) and path:
            resolved = _resolve(path, pairs_path)
            if not resolved.exists() and not Path(path).is_absolute() and str(pairs_path) != "-":
                # Say where it was looked for: a path relative to somewhere else is the usual mistake.
                where = (
                    "in the current directory"
                    if pairs_path.parent.resolve() == Path.cwd().resolve()
                    else f"in the current directory and in {pairs_path.parent}"
                )
                raise InputError(f"{path}: no such file (looked {where})")
            sides.append(_with_default_id(load_article(str(resolved), max_bytes=settings.max_bytes), path))
        else:
            raise InputError(f"missing '{side}' (a text) or '{side}_path' (a file)")
    return sides[0], sides[1]


def _resolve(path: str, pairs_path: Path) -> Path:
    """A relative path is taken from the current directory, else from the pairs file's directory."""
    p = Path(path)
    if p.is_absolute() or p.exists() or str(pairs_path) == "-":
        return p
    beside = pairs_path.parent / p
    return beside if beside.exists() else p


class _progress:
    """A progress bar on stderr for long runs, only when stderr is a terminal."""

    def __init__(self, total: int, *, label: str = "comparing", unknown_total: bool = False) -> None:
        self.total = total
        self.label = label
        self.unknown_total = unknown_total
        self._progress: Any = None

    def __enter__(self) -> Any:
        if (self.total >= 10 or self.unknown_total) and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            columns = [
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.fields[rate]}"),
            ]
            self._progress = Progress(*columns, console=Console(stderr=True), transient=True)
            self._progress.start()
            task = self._progress.add_task(self.label, total=None if self.unknown_total else self.total, rate="")
            started = time.perf_counter()
            done = [0]

            def advance(n: int = 1) -> None:
                done[0] += n
                elapsed = time.perf_counter() - started
                rate = f"{done[0] / elapsed:.0f}/s" if elapsed > 0 else ""
                self._progress.update(task, advance=n, rate=rate)

            return advance
        return lambda n=1: None

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


# --- scan ---------------------------------------------------------------------------------------------


def _cmd_scan(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from datetime import date

    from storytrace.scan import ScanConfig, ScanFilters, parse_lag, scan

    for flag in ("since", "until"):
        value = getattr(args, flag)
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError:
                parser.error(f"--{flag} {value!r}: expected a date like 2024-03-14")
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    filters = ScanFilters(
        max_lag_hours=parse_lag(args.max_lag) if args.max_lag else None,
        cross_outlet=args.cross_outlet,
        since=args.since,
        until=args.until,
    )
    config = ScanConfig(filters=filters, settings=_settings(args))
    # The directory the scan will write into (--out, or the part of it that exists: the rest is made), tried
    # before the corpus is read: found at the first write, it came as an internal error.
    out = Path(args.out)
    existing = next((p for p in (out, *out.parents) if p.exists()), None)
    if existing is not None and existing.is_dir():
        why = _cannot_write_in(existing)
        if why:
            raise InputError(f"{args.out}: cannot write in directory {existing} ({why})")
    start = time.perf_counter()
    try:
        result = scan(
            args.inputs,
            args.out,
            engine=args.engine,
            config=config,
            to=args.to,
            resume=args.resume,
            workers=args.workers,
            master=args.master,
            progress=lambda msg: print(f"storytrace: {msg}", file=sys.stderr, flush=True),
        )
    except KeyboardInterrupt:
        # The stages finished (and the families judged) are kept: say how to go on rather than leave a bare
        # "interrupted" that reads as if the work were lost.
        _fail("interrupted; run the same command with --resume")
        return EXIT_INTERRUPTED
    took = time.perf_counter() - start
    what = f"stopped after {result.stopped_after}" if result.stopped_after else "done"
    print(
        f"scan {what}: {plural(result.articles, 'article')}, {plural(result.candidates, 'candidate pair')}, "
        f"{plural(result.pairs, 'pair')} in {took:.1f} s -> {result.out}",
        file=sys.stderr,
    )
    return EXIT_PARTIAL if result.bad_records or result.not_judged else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
