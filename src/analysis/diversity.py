"""The diversity stage: how many kinds of voices an article quotes, and how evenly it hears them.

Source diversity is measured as in journalism research (Voakes et al. 1996; McDonald & Dimmick
2003; Masini et al. 2018): each source is placed in a category on several dimensions (actor
type, country, gender, state-affiliated or independent, named or unnamed, stance toward the
article's claim) and the composition is summarised by the classic indices of qualitative
variation (richness, Shannon entropy and its relative form, Simpson/Blau, the index of
qualitative variation, the Herfindahl-Hirschman concentration, deviation from the mode).
Compositions are counted in three units: sources (each once), quotes, and quoted words ("share
of voice"). With three or four sources every index is fragile, so each comes with a seeded
percentile bootstrap interval (Efron 1979) that mostly shows how little so few units allow.

"unknown" values are left out of the indices (the number left out is reported with each
composition) unless ``keep_unknown`` makes them a category of their own. Evenness, IQV and
deviation from the mode are measured over the categories that occur, so a composition with a
single category has, by definition here, no diversity (0) rather than an undefined ratio.

The stage also records which states of an organisation have a voice in the article, are only
mentioned, or are absent (:func:`coverage`, from a membership table in ``rules/``), and each
source's hand-coded stance toward the article's central claim (:func:`viewpoints`).
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from analysis.article import Article, ArticleError
from analysis.quotes import UNKNOWN, Quote
from analysis.resources import rule_rows
from analysis.sentiment import label
from analysis.sources import Source, country_forms, mask_names, source_type

DIMENSIONS = ("type", "country", "gender", "affiliation", "named", "stance")
UNITS = ("source", "quote", "word")
STANCES = ("supportive", "critical", "neutral")
PRESENCE = ("voice", "mentioned", "absent")
RESAMPLES = 1000
SEED = 20180611
"""Bootstrap defaults: 1000 resamples from a generator seeded with the seed article's date."""
LEVEL = 0.95


# ---------------------------------------------------------------- indices on counts


def _shares(counts: Sequence[float]) -> list[float]:
    """The proportions of the categories that occur; refuses empty, negative or NaN counts."""
    values = [float(c) for c in counts]
    bad = [c for c in values if not math.isfinite(c) or c < 0]
    if bad:
        raise ValueError(f"counts must be finite and non-negative, got {bad[0]!r}")
    total = sum(values)
    if total <= 0:
        raise ValueError("counts are empty or all zero: there is nothing to measure")
    return [c / total for c in values if c > 0]


def richness(counts: Sequence[float]) -> int:
    """S, the number of categories that occur (count > 0) (McDonald & Dimmick 2003)."""
    return len(_shares(counts))


def shannon(counts: Sequence[float]) -> float:
    """Shannon entropy H = -sum p_i ln p_i, in nats (Shannon 1948); 0 for one category,
    ln S for S equal categories."""
    return -sum(p * math.log(p) for p in _shares(counts)) + 0.0


def evenness(counts: Sequence[float]) -> float:
    """Relative entropy (Pielou's evenness) J = H / ln S over the S categories that occur
    (Pielou 1966); 1 when they are equal, 0 by definition for a single category."""
    shares = _shares(counts)
    if len(shares) < 2:
        return 0.0
    return min(1.0, shannon(shares) / math.log(len(shares)))


def hhi(counts: Sequence[float]) -> float:
    """Herfindahl-Hirschman concentration HHI = sum p_i^2 (Hirschman 1964), the chance that
    two units drawn with replacement fall in the same category; 1 for one category."""
    return sum(p * p for p in _shares(counts))


def blau(counts: Sequence[float]) -> float:
    """Simpson's diversity in Blau's form, D = 1 - sum p_i^2 (Simpson 1949; Blau 1977): the
    chance that two units drawn with replacement differ."""
    return max(0.0, 1.0 - hhi(counts))


def iqv(counts: Sequence[float]) -> float:
    """Index of qualitative variation IQV = S / (S - 1) * (1 - sum p_i^2), Blau's D scaled
    to [0, 1] by its maximum for the S categories that occur (Agresti & Agresti 1978)."""
    shares = _shares(counts)
    if len(shares) < 2:
        return 0.0
    return min(1.0, len(shares) / (len(shares) - 1) * blau(shares))


