"""The sentiment stage: VADER scores for every sentence of an article, split at quote marks.

One compound score for a whole article grows with its length towards +1 or -1, so the stage
scores small units and reports their distribution. A unit is a sentence, or the part of a
sentence that is narration, a direct quote or an indirect quote (the reported clause only, as
the quotes stage delimits it), so that a sentence mixing the journalist's words and a source's
is split at the quote boundaries. Each unit is scored once with VADER (Hutto & Gilbert 2014)
through NLTK, with the lexicon of the vaderSentiment package (no download); sentences,
paragraphs, narration, quotes and sources are all derived from those unit scores.

Units are classed positive (compound >= 0.05), negative (<= -0.05) or neutral, VADER's
published thresholds. The words that carry a score are VADER's own per-word valences after
its rules (negation, boosters, capitals, "but"), read from the same pass that produces the
score. GDELT-style tone fields (Leetaru & Schrodt 2013) are approximated with the VADER lexicon
and the pronoun list in ``rules/pronouns.csv``. Group means carry seeded percentile bootstrap
intervals (Efron & Tibshirani 1993).

Two checks of validity are functions here but not part of :func:`score`, because they are
evaluations of the measure, not the measure (and would more than double its cost):
:func:`lexicon_check` against TextBlob's independent lexicon (De Smedt & Daelemans 2012), and
:func:`reference_check` against the vaderSentiment package, VADER's reference implementation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import punctuation

import nltk
import numpy as np
import pandas as pd
from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText

from analysis import segment
from analysis.article import Article
from analysis.quotes import Quote
from analysis.resources import rule_rows
from analysis.segment import Span
from analysis.sources import Source

THRESHOLD = 0.05
"""VADER's published class boundary: compound >= 0.05 is positive, <= -0.05 negative."""
LEXICON_FILE = "vader_lexicon.txt"
BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 20180611
"""Seed of the bootstrap's random generator (the seed article's date), so intervals repeat."""
CONFIDENCE = 0.95
HEADLINE = "headline"
NARRATION = "narration"
QUOTE_KINDS = ("direct", "indirect")
_EDGE = ' \n"“”'
"""Trimmed from the edges of a unit: the space and quote marks left by a cut at a quote."""


@dataclass(frozen=True)
class Driver:
    """One lexicon word of a unit: its valence in the lexicon and after VADER's rules."""

    word: str
    lexicon: float
    valence: float


@dataclass(frozen=True)
class Unit:
    """A scored piece of text: the headline, or all or part of one body sentence.

    ``start``/``end`` are offsets into the body (into the title for the headline);
    ``raw`` is VADER's summed valence before normalisation, so that units of one sentence
    can be combined the way VADER combines words."""

    id: str
    kind: str
    speaker: str | None
    quote: str | None
    sentence: int | None
    paragraph: int | None
    start: int
    end: int
    text: str
    n_words: int
    compound: float
    positive: float
    neutral: float
    negative: float
    raw: float
    label: str
    drivers: tuple[Driver, ...]


@dataclass(frozen=True)
class SentenceTone:
    """A body sentence's compound, from the raw valences of its units."""

    index: int
    paragraph: int
    start: int
    end: int
    compound: float
    label: str
    units: tuple[str, ...]


@dataclass(frozen=True)
class GroupTone:
    """Mean compound of a group of units with its bootstrap interval (None when n < 2)."""

    group: str
    n: int
    mean: float | None
    low: float | None
    high: float | None
    n_positive: int
    n_neutral: int
    n_negative: int


@dataclass(frozen=True)
class WordTotal:
    """A lexicon word over the whole body: how often it scored and its summed valence."""

    word: str
    lexicon: float
    count: int
    total: float


@dataclass(frozen=True)
class GdeltTone:
    """GDELT-style tone fields of one part of the article, approximated (see :func:`gdelt`).

    Scores are percentages of ``words``: ``tone`` = positive - negative, ``polarity`` =
    positive + negative; ``pronoun_density`` is GDELT's Self/Group Reference Density, split
    into first person singular (``self_density``) and plural (``group_density``)."""

    part: str
    words: int
    positive_words: int
    negative_words: int
    tone: float
    positive_score: float
    negative_score: float
    polarity: float
    pronoun_density: float
    self_density: float
    group_density: float


@dataclass(frozen=True)
class Sentiment:
    """Every tone measure of one article, all derived from one VADER pass over its units:
    ``paragraphs`` holds each paragraph's mean sentence compound (None for no sentence);
    ``groups`` narration, quotes, direct and indirect; ``sources`` one group per source."""

    headline: Unit
    units: tuple[Unit, ...]
    sentences: tuple[SentenceTone, ...]
    paragraphs: tuple[float | None, ...]
    groups: tuple[GroupTone, ...]
    sources: tuple[GroupTone, ...]
    words: tuple[WordTotal, ...]
    gdelt: tuple[GdeltTone, ...]


