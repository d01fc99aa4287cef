"""The article stage: read one news article, drop page chrome, segment what is left.

Two input shapes are accepted: the raw scrape (headline, an "<outlet> Published: <time>" line,
body paragraphs and page chrome such as share buttons or "Related stories") and the cleaned
form written by :func:`to_front_matter` (YAML front matter, then the body). Both go through the
same cleaning, so cleaning a cleaned article changes nothing.

Page chrome is found by the general rules in ``rules/chrome.csv``, never by a list of one
site's lines, and every dropped line is kept in :attr:`Article.removed` with the rule that fired.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, cached_property
from pathlib import Path

import yaml

from analysis import segment
from analysis.resources import rule_rows
from analysis.segment import Span

MAX_BYTES = 20_000_000
"""Largest input file read, in bytes: about fifty times a long feature, well above any article."""

PROSE_MIN_WORDS = 12
"""A line of at least this many words reads as prose even without final punctuation."""

_TERMINAL = tuple('.!?:"”’)')
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"[\w&'’-]+")
_DATELINE = re.compile(
    r"^(?P<outlet>.*?)\s*\b(?:Published|Updated|Posted)(?:\s+on)?\s*:?\s*(?P<stamp>.+)$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:(?:Written|Words|Reporting|Reported)\s+)?[Bb]y\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&)){0,6})$"
)
_HEADER_RULE = "header: page chrome right after the outlet line, before the first blank line"
"""A scrape gives the outlet line, then the page's chrome lines (section, byline, timestamp,
picture caption), then the body after a blank line; those lines are chrome whatever their
wording. When no blank line follows, they are the body."""
_STAMP_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%B %d, %Y %H:%M",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y %H:%M",
    "%d %B %Y",
)
FRONT_MATTER_KEYS = ("title", "outlet", "published", "url", "language", "byline")


class ArticleError(ValueError):
    """Input that cannot be read as an article; the message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


