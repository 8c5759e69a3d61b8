"""Scan workers freeze what their models are made of once loaded (``workers.worker_init``), so the cycle
collector stops walking it; a pool that loads nothing ahead freezes nothing."""

from __future__ import annotations

import gc
import os

from storytrace.workers import spawn_pool


def test_worker_that_prepares_freezes_what_it_loaded() -> None:
    with spawn_pool(1, prepare=os.getpid) as pool:
        frozen = pool.apply(gc.get_freeze_count)
    # the interpreter, numpy and storytrace's modules at least: far more than a handful of objects
    assert frozen > 10_000


def test_worker_without_prepare_freezes_nothing() -> None:
    with spawn_pool(1) as pool:
        assert pool.apply(gc.get_freeze_count) == 0