# ---------------------------------------------------------------- VADER


@cache
def vader() -> SentimentIntensityAnalyzer:
    """NLTK's VADER with the lexicon shipped in the vaderSentiment package, loaded once.

    NLTK refuses an absolute ``lexicon_file``, so the package folder joins ``nltk.data.path``
    and the bare file name is passed; nothing is downloaded."""
    import vaderSentiment

    folder = str(Path(vaderSentiment.__file__).parent)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return SentimentIntensityAnalyzer(lexicon_file=LEXICON_FILE)


def lexicon_valence(word: str) -> float | None:
    """A word's valence in the VADER lexicon (-4 to +4), or None when it is not listed."""
    return vader().lexicon.get(word.lower())


def label(compound: float) -> str:
    """VADER's class of a compound score, with the published thresholds of +/-0.05."""
    if compound >= THRESHOLD:
        return "positive"
    if compound <= -THRESHOLD:
        return "negative"
    return "neutral"


class _SentiText(SentiText):
    """NLTK's ``SentiText`` with its word list found in one pass over the text.

    NLTK maps a whitespace token with one run of punctuation before or after a word of two
    or more characters (``"cooperation,"``) to the bare word by building, for every call, a
    dictionary of every word joined to every entry of its punctuation list; a token is
    looked up there. The same rule is applied here token by token, which gives the same
    words (the tests check it on every test article and on generated text) at about half
    of VADER's cost."""

    def _words_and_emoticons(self) -> list[str]:
        marks = frozenset(self.PUNC_LIST)
        found = []
        for token in self.text.split():
            if len(token) < 2:
                continue
            word = token.strip(punctuation)
            before = token[: len(token) - len(token.lstrip(punctuation))]
            after = token[len(token.rstrip(punctuation)) :]
            bare = len(word) > 1 and not any(c in punctuation for c in word)
            if bare and bool(before) != bool(after) and (before or after) in marks:
                token = word
            found.append(token)
        return found


@dataclass(frozen=True)
class _Trace:
    scores: dict[str, float]
    raw: float
    drivers: tuple[Driver, ...]


def _trace(text: str) -> _Trace:
    """VADER's scores of ``text`` together with the valence it gave each word.

    This is the loop of NLTK 3.10's ``SentimentIntensityAnalyzer.polarity_scores``, calling
    NLTK's own rule methods, unrolled only to keep the per-word valences that the public
    method discards; the tests hold its scores equal to ``polarity_scores`` on every unit of
    every test article."""
    analyzer = vader()
    constants = analyzer.constants
    sentitext = _SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
    words = sentitext.words_and_emoticons
    first: dict[str, int] = {}
    for index, word in enumerate(words):
        first.setdefault(word, index)
    sentiments: list[float] = []
    for word in words:
        i = first[word]
        lower = word.lower()
        is_kind_of = lower == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of"
        if is_kind_of or lower in constants.BOOSTER_DICT:
            sentiments.append(0)
            continue
        sentiments = analyzer.sentiment_valence(0, sentitext, word, i, sentiments)
    sentiments = analyzer._but_check(words, sentiments)
    scores = analyzer.score_valence(sentiments, text)
    total = float(sum(sentiments))
    emphasis = analyzer._punctuation_emphasis(total, text)
    raw = total + emphasis if total > 0 else total - emphasis if total < 0 else 0.0
    drivers = [
        Driver(word.lower(), analyzer.lexicon[word.lower()], round(float(value), 4))
        for word, value in zip(words, sentiments, strict=True)
        if value != 0 and word.lower() in analyzer.lexicon
    ]
    drivers.sort(key=lambda d: -abs(d.valence))
    return _Trace(scores, raw, tuple(drivers))


def compound_of(raw: float) -> float:
    """VADER's normalisation of a summed valence to (-1, 1): raw / sqrt(raw^2 + 15)."""
    return round(vader().constants.normalize(raw), 4)


# ---------------------------------------------------------------- units


