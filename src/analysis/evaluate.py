"""Score the quote extractor against hand annotations, the way quote-attribution studies do.

Direct quotes are scored token by token (precision, recall and F1 of the body's word tokens
inside direct quotes, micro-averaged over articles, as in Asr et al. 2021 for the
GenderGapTracker); a hand-coded quote counts as found when a predicted quote covers at least
half of its tokens, and speaker accuracy is the share of found quotes whose predicted speaker
is the annotated one. Indirect and unnamed quotes are scored by recall.

Annotations are ``<stem>.quotes.csv`` (paragraph, kind, speaker, cue, text) beside or near the
article ``<stem>.txt``; see ``data/annotations`` and ``tests/fixtures``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.article import Article, ArticleError, load_article
from analysis.quotes import Quote, extract
from analysis.sources import CODED_ATTRIBUTES, describe

MATCH_SHARE = 0.5
"""A hand-coded quote is found when a predicted quote covers this share of its tokens."""


@dataclass(frozen=True)
class GoldQuote:
    """One hand-coded quote."""

    paragraph: int
    kind: str
    speaker: str
    cue: str
    text: str


@dataclass(frozen=True)
class QuoteMatch:
    """A hand-coded quote and the predicted quote that covers it best (None when missed)."""

    article: str
    gold: GoldQuote
    predicted: Quote | None

    @property
    def speaker_correct(self) -> bool:
        return self.predicted is not None and same_speaker(
            self.predicted.speaker, self.gold.speaker
        )


@dataclass(frozen=True)
class Scores:
    """Extraction scores over a set of annotated articles."""

    articles: tuple[str, ...]
    direct_tokens_predicted: int
    direct_tokens_gold: int
    direct_tokens_overlap: int
    matches: tuple[QuoteMatch, ...]
    unnamed: frozenset[str]
    indirect_predicted: int
    indirect_predicted_correct: int

    @property
    def direct_precision(self) -> float:
        return _ratio(self.direct_tokens_overlap, self.direct_tokens_predicted)

    @property
    def direct_recall(self) -> float:
        return _ratio(self.direct_tokens_overlap, self.direct_tokens_gold)

    @property
    def direct_f1(self) -> float:
        p, r = self.direct_precision, self.direct_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def found(self) -> tuple[QuoteMatch, ...]:
        return tuple(m for m in self.matches if m.predicted is not None)

    @property
    def speaker_accuracy(self) -> float:
        return _ratio(sum(m.speaker_correct for m in self.found), len(self.found))

    @property
    def indirect_recall(self) -> float:
        indirect = [m for m in self.matches if m.gold.kind == "indirect"]
        hits = [m for m in indirect if m.predicted and m.predicted.kind == "indirect"]
        return _ratio(len(hits), len(indirect))

    @property
    def indirect_precision(self) -> float:
        """Share of predicted indirect quotes that cover a hand-coded quote."""
        return _ratio(self.indirect_predicted_correct, self.indirect_predicted)

    @property
    def unnamed_recall(self) -> float:
        unnamed = [m for m in self.matches if m.gold.speaker in self.unnamed]
        return _ratio(sum(m.speaker_correct for m in unnamed), len(unnamed))

    @property
    def errors(self) -> tuple[QuoteMatch, ...]:
        """Hand-coded quotes missed or given the wrong speaker."""
        return tuple(m for m in self.matches if not m.speaker_correct)

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": len(self.articles),
            "gold_quotes": len(self.matches),
            "direct_precision": round(self.direct_precision, 4),
            "direct_recall": round(self.direct_recall, 4),
            "direct_f1": round(self.direct_f1, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "indirect_recall": round(self.indirect_recall, 4),
            "indirect_precision": round(self.indirect_precision, 4),
            "unnamed_recall": round(self.unnamed_recall, 4),
        }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def same_speaker(predicted: str, gold: str) -> bool:
    return predicted.casefold() == gold.casefold()


def read_gold(path: Path) -> tuple[GoldQuote, ...]:
    """The hand-coded quotes of one ``*.quotes.csv`` file."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    try:
        return tuple(
            GoldQuote(int(r["paragraph"]), r["kind"], r["speaker"], r["cue"], r["text"])
            for r in rows
        )
    except (KeyError, ValueError) as exc:
        raise ArticleError(str(path), f"not a quotes annotation ({exc})") from None


def read_unnamed(path: Path) -> frozenset[str]:
    """Speakers coded as unnamed in the ``*.sources.csv`` beside a quotes file."""
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(r["name"] for r in csv.DictReader(handle) if r["named"] == "false")


def locate(article: Article, gold: GoldQuote) -> set[int]:
    """Body offsets of the word tokens a hand-coded quote covers."""
    body = article.body
    start_at = article.paragraphs[gold.paragraph].start
    pieces = gold.text.split()
    head = " ".join(pieces[: min(6, len(pieces))])
    tail = " ".join(pieces[-min(6, len(pieces)) :])
    start = body.find(head, start_at)
    if start < 0:
        raise ArticleError(article.source, f"annotated quote not in the text: {gold.text[:60]!r}")
    end = body.find(tail, start) + len(tail)
    return set(article.words_in(start, end))


