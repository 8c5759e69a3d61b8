"""A scan's working files: named stages that can stop and resume (like passim's ``--to-pairs``).

``DIR/stages/`` holds, in order of the stages that write them:

- ``articles.sqlite``  every article read, by corpus position (``pos``), with its metadata; bad
  records are listed in ``DIR/errors.txt``. Workers read their family's articles from here, so no
  process ever holds the whole corpus in memory.
- ``candidates.jsonl`` candidate pairs ``{"a", "b", "score", "family"}`` (positions; family = the
  smallest position in the pair's connected component). Written to a temporary name, then renamed.
- ``judged.jsonl``     one line per judged family, appended as families finish: an interrupted run
  resumes with the families that have no line yet. A torn last line is ignored.
- ``skipped.json``     how many input records the articles stage skipped (those in ``DIR/errors.txt``).
- ``manifest.json``    what the run was asked (inputs, settings) and which stages are complete; a
  resumed run must ask the same (but for the filters of what is reported, ``--max-lag`` and ``--cross-outlet``).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from storytrace.article import Article
from storytrace.errors import InputError

MANIFEST_SCHEMA = "storytrace.scan-stages/1"
STAGES = ("articles", "candidates", "pairs", "outputs")
#: What wrote a stage directory, kept in its manifest: raised when what the stages hold, or how a run reads them,
#: changes (2: skipped.json kept, pairs oriented order-free), so a resumed run can say its stages are older.
#: A manifest without it was written before it was kept.
STAGES_VERSION = 2
#: The end of an errors.txt line for a pair not judged (pipeline), not a skipped record.
TOO_LONG_LINE = ": too long to compare sentence by sentence, not judged"


def article_to_row(article: Article) -> str:
    return json.dumps(asdict(article), ensure_ascii=False, sort_keys=True, default=str)


def article_from_row(data: str) -> Article:
    return Article(**json.loads(data))


class StageDir:
    def __init__(self, out: str | Path) -> None:
        self.out = Path(out)
        self.dir = self.out / "stages"
        self.articles_path = self.dir / "articles.sqlite"
        self.candidates_path = self.dir / "candidates.jsonl"
        self.judged_path = self.dir / "judged.jsonl"
        self.manifest_path = self.dir / "manifest.json"
        self.skipped_path = self.dir / "skipped.json"
        #: ``STAGES_VERSION`` of the storytrace that began the directory; None when it kept none (older)
        self.written_by: int | None = STAGES_VERSION

    # -- manifest -------------------------------------------------------------------------------------

    def start(self, request: dict[str, Any], *, resume: bool) -> set[str]:
        """Prepare the directory; gives the stages already complete (empty unless resuming)."""
        if self.out.exists() and not self.out.is_dir():
            raise InputError(f"--out {self.out}: exists and is not a directory")
        if self.manifest_path.exists():
            try:
                manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                raise InputError(f"{self.manifest_path}: unreadable scan manifest ({err})") from None
            if not resume:
                raise InputError(
                    f"--out {self.out}: already holds a scan; add --resume to continue it, or choose another --out"
                )
            if manifest.get("schema") != MANIFEST_SCHEMA or not _same_request(manifest.get("request"), request):
                raise InputError(
                    f"--out {self.out}: holds a scan of other inputs or settings; --resume needs the same command"
                )
            version = manifest.get("version")
            self.written_by = version if isinstance(version, int) else None
            return set(manifest.get("done", []))
        if resume and self.out.exists() and any(self.out.iterdir()):
            raise InputError(f"--out {self.out}: nothing to resume (no stages/manifest.json)")
        self.dir.mkdir(parents=True, exist_ok=True)
        self._write_manifest(request, set())
        return set()

    def complete(self, stage: str) -> None:
        manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        done = set(manifest.get("done", [])) | {stage}
        self._write_manifest(manifest["request"], done, manifest.get("version"))

    def _write_manifest(self, request: dict[str, Any], done: set[str], version: int | None = STAGES_VERSION) -> None:
        # the version of what wrote the stages, kept as it was when a newer storytrace resumes them
        data = {
            "schema": MANIFEST_SCHEMA,
            "version": version,
            "request": request,
            "done": [s for s in STAGES if s in done],
        }
        write_atomic(self.manifest_path, json.dumps(data, indent=2, sort_keys=True) + "\n")

    # -- articles -------------------------------------------------------------------------------------

    def write_articles(self, articles: Iterable[Article]) -> int:
        tmp = self.articles_path.with_suffix(".sqlite.tmp")
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        try:
            db.execute("CREATE TABLE articles (pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL)")
            n = 0
            batch: list[tuple[int, str, str]] = []
            for article in articles:
                batch.append((n, str(article.id), article_to_row(article)))
                n += 1
                if len(batch) >= 1000:
                    db.executemany("INSERT INTO articles VALUES (?, ?, ?)", batch)
                    batch.clear()
            db.executemany("INSERT INTO articles VALUES (?, ?, ?)", batch)
            db.commit()
        finally:
            db.close()
        os.replace(tmp, self.articles_path)
        return n

    def write_skipped(self, bad_records: int) -> None:
        """How many input records the articles stage skipped (listed in ``DIR/errors.txt``), for a resumed run to
        report and exit on as the first run did."""
        write_atomic(self.skipped_path, json.dumps({"bad_records": bad_records}) + "\n")

    def read_skipped(self) -> int:
        """``write_skipped``'s count. A scan written before it was kept has only ``errors.txt``: its lines but the
        pairs too long to judge (``TOO_LONG_LINE``) are the skipped records."""
        try:
            return int(json.loads(self.skipped_path.read_text(encoding="utf-8"))["bad_records"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        try:
            lines = (self.out / "errors.txt").read_text(encoding="utf-8").splitlines()
        except (OSError, ValueError):
            return 0
        return sum(1 for line in lines if line.strip() and not line.endswith(TOO_LONG_LINE))

    def count(self) -> int:
        with self._articles_db() as db:
            return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def iter_articles(self) -> Iterator[tuple[int, Article]]:
        db = self._articles_db()
        try:
            for pos, data in db.execute("SELECT pos, data FROM articles ORDER BY pos"):
                yield int(pos), article_from_row(data)
        finally:
            db.close()

    def get_articles(self, positions: Iterable[int]) -> dict[int, Article]:
        wanted = sorted(set(positions))
        out: dict[int, Article] = {}
        db = self._articles_db()
        try:
            for k in range(0, len(wanted), 500):
                chunk = wanted[k : k + 500]
                marks = ",".join("?" * len(chunk))
                for pos, data in db.execute(f"SELECT pos, data FROM articles WHERE pos IN ({marks})", chunk):
                    out[int(pos)] = article_from_row(data)
        finally:
            db.close()
        return out

    def long_articles(self, min_chars: int) -> set[int]:
        """Positions of the articles whose text has at least ``min_chars`` characters. A stored row is never
        shorter than its text, so only the rows at least that long are read."""
        db = self._articles_db()
        try:
            rows = db.execute("SELECT pos, data FROM articles WHERE length(data) >= ?", (min_chars,))
            return {int(pos) for pos, data in rows if len(article_from_row(data).text) >= min_chars}
        finally:
            db.close()

    def _articles_db(self) -> sqlite3.Connection:
        if not self.articles_path.exists():
            raise InputError(f"{self.articles_path}: missing (the articles stage did not complete)")
        # A URI, percent-encoded: pasted in as it is, a "#", "?" or "%" in the --out path cut it short or
        # changed it ("scan#2/" opened "scan", which has no articles table).
        return sqlite3.connect(self.articles_path.resolve().as_uri() + "?mode=ro", uri=True)

    # -- candidates -----------------------------------------------------------------------------------

    def write_candidates(self, rows: Iterable[dict[str, Any]]) -> None:
        write_atomic(self.candidates_path, "".join(json.dumps(r, sort_keys=True) + "\n" for r in rows))

    def read_candidates(self) -> list[dict[str, Any]]:
        with self.candidates_path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]

    # -- judged families ------------------------------------------------------------------------------

    def judged_families(self) -> dict[int, list[dict[str, Any]]]:
        """Families already judged (a torn last line, from an interruption, is dropped)."""
        done: dict[int, list[dict[str, Any]]] = {}
        if not self.judged_path.exists():
            return done
        good = 0
        with self.judged_path.open("rb") as fh:
            for raw in fh:
                if not raw.endswith(b"\n"):
                    break
                try:
                    item = json.loads(raw)
                except ValueError:
                    break
                done[int(item["family"])] = item["pairs"]
                good += len(raw)
        with self.judged_path.open("r+b") as fh:
            fh.truncate(good)
        return done

    def append_judged(self, family: int, pairs: list[dict[str, Any]], fh: Any) -> None:
        fh.write(json.dumps({"family": family, "pairs": pairs}, sort_keys=True) + "\n")
        fh.flush()


def _same_request(stored: Any, request: dict[str, Any]) -> bool:
    """True when a manifest's request asks what ``request`` does. A scan written before the report-only
    filters (``max_lag_hours``, ``cross_outlet``) left the request recorded them too: filter keys the request
    no longer holds are not compared, so such a scan can still be resumed."""
    if not isinstance(stored, dict) or not isinstance(stored.get("filters"), dict):
        return stored == request
    filters = {k: v for k, v in stored["filters"].items() if k in request.get("filters", {})}
    return {**stored, "filters": filters} == request


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
