"""The quotes stage: every direct and indirect quote of an article, with its speaker.

Rule based, in the tradition of the GenderGapTracker quote extractor (Asr et al. 2021) but
without statistical models, so it runs offline: quote marks are paired within and across
paragraphs, reporting cues come from ``rules/cue_verbs.csv``, speakers are found in the slots
that news style gives them (``"...," says Song``, ``X said: "..."``, ``X says [that] ...``,
``According to X, ...``), and surnames, titles and pronouns are resolved to the person the
article named earlier. Titles of works, so-called terms and scare quotes are not quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from analysis import gender
from analysis.article import Article
from analysis.people import (
    CONSTITUENCY,
    GIVEN_NAME,
    NAME,
    PORTFOLIO,
    ROLE_MODIFIERS,
    People,
    after_organisation,
    fits,
    is_person_name,
    lexicon,
    one_person_demonyms,
    strip_name,
)
from analysis.resources import rule_rows
from analysis.segment import Span

UNKNOWN = "unknown"
_PENDING = "<pronoun>"
_ONE_OF = "<one of them>"
"""Speaker of a quote attributed to one of the group quoted before ("One said ...")."""
_PARTIAL = "partial quote in narration"
"""Speaker of a quote attributed by pronoun, until the whole article has been read."""
PRONOUN_SPEAKERS = ("he", "she", "they")

_OPENING = "“"
_CLOSING = "”"
_STRAIGHT = '"'


def _lead(longest: int) -> str:
    """What may stand before the subject of a reporting clause: a dateline ("BACOLOD CITY - ",
    "LAHORE: "), a conjunction, then up to three introductory phrases of at most ``longest``
    characters closed by commas ("In León, Guanajuato, the centre of ..., ..."); a number's
    comma closes none ("Asked whether the 60,000 target was realistic, ...")."""
    return (
        r"(?:[A-Z][A-Z .'’-]{2,40}(?:\s[-–—]+\s|:\s))?"
        r"(?:(?:But|And|However|Still|Meanwhile|Yet|Now|Separately|Later)[ ,]+)?"
        rf"(?:(?:[^,\"“”]|,(?=\d)){{3,{longest}}}?,\s+){{0,3}}?"
    )


_LEAD = _lead(120)
_ACCORDING_LEAD = _lead(80)
"""Before "According to X, ..." only short phrases: a long one would be the reported clause
of "..., according to X, a woman from Idlib."."""
_PREPOSITIONS = frozenset(
    {"in", "at", "on", "of", "from", "to", "for", "near", "nearby", "by", "with"}
)
"""A name after one of these in a descriptor is a place or an institution ("a customs official
in Hai Phong"), not the speaker."""
_NOT_FUNCTION = r"(?!(?:in|at|on|of|from|to|for|with|by|and|or|the|a|an|as|than|near)\s)"
"""The word before a name in "chief executive Marcus Feld" is a role, not a preposition."""
_NOT_DETERMINER = r"(?!(?i:the|a|an|its|his|her|their|this|that)\s)"
"""A capitalised article or possessive opens a description, not a name ("The opposition's
culture spokesman, Declan Furlong, ...")."""
_NO_CONJUNCTION = (
    r"(?!(?i:and|but|or|so|yet|while|as|where|when|which|because|although|though|if)\b)"
)
"""A speaker after a comma is never a coordinated clause ("..., and the union agreed.")."""
_NOT_LY_NOUN = r"(?!(?:family|ally|assembly|rally|supply|monopoly|anomaly|italy)\s)"
"""A noun in -ly is no adverb: it ends a subject ("a source close to the family said")."""
_ADVERB = (
    r"(?:(?:also|always|later|further|again|previously|recently|then|now|has|have|had|once|long|often"
    rf"|{_NOT_LY_NOUN}[a-z]\w*ly)\s+)*"
)
_TITLE_NOUNS = (
    "novel|film|movie|book|song|album|play|opera|show|series|documentary|exhibition|poem|"
    "painting|report|programme|program|campaign|magazine|newspaper|column|app|chatbot"
)
_PLACE = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
"""A place name of up to three capitalised words; "in Ballinacree, Co Kildare" names two."""
_ASIDE = r"|\s+\((?=[^()]*[a-z])[^()]{1,60}\)"
"""A parenthesis after a name stands where an appositive would: "Ms Farah Iskandar (Kallang
Riverside) said"; an acronym in parentheses ("(ŚGE)") follows an organisation instead."""
_NOT_PARTICIPLE_PHRASE = r"(?![A-Z][a-z]+ing\s[^,]{1,40},)"
"""A sentence that opens with a participle phrase ("Addressing journalists, the Commissioner
of Police ... said") has its speaker after the comma, not in the phrase."""
_NOT_MODAL = r"(?!(?:would|will|could|can|should|may|might|must)\s)"
"""A who-clause in a descriptor holds no modal: "officials who would not comment" are no
speaker of what follows."""
_NOT_SUBORDINATE = r"(?!(?:after|since|because|when|while|before|until|unless)\s)"
"""A participle or infinitive phrase after a source noun ("residents displaced by the flood",
"the first person to arrive") holds no subordinate clause: "Councillors voted to pause it
after shopkeepers warned" has two clauses."""
_LY = rf"(?:{_NOT_LY_NOUN}[a-z]\w*ly\s+)?"
"""An adverb between a subject and its cue ("Ms Ortiz reportedly said")."""
_GESTURE = r"(?:[a-z]+ed\s+and\s+)?"
"""A gesture joined to the cue: "she smiled and said:", "he paused and added"."""
_PREFIX = r"(?i:co|ex|vice|deputy|acting)-"
"""A prefix a role noun may carry ("co-choreographer", "ex-minister")."""
_NOT_AUXILIARY = r"(?!(?:is|are|was|were|has|have|had|will|would|be|been)\s)"
"""A descriptor's qualifier holds no verb: "the first group of Ethiopian students is
expected" has its subject end before "is"."""
_WH = r"(?:that|how|why|what|whether|where|when|who)\b"
_NOT_CLAUSE = re.compile(
    r"^(?:nothing|little|so|goodbye|hello|hi|thanks|sorry|(?:yes|no)(?:\s+to\b|\W*$)"
    r"|are|is|was|were|have|has|had|will|would|can|could|may|might|must|should|to|of"
    r"|\w{3,}ed\s+(?:in|on|at|to|by|for|with|from|into|over)\b)\b",
    re.I,
)
"""Words that cannot open a reported clause: a cue followed by them is no cue ("member
states are working", "Nordic states gathered in Vilnius") or takes no clause ("said
nothing")."""


@dataclass(frozen=True)
class Quote:
    """One quote: what was said, by whom, and where in the body it stands."""

    id: str
    kind: str
    text: str
    speaker: str
    named: bool
    cue: str | None
    start: int
    end: int
    paragraph: int
    mention: str | None
    rule: str
    n_words: int = 0


# ---------------------------------------------------------------- rule tables


@dataclass(frozen=True)
class _Rules:
    cue: str
    inflected: str
    participles: str
    lemma_of: dict[str, str]
    complement: dict[str, str]
    nouns: str
    speaker: str
    subject: str


@cache
def _rules() -> _Rules:
    cues = rule_rows("cue_verbs.csv")
    lemma_of = {
        form: row["lemma"]
        for row in cues
        if row["lemma"] != "according to"
        for form in row["forms"].split("|")
    }
    complement = {row["lemma"]: row["complement"] for row in cues}
    cue = r"\b(?:" + "|".join(sorted(map(re.escape, lemma_of), key=len, reverse=True)) + r")\b"
    noun = "|".join(sorted(map(re.escape, lexicon().nouns), key=len, reverse=True))
    pp = (
        r"(?:in|at|from|for|of|to(?=\s+[A-Z])|with|on|near|along|around|outside|across|close to"
        r"|familiar with"
        r"|earlier in|later in|present at|present in|involved in)"
    )
    pp = rf"(?:(?:further|farther|just|right)\s+)?{pp}"
    descriptor = (
        rf"{_NO_CONJUNCTION}{_NOT_PARTICIPLE_PHRASE}"
        r"(?:(?i:the|a|an|its|their|his|her|one|two|three|four|several|some|many|other|most|few)"
        r"\s+)?"
        r"(?:[A-Z][\w'’-]*\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+)?"
        rf"(?:(?!(?:to|of|for|in|at|on|by|with|from)\s)[\w.'’-]+\s+){{0,5}}?(?:{_PREFIX})?(?i:{noun})\b"
        r"(?:\s+(?:nearby|locally))?"
        rf"(?:\s+[a-z]\w*(?:ing|ed)\b(?:\s+{_NOT_SUBORDINATE}[\w'’&-]+){{0,8}}?)?"
        rf"(?:\s+{pp}\s+(?:{_NOT_AUXILIARY}[\w'’&-]+\s+){{0,14}}?[\w'’-]+(?=[\s,])"
        rf"|\s+(?:in|from|near|outside)\s+{_PLACE},\s+{_PLACE}(?=\s))?"
        rf"(?:\s+who\s+[a-z][\w'’-]*(?:\s+{_NOT_MODAL}[\w'’&-]+){{0,16}}?(?<!\band)(?<!\bor)"
        rf"|\s+to\s+[a-z][\w'’-]*(?:\s+{_NOT_MODAL}{_NOT_SUBORDINATE}[\w'’&-]+){{0,16}}?)?"
    )
    # a name that a source noun follows is part of a descriptor ("the former Rovers
    # midfielder"), not a person after a role
    role_name = (
        rf"(?:[\w'’-]+\s+){{0,6}}?(?:(?:and|&)\s+[A-Z]{{2,4}}|{_NOT_FUNCTION}[a-z][\w'’-]*)"
        rf"\s+{NAME}(?![\w'’-]|\s+(?:{noun})\b)"
    )
    office = "|".join(
        re.escape(row["title"]) for row in rule_rows("titles.csv") if row["is_role"] == "true"
    )
    joint_portfolio = (
        rf"(?:[A-Z][\w'’-]*\s+){{1,3}}(?:and|&)\s+(?:[A-Z][\w'’-]*\s+){{0,3}}(?:{office})\s+{NAME}"
    )
    affiliation = (
        rf"(?:\s+(?:of|at|from|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*-based\s+)?{NAME}"
        rf"(?:(?:,?\s+(?:of|for|and)\s+|,\s+){NAME})*"
        rf"(?:\s+in\s+{NAME})?)?"
    )
    demonym = "|".join(sorted(map(re.escape, one_person_demonyms()), key=len, reverse=True))
    named = (f"{role_name}|{_NOT_DETERMINER}{NAME}", f"{_NOT_DETERMINER}{NAME}|{role_name}")
    # After its cue the longer role and name is wanted ("said NPV chairwoman Ingrid
    # Hoekstra"); before its cue a plain name is tried first, so that a name and a lowercase
    # verb do not read as a title ("Amara Smith said Tallyroll expected ..." is not the role
    # "Amara Smith said" of a "Tallyroll").
    speaker, subject = (
        rf"(?P<speaker>(?i:he|she|they)\b|(?i:the)\s+(?i:{demonym})\b"
        rf"|{joint_portfolio}|(?:{person}){affiliation}|{descriptor})"
        for person in named
    )
    participles = "|".join(sorted(f for f in lemma_of if f.endswith("ing")))
    inflected = sorted((f for f, lemma in lemma_of.items() if f != lemma), key=len, reverse=True)
    return _Rules(
        cue=cue,
        inflected=r"\b(?:" + "|".join(map(re.escape, inflected)) + r")\b",
        participles=rf"\b(?:{participles})\b",
        lemma_of=lemma_of,
        complement=complement,
        nouns=noun,
        speaker=speaker,
        subject=subject,
    )


@dataclass(frozen=True)
class _Patterns:
    after_cue_first: re.Pattern[str]
    after_speaker_first: re.Pattern[str]
    before: tuple[re.Pattern[str], ...]
    unclosed_end: re.Pattern[str]
    subject_cue: re.Pattern[str]
    parenthetical: re.Pattern[str]
    content_cue: re.Pattern[str]
    content_cue_inverted: re.Pattern[str]
    according_start: re.Pattern[str]
    according_end: re.Pattern[str]
    coordinated: re.Pattern[str]
    participle: re.Pattern[str]
    subordinate: re.Pattern[str]
    subject: re.Pattern[str]
    relative: re.Pattern[str]
    name: re.Pattern[str]
    appos_name: re.Pattern[str]
    trailing_name: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    r = _rules()
    sp, subj, cue = r.speaker, r.subject, rf"(?P<cue>{r.cue})"
    # A subject's cue is a finite verb; a participle after it opens an aside ("The mayor,
    # Kenji Morimoto, speaking through an interpreter, said ..."), an infinitive belongs to
    # a relative clause ("an official who was not authorised to speak to the media said").
    finite = rf"(?P<cue>(?<!\bto\s)(?!{r.participles}){r.cue})"
    appos = rf"(?P<appos>,\s+[^\"“”]+?,{_ASIDE})?"
    return _Patterns(
        after_cue_first=re.compile(
            rf"^\s*,?\s*{cue}\s+{sp}(?P<appos>,\s+[^\"“”,.]+(?:,\s+{NAME}(?=[.,]))?)?"
        ),
        after_speaker_first=re.compile(rf"^\s*,?\s*{subj}{appos}\s+{_LY}{finite}"),
        before=tuple(
            re.compile(
                r"(?:^|[,;:]\s+|^\W+|\b(?:what|as|(?:in|at|during|after) which)\s+)"
                rf"{_LEAD}{subj}{appos}\s+{_ADVERB}{_LY}{_GESTURE}{verb}"
                r"(?P<tail>[^\"“”.!?]{0,80}?)\s*(?P<colon>[:,])?\s*$"
            )
            for verb in (finite, cue)
        ),
        unclosed_end=re.compile(
            rf",(?=\s+(?:(?i:he|she|they)\s+{r.cue}|{r.cue}\s+{NAME}|{NAME}\s+{r.cue}))"
        ),
        subject_cue=re.compile(
            rf"^{_LEAD}{subj}(?P<appos>,\s+.+?,{_ASIDE})?\s+{_ADVERB}{_LY}{finite}"
            r"(?:,\s+[a-z]+(?:\s+[a-z]+)?,)?"
            r"(?P<obj>(?:\s+(?:reporters|journalists|the \w+|him|her|them|us|me|\w+))?)"
            r"(?P<rest>\s+.+?)[.!?]?$"
        ),
        parenthetical=re.compile(
            rf",\s+(?P<speaker>(?i:he|she|they)|{NAME})\s+{cue},\s+(?:that\s+)?"
            r"(?P<rest>[^\"“”]+?)[.!?]?$"
        ),
        content_cue=re.compile(
            rf"^(?P<content>.+?),\s+{_NO_CONJUNCTION}{subj}\s+{cue}(?:\s+[\w'’-]+){{0,12}}"
            r"(?:,\s[^\"“”]*)?[.!?]$"
        ),
        content_cue_inverted=re.compile(rf"^(?P<content>.+?),\s+{cue}\s+{sp}(?:,\s.*)?[.!?]$"),
        according_start=re.compile(
            rf"^{_ACCORDING_LEAD}(?i:according to)\s+{sp}(?P<appos>,\s+[^,]+?)?,\s+"
            r"(?P<content>.+?)[.!?]?$"
        ),
        according_end=re.compile(
            rf"^(?P<content>.+?),?\s+(?i:according to)\s+{sp}(?:,\s.*)?[.!?]$"
        ),
        coordinated=re.compile(
            rf"\b(?:and|but)\s+(?:also\s+)?(?P<cue>{r.inflected})\s+(?P<rest>.+?)[.!?]?$"
        ),
        participle=re.compile(rf",\s+(?P<cue>{r.participles})\s+(?P<rest>.+?)[.!?]?$"),
        subject=re.compile(
            rf"^{_LEAD}{sp}(?P<appos>,\s+.+?,{_ASIDE})?\s+(?!(?i:{r.nouns})\b)[a-z]"
        ),
        relative=re.compile(
            rf"(?P<speaker>{NAME}|(?:[a-z][\w'’-]*\s+)?(?:{r.nouns})\b)"
            rf"(?:,\s+[^,]+?)*,?\s+(?:[\w'’-]+\s+){{0,4}}?who\s+"
            rf"(?:also\s+)?{cue}\s+(?P<rest>.+?)[.!?]?$"
        ),
        subordinate=re.compile(
            rf"(?:,\s+(?:although|though|but|while|because|and|as|where|when)|\s+(?:after|since))"
            rf"\s+{subj}{appos}\s+{cue}\s+(?P<rest>.+?)[.!?]?$"
        ),
        name=re.compile(NAME),
        appos_name=re.compile(
            rf"(?:(?:and\s+)?{_NOT_FUNCTION}[a-z][\w'’-]*\s+){{0,4}}?(?P<name>{NAME})"
        ),
        trailing_name=re.compile(rf"{NAME}$"),
    )


# ---------------------------------------------------------------- quote marks


@dataclass(frozen=True)
class _Marked:
    """Text between quote marks: its parts (one per paragraph) as body spans."""

    parts: tuple[Span, ...]
    paragraph: int
    closed: bool


def _opens(text: str, i: int) -> bool:
    after = text[i + 1 : i + 2]
    before = text[i - 1 : i] if i else " "
    return bool(after) and not after.isspace() and (before.isspace() or before in "([{—–-/:")


def _paragraph_marks(text: str) -> tuple[list[tuple[int, int]], int | None]:
    """Closed (start, end) pairs inside one paragraph, and the start of an unclosed quote."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch not in (_OPENING, _CLOSING, _STRAIGHT):
            continue
        if open_at is None:
            if ch == _OPENING or (ch == _STRAIGHT and _opens(text, i)):
                open_at = i + 1
        elif ch in (_CLOSING, _STRAIGHT):
            pairs.append((open_at, i))
            open_at = None
    return pairs, open_at


def _marked(article: Article) -> list[_Marked]:
    found: list[_Marked] = []
    carried: list[Span] = []
    carried_paragraph = 0
    texts = article.paragraph_texts
    for index, para in enumerate(article.paragraphs):
        text = texts[index]
        pairs, open_at = _paragraph_marks(text)
        if carried:
            if text[:1] in (_OPENING, _STRAIGHT) and pairs and pairs[0][0] == 1:
                first = pairs.pop(0)
                carried.append(Span(para.start + 1, para.start + first[1]))
                found.append(_Marked(tuple(carried), carried_paragraph, True))
                carried = []
            elif text[:1] in (_OPENING, _STRAIGHT) and open_at == 1:
                carried.append(Span(para.start + 1, para.end))
                continue
            else:
                found.append(_Marked(tuple(carried), carried_paragraph, False))
                carried = []
        found.extend(
            _Marked((Span(para.start + a, para.start + b),), index, True) for a, b in pairs
        )
        if open_at is not None:
            nxt = texts[index + 1][:1] if index + 1 < len(texts) else ""
            part = Span(para.start + open_at, para.end)
            if nxt in (_OPENING, _STRAIGHT):
                carried, carried_paragraph = [part], index
            else:
                found.append(_Marked((part,), index, False))
    if carried:
        found.append(_Marked(tuple(carried), carried_paragraph, False))
    return found


def _trim_unclosed(body: str, marked: _Marked) -> _Marked:
    """End an unclosed quote at the comma before its reporting cue, if there is one."""
    if marked.closed:
        return marked
    last = marked.parts[-1]
    hit = _patterns().unclosed_end.search(last.of(body))
    if not hit:
        return marked
    parts = (*marked.parts[:-1], Span(last.start, last.start + hit.end()))
    return _Marked(parts, marked.paragraph, True)


# ---------------------------------------------------------------- speakers


_KEEP_WHOLE = re.compile(
    r"\b(?:familiar with|close to|with knowledge of|briefed on|present at|present in"
    r"|(?:spokes(?:man|woman|person|people|men|women)|representatives?|lawyers?) for)\b",
    re.I,
)
"""Descriptors whose qualifier is the description ("people familiar with the matter", "a
spokesman for the regional court", "two people present at the meeting")."""


_LEADING_WORDS = frozenset(
    {
        "and",
        "but",
        "though",
        "although",
        "as",
        "while",
        "because",
        "when",
        "the",
        "a",
        "an",
        "another",
        "his",
        "her",
        "their",
        "its",
        "one",
        "some",
        "several",
        "many",
        "most",
        "few",
        "other",
    }
)
_NUMBERS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
"""Words a descriptor label drops at its start: a conjunction, an article, a possessive or a
quantifier ("and forecasters", "Her former manager", "Two diplomats" -> "Forecasters",
"Former manager", "Diplomats"); numbers go only before a plural noun."""
_COUNT = re.compile(r"of (?:one|two|three|four|five|six|\d+)\b")
_QUALIFIER = re.compile(
    r"\s+(?:\w+ing|in|at|from|for|with|on|of(?!\s+(?:one|two|three|four|five|six|\d+)\b))\s+"
)
"""Where a descriptor's qualifier starts; "father of two" keeps its number."""


def _descriptor_label(mention: str) -> str | None:
    """``a defence ministry spokeswoman in Dushanbe`` -> ``Defence ministry spokeswoman``."""
    nouns = lexicon().nouns
    words = mention.split()
    plural = any(word.lower() in lexicon().plurals for word in words)
    while words and (
        words[0].lower() in _LEADING_WORDS or (plural and words[0].lower() in _NUMBERS)
    ):
        words = words[1:]
    heads = [
        i
        for i, word in enumerate(words)
        if re.sub(rf"^{_PREFIX}", "", word.lower().strip(",")) in nouns
    ]
    if not heads:
        return None
    placed = [i for i, word in enumerate(words[: heads[0]]) if _BASED.search(word)]
    if placed:
        heads = [i - placed[-1] - 1 for i in heads]
        words = words[placed[-1] + 1 :]
    if _KEEP_WHOLE.search(mention):
        label = " ".join(words)
    else:
        head_at = len(" ".join(words[: heads[0]]))
        qualifier = _QUALIFIER.search(" ".join(words), head_at)
        kept = " ".join(words)[: qualifier.start()] if qualifier else " ".join(words)
        kept_words = kept.split()
        last = max((i for i in heads if i < len(kept_words)), default=None)
        if last is None:
            return None
        label = " ".join(kept_words[: last + 1])
        count = _COUNT.match(" ".join(kept_words[last + 1 :]))
        label += f" {count.group()}" if count else ""
    return label[:1].upper() + label[1:]


_BASED = re.compile(r"-based$", re.I)
"""A placing qualifier before the noun: "a Santiago-based metals trader" -> "Metals trader"."""
_QUALIFIED_ROLE = re.compile(rf"(?i)(?!(?:{ROLE_MODIFIERS})\s)\w+\s+\w+$")
"""A role with one word before its noun that makes it no other office: "the committee chair"
is the chair, "the deputy mayor" is not the mayor."""
_AFFILIATED = re.compile(r"^the\s+(?:[a-z][\w-]*\s+)*[A-Z][\w'’-]*\s+(?:[a-z][\w-]*\s+)*[a-z]+$")
"""A definite descriptor that places its noun by a proper name refers back to a person just
named ("said the former Rovers midfielder" after Gary Holt)."""
_POSSESSOR = re.compile(r"[A-Z][\w-]*['’]s")
"""A place or body that owns a role makes it definite: "Ontario’s ombudsman says"."""
_AGE = re.compile(r"\b\d+-year-old\b")
"""An age in a definite descriptor refers back to a person just named ("the 58-year-old")."""
_AFFILIATION = re.compile(r"\s+(?:of|at|from|for)\s+(?:the\s+)?(?=[A-Z])")
"""Where a name's affiliation starts: "Hemi Callaghan of Tasman Insights"."""


_ANNOUNCED_NAME = re.compile(rf"(?:{GIVEN_NAME.pattern}),?\s+(?P<name>{NAME})")
"""A one-word name an appositive announces: "who gave his name only as Yusuf"."""


def _mention(hit: re.Match[str]) -> str:
    """The speaker slot of a match, or the name in its appositive when the slot holds only a
    role, a place or a determiner:
    - a role: "Chile's foreign trade minister, Rodrigo Valdebenito, said", also after a title
      ("Her Serbian counterpart, State Secretary at the Ministry of Culture Dragana Ilić,
      says");
    - a place: "In Chandni Chowk, Shabnam Bano, who sells drinks, said", "In La Pintana, a
      district, Rosa Huenchumil, a seamstress, said";
    - a determiner: "Another regular, a taxi driver, said";
    - an announced name: "a man, who gave his name only as Yusuf, said".
    A name that ends the appositive counts only after a title or as its own comma segment
    ("the Minister for Justice, Equality and Family Affairs, Daniel Sciberras, said";
    "..., Punjab and west Uttar Pradesh, and said" names nobody)."""
    speaker = hit["speaker"]
    appos = hit.groupdict().get("appos")
    placed = speaker.split()[0].lower() in _PREPOSITIONS
    if not appos or (not placed and is_person_name(strip_name(_AFFILIATION.split(speaker)[0])[0])):
        return speaker
    text = appos.strip(", ")
    if speaker.lower() in ("another", "one"):
        return text
    announced = _ANNOUNCED_NAME.search(text)
    if announced:
        return announced["name"]
    if placed:
        named = (part for part in text.split(", ") if is_person_name(strip_name(part)[0]))
        first = next(named, None)
        if first:
            return first
    leading = _patterns().appos_name.match(text)
    if leading and is_person_name(strip_name(leading["name"])[0]):
        return leading["name"]
    if GIVEN_NAME.search(speaker) and re.fullmatch(NAME, text) and " " not in text:
        return text
    if (
        leading
        and " " not in leading["name"]
        and not leading.start("name")
        and text[leading.end() :][:1] in ("", ",")
        and _descriptor_label(speaker)
    ):
        return leading["name"]
    trailing = _patterns().trailing_name.search(text)
    if trailing:
        name = after_organisation(strip_name(trailing.group())[0])
        listed = text[: trailing.start()].endswith(", ")
        if (name != trailing.group() or listed) and is_person_name(name):
            return trailing.group()
    return speaker


def _speaker(
    mention: str, offset: int, people: People, said: str = ""
) -> tuple[str, bool, str] | None:
    """(canonical speaker, named person?, mention), or None when the mention names nobody.

    Pronouns resolve to the nearest fitting person before ``offset``; names to the person the
    article introduced in full (among relatives, the one the pronoun opening the reported
    clause ``said`` fits); descriptors ("Experts", "a ministry spokeswoman") stay
    descriptors, except a singular "the mayor" that matches a named person's title.
    """
    mention = mention.strip()
    low = mention.lower()
    if low in PRONOUN_SPEAKERS:
        return (_PENDING, False, mention)
    if low in ("one", "another", "one of them"):
        return (_ONE_OF, False, mention)
    first = low.split()[0]
    whole = _patterns().trailing_name.search(mention)
    split = _AFFILIATION.search(mention)
    if whole and split and split.start() < whole.start():
        words = whole.group().split()
        for tail in (" ".join(words[-n:]) for n in (4, 3, 2) if len(words) > n):
            person = people.person(tail, speaking=True, at=offset)
            if person and person.name == tail:
                return (person.name, True, mention)
    person_part = _AFFILIATION.split(mention)[0]
    trailing = _patterns().trailing_name.search(person_part)
    before = person_part[: trailing.start()].split() if trailing else []
    while before and before[-1].lower() in ("the", "a", "an"):
        before.pop()
    head = before[-1:]
    placed = bool(head) and head[0].lower() in _PREPOSITIONS
    # an organisation word just before a name owns it ("group Clean Vote Watch"), unless a
    # title opens the name: the word describes the title ("opposition MP Litia Koroi")
    titled = bool(trailing and strip_name(trailing.group())[1])
    organisation = bool(head) and (
        (head[0].lower() in lexicon().non_person and not titled) or head[0][-1] == ","
    )
    title = person_part[: trailing.start()] if trailing else ""
    organisation |= placed and not (PORTFOLIO.search(title) or CONSTITUENCY.search(title))
    if trailing and head and head[0].lower() in ("elder", "older", "younger"):
        person = people.by_generation(trailing.group(), head[0].lower() != "younger", offset)
        if person:
            return (person.name, True, mention)
    if trailing and not organisation and (first not in ("the", "a", "an") or trailing.start()):
        words = trailing.group().split()
        for start in range(max(len(words) - 1, 1)):
            person = people.person(" ".join(words[start:]), True, offset, said)
            if person:
                return (person.name, True, mention)
    if first == "the" and " ".join(low.split()[1:]) in one_person_demonyms():
        person = people.last_named(offset)
        return (person.name, True, mention) if person else None
    label = _descriptor_label(mention)
    if label is None:
        return None
    possessor = _POSSESSOR.fullmatch(label.split()[0])
    role = label[possessor.end() :].strip() if possessor and " " in label else label
    definite = first in ("the", "his", "her", "their") or possessor
    if definite and role.split()[-1].lower() not in lexicon().plurals:
        person = (
            people.by_role(role, offset, said)
            or (
                _QUALIFIED_ROLE.match(role)
                and _head_noun(role) in lexicon().roles
                and people.by_role(_head_noun(role), offset, said)
            )
            or (_AGE.search(role) and people.last_named(offset))
            or (_AFFILIATED.search(mention) and people.last_named(offset))
        )
        if person:
            return (person.name, True, mention)
    return (label, False, mention)


# ---------------------------------------------------------------- direct quotes


def _is_non_quote(text: str, before: str, after: str) -> bool:
    """Titles of works, names, so-called terms: short title-case or naming-context quotes that
    no reporting cue follows ("the novel "Red Sorghum"", "behind "Workbench," the suite")."""
    words = text.strip().rstrip(",.").split()
    if not words:
        return True
    before = before.rstrip().lower()
    if re.search(r"\bso[- ]called$|\bwhat\s+\w+\s+calls?(?:\s+(?:the|a|an))?$", before):
        return True
    p = _patterns()
    if p.after_cue_first.match(after) or p.after_speaker_first.match(after):
        return False
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "de"}
    titled = all(w[:1].isupper() or w.lower() in small or not w[:1].isalpha() for w in words)
    inner = re.search(r"[.!?;]", text.strip().rstrip(",."))
    if titled and len(words) <= 6 and not inner:
        return True
    return bool(re.search(rf"\b(?:{_TITLE_NOUNS})\s*,?$", before)) and len(words) <= 6


_Found = tuple[str, bool, str | None, str | None, str]
"""An attribution: (speaker, named?, mention, cue, rule that matched)."""


def _direct(article: Article, people: People) -> list[Quote]:
    body = article.body
    p = _patterns()
    quotes: list[Quote] = []
    for m in (_trim_unclosed(body, m) for m in _marked(article)):
        first, last = m.parts[0], m.parts[-1]
        sentence = article.sentence_at(first.start - 1)
        para = article.paragraphs[m.paragraph]
        before = body[max(sentence.span.start, para.start) : first.start - 1]
        after = body[
            last.end + int(m.closed) : article.paragraphs[article.paragraph_of(last.start)].end
        ]
        after = re.split(r"[“\"]", after, maxsplit=1)[0]
        text = " ".join(part.of(body) for part in m.parts)
        if _is_non_quote(text, before, after):
            continue
        partial = bool(before.strip()) and not before.rstrip().endswith(":")
        if partial and before.rstrip().endswith(","):
            introduced = _cue_before(before)
            partial = not (introduced and not introduced["tail"].strip()) and bool(
                _CLAUSE_COMMA.search(before)
            )
        found = _attribute_direct(text, before, after, partial, first.start, people, p)
        if found is None and partial:
            found = _reported_speaker(before, first.start, quotes, article, people)
            if found is None:
                continue
        if found is None and quotes and quotes[-1].paragraph == m.paragraph:
            prev = quotes[-1]
            found = (prev.speaker, prev.named, prev.mention, prev.cue, "same speaker as before")
        if found is None:
            found = _previous_paragraph_speaker(article, m, quotes, people)
        speaker, named, mention, cue, rule = found or (UNKNOWN, False, None, None, "none found")
        quotes.append(
            Quote(
                "",
                "direct",
                text,
                speaker,
                named,
                cue,
                first.start,
                last.end,
                m.paragraph,
                mention,
                rule,
            )
        )
    return quotes


_CLAUSE_COMMA = re.compile(r"\b(?:that|which|who)\b[^\"“”]*,\s*$")
"""A quote after the comma that closes a relative clause inside a reported clause continues
that clause ("She added that the letter, which cited reports, "could have been written
..."")."""
_REPORTED = re.compile(
    r"(?:that\s+)?(?:he|she|they|it|we|i|the|a|an|this|there|his|her|their|its)(?:\s+\S+){3}",
    re.I,
)
"""A cue's tail that is itself reported speech ("said he had expected bad news, "but not
this""): the quote that follows completes the reported clause, as a partial quote."""


def _attribute_direct(
    text: str,
    before: str,
    after: str,
    partial: bool,
    offset: int,
    people: People,
    p: _Patterns,
) -> _Found | None:
    """Speaker and cue from the words after the quote, else from the words before it."""
    ends_open = text.rstrip(" '’")[-1:] in ",?!—–-…"
    lower_next = after.lstrip(" ,")[:1].islower()
    if not partial and (ends_open or lower_next):
        for pattern, rule in (
            (p.after_cue_first, "cue after the quote: cue, then speaker"),
            (p.after_speaker_first, "cue after the quote: speaker, then cue"),
        ):
            hit = pattern.match(after)
            if hit:
                resolved = _speaker(_mention(hit), offset, people)
                if resolved:
                    return (*resolved, hit["cue"], rule)
    hit = _cue_before(before)
    if hit and (partial or hit["colon"] or not hit["tail"].strip()):
        resolved = _speaker(_mention(hit), offset, people)
        reported = hit["colon"] != ":" and _REPORTED.match(hit["tail"].strip())
        if resolved:
            rule = _PARTIAL if partial or reported else "cue before the quote"
            return (*resolved, hit["cue"], rule)
    return None


def _complement(cue: str | None) -> str:
    """What a cue takes after it (``cue_verbs.csv``): "clause", "that" or "none" (a verb that
    only names or describes, "called it "..."")."""
    rules = _rules()
    return rules.complement.get(rules.lemma_of.get(cue or "", ""), "none")


def _cue_before(text: str) -> re.Match[str] | None:
    """A speaker and cue that end ``text`` and introduce a quote: a finite cue if there is
    one, else a participle ("Jess, who ..., later shared ..., writing: "..."")."""
    return next((hit for pattern in _patterns().before if (hit := pattern.search(text))), None)


def _reported_speaker(
    before: str, offset: int, quotes: list[Quote], article: Article, people: People
) -> _Found | None:
    """The speaker of a partial quote far from its cue: the speaker of an earlier quote in the
    same sentence, else the subject of the sentence's reporting clause ("Nowicka said a
    recount rarely changed ..., but that the margin was "small enough ...""), or of a
    participle that names or describes ("Justice Marchetti rejected that argument,
    describing deterrence as "the primary purpose"")."""
    sentence = article.sentence_at(offset - 1).span
    if quotes and quotes[-1].start >= sentence.start:
        prev = quotes[-1]
        return (prev.speaker, prev.named, prev.mention, prev.cue, _PARTIAL)
    p = _patterns()
    hit = p.subject_cue.match(before)
    resolved = hit and _speaker(_mention(hit), offset, people)
    if resolved:
        return (*resolved, hit["cue"], _PARTIAL)
    subject, aside = p.subject.match(before), p.participle.search(before)
    naming = aside and _complement(aside["cue"]) == "none"
    resolved = subject and naming and _speaker(_mention(subject), offset, people)
    return (*resolved, aside["cue"], _PARTIAL) if resolved else None


def _previous_paragraph_speaker(
    article: Article, m: _Marked, quotes: list[Quote], people: People
) -> _Found | None:
    """A paragraph that opens with an unattributed quote continues the previous speaker; a
    paragraph that is nothing but a quote, after narration about a person, is that person
    speaking (features write "... she laughs." and then the quote, with no cue); before
    anyone is named, it is the person the next paragraph introduces (features open on a
    quote, then "Joan Pettigrew, 71, has lived ...")."""
    para = article.paragraphs[m.paragraph]
    if m.parts[0].start != para.start + 1:
        return None
    whole = m.closed and len(m.parts) == 1 and m.parts[0].end == para.end - 1
    opening = whole and people.last_named(para.start, near=False) is None
    introduced = people.introduced_in(m.paragraph + 1) if opening else None
    if introduced:
        return (introduced.name, True, None, None, "opening quote, then its speaker introduced")
    if m.paragraph == 0:
        return None
    prev_text = article.paragraph_texts[m.paragraph - 1]
    if prev_text.rstrip().endswith(":"):
        last = article.sentence_at(article.paragraphs[m.paragraph - 1].end - 1)
        hit = _cue_before(last.span.of(article.body))
        if hit:
            resolved = _speaker(_mention(hit), para.start, people)
            if resolved:
                return (
                    *resolved[:2],
                    resolved[2],
                    hit["cue"],
                    "cue at the end of the previous paragraph",
                )
    if quotes and quotes[-1].paragraph == m.paragraph - 1 and quotes[-1].speaker != UNKNOWN:
        q = quotes[-1]
        return (q.speaker, q.named, q.mention, q.cue, "continues the previous paragraph's quote")
    person = people.last_named(para.start) if whole else None
    if person:
        return (person.name, True, None, None, "quote paragraph after narration about its speaker")
    return None


# ---------------------------------------------------------------- indirect quotes


_FINITE = r"(?:is|was|were|are|had|has|have|would|will|could|can|should|might|may|must|did|does)\b"
_POSSESSIVE = r"(?:his|her|their|its|our|my)"
_POSSESSED = rf"{_POSSESSIVE}\s+(?:[\w'’-]+\s+){{1,3}}?{_FINITE}.*"
"""A clause whose subject opens with a possessive: "her son had been ..."."""
_BARE_CLAUSE = re.compile(
    rf"^(?:(?:he|she|they|it|we|i|there)\s+|(?:the|a|an|this|{_POSSESSIVE})\s+"
    rf"(?:(?!(?:he|she|they|it|we|i)\s)[\w'’-]+\s+){{1,3}}?){_FINITE}",
    re.I,
)
"""A reported clause without "that", known by a subject and a finite verb ("confirmed the
deal was the biggest", not "confirmed the appointment" or "recalled the day he was")."""
_SETTING = re.compile(
    r"^(?:(?:on|in|at|to|during|after|before|with|by|from|for|through|via|over|late|early|last"
    r"|this|earlier|later)"
    r"\b[^,.;]{0,60}?\s+)?that\s+(?P<clause>.+)$"
)
"""A cue's setting before its that-clause: "said in a note to clients that ..."."""
_TOLD = re.compile(
    r"^(?:(?:the|a|an|his|her|their|its)\s+)?(?:\S+\s+){0,2}?"
    r"(?!(?:on|in|at|to|for|with|by|from|of|after|during|before)\s)\S+"
    r"(?:\s+(?:on|in|at|after|during|before)\s+[^,.;]{1,40}?)?"
    rf"\s+(?:that\s+)?(?P<clause>(?:he|she|they|it|we|i|the|a|an|this|there)\b.+|{_POSSESSED})$",
    re.I,
)
"""``told employees he would ...``: an object, then a clause that opens with its subject
("told the inquest her son had been ...")."""
_TOLD_THAT = re.compile(r"^(?:\S+\s+){1,8}?that\s+(?P<clause>.+)$")
"""``told Global Health Dispatch that ...``: a short object, then a that-clause."""


def _clause(lemma: str, obj: str, rest: str) -> str | None:
    """The reported clause after a cue, or None when the verb takes no clause here."""
    complement = _rules().complement.get(lemma, "none")
    rest = f"{obj.strip()} {rest.strip()}".strip()
    setting = _SETTING.match(rest)
    if setting and complement != "none":
        return setting["clause"]
    if lemma == "tell":
        told = _TOLD_THAT.match(rest) or _TOLD.match(rest)
        return told["clause"] if told else None
    if re.match(rf"^{_WH}", rest) and complement != "none":
        return rest
    if complement == "that" and _BARE_CLAUSE.match(rest):
        return rest
    if complement == "clause" and len(rest.split()) >= 3 and not _NOT_CLAUSE.match(rest):
        return rest
    return None


def _indirect(article: Article, people: People, direct: list[Quote]) -> list[Quote]:
    body = article.body
    found: list[Quote] = []
    starts = [q.start for q in direct]
    for sentence in article.sentences:
        text = sentence.span.of(body)
        low = max(bisect_right(starts, sentence.span.start) - 1, 0)
        high = bisect_left(starts, sentence.span.end)
        inside = [q for q in direct[low:high] if q.end > sentence.span.start]
        for content, mention, cue, rule in _indirect_hits(text, inside):
            content = content.strip().rstrip(".!?").strip()
            resolved = _speaker(mention, sentence.span.start, people, content)
            start = body.find(content, sentence.span.start)
            if resolved is None or start < 0:
                continue
            end = start + len(content)
            if any(
                q.start < end
                and start < q.end
                and not (q.rule == _PARTIAL and start <= q.start and q.end <= end)
                for q in inside
            ):
                continue
            speaker, named, said = resolved
            found.append(
                Quote(
                    "",
                    "indirect",
                    content,
                    speaker,
                    named,
                    cue,
                    start,
                    end,
                    sentence.paragraph,
                    said,
                    rule,
                )
            )
    return found


def _indirect_hits(text: str, inside: list[Quote]) -> Iterator[tuple[str, str, str, str]]:
    """(reported clause, speaker mention, cue, rule) for the reported speech in one sentence."""
    p = _patterns()
    lemma_of = _rules().lemma_of
    attributed = [q for q in inside if q.rule != _PARTIAL or _complement(q.cue) == "none"]
    if attributed:
        speaker = attributed[0].mention
        for pattern in (p.coordinated, p.participle):
            hit = pattern.search(text)
            clause = hit and _clause(lemma_of.get(hit["cue"], ""), "", hit["rest"])
            if clause and speaker:
                yield clause, speaker, hit["cue"], "second cue after a quote in the same sentence"
                return
    if any(q.rule != _PARTIAL for q in inside):
        hit = _relative(text)
        clause = hit and _clause(lemma_of.get(hit["cue"], ""), "", hit["rest"])
        if clause:
            yield clause, hit["speaker"], hit["cue"], "name, who + cue, clause"
        return
    hit = p.according_start.match(text)
    if hit:
        content = hit["content"]
        if hit["appos"] and not _looks_like_role(hit["appos"]):
            content = f"{hit['appos'].lstrip(', ')}, {content}"
        yield content, _mention(hit), "according to", "according to X, reported clause"
        return
    hit = p.according_end.match(text)
    if hit:
        yield hit["content"], hit["speaker"], "according to", "reported clause, according to X"
        return
    hit = p.subject_cue.match(text)
    clause = hit and _clause(lemma_of.get(hit["cue"], ""), hit["obj"], hit["rest"])
    if clause:
        yield clause, _mention(hit), hit["cue"], "speaker, cue, reported clause"
        return
    hit = p.parenthetical.search(text)
    if hit and _complement(hit["cue"]) != "none":
        yield hit["rest"], hit["speaker"], hit["cue"], "cue inside the sentence, clause after it"
        return
    for pattern, rule in (
        (p.content_cue, "reported clause, speaker, cue"),
        (p.content_cue_inverted, "reported clause, cue, speaker"),
    ):
        hit = pattern.match(text)
        lemma = hit and lemma_of.get(hit["cue"], "")
        if hit and (lemma == "tell" or _rules().complement.get(lemma) == "clause"):
            yield hit["content"], hit["speaker"], hit["cue"], rule
            return
    hit = p.subordinate.search(text)
    clause = hit and _clause(lemma_of.get(hit["cue"], ""), "", hit["rest"])
    if clause:
        yield clause, _mention(hit), hit["cue"], "speaker, cue, clause after a conjunction"
        return
    subject = p.subject.match(text)
    for pattern in (p.coordinated, p.participle):
        hit = subject and pattern.search(text)
        clause = hit and _clause(lemma_of.get(hit["cue"], ""), "", hit["rest"])
        if clause:
            yield clause, _mention(subject), hit["cue"], "subject, another verb, second cue"
            return
    hit = _relative(text)
    clause = hit and _clause(lemma_of.get(hit["cue"], ""), "", hit["rest"])
    if clause:
        yield clause, hit["speaker"], hit["cue"], "name, who + cue, clause"


def _relative(text: str) -> re.Match[str] | None:
    """A speaker and a who-clause with a cue ("advocates, who say ..."); the pattern is
    tried only where "who" stands, since searching every position for a name or a source
    noun is slow."""
    return _patterns().relative.search(text) if _WHO.search(text) else None


_WHO = re.compile(r"\bwho\b")


def _looks_like_role(appos: str) -> bool:
    words = {w.lower().strip(",.") for w in appos.split()}
    titles = {t.lower().rstrip(".") for t in lexicon().titles}
    return bool(words & (lexicon().nouns | titles))


# ---------------------------------------------------------------- the stage


@dataclass(frozen=True)
class WordShares:
    """How the body's words divide between direct quotes, indirect quotes and narration."""

    direct: int
    indirect: int
    narration: int

    @property
    def total(self) -> int:
        return self.direct + self.indirect + self.narration


def word_shares(article: Article, quotes: tuple[Quote, ...]) -> WordShares:
    """Word tokens inside direct quotes, inside reported clauses, and everywhere else."""
    inside = {kind: set() for kind in ("direct", "indirect")}
    for quote in quotes:
        inside[quote.kind].update(article.words_in(quote.start, quote.end))
    indirect = inside["indirect"] - inside["direct"]
    total = len(article.word_starts)
    return WordShares(
        len(inside["direct"]), len(indirect), total - len(inside["direct"]) - len(indirect)
    )


_TO = re.compile(r"\s+to\s+")


def _head_noun(label: str) -> str:
    """The noun a descriptor label is about: its last word before any qualifier ("Defence
    ministry spokeswoman" -> "spokeswoman", "Source close to the presenter" -> "source",
    "Senior aide to the mayor" -> "aide")."""
    cuts = (_KEEP_WHOLE.search(label), _QUALIFIER.search(label), _TO.search(label))
    cut = next((m.start() for m in cuts if m and m.start()), len(label))
    return label[:cut].split()[-1].lower()


def _pronoun_offset(quote: Quote, pronoun: str, article: Article) -> int:
    """Where the pronoun of a quote stands: before a reported clause ("She testified that
    Mabena had ..."), or after it ("..., she said"), never among the names the clause holds.
    A direct quote's own words name no one the pronoun could refer to."""
    if quote.kind == "direct":
        return quote.start
    sentence = article.sentence_at(quote.start).span
    lead = article.body[sentence.start : quote.start]
    found = list(re.finditer(rf"\b{re.escape(pronoun)}\b", lead, re.I))
    return sentence.start + found[-1].start() if found else sentence.start


def _singular(label: str, plural: str, singular: str) -> str:
    """A group's label for one of its members: "Neighbours" -> "Neighbour"."""
    word = re.compile(rf"\b{re.escape(plural)}\b", re.I)
    return word.sub(lambda m: singular.capitalize() if m.group()[0].isupper() else singular, label)


_ANYONE = {"the man": "male", "the woman": "female", "the person": "unknown"}
"""Plain nouns that refer back to the unnamed source just quoted ("A father of a candidate
said ... "...," said the man")."""


def _resolve_references(quotes: list[Quote], people: People) -> list[Quote]:
    """Resolve back-references in reading order. A pronoun takes the speaker of the quote
    just before (same or previous paragraph) when gender and number fit, unless a fitting
    person is named after that speaker's quotes (a name inside their own reported clause
    does not count) and before the pronoun; "they" only ever refers back
    to a group, and "One said" is one of the group quoted just before. A definite
    descriptor ("the official") takes an earlier unnamed source with the same head noun, even
    over a named holder of the role, when that source spoke in this or the previous
    paragraph; "the man" or "the woman" is the unnamed source just quoted."""
    nouns = gender.noun_genders()
    plurals = lexicon().plurals
    singulars = lexicon().singulars
    resolved: list[Quote] = []
    last: Quote | None = None
    unnamed: dict[str, Quote] = {}
    for quote in quotes:
        mention = (quote.mention or "").lower()
        earlier = unnamed.get(_head_noun(mention[4:])) if mention.startswith("the ") else None
        if mention in _ANYONE and last and not last.named and last.paragraph >= quote.paragraph - 1:
            head = _head_noun(last.speaker)
            value, wanted = nouns.get(head, "unknown"), _ANYONE[mention]
            if head not in plurals and (wanted == "unknown" or value in (wanted, "unknown")):
                earlier = last
        if earlier and (not quote.named or earlier.paragraph >= quote.paragraph - 1):
            quote = replace(quote, speaker=earlier.speaker, named=False)
        if quote.speaker == _ONE_OF:
            group = last and not last.named and _head_noun(last.speaker)
            one = singulars.get(group) if group else None
            speaker = _singular(last.speaker, group, one) if last and one else UNKNOWN
            quote = replace(quote, speaker=speaker)
        if quote.speaker == _PENDING:
            pronoun = (quote.mention or "").lower()
            speaker, named, at = UNKNOWN, False, -1
            if last is not None and last.paragraph >= quote.paragraph - 1:
                head = _head_noun(last.speaker)
                person = people.person(last.speaker) if last.named else None
                value = person.stated_gender if person else nouns.get(head, "unknown")
                if fits(pronoun, value, plural=not last.named and head in plurals):
                    speaker, named = last.speaker, last.named
                    at = max(q.end for q in resolved if q.speaker == last.speaker)
            where = _pronoun_offset(quote, pronoun, people.article)
            mention = people.resolve_pronoun(pronoun, where) if pronoun != "they" else None
            if mention and mention[0] > at:
                speaker, named = mention[1].name, True
            quote = replace(quote, speaker=speaker, named=named)
        resolved.append(quote)
        if quote.speaker != UNKNOWN:
            last = quote
            if not quote.named:
                unnamed[_head_noun(quote.speaker)] = quote
    return resolved


def extract(article: Article) -> tuple[Quote, ...]:
    """Every direct and indirect quote of ``article``, in reading order, numbered q1, q2, ..."""
    quoted = [part for m in _marked(article) for part in m.parts]
    people = People(article, quoted)
    people.mentions()  # everyone the text shows to be a person, before any attribution
    direct = _direct(article, people)
    indirect = _indirect(article, people, direct)
    ordered = _resolve_references(sorted(direct + indirect, key=lambda q: q.start), people)
    return tuple(
        replace(q, id=f"q{i}", n_words=len(article.words_in(q.start, q.end)))
        for i, q in enumerate(ordered, start=1)
    )