def _pieces(
    article: Article, sentence: Span, quotes: Sequence[Quote]
) -> list[tuple[int, int, Quote | None]]:
    """``sentence`` cut at the boundaries of the quotes it overlaps: (start, end, quote or
    None for narration), each piece trimmed of spaces and of the double quote marks left at
    its edges, and holding at least one word."""
    cuts: list[tuple[int, int, Quote | None]] = []
    cursor = sentence.start
    for quote in quotes:
        start, end = max(quote.start, cursor), min(quote.end, sentence.end)
        if start >= end:
            continue
        cuts += [(cursor, start, None), (start, end, quote)]
        cursor = end
    cuts.append((cursor, sentence.end, None))
    pieces = []
    for start, end, quote in cuts:
        text = article.body[start:end]
        start += len(text) - len(text.lstrip(_EDGE))
        end -= len(text) - len(text.rstrip(_EDGE))
        if article.words_in(start, end):
            pieces.append((start, end, quote))
    return pieces


def _unit(
    uid: str,
    text: str,
    span: tuple[int, int],
    n_words: int,
    quote: Quote | None,
    where: tuple[int | None, int | None],
    kind: str | None = None,
) -> Unit:
    """Score one unit; ``where`` is (sentence index, paragraph index), None for the headline."""
    trace = _trace(text)
    compound = trace.scores["compound"]
    return Unit(
        id=uid,
        kind=kind or (quote.kind if quote else NARRATION),
        speaker=quote.speaker if quote else None,
        quote=quote.id if quote else None,
        sentence=where[0],
        paragraph=where[1],
        start=span[0],
        end=span[1],
        text=text,
        n_words=n_words,
        compound=compound,
        positive=trace.scores["pos"],
        neutral=trace.scores["neu"],
        negative=trace.scores["neg"],
        raw=round(trace.raw, 4),
        label=label(compound),
        drivers=trace.drivers,
    )


def _headline(title: str) -> Unit:
    tokens = segment.tokens(title, Span(0, len(title)))
    n_words = sum(segment.is_word(t.of(title)) for t in tokens)
    return _unit("h", title, (0, len(title)), n_words, None, (None, None), kind=HEADLINE)


def units(article: Article, quotes: Sequence[Quote]) -> tuple[Unit, ...]:
    """The body's units in reading order, numbered u1, u2, ..., each scored once."""
    ordered = sorted(quotes, key=lambda q: q.start)
    found = []
    for index, sentence in enumerate(article.sentences):
        span = sentence.span
        overlapping = [q for q in ordered if q.start < span.end and q.end > span.start]
        for start, end, quote in _pieces(article, span, overlapping):
            found.append(
                _unit(
                    f"u{len(found) + 1}",
                    article.body[start:end],
                    (start, end),
                    len(article.words_in(start, end)),
                    quote,
                    (index, sentence.paragraph),
                )
            )
    return tuple(found)


def sentences(article: Article, body_units: Sequence[Unit]) -> tuple[SentenceTone, ...]:
    """Each sentence's compound: VADER's normalisation of the summed raw valence of its units
    (equal to the unit's own compound when the sentence is one unit)."""
    by_sentence: dict[int, list[Unit]] = defaultdict(list)
    for unit in body_units:
        by_sentence[unit.sentence].append(unit)
    found = []
    for index, sentence in enumerate(article.sentences):
        parts = by_sentence.get(index, [])
        compound = compound_of(sum(u.raw for u in parts))
        found.append(
            SentenceTone(
                index,
                sentence.paragraph,
                sentence.span.start,
                sentence.span.end,
                compound,
                label(compound),
                tuple(u.id for u in parts),
            )
        )
    return tuple(found)


# ---------------------------------------------------------------- aggregates


def bootstrap_intervals(
    samples: Sequence[Sequence[float]],
) -> list[tuple[float, float] | None]:
    """Percentile bootstrap interval of the mean of each sample (Efron & Tibshirani 1993,
    ch. 13): the B*a-th and B*(1-a)-th of B ordered resample means, B =
    ``BOOTSTRAP_RESAMPLES``, a = (1 - ``CONFIDENCE``) / 2; None below two values, where
    resampling says nothing. One generator seeded with ``BOOTSTRAP_SEED`` draws a matrix of
    uniforms whose row i picks the i-th value of every resample, so a sample's interval
    depends only on its values and the seed, and all samples are resampled in one pass."""
    largest = max((len(s) for s in samples), default=0)
    uniforms = np.random.default_rng(BOOTSTRAP_SEED).random((largest, BOOTSTRAP_RESAMPLES))
    tail = round(BOOTSTRAP_RESAMPLES * (1 - CONFIDENCE) / 2)
    intervals: list[tuple[float, float] | None] = []
    for sample in samples:
        n = len(sample)
        if n < 2:
            intervals.append(None)
            continue
        picks = (uniforms[:n] * n).astype(np.intp)
        means = np.sort(np.asarray(sample, dtype=float)[picks].mean(axis=0))
        low, high = means[tail - 1], means[BOOTSTRAP_RESAMPLES - tail - 1]
        intervals.append((round(float(low), 4), round(float(high), 4)))
    return intervals