@dataclass(frozen=True)
class RemovedLine:
    """A line of the input dropped as page chrome, with the rule that dropped it."""

    line: int
    text: str
    rule: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body: its span, the paragraph it belongs to, and its tokens."""

    span: Span
    paragraph: int
    tokens: tuple[Span, ...]


@dataclass(frozen=True)
class Article:
    """One cleaned, segmented article. All offsets point into :attr:`body`."""

    source: str
    title: str
    outlet: str | None
    published: datetime | None
    url: str | None
    language: str | None
    byline: str | None
    body: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    removed: tuple[RemovedLine, ...]

    def text(self, span: Span) -> str:
        """The body text under ``span``."""
        return span.of(self.body)

    def metadata(self) -> dict[str, str | None]:
        """The front-matter fields, as strings (published in ISO 8601) or None."""
        return {
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "language": self.language,
            "byline": self.byline,
        }

    @property
    def paragraph_texts(self) -> tuple[str, ...]:
        return tuple(self.text(p) for p in self.paragraphs)

    def sentence_words(self, sentence: Sentence) -> tuple[str, ...]:
        """Word tokens of one sentence (punctuation tokens left out)."""
        found = (self.text(t) for t in sentence.tokens)
        return tuple(t for t in found if segment.is_word(t))

    @property
    def words(self) -> tuple[str, ...]:
        """Word tokens of the body, in order."""
        return tuple(w for s in self.sentences for w in self.sentence_words(s))

    @property
    def paragraph_word_counts(self) -> tuple[int, ...]:
        """Number of word tokens in each paragraph."""
        counts = [0] * len(self.paragraphs)
        for sentence in self.sentences:
            counts[sentence.paragraph] += len(self.sentence_words(sentence))
        return tuple(counts)

    @cached_property
    def word_starts(self) -> tuple[int, ...]:
        """Body offsets where word tokens begin, in order."""
        return tuple(
            t.start for s in self.sentences for t in s.tokens if segment.is_word(self.text(t))
        )

    def words_in(self, start: int, end: int) -> tuple[int, ...]:
        """Start offsets of the word tokens that begin inside ``[start, end)``."""
        starts = self.word_starts
        return starts[bisect_left(starts, start) : bisect_left(starts, end)]

    @cached_property
    def _paragraph_ends(self) -> tuple[int, ...]:
        return tuple(p.end for p in self.paragraphs)

    @cached_property
    def _sentence_ends(self) -> tuple[int, ...]:
        return tuple(s.span.end for s in self.sentences)

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding body offset ``offset`` (the last one past the end)."""
        return min(bisect_right(self._paragraph_ends, offset), len(self.paragraphs) - 1)

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding body offset ``offset``, or the next one after it."""
        index = bisect_right(self._sentence_ends, offset)
        return self.sentences[min(index, len(self.sentences) - 1)]


@dataclass(frozen=True)
class _ChromeRules:
    lines: tuple[tuple[re.Pattern[str], str], ...]
    sections: tuple[tuple[re.Pattern[str], str], ...]
    short: tuple[tuple[re.Pattern[str], str], ...]
    header: tuple[tuple[re.Pattern[str], str], ...]
    widget: frozenset[str]
    filler: frozenset[str]


@cache
def _chrome_rules() -> _ChromeRules:
    rows = rule_rows("chrome.csv")

    def patterns(kind: str) -> tuple[tuple[re.Pattern[str], str], ...]:
        return tuple(
            (re.compile(r["pattern"], re.IGNORECASE), f"{kind}: {r['note']}")
            for r in rows
            if r["kind"] == kind
        )

    def words(kind: str) -> frozenset[str]:
        return frozenset(w for r in rows if r["kind"] == kind for w in r["pattern"].split("|"))

    return _ChromeRules(
        patterns("line"),
        patterns("section"),
        patterns("short"),
        patterns("header"),
        words("widget"),
        words("filler"),
    )


def _normalize(line: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", line)).strip()


def _is_prose(line: str) -> bool:
    return line.endswith(_TERMINAL) or len(_WORDS.findall(line)) >= PROSE_MIN_WORDS


def _chrome_rule(line: str, in_section: bool, before_body: bool) -> str | None:
    """The chrome rule a line matches, or None for article text; header rules hold only
    before the body has begun."""
    rules = _chrome_rules()
    for pattern, rule in rules.lines:
        if pattern.fullmatch(line):
            return rule
    if len(_WORDS.findall(line)) < PROSE_MIN_WORDS:
        for pattern, rule in rules.sections:
            if pattern.fullmatch(line):
                return rule
    if _is_prose(line):
        return None
    for pattern, rule in rules.short + (rules.header if before_body else ()):
        if pattern.fullmatch(line):
            return rule
    words = [w.lower() for w in _WORDS.findall(line)]
    if words and set(words) <= rules.widget | rules.filler and set(words) & rules.widget:
        return "widget: share / social buttons"
    return "section: line inside a chrome block" if in_section else None


def _parse_stamp(stamp: str) -> datetime | None:
    stamp = stamp.strip().rstrip(".")
    for fmt in _STAMP_FORMATS:
        try:
            return datetime.strptime(stamp, fmt)
        except ValueError:
            continue
    return None


def _front_matter(text: str, source: str) -> tuple[dict[str, object], str, int]:
    """Split YAML front matter from the rest; returns (metadata, rest, line number of rest)."""
    if not text.startswith("---\n"):
        return {}, text, 1
    end = text.find("\n---\n", 3)
    if end < 0:
        raise ArticleError(source, "front matter opened with '---' is never closed")
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        raise ArticleError(source, f"front matter is not valid YAML ({exc})") from None
    if not isinstance(meta, dict):
        raise ArticleError(source, "front matter is not a mapping of keys to values")
    unknown = sorted(set(map(str, meta)) - set(FRONT_MATTER_KEYS))
    if unknown:
        raise ArticleError(source, f"front matter has unknown keys {unknown}")
    return meta, text[end + 5 :], text[: end + 5].count("\n") + 1


def _as_datetime(value: object, source: str) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    parsed = _parse_stamp(str(value))
    if parsed is None:
        raise ArticleError(source, f"front matter 'published' is not a date: {value!r}")
    return parsed


def _optional(meta: dict[str, object], key: str) -> str | None:
    value = meta.get(key)
    return None if value is None else str(value)


def parse_article(text: str, source: str = "<text>") -> Article:
    """Clean and segment an article given as text; ``source`` names it in errors."""
    if not text.strip():
        raise ArticleError(source, "the file is empty")
    meta, rest, first_line = _front_matter(text.lstrip("\ufeff").replace("\r\n", "\n"), source)
    if meta and not meta.get("title"):
        raise ArticleError(source, "front matter has no 'title'")
    title = _optional(meta, "title")
    outlet = _optional(meta, "outlet")
    byline = _optional(meta, "byline")
    published = _as_datetime(meta.get("published"), source)
    blocks: list[list[str]] = [[]]
    removed: list[RemovedLine] = []
    in_section = False
    header: list[RemovedLine] = []
    in_header = False
    for number, raw in enumerate(rest.split("\n"), start=first_line):
        line = _normalize(raw)
        if not line:
            in_header = False
            blocks.append([])
            continue
        if in_header:
            byline_match = _BYLINE.match(line)
            if byline_match and byline is None:
                byline = byline_match["name"]
            else:
                rule = _chrome_rule(line, False, True) or _HEADER_RULE
                header.append(RemovedLine(number, line, rule))
            continue
        removed.extend(header)
        header = []
        body_started = any(blocks)
        if title is None:
            title = line
            continue
        if not body_started and not meta:
            dateline = _DATELINE.match(line)
            stamp = _parse_stamp(dateline["stamp"]) if dateline else None
            if dateline and outlet is None and published is None and (stamp or not _is_prose(line)):
                outlet = dateline["outlet"].strip(" |-–—,") or None
                published = stamp
                in_header = True
                continue
            byline_match = _BYLINE.match(line)
            if byline_match and byline is None:
                byline = byline_match["name"]
                continue
        rule = _chrome_rule(line, in_section, not body_started)
        if rule is not None:
            removed.append(RemovedLine(number, line, rule))
            in_section = in_section or (body_started and rule.startswith("section"))
            continue
        in_section = False
        blocks[-1].append(line)
    blocks.append([h.text for h in header])
    paragraphs = [" ".join(b) for b in blocks if b]
    if not paragraphs:
        raise ArticleError(source, "no article body is left after removing headline and chrome")
    body = "\n\n".join(paragraphs)
    return Article(
        source=source,
        title=title or "",
        outlet=outlet,
        published=published,
        url=_optional(meta, "url"),
        language=_optional(meta, "language"),
        byline=byline,
        body=body,
        paragraphs=(spans := _paragraph_spans(paragraphs)),
        sentences=_sentences(body, spans),
        removed=tuple(removed),
    )


def _paragraph_spans(paragraphs: list[str]) -> tuple[Span, ...]:
    spans, start = [], 0
    for para in paragraphs:
        spans.append(Span(start, start + len(para)))
        start += len(para) + 2
    return tuple(spans)


def _sentences(body: str, paragraphs: tuple[Span, ...]) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(span, index, segment.tokens(body, span))
        for index, para in enumerate(paragraphs)
        for span in segment.sentences(body, para.start, para.end)
    )


def read_text(path: str | Path) -> str:
    """The UTF-8 text of an article file, or an :class:`ArticleError` saying what is wrong."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise ArticleError(name, "no such file")
    if not path.is_file():
        raise ArticleError(name, "not a regular file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ArticleError(name, f"file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(name, f"cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise ArticleError(name, "the file is empty")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ArticleError(name, f"binary file, not text (NUL byte at byte offset {nul})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(name, f"not valid UTF-8 (byte offset {exc.start})") from None


def load_article(path: str | Path) -> Article:
    """Read, clean and segment the article in the file at ``path``."""
    return parse_article(read_text(path), str(path))


def to_front_matter(article: Article) -> str:
    """The cleaned form of an article: YAML front matter, a blank line, the body, a newline."""
    header = yaml.safe_dump(article.metadata(), sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n\n{article.body}\n"
