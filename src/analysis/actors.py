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

from analysis.article import Article, Sentence
from analysis.people import lexicon
from analysis.quotes import Quote
from analysis.resources import rule_rows
from analysis.segment import Span
from analysis.sources import Source

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
def _relation_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"\b(?:{r['pattern']})\b", re.IGNORECASE), r["category"])
        for r in rule_rows("relation_words.csv")
    )


def without_organisations(text: str) -> str:
    """``text`` with organisation names blanked out, offsets kept: the "Cooperation" of
    "Shanghai Cooperation Organization" is a name, not a relation word."""
    for _, span in organisations(text):
        text = text[: span.start] + " " * (span.end - span.start) + text[span.end :]
    return text


def relation_words(text: str) -> Vocabulary:
    """Every cooperation and conflict word of ``text`` outside organisation names
    (lower-cased, in the order of the lexicon)."""
    text = without_organisations(text)
    found: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    for pattern, category in _relation_patterns():
        found[category] += [m.group().lower() for m in pattern.finditer(text)]
    return Vocabulary(tuple(found["cooperation"]), tuple(found["conflict"]))


@cache
def _country_forms() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, country) for each country name, demonym and adjective; cities and other
    places are left out: an actor is a country named as such."""
    forms = {
        form: row["country"]
        for row in rule_rows("countries.csv")
        for field in ("country", "demonyms", "adjectives")
        for form in row[field].split("|")
        if form
    }
    return tuple(
        (re.compile(rf"(?<![\w.]){re.escape(f)}(?![\w])"), c)
        for f, c in sorted(forms.items(), key=lambda pair: len(pair[0]), reverse=True)
    )


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
    article: Article, quotes: tuple[Quote, ...], sources: tuple[Source, ...]
) -> dict[tuple[str, str], list[Span]]:
    """(name, kind) -> spans of its mentions; organisations first, so a country or acronym
    inside an organisation's name is not counted again. An acronym counts only when the
    article spells it out (its letters are the initials of an organisation it names). A
    person is mentioned by full name or by the part of it the quotes use ("says Song")."""
    body = article.body
    mentions: dict[tuple[str, str], list[Span]] = {}
    orgs = organisations(body)
    taken = [span for _, span in orgs]
    for name, span in orgs:
        mentions.setdefault((name, "organisation"), []).append(span)

    def free(start: int, end: int) -> bool:
        return not any(s.start < end and start < s.end for s in taken)

    by_initials = {initials(name): name for name, _ in orgs}
    for hit in _ACRONYM.finditer(body):
        name = by_initials.get(hit.group())
        if name and free(hit.start(), hit.end()):
            mentions[(name, "organisation")].append(Span(hit.start(), hit.end()))
            taken.append(Span(hit.start(), hit.end()))
    countries = _country_forms()
    for pattern, country in countries:
        for hit in pattern.finditer(body):
            if free(hit.start(), hit.end()):
                mentions.setdefault((country, "country"), []).append(Span(hit.start(), hit.end()))
                taken.append(Span(hit.start(), hit.end()))
    for source in sources:
        if source.named:
            said = {q.mention for q in quotes if q.speaker == source.name and q.mention}
            forms = sorted({source.name} | {m for m in said if m in source.name.split()})
            pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")
            spans = [Span(m.start(), m.end()) for m in pattern.finditer(body)]
            mentions[(source.name, "person")] = [s for s in spans if free(s.start, s.end)]
    return mentions


def find_actors(
    article: Article, quotes: tuple[Quote, ...], sources: tuple[Source, ...]
) -> tuple[Actor, ...]:
    """Every actor with its number of mentions and the relation words of its sentences (a
    person's sentences include those of their quotes), most mentioned first."""
    actors = []
    for (name, kind), spans in _mentions(article, quotes, sources).items():
        if not spans:
            continue
        sentences: dict[int, Sentence] = {}
        for span in spans:
            sentence = article.sentence_at(span.start)
            sentences[sentence.span.start] = sentence
        for quote in quotes:
            if kind == "person" and quote.speaker == name:
                for sentence in article.sentences:
                    if sentence.span.start < quote.end and quote.start < sentence.span.end:
                        sentences[sentence.span.start] = sentence
        text = " ".join(article.text(s.span) for _, s in sorted(sentences.items()))
        vocabulary = relation_words(text)
        aliases = tuple(sorted({article.body[s.start : s.end] for s in spans} - {name}))
        actors.append(
            Actor(
                name=name,
                kind=kind,
                aliases=aliases,
                mentions=len(spans),
                sentences=len(sentences),
                cooperation=vocabulary.cooperation,
                conflict=vocabulary.conflict,
            )
        )
    return tuple(sorted(actors, key=lambda a: (-a.mentions, a.kind, a.name)))
