"""Compose the stages into one :class:`Report`; the CLI and the book chapters both call
:func:`analyze`, so they cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.article import Article, load_article


@dataclass(frozen=True)
class Report:
    """Every measure of one article, stage by stage."""

    article: Article

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of ``python -m analysis analyze FILE --json`` (see DESIGN.md)."""
        return {"article": article_dict(self.article)}


def article_dict(article: Article) -> dict[str, Any]:
    """The ``article`` part of the JSON contract."""
    return {
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "language": article.language,
        "byline": article.byline,
        "body": article.body,
        "paragraphs": list(article.paragraph_texts),
        "sentences": [
            {"start": s.span.start, "end": s.span.end, "paragraph": s.paragraph}
            for s in article.sentences
        ],
        "removed": [r.text for r in article.removed],
        "removed_detail": [
            {"line": r.line, "text": r.text, "rule": r.rule} for r in article.removed
        ],
        "n_paragraphs": len(article.paragraphs),
        "n_sentences": len(article.sentences),
        "n_words": len(article.words),
    }


def analyze(source: str | Path | Article) -> Report:
    """Run every stage on an article file (a path) or an already loaded :class:`Article`."""
    article = source if isinstance(source, Article) else load_article(source)
    return Report(article=article)
