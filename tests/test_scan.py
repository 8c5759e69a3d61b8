"""scan: candidates, families, siblings and chains, stages and resume, filters, WARC, bad input, Spark."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from storytrace.cli import main
from storytrace.scan import ScanConfig, ScanFilters, parse_lag, scan
from storytrace.scan.candidates import Candidate, CandidateSettings, components, doc_terms, families, select
from storytrace.scan.stages import StageDir

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _corpus(**outlets: str) -> list[dict[str, Any]]:
    """The wire story, two rewrites of it (siblings), a copy of one rewrite (a chain), an independent
    report of the same event and an unrelated story."""
    original = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
    rewrite = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")
    paras = original.split("\n\n")
    sibling = "\n\n".join(p for k, p in enumerate(paras) if k not in (2, 5))
    sibling = sibling.replace("approved", "signed off on").replace("said", "told reporters")
    sibling += "\n\nResidents of the harbor town plan a rally on the waterfront next Saturday to demand faster work."
    rparas = rewrite.split("\n\n")
    chain = "\n\n".join(rparas[:1] + rparas[2:]).replace("last month", "in February")
    recs = [
        ("wire-1", original, "Wire", "2024-03-14T08:00:00+00:00"),
        ("farm-a", rewrite, "FarmA", "2024-03-15T10:00:00+00:00"),
        ("farm-b", sibling, "Farm<B> & Co", "2024-03-15T12:00:00+00:00"),
        ("farm-c", chain, "FarmC", "2024-03-16T09:00:00+00:00"),
        ("indep", (EXAMPLES / "independent.txt").read_text(encoding="utf-8"), "Gazette", "2024-03-14T09:00:00+00:00"),
        ("unrel", (EXAMPLES / "unrelated.txt").read_text(encoding="utf-8"), "Wire", "2024-03-10T09:00:00+00:00"),
    ]
    return [{"id": i, "text": t, "outlet": outlets.get(i, o), "published": p, "section": "news"} for i, t, o, p in recs]


def _write(path: Path, records: list[dict[str, Any]], extra: str = "") -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + extra, encoding="utf-8")
    return path


def _run(args: list[str]) -> int:
    """The CLI's exit status, whether it returns it or exits (usage errors exit from argparse)."""
    try:
        return main(args)
    except SystemExit as exc:
        return int(exc.code or 0)


def _pairs(out: Path) -> dict[tuple[str, str], dict[str, Any]]:
    with (out / "pairs.jsonl").open(encoding="utf-8") as fh:
        return {(p["source_id"], p["derived_id"]): p for p in map(json.loads, fh)}


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("scan") / "corpus.jsonl", _corpus(), extra="{not json\n")


