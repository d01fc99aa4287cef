"""Gender of a person from what the text says, or, failing that, from a first-name list.

Textual evidence (honorifics, gendered titles and nouns, pronouns) always wins; the first-name
list of the ``gender-guesser`` package (Jörg Michael's name dictionary, shipped offline) is a
fallback whose answers are marked as inferred. A name the list does not know, or knows as
unisex, stays unknown.
"""

from __future__ import annotations

import re
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
    """What the article itself says: a gendered title before the surname anywhere in the
    body ("Ms. Okafor"), else a third-person pronoun after the name in the sentence that
    introduces it, when the name opens that sentence as its likely subject ("Olim Alimov ...
    explains his understanding"); None when it says nothing."""
    titles = title_genders()
    surname = re.escape(name.split()[-1])
    titled = re.search(rf"(?<!\w)({_title_alternatives()})\s+(?:\w+\s+)?{surname}\b", article.body)
    if titled:
        title = titled.group(1)
        where = article.paragraph_of(titled.start()) + 1
        return Gender(titles[title], f"title '{title}' before the name (¶{where})")
    at = article.body.find(name)
    if at < 0:
        return None
    sentence = article.sentence_at(at)
    if len(article.body[sentence.span.start : at].split()) > SUBJECT_WINDOW:
        return None
    for word in re.findall(r"[A-Za-z]+", article.body[at + len(name) : sentence.span.end]):
        if word.lower() in PRONOUNS:
            where = sentence.paragraph + 1
            return Gender(
                PRONOUNS[word.lower()], f"'{word}' in the sentence that introduces them (¶{where})"
            )
    return None