def group_tones(samples: dict[str, list[float]]) -> tuple[GroupTone, ...]:
    """Mean compound, bootstrap interval and class counts of each named group of scores."""
    intervals = bootstrap_intervals(list(samples.values()))
    tones = []
    for (group, compounds), interval in zip(samples.items(), intervals, strict=True):
        labels = [label(c) for c in compounds]
        tones.append(
            GroupTone(
                group=group,
                n=len(compounds),
                mean=_mean(compounds),
                low=interval[0] if interval else None,
                high=interval[1] if interval else None,
                n_positive=labels.count("positive"),
                n_neutral=labels.count("neutral"),
                n_negative=labels.count("negative"),
            )
        )
    return tuple(tones)


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _kind_samples(body_units: Sequence[Unit]) -> dict[str, list[float]]:
    """Unit compounds of narration, all quotes, direct quotes and indirect quotes."""
    members = {
        NARRATION: (NARRATION,),
        "quotes": QUOTE_KINDS,
        **{kind: (kind,) for kind in QUOTE_KINDS},
    }
    return {
        name: [u.compound for u in body_units if u.kind in kinds] for name, kinds in members.items()
    }


def word_totals(scored: Iterable[Unit]) -> tuple[WordTotal, ...]:
    """Every lexicon word that moved a score, with its count and summed valence after the
    rules, largest absolute sum first."""
    count: dict[str, int] = defaultdict(int)
    total: dict[str, float] = defaultdict(float)
    lexicon: dict[str, float] = {}
    for unit in scored:
        for driver in unit.drivers:
            count[driver.word] += 1
            total[driver.word] += driver.valence
            lexicon[driver.word] = driver.lexicon
    found = [WordTotal(w, lexicon[w], count[w], round(total[w], 4)) for w in count]
    found.sort(key=lambda t: (-abs(t.total), t.word))
    return tuple(found)


# ---------------------------------------------------------------- GDELT-style tone


@cache
def _pronouns() -> dict[str, str]:
    return {row["pronoun"]: row["reference"] for row in rule_rows("pronouns.csv")}


def _is_pronoun(token: str) -> bool:
    """A listed pronoun, except an all-capitals token of several letters (``US``)."""
    return token.lower() in _pronouns() and not (len(token) > 1 and token.isupper())


def gdelt(part: str, tokens: Sequence[str]) -> GdeltTone:
    """GDELT's document tone fields (Leetaru & Schrodt 2013) computed over word ``tokens``.

    An approximation: GDELT counts words of its own dictionaries, here a word is positive or
    negative by the sign of its VADER lexicon valence, without VADER's rules. GDELT's
    Activity Reference Density is left out, because its activity dictionary is not published
    in a form that can be reproduced."""
    lexicon = vader().lexicon
    words = [t for t in tokens if segment.is_word(t)]
    n = len(words)
    valences = [lexicon.get(w.lower(), 0.0) for w in words]
    positive = sum(v > 0 for v in valences)
    negative = sum(v < 0 for v in valences)
    references = [_pronouns()[w.lower()] for w in words if _is_pronoun(w)]

    def pct(count: int) -> float:
        return round(100 * count / n, 4) if n else 0.0

    return GdeltTone(
        part=part,
        words=n,
        positive_words=positive,
        negative_words=negative,
        tone=pct(positive - negative),
        positive_score=pct(positive),
        negative_score=pct(negative),
        polarity=pct(positive + negative),
        pronoun_density=pct(len(references)),
        self_density=pct(references.count("self")),
        group_density=pct(references.count("group")),
    )


def _unit_tokens(article: Article, unit: Unit) -> list[str]:
    """The body tokens that begin inside a unit."""
    tokens = article.sentences[unit.sentence].tokens
    return [article.text(t) for t in tokens if unit.start <= t.start < unit.end]


# ---------------------------------------------------------------- the stage


