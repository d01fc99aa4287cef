"""The framing stage: the five generic news frames and Entman's four framing functions.

Frames follow the 20 yes/no items of Semetko & Valkenburg (2000) in ``rules/frame_items.csv``:
an item is answered yes when a sentence matches its cue pattern (and its ``with`` pattern, when
it has one) or when a quoted source has one of its source types; the matching sentences are its
evidence. A frame's score is the share of its items answered yes. Entman's (1993) functions are
found sentence by sentence with the cue patterns of ``rules/entman_cues.csv``. Agreement with a
hand coding is percent agreement and Krippendorff's alpha for nominal data (Krippendorff 2011).
Lexical evidence (``analysis.lexis``) and actors (``analysis.actors``) complete the stage.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import krippendorff

from analysis import actors, lexis
from analysis.article import Article, ArticleError, Sentence
from analysis.quotes import Quote
from analysis.resources import rule_rows
from analysis.sources import Source

FRAMES = ("responsibility", "human_interest", "conflict", "morality", "economic")
FUNCTIONS = (
    "problem_definition",
    "causal_interpretation",
    "moral_evaluation",
    "treatment_recommendation",
)
ANSWERS = {"yes": True, "no": False}


@dataclass(frozen=True)
class Evidence:
    """A sentence that triggered a rule: its body offsets, paragraph (0-based) and text."""

    start: int
    end: int
    paragraph: int
    text: str


@dataclass(frozen=True)
class ItemRule:
    """One codebook item: the question and the patterns that answer it."""

    item: str
    frame: str
    question: str
    cue: re.Pattern[str]
    with_: re.Pattern[str] | None
    source_types: frozenset[str]
    notes: str


@dataclass(frozen=True)
class ItemCode:
    """The automatic answer to one item, with the sentences it rests on."""

    item: str
    frame: str
    question: str
    answer: bool
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class FrameScore:
    """Share of a frame's items answered yes."""

    frame: str
    n_items: int
    n_yes: int
    score: float


@dataclass(frozen=True)
class FunctionCode:
    """The sentences that perform one of Entman's functions, by rule."""

    function: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Framing:
    """Frames, framing functions, lexical evidence and actors of one article."""

    items: tuple[ItemCode, ...]
    frames: tuple[FrameScore, ...]
    functions: tuple[FunctionCode, ...]
    keywords: tuple[lexis.Keyword, ...]
    collocations: tuple[lexis.Collocation, ...]
    enumerations: tuple[lexis.Enumeration, ...]
    actors: tuple[actors.Actor, ...]
    vocabulary: actors.Vocabulary


@dataclass(frozen=True)
class HandEntman:
    """A hand-coded sentence performing one of Entman's functions."""

    function: str
    paragraph: int
    excerpt: str
    justification: str


@dataclass(frozen=True)
class FunctionAgreement:
    """For one of Entman's functions: hand-coded sentences, rule sentences, and how many of
    the hand-coded ones the rule also found."""

    function: str
    n_hand: int
    n_rule: int
    n_both: int


@dataclass(frozen=True)
class Agreement:
    """Agreement of two codings of the same items."""

    n_items: int
    n_agree: int
    percent: float
    alpha: float | None
    disagreements: tuple[str, ...]


# ---------------------------------------------------------------- codebook


