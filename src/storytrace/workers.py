"""Worker processes, the same way for every pool: spawned (a fork could inherit the thread pools of
onnxruntime and deadlock), quiet on Ctrl-C, without PyTorch. A spawned worker starts by importing the
parent's main script again, so ``can_spawn`` says when that is possible at all."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
from typing import Any


def can_spawn() -> bool:
    """False when spawned workers could not start: the main script has a name but no file to import
    (``python - < script.py``); they would die at start, over and over. Callers then work in-process."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or os.path.exists(path)


def spawn_pool(workers: int, *, embed_threads: int = 0) -> Any:
    """A pool of ``workers`` spawned processes set up by ``worker_init`` (use it as a context manager)."""
    return mp.get_context("spawn").Pool(workers, initializer=worker_init, initargs=(embed_threads, True))


def worker_init(embed_threads: int = 0, quiet: bool = True) -> None:
    """Set up a worker process. ``embed_threads`` > 0: sentence embeddings use that many threads (the
    workers share the cores; more threads only add memory). ``quiet``: ignore Ctrl-C, which reaches the
    whole process group; the parent stops the pool, and a worker must not print a traceback."""
    if embed_threads > 0:
        os.environ["STORYTRACE_EMBED_THREADS"] = str(embed_threads)
    if quiet:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    # thinc (under spaCy) imports PyTorch whenever it is installed, ~300 MB per worker that the CPU NER
    # model never uses (it runs on thinc's numpy ops).
    if "torch" not in sys.modules:
        sys.modules["torch"] = None  # type: ignore[assignment]