def score_article(
    article: Article,
    gold: tuple[GoldQuote, ...],
    unnamed: frozenset[str],
    predicted: tuple[Quote, ...] | None = None,
) -> Scores:
    """Scores of one article; ``predicted`` are its extracted quotes (extracted when None)."""
    predicted = extract(article) if predicted is None else predicted
    covered = {q.id: set(article.words_in(q.start, q.end)) for q in predicted}
    gold_tokens = [locate(article, g) for g in gold]
    matches = []
    for g, tokens in zip(gold, gold_tokens, strict=True):
        best = max(predicted, key=lambda q: len(covered[q.id] & tokens), default=None)
        share = len(covered[best.id] & tokens) / len(tokens) if best and tokens else 0.0
        matches.append(QuoteMatch(article.source, g, best if share >= MATCH_SHARE else None))
    all_gold = set().union(*gold_tokens)
    indirect = [q for q in predicted if q.kind == "indirect"]
    indirect_correct = [
        q for q in indirect if len(covered[q.id] & all_gold) >= MATCH_SHARE * len(covered[q.id])
    ]
    direct_pred = set().union(*(covered[q.id] for q in predicted if q.kind == "direct"))
    direct_gold = set().union(
        *(t for g, t in zip(gold, gold_tokens, strict=True) if g.kind == "direct")
    )
    return Scores(
        (article.source,),
        len(direct_pred),
        len(direct_gold),
        len(direct_pred & direct_gold),
        tuple(matches),
        unnamed,
        len(indirect),
        len(indirect_correct),
    )


def combine(scores: list[Scores]) -> Scores:
    """Micro-average: pool tokens and matches over articles."""
    return Scores(
        tuple(a for s in scores for a in s.articles),
        sum(s.direct_tokens_predicted for s in scores),
        sum(s.direct_tokens_gold for s in scores),
        sum(s.direct_tokens_overlap for s in scores),
        tuple(m for s in scores for m in s.matches),
        frozenset().union(*(s.unnamed for s in scores)),
        sum(s.indirect_predicted for s in scores),
        sum(s.indirect_predicted_correct for s in scores),
    )


def annotated_articles(folder: Path) -> list[tuple[Path, Path]]:
    """(article, quotes annotation) pairs in ``folder``: the article is ``<stem>.txt`` beside
    the annotation or in a sibling ``articles`` folder."""
    pairs = []
    for quotes in sorted(folder.glob("*.quotes.csv")):
        stem = quotes.name.removesuffix(".quotes.csv")
        for candidate in (folder / f"{stem}.txt", folder.parent / "articles" / f"{stem}.txt"):
            if candidate.exists():
                pairs.append((candidate, quotes))
                break
        else:
            raise ArticleError(str(quotes), f"no article {stem}.txt beside it or in ../articles")
    return pairs


def evaluate(folders: list[Path]) -> Scores:
    """Score the extractor on every annotated article in ``folders``."""
    scores = []
    for folder in folders:
        for article_path, quotes_path in annotated_articles(folder):
            sources_path = quotes_path.with_name(
                quotes_path.name.removesuffix(".quotes.csv") + ".sources.csv"
            )
            article, predicted = extracted(article_path)
            scores.append(
                score_article(
                    article, read_gold(quotes_path), read_unnamed(sources_path), predicted
                )
            )
    return combine(scores)


@cache
def extracted(path: Path) -> tuple[Article, tuple[Quote, ...]]:
    """An annotated article and its extracted quotes, read once per process: the scores and
    the source agreement of one evaluation run look at the same extraction."""
    article = load_article(path)
    return article, extract(article)


def source_agreement(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """For ``named`` and each coded attribute: (sources where the rules give the hand-coded
    value, sources compared). Name-list gender counts as unknown, because the hand coding
    records textual evidence only."""
    counts = {attribute: [0, 0] for attribute in ("named", *CODED_ATTRIBUTES)}
    for folder in folders:
        for article_path, quotes_path in annotated_articles(folder):
            gold_path = quotes_path.with_name(
                quotes_path.name.removesuffix(".quotes.csv") + ".sources.csv"
            )
            with gold_path.open(encoding="utf-8", newline="") as handle:
                gold = {row["name"]: row for row in csv.DictReader(handle)}
            for source in describe(*extracted(article_path)):
                coded = gold.get(source.name)
                if coded is None:
                    continue
                for attribute, count in counts.items():
                    value = getattr(source, attribute)
                    if attribute == "gender" and source.gender_inferred:
                        value = "unknown"
                    text = str(value).lower() if isinstance(value, bool) else (value or "")
                    count[0] += text.lower() == coded[attribute].lower()
                    count[1] += 1
    return {attribute: (agree, total) for attribute, (agree, total) in counts.items()}


@dataclass(frozen=True)
class FirstScore:
    """The scores a held-out set got the first time the extractor met it, before any rule was
    changed for it: the honest estimate of accuracy on unseen news."""

    set: str
    articles: int
    gold_quotes: int
    direct_f1: float
    speaker_accuracy: float
    indirect_recall: float
    unnamed_recall: float
    note: str


def read_first_scores(path: Path) -> tuple[FirstScore, ...]:
    """The record of first scores (``data/evaluation/first_scores.csv``), in scoring order."""
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            FirstScore(
                row["set"],
                int(row["articles"]),
                int(row["gold_quotes"]),
                float(row["direct_f1"]),
                float(row["speaker_accuracy"]),
                float(row["indirect_recall"]),
                float(row["unnamed_recall"]),
                row["note"],
            )
            for row in csv.DictReader(handle)
        )


def pooled(scores: tuple[FirstScore, ...], attribute: str) -> float:
    """One score over several sets, each weighted by its number of hand-coded quotes."""
    total = sum(s.gold_quotes for s in scores)
    return sum(getattr(s, attribute) * s.gold_quotes for s in scores) / total
