"""Gender of a person from what the text says, or, failing that, from a first-name list.

Textual evidence (honorifics, gendered titles and nouns, pronouns) always wins; the first-name
list of the ``gender-guesser`` package (Jörg Michael's name dictionary, shipped offline) is a
fallback whose answers are marked as inferred. A name the list does not know, or knows as
unisex, stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from gender_guesser.detector import Detector

from analysis.article import Article
from analysis.resources import rule_lines, rule_rows

PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
_GUESSES = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}


@dataclass(frozen=True)
class Gender:
    """A gender value with the evidence it rests on; ``inferred`` marks name-list guesses."""

    value: str
    evidence: str | None = None
    inferred: bool = False


UNKNOWN = Gender("unknown")
SUBJECT_WINDOW = 4
"""At most this many words may stand before a name for a later pronoun to count as its own."""


@cache
def title_genders() -> dict[str, str]:
    """Titles and honorifics that carry a gender (``Ms.`` -> female), from ``titles.csv``."""
    return {r["title"]: r["gender"] for r in rule_rows("titles.csv") if r["gender"]}


@cache
def _title_alternatives() -> str:
    """The gendered titles as one regular-expression alternation, longest first."""
    return "|".join(sorted(map(re.escape, title_genders()), key=len, reverse=True))


@cache
def noun_genders() -> dict[str, str]:
    """Source nouns that carry a gender (``spokeswoman`` -> female), from ``source_nouns.csv``."""
    return {
        form.lower(): r["gender"]
        for r in rule_rows("source_nouns.csv")
        if r["gender"]
        for form in (r["noun"], r["plural"])
        if form
    }


@cache
def _noun_alternatives() -> str:
    """The gendered source nouns as one regular-expression alternation, longest first."""
    return "|".join(sorted(map(re.escape, noun_genders()), key=len, reverse=True))


@cache
def _endings() -> dict[str, re.Pattern[str]]:
    """Patterns for what ends right where a search window ends: a gendered ``title`` ("Ms "),
    a title and one word (``title-word``: "Mr John "), a gendered ``noun`` ("his sister "),
    or a capitalised ``word``. Compiled once: names are found by position, not by a pattern
    per name, so the large alternations are never recompiled."""
    return {
        "title": re.compile(rf"(?<!\w)({_title_alternatives()})\s+$"),
        "title-word": re.compile(rf"(?<!\w)({_title_alternatives()})\s+(?:\w+\s+)?$"),
        "noun": re.compile(rf"\b({_noun_alternatives()}),?\s+$", re.I),
        "word": re.compile(r"\b([A-Z][\w'’-]*)\s+$"),
    }


def _preceded(body: str, word: str, kind: str) -> Iterator[re.Match[str]]:
    """Each ``kind`` of text (see ``_endings``) that stands just before an occurrence of the
    whole word ``word`` in ``body``, in the order of the text."""
    ending = _endings()[kind]
    at = body.find(word)
    while at >= 0:
        end = at + len(word)
        if not _joined(body[at - 1 : at], "'’-") and not _joined(body[end : end + 1], ""):
            match = ending.search(body, max(0, at - _WINDOW), at)
            if match:
                yield match
        at = body.find(word, at + 1)


def _joined(char: str, joiners: str) -> bool:
    """Whether ``char`` (empty at either end of the text) continues a word."""
    return bool(char) and (char.isalnum() or char == "_" or char in joiners)


_WINDOW = 60
"""Characters before a name searched for its title or noun."""


def _shared(body: str, part: str, name: str) -> bool:
    """Whether another person's name holds ``part`` too ("Ciaran Mulvey" and "Bernadette
    Mulvey"): a capitalised word other than a title or a word of ``name`` stands before it."""
    before = {m.group(1) for m in _preceded(body, part, "word")}
    return bool(before - set(title_genders()) - set(name.split()))


@cache
def _detector() -> Detector:
    return Detector(case_sensitive=False)


_PARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "de",
        "da",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "bin",
        "ibn",
        "abu",
        "dos",
        "das",
        "del",
    ]
)


def from_first_name(name: str) -> Gender:
    """The name list's answer for the first word of ``name``, marked as inferred; a name that
    opens with a particle ("El Geneina", "Al-Hinai") has no first name to look up."""
    first = name.split()[0]
    if first.lower().split("-")[0] in rule_lines("name_particles.txt"):
        return UNKNOWN
    value = _GUESSES.get(_detector().get_gender(first))
    if value is None:
        return UNKNOWN
    return Gender(value, f"first name '{first}' in the gender-guesser name list", inferred=True)


def from_text(article: Article, name: str) -> Gender | None:
    """What the article itself says: a gendered title or noun just before the name ("Madam
    Goh Siew Lan", "his sister Sinead Mulvey"); else a gendered title before the surname (or
    the first word, for surname-first names) anywhere in the body ("Ms. Okafor"), unless
    another person shares it ("Mr Mulvey" beside Bernadette and Sinead Mulvey); else a
    third-person pronoun after the name in the first sentence that the name opens as its
    likely subject ("Olim Alimov ... explains his understanding", "Rukhsana Akhtar said
    she ..."); None when it says nothing."""
    titles = title_genders()
    body = article.body
    first_at = body.find(name)
    if first_at >= 0:
        start = max(0, first_at - 40)
        where = article.paragraph_of(first_at) + 1
        title = _endings()["title"].search(body, start, first_at)
        if title:
            found = title.group(1)
            return Gender(titles[found], f"title '{found}' before the name (¶{where})")
        noun = _endings()["noun"].search(body, start, first_at)
        if noun:
            found = noun.group(1)
            return Gender(noun_genders()[found.lower()], f"'{found}' before the name (¶{where})")
    for part in dict.fromkeys((name.split()[-1], name.split()[0])):
        if _shared(body, part, name):
            continue
        titled = next(_preceded(body, part, "title-word"), None)
        if titled:
            title = titled.group(1)
            where = article.paragraph_of(titled.start()) + 1
            return Gender(titles[title], f"title '{title}' before the name (¶{where})")
    at = first_at
    while at >= 0:
        sentence = article.sentence_at(at)
        if len(body[sentence.span.start : at].split()) <= SUBJECT_WINDOW:
            for word in re.findall(r"[A-Za-z]+", body[at + len(name) : sentence.span.end]):
                if word.lower() in PRONOUNS:
                    where = sentence.paragraph + 1
                    which = "introduces them" if at == first_at else "opens with the name"
                    return Gender(
                        PRONOUNS[word.lower()], f"'{word}' in the sentence that {which} (¶{where})"
                    )
        at = body.find(name, at + len(name))
    return None
