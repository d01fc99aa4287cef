"""Loaders for the rule files shipped in ``analysis/rules`` (rules are data, not code)."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


def _rule_text(name: str) -> str:
    return resources.files("analysis").joinpath("rules").joinpath(name).read_text(encoding="utf-8")


@cache
def rule_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a TXT rule file, stripped."""
    lines = (line.split("#", 1)[0].strip() for line in _rule_text(name).splitlines())
    return tuple(line for line in lines if line)


@cache
def rule_rows(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV rule file as dicts keyed by its header."""
    return tuple(csv.DictReader(_rule_text(name).splitlines()))