def deviation_from_mode(counts: Sequence[float]) -> float:
    """Deviation from the mode DM = 1 - sum (p_mode - p_i) / (S - 1) (Wilcox 1973): 1 when
    every category is as large as the largest, 0 for a single category."""
    shares = _shares(counts)
    if len(shares) < 2:
        return 0.0
    mode = max(shares)
    return max(0.0, 1.0 - sum(mode - p for p in shares) / (len(shares) - 1))


INDICES: dict[str, Callable[[Sequence[float]], float]] = {
    "richness": richness,
    "shannon": shannon,
    "evenness": evenness,
    "blau": blau,
    "iqv": iqv,
    "hhi": hhi,
    "dm": deviation_from_mode,
}
"""Every index, by the name the JSON and the book use."""


# ---------------------------------------------------------------- bootstrap


@dataclass(frozen=True)
class Estimate:
    """One index of one composition, with its bootstrap percentile interval."""

    index: str
    value: float
    low: float
    high: float


def bootstrap(
    categories: Sequence[str],
    weights: Sequence[float],
    resamples: int = RESAMPLES,
    seed: int | Sequence[int] = SEED,
) -> tuple[Estimate, ...]:
    """Every index of the composition of ``categories`` (each unit weighted by ``weights``),
    with a percentile interval at ``LEVEL`` from ``resamples`` resamples of the units drawn
    with replacement (Efron 1979). The generator is seeded, so the interval is reproducible.
    With three or four units the interval mostly states how little so few units can show.
    Few units give few distinct resamples, so each index is computed once per distinct one."""
    if len(categories) != len(weights) or not categories:
        raise ValueError("bootstrap needs one weight per unit and at least one unit")
    labels = sorted(set(categories))
    codes = np.array([labels.index(c) for c in categories])
    mass = np.asarray(weights, dtype=float)
    observed = np.bincount(codes, weights=mass, minlength=len(labels))
    draws = np.random.default_rng(seed).integers(0, len(codes), size=(resamples, len(codes)))
    cells = (np.arange(resamples)[:, None] * len(labels) + codes[draws]).ravel()
    samples = np.bincount(cells, weights=mass[draws].ravel(), minlength=resamples * len(labels))
    samples = samples.reshape(resamples, len(labels))
    samples = samples[samples.sum(axis=1) > 0]
    distinct, inverse = np.unique(samples, axis=0, return_inverse=True)
    tail = 100 * (1 - LEVEL) / 2
    estimates = []
    for name, index in INDICES.items():
        values = np.array([index(row) for row in distinct])[inverse.ravel()]
        low, high = np.percentile(values, [tail, 100 - tail])
        estimates.append(Estimate(name, float(index(observed)), float(low), float(high)))
    return tuple(estimates)


# ---------------------------------------------------------------- dimensions


@cache
def _affiliations() -> dict[str, str]:
    """Source type -> ``state`` / ``independent`` / ``unknown`` (``rules/affiliation.csv``)."""
    return {row["type"]: row["affiliation"] for row in rule_rows("affiliation.csv")}


def actor_type(source: Source) -> str:
    """The source's type; for an unnamed source, the type its descriptor names ("a ministry
    spokeswoman" -> official), else unknown, since named/unnamed is its own dimension."""
    if source.named:
        return source.type
    return source_type(True, source.description or source.name)[0]


def affiliation(source: Source) -> str:
    """``state`` for state-affiliated and official sources, ``independent`` for the other
    types, ``unknown`` when the type is unknown (mapping in ``rules/affiliation.csv``)."""
    return _affiliations().get(actor_type(source), UNKNOWN)


def profile(source: Source, stances: Mapping[str, StanceCoding]) -> dict[str, str]:
    """The source's category on every dimension of :data:`DIMENSIONS`."""
    coding = stances.get(source.name)
    return {
        "type": actor_type(source),
        "country": source.country,
        "gender": source.gender,
        "affiliation": affiliation(source),
        "named": "named" if source.named else "unnamed",
        "stance": coding.stance if coding else UNKNOWN,
    }


@dataclass(frozen=True)
class Composition:
    """How one unit (source, quote or word) divides over the categories of one dimension."""

    dimension: str
    unit: str
    counts: tuple[tuple[str, float], ...]
    """(category, count), largest first; unknown included only when kept as a category."""
    unknown: float
    """Units whose value is unknown; left out of ``counts`` and the indices unless kept."""
    estimates: tuple[Estimate, ...]
    """Every index with its interval; empty when no unit has a known value."""

    def estimate(self, index: str) -> Estimate | None:
        return next((e for e in self.estimates if e.index == index), None)