def _pattern(text: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(text, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"{where}: invalid pattern {text!r} ({exc})") from None


def parse_codebook(rows: tuple[dict[str, str], ...], name: str) -> tuple[ItemRule, ...]:
    """Check and compile codebook rows; a bad row raises ``ValueError`` naming file and item."""
    needed = {"item", "frame", "question", "cue", "with", "source_types", "notes"}
    if not rows or needed - set(rows[0]):
        raise ValueError(f"{name}: needs the columns {sorted(needed)}")
    rules, seen = [], set()
    for row in rows:
        where = f"{name}, item {row['item']!r}"
        if row["item"] in seen:
            raise ValueError(f"{where}: listed twice")
        if row["frame"] not in FRAMES:
            raise ValueError(f"{where}: unknown frame {row['frame']!r}; expected one of {FRAMES}")
        if not row["cue"]:
            raise ValueError(f"{where}: empty cue")
        seen.add(row["item"])
        rules.append(
            ItemRule(
                item=row["item"],
                frame=row["frame"],
                question=row["question"],
                cue=_pattern(row["cue"], where),
                with_=_pattern(row["with"], where) if row["with"] else None,
                source_types=frozenset(filter(None, row["source_types"].split("|"))),
                notes=row["notes"],
            )
        )
    return tuple(rules)


@cache
def codebook() -> tuple[ItemRule, ...]:
    """The 20 items of Semetko & Valkenburg (2000) as shipped in ``rules/frame_items.csv``."""
    return parse_codebook(rule_rows("frame_items.csv"), "frame_items.csv")


@cache
def _function_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (r["function"], _pattern(r["cue"], f"entman_cues.csv, {r['function']}"))
        for r in rule_rows("entman_cues.csv")
    )


# ---------------------------------------------------------------- coding


def _evidence(article: Article, sentence: Sentence) -> Evidence:
    span = sentence.span
    return Evidence(span.start, span.end, sentence.paragraph, article.text(span))


def sentences_matching(article: Article, pattern: re.Pattern[str]) -> dict[int, Sentence]:
    """The sentences in which ``pattern`` matches, by start offset: one scan of the body, each
    hit placed in the sentence where it starts."""
    return {
        (s := article.sentence_at(hit.start())).span.start: s
        for hit in pattern.finditer(article.body)
    }


def code_item(
    rule: ItemRule, article: Article, quotes: tuple[Quote, ...], sources: tuple[Source, ...]
) -> ItemCode:
    """Answer one item: yes if a sentence matches the cue (and ``with``), or a quoted source
    has one of the item's source types (its first quote's sentence is then the evidence)."""
    hits = sentences_matching(article, rule.cue)
    if rule.with_ is not None:
        also = sentences_matching(article, rule.with_)
        hits = {k: s for k, s in hits.items() if k in also}
    typed = {s.name for s in sources if s.type in rule.source_types}
    for quote in quotes:
        if quote.speaker in typed:
            sentence = article.sentence_at(quote.start)
            hits[sentence.span.start] = sentence
    evidence = tuple(_evidence(article, hits[k]) for k in sorted(hits))
    return ItemCode(rule.item, rule.frame, rule.question, bool(evidence), evidence)


def frame_scores(items: tuple[ItemCode, ...]) -> tuple[FrameScore, ...]:
    """Per frame, the share of its items answered yes (Semetko & Valkenburg's additive scale
    rescaled to 0-1)."""
    scores = []
    for frame in FRAMES:
        answers = [i.answer for i in items if i.frame == frame]
        if answers:
            scores.append(
                FrameScore(frame, len(answers), sum(answers), sum(answers) / len(answers))
            )
    return tuple(scores)


def hand_frame_scores(hand: dict[str, bool]) -> tuple[FrameScore, ...]:
    """Frame scores of a hand coding (item -> yes/no), on the same scale as the rules'."""
    return frame_scores(
        tuple(ItemCode(r.item, r.frame, r.question, hand[r.item], ()) for r in codebook())
    )


def code_functions(article: Article) -> tuple[FunctionCode, ...]:
    """For each of Entman's functions, the sentences that match its cues."""
    return tuple(
        FunctionCode(
            function,
            tuple(
                _evidence(article, s) for _, s in sorted(sentences_matching(article, cue).items())
            ),
        )
        for function, cue in _function_cues()
    )


def analyze_framing(
    article: Article, quotes: tuple[Quote, ...], sources: tuple[Source, ...]
) -> Framing:
    """Every framing measure of one article."""
    items = tuple(code_item(rule, article, quotes, sources) for rule in codebook())
    words = lexis.content_words(article)
    found, vocabulary = actors.find_actors(article, quotes, sources)
    return Framing(
        items=items,
        frames=frame_scores(items),
        functions=code_functions(article),
        keywords=lexis.keywords(words, len(article.word_starts)),
        collocations=lexis.collocations(words),
        enumerations=lexis.enumerations(article),
        actors=found,
        vocabulary=vocabulary,
    )


