"""The sources stage: one record per voice the article quotes, with who they are.

Role and organisation come from the title before a name (``Senator Maria Lopez``) or the
appositive after it (``Song Jingwu, Vice President of the ...``); country from country names,
demonyms and places in that description (``rules/countries.csv``); the source type from the
ordered scheme in ``rules/source_types.csv``, which follows the actor categories of
source-diversity research (Masini et al. 2018); gender from textual evidence, else from a
first-name list, marked as inferred. Every attribute keeps the evidence it rests on, and a
hand-coded codebook may override any of them with a justification.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from analysis import gender
from analysis.article import Article, ArticleError
from analysis.people import cue_forms, lexicon
from analysis.quotes import UNKNOWN, Quote
from analysis.resources import rule_rows

CODED_ATTRIBUTES = ("role", "organization", "country", "type", "gender")
_PREPOSITION = re.compile(r"\s+(?:of|at|for|with|from|in|on)\s+")
_ORG_AFTER = re.compile(r"\s+(?:of|at|for|with)\s+(?:the\s+)?(?P<org>[A-Z].*)$")
_AGE = re.compile(r"^\d+(?:-year-old)?\s*")
_ANNOUNCED = re.compile(
    r",?\s+(?:who\s+)?(?:gave|giving|identified|named|known)\s+(?:\w+\s+){0,4}?(?:name|as),?\s+$"
)
"""The clause that announces a one-word name ("a fruit seller who gave her name only as")."""
_DETERMINER = r"(?:[A-Z][\w'’-]*['’]s|(?i:the|a|an|another|its|his|her|their))"


@cache
def _before_name() -> re.Pattern[str]:
    """A role or title that ends right before a name, with its possessor if any."""
    nouns = {*lexicon().nouns}
    nouns |= {r["title"].rstrip(".") for r in rule_rows("titles.csv") if r["is_role"] == "true"}
    noun = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    return re.compile(
        rf"(?P<role>(?:{_DETERMINER}\s+)?"
        rf"(?:[\w'’-]+\s+){{0,3}}?(?i:{noun})(?:\s+(?:of|for|at)\s+[^,]+?)?(?:,\s+|\s+))$"
    )


@dataclass(frozen=True)
class Override:
    """A hand-coded value that replaced the rules' value, and why."""

    attribute: str
    rule_value: str | None
    coded_value: str | None
    justification: str


@dataclass(frozen=True)
class Source:
    """A person or unnamed group the article quotes."""

    name: str
    named: bool
    role: str | None
    organization: str | None
    country: str
    type: str
    gender: str
    description: str | None
    country_evidence: str | None
    type_evidence: str | None
    gender_evidence: str | None
    gender_inferred: bool
    n_quotes: int
    n_words: int
    overrides: tuple[Override, ...] = ()


# ---------------------------------------------------------------- rule tables


