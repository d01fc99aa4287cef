"""Nothing reaches the network: the guard works, and the analysis runs under it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEED, offline_env


def test_guard_blocks_and_records_outside_connections(tmp_path):
    log = tmp_path / "attempts.log"
    code = (
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
        "except ConnectionRefusedError as exc:\n"
        "    print('refused', type(exc).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=offline_env(log)
    )
    assert result.stdout.strip() == "refused OfflineViolation"
    assert "192.0.2.1" in log.read_text()


def test_analysis_runs_offline(cli, offline: Path):
    result = cli("analyze", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    assert offline.read_text() == ""


def test_no_nltk_download_in_code_or_chapters():
    sources = [*ROOT.joinpath("src").rglob("*.py"), *ROOT.joinpath("chapters").glob("*.md")]
    assert sources
    offenders = [str(p) for p in sources if "nltk.download" in p.read_text(encoding="utf-8")]
    assert offenders == []
