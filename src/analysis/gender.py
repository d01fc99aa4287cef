"""Gender of a person from what the text says, or, failing that, from a first-name list.

Textual evidence (honorifics, gendered titles and nouns, pronouns) always wins; the first-name
list of the ``gender-guesser`` package (Jörg Michael's name dictionary, shipped offline) is a
fallback whose answers are marked as inferred. A name the list does not know, or knows as
unisex, stays unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from gender_guesser.detector import Detector

from analysis.resources import rule_rows

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


@cache
def title_genders() -> dict[str, str]:
    """Titles and honorifics that carry a gender (``Ms.`` -> female), from ``titles.csv``."""
    return {r["title"]: r["gender"] for r in rule_rows("titles.csv") if r["gender"]}


@cache
def noun_genders() -> dict[str, str]:
    """Source nouns that carry a gender (``spokeswoman`` -> female), from ``source_nouns.csv``."""
    return {
        form: r["gender"]
        for r in rule_rows("source_nouns.csv")
        if r["gender"]
        for form in (r["noun"], r["plural"])
    }


@cache
def _detector() -> Detector:
    return Detector(case_sensitive=False)


def from_first_name(name: str) -> Gender:
    """The name list's answer for the first word of ``name``, marked as inferred."""
    first = name.split()[0]
    value = _GUESSES.get(_detector().get_gender(first))
    if value is None:
        return UNKNOWN
    return Gender(value, f"first name '{first}' in the gender-guesser name list", inferred=True)
