"""JSON Lines whose lines end in CR alone (an old Mac export): read line by line in linear time (rev23old item 8:
the first line's remainder was re-sliced at every line, quadratic in the file's lines)."""

from __future__ import annotations

import json
import resource
from pathlib import Path

from storytrace.corpus import read_json_lines

RECORD = json.dumps({"id": "x", "text": "The harbour board approved the plan on Tuesday."})


def _write(path: Path, end: bytes, n: int) -> Path:
    path.write_bytes(end.join(RECORD.encode() for _ in range(n)) + end)
    return path


def _cpu_read(path: Path) -> tuple[int, float]:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    count = sum(1 for line in read_json_lines(str(path)) if line.value is not None)
    return count, resource.getrusage(resource.RUSAGE_SELF).ru_utime - before


def test_cr_lines_read_as_the_same_records_as_lf(tmp_path: Path) -> None:
    cr = [line.value for line in read_json_lines(str(_write(tmp_path / "cr.jsonl", b"\r", 50)))]
    lf = [line.value for line in read_json_lines(str(_write(tmp_path / "lf.jsonl", b"\n", 50)))]
    assert cr == lf and len(cr) == 50


def test_cr_lines_cost_about_what_lf_lines_cost(tmp_path: Path) -> None:
    n = 60_000
    cr_count, cr_cpu = _cpu_read(_write(tmp_path / "cr.jsonl", b"\r", n))
    lf_count, lf_cpu = _cpu_read(_write(tmp_path / "lf.jsonl", b"\n", n))
    assert cr_count == lf_count == n
    # Quadratic re-slicing took ~20x the LF time at 60k lines; linear reading is within a small factor of it.
    assert cr_cpu < 5 * max(lf_cpu, 0.05)
