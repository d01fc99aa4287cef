"""Command line: ``analyze FILE [--json]``, ``clean FILE``, ``evaluate FOLDER...``."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from analysis.article import ArticleError, load_article, to_front_matter
from analysis.evaluate import Scores, evaluate
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
        f"  quotes ({len(report.quotes)}):",
        *(
            f"    {q.id} ¶{q.paragraph + 1} {q.kind:8} {q.speaker} ({q.cue}): {q.text[:60]}"
            for q in report.quotes
        ),
        f"  sources ({len(report.sources)}):",
        *(
            f"    {s.name}: {s.role or '-'}, {s.organization or '-'}, {s.country}, {s.type}, "
            f"{s.gender}{' (inferred)' if s.gender_inferred else ''}; "
            f"{s.n_quotes} quotes, {s.n_words} words"
            for s in report.sources
        ),
    ]
    return "\n".join(lines)


def _scores(scores: Scores) -> str:
    lines = [f"{key:20} {value}" for key, value in scores.to_dict().items()]
    lines += ["missed or misattributed:"] + [
        f"  {m.article} ¶{m.gold.paragraph + 1} {m.gold.kind}: {m.gold.speaker!r} -> "
        f"{m.predicted.speaker if m.predicted else 'not found'!r}: {m.gold.text[:50]!r}"
        for m in scores.errors
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
    analyze_cmd.add_argument(
        "--codebook", type=Path, help="hand-coded source attributes that override the rules"
    )
    analyze_cmd.add_argument(
        "--stances", type=Path, help="hand-coded stance of each source (name,stance,justification)"
    )
    clean_cmd = commands.add_parser("clean", help="write the cleaned form (front matter + body)")
    clean_cmd.add_argument("file", type=Path)
    clean_cmd.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    eval_cmd = commands.add_parser(
        "evaluate", help="score quote extraction against *.quotes.csv annotations"
    )
    eval_cmd.add_argument("folders", type=Path, nargs="+")
    eval_cmd.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "analyze":
            report = analyze(args.file, args.codebook, args.stances)
            out = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json else None
            print(out or _summary(report))
        elif args.command == "evaluate":
            scores = evaluate(args.folders)
            print(json.dumps(scores.to_dict(), indent=2) if args.json else _scores(scores))
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
