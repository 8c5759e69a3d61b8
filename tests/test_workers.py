"""Process set-up of worker processes and the CLI."""

from __future__ import annotations

import subprocess
import sys

from storytrace.workers import GC_THRESHOLD


def _thresholds_after(code: str) -> list[int]:
    # A process of its own: the settings are process-wide (and worker_init keeps PyTorch out of it).
    script = f"{code}\nimport gc\nprint(*gc.get_threshold())"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return [int(x) for x in out.stdout.split()[-3:]]


def test_workers_and_the_cli_collect_cycles_less_often() -> None:
    default = _thresholds_after("pass")
    assert default[0] < GC_THRESHOLD
    worker = _thresholds_after("from storytrace.workers import worker_init\nworker_init(0, quiet=False)")
    assert worker == [GC_THRESHOLD, *default[1:]]
    # A run of the CLI sets it while it runs (here a compare that fails on a missing file), and gives the
    # process its own back; importing the library changes nothing.
    assert _thresholds_after("import storytrace.cli") == default
    during = (
        "import gc, storytrace.cli as cli\n"
        "def fail(*a):\n    print(*gc.get_threshold())\n    raise SystemExit(0)\n"
        "cli._fail = fail\n"
        "cli.main(['compare', 'no-such-a.txt', 'no-such-b.txt'])"
    )
    assert _thresholds_after(during) == [GC_THRESHOLD, *default[1:]]
    after = "from storytrace.cli import main\nmain(['compare', 'no-such-a.txt', 'no-such-b.txt'])"
    assert _thresholds_after(after) == default
