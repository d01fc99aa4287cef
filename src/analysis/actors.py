"""Actors of an article: the countries, organisations and people it names, how often, and
with which relation vocabulary (cooperation or conflict) they share sentences.

Countries come from the names, demonyms and adjectives of ``rules/countries.csv``;
organisations are runs of capitalised words headed by an organisation word of
``rules/non_person_words.txt`` (with their acronyms, when the article spells them out);
people are the named sources of the
sources stage. The relation vocabulary is ``rules/relation_words.csv``, compiled from the
cooperation (01-08) and conflict (09-20) root categories of the CAMEO event scheme
(Gerner et al. 2002).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analysis.article import Article
from analysis.people import lexicon
from analysis.quotes import Quote
from analysis.resources import rule_rows
from analysis.segment import Span
from analysis.sources import Source, country_forms

CATEGORIES = ("cooperation", "conflict")
_CAPITALISED = r"[A-Z][\w'’-]*"
_ORG_RUN = re.compile(rf"{_CAPITALISED}(?: (?:(?:of|for|and|the|on|with) )*{_CAPITALISED})*")
_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "with"})
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


@dataclass(frozen=True)
class Actor:
    """A named actor, its mentions and the relation words of the sentences that name it."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    mentions: int
    sentences: int
    cooperation: tuple[str, ...]
    conflict: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """The relation words of a whole text, by category."""

    cooperation: tuple[str, ...]
    conflict: tuple[str, ...]


@cache
def _relation_pattern() -> re.Pattern[str]:
    """One pattern for the whole lexicon, a named group per category."""
    rows = rule_rows("relation_words.csv")
    groups = (
        f"(?P<{c}>" + "|".join(f"(?:{r['pattern']})" for r in rows if r["category"] == c) + ")"
        for c in CATEGORIES
    )
    return re.compile(r"\b(?:" + "|".join(groups) + r")\b", re.IGNORECASE)


def relation_hits(text: str, names: list[Span]) -> list[tuple[int, str, str]]:
    """(offset, category, lower-cased word) of every relation word of ``text`` outside the
    ``names`` spans, in reading order: the "Cooperation" of "Shanghai Cooperation
    Organization" is a name, not a relation word."""
    pieces, at = [], 0
    for span in names:
        pieces += [text[at : span.start], " " * (span.end - span.start)]
        at = span.end
    blanked = "".join([*pieces, text[at:]])
    return [
        (hit.start(), hit.lastgroup or "", hit.group().lower())
        for hit in _relation_pattern().finditer(blanked)
    ]


def organisations(text: str) -> list[tuple[str, Span]]:
    """Runs of capitalised words (joined by of/for/and/the/on/with) that contain an
    organisation word, without a leading function word or trailing connector."""
    heads = lexicon().non_person
    stop = lexicon().function_words
    found = []
    for run in _ORG_RUN.finditer(text):
        words = run.group().split()
        while words and (words[0].lower() in stop or words[0].lower() in _CONNECTORS):
            words.pop(0)
        while words and words[-1].lower() in _CONNECTORS:
            words.pop()
        words = _without_role(words, heads)
        if len(words) > 1 and any(w.lower() in heads for w in words):
            name = " ".join(words)
            start = run.start() + run.group().find(name)
            found.append((name, Span(start, start + len(name))))
    return found


def _without_role(words: list[str], heads: frozenset[str]) -> list[str]:
    """Drop a role that governs the name ("Vice President of the X Association" -> "X
    Association"): words up to a connector, when no organisation word stands before it, as
    often as that holds ("NATO and the CEO of Acme Shipping" -> "Acme Shipping")."""
    for i, word in enumerate(words):
        if word.lower() in heads:
            return words
        if word.lower() in _CONNECTORS:
            rest = words[i + 1 :]
            while rest and rest[0].lower() in _CONNECTORS:
                rest.pop(0)
            return _without_role(rest, heads)
    return words


def initials(name: str) -> str:
    """Initials of the capitalised words of a name: Shanghai Cooperation Organization -> SCO."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _mentions(
    article: Article,
    quotes: tuple[Quote, ...],
    sources: tuple[Source, ...],
    orgs: list[tuple[str, Span]],
) -> dict[tuple[str, str], list[Span]]:
    """(name, kind) -> spans of its mentions; organisations first, so a country or acronym
    inside an organisation's name is not counted again. An acronym counts only when the
    article spells it out (its letters are the initials of an organisation it names). A
    person is mentioned by full name or by the part of it the quotes use ("says Song")."""
    body = article.body
    taken = bytearray(len(body))
    mentions: dict[tuple[str, str], list[Span]] = {}

    def claim(key: tuple[str, str], start: int, end: int) -> None:
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            mentions.setdefault(key, []).append(Span(start, end))

    for name, span in orgs:
        claim((name, "organisation"), span.start, span.end)
    by_initials = {initials(name): name for name, _ in orgs}
    for hit in _ACRONYM.finditer(body):
        if hit.group() in by_initials:
            claim((by_initials[hit.group()], "organisation"), hit.start(), hit.end())
    pattern, country = country_forms(places=False)
    for hit in pattern.finditer(body):
        claim((country[hit.group()], "country"), hit.start(), hit.end())
    for source in sources:
        if source.named:
            said = {q.mention for q in quotes if q.speaker == source.name and q.mention}
            forms = sorted({source.name} | {m for m in said if m in source.name.split()})
            name = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")
            for hit in name.finditer(body):
                claim((source.name, "person"), hit.start(), hit.end())
    return mentions


def _sentences_of(article: Article, quote: Quote) -> set[int]:
    """Start offsets of the sentences a quote overlaps."""
    found, at = set(), quote.start
    while at < quote.end:
        sentence = article.sentence_at(at)
        if sentence.span.start >= quote.end or sentence.span.end <= at:
            break
        found.add(sentence.span.start)
        at = sentence.span.end
    return found


def find_actors(
    article: Article, quotes: tuple[Quote, ...], sources: tuple[Source, ...]
) -> tuple[tuple[Actor, ...], Vocabulary]:
    """Every actor with its number of mentions and the relation words of its sentences (a
    person's sentences include those of their quotes), most mentioned first; and the relation
    words of the whole body."""
    orgs = organisations(article.body)
    hits = relation_hits(article.body, [span for _, span in orgs])
    words: dict[int, list[tuple[str, str]]] = {}
    for offset, category, word in hits:
        words.setdefault(article.sentence_at(offset).span.start, []).append((category, word))
    actors = []
    for (name, kind), spans in _mentions(article, quotes, sources, orgs).items():
        chosen = {article.sentence_at(span.start).span.start for span in spans}
        for quote in quotes:
            if kind == "person" and quote.speaker == name:
                chosen |= _sentences_of(article, quote)
        found = [pair for i in sorted(chosen) for pair in words.get(i, [])]
        actors.append(
            Actor(
                name=name,
                kind=kind,
                aliases=tuple(sorted({article.body[s.start : s.end] for s in spans} - {name})),
                mentions=len(spans),
                sentences=len(chosen),
                cooperation=tuple(w for c, w in found if c == "cooperation"),
                conflict=tuple(w for c, w in found if c == "conflict"),
            )
        )
    vocabulary = Vocabulary(*(tuple(w for _, c, w in hits if c == kind) for kind in CATEGORIES))
    return tuple(sorted(actors, key=lambda a: (-a.mentions, a.kind, a.name))), vocabulary
