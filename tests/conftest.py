"""Shared fixtures: the offline guard, the seed article, and one book build per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import netguard
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "chinaplus_2018-06-11_sco-cultural-exchanges.txt"
OFFLINE = ROOT / "tests" / "offline"
BUILD_FLAGS = ("--warningiserror", "--nitpick", "--keep-going")


@pytest.fixture(scope="session", autouse=True)
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every test runs with non-loopback connections refused; the attempts log must stay empty."""
    log = tmp_path_factory.mktemp("netguard") / "attempts.log"
    log.touch()
    os.environ[netguard.LOG_ENV] = str(log)
    netguard.install()
    yield log
    assert log.read_text() == "", f"tests tried to reach the network:\n{log.read_text()}"


def long_article(folder: Path, copies: int) -> Path:
    """An article file whose body is the seed's body ``copies`` times, for tests of scale."""
    body = SEED.read_text(encoding="utf-8").split("\n\n", 2)[2]
    path = folder / f"long_{copies}.txt"
    path.write_text("Headline\n\n" + "\n\n".join([body] * copies), encoding="utf-8")
    return path


def offline_env(log: Path) -> dict[str, str]:
    """Environment for a child process that installs the network guard at start-up."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(OFFLINE), env.get("PYTHONPATH")]))
    env[netguard.LOG_ENV] = str(log)
    return env


@pytest.fixture
def cli(offline: Path):
    """Run ``python -m analysis ARGS`` in a child process under the network guard."""

    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "analysis", *args],
            capture_output=True,
            text=True,
            env={**offline_env(offline), **(env or {})},
            cwd=ROOT,
            timeout=300,
        )

    return run


def build_book(out: Path, log: Path) -> Path:
    """Build the book into ``out``, offline, with warnings as errors; returns the HTML folder."""
    jb = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jb), "build", str(ROOT), "--path-output", str(out), *BUILD_FLAGS],
        capture_output=True,
        text=True,
        env=offline_env(log),
        timeout=900,
    )
    assert result.returncode == 0, f"book build failed:\n{result.stdout[-6000:]}\n{result.stderr}"
    return out / "_build" / "html"


@pytest.fixture(scope="session")
def built_book(offline: Path) -> Path:
    """The book, built from scratch once per test session into the project's ``_build``, where
    the browser test leaves its screenshots for a reviewer."""
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    return build_book(ROOT, offline)