# ---------------------------------------------------------------- hand coding and agreement


def _read_csv(path: Path, columns: set[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise ArticleError(str(path), f"cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise ArticleError(str(path), f"not valid UTF-8 (byte offset {exc.start})") from None
    if not rows:
        raise ArticleError(str(path), "no rows")
    missing = columns - set(rows[0])
    if missing:
        raise ArticleError(str(path), f"missing columns {sorted(missing)}")
    return rows


def read_hand_items(path: Path) -> dict[str, bool]:
    """A hand coding of the 20 items (``item,answer,justification``) as item -> yes/no; every
    codebook item must be answered exactly once with ``yes`` or ``no``."""
    answers: dict[str, bool] = {}
    known = {rule.item for rule in codebook()}
    for number, row in enumerate(_read_csv(path, {"item", "answer", "justification"}), 2):
        item, answer = row["item"], row["answer"].strip().lower()
        if item not in known:
            raise ArticleError(str(path), f"line {number}: unknown item {item!r}")
        if item in answers:
            raise ArticleError(str(path), f"line {number}: item {item!r} coded twice")
        if answer not in ANSWERS:
            raise ArticleError(str(path), f"line {number}: answer {answer!r} is not yes or no")
        if not row["justification"].strip():
            raise ArticleError(str(path), f"line {number}: item {item!r} has no justification")
        answers[item] = ANSWERS[answer]
    if missing := sorted(known - set(answers)):
        raise ArticleError(str(path), f"items not coded: {missing}")
    return answers


def read_hand_functions(path: Path, article: Article) -> tuple[HandEntman, ...]:
    """A hand coding of Entman's functions (``function,paragraph,excerpt,justification``);
    every excerpt must stand verbatim in the given 1-based paragraph of ``article``."""
    rows = []
    columns = {"function", "paragraph", "excerpt", "justification"}
    for number, row in enumerate(_read_csv(path, columns), 2):
        if row["function"] not in FUNCTIONS:
            raise ArticleError(str(path), f"line {number}: unknown function {row['function']!r}")
        try:
            paragraph = int(row["paragraph"]) - 1
        except ValueError:
            raise ArticleError(str(path), f"line {number}: paragraph is not a number") from None
        texts = article.paragraph_texts
        if not 0 <= paragraph < len(texts) or row["excerpt"] not in texts[paragraph]:
            raise ArticleError(
                str(path), f"line {number}: excerpt not found in paragraph {row['paragraph']}"
            )
        rows.append(HandEntman(row["function"], paragraph, row["excerpt"], row["justification"]))
    return tuple(rows)


def nominal_alpha(first: list[bool], second: list[bool]) -> float | None:
    """Krippendorff's alpha for two coders on nominal data, or None when undefined: alpha is
    1 - observed/expected disagreement, and expected disagreement is zero when every value
    given by both coders is the same (Krippendorff 2011)."""
    if len(set(first) | set(second)) < 2:
        return None
    data = [[int(v) for v in first], [int(v) for v in second]]
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def agreement(items: tuple[ItemCode, ...], hand: dict[str, bool]) -> Agreement:
    """Percent agreement and nominal alpha between automatic and hand answers, item by item."""
    auto = [i.answer for i in items]
    coded = [hand[i.item] for i in items]
    agree = sum(a == h for a, h in zip(auto, coded, strict=True))
    return Agreement(
        n_items=len(items),
        n_agree=agree,
        percent=agree / len(items),
        alpha=nominal_alpha(auto, coded),
        disagreements=tuple(i.item for i in items if i.answer != hand[i.item]),
    )


def function_agreement(
    functions: tuple[FunctionCode, ...], hand: tuple[HandEntman, ...]
) -> tuple[FunctionAgreement, ...]:
    """Per function, how many hand-coded excerpts stand in a sentence the rule also chose."""
    result = []
    for code in functions:
        coded = [h for h in hand if h.function == code.function]
        both = sum(
            any(h.paragraph == e.paragraph and h.excerpt in e.text for e in code.evidence)
            for h in coded
        )
        result.append(FunctionAgreement(code.function, len(coded), len(code.evidence), both))
    return tuple(result)
