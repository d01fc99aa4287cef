"""Lexical evidence of framing: key words against general English, collocations, and the
enumerations an article makes ("values such as a, b and c").

Keyness is Dunning's (1993) log-likelihood G2 of a word's count in the article against its
count in a reference corpus, with Hardie's (2014) log ratio as effect size. The reference is
``wordfreq``'s English frequency list (Speer 2022), a blend of several corpora that states
proportions, not counts; counts are proportion x :data:`REFERENCE_TOKENS`. wordfreq has no
two-word frequencies, so two-word terms are scored inside the article as collocations with
NLTK's likelihood-ratio and PMI measures (Manning & Schütze 1999, ch. 5) instead.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from wordfreq import word_frequency

from analysis.article import Article
from analysis.people import lexicon
from analysis.resources import rule_lines

REFERENCE_TOKENS = 10**8
"""Assumed size of the reference corpus. wordfreq's large English list reports proportions
down to 1e-8, so with 10^8 tokens its rarest listed word counts once."""
MIN_COUNT = 2
"""A key word or collocation must occur at least this often in the article."""
ZERO_REFERENCE = 0.5
"""Count used in the log ratio for a word absent from the reference (Hardie 2014)."""
MAX_ITEM_WORDS = 8
"""An enumerated item longer than this is a clause, not a list member."""
_WORD = re.compile(r"^[a-z][a-z'’-]*$")
_ITEM_STOP = re.compile(
    r"^(?:that|which|who|whose|when|where|while|but|because|if|so|with|of|in|for|to|by|from"
    r"|on|at)\b",
    re.IGNORECASE,
)
"""An item opening with a relative word, a conjunction or a preposition ends the list."""
_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+")
_CLAUSE_END = re.compile(r"[.;:!?()\"“”]")


@dataclass(frozen=True)
class Keyword:
    """A word used more often in the article than in general English."""

    word: str
    count: int
    reference_per_million: float
    g2: float
    log_ratio: float


@dataclass(frozen=True)
class Collocation:
    """Two adjacent words that occur together more often than their parts predict."""

    first: str
    second: str
    count: int
    likelihood_ratio: float
    pmi: float


@dataclass(frozen=True)
class Enumeration:
    """A list the article makes after a cue ("includes", "such as"), item by item."""

    cue: str
    items: tuple[str, ...]
    start: int
    end: int
    paragraph: int


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Dunning's G2 for a word with count ``a`` in a corpus of ``c`` tokens and ``b`` in a
    reference of ``d`` tokens: 2 * sum(O * ln(O / E)) over both corpora, E = size * (a + b) /
    (c + d); a zero count adds nothing (Dunning 1993; Rayson & Garside 2000)."""
    total = a + b
    expected = (c * total / (c + d), d * total / (c + d))
    return 2 * sum(o * math.log(o / e) for o, e in zip((a, b), expected, strict=True) if o > 0)


def log_ratio(a: float, b: float, c: float, d: float) -> float:
    """Hardie's (2014) log ratio: log2 of the ratio of relative frequencies; a zero reference
    count is replaced by :data:`ZERO_REFERENCE`."""
    return math.log2((a / c) / (max(b, ZERO_REFERENCE) / d))


@cache
def stopwords() -> frozenset[str]:
    """Words left out of keyness and collocations: ``rules/stopwords.txt`` and the function
    words of ``rules/function_words.txt``."""
    return frozenset(rule_lines("stopwords.txt")) | lexicon().function_words


def content_words(article: Article) -> list[list[str]]:
    """Lower-cased word tokens per sentence, without stopwords, numbers or possessives."""
    stop = stopwords()
    return [
        [
            w
            for w in (t.lower() for t in article.sentence_words(s))
            if _WORD.match(w) and w not in stop
        ]
        for s in article.sentences
    ]


def keywords(sentences: list[list[str]], size: int) -> tuple[Keyword, ...]:
    """Words of ``sentences`` (see :func:`content_words`) over-used, in a text of ``size``
    word tokens, against wordfreq's English reference, by G2 (largest first)."""
    counts = Counter(w for sentence in sentences for w in sentence)
    found = []
    for word, count in sorted(counts.items()):
        proportion = word_frequency(word, "en")
        reference = proportion * REFERENCE_TOKENS
        if count < MIN_COUNT or count / size <= proportion:
            continue
        found.append(
            Keyword(
                word=word,
                count=count,
                reference_per_million=proportion * 1e6,
                g2=log_likelihood(count, reference, size, REFERENCE_TOKENS),
                log_ratio=log_ratio(count, reference, size, REFERENCE_TOKENS),
            )
        )
    return tuple(sorted(found, key=lambda k: (-k.g2, k.word)))


def collocations(sentences: list[list[str]]) -> tuple[Collocation, ...]:
    """Adjacent content-word pairs within ``sentences`` (see :func:`content_words`)
    occurring at least :data:`MIN_COUNT` times, by NLTK's likelihood ratio (largest first),
    with PMI beside it."""
    finder = BigramCollocationFinder.from_documents(sentences)
    finder.apply_freq_filter(MIN_COUNT)
    measures = BigramAssocMeasures()
    pmi = dict(finder.score_ngrams(measures.pmi))
    return tuple(
        Collocation(first, second, finder.ngram_fd[(first, second)], llr, pmi[(first, second)])
        for (first, second), llr in finder.score_ngrams(measures.likelihood_ratio)
    )


@cache
def _cue() -> re.Pattern[str]:
    cues = sorted(rule_lines("enumeration_cues.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")\b", re.IGNORECASE)


def list_after(text: str) -> list[tuple[str, int]]:
    """The coordinated items at the start of ``text`` with their end offsets: split at commas
    and "and"/"or"/"as well as", up to the clause end or the first item that is a clause."""
    stop = _CLAUSE_END.search(text)
    text = text[: stop.start() if stop else len(text)]
    items, start = [], 0
    for piece_end, next_start in [(m.start(), m.end()) for m in _SEPARATOR.finditer(text)] + [
        (len(text), len(text))
    ]:
        piece = text[start:piece_end]
        cue = _cue().match(piece.strip())
        item = piece.strip()[cue.end() :].strip() if cue else piece.strip()
        if not item or _ITEM_STOP.match(item) or len(item.split()) > MAX_ITEM_WORDS:
            break
        items.append((item, piece_end))
        start = next_start
    return items


def enumerations(article: Article) -> tuple[Enumeration, ...]:
    """Every list of two or more items that follows an enumeration cue, in reading order."""
    found: list[Enumeration] = []
    for sentence in article.sentences:
        text = article.text(sentence.span)
        end = 0
        for cue in _cue().finditer(text):
            if cue.start() < end:
                continue
            items = list_after(text[cue.end() :])
            if len(items) < 2:
                continue
            end = cue.end() + items[-1][1]
            found.append(
                Enumeration(
                    cue=cue.group().lower(),
                    items=tuple(item for item, _ in items),
                    start=sentence.span.start + cue.start(),
                    end=sentence.span.start + end,
                    paragraph=sentence.paragraph,
                )
            )
    return tuple(found)