def _units(
    sources: tuple[Source, ...], quotes: tuple[Quote, ...], profiles: dict[str, dict[str, str]]
) -> dict[str, list[tuple[dict[str, str], float]]]:
    """(profile, weight) of every unit: each source once, each quote once, each quote weighted
    by its words. A quote whose speaker is not a source is unknown on every dimension."""
    nobody = dict.fromkeys(DIMENSIONS, UNKNOWN)
    said = [profiles.get(q.speaker, nobody) for q in quotes]
    return {
        "source": [(profiles[s.name], 1.0) for s in sources],
        "quote": [(p, 1.0) for p in said],
        "word": [(p, float(q.n_words)) for p, q in zip(said, quotes, strict=True)],
    }


def compositions(
    sources: tuple[Source, ...],
    quotes: tuple[Quote, ...],
    stances: Mapping[str, StanceCoding] | None = None,
    *,
    keep_unknown: bool = False,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> tuple[Composition, ...]:
    """The composition and indices of every dimension in every unit, dimension by dimension.
    Each (dimension, unit) pair draws from its own generator, seeded ``(seed, d, u)``."""
    profiles = {s.name: profile(s, stances or {}) for s in sources}
    units = _units(sources, quotes, profiles)
    found = []
    for d, dimension in enumerate(DIMENSIONS):
        for u, unit in enumerate(UNITS):
            pairs = [(p[dimension], w) for p, w in units[unit]]
            kept = [(c, w) for c, w in pairs if keep_unknown or c != UNKNOWN]
            totals: Counter[str] = Counter()
            for category, weight in kept:
                totals[category] += weight
            counts = tuple(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))
            estimates = (
                bootstrap([c for c, _ in kept], [w for _, w in kept], resamples, (seed, d, u))
                if sum(totals.values()) > 0
                else ()
            )
            unknown = 0.0 if keep_unknown else sum(w for c, w in pairs if c == UNKNOWN)
            found.append(Composition(dimension, unit, counts, unknown, estimates))
    return tuple(found)


# ---------------------------------------------------------------- coverage of an organisation


@dataclass(frozen=True)
class Member:
    """A state's status in an organisation and the date it took that status."""

    country: str
    status: str
    since: date


@dataclass(frozen=True)
class Membership:
    """An organisation's states, from ``rules/organizations.csv`` and its members file."""

    organization: str
    short: str
    names: tuple[str, ...]
    """Names of the organisation (or its doctrine) that contain a place name ("Shanghai
    Cooperation Organization"): masked before looking for mentions of member states."""
    file: str
    checked: date
    """The table is complete for dates up to this one; later changes are not recorded."""
    source: str
    members: tuple[Member, ...]

    def as_of(self, when: date | None) -> tuple[Member, ...]:
        """The states that held their status on ``when`` (all listed states when unknown)."""
        return tuple(m for m in self.members if when is None or m.since <= when)


def read_membership(file: str = "sco_members.csv") -> Membership:
    """The organisation whose members table is ``rules/<file>``, with its states."""
    org = next((r for r in rule_rows("organizations.csv") if r["members"] == file), None)
    if org is None:
        raise ValueError(f"rules/organizations.csv: no organisation has the members file {file}")
    members = tuple(
        Member(r["country"], r["status"], date.fromisoformat(r["since"])) for r in rule_rows(file)
    )
    return Membership(
        organization=org["organization"],
        short=org["short"],
        names=tuple(org["names"].split("|")),
        file=file,
        checked=date.fromisoformat(org["checked"]),
        source=org["source"],
        members=members,
    )


@dataclass(frozen=True)
class Presence:
    """Whether a state has a voice in the article, is only mentioned, or is absent."""

    country: str
    status: str
    presence: str
    evidence: str | None
    """The sources from that country, or the first words that mention it."""


@dataclass(frozen=True)
class Coverage:
    """Every state of an organisation (as of the article's date) and its presence."""

    organization: str
    short: str
    file: str
    as_of: str | None
    states: tuple[Presence, ...]

    def count(self, presence: str, status: str = "member") -> int:
        return sum(s.presence == presence and s.status == status for s in self.states)


