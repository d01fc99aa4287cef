"""Compose the stages into one :class:`Report`; the CLI and the book chapters both call
:func:`analyze`, so they cannot disagree."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from analysis.article import Article, load_article
from analysis.diversity import Diversity, assess, read_stances
from analysis.framing import Framing, analyze_framing
from analysis.quotes import Quote, extract
from analysis.sentiment import Sentiment, score
from analysis.sources import Source, apply_codebook, describe, read_codebook


@dataclass(frozen=True)
class Report:
    """Every measure of one article, stage by stage."""

    article: Article
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...]
    diversity: Diversity
    sentiment: Sentiment
    framing: Framing

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of ``python -m analysis analyze FILE --json`` (see DESIGN.md)."""
        return {
            "article": article_dict(self.article),
            "quotes": [asdict(q) for q in self.quotes],
            "sources": [asdict(s) for s in self.sources],
            "diversity": self.diversity.to_dict(),
            "sentiment": asdict(self.sentiment),
            "framing": asdict(self.framing),
        }


def article_dict(article: Article) -> dict[str, Any]:
    """The ``article`` part of the JSON contract."""
    return {
        **article.metadata(),
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


def analyze(
    source: str | Path | Article,
    codebook: str | Path | None = None,
    stances: str | Path | None = None,
) -> Report:
    """Run every stage on an article file (a path) or an already loaded :class:`Article`;
    a hand-coded ``codebook`` CSV, when given, overrides source attributes (see sources), and
    a hand-coded ``stances`` CSV gives each source's viewpoint (see diversity)."""
    article = source if isinstance(source, Article) else load_article(source)
    quotes = extract(article)
    sources = describe(article, quotes)
    if codebook is not None:
        sources = apply_codebook(sources, read_codebook(Path(codebook)))
    coding = read_stances(Path(stances)) if stances is not None else None
    sentiment = score(article, quotes, sources)
    tones = {group.group: group.mean for group in sentiment.sources}
    return Report(
        article=article,
        quotes=quotes,
        sources=sources,
        diversity=assess(article, quotes, sources, coding, tones=tones),
        sentiment=sentiment,
        framing=analyze_framing(article, quotes, sources),
    )
