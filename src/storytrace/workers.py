"""When worker processes can be used: the pools here are spawned (a fork could inherit the thread pools of
onnxruntime and deadlock), and a spawned worker starts by importing the parent's main script again."""

from __future__ import annotations

import os
import sys


def can_spawn() -> bool:
    """False when spawned workers could not start: the main script has a name but no file to import
    (``python - < script.py``); they would die at start, over and over. Callers then work in-process."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or os.path.exists(path)