def coverage(article: Article, sources: tuple[Source, ...], membership: Membership) -> Coverage:
    """Each state of ``membership`` as of the article's date: ``voice`` when a source's country
    is that state, ``mentioned`` when the body names it (country name, demonym, adjective or
    place from ``rules/countries.csv``; the organisation's own names are masked first, so
    "Shanghai Cooperation Organization" does not mention China), else ``absent``."""
    body = mask_names(article.body, membership.names)
    pattern, country = country_forms()
    named: dict[str, re.Match[str]] = {}
    for hit in pattern.finditer(body):
        named.setdefault(country[hit.group()], hit)
    when = article.published.date() if article.published else None
    states = []
    for member in membership.as_of(when):
        voices = [s.name for s in sources if s.country == member.country]
        first = named.get(member.country)
        if voices:
            presence, evidence = "voice", ", ".join(voices)
        elif first:
            paragraph = article.paragraph_of(first.start()) + 1
            presence, evidence = "mentioned", f"'{first.group()}' (¶{paragraph})"
        else:
            presence, evidence = "absent", None
        states.append(Presence(member.country, member.status, presence, evidence))
    return Coverage(
        membership.organization,
        membership.short,
        membership.file,
        when.isoformat() if when else None,
        tuple(states),
    )


# ---------------------------------------------------------------- viewpoints


@dataclass(frozen=True)
class StanceCoding:
    """A hand-coded stance of one source toward the article's central claim."""

    name: str
    stance: str
    justification: str


def read_stances(path: Path) -> dict[str, StanceCoding]:
    """Hand-coded stances by source name from a CSV with columns name, stance, justification;
    a stance must be one of :data:`STANCES` and every row needs a justification."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise ArticleError(str(path), f"cannot read the stance coding ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise ArticleError(str(path), "the stance coding is not UTF-8 text") from None
    missing = {"name", "stance", "justification"} - set(rows[0] if rows else {})
    if missing:
        raise ArticleError(str(path), f"stance coding lacks the columns {sorted(missing)}")
    coding: dict[str, StanceCoding] = {}
    for line, row in enumerate(rows, start=2):
        name, stance = (row["name"] or "").strip(), (row["stance"] or "").strip()
        justification = (row["justification"] or "").strip()
        if stance not in STANCES:
            raise ArticleError(
                str(path), f"line {line}: stance {stance!r} is not one of {', '.join(STANCES)}"
            )
        if not name or not justification:
            raise ArticleError(str(path), f"line {line}: a name and a justification are required")
        if name in coding:
            raise ArticleError(str(path), f"line {line}: {name!r} is coded twice")
        coding[name] = StanceCoding(name, stance, justification)
    return coding


@dataclass(frozen=True)
class Viewpoints:
    """The sources' stances toward the article's claim (Masini et al. 2018; Voakes et al.
    1996: many sources need not mean many viewpoints)."""

    stances: tuple[StanceCoding, ...]
    """One per source, in the sources' order; ``unknown`` when the source is not coded."""
    counts: dict[str, int]
    distinct: int
    """How many different known stances occur."""
    has_critical: bool
    has_independent: bool
    """Whether any source is independent of the state (see :func:`affiliation`)."""
    checks: tuple[StanceCheck, ...]
    """Each coded stance beside the tone of the source's own quoted words."""


EXPECTED_TONE = {"supportive": "positive", "critical": "negative", "neutral": "neutral"}
"""The VADER class a stance leads one to expect of the source's quoted words."""


@dataclass(frozen=True)
class StanceCheck:
    """A hand-coded stance checked against the mean VADER compound of the source's quoted
    units (sentiment stage): ``consistent`` is None when the stance or the tone is unknown."""

    name: str
    stance: str
    tone: float | None
    tone_label: str
    consistent: bool | None


def check_stance(coding: StanceCoding, tone: float | None) -> StanceCheck:
    """Whether the tone of a source's quotes has the class its coded stance leads one to
    expect (Hutto & Gilbert 2014 thresholds); lexicon tone is a check, not a stance measure."""
    tone_label = UNKNOWN if tone is None else label(tone)
    known = coding.stance in EXPECTED_TONE and tone is not None
    consistent = EXPECTED_TONE[coding.stance] == tone_label if known else None
    return StanceCheck(coding.name, coding.stance, tone, tone_label, consistent)


def viewpoints(
    sources: tuple[Source, ...],
    coding: Mapping[str, StanceCoding] | None = None,
    tones: Mapping[str, float | None] | None = None,
) -> Viewpoints:
    """Stance counts, distinct stances, whether a critical or an independent voice appears,
    and each stance checked against the tone of the source's quotes (``tones``, mean compound
    by source name); a source with no coding has stance ``unknown``."""
    coding, tones = coding or {}, tones or {}
    stances = tuple(coding.get(s.name, StanceCoding(s.name, UNKNOWN, "not coded")) for s in sources)
    counts = {stance: sum(c.stance == stance for c in stances) for stance in (*STANCES, UNKNOWN)}
    return Viewpoints(
        stances=stances,
        counts=counts,
        distinct=sum(counts[s] > 0 for s in STANCES),
        has_critical=counts["critical"] > 0,
        has_independent=any(affiliation(s) == "independent" for s in sources),
        checks=tuple(check_stance(c, tones.get(c.name)) for c in stances),
    )


