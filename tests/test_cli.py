"""The ``storytrace`` command, run for real in subprocesses: reports, inputs, batch mode, bad input."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from storytrace import Article, compare
from storytrace.report.json import dumps

# Small crafted inputs keep the subprocesses quick (the examples are used where the spec names them).
SOURCE = (
    "The Port Calloway Ferry Authority will raise fares by 8% from April 1, its board decided on Tuesday. "
    "A single adult crossing will cost $4.32, up from $4.00. "
    "Board chair Lionel Abernathy said the increase would pay for two new engines."
)
SUSPECT = (
    "The Port Calloway Ferry Authority will raise fares by 8% starting April 1, its board decided on "
    "Tuesday. A single adult crossing will now cost $4.32, up from $4.00. "
    "Board chair Lionel Abernathy said the increase would pay for two new engines."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag mit sieben zu zwei Stimmen einen neuen Haushalt von 48 Millionen Euro "
    "beschlossen. Bürgermeisterin Elena Ruiz sagte, das Geld werde für zusätzliche Polizisten und die "
    "Reparatur von Straßen verwendet. Die Parkgebühren in der Innenstadt steigen um 25 Cent pro Stunde.\n"
)
KINDS_SHOWN = ("verbatim", "near-verbatim", "paraphrase", "partial", "added")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "source.txt", tmp_path / "suspect.txt"
    a.write_text(SOURCE + "\n", encoding="utf-8")
    b.write_text(SUSPECT + "\n", encoding="utf-8")
    return a, b


def assert_clean_error(proc: Any, status: int = 2, prefix: str = "storytrace: error: ") -> str:
    """A bad-input failure: the status, nothing on stdout, one line on stderr, never a traceback."""
    assert proc.returncode == status, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(prefix), lines[0]
    assert len(lines[0]) > len(prefix) + 5
    return lines[0]


# --- single pairs ----------------------------------------------------------------------------------------


def test_text_report_on_the_examples_via_the_entry_point(run_cli: Any) -> None:
    proc = run_cli(["compare", "examples/original.txt", "examples/rewrite.txt"], entry_point=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    out = proc.stdout
    assert "derived" in out and "suspect copied the original" in out
    for kind in KINDS_SHOWN:
        assert kind in out, kind
    assert "claim_added" in out
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_json_report_is_valid_and_the_same_bytes_as_the_library(
    run_cli: Any, pair: tuple[Path, Path], check_report: Any, fresh_embedder: Any
) -> None:
    proc = run_cli(["compare", str(pair[0]), str(pair[1]), "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    d = json.loads(proc.stdout)
    check_report(d)
    assert (d["source"]["id"], d["derived"]["id"]) == (str(pair[0]), str(pair[1]))
    assert d["meta"]["source_sha256"] == hashlib.sha256((SOURCE + "\n").encode()).hexdigest()
    assert d["verdict"]["relation"] == "derived"
    # another process, the same bytes: nothing in a report varies between runs
    again = compare(Article(text=SOURCE + "\n", id=str(pair[0])), Article(text=SUSPECT + "\n", id=str(pair[1])))
    assert proc.stdout == dumps(again.to_dict()) + "\n"


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_out_writes_the_file_and_prints_nothing(
    run_cli: Any, pair: tuple[Path, Path], tmp_path: Path, check_report: Any, fmt: str
) -> None:
    out = tmp_path / f"report.{fmt}"
    proc = run_cli(["compare", str(pair[0]), str(pair[1]), "--format", fmt, "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    content = out.read_text(encoding="utf-8")
    if fmt == "json":
        check_report(json.loads(content))
    else:
        assert "derived" in content and "near-verbatim" in content
        assert "\x1b[" not in content
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["source.txt", "suspect.txt", out.name])


def test_dash_reads_stdin(run_cli: Any, pair: tuple[Path, Path], check_report: Any) -> None:
    proc = run_cli(["compare", str(pair[0]), "-", "--format", "json"], stdin=SUSPECT)
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    check_report(d)
    assert d["derived"]["text"] == SUSPECT
    assert d["derived"]["id"] is None
    assert d["verdict"]["relation"] == "derived"


def test_input_text_is_reported_as_decoded(run_cli: Any, tmp_path: Path) -> None:
    a = tmp_path / "bom.txt"
    a.write_bytes(b"\xef\xbb\xbf" + (SOURCE.replace(". ", ".\r\n\r\n") + "\r\n").encode("utf-8"))
    b = tmp_path / "cp1252.txt"
    derived = SUSPECT.replace("two new engines", "two new engines and a caf\u00e9 on deck") + "\n"
    b.write_bytes(derived.encode("cp1252"))
    proc = run_cli(["compare", str(a), str(b), "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    assert d["source"]["text"] == SOURCE.replace(". ", ".\r\n\r\n") + "\r\n"
    assert d["derived"]["text"] == derived


def test_html_input(run_cli: Any, check_report: Any) -> None:
    proc = run_cli(["compare", "examples/original.html", "examples/original.txt", "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    check_report(d)
    src = d["source"]
    assert src["title"].startswith("Lawmakers approve $1.2 billion seawall")
    assert src["published"] == "2024-03-14T17:42:00-04:00"  # the page's date markup gives the time of day
    assert src["outlet"] == "The Harbor Ledger"
    for junk in ("newsletter", "Share", "cookie", "Photo"):
        assert junk not in src["text"], junk
    assert "Sen. Harriet Okafor, who sponsored the bill" in src["text"]
    assert d["verdict"]["relation"] == "derived"
    assert d["scores"]["reuse"] >= 0.95


def test_json_input_files_carry_title_and_dates(run_cli: Any, tmp_path: Path, check_report: Any) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps({"text": SOURCE, "title": "Ferry fares up 8%", "published": "2024-03-20"}))
    b.write_text(json.dumps({"text": SUSPECT, "title": "Fares rise", "published": "2024-03-12", "desk": "x"}))
    proc = run_cli(["compare", str(a), str(b), "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    check_report(d)
    assert (d["source"]["title"], d["derived"]["title"]) == ("Ferry fares up 8%", "Fares rise")
    assert (d["source"]["published"], d["derived"]["published"]) == ("2024-03-20", "2024-03-12")
    assert d["source"]["text"] == SOURCE
    assert d["derived"]["meta"] == {"desk": "x"}
    # the suspect is dated earlier: it is the original
    assert d["verdict"]["direction"] == "reversed"


def test_non_english_input_warns_on_stderr(run_cli: Any, tmp_path: Path, pair: tuple[Path, Path]) -> None:
    de = tmp_path / "de.txt"
    de.write_text(GERMAN, encoding="utf-8")
    proc = run_cli(["compare", str(de), str(pair[1]), "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    warnings = [ln for ln in proc.stderr.splitlines() if ln.startswith("storytrace: warning:")]
    assert len(warnings) == 1 and "English" in warnings[0]
    assert json.loads(proc.stdout)["warnings"] == [warnings[0].removeprefix("storytrace: warning: ")]


def test_no_embeddings_flag(run_cli: Any, pair: tuple[Path, Path], check_report: Any) -> None:
    proc = run_cli(["compare", str(pair[0]), str(pair[1]), "--format", "json", "--no-embeddings"])
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    check_report(d)
    assert d["meta"]["settings"]["use_embeddings"] is False
    assert d["meta"]["embedding_model"] is None
    assert [a["kind"] for a in d["alignments"]] == ["near_verbatim", "near_verbatim", "verbatim"]


def test_max_bytes_is_recorded_in_the_settings(run_cli: Any, pair: tuple[Path, Path]) -> None:
    proc = run_cli(["compare", str(pair[0]), str(pair[1]), "--format", "json", "--max-bytes", "100000"])
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["meta"]["settings"]["max_bytes"] == 100000


# --- batch ------------------------------------------------------------------------------------------------


def batch_lines(text: str) -> list[dict[str, Any]]:
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def test_pairs_on_the_examples(
    run_cli: Any, root: Path, check_report: Any, examples: dict[str, str], fresh_embedder: Any, tmp_path: Path
) -> None:
    # run from elsewhere: the example's paths are found beside the pairs file, wherever the user stands
    proc = run_cli(["compare", "--pairs", str(root / "examples" / "pairs.jsonl")], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    out = batch_lines(proc.stdout)
    inputs = [json.loads(x) for x in (root / "examples" / "pairs.jsonl").read_text().splitlines() if x.strip()]
    assert [o["id"] for o in out] == [i["id"] for i in inputs]
    for o, i in zip(out, inputs, strict=True):
        report = {k: v for k, v in o.items() if k not in ("id", "input")}
        check_report(report)
        passthrough = {
            k: v for k, v in i.items() if k not in ("id", "source", "derived", "source_path", "derived_path")
        }
        assert o["input"] == passthrough
    assert [o["verdict"]["relation"] for o in out] == ["derived", "derived", "related"]
    assert (out[0]["source"]["id"], out[0]["derived"]["id"]) == ("original.txt", "rewrite.txt")
    assert (out[0]["verdict"]["direction"], out[0]["input"]) == ("as_given", {"desk": "metro"})
    # the examples' report from another process is the library's, byte for byte
    again = compare(
        Article(text=examples["original"], id="original.txt"),
        Article(text=examples["rewrite"], id="rewrite.txt"),
    )
    first = {k: v for k, v in out[0].items() if k not in ("id", "input")}
    assert dumps(first, indent=None) == dumps(again.to_dict(), indent=None)


BAD_PAIRS = [
    {"id": "ok-1", "source": SOURCE, "derived": SUSPECT, "desk": "transport", "n": 1},
    '{"id": "broken", "source": ',
    {"id": "one-side", "source": SOURCE},
    {"id": "no-file", "source_path": "does/not/exist.txt", "derived": SUSPECT},
    {"id": "ok-2", "source_path": "articles/a.txt", "derived_path": "articles/b.txt"},
    {"id": "both", "source": SOURCE, "source_path": "articles/a.txt", "derived": SUSPECT},
    ["not", "an", "object"],
]


@pytest.fixture
def bad_pairs(tmp_path: Path) -> Path:
    """A pairs file with good and bad lines; its paths are relative to its own directory."""
    d = tmp_path / "batch"
    (d / "articles").mkdir(parents=True)
    (d / "articles" / "a.txt").write_text(SOURCE, encoding="utf-8")
    (d / "articles" / "b.txt").write_text(SUSPECT, encoding="utf-8")
    path = d / "pairs.jsonl"
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in BAD_PAIRS), encoding="utf-8")
    return path


def check_bad_batch(out: list[dict[str, Any]], check_report: Any) -> None:
    assert len(out) == len(BAD_PAIRS)
    assert [o.get("id") for o in out] == ["ok-1", None, "one-side", "no-file", "ok-2", "both", None]
    for number, o in enumerate(out, start=1):
        if o.get("id") in ("ok-1", "ok-2"):
            assert "error" not in o
            check_report({k: v for k, v in o.items() if k not in ("id", "input")})
        else:
            assert set(o) == {"id", "line", "error"}, o
            assert o["line"] == number
            assert isinstance(o["error"], str) and o["error"] and "\n" not in o["error"]
    assert out[0]["input"] == {"desk": "transport", "n": 1}
    assert out[4]["input"] == {}
    assert out[4]["source"]["id"] == "articles/a.txt"
    assert "derived" in out[2]["error"]
    assert "exist.txt" in out[3]["error"]


def test_pairs_with_bad_lines(run_cli: Any, bad_pairs: Path, tmp_path: Path, check_report: Any) -> None:
    # run from elsewhere: relative paths resolve from the pairs file's directory
    proc = run_cli(["compare", "--pairs", str(bad_pairs)], cwd=tmp_path)
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    check_bad_batch(batch_lines(proc.stdout), check_report)
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("storytrace: error:")]
    assert len(errors) == 5


def test_pairs_out_writes_the_file(run_cli: Any, bad_pairs: Path, tmp_path: Path, check_report: Any) -> None:
    out = tmp_path / "reports.jsonl"
    proc = run_cli(["compare", "--pairs", str(bad_pairs), "--out", str(out)], cwd=tmp_path)
    assert proc.returncode == 3, proc.stderr
    assert proc.stdout == ""
    check_bad_batch(batch_lines(out.read_text(encoding="utf-8")), check_report)


def test_pairs_all_good_exit_zero(run_cli: Any, tmp_path: Path, check_report: Any) -> None:
    path = tmp_path / "pairs.jsonl"
    lines = [
        {"id": 7, "source": SOURCE, "derived": SUSPECT},
        {"id": "b", "source": SUSPECT, "derived": SOURCE},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run_cli(["compare", "--pairs", str(path), "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    result = batch_lines(out.read_text(encoding="utf-8"))
    assert [o["id"] for o in result] == [7, "b"]
    for o in result:
        check_report({k: v for k, v in o.items() if k not in ("id", "input")})


# --- bad input and usage ----------------------------------------------------------------------------------


def _garbage() -> bytes:
    """Bytes that are not UTF-8 and read as no legacy encoding either (fixed, not random)."""
    out = b""
    block = b"storytrace"
    while len(out) < 600:
        block = hashlib.sha256(block).digest()
        out += bytes(0x80 | b for b in block)
    return out


BAD_FILES: dict[str, bytes | None] = {
    "missing.txt": None,
    "a-directory": None,
    "empty.txt": b"",
    "blank.txt": b"  \n\t\r\n   \n",
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "garbage.txt": _garbage(),
    "malformed.json": b'{"text": "The council met on Monday.", ',
    "no_text.json": b'{"title": "A headline", "published": "2024-03-14"}',
    "no_body.html": (
        b"<!doctype html><html><head><title>Home</title></head><body><nav><a href='/'>Home</a> "
        b"<a href='/news'>News</a></nav><footer>Contact us</footer></body></html>"
    ),
}


BAD_CASES = [
    ("missing.txt", "no such file"),
    ("a-directory", "directory"),
    ("empty.txt", "empty"),
    ("blank.txt", "empty"),
    ("image.png", "binary"),
    ("garbage.txt", "UTF-8"),
    ("malformed.json", "JSON"),
    ("no_text.json", "text"),
    ("no_body.html", "no article text"),
]


@pytest.mark.parametrize(
    ("name", "needle", "position"),
    [(*case, "original") for case in BAD_CASES]
    + [(*case, "suspect") for case in BAD_CASES if case[0] in ("missing.txt", "image.png", "no_text.json")],
)
def test_bad_input_file(
    run_cli: Any, tmp_path: Path, pair: tuple[Path, Path], name: str, needle: str, position: str
) -> None:
    bad = tmp_path / name
    content = BAD_FILES[name]
    if name == "a-directory":
        bad.mkdir()
    elif content is not None:
        bad.write_bytes(content)
    args = [str(bad), str(pair[1])] if position == "original" else [str(pair[0]), str(bad)]
    line = assert_clean_error(run_cli(["compare", *args]))
    assert name in line
    assert needle.lower() in line.lower(), line


def test_file_over_max_bytes(run_cli: Any, pair: tuple[Path, Path]) -> None:
    line = assert_clean_error(run_cli(["compare", str(pair[0]), str(pair[1]), "--max-bytes", "100"]))
    assert "--max-bytes" in line and "source.txt" in line


def test_stdin_over_max_bytes(run_cli: Any, pair: tuple[Path, Path]) -> None:
    proc = run_cli(["compare", str(pair[0]), "-", "--max-bytes", "100"], stdin=SUSPECT * 3)
    assert "limit" in assert_clean_error(proc)


def test_two_texts_too_long_to_compare_are_refused_at_once(run_cli: Any, tmp_path: Path) -> None:
    # 7,100 x 7,100 sentences (~200 KB each) is past the 50 million sentence pairs whose evidence fits in about
    # 1 GB; three times longer texts ran the machine out of memory instead of failing. (misc25 compared their first
    # 2,000 sentences each instead; rev25e: a text is compared whole, as trace compares it, or refused.)
    a, b = tmp_path / "long_a.txt", tmp_path / "long_b.txt"
    a.write_text(" ".join(f"Crate {i} left the harbour." for i in range(7100)), encoding="utf-8")
    b.write_text(" ".join(f"Crate {i} reached the depot." for i in range(7100)), encoding="utf-8")
    line = assert_clean_error(run_cli(["compare", str(a), str(b)]))
    assert "too long to compare" in line and "7,100" in line


def test_empty_stdin(run_cli: Any, pair: tuple[Path, Path]) -> None:
    assert "empty" in assert_clean_error(run_cli(["compare", str(pair[0]), "-"], stdin=""))


@pytest.mark.parametrize(
    "args",
    [
        ["compare"],
        ["compare", "examples/original.txt"],
        ["compare", "-", "-"],
        ["compare", "examples/original.txt", "examples/rewrite.txt", "--pairs", "examples/pairs.jsonl"],
        ["compare", "--pairs", "examples/pairs.jsonl", "--format", "text"],
        ["compare", "examples/original.txt", "examples/rewrite.txt", "--max-bytes", "0"],
        ["compare", "--pairs", "does-not-exist.jsonl"],
        [],
    ],
)
def test_usage_errors(run_cli: Any, args: list[str]) -> None:
    assert_clean_error(run_cli(args), status=2)


@pytest.mark.parametrize("where", ["top", "compare"])
def test_unknown_option(run_cli: Any, where: str) -> None:
    args = ["--frobnicate", "compare", "a.txt", "b.txt"]
    if where == "compare":
        args = ["compare", "--frobnicate", "a.txt", "b.txt"]
    line = assert_clean_error(run_cli(args), status=2)
    assert "--frobnicate" in line


def test_bad_option_value(run_cli: Any) -> None:
    # argparse names the subcommand in this one ("storytrace compare: error: ...")
    proc = run_cli(["compare", "a.txt", "b.txt", "--format", "xml"])
    line = assert_clean_error(proc, status=2, prefix="storytrace")
    assert "error:" in line and "xml" in line


def test_version_and_help(run_cli: Any) -> None:
    from storytrace import __version__

    proc = run_cli(["--version"])
    assert proc.returncode == 0 and proc.stdout.strip() == f"storytrace {__version__}"
    proc = run_cli(["compare", "--help"])
    assert proc.returncode == 0 and "--pairs" in proc.stdout and "--no-embeddings" in proc.stdout


# --- what a user sees of files and counts --------------------------------------------------------------


def test_out_file_gets_the_usual_mode_not_a_private_one(run_cli: Any, pair: tuple[Path, Path], tmp_path: Path) -> None:
    import os
    import stat

    out = tmp_path / "report.html"
    before = os.umask(0o022)  # the subprocess inherits it
    try:
        proc = run_cli(["compare", *map(str, pair), "--no-embeddings", "--format", "html", "--out", str(out)])
    finally:
        os.umask(before)
    assert proc.returncode == 0, proc.stderr
    # a report is written to be shared: readable by others like any new file, not 0600 like a temp file
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_one_article_is_counted_in_the_singular(run_cli: Any, pair: tuple[Path, Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run_cli(["index", "add", "--db", str(tmp_path / "i.db"), str(pair[0]), str(empty), "--workers", "1"])
    assert proc.returncode == 3, proc.stderr
    assert "indexed 1 article (1 new" in proc.stderr and "1 record skipped" in proc.stderr
    # "1 articles/s" is a rate, which a loaded machine can print; only a count must be singular
    assert not re.search(r"\b1 articles\b(?!/s)", proc.stderr) and "1 records" not in proc.stderr
    assert f"storytrace: skipped: {empty}: no article text" in proc.stderr  # the prefix scan gives it


def test_index_add_counts_bad_lines_as_records(run_cli: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": SOURCE}) + "\n{bad\n42\n", encoding="utf-8")
    proc = run_cli(["index", "add", "--db", str(tmp_path / "i.db"), str(corpus), "--workers", "1"])
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr.splitlines()[-1] == "storytrace: 2 records skipped"  # two lines of one input


def test_trace_batch_names_the_line_once(run_cli: Any, pair: tuple[Path, Path], tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    assert run_cli(["index", "add", "--db", str(db), str(pair[0]), "--workers", "1"]).returncode == 0
    batch = tmp_path / "suspects.jsonl"
    batch.write_text(json.dumps({"id": "no-text"}) + "\n", encoding="utf-8")
    proc = run_cli(["trace", "--batch", str(batch), "--db", str(db), "--no-embeddings"])
    assert proc.returncode == 3
    error = json.loads(proc.stdout)["error"]
    assert error.startswith("line 1: ") and "line 1: line 1" not in error and "line 1: line 1" not in proc.stderr


def test_trace_batch_names_its_lines_suspects_and_counts_the_failures(
    run_cli: Any, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    db = tmp_path / "i.db"
    assert run_cli(["index", "add", "--db", str(db), str(pair[0]), "--workers", "1"]).returncode == 0
    batch = tmp_path / "suspects.jsonl"
    batch.write_text(json.dumps({"id": "s", "text": SUSPECT}) + "\n42\n", encoding="utf-8")
    proc = run_cli(["trace", "--batch", str(batch), "--db", str(db), "--no-embeddings"])
    assert proc.returncode == 3
    good, bad = (json.loads(line) for line in proc.stdout.splitlines())
    assert good["source"] is not None
    assert bad["error"] == "line 2: expected a JSON object, got a number"
    assert proc.stderr.splitlines()[-1] == "storytrace: 1 of 2 lines failed"


def test_a_missing_pair_path_says_where_it_was_looked_for(run_cli: Any, tmp_path: Path) -> None:
    pairs = tmp_path / "batch" / "pairs.jsonl"
    pairs.parent.mkdir()
    pairs.write_text(json.dumps({"id": "p", "source_path": "gone.txt", "derived": SUSPECT}) + "\n", encoding="utf-8")
    proc = run_cli(["compare", "--pairs", str(pairs), "--no-embeddings"])
    assert proc.returncode == 3
    assert f"gone.txt: no such file (looked in the current directory and in {pairs.parent})" in proc.stdout


def test_an_articles_terminal_escapes_never_reach_the_terminal(
    run_cli: Any, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    # clear the screen, retitle the window, plant a hidden link: an article is untrusted text for a terminal too
    hostile = tmp_path / "hostile.json"
    escapes = "\x1b[2J\x1b]0;pwned\x07\x1b]8;;http://evil.example\x07click\x1b]8;;\x07"
    hostile.write_text(json.dumps({"id": f"h{escapes}", "title": f"T{escapes}", "text": SUSPECT + escapes}))
    proc = run_cli(["compare", str(pair[0]), str(hostile), "--no-embeddings"])
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout and "pwned" in proc.stdout
    db = tmp_path / "i.db"
    assert run_cli(["index", "add", "--db", str(db), str(hostile), "--workers", "1"]).returncode == 0
    traced = run_cli(["trace", str(hostile), "--db", str(db), "--no-embeddings"])
    assert traced.returncode == 0, traced.stderr
    assert "\x1b" not in traced.stdout and "\x07" not in traced.stdout and "pwned" in traced.stdout


def test_windows_line_ends_are_line_ends_in_the_terminal_report(run_cli: Any, tmp_path: Path) -> None:
    """A carriage return is no control character to show: a CRLF file's sentence wrapped over two lines keeps
    its text in the report."""
    original, suspect = tmp_path / "o.txt", tmp_path / "s.txt"
    text = (
        "The Harlow council voted on Tuesday to close the\r\nMillbrook library, the mayor said.\r\n\r\n"
        "About 40 residents attended the meeting.\r\n"
    )
    original.write_bytes(text.encode("utf-8"))
    suspect.write_bytes((text + "\r\nThe decision was a scandal, critics say.\r\n").encode("utf-8"))
    proc = run_cli(["compare", str(original), str(suspect), "--no-embeddings"])
    assert proc.returncode == 0, proc.stderr
    assert "Millbrook" in proc.stdout and "\ufffd" not in proc.stdout


def test_out_never_overwrites_an_input(run_cli: Any, pair: tuple[Path, Path], tmp_path: Path) -> None:
    original = pair[0].read_bytes()
    proc = run_cli(["compare", str(pair[0]), str(pair[1]), "--no-embeddings", "--out", str(pair[0])])
    assert "--out names an input" in assert_clean_error(proc)
    assert pair[0].read_bytes() == original
    db = tmp_path / "i.db"
    assert run_cli(["index", "add", "--db", str(db), str(pair[0]), "--workers", "1"]).returncode == 0
    index = db.read_bytes()
    traced = run_cli(["trace", str(pair[1]), "--db", str(db), "--no-embeddings", "--out", str(db)])
    assert "--out names an input" in assert_clean_error(traced)
    assert db.read_bytes() == index  # the index is still an index, not a trace report


def test_a_bad_out_is_refused_before_the_batch_runs(run_cli: Any, tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("not json\n", encoding="utf-8")  # were the batch run first, this line's error would show
    proc = run_cli(["compare", "--pairs", str(pairs), "--out", str(tmp_path / "no" / "out.jsonl")])
    assert "does not exist" in assert_clean_error(proc)


def test_trace_text_counts_the_findings_the_json_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storytrace import cli
    from storytrace.index import Index
    from storytrace.settings import DEFAULT_SETTINGS

    examples = Path(__file__).resolve().parent.parent / "examples"
    with Index(tmp_path / "i.db") as index:
        index.add([Article(text=(examples / "original.txt").read_text(encoding="utf-8"), id="original")])
        suspect = Article(text=(examples / "rewrite.txt").read_text(encoding="utf-8"), id="rewrite")
        result = index.trace(suspect, top=1, settings=DEFAULT_SETTINGS.with_(use_embeddings=False))
    monkeypatch.setattr(cli, "_terminal_width", lambda: 400)  # one line per cell
    text = cli._render_trace(result, to_file=False)
    counts = result.to_dict()["candidates"][0]["findings"]
    assert any(f.severity == "low" for f in result.candidates[0].report.findings)  # the low ones count too
    for kind, n in counts.items():
        assert f"{kind} {n}" in text


def test_an_unreadable_publication_date_is_warned_about(run_cli: Any, pair: tuple[Path, Path], tmp_path: Path) -> None:
    dated = tmp_path / "dated.json"
    dated.write_text(json.dumps({"text": SOURCE, "published": "04/03/2024"}), encoding="utf-8")
    proc = run_cli(["compare", str(dated), str(pair[1]), "--no-embeddings", "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    assert "publication date '04/03/2024' reads two ways (day or month first)" in proc.stderr
    assert proc.stderr.count("\n") == 1


# --- unreadable publication dates in the batch and corpus modes ----------------------------------------------


def test_pairs_and_trace_batch_warn_once_per_article_with_an_unreadable_date(
    run_cli: Any, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    pairs = tmp_path / "pairs.jsonl"
    lines = [
        {"id": "p1", "source": {"text": SOURCE, "published": "04/03/2024"}, "derived": SUSPECT},
        {"id": "p2", "source": {"text": SOURCE, "published": "2024-03-14"}, "derived": {"text": SUSPECT}},
    ]
    pairs.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    proc = run_cli(["compare", "--pairs", str(pairs), "--no-embeddings", "--out", str(tmp_path / "r.jsonl")])
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        "storytrace: warning: line 1: source: publication date '04/03/2024' reads two ways (day or month first) "
        "(expected a date like "
        "2024-03-14); the article is treated as undated"
    ]

    db = tmp_path / "i.db"
    assert run_cli(["index", "add", "--db", str(db), str(pair[0]), "--workers", "1"]).returncode == 0
    batch = tmp_path / "suspects.jsonl"
    batch.write_text(json.dumps({"id": "s", "text": SUSPECT, "published": "next week"}) + "\n", encoding="utf-8")
    proc = run_cli(["trace", "--batch", str(batch), "--db", str(db), "--no-embeddings", "--out", str(tmp_path / "t")])
    assert proc.returncode == 0, proc.stderr
    assert "line 1: publication date 'next week' not understood" in proc.stderr
    assert proc.stderr.count("not understood") == 1


def test_index_add_and_scan_name_unreadable_dates_in_one_line(run_cli: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": f"a{i}", "text": f"{SOURCE} Story number {i}.", "published": f"{i}/{i + 1}/2024"} for i in range(1, 8)
    ] + [{"id": "b", "text": SUSPECT, "published": "2024-03-15"}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    note = (
        "7 articles have a publication date that could not be read (expected a date like 2024-03-14), treated as "
        "undated: a1, a2, a3, a4, a5 and 2 more; 7 of them read two ways (day or month first)"
    )
    proc = run_cli(["index", "add", "--db", str(tmp_path / "i.db"), str(corpus), "--workers", "1", "--lexical-only"])
    assert proc.returncode == 0, proc.stderr
    assert [line for line in proc.stderr.splitlines() if "warning" in line] == [f"storytrace: warning: {note}"]
    proc = run_cli(["scan", str(corpus), "--out", str(tmp_path / "scan"), "--to", "candidates", "--workers", "1"])
    assert proc.returncode == 0, proc.stderr
    assert [line for line in proc.stderr.splitlines() if "warning" in line] == [f"storytrace: warning: {note}"]


def test_scan_says_how_many_articles_its_date_window_left_out(run_cli: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "in", "text": SOURCE, "published": "2024-01-05"},
        {"id": "old", "text": SUSPECT, "published": "2023-12-01"},
        {"id": "unread", "text": GERMAN, "published": "5/1/2024"},
        {"id": "none", "text": GERMAN + " Noch ein Satz."},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    proc = run_cli(
        [
            "scan",
            str(corpus),
            "--out",
            str(tmp_path / "s"),
            "--since",
            "2024-01-01",
            "--to",
            "candidates",
            "--workers",
            "1",
        ]
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    # the article with an unreadable date is named even though the window then leaves it out
    assert any(line.startswith("storytrace: warning: 1 article has a publication date") for line in lines)
    assert "storytrace: 3 articles outside --since/--until left out (2 of them undated)" in lines
