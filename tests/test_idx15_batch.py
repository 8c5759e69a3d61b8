"""`index add` writes in transactions of ``store.BATCH_SIZE`` articles unless told otherwise: the CLI's
default is the library's, so both get the measured batch size."""

from __future__ import annotations

from storytrace.cli import build_parser
from storytrace.index.store import BATCH_SIZE


def test_the_cli_batch_default_is_the_index_batch_size() -> None:
    args = build_parser().parse_args(["index", "add", "--db", "x.db", "in.jsonl"])
    assert args.batch == BATCH_SIZE == 4096