# ---------------------------------------------------------------- the stage


def gaps(sources: tuple[Source, ...], views: Viewpoints, reach: Coverage) -> tuple[str, ...]:
    """Voices the article lacks, each stated as a finding from the data: no women, no ordinary
    citizens, no civil society, no critical or independent voice, member states without one."""
    if not sources:
        return ("no source is quoted",)
    found = []
    unstated = sum(s.gender == UNKNOWN for s in sources)
    if all(s.gender != "female" for s in sources):
        found.append(
            f"no woman is quoted (the text gives no gender for {unstated} of {len(sources)} "
            "sources)"
            if unstated
            else "no woman is quoted"
        )
    types = {actor_type(s) for s in sources}
    if "citizen" not in types:
        found.append("no ordinary citizen is quoted")
    if "civil_society" not in types:
        found.append("no civil-society organisation is quoted")
    if views.counts[UNKNOWN] == len(sources):
        found.append("no source's stance toward the claim is coded")
    elif not views.has_critical:
        found.append("no source is critical of the article's claim")
    if not views.has_independent:
        found.append("no source independent of the state is quoted")
    members = [s for s in reach.states if s.status == "member"]
    silent = [s.country for s in members if s.presence != "voice"]
    if silent:
        found.append(
            f"{len(silent)} of {len(members)} {reach.short} member states have no voice "
            f"({', '.join(silent)})"
        )
    return tuple(found)


@dataclass(frozen=True)
class Diversity:
    """Every diversity measure of one article."""

    keep_unknown: bool
    resamples: int
    seed: int
    compositions: tuple[Composition, ...]
    coverage: Coverage
    viewpoints: Viewpoints
    gaps: tuple[str, ...]

    def composition(self, dimension: str, unit: str) -> Composition:
        return next(c for c in self.compositions if (c.dimension, c.unit) == (dimension, unit))

    def to_dict(self) -> dict[str, Any]:
        """The ``diversity`` part of the JSON contract."""
        return {
            "unknown": "category" if self.keep_unknown else "excluded",
            "interval": {"level": LEVEL, "resamples": self.resamples, "seed": self.seed},
            "compositions": [
                {
                    "dimension": c.dimension,
                    "unit": c.unit,
                    "counts": dict(c.counts),
                    "unknown": c.unknown,
                    "indices": {
                        e.index: {"value": e.value, "low": e.low, "high": e.high}
                        for e in c.estimates
                    },
                }
                for c in self.compositions
            ],
            "coverage": {
                "organization": self.coverage.organization,
                "file": self.coverage.file,
                "as_of": self.coverage.as_of,
                "states": [asdict(s) for s in self.coverage.states],
            },
            "viewpoints": {
                "stances": [asdict(s) for s in self.viewpoints.stances],
                "counts": self.viewpoints.counts,
                "distinct": self.viewpoints.distinct,
                "has_critical": self.viewpoints.has_critical,
                "has_independent": self.viewpoints.has_independent,
                "checks": [asdict(c) for c in self.viewpoints.checks],
            },
            "gaps": list(self.gaps),
        }


def assess(
    article: Article,
    quotes: tuple[Quote, ...],
    sources: tuple[Source, ...],
    stances: Mapping[str, StanceCoding] | None = None,
    membership: Membership | None = None,
    tones: Mapping[str, float | None] | None = None,
    *,
    keep_unknown: bool = False,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> Diversity:
    """The diversity stage: compositions with intervals, coverage of the organisation's states
    (the SCO's unless another ``membership`` is given), viewpoints checked against ``tones``
    (each source's mean quote compound from the sentiment stage) and the missing voices."""
    views = viewpoints(sources, stances, tones)
    reach = coverage(article, sources, membership or read_membership())
    return Diversity(
        keep_unknown=keep_unknown,
        resamples=resamples,
        seed=seed,
        compositions=compositions(
            sources, quotes, stances, keep_unknown=keep_unknown, resamples=resamples, seed=seed
        ),
        coverage=reach,
        viewpoints=views,
        gaps=gaps(sources, views, reach),
    )
