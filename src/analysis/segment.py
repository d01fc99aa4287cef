"""Sentence and token segmentation with character offsets, using NLTK without downloaded data.

Sentences come from an untrained Punkt model (Kiss & Strunk 2006) given the abbreviation list in
``rules/abbreviations.txt`` plus single letters for initials; tokens come from NLTK's
``NLTKWordTokenizer`` (Treebank conventions) applied per sentence, because it only separates the
final period of its input.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from analysis.resources import rule_lines

_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into a text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]


@cache
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(rule_lines("abbreviations.txt")) | set(string.ascii_lowercase)
    return PunktSentenceTokenizer(params)


@cache
def _word_tokenizer() -> NLTKWordTokenizer:
    return NLTKWordTokenizer()


_CLOCK_END = re.compile(
    r"\b[ap]\.m\.\s+(?=[A-Z])(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|GMT|UTC|BST|CET|EST|EDT|PST|PDT|ET|PT|local)\b)"
)
""""a.m." / "p.m." before a capitalised word that is no weekday or time zone ends a sentence
("... after 9 p.m. Organisers said ..."), which Punkt cannot know since both are abbreviations."""


def sentences(text: str, start: int = 0, end: int | None = None) -> tuple[Span, ...]:
    """Sentence spans of ``text[start:end]``, as offsets into ``text``."""
    chunk = text[start:end]
    spans = []
    for a, b in _sentence_tokenizer().span_tokenize(chunk):
        for cut in (m.end() for m in _CLOCK_END.finditer(chunk, a, b)):
            spans.append(Span(start + a, start + len(chunk[a:cut].rstrip()) + a))
            a = cut
        spans.append(Span(start + a, start + b))
    return tuple(spans)


def tokens(text: str, span: Span) -> tuple[Span, ...]:
    """Token spans of one sentence ``span`` of ``text``, as offsets into ``text``."""
    chunk = span.of(text)
    return tuple(
        Span(span.start + a, span.start + b) for a, b in _word_tokenizer().span_tokenize(chunk)
    )


def is_word(token: str) -> bool:
    """A token counts as a word when it holds a letter or digit (not bare punctuation)."""
    return bool(_WORD.search(token))