@cache
def country_forms(places: bool = True) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every country name, demonym and adjective, and with ``places`` every
    city and region too, and the country of each form. Longest first, so the longest form
    wins where several start at one place; behind a look-ahead for their first letters,
    which makes the scan fast."""
    fields = ("country", "demonyms", "adjectives", "places")[: 4 if places else 3]
    forms = {
        form: row["country"]
        for row in rule_rows("countries.csv")
        for field in fields
        for form in row[field].split("|")
        if form
    }
    alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    initial = "".join(sorted({re.escape(form[0]) for form in forms}))
    return re.compile(rf"(?<![\w.])(?=[{initial}])(?:{alternatives})(?!\w)"), forms


@cache
def _type_rules() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    return tuple(
        (r["type"], re.compile(r["pattern"], re.IGNORECASE), r["note"])
        for r in rule_rows("source_types.csv")
    )


# ---------------------------------------------------------------- attributes


@cache
def organisation_names() -> tuple[str, ...]:
    """Names of international organisations that hold a place name ("Shanghai Cooperation
    Organization"), from ``rules/organizations.csv``: they name no country."""
    return tuple(n for row in rule_rows("organizations.csv") for n in row["names"].split("|") if n)


def mask_names(text: str, names: tuple[str, ...]) -> str:
    """``text`` with every occurrence of ``names`` blanked out; offsets stay valid."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " " * len(name))
    return text


def country_of(description: str) -> tuple[str, str | None]:
    """The country the description names first, with the words that named it; the names of
    international organisations are skipped ("Secretary-General of the Shanghai Cooperation
    Organization" names no country)."""
    pattern, country = country_forms()
    hit = pattern.search(mask_names(description, organisation_names()))
    if hit is None:
        return UNKNOWN, None
    return country[hit.group()], f"'{hit.group()}' in '{description}'"


def source_type(named: bool, description: str) -> tuple[str, str]:
    """The first type in ``source_types.csv`` whose pattern matches the description."""
    if not named:
        return "unnamed", "no name given"
    for kind, pattern, note in _type_rules():
        hit = pattern.search(description)
        if hit:
            return kind, f"'{hit.group()}' ({note})"
    return UNKNOWN, None


def _description(article: Article, name: str) -> tuple[str | None, str | None]:
    """(words before the name, appositive after it) at the name's first mention: a title or
    role ("Mayor", "chief executive", "Chile's foreign trade minister, ") and an appositive
    (", Vice President of the ...")."""
    at = article.body.find(name)
    if at < 0:
        return None, None
    sentence = article.sentence_at(at)
    head = _ANNOUNCED.sub(" ", article.body[max(sentence.span.start, at - 80) : at])
    before = _before_name().search(head)
    title = before.group("role").strip(" ,") if before else None
    tail = article.body[at + len(name) :]
    appositive = None
    if tail.startswith(", "):
        piece = re.split(r",\s|[.;:](?:\s|$)", tail[2:], maxsplit=1)[0].strip()
        piece = _AGE.sub("", piece)
        if piece and not piece[:1].isdigit() and piece.split()[0] not in cue_forms():
            appositive = piece
    return title, appositive


def _role_and_org(title: str | None, appositive: str | None) -> tuple[str | None, str | None]:
    """Role and organisation from ``Vice President of the X`` / ``co-founder of Y`` / a title."""
    if title:
        title = re.sub(rf"^{_DETERMINER}\s+", "", title)
    if appositive:
        text = re.sub(r"^(?:a|an|the)\s+", "", appositive)
        text = re.sub(r"^[A-Z][\w'’-]*['’]s\s+", "", text)
        for conjunct in re.split(r"\s+and\s+(?:a\s+|an\s+|the\s+)?(?=[a-z])", text):
            hit = _ORG_AFTER.search(conjunct)
            if hit:
                role = conjunct[: hit.start()].strip()
                org = re.sub(r"\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$", "", hit["org"])
                return role or title, org
        if not text.startswith(("who ", "which ", "whose ")):
            return _PREPOSITION.split(text)[0], None
    return title, None


def _gender(name: str, named: bool, quotes: list[Quote], article: Article) -> gender.Gender:
    """Textual evidence first (descriptor noun, title, pronouns), then the first-name list."""
    if not named:
        for word in name.lower().split():
            if word in gender.noun_genders():
                return gender.Gender(gender.noun_genders()[word], f"'{word}' in the descriptor")
        return gender.UNKNOWN
    stated = gender.from_text(article, name)
    if stated:
        return stated
    for quote in quotes:
        said = (quote.mention or "").lower()
        first = quote.text.split()[0].lower() if quote.kind == "indirect" else ""
        for word, how in (
            (said, f"'{quote.mention} {quote.cue}'"),
            (first, f"'{quote.cue} {first}'"),
        ):
            if word in ("he", "she"):
                return gender.Gender(gender.PRONOUNS[word], f"{how} (¶{quote.paragraph + 1})")
    return gender.from_first_name(name)


def describe(article: Article, quotes: tuple[Quote, ...]) -> tuple[Source, ...]:
    """One :class:`Source` per speaker, in order of first quote; unknown speakers left out."""
    by_speaker: dict[str, list[Quote]] = {}
    for quote in quotes:
        if quote.speaker != UNKNOWN:
            by_speaker.setdefault(quote.speaker, []).append(quote)
    sources = []
    for name, said in by_speaker.items():
        named = any(q.named for q in said)
        if named:
            title, appositive = _description(article, name)
        else:
            mention = next((q.mention for q in said if q.mention), name)
            title, appositive = None, mention
        description = " ".join(p for p in (title, appositive) if p) or None
        role, org = _role_and_org(title, appositive) if named else _unnamed_role(name)
        country, country_evidence = country_of(description or "")
        kind, type_evidence = source_type(named, description or "")
        sex = _gender(name, named, said, article)
        words = sum(q.n_words for q in said)
        sources.append(
            Source(
                name=name,
                named=named,
                role=role,
                organization=org,
                country=country,
                type=kind,
                gender=sex.value,
                description=description,
                country_evidence=country_evidence,
                type_evidence=type_evidence,
                gender_evidence=sex.evidence,
                gender_inferred=sex.inferred,
                n_quotes=len(said),
                n_words=words,
            )
        )
    return tuple(sources)


def _unnamed_role(label: str) -> tuple[str | None, str | None]:
    """``Defence ministry spokeswoman`` -> (spokeswoman, defence ministry); a plural group
    ("Experts") has no single role."""
    words = label.lower().split()
    if words[-1] in lexicon().plurals:
        return None, None
    return words[-1], " ".join(words[:-1]) or None


# ---------------------------------------------------------------- hand coding


def read_codebook(path: Path) -> dict[str, dict[str, str]]:
    """Hand-coded attributes by source name, from a CSV with a ``justification`` column."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise ArticleError(str(path), f"cannot read the codebook ({exc.strerror})") from None
    missing = {"name", "justification", *CODED_ATTRIBUTES} - set(rows[0] if rows else {})
    if missing:
        raise ArticleError(str(path), f"codebook lacks the columns {sorted(missing)}")
    return {row["name"]: row for row in rows}


def apply_codebook(
    sources: tuple[Source, ...], codebook: dict[str, dict[str, str]]
) -> tuple[Source, ...]:
    """Replace rule values by the hand-coded ones (an empty cell keeps the rule's value),
    recording each change with its justification."""
    coded = []
    for source in sources:
        row = codebook.get(source.name, {})
        changes: dict[str, object] = {}
        overrides = []
        for attribute in CODED_ATTRIBUTES:
            value = (row.get(attribute) or "").strip()
            if value and value != getattr(source, attribute):
                changes[attribute] = value
                overrides.append(
                    Override(attribute, getattr(source, attribute), value, row["justification"])
                )
        if "gender" in changes:
            changes |= {"gender_inferred": False, "gender_evidence": "hand coding"}
        coded.append(replace(source, **changes, overrides=tuple(overrides)))
    return tuple(coded)