@pytest.fixture(scope="module")
def local_out(corpus_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scan-local") / "out"
    assert main(["scan", str(corpus_file), "--out", str(out), "--workers", "2"]) == 3  # one bad record
    return out


# --- what a scan finds --------------------------------------------------------------------------------


def test_scan_finds_copies_siblings_and_chains(local_out: Path) -> None:
    pairs = _pairs(local_out)
    relation = {k: p["relation"] for k, p in pairs.items()}
    assert relation[("wire-1", "farm-a")] == "derived"
    assert relation[("wire-1", "farm-b")] == "derived"
    # two rewrites of one original: siblings, not copies of each other
    assert relation[("farm-a", "farm-b")] == "sibling"
    # farm-c copied farm-a (it carries farm-a's own additions), so that pair is a copy, not siblings
    assert relation[("farm-a", "farm-c")] in ("derived", "partially_derived")
    ids = {i for k in pairs for i in k}
    assert "unrel" not in ids
    # an independent report of the same event is not a copy of anything
    assert not any(k[1] == "indep" and p["relation"] != "sibling" for k, p in pairs.items())


def test_pair_records_follow_the_schema_and_pass_fields_through(local_out: Path) -> None:
    p = _pairs(local_out)[("wire-1", "farm-a")]
    assert p["schema"] == "storytrace.pair/1"
    assert set(p) >= {"source_id", "derived_id", "relation", "direction_confidence", "scores", "findings"}
    assert 0.5 <= p["scores"]["reuse"] <= 1 and 0 <= p["scores"]["coverage"] <= 1
    assert p["lag_hours"] == 26.0
    assert p["findings"].get("quote_altered", 0) >= 1
    assert p["source_meta"] == {
        "id": "wire-1",
        "outlet": "Wire",
        "published": "2024-03-14T08:00:00+00:00",
        "section": "news",
    }
    assert "text" not in p["derived_meta"]


def test_clusters_outlets_and_report(local_out: Path) -> None:
    clusters = [json.loads(line) for line in (local_out / "clusters.jsonl").open(encoding="utf-8")]
    story = next(c for c in clusters if "wire-1" in c["members"])
    assert story["schema"] == "storytrace.cluster/1"
    assert story["original_id"] == "wire-1"
    assert {"farm-a", "farm-b", "farm-c"} <= set(story["members"])
    rows = {r["outlet"]: r for r in csv.DictReader(io.StringIO((local_out / "outlets.csv").read_text()))}
    assert rows["FarmA"]["derived"] == "1" and rows["FarmA"]["from_outlets"] == "Wire:1"
    assert float(rows["FarmA"]["median_lag_hours"]) == 26.0
    # wire-1, its one article, copied by three farms: one article copied, not three
    assert rows["Wire"]["derived"] == "0" and rows["Wire"]["originals_copied"] == "1"
    html = (local_out / "report.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "<script" not in html
    assert "Farm&lt;B&gt; &amp; Co" in html and "Farm<B>" not in html
    assert (local_out / "errors.txt").read_text().count("\n") == 1


# --- stages, resume, filters ----------------------------------------------------------------------------


def test_stop_after_candidates_then_resume_gives_the_same_pairs(
    corpus_file: Path, local_out: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert main(["scan", str(corpus_file), "--out", str(out), "--to", "candidates"]) == 3
    assert (out / "stages" / "candidates.jsonl").exists() and not (out / "pairs.jsonl").exists()
    # the same command again without --resume refuses to overwrite
    assert main(["scan", str(corpus_file), "--out", str(out)]) == 2
    # the corpus's bad record, skipped by the first run, is still skipped: exit 3 as that run (qa23b P5)
    assert main(["scan", str(corpus_file), "--out", str(out), "--resume"]) == 3
    assert _pairs(out) == _pairs(local_out)


def test_resume_after_an_interruption_mid_pairs(corpus_file: Path, local_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(local_out, out)
    stages = StageDir(out)
    manifest = json.loads(stages.manifest_path.read_text())
    manifest["done"] = ["articles", "candidates"]
    stages.manifest_path.write_text(json.dumps(manifest))
    judged = stages.judged_path.read_bytes()
    stages.judged_path.write_bytes(judged[: len(judged) // 2])  # torn in the middle of a line
    (out / "pairs.jsonl").unlink()
    assert main(["scan", str(corpus_file), "--out", str(out), "--resume"]) == 3  # the bad record still skipped
    assert _pairs(out) == _pairs(local_out)


def test_resume_with_other_settings_is_refused(corpus_file: Path, local_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(local_out, out)
    # --since changes which articles are judged (--max-lag and --cross-outlet only what is reported: test_scanfix21)
    assert main(["scan", str(corpus_file), "--out", str(out), "--resume", "--since", "2024-03-12"]) == 2


def test_an_outlet_name_is_never_a_spreadsheet_formula(tmp_path: Path) -> None:
    """Outlet names come from the articles: one that opens with "=" would run as a formula in a spreadsheet
    opening outlets.csv, in its own row and in the from_outlets column of those that copied it."""
    formula = '=HYPERLINK("http://evil.example","x")'
    path = _write(tmp_path / "c.jsonl", _corpus(**{"wire-1": formula}))
    out = tmp_path / "out"
    assert main(["scan", str(path), "--out", str(out)]) == 0
    text = (out / "outlets.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    cells = [cell for row in rows for cell in row.values()]
    assert "'" + formula in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert any(row["from_outlets"].startswith("'=HYPERLINK") for row in rows)


def test_filters(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", _corpus(**{"farm-a": "Wire"}))
    out = tmp_path / "cross"
    assert main(["scan", str(path), "--out", str(out), "--cross-outlet"]) == 0
    pairs = _pairs(out)
    assert ("wire-1", "farm-a") not in pairs and ("wire-1", "farm-b") in pairs
    out = tmp_path / "lag"
    assert main(["scan", str(path), "--out", str(out), "--max-lag", "27h"]) == 0
    pairs = _pairs(out)
    assert ("wire-1", "farm-a") in pairs and ("wire-1", "farm-b") not in pairs  # 26 h vs 28 h
    out = tmp_path / "since"
    assert main(["scan", str(path), "--out", str(out), "--since", "2024-03-15"]) == 0
    assert all("wire-1" not in k for k in _pairs(out))


def test_parse_lag() -> None:
    assert parse_lag("30d") == 720 and parse_lag("12h") == 12 and parse_lag("90m") == 1.5 and parse_lag("5") == 5
    with pytest.raises(Exception, match="max-lag"):
        parse_lag("soon")
    assert ScanFilters(cross_outlet=True) != ScanFilters()


# --- inputs -------------------------------------------------------------------------------------------


def test_warc_input(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def page(title: str, text: str) -> bytes:
        body = "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:])
        return (
            f"<html><head><title>{title}</title></head><body><nav>Home | News | Sport</nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Copyright</footer></body></html>"
        ).encode()

    records = _corpus()
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for rec, host in ((records[0], "wire.example"), (records[1], "farm-a.example")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            payload = io.BytesIO(page(rec["text"].split("\n")[0], rec["text"]))
            uri = f"https://{host}/story"
            writer.write_record(writer.create_warc_record(uri, "response", payload=payload, http_headers=headers))
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://x.example/a.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=img
            )
        )
    bad = tmp_path / "broken.warc"
    bad.write_bytes(b"this is not a WARC file at all\n")
    out = tmp_path / "out"
    assert main(["scan", str(path), str(bad), "--out", str(out)]) == 3
    pairs = _pairs(out)
    assert len(pairs) == 1
    (p,) = pairs.values()
    assert {p["source_id"], p["derived_id"]} == {"https://wire.example/story", "https://farm-a.example/story"}
    assert p["relation"] in ("derived", "partially_derived")
    assert {p["source_meta"]["url"], p["derived_meta"]["url"]} == {p["source_id"], p["derived_id"]}
    assert "broken.warc" in (out / "errors.txt").read_text()


def test_bad_inputs_give_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o1")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.jsonl" in err[0] and "Traceback" not in err[0]
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert main(["scan", str(empty), "--out", str(tmp_path / "o2")]) == 2
    assert "no readable articles" in capsys.readouterr().err
    # No half-made scan is left behind: the same --out takes the next run without --resume.
    assert not (tmp_path / "o2" / "stages").exists()
    good = _write(tmp_path / "good.jsonl", _corpus()[:2])
    assert main(["scan", str(good), "--out", str(tmp_path / "o2")]) == 0
    capsys.readouterr()
    # Articles read but all outside the --since window: the error says so, not "no readable articles".
    assert main(["scan", str(good), "--out", str(tmp_path / "o5"), "--since", "2099-01-01"]) == 2
    err = capsys.readouterr().err
    assert "passes the scan's filters" in err and "no readable" not in err
    assert main(["scan", str(empty), "--out", str(tmp_path / "o3"), "--max-lag", "soon"]) == 2
    assert _run(["scan", str(empty), "--out", str(tmp_path / "o4"), "--since", "yesterday"]) == 2
    afile = tmp_path / "file"
    afile.write_text("x")
    assert main(["scan", str(empty), "--out", str(afile)]) == 2


def test_duplicate_ids_keep_the_first(tmp_path: Path) -> None:
    recs = _corpus()
    path = _write(tmp_path / "c.jsonl", [*recs[:2], {**recs[5], "id": "farm-a"}])
    out = tmp_path / "out"
    assert main(["scan", str(path), "--out", str(out)]) == 3
    assert "duplicate id 'farm-a'" in (out / "errors.txt").read_text()
    assert ("wire-1", "farm-a") in _pairs(out)


# --- candidates -----------------------------------------------------------------------------------------


def test_doc_terms_are_stable_across_processes() -> None:
    text = "The Health Ministry said 41 people were hurt in Calloway on Tuesday."
    here = doc_terms(text)
    code = f"from storytrace.scan.candidates import doc_terms; print(sorted(doc_terms({text!r}).items()))"
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert there.strip() == str(sorted(here.items()))
    assert len(here) == 7  # stopwords and one-letter words out


def test_select_keeps_strong_pairs_and_each_articles_best() -> None:
    settings = CandidateSettings(keep_score=0.5, top_k=1, min_score=0.1)
    scored = {(0, 1): 0.9, (0, 2): 0.3, (1, 2): 0.2, (2, 3): 0.05, (3, 4): 0.15}
    chosen = select(scored, 5, settings, np.full(5, 100.0))
    assert [(c.a, c.b) for c in chosen] == [(0, 1), (0, 2), (3, 4)]
    assert [c.rank for c in chosen] == [0, 0, 0]


def test_a_much_longer_partner_is_ranked_with_its_length_taken_out() -> None:
    # Article 2 is a short rewrite of article 0, a transcript 36 times its length: their cosine (0.15) is
    # lower than 2's with a same-beat article of its own length (0.2), and than 0's with another long
    # text (0.3), but with the length taken out (0.15 x sqrt(36 / 4) = 0.45) each is the other's best.
    settings = CandidateSettings(keep_score=0.5, top_k=1, min_score=0.1)
    scored = {(0, 2): 0.15, (1, 2): 0.2, (0, 3): 0.3}
    lengths = np.array([3600.0, 100.0, 100.0, 3000.0])
    assert [(c.a, c.b, c.rank) for c in select(scored, 4, settings, lengths)] == [(0, 2, 0), (0, 3, 0), (1, 2, 0)]
    assert [(c.a, c.b) for c in select(scored, 4, settings, np.full(4, 100.0))] == [(0, 3), (1, 2)]


def test_components_and_families() -> None:
    assert components(6, [(0, 1), (1, 2), (4, 5)]) == [0, 0, 0, 3, 4, 4]
    cands = [Candidate(0, 1, 0.5), Candidate(1, 2, 0.5), Candidate(0, 2, 0.5), Candidate(4, 5, 0.5)]
    fam = families(cands, 6, max_pairs=2)
    assert [(f, c.a, c.b) for f, c in fam] == [(0, 0, 1), (0, 0, 2), (1, 1, 2), (2, 4, 5)]


def test_a_large_component_is_cut_along_its_stories() -> None:
    """Two stories (articles 0, 2, 4 and 1, 3, 5) joined by one weak pair: each story stays in one chunk
    with all its pairs (a cut in position order would split both), the weak pair with one of them."""
    strong = [Candidate(a, b, 0.6) for a, b in ((0, 2), (0, 4), (2, 4), (1, 3), (1, 5), (3, 5))]
    fam = families([*strong, Candidate(0, 1, 0.1)], 6, max_pairs=4)
    chunks: dict[int, list[tuple[int, int]]] = {}
    for f, c in fam:
        chunks.setdefault(f, []).append((c.a, c.b))
    assert chunks == {0: [(0, 1), (0, 2), (0, 4), (2, 4)], 1: [(1, 3), (1, 5), (3, 5)]}


def test_scan_api(corpus_file: Path, local_out: Path, tmp_path: Path) -> None:
    result = scan([str(corpus_file)], tmp_path / "out", config=ScanConfig(), workers=1)
    assert result.articles == 6 and result.bad_records == 1 and result.pairs == len(_pairs(local_out))
    assert set(result.stage_seconds) == {"articles", "candidates", "pairs", "outputs"}


def test_a_pair_too_long_to_compare_is_listed_not_judged_and_the_scan_goes_on(
    corpus_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storytrace.scan import judge

    # The wire story (30 sentences) against its rewrite (29) only: one pair over this limit. Judged in this
    # process (workers=1), so the lowered limit holds.
    monkeypatch.setattr(judge, "MAX_SENTENCE_PAIRS", 30 * 28)
    out = tmp_path / "out"
    result = scan([str(corpus_file)], out, config=ScanConfig(), workers=1)
    errors = (out / "errors.txt").read_text(encoding="utf-8").splitlines()
    too_long = [e for e in errors if "too long to compare" in e]
    assert result.not_judged == len(too_long) >= 1
    assert "wire-1 and farm-a: too long to compare sentence by sentence, not judged" in too_long
    assert ("wire-1", "farm-a") not in _pairs(out) and len(_pairs(out)) >= 2  # the other pairs are judged
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["not_judged"] == len(too_long)
    assert "pairs too long to judge" in (out / "report.html").read_text(encoding="utf-8")


# --- Spark ----------------------------------------------------------------------------------------------


def test_spark_engine_gives_the_same_pairs(corpus_file: Path, local_out: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install -e '.[spark]')")
    if shutil.which("java") is None:
        pytest.skip("no Java on this machine (Spark needs Java 17)")
    out = tmp_path / "spark"
    assert main(["scan", str(corpus_file), "--out", str(out), "--engine", "spark", "--master", "local[2]"]) == 3
    local, spark = _pairs(local_out), _pairs(out)
    assert set(spark) == set(local)
    for key, p in local.items():
        q = spark[key]
        assert q["relation"] == p["relation"] and q["findings"] == p["findings"]
        for name, value in p["scores"].items():
            assert (value is None and q["scores"][name] is None) or abs(value - q["scores"][name]) <= 1e-6
    assert (out / "clusters.jsonl").read_text() == (local_out / "clusters.jsonl").read_text()


def test_spark_ranks_partners_with_the_length_taken_out_like_the_local_engine(tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install -e '.[spark]')")
    if shutil.which("java") is None:
        pytest.skip("no Java on this machine (Spark needs Java 17)")
    import random
    from dataclasses import replace

    from storytrace.scan.candidates import candidates_by_block

    rng = random.Random(5)
    vocab = [f"term{k}" for k in range(500)]
    texts = []
    for i in range(40):
        topic = vocab[(i % 5) * 80 : (i % 5) * 80 + 160]
        words = [rng.choice(topic) for _ in range(rng.randint(40, 120))]
        if i % 8 == 0:  # a few long texts among short ones: many words of their own
            words += [rng.choice(topic) for _ in range(400)] + [f"own{i}x{k}" for k in range(600)]
            rng.shuffle(words)
        texts.append(" ".join(words) + ".")
    settings = CandidateSettings()
    terms = [doc_terms(t) for t in texts]
    plain = candidates_by_block(terms, replace(settings, fair_length_ratio=1e9))
    fair = candidates_by_block(terms, settings)
    assert {(c.a, c.b) for c in fair} != {(c.a, c.b) for c in plain}  # the length changes whom some rank first

    corpus = _write(tmp_path / "c.jsonl", [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)])
    rows = {}
    for engine in ("local", "spark"):
        out = tmp_path / engine
        args = ["scan", str(corpus), "--out", str(out), "--to", "candidates", "--engine", engine]
        assert main(args + (["--master", "local[2]"] if engine == "spark" else ["--workers", "1"])) == 0
        lines = (out / "stages" / "candidates.jsonl").read_text().splitlines()
        rows[engine] = [json.loads(line) for line in lines]
    local, spark = rows["local"], rows["spark"]
    assert [(r["a"], r["b"], r["rank"], r["family"]) for r in spark] == [
        (r["a"], r["b"], r["rank"], r["family"]) for r in local
    ]
    assert max(abs(p["score"] - q["score"]) for p, q in zip(local, spark, strict=True)) <= 1e-6
    assert {(r["a"], r["b"]) for r in local} == {(c.a, c.b) for c in fair}


def test_workers_ignore_ctrl_c_which_their_parent_handles() -> None:
    code = (
        "import os, signal\n"
        "from storytrace.workers import worker_init\n"
        "worker_init()\n"
        "os.kill(os.getpid(), signal.SIGINT)\n"
        "print('still here')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "still here", done.stderr


def test_pool_workers_give_their_blas_a_share_of_the_cores() -> None:
    # Spawned workers import numpy before any initializer runs: the limit must be in their environment.
    code = (
        "import os\n"
        "from storytrace.workers import BLAS_THREAD_VARIABLES, blas_threads, spawn_pool\n"
        "before = {n: os.environ.get(n) for n in BLAS_THREAD_VARIABLES}\n"
        "if __name__ == '__main__':\n"
        "    with spawn_pool(2) as pool:\n"
        "        seen = pool.map(os.getenv, ['OPENBLAS_NUM_THREADS'] * 4)\n"
        "    assert seen == [str(blas_threads(2))] * 4, seen\n"
        "    assert {n: os.environ.get(n) for n in BLAS_THREAD_VARIABLES} == before\n"
        "    print('ok')\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_judging_workers_run_the_ner_model_without_torch() -> None:
    code = (
        "import sys\n"
        "from storytrace.workers import worker_init\n"
        "worker_init(1)\n"
        "from storytrace.facts.entities import entities\n"
        "found = entities('Bola Tinubu met officials in Lagos.', 0, 35)\n"
        "assert [e.label for e in found] == ['PERSON', 'GPE'], found\n"
        "assert sys.modules.get('torch') is None\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_judging_workers_start_during_the_candidates_stage_with_their_models_loaded(
    corpus_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import functools

    from storytrace.scan import candidates as candidates_module
    from storytrace.scan.local import LocalEngine
    from storytrace.scan.pipeline import run_scan

    # Families of at most 3 pairs: several of them, so that judging goes to the workers.
    monkeypatch.setattr(candidates_module, "families", functools.partial(candidates_module.families, max_pairs=3))
    run_scan([str(corpus_file)], tmp_path / "one-process", engine=LocalEngine(1))
    engine = LocalEngine(2)
    events: list[str] = []
    spawn, candidates = engine._spawn, engine.candidates

    def spawned(config: Any) -> Any:
        pool = spawn(config)
        # The initializer has run in a worker before it takes a task: its models are in memory.
        check = "__import__('storytrace.facts.entities', fromlist=['_nlp'])._nlp is not None"
        events.append(f"spawn, models loaded: {pool.apply(eval, (check,))}")
        return pool

    def finding(*args: Any) -> Any:
        events.append("candidates")
        return candidates(*args)

    monkeypatch.setattr(engine, "_spawn", spawned)
    monkeypatch.setattr(engine, "candidates", finding)
    result = run_scan([str(corpus_file)], tmp_path / "out", engine=engine)
    assert result.families > 1  # judged by the pool's workers, not in this process
    assert events == ["spawn, models loaded: True", "candidates"]  # the same pool judged
    assert engine._pool is None
    assert _pairs(tmp_path / "out") == _pairs(tmp_path / "one-process")

    # No workers when judging does not follow in the same run, and none left behind by a failed run.
    events.clear()
    run_scan([str(corpus_file)], tmp_path / "to-candidates", engine=engine, to="candidates")
    assert events == ["candidates"]

    def failing(*args: Any) -> Any:
        raise RuntimeError("candidates failed")

    monkeypatch.setattr(engine, "candidates", failing)
    with pytest.raises(RuntimeError):
        run_scan([str(corpus_file)], tmp_path / "failed", engine=engine)
    assert [e[:5] for e in events] == ["candi", "spawn"] and engine._pool is None


def test_two_rewrites_without_their_original_are_siblings(tmp_path: Path) -> None:
    records = [r for r in _corpus() if r["id"] in ("farm-a", "farm-b")]
    # Same publication time: nothing but the texts can say who came first.
    for r in records:
        r["published"] = "2024-03-15T10:00:00+00:00"
    out = tmp_path / "out"
    assert main(["scan", str(_write(tmp_path / "c.jsonl", records)), "--out", str(out), "--workers", "1"]) == 0
    assert {k: p["relation"] for k, p in _pairs(out).items()} == {("farm-a", "farm-b"): "sibling"}


def test_an_undated_original_and_its_rewrite_are_not_siblings(tmp_path: Path) -> None:
    records = [{"id": r["id"], "text": r["text"]} for r in _corpus() if r["id"] in ("wire-1", "farm-a")]
    out = tmp_path / "out"
    assert main(["scan", str(_write(tmp_path / "c.jsonl", records)), "--out", str(out), "--workers", "1"]) == 0
    assert [p["relation"] for p in _pairs(out).values()] in (["derived"], ["partially_derived"])


def _cut_rewrite() -> tuple[str, str, str]:
    """The wire story; a rewrite that keeps its first half and adds names and figures of its own; another
    rewrite that keeps the same half."""
    paras = (EXAMPLES / "original.txt").read_text(encoding="utf-8").split("\n\n")
    rewrite = "\n\n".join(paras[k] for k in (0, 1, 2, 3, 8))
    rewrite = rewrite.replace("approved", "signed off on").replace("said", "told reporters")
    rewrite += (
        "\n\nLocal historian Bernard Quayle of the Tidewater Society noted that 47 households moved away after "
        "the 2011 flood. Volunteers from Saltmarsh Relief handed out 3,200 sandbags last autumn, and Reverend "
        "Elspeth Marlow of St. Brendan's opened her church hall to 85 families.\n\nInsurance broker Tobias "
        "Renwick of Anchorline Mutual expects premiums on Harbor Street to fall by 12% once the wall is finished."
    )
    other = "\n\n".join(paras[k] for k in (0, 1, 2, 3, 7)).replace("said", "stated")
    return "\n\n".join(paras), rewrite, other


def test_material_found_nowhere_else_in_the_family_is_no_sign_of_siblings() -> None:
    # Undated, the texts alone give no direction and each side has names and figures of its own: the two
    # articles alone look like two rewrites of a third. Next to another rewrite that holds neither side's
    # own names, they are what they are: an original and its rewrite (and the rewrites are siblings).
    original, rewrite, other = _cut_rewrite()
    assert _judged([original, rewrite])[(0, 1)].relation == "sibling"
    judged = _judged([original, rewrite, other])
    assert judged[(0, 1)].relation == "derived"
    assert (judged[(1, 2)].relation, judged[(1, 2)].common_source) == ("sibling", 0)


def test_a_side_with_no_name_or_figure_the_other_lacks_is_no_sibling() -> None:
    # The rewrite drops half of the original and says nothing the original does not: whatever else the
    # two texts show, the rewrite holds no material of its own, so the pair is not two rewrites of a third.
    from storytrace.article import Article
    from storytrace.scan.judge import ScanSettings, _member_of, _sourced_apart

    original, rewrite, other = _cut_rewrite()
    kept = "\n\n".join(original.split("\n\n")[:5])
    o, r, x = (_member_of(Article(id=f"m{k}", text=t)) for k, t in enumerate((original, kept, other)))
    scan_settings = ScanSettings()
    assert not (r.specifics - o.forms)
    assert not _sourced_apart(o, r, [], scan_settings)
    assert not _sourced_apart(o, r, [x], scan_settings)
    assert _sourced_apart(o, _member_of(Article(id="m3", text=rewrite)), [], scan_settings)


def test_a_rewrite_whose_names_the_original_writes_in_lower_case_is_no_sibling_of_it() -> None:
    # The rewrite's added names and figures all occur in the original, but only in a lower-case credits
    # line that the specifics do not read: each side has specifics of its own, so the two alone looked
    # like two rewrites of a third, yet the rewrite names nothing the original lacks.
    original, rewrite, _ = _cut_rewrite()
    original += (
        "\n\nphotos and reporting for this story: bernard quayle of the tidewater society, the saltmarsh relief "
        "volunteers, reverend elspeth marlow of st. brendan's and tobias renwick of anchorline mutual, who counted "
        "47 households, 3,200 sandbags, 85 families and a 12 per cent fall on harbor street."
    )
    assert _judged([original, rewrite])[(0, 1)].relation in ("derived", "partially_derived")


def test_a_lean_rewrite_of_a_rich_original_is_no_sibling_of_it() -> None:
    # A long original (a hearing's witnesses on top of the wire story) and an undated rewrite that keeps two
    # of its paragraphs and adds emphasis in capitals and one name: each side names something the other
    # lacks, so the two alone looked like two rewrites of a third. But the rewrite names hardly anything of
    # its own (3 of 32) while the original holds two thirds of its names and figures that the rewrite
    # lacks: a lean text inside a rich one is its copy.
    from storytrace.article import Article
    from storytrace.scan.judge import ScanSettings, _member_of, _sourced_apart

    original = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
    rewrite = "\n\n".join(original.split("\n\n")[1:3]).replace("said", "stated").replace("approved", "signed off on")
    rewrite += (
        "\n\nLocals now call the new Seawall the pride of the Harbor, and every Storm Gate a promise kept to the "
        "Town.\n\nFor the Lawmakers and the Residents alike, the Vote was a moment to remember, stated Bernard Quayle."
    )
    original += (
        "\n\nWitnesses at the March hearing included engineer Priya Lindqvist of Halden Marine, economist Omar "
        "Feliciano of Brightwater University, Mayor Delia Stroud, harbor pilot Anton Vesely and fisherman Cormac "
        "Doyle. Lindqvist put the cost of delay at $45 million a year; Feliciano counted 1,150 jobs in Westmarch "
        "and Kellerton."
    )
    o, r = _member_of(Article(id="o", text=original)), _member_of(Article(id="r", text=rewrite))
    assert 0 < len(r.specifics - o.forms) < 0.2 * len(r.specifics)
    assert len(o.specifics - r.forms) >= 0.6 * len(o.specifics)
    assert _sourced_apart(o, r, [], ScanSettings(sibling_lean_own=0.0))  # without the rule: siblings
    assert not _sourced_apart(o, r, [], ScanSettings())
    assert _judged([original, rewrite])[(0, 1)].relation in ("derived", "partially_derived")


def test_a_rewrite_of_a_copy_with_the_same_text_is_no_sibling_of_it() -> None:
    # Two articles with one text (a site that republished it), the second sentence of its last paragraph a
    # short one inside the first: the alignment of the two texts merges it on one side and leaves it added
    # on the other, so the copy was no verbatim duplicate, and a rewrite of the copy came out its sibling
    # through the first article. The same text is a duplicate: the rewrite is judged on its texts.
    original = (EXAMPLES / "original.txt").read_text(encoding="utf-8") + (
        "\n\nCritics said that you did say in 2004 that on balance the wall was safe for the harbor town. "
        "You did say that."
    )
    paras = original.split("\n\n")
    rewrite = "\n\n".join(paras[k].replace("said", "stated") for k in (0, 1, 2, 3, len(paras) - 1))
    judged = _judged([original, original, rewrite])
    assert judged[(0, 1)].relation == "derived"
    assert judged[(1, 2)].relation in ("derived", "partially_derived")


def test_siblings_whose_own_material_another_article_holds_stay_siblings() -> None:
    from storytrace.article import Article
    from storytrace.scan.judge import ScanSettings, _member_of, _sourced_apart

    records = {r["id"]: r["text"] for r in _corpus()}
    a, b, wire, unrelated = (
        _member_of(Article(id=k, text=records[k])) for k in ("farm-a", "farm-b", "wire-1", "unrel")
    )
    scan_settings = ScanSettings()
    assert _sourced_apart(a, b, [], scan_settings)  # nothing else to ask: the pair's own evidence decides
    assert _sourced_apart(a, b, [wire], scan_settings)  # their source holds what each kept of it
    assert not _sourced_apart(a, b, [unrelated], scan_settings)


def _random_terms(n: int, seed: int) -> list[dict[int, int]]:
    import random

    rng = random.Random(seed)
    return [{rng.randrange(400): rng.randint(1, 3) for _ in range(rng.randint(5, 40))} for _ in range(n)]


@pytest.mark.parametrize("block_entries", [50, 4_000_000])
def test_block_wise_candidates_equal_the_whole_product(block_entries: int) -> None:
    from storytrace.scan.candidates import candidates_by_block, doc_lengths, scored_pairs

    terms = _random_terms(300, seed=3)
    settings = CandidateSettings(max_df=40, keep_score=0.3, top_k=2, min_score=0.05)
    whole = select(scored_pairs(terms, settings), len(terms), settings, doc_lengths(terms))
    blocks = candidates_by_block(terms, settings, block_entries=block_entries)
    assert len(whole) > 100
    assert [(c.a, c.b, c.rank) for c in blocks] == [(c.a, c.b, c.rank) for c in whole]
    assert max(abs(x.score - y.score) for x, y in zip(blocks, whole, strict=True)) < 1e-12


def test_packed_terms_read_like_the_dict() -> None:
    from storytrace.scan.candidates import PackedTerms, candidates_by_block

    terms = _random_terms(120, seed=5)
    packed = [PackedTerms(t) for t in terms]
    assert [dict(p) for p in packed] == terms and packed[0][next(iter(terms[0]))] == next(iter(terms[0].values()))
    settings = CandidateSettings(max_df=40, top_k=2, min_score=0.05)
    assert candidates_by_block(packed, settings) == candidates_by_block(terms, settings)


# --- judging a family: orientation and duplicates -----------------------------------------------------


def _judged(texts: list[str]) -> dict[tuple[int, int], Any]:
    """Every pair of ``texts`` (undated articles) judged as one family, by unordered positions."""
    from storytrace.article import Article
    from storytrace.scan.judge import judge_component

    articles = {k: Article(id=f"a{k}", text=t) for k, t in enumerate(texts)}
    pairs = [(a, b, 0.5, 0) for a in range(len(texts)) for b in range(a + 1, len(texts))]
    return {tuple(sorted((j.source, j.derived))): j for j in judge_component(articles, pairs)}


def test_a_direction_hint_does_not_drop_the_reuse_found() -> None:
    # A long article that blurs the figures of two of its paragraphs, plus another story; the short one
    # is those two paragraphs with their figures. The text hints that the short one came first, but the
    # long one is no reuse of it (it explains a sixth of it): the pair keeps the reuse found, unoriented.
    original = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
    short = "\n\n".join(original.split("\n\n")[3:5])
    long = original
    for a, b in (
        ("built in 1962", "built decades ago"),
        ("16 inches", "several inches"),
        ("14,000", "thousands of"),
        ("600 businesses", "hundreds of businesses"),
        ("900 homes", "hundreds of homes"),
    ):
        long = long.replace(a, b)
    long += "\n\n" + (EXAMPLES / "unrelated.txt").read_text(encoding="utf-8")
    judged = _judged([long, short])[(0, 1)]
    assert judged.relation == "derived"
    assert (judged.source, judged.derived, judged.direction) == (0, 1, "unclear")
    assert judged.direction_confidence == 0.5


def test_a_rewrite_of_a_duplicated_original_derives_from_both_copies() -> None:
    # The original twice in the corpus (a syndicated copy) and a rewrite: the rewrite derives from the
    # copy as much as from the original, so that pair is no sibling pair.
    original = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
    rewrite = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")
    judged = _judged([original, original, rewrite])
    assert judged[(0, 1)].relation == "derived"
    assert judged[(0, 2)].relation in ("derived", "partially_derived")
    assert judged[(1, 2)].relation in ("derived", "partially_derived")
    assert judged[(1, 2)].method != "sibling_check"


def test_ctrl_c_during_judging_stops_cleanly(tmp_path: Path) -> None:
    """Ctrl-C reaches the scan and its judging workers: exit 130, one line, no traceback from any process."""
    original = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
    rewrite = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")
    corpus = tmp_path / "many.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for k in range(150):
            for kind, text in (("o", original), ("r", rewrite)):
                fh.write(json.dumps({"id": f"{kind}{k}", "text": f"Harbour {k} report. " + text}) + "\n")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "storytrace.cli", "scan", str(corpus), "--out", str(out), "--workers", "2"]
    proc = subprocess.Popen(
        cmd, stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=_ctrl_c_reaches_it
    )
    assert proc.stderr is not None
    lines = []
    for line in proc.stderr:
        lines.append(line)
        if line.startswith("storytrace: candidates:"):
            break
    time.sleep(8)  # the workers are judging (their models loaded)
    os.killpg(proc.pid, signal.SIGINT)
    err = "".join(lines) + proc.stderr.read()
    proc.wait(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err and "KeyboardInterrupt" not in err


@pytest.mark.parametrize("dense_cells", [60_000, 0], ids=["dense", "sparse"])
def test_sentence_share_counts_words_in_common_like_sets(dense_cells: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from storytrace.article import Article
    from storytrace.scan import judge
    from storytrace.scan.judge import ScanSettings, _member_of, _sentence_share, _sentence_shares

    monkeypatch.setattr(judge, "_DENSE_CELLS", dense_cells)

    records = _corpus()
    members = [_member_of(Article(text=r["text"], id=r["id"])) for r in records]
    scan_settings = ScanSettings()
    for x in members:
        for y in members:
            long = [w for w in y.stems if len(w) >= scan_settings.carried_min_words]
            hits = sum(
                1 for w in long if max(len(w & o) for o in x.stems) >= scan_settings.carried_containment * len(w)
            )
            assert _sentence_share(x, y, scan_settings) == pytest.approx(hits / len(long))
            # Both directions from one product: the second is the reverse question's answer, to the bit.
            assert _sentence_shares(x, y, scan_settings) == (
                _sentence_share(x, y, scan_settings),
                _sentence_share(y, x, scan_settings),
            )
    shares = {round(_sentence_share(x, y, scan_settings), 3) for x in members for y in members}
    assert len(shares) > 3  # copies, siblings and strangers: the test sees more than 0 and 1


def test_an_article_is_analysed_once_for_the_gate_across_the_chunks_of_its_family() -> None:
    from storytrace.article import Article
    from storytrace.scan.judge import _member_of

    record = _corpus()[0]
    first = _member_of(Article(text=record["text"], id=record["id"]))
    again = _member_of(Article(text=record["text"], id=record["id"]))
    assert again.light is first.light
    assert again._doc is None  # the gate's features came from the first analysis
    assert again.specifics == first.doc.all_specifics() and again.stems == first.stems
    # The features depend on the text alone (they are keyed by its digest): the same text met under another
    # id, as SheepDog's duplicated originals are, shares them.
    assert _member_of(Article(text=record["text"], id="another id")).light is first.light


def _statements(seed: int, n: int) -> list[str]:
    """Distinct sentences on one subject (a hearing), sharing its vocabulary: a long transcript's worth."""
    import random

    rng = random.Random(seed)
    who = ["the senator", "the governor", "the witness", "the chairman", "the mayor", "the auditor"]
    verbs = ["questioned", "defended", "criticised", "praised", "reviewed", "described"]
    things = ["the budget", "the tender", "the seawall", "the contract", "the audit", "the harbour plan"]
    tails = ["in the morning session", "before the committee", "during the hearing", "after the recess"]
    return [
        f"{rng.choice(who).capitalize()} {rng.choice(verbs)} {rng.choice(things)} {rng.choice(tails)}, "
        f"citing {rng.randint(2, 999)} {rng.choice(['pages', 'emails', 'invoices', 'letters'])} "
        f"from {rng.choice(['March', 'April', 'May', 'June'])} {rng.randint(2001, 2023)} (item {seed}-{k})."
        for k in range(n)
    ]


def _forecasts(seed: int, n: int) -> list[str]:
    """Distinct sentences of a long weather column: other words than ``_statements`` but its months."""
    import random

    rng = random.Random(seed)
    return [
        f"Rain {rng.choice(['showers', 'storms', 'drizzle'])} will {rng.choice(['sweep', 'linger', 'clear'])} over "
        f"the {rng.choice(['northern hills', 'coastal plain', 'river valley'])} by {rng.choice(['dawn', 'dusk'])}, "
        f"with {rng.randint(2, 90)} millimetres expected, as in {rng.choice(['March', 'April', 'May', 'June'])} "
        f"{rng.randint(2001, 2023)} (forecast {seed}-{k})."
        for k in range(n)
    ]


def _embedding_counter() -> tuple[Any, list[str]]:
    from storytrace.embed import get_embedder

    embedder = get_embedder()
    seen: list[str] = []

    def embed(texts: Any) -> Any:
        seen.extend(texts)
        return embedder.embed(texts)

    return embed, seen


def test_long_pair_with_little_in_common_is_judged_on_a_sample_of_its_sentences() -> None:
    """Two long texts with a few words in common: the probe shows embeddings cannot make a copy of them,
    so only a sample of the suspect's sentences is embedded, and the verdict is the full pass's."""
    from storytrace.article import Article
    from storytrace.comparison import compare_documents, with_paraphrases
    from storytrace.scan.judge import ScanSettings, _open_rows, _SentenceCache, _with_paraphrases
    from storytrace.settings import Settings
    from storytrace.text import analyse

    source = analyse(Article(text=" ".join(_statements(1, 150))))
    derived = analyse(Article(text=" ".join(_forecasts(2, 150))))
    settings = Settings(use_embeddings=False)
    lexical = compare_documents(source, derived, settings=settings, findings=False)
    scan_settings = ScanSettings()
    assert len(_open_rows(lexical)) > 2 * scan_settings.paraphrase_sample
    embed, seen = _embedding_counter()
    probed = _with_paraphrases(lexical, _SentenceCache(embed), Settings(), scan_settings)
    derived_seen = {t for t in seen if t in derived.text}
    assert 0 < len(derived_seen) <= scan_settings.paraphrase_sample
    full = with_paraphrases(lexical, _SentenceCache(None))
    assert probed.verdict.relation == full.verdict.relation
    assert probed.verdict.relation not in ("derived", "partially_derived")


def test_long_suspect_that_copies_part_of_the_original_gets_every_open_sentence_embedded() -> None:
    """A long suspect that copies 60 sentences of a long original and adds 100 of its own: the probe
    cannot rule out a copy, so the full pass runs and the result is exactly ``with_paraphrases``'s."""
    from storytrace.article import Article
    from storytrace.comparison import compare_documents, with_paraphrases
    from storytrace.scan.judge import ScanSettings, _open_rows, _SentenceCache, _with_paraphrases
    from storytrace.settings import Settings
    from storytrace.text import analyse

    original = _statements(3, 150)
    suspect = original[:60] + _forecasts(4, 100)
    source, derived = analyse(Article(text=" ".join(original))), analyse(Article(text=" ".join(suspect)))
    lexical = compare_documents(source, derived, settings=Settings(use_embeddings=False), findings=False)
    scan_settings = ScanSettings()
    assert len(_open_rows(lexical)) > 2 * scan_settings.paraphrase_sample
    embed, seen = _embedding_counter()
    result = _with_paraphrases(lexical, _SentenceCache(embed), Settings(), scan_settings)
    full = with_paraphrases(lexical, _SentenceCache(None))
    assert result.verdict.relation == full.verdict.relation == "partially_derived"
    assert [(lk.derived, lk.source, lk.kind) for lk in result.alignment.links] == [
        (lk.derived, lk.source, lk.kind) for lk in full.alignment.links
    ]
    assert len({t for t in seen if t in " ".join(suspect[60:])}) > scan_settings.paraphrase_sample


def test_probe_is_not_enough_when_a_trail_route_could_still_hold() -> None:
    """The probe keeps a non-copy verdict only when neither reuse nor the trail (by coverage or by reach)
    could reach a copy's threshold with every open sentence embedded."""
    from storytrace.article import Article
    from storytrace.comparison import compare_documents, with_paraphrases
    from storytrace.scan.judge import ScanSettings, _open_rows, _probe_suffices, _SentenceCache
    from storytrace.settings import Settings
    from storytrace.text import analyse

    source = analyse(Article(text=" ".join(_statements(1, 150))))
    derived = analyse(Article(text=" ".join(_forecasts(2, 150))))
    lexical = compare_documents(source, derived, settings=Settings(use_embeddings=False), findings=False)
    rows = set(_open_rows(lexical)[::4])
    probe = with_paraphrases(lexical, _SentenceCache(None), rows=rows)
    scan_settings = ScanSettings()
    assert _probe_suffices(lexical, probe, 4.0, Settings(), scan_settings)
    # A trail that asks for no coverage, reach or names holds whatever the links: the full pass must run.
    lax = Settings().with_(trail_coverage=0.0, trail_specifics=0, trail_specifics_share=0.0, trail_own_quotes=99)
    assert not _probe_suffices(lexical, probe, 4.0, lax, scan_settings)
    by_reach = lax.with_(trail_specifics=10**6, trail_reach_specifics=0, trail_reach_share=0.0)
    assert not _probe_suffices(lexical, probe, 4.0, by_reach, scan_settings)


def test_probe_is_not_enough_when_the_padded_retelling_route_could_still_hold() -> None:
    """The padded-retelling route needs two of the original's sentences restated: a sample that restates one
    of them, where the lexical pass restated none, stands for a full pass that may restate several, as its
    coverage gain is scaled up (``_probe_suffices`` took the sample's count as it was)."""
    from storytrace.article import Article
    from storytrace.audit import sources_linked
    from storytrace.comparison import compare_documents, with_paraphrases
    from storytrace.embed import get_embedder
    from storytrace.scan.judge import ScanSettings, _probe_suffices, _SentenceCache
    from storytrace.settings import Settings
    from storytrace.text import analyse

    source = analyse(
        Article(
            text="The Harlow city council approved a budget of 41 million on Monday. The vote was close. "
            "Residents were not consulted."
        )
    )
    restated = "Harlow's council passed its spending plan at the start of the week."
    derived = analyse(Article(text=restated + " " + " ".join(_forecasts(2, 100))))
    lexical = compare_documents(source, derived, settings=Settings(use_embeddings=False), findings=False)
    probe = with_paraphrases(lexical, _SentenceCache(get_embedder().embed), rows={0})
    assert (sources_linked(lexical.alignment), sources_linked(probe.alignment)) == (0, 1)
    # Only the padded-retelling route can make a copy under these settings.
    content_only = Settings().with_(trail_coverage=2.0, trail_specifics_share=0.0, trail_own_quotes=99)
    assert not _probe_suffices(lexical, probe, 4.0, content_only, ScanSettings())
    # Unscaled (the whole suspect sampled, no slack) the one sentence restated stays one: the route needs two.
    low_bar = content_only.with_(trail_content_coverage=0.1)
    assert _probe_suffices(lexical, probe, 1.0, low_bar, ScanSettings(paraphrase_sample_slack=1.0))
    # With the slack (1.5) one becomes two, and the same probe no longer rules the route out.
    assert not _probe_suffices(lexical, probe, 1.0, low_bar, ScanSettings())


def _ctrl_c_reaches_it() -> None:
    # A suite started in the background (`cmd &` in a script) inherits SIGINT ignored, and so would the
    # command under test: give it the default, as a terminal's foreground job has.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_a_short_rewrite_of_a_long_original_is_not_stopped_by_the_length_of_the_original() -> None:
    # The rare-word cosine of a short text and a text six times its length is low even when the short one
    # is made of the long one's facts: past ``fair_length_ratio`` the gates see a score with the length
    # taken out, so the pair is compared with embeddings instead of being left to the lexical alignment.
    from storytrace.article import Article
    from storytrace.scan.judge import ScanSettings, _length_fair, _member_of, judge_component

    original = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
    rewrite = (
        "Port Calloway will get a seawall costing $1.2 billion after a vote by state lawmakers. The legislation "
        "came from Harriet Okafor, a senator tired of flooded winters. Dating from 1962, the old barrier now "
        "sits 16 inches lower in spots. Bidding is likely to include Halvorsen Marine Works."
    )
    long, short = _member_of(Article(id="o", text=original)), _member_of(Article(id="r", text=rewrite))
    scan = ScanSettings()
    assert _length_fair(0.15, long, short, scan) >= scan.full_compare_score
    assert _length_fair(0.15, long, long, scan) == 0.15  # news-length pairs keep their score
    articles = {0: Article(id="o", text=original), 1: Article(id="r", text=rewrite)}
    judged = judge_component(articles, [(0, 1, 0.15, 0)])[0]
    assert judged.method == "embeddings"
    assert judged.relation in ("derived", "partially_derived")
    assert judged.candidate_score == 0.15  # the pair's record keeps the candidate score it had


def test_clusters_of_many_small_families_take_linear_time() -> None:
    """Each family's pairs are dealt out once: scanning every pair for each family was quadratic (6,000
    articles: 0.15 s of the parent's time after judging; 8,000 families here took 12 s)."""
    from storytrace.scan.families import ArticleMeta, clusters
    from storytrace.scan.judge import PairJudgement

    n = 8000
    judged: list[PairJudgement] = []
    meta: dict[int, ArticleMeta] = {}
    for k in range(n):
        original, copy, rewrite = 3 * k, 3 * k + 1, 3 * k + 2
        for pos, day in ((original, 1), (copy, 2), (rewrite, 3)):
            meta[pos] = ArticleMeta(pos, f"a{pos:05d}", f"outlet{pos % 7}", f"2024-01-0{day}", {})
        judged.append(PairJudgement(original, copy, "derived", "as_given", 1.0, 0.5, "lexical"))
        judged.append(PairJudgement(original, rewrite, "partially_derived", "as_given", 1.0, 0.3, "lexical"))
        if k % 2:
            judged.append(
                PairJudgement(copy, rewrite, "sibling", "unclear", 0.0, 0.3, "sibling_check", common_source=original)
            )
        else:
            judged.append(PairJudgement(copy, rewrite, "unrelated", "unclear", 0.0, 0.1, "gate"))
    t = time.process_time()
    out = clusters(judged, meta)
    took = time.process_time() - t
    assert len(out) == n
    assert {(c["original_id"], c["size"], c["derived"], c["siblings"]) for c in out[:2]} == {
        ("a00000", 3, 2, 0),
        ("a00003", 3, 2, 1),
    }
    assert sum(c["siblings"] for c in out) == n // 2
    assert took < 4.0, f"clusters took {took:.1f} CPU-s for {n} families"


def test_the_scan_parent_does_not_load_the_comparison_stack() -> None:
    # judge.py once imported align for one constant, and the scan's parent process loaded scipy with it:
    # +20 MB on every scan's peak (6k: 961 -> 995 MB against the 1 GB bound).
    code = "import sys, storytrace.cli, storytrace.scan.pipeline; print('scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
