"""Time the book build: a cold build into an empty folder, then a rebuild with nothing changed.

Run with ``make bench`` (or ``.venv/bin/python bench/book.py``). Not a test: the figures
depend on the machine, so the README reports them with the machine they were measured on.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ("--warningiserror", "--nitpick", "--keep-going", "--quiet")
TARGETS = {"cold build": 60.0, "rebuild, nothing changed": 10.0}
"""Seconds each build should stay under on two cores (issue 7)."""


def build(out: Path) -> float:
    """Seconds one ``jupyter-book build`` of the repository into ``out`` takes."""
    jb = Path(sys.executable).with_name("jupyter-book")
    start = time.perf_counter()
    subprocess.run(
        [str(jb), "build", str(ROOT), "--path-output", str(out), *FLAGS],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        timings = {name: build(Path(tmp)) for name in TARGETS}
    print(f"{'book':<28}{'seconds':>9}{'target':>9}")
    for name, seconds in timings.items():
        print(f"{name:<28}{seconds:>9.1f}{TARGETS[name]:>9.0f}")


if __name__ == "__main__":
    main()
