"""Worker processes, the same way for every pool: spawned (a fork could inherit the thread pools of
onnxruntime and deadlock), quiet on Ctrl-C and the other stop signals, without PyTorch. A spawned worker
starts by importing the parent's main script again, so ``can_spawn`` says when that is possible at all."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import signal
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import wait
from typing import Any


def can_spawn() -> bool:
    """False when spawned workers could not start: the main script has a name but no file to import
    (``python - < script.py``); they would die at start, over and over. Callers then work in-process."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or os.path.exists(path)


#: The thread pools of the BLAS under numpy (OpenBLAS here), of OpenMP and of MKL read these when they
#: load, that is when the worker imports numpy: before ``worker_init`` runs.
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def blas_threads(workers: int) -> int:
    """Threads each of ``workers`` processes on this machine may give its BLAS: its share of the cores.
    (OpenBLAS otherwise starts one thread per core in every process, and on the scan's many small matrix
    products the spinning threads of two workers took ~40% of the CPU: 6,000 articles 141 -> 83 s.)"""
    return max(1, (os.cpu_count() or 1) // max(1, workers))


def spawn_pool(
    workers: int, *, embed_threads: int = 0, prepare: Callable[..., None] | None = None, args: tuple[Any, ...] = ()
) -> Any:
    """A pool of ``workers`` spawned processes set up by ``worker_init`` (use it as a context manager);
    each process's BLAS gets its share of the cores (``blas_threads``). ``prepare(*args)`` (a module-level
    function: it is pickled by name) then runs in each process before its first task."""
    _start_resource_tracker()
    saved = {name: os.environ.get(name) for name in BLAS_THREAD_VARIABLES}
    # The workers inherit the environment when they start, which is here; the parent's numpy is loaded.
    os.environ.update(dict.fromkeys(BLAS_THREAD_VARIABLES, str(blas_threads(workers))))
    try:
        return _WorkerContext().Pool(workers, initializer=worker_init, initargs=(embed_threads, True, prepare, args))
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class _WorkerProcess(mp.context.SpawnProcess):
    """A pool's spawned worker, ended with SIGKILL: it ignores the stop signals (``worker_init``), and
    ``Pool.terminate`` ends its workers with ``Process.terminate`` only once it holds the lock of the task queue,
    so that no worker it ends can hold it."""

    def terminate(self) -> None:
        self.kill()


class _WorkerContext(mp.context.SpawnContext):
    """The spawn context, with workers that :class:`_WorkerProcess` ends."""

    Process = _WorkerProcess


#: The signals that reach a pool's workers with their parent when they are sent to the whole process group: Ctrl-C,
#: a closed terminal, `systemctl stop` (KillMode=control-group) or a scheduler's time limit. The parent stops the pool.
_GROUP_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker, which a pool's locks register with, deaf to SIGHUP.

    It ignores SIGINT and SIGTERM but not SIGHUP, and a closed terminal sends SIGHUP to the whole process group:
    the tracker died while `storytrace` was stopping its pool, and the pool's locks, freed then, started a new
    one that printed a traceback for each of them (``benchmarks/stop_signals.py --to group``, bench27). The
    standard library keeps SIGINT and SIGTERM from it by blocking them while it starts (a child inherits the
    mask) and the tracker unblocks just those two, so a SIGHUP blocked the same way stays blocked in it. This
    process gets a SIGHUP sent meanwhile as soon as the mask is restored. A tracker already running is kept."""
    if not hasattr(signal, "SIGHUP") or not hasattr(signal, "pthread_sigmask"):
        return  # Windows: no SIGHUP, no such tracker
    from multiprocessing import resource_tracker

    saved = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP})
    try:
        resource_tracker.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, saved)


def worker_init(
    embed_threads: int = 0, quiet: bool = True, prepare: Callable[..., None] | None = None, args: tuple[Any, ...] = ()
) -> None:
    """Set up a worker process. ``embed_threads`` > 0: sentence embeddings use that many threads (the
    workers share the cores; more threads only add memory). ``quiet``: ignore Ctrl-C, SIGTERM and SIGHUP
    (``_GROUP_STOP_SIGNALS``), which may reach the whole process group; the parent stops the pool, and a
    worker must not print a traceback. A worker that died of SIGTERM at once could hold the pool's task-queue
    lock, and the parent's ``Pool.terminate`` then waited on it for good (review rev27b: 3 of 7 scans
    stopped by `systemctl stop` hung); the parent ends its workers with SIGKILL (``_WorkerProcess``)."""
    if quiet:
        for signum in _GROUP_STOP_SIGNALS:
            signal.signal(signum, signal.SIG_IGN)
    exit_with_parent()
    if embed_threads > 0:
        os.environ["STORYTRACE_EMBED_THREADS"] = str(embed_threads)
    collect_less_often()
    # thinc (under spaCy) imports PyTorch whenever it is installed, ~300 MB per worker that the CPU NER
    # model never uses (it runs on thinc's numpy ops).
    if "torch" not in sys.modules:
        sys.modules["torch"] = None  # type: ignore[assignment]
    if prepare is not None:
        prepare(*args)
        # What the models, modules and vocabularies just loaded are made of lives as long as the process, and
        # every full collection walked it again (~250,000 objects in a scan worker): frozen, the collector
        # skips them. A 6k scan's worker spent 1.0 -> 0.6 CPU-s of 23 in the collector on 10 families, the
        # same judgements (benchmarks/RESULTS.md, scan, session 22). Collected first, so no garbage of the
        # loading is kept for good.
        gc.collect()
        gc.freeze()


def exit_with_parent() -> None:
    """In a process started by multiprocessing: end it as soon as its parent is gone.

    A parent killed outright (SIGKILL, or SIGTERM before it could stop its pool) stops nobody: a pool's
    workers would judge their task to the end, minutes for a large family, and wait for work for good,
    re-parented to init. The parent holds the write end of a pipe whose read end (the parent's sentinel)
    each spawned process keeps; it reads as closed when the parent exits, on any platform, so a thread
    blocked on it costs nothing until then. A process not started by multiprocessing (a Spark executor's
    Python worker) has no such parent and is left alone."""
    parent = mp.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch(sentinel: int) -> None:
        wait([sentinel])
        # No cleanup, no traceback: whatever this process was computing has no one left to take it.
        os._exit(1)

    threading.Thread(target=watch, args=(parent.sentinel,), name="storytrace-parent-watch", daemon=True).start()


#: Objects allocated (net) between two youngest-generation collections; Python's default is 700.
GC_THRESHOLD = 50_000


def collect_less_often() -> tuple[int, int, int]:
    """Run the cycle collector less often in a process that analyses many articles.

    Analysis makes millions of long-lived container objects (a ``text.Token`` is a named tuple, which the
    collector never untracks) and each full collection walks all of them: with the default threshold a 6k
    scan's judging spent ~21% of its CPU there, at 50,000 ~4%, with the same output and peak memory within
    1% (benchmarks/scan_profile.py --gc-threshold; benchmarks/RESULTS.md, scan, session 7). A process-wide
    setting: worker processes and CLI runs call this, the library never does on its own. Returns the
    thresholds it replaced.
    """
    before = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *before[1:])
    return before
