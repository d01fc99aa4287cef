"""Command line: ``python -m analysis analyze FILE [--json]`` and ``python -m analysis clean``."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from analysis.article import ArticleError, load_article, to_front_matter
from analysis.report import Report, analyze


def _summary(report: Report) -> str:
    article = report.article
    published = article.published.isoformat() if article.published else "unknown"
    lines = [
        article.title,
        f"  outlet:     {article.outlet or 'unknown'}",
        f"  published:  {published}",
        f"  paragraphs: {len(article.paragraphs)}",
        f"  sentences:  {len(article.sentences)}",
        f"  words:      {len(article.words)}",
        f"  removed as page chrome ({len(article.removed)} lines):",
        *(f"    line {r.line}: {r.text!r} [{r.rule}]" for r in article.removed),
    ]
    return "\n".join(lines)


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that the file is either complete or untouched."""
    fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    analyze_cmd = commands.add_parser("analyze", help="analyse one article file")
    analyze_cmd.add_argument("file", type=Path)
    analyze_cmd.add_argument("--json", action="store_true", help="print the full JSON result")
    clean_cmd = commands.add_parser("clean", help="write the cleaned form (front matter + body)")
    clean_cmd.add_argument("file", type=Path)
    clean_cmd.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "analyze":
            report = analyze(args.file)
            out = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json else None
            print(out or _summary(report))
        else:
            cleaned = to_front_matter(load_article(args.file))
            if args.output:
                _write_atomically(args.output, cleaned)
            else:
                sys.stdout.write(cleaned)
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return 2
    return 0
