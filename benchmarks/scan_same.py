"""Do two scan outputs hold the same result? (the local and the Spark engine on one corpus, say)

    storytrace scan CORPUS --out A
    storytrace scan CORPUS --out B --engine spark --master 'local[2]'
    python benchmarks/scan_same.py A B [--bytes]

Prints whether ``pairs.jsonl`` holds the same pairs (source, derived), how many of them differ in relation
or findings, the largest difference of any score, and whether ``clusters.jsonl`` and ``outlets.csv`` are
byte-identical. Exit status 0 when all agree (scores within 1e-6), 1 otherwise. ``--bytes`` (two builds of
the local engine, say a speed change against main): ``pairs.jsonl`` must be byte-identical too (it holds no
timing field; the stage times are in ``summary.json``, which is not compared).
"""

from __future__ import annotations

import filecmp
import json
import sys
from pathlib import Path
from typing import Any


def _pairs(out: Path) -> dict[tuple[str, str], dict[str, Any]]:
    with (out / "pairs.jsonl").open(encoding="utf-8") as fh:
        return {(p["source_id"], p["derived_id"]): p for p in map(json.loads, fh)}


def main(argv: list[str]) -> int:
    exact = "--bytes" in argv
    argv = [a for a in argv if a != "--bytes"]
    if len(argv) != 2:
        print("usage: " + __doc__.strip().splitlines()[4].strip(), file=sys.stderr)
        return 2
    a_dir, b_dir = Path(argv[0]), Path(argv[1])
    a, b = _pairs(a_dir), _pairs(b_dir)
    same_set = set(a) == set(b)
    print(f"pairs: {len(a)} and {len(b)}; same set: {same_set}")
    other = 0
    largest = 0.0
    for key in set(a) & set(b):
        x, y = a[key], b[key]
        if x["relation"] != y["relation"] or x.get("findings") != y.get("findings"):
            other += 1
        for name, value in x["scores"].items():
            theirs = y["scores"].get(name)
            if value is not None and theirs is not None:
                largest = max(largest, abs(value - theirs))
    print(f"pairs with another relation or findings: {other}; largest score difference: {largest:g}")
    files_same = True
    for name in ("pairs.jsonl", "clusters.jsonl", "outlets.csv") if exact else ("clusters.jsonl", "outlets.csv"):
        same = filecmp.cmp(a_dir / name, b_dir / name, shallow=False)
        files_same = files_same and same
        print(f"{name}: {'identical' if same else 'DIFFERENT'}")
    return 0 if same_set and not other and largest <= 1e-6 and files_same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