def score(article: Article, quotes: Sequence[Quote], sources: Sequence[Source] = ()) -> Sentiment:
    """The tone of ``article``: every unit scored once, then every aggregate derived."""
    body_units = units(article, quotes)
    scored = sentences(article, body_units)
    by_paragraph: list[list[float]] = [[] for _ in article.paragraphs]
    for tone in scored:
        if tone.units:
            by_paragraph[tone.paragraph].append(tone.compound)
    speakers = {s.name: [u.compound for u in body_units if u.speaker == s.name] for s in sources}
    tokens = {u.id: _unit_tokens(article, u) for u in body_units}
    parts = {
        "article": lambda u: True,
        NARRATION: lambda u: u.kind == NARRATION,
        "quotes": lambda u: u.kind in QUOTE_KINDS,
    }
    return Sentiment(
        headline=_headline(article.title),
        units=body_units,
        sentences=scored,
        paragraphs=tuple(_mean(p) for p in by_paragraph),
        groups=group_tones(_kind_samples(body_units)),
        sources=group_tones(speakers),
        words=word_totals(body_units),
        gdelt=tuple(
            gdelt(part, [t for u in body_units if keep(u) for t in tokens[u.id]])
            for part, keep in parts.items()
        ),
    )


# ---------------------------------------------------------------- checks of validity


@dataclass(frozen=True)
class Disagreement:
    """A unit that two scorers put in different classes."""

    unit: str
    text: str
    vader: float
    other: float
    vader_label: str
    other_label: str


@dataclass(frozen=True)
class Agreement:
    """How a second scorer agrees with NLTK's VADER over the same units."""

    scorer: str
    n: int
    pearson: float | None
    spearman: float | None
    same_class: int
    max_difference: float
    max_unit: str
    disagreements: tuple[Disagreement, ...]

    @property
    def class_agreement(self) -> float:
        """Share of units both scorers put in the same class."""
        return self.same_class / self.n if self.n else 1.0


def _correlation(x: Sequence[float], y: Sequence[float], method: str) -> float | None:
    """Pearson correlation, or Spearman's as the Pearson correlation of average ranks (no
    scipy needed); None when either side is constant, where it is undefined."""
    if len(x) < 2 or len(set(x)) < 2 or len(set(y)) < 2:
        return None
    a, b = pd.Series(x, dtype=float), pd.Series(y, dtype=float)
    if method == "spearman":
        a, b = a.rank(), b.rank()
    return round(float(np.corrcoef(a, b)[0, 1]), 4)


def _agreement(scorer: str, scored: Sequence[Unit], other: Sequence[float]) -> Agreement:
    vader_scores = [u.compound for u in scored]
    differences = [abs(a - b) for a, b in zip(vader_scores, other, strict=True)]
    worst = int(np.argmax(differences)) if differences else 0
    disagreements = tuple(
        Disagreement(u.id, u.text, u.compound, score_, u.label, label(score_))
        for u, score_ in zip(scored, other, strict=True)
        if u.label != label(score_)
    )
    return Agreement(
        scorer=scorer,
        n=len(scored),
        pearson=_correlation(vader_scores, other, "pearson"),
        spearman=_correlation(vader_scores, other, "spearman"),
        same_class=len(scored) - len(disagreements),
        max_difference=round(max(differences, default=0.0), 4),
        max_unit=scored[worst].id if scored else "",
        disagreements=disagreements,
    )


def _all_units(sentiment: Sentiment) -> tuple[Unit, ...]:
    return (sentiment.headline, *sentiment.units)


@cache
def _pattern_analyzer():
    from textblob.en.sentiments import PatternAnalyzer

    return PatternAnalyzer()


def textblob_polarity(text: str) -> float:
    """TextBlob's polarity (-1 to 1): the mean polarity of the adjectives and adverbs of its
    bundled lexicon from the Pattern library (De Smedt & Daelemans 2012), with its own
    negation and intensifier rules."""
    return round(float(_pattern_analyzer().analyze(text).polarity), 4)


def lexicon_check(sentiment: Sentiment) -> Agreement:
    """VADER against TextBlob over the headline and every unit: correlations, class agreement
    (TextBlob classed with the same +/-0.05 band) and the units they class differently."""
    scored = _all_units(sentiment)
    return _agreement("TextBlob", scored, [textblob_polarity(u.text) for u in scored])


@cache
def _reference_analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as Reference

    return Reference()


def reference_compound(text: str) -> float:
    """The compound of the vaderSentiment package, VADER's reference implementation."""
    return float(_reference_analyzer().polarity_scores(text)["compound"])


def reference_check(sentiment: Sentiment) -> Agreement:
    """NLTK's VADER against the vaderSentiment package over the headline and every unit."""
    scored = _all_units(sentiment)
    return _agreement("vaderSentiment", scored, [reference_compound(u.text) for u in scored])


def reference_tokens(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words NLTK's VADER and the reference implementation each read in ``text`` (their
    tokenisers differ, which moves the windows of the negation and booster rules)."""
    constants = vader().constants
    nltk_words = SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
    from vaderSentiment.vaderSentiment import SentiText as ReferenceText

    return tuple(nltk_words.words_and_emoticons), tuple(ReferenceText(text).words_and_emoticons)
