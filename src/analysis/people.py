"""Who is who in an article: runs of capitalised words, which of them name people, and
whom a surname, a title or a pronoun refers to.

Name runs are indexed by word, person lookups are memoised, and mentions are kept sorted, so
resolving every mention of a long article stays linear in its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from analysis import gender
from analysis.article import Article
from analysis.resources import rule_lines, rule_rows
from analysis.segment import Span

_UPPER = "".join(
    chr(c) for block in ((0x41, 0x250), (0x370, 0x530)) for c in range(*block) if chr(c).isupper()
)
"""Capital letters of the Latin (with Łukasz, Ş, Đ ...), Greek and Cyrillic alphabets."""
_ABBREVIATED = (
    r"(?:Jr|Sr|St|Fr|Ma|Md|Mohd|Muhd|"
    + "|".join(
        re.escape(row["title"][:-1])
        for row in rule_rows("titles.csv")
        if row["title"].endswith(".") and "." not in row["title"][:-1]
    )
    + r")\."
)
"""Abbreviated titles (from ``titles.csv``), name suffixes and abbreviated given names
("Ma." for Maria, "Md." for Mohammad) that may stand in a name."""
_GLUED = r"(?:[A-Z]\.){1,2}[A-Z][\w'’-]+"
"""A name written with its initial glued on, as Mongolian and Russian style has it
("G.Nomin-Erdene", "D.Altangerel"): a whole name in one word. Transliterated, so ASCII
capitals only, which keeps the many copies of NAME in the speaker patterns short."""
_NAME_WORD = (
    rf"(?:{_GLUED}|(?:[{_UPPER}]\.){{1,3}}|{_ABBREVIATED}|(?:al|el|ad|ar|as|ash|az|abu|bin|ibn)-[{_UPPER}][\w'’-]*"
    rf"|[{_UPPER}](?![\w'’-]*-(?:based|born)\b)[\w'’-]*)"
)
"""A word of a name: initials ("K.P."), an abbreviated title, a hyphenated Arabic particle
("al-Hinai") or a capitalised word, but no placing word ("Johannesburg-based"); no other
word ends in a period, so a run of names never crosses a sentence end."""
_PARTICLES = frozenset(rule_lines("name_particles.txt"))
_PARTICLE = "(?:" + "|".join(sorted(_PARTICLES)) + ")"
NAME = rf"{_NAME_WORD}(?:[ ](?:{_PARTICLE}[ ]){{0,2}}{_NAME_WORD}){{0,7}}"
"""A run of name words; up to two particles may stand between them ("Johannes van der
Merwe", "María de la Cruz")."""


@dataclass(frozen=True)
class Lexicon:
    """The word lists that tell names from roles: source nouns, titles, function words."""

    nouns: frozenset[str]
    plurals: frozenset[str]
    singulars: dict[str, str]
    roles: frozenset[str]
    titles: tuple[str, ...]
    function_words: frozenset[str]
    non_person: frozenset[str]


@cache
def lexicon() -> Lexicon:
    noun_rows = rule_rows("source_nouns.csv")
    nouns = frozenset(
        form.lower() for row in noun_rows for form in (row["noun"], row["plural"]) if form
    )
    plurals = frozenset(row["plural"].lower() for row in noun_rows) - {
        row["noun"].lower() for row in noun_rows
    }
    titles = tuple(sorted((r["title"] for r in rule_rows("titles.csv")), key=len, reverse=True))
    return Lexicon(
        nouns=nouns,
        plurals=plurals,
        singulars={r["plural"].lower(): r["noun"].lower() for r in noun_rows if r["noun"]},
        roles=frozenset(r["noun"].lower() for r in noun_rows if r["note"].startswith("role word")),
        titles=titles,
        function_words=frozenset(rule_lines("function_words.txt")),
        non_person=frozenset(rule_lines("non_person_words.txt")),
    )


@cache
def cue_forms() -> frozenset[str]:
    """Every form of every reporting verb in ``cue_verbs.csv`` ("said", "tells")."""
    return frozenset(f for row in rule_rows("cue_verbs.csv") for f in row["forms"].split("|"))


@cache
def role_forms() -> dict[str, tuple[str, ...]]:
    """The titles that name a role noun ("judge" -> Justice, Magistrate), from
    ``role_forms.csv``."""
    return {r["noun"].lower(): tuple(r["forms"].split("|")) for r in rule_rows("role_forms.csv")}


ROLE_MODIFIERS = "prime|chief|vice|deputy|assistant|associate|former|ex|under|junior|acting"
"""Words that make a role another office: a "Prime Minister" or a "Chief Minister" is not
"the minister"."""


@cache
def _role_patterns(label: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The role ``label`` or a title that names it, with a modifier that makes it another
    office captured: in any case for a title, in lower case for an appositive, where a capital
    starts a name ("an attorney at Justice for the Land" is no judge) unless "the" stands
    before it (", the Minister for Islands,"); a possessive is
    someone else's role ("the prime minister's chief of staff")."""
    forms = (*role_forms().get(label.lower(), ()), label)
    alternatives = "|".join(map(re.escape, forms))
    word = rf"(?<![\w-])(?:((?i:{ROLE_MODIFIERS}))[\s-]+)?(?:{alternatives})\b(?!['’]s)"
    return re.compile(word, re.IGNORECASE), re.compile(rf"{word.lower()}|(?<=\bthe ){word}")


@cache
def _role_subject() -> re.Pattern[str]:
    """A singular role noun that opens a sentence: "The chair was unconvinced."."""
    singular = sorted(lexicon().nouns - lexicon().plurals, key=len, reverse=True)
    noun = "|".join(map(re.escape, singular))
    return re.compile(
        rf"(?:^|(?<=[.!?]\s))The\s+(?P<role>(?:[a-z][\w-]*\s+){{0,2}}?(?:{noun}))\b", re.M
    )


_NAME_RE = re.compile(NAME)


@dataclass(frozen=True)
class Person:
    """A person the article names: full name, its words, where it is mentioned, gender."""

    name: str
    tokens: frozenset[str]
    mentions: tuple[int, ...]
    gender: gender.Gender

    @property
    def stated_gender(self) -> str:
        """The gender the text states; a name-list guess is too weak to rule a pronoun out."""
        return "unknown" if self.gender.inferred else self.gender.value


_POST_NOMINALS = frozenset(
    {"TD", "MP", "MEP", "MLA", "MSP", "QC", "KC", "SC", "SAN", "PhD", "Jr", "Sr", "OBE", "MBE"}
)
"""Letters after a name that are not part of it ("Deirdre Nolan TD")."""


def strip_name(raw: str) -> tuple[str, list[str]]:
    """A capitalised run without what precedes the name: function words, titles, roles
    (listed, or ending in -ist: "Virologist Anouk de Graaf"), nationalities ("Australian
    Trade Minister Fiona Gallagher" -> "Fiona Gallagher") and origins ("Seoul-born Han
    Ji-woo"). The last word is always kept: a surname may be a noun ("Farhan Merchant") or a
    title after a first name or an honorific ("Jolene Cardinal", "Mr Sheikh")."""
    r = lexicon()
    words = raw.strip().split()
    while len(words) > 2 and words[-1].rstrip(".,") in _POST_NOMINALS:
        words = words[:-1]
    titles: list[str] = []
    cut = 0
    while len(words) > 2 and " ".join(words[:2]) in r.titles:
        titles.append(" ".join(words[:2]))
        words = words[2:]
    for i, word in enumerate(words):
        bare = word.rstrip(".,")
        surname = (
            i > 0
            and i == len(words) - 1
            and (
                (cut < i and gender.from_first_name(words[i - 1]).value != "unknown")
                or words[i - 1].rstrip(".") in gender.title_genders()
            )
        )
        if (word in r.titles or bare in r.titles) and not surname:
            titles.append(word)
            cut = i + 1
        elif i < len(words) - 1 and (
            bare.lower() in r.nouns
            or bare.lower() in _nationalities()
            or (i == cut and bare.lower() in r.function_words)
            or (i == cut and bare.lower().endswith("ist") and len(words) - i > 2)
            or bare.lower().endswith(("-born", "-based", "-year-old"))
        ):
            cut = i + 1
    return " ".join(words[cut:]), titles


def after_organisation(name: str) -> str:
    """A run without the organisation, portfolio or country it opens with, when a name of two
    or more words follows ("Kyrgyz Republic Nurbek Asylbekovich Temirov" -> "Nurbek
    Asylbekovich Temirov", "Tajikistan Davlatmurod Qurbonzoda" -> "Davlatmurod Qurbonzoda")."""
    words = name.split()
    marks = [
        i
        for i, word in enumerate(words)
        if word.lower().strip(".,") in lexicon().non_person or word.lower() in _countries()
    ]
    if not marks or len(words) - marks[-1] - 1 < 2:
        return name
    return " ".join(words[marks[-1] + 1 :])


_OFFICE_WORDS = frozenset(ROLE_MODIFIERS.split("|")) | {
    "permanent",
    "senior",
    "executive",
    "general",
    "principal",
    "managing",
    "interim",
    "resident",
}
"""Words that open an office, not a name: "Permanent Secretary", "Acting Director"."""


def is_person_name(name: str) -> bool:
    """Two to five capitalised words, none of them an acronym ("NHS Strathmore") or an
    organisation or place word, and not an office ("Permanent Secretary"); or one word with a
    glued initial ("G.Nomin-Erdene")."""
    words = name.split()
    if len(words) < 2:
        return bool(re.fullmatch(_GLUED, name))
    return (
        len(words) <= 5
        and not name.isupper()
        and not any(len(w) > 1 and w.isalpha() and w.isupper() for w in words)
        and all(w[:1].isupper() or w in _PARTICLES or "-" in w for w in words)
        and not any(w.lower().strip(".,") in lexicon().non_person for w in words)
        and name.lower() not in place_names()
        and not any(w.lower() in _nationalities() or w.endswith(("'s", "’s")) for w in words)
        and not any(w.lower() in lexicon().function_words for w in words)
        and not any(w.lower().endswith("-based") for w in words)
        and not (words[-1].lower() in _countries() and not gender.from_first_name(name).inferred)
        and not (words[0].lower() in _OFFICE_WORDS and words[-1].lower() in lexicon().nouns)
    )


def _surname(name: str) -> str:
    """The last word of a name, case-folded: what "Ms Kellner" refers to when "Kellner
    Antriebstechnik" and "Sabine Kellner" are both known."""
    return name.casefold().split()[-1]


def _words(name: str) -> frozenset[str]:
    """The words of a name, case-folded ("Al-Hinai" and "al-Hinai" are one word)."""
    return frozenset(name.casefold().split())


@cache
def _person_context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for a role noun, a country's possessive ("Ethiopia's") or a birthplace
    ("Seoul-born") just before a name and a person appositive just after it."""
    noun = "|".join(sorted(map(re.escape, lexicon().nouns), key=len, reverse=True))
    country = "|".join(sorted(map(re.escape, _country_names()), key=len, reverse=True))
    before = re.compile(
        rf"(?:\b(?i:{noun})(?:\s+(?:of|for|at)\s+[^,.;]{{1,40}},|,)?|\b(?:{country})['’]s|-born)"
        r"\s+$"
    )
    after = re.compile(
        rf",\s+(?!which\b|that\b)(?:\d+,|who\b|(?:a|an)\s+\d+-year-old\b"
        rf"|(?:(?:a|an|the|[A-Z][\w'’-]*['’]s)\s+)?"
        rf"(?:[\w'’,.-]+\s+){{0,8}}?(?i:{noun})\b)"
    )
    return before, after


def _inside(spans: list[Span], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` falls in one of ``spans`` (sorted, not overlapping)."""
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < spans[i].end


def _name_runs(article: Article, skip: list[Span]) -> list[tuple[int, str, list[str]]]:
    """(offset, name, titles) of every capitalised run of words in the body, outside quotes;
    a possessive ends a run ("Tania Rewiti's Common Ground Party" -> "Tania Rewiti")."""
    runs = []
    starts = [s.start for s in skip]
    for match in _NAME_RE.finditer(article.body):
        if _inside(skip, starts, match.start()):
            continue
        before = article.body[max(0, match.start() - 40) : match.start()]
        for piece in _POSSESSIVE.finditer(match.group()):
            run = piece.group("run")
            if piece.start() == 0 and len(run.split()) >= 3:
                run = _after_title_object(run, before)
            name, titles = strip_name(run)
            name = after_organisation(name)
            if name:
                offset = match.start() + piece.start() + piece.group("run").find(name.split()[0])
                runs.append((offset, name, titles))
    return runs


PORTFOLIO = re.compile(
    r"\b(?:[Mm]inister|[Ss]ecretary|[Ss]pokes\w+|[Cc]ommissioner)\s+(?:for|of)\s+"
    r"(?:(?:[A-Z][\w'’-]*,?|for|of)\s+(?:and\s+)?)*(?<!,\s)$"
)
"""A portfolio title just before a run: its first word is the last portfolio ("Minister for
Health Ciarán Tully" -> "Ciarán Tully", "Minister of Culture, Sports and Tourism Hoang Thi
Lan" -> "Hoang Thi Lan", "Minister of State for Housing Ciarán Bolger"); after a comma the
run is an appositive ("Minister of Transport,
Dilnoza Karimova")."""
CONSTITUENCY = re.compile(
    r"\b(?:MPs?|MLAs?|MEPs?|MSPs?|TDs?|[Ss]enator|[Rr]epresentative|[Cc]ongress(?:wo)?man"
    r"|[Aa]ssembly(?:wo)?man|[Cc]ouncill?or|[Dd]eputy|[Mm]ember)\s+(?:for|from|of)\s+$"
)
"""A title that takes a place before the name: "MP for Tablelands Greg Falconer", "MLA from
Devgarh Pooja Kushwaha", "Member of Parliament Ama Owusu"."""


def _after_title_object(run: str, before: str) -> str:
    """A run of three or more words without the portfolio or constituency that a title
    just before it governs: the portfolio is one word; a place may be longer, and ends
    before the first word the first-name list knows."""
    words = run.split()
    if PORTFOLIO.search(before):
        return " ".join(words[1:])
    if not CONSTITUENCY.search(before):
        return run
    known = (
        i
        for i in range(1, len(words) - 1)
        if gender.from_first_name(" ".join(words[i:])).value != "unknown"
    )
    return " ".join(words[next(known, 1) :])


_POSSESSIVE = re.compile(r"(?P<run>.+?)(?:['’]s\b|$)\s*")


@cache
def one_person_demonyms() -> frozenset[str]:
    """Demonyms that name one person ("Spaniard", "Briton", "Welshwoman"): "said the
    Spaniard" refers back to someone the article has named."""
    words = {v for row in rule_rows("countries.csv") for v in row["demonyms"].split("|") if v}
    return frozenset(
        w.lower() for w in words if f"{w}s" in words or f"{w}es" in words or w.endswith("man")
    )


@cache
def _nationalities() -> frozenset[str]:
    """Demonyms and adjectives ("Australian", "Tajiks"), lower case. Country names are left
    out: Jordan and Georgia are first names too."""
    return frozenset(
        v.lower()
        for row in rule_rows("countries.csv")
        for field in ("demonyms", "adjectives")
        for v in row[field].split("|")
        if v
    )


@cache
def _country_names() -> tuple[str, ...]:
    """Country names as written ("Kenya", "Ethiopia")."""
    return tuple(row["country"] for row in rule_rows("countries.csv"))


@cache
def _countries() -> frozenset[str]:
    """Country names, lower case ("kenya" in "Athletics Kenya")."""
    return frozenset(name.lower() for name in _country_names())


@cache
def place_names() -> frozenset[str]:
    names = set()
    for row in rule_rows("countries.csv"):
        for field in ("country", "demonyms", "adjectives", "places"):
            names.update(v.lower() for v in row[field].split("|") if v)
    return frozenset(names)


GIVEN_NAME = re.compile(
    r"\b(?:first|given|only)\s+name\b|\b(?:identified|known|named|name)\s+(?:only\s+)?as\b"
    r"|\b[a-z]+\s+named\b"
)
"""Words that announce a one-word name ("a trader who gave only her first name, Mai, said",
"a fruit seller who gave her name only as Akinyi", "a retired grain inspector named
Walter")."""
_INTRODUCTION = re.compile(r",\s+(?:a|an|the|\d+|who|his|her|their|[A-Z][\w'’-]*['’]s)\b")
"""How an appositive that introduces a person by one word opens ("Lakshmi, a vegetable
seller", "Thomas, 52,"); a list ("Fire, police and paramedic dispatch") or a participle
("Union, addressing strikers") does not."""
_DESCRIBED = re.compile(
    r"\b(?i:a|an|another|his|her|their|my|our)\s+(?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*,?\s+$"
)
"""A singular descriptor just before a word ("Her classmate ", "Another student, ")."""
_SUBJECT_PRONOUN = re.compile(r"(he|she)\b", re.I)
"""The pronoun that opens a reported clause: in "X says she ...", she is X."""
_VERB_PHRASE = re.compile(r",\s*[a-z]+ed\s+(?:[A-Z]|(?:the|a|an|his|her|their|its)\s)")
"""A verb and its object after a name's comma, not an appositive: "The motion, moved by
Rose Kila, nominated Gabriel Wanpis as alternative prime minister"."""
_PARENT = re.compile(r"\b(?i:father|mother|grandfather|grandmother|parent)\W+(?:\w+\W+){0,3}$")
_CHILD = re.compile(r"\b(?i:son|daughter|grandson|granddaughter|child)\W+(?:\w+\W+){0,3}$")
"""The kinship word that introduces a relative ("his father, Senior Counsel ", "His son, ")."""
_THING_OR_PLACE_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|from|in|at|on|near)\s+$", re.IGNORECASE
)
"""An article, a demonstrative or a preposition of place or time just before a capitalised
word ("on Friday")."""


def _tail(
    run: tuple[int, str, list[str]], tokens: frozenset[str]
) -> tuple[int, str, list[str]] | None:
    """The person's name that ends a longer capitalised run, when a speaker slot names them
    in full after a title of capitalised words ("Minister of State for National Development
    Desmond Koh" holds the run "National Development Desmond Koh")."""
    at, name, _ = run
    words = name.split()
    tail = " ".join(words[-len(tokens) :])
    if len(tokens) < 2 or len(words) <= len(tokens) or _words(tail) != tokens:
        return None
    return (at + len(name) - len(tail), tail, []) if is_person_name(tail) else None


class People:
    """The named people of one article, for turning mentions into canonical speakers.

    Runs of capitalised words are indexed by word, person lookups are memoised, and person
    mentions are kept sorted, so resolving every mention of a long article stays linear.
    """

    def __init__(self, article: Article, quoted: list[Span]) -> None:
        self.article = article
        self.runs = _name_runs(article, sorted(quoted, key=lambda s: s.start))
        self.run_end = {at: at + len(name) for at, name, _ in self.runs}
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for index, (_, name, _) in enumerate(self.runs):
            for word in _words(name):
                self.by_word[word].append(index)
        self.persons: list[Person] = []
        self._lookup: dict[tuple[frozenset[str], bool], Person | None] = {}
        self._first: dict[str, int] = {}
        self._offsets: dict[str, list[int]] = {}
        self._mentions: list[tuple[int, Person]] | None = None

    def person(
        self, mention: str, speaking: bool = False, at: int | None = None, said: str = ""
    ) -> Person | None:
        """The person a name mention refers to, registering them on first sight. A full name
        in a speaker slot ("said Song Jingwu") needs no further evidence of being a person; a
        single word ("Jirani said") must lead to a name the text shows to be a person's. When
        several people share the words ("Mr Goh", "Ms Mulvey"), the honorific's gender, else
        the gender of the pronoun that opens what they ``said`` ("MacIsaac says he ..."),
        then the latest mention before ``at`` decide."""
        name, titles = strip_name(mention)
        key = (_words(name), speaking)
        if key not in self._lookup:
            self._lookup[key] = self._find(*key)
        found = self._lookup[key]
        if at is not None and found is not None and self._introduced(found) > at:
            found = self._find(key[0], speaking, before=at) or found
        if found is None or (at is None and not titles):
            return found
        return self._closest(key[0], titles, at, said) or found

    def _introduced(self, person: Person) -> int:
        """Where the article first writes a person's full name."""
        if person.name not in self._first:
            self._first[person.name] = self.article.body.find(person.name)
        return self._first[person.name]

    def _closest(
        self, tokens: frozenset[str], titles: list[str], at: int | None, said: str = ""
    ) -> Person | None:
        sexes = {gender.title_genders().get(t.rstrip(".")) for t in titles} - {None}
        opening = _SUBJECT_PRONOUN.match(said)
        if not sexes and opening:
            sexes = {gender.PRONOUNS[opening[1].lower()]}
        known = [
            p
            for p in self.persons
            if tokens <= p.tokens and (not sexes or p.stated_gender in ("unknown", *sexes))
        ]
        if len(sexes) == 1 and len(known) > 1:
            sex = next(iter(sexes))
            ranks = {p.name: _sex_rank(sex, p) for p in known}
            known = [p for p in known if ranks[p.name] == min(ranks.values())]
        if len(known) < 2 or at is None:
            return known[0] if known else None
        named = [p for p in known if self._introduced(p) < at] or known
        if not sexes:
            return min(named, key=self._introduced)
        return max(named, key=lambda p: self._last_before(p, at))

    def by_generation(self, mention: str, elder: bool, at: int) -> Person | None:
        """The elder or younger of the relatives a surname names ("The elder Mohabir" after
        "his father, Senior Counsel Harold Mohabir"), known by the kinship word that
        introduces each; None when the text does not tell them apart."""
        tokens = _words(strip_name(mention)[0])
        known = [p for p in self.persons if tokens <= p.tokens and self._introduced(p) < at]
        body = self.article.body

        def generation(person: Person) -> int:
            first = self._introduced(person)
            before = body[max(0, first - 50) : first]
            return 1 if _PARENT.search(before) else -1 if _CHILD.search(before) else 0

        ranked = sorted(known, key=generation, reverse=elder)
        if len(ranked) < 2 or generation(ranked[0]) == generation(ranked[1]):
            return None
        return ranked[0]

    def _last_before(self, person: Person, at: int) -> int:
        """Where the text last mentions ``person`` before ``at`` (-1 if it does not)."""
        self.mentions()
        offsets = self._offsets.get(person.name, [])
        i = bisect_left(offsets, at)
        return offsets[i - 1] if i else -1

    def _find(
        self, tokens: frozenset[str], speaking: bool, before: int | None = None
    ) -> Person | None:
        """The person ``tokens`` name; with ``before``, only someone named in full before that
        offset ("Yoon says" in the second paragraph is the singer introduced in the first, not
        her brother Yoon Jae-hyun introduced later)."""
        if not tokens:
            return None
        known = [person for person in self.persons if tokens <= person.tokens]
        if known and before is None:
            return next((p for p in known if _surname(p.name) in tokens), known[0])
        rarest = min(tokens, key=lambda w: len(self.by_word.get(w, ())))
        candidates = [
            self.runs[i]
            for i in self.by_word.get(rarest, ())
            if tokens <= _words(self.runs[i][1]) and (before is None or self.runs[i][0] < before)
        ]
        people = (
            [r for r in candidates if is_person_name(r[1])]
            or [r for r in candidates if len(tokens) == 1 and self._introduced_alone(r[0], r[1])]
            or [t for r in candidates if speaking and (t := _tail(r, tokens))]
        )
        if not people:
            return None
        full = max((name for _, name, _ in people), key=lambda n: len(n.split()))
        registered = next((p for p in known if p.name == full), None)
        if registered:
            return registered
        full_tokens = _words(full)
        indices = {
            i
            for word in full_tokens
            for i in self.by_word.get(word, ())
            if _words(self.runs[i][1]) <= full_tokens
        }
        found = {at: (at, name, titles) for at, name, titles in people if name == full}
        runs = sorted({**found, **{self.runs[i][0]: self.runs[i] for i in indices}}.values())
        # A speaker slot is evidence of a person: a full name there ("said Song Jingwu"), or
        # the surname of a full name the article writes, last or (surname first) first
        # ("Nwankwo said", "Yoon says"), unless the word is a source noun ("Teachers say" is
        # no surname of "Secondary Teachers").
        ends = {_surname(full), full.casefold().split()[0]}
        surname = bool(tokens & ends) and not tokens & lexicon().nouns
        speaker_slot = speaking and (len(tokens) >= 2 or surname)
        if not speaker_slot and not self._personal(full, runs):
            return None
        mentions = [at for at, _, _ in runs]
        sex = gender.from_text(self.article, full) or gender.from_first_name(full)
        person = Person(full, full_tokens, tuple(mentions), sex)
        self.persons.append(person)
        self._mentions = None
        return person

    def _personal(self, name: str, runs: list[tuple[int, str, list[str]]]) -> bool:
        """Evidence that a capitalised run names a person rather than an organisation: a
        title, a portfolio ("Minister of State for Housing"), a role noun or an age beside one
        of its mentions, or a first name the name
        list knows. A single word the text ever writes after an article or a preposition of
        place is a thing or a place ("the Bill", "from Blairgowrie"), not a person."""
        body = self.article.body
        if len(name.split()) == 1 and any(
            _THING_OR_PLACE_BEFORE.search(body[max(0, at - 6) : at]) for at, _, _ in runs
        ):
            return False
        before_role, after_role = _person_context()
        for at, run, titles in runs:
            before = body[max(0, at - 80) : at]
            if titles or before_role.search(before) or PORTFOLIO.search(before):
                return True
            if after_role.match(body[at + len(run) : at + len(run) + 60]):
                return True
        return gender.from_first_name(name).value != "unknown"

    def _introduced_alone(self, at: int, name: str) -> bool:
        """A person the article names by one word, introduced as such: "Lakshmi, a vegetable
        seller", "Thomas, a 52-year-old driver", "gave only her first name, Mai", or after a
        descriptor ("Her classmate Brian", "Another student, Josh,")."""
        words = name.split()
        body = self.article.body
        after = body[at + len(name) : at + len(name) + 60]
        announced = GIVEN_NAME.search(body[max(0, at - 30) : at])
        before_role, after_role = _person_context()
        introduced = (after_role.match(after) and _INTRODUCTION.match(after)) or (
            _DESCRIBED.search(body[max(0, at - 40) : at])
            and before_role.search(body[max(0, at - 80) : at])
        )
        return (
            len(words) == 1
            and name.lower() not in lexicon().function_words
            and name.lower() not in place_names()
            and not _THING_OR_PLACE_BEFORE.search(body[max(0, at - 6) : at])
            and bool(announced or introduced)
        )

    def by_role(self, label: str, at: int, said: str = "") -> Person | None:
        """The known person whose title or appositive holds the role ``label`` ("the
        mayor") or a title that names it (``role_forms.csv``: "the judge" is "Justice Colleen
        Arsenault"); a role held only inside a larger office ("Prime Minister") counts only
        when no one holds it plainly ("the minister" beside a prime minister). Among several
        holders, the pronoun opening what they ``said`` ("the coroner said she ...") and
        then the latest mention before ``at`` decide; a holder named only after ``at``
        counts when named soon after."""
        self.mentions()
        titled, described = _role_patterns(label)
        holders = {}
        for person in self.persons:
            texts = self._role_texts(person)
            title = next(texts)
            hits = [*titled.finditer(title), *(h for t in texts for h in described.finditer(t))]
            if hits:
                holders[person.name] = (person, all(hit.group(1) for hit in hits))
        plain = [person for person, modified in holders.values() if not modified]
        group = plain or [person for person, _ in holders.values()]
        opening = _SUBJECT_PRONOUN.match(said)
        if len(group) > 1 and opening:
            ranks = {p.name: _sex_rank(gender.PRONOUNS[opening[1].lower()], p) for p in group}
            best = min((r for r in ranks.values() if r is not None), default=None)
            group = [p for p in group if ranks[p.name] == best] or group
        earlier = [p for p in group if self._last_before(p, at) >= 0]
        if earlier:
            return max(earlier, key=lambda p: self._last_before(p, at))
        later = min(group, key=lambda p: min(p.mentions), default=None)
        return later if later and self._soon_after(at, min(later.mentions)) else None

    def _soon_after(self, at: int, mention: int) -> bool:
        """Whether ``mention`` is at most two paragraphs after ``at``: a news lede names a
        role ("what the labor minister called ...") whose holder the next paragraphs name."""
        sentence_at = self.article.sentence_at
        return sentence_at(mention).paragraph - sentence_at(at).paragraph <= 2

    def _role_texts(self, person: Person) -> Iterator[str]:
        """The title before a person's first mention, then the appositive after each mention
        ("Magistrate Nomvula Dube", "Osei-Bonsu, the company's chief executive,"). The title
        starts in the mention's sentence and after the person named just before ("Judge
        Refilwe Mathebula found Sipho Ndlovu": "judge" is not Ndlovu's title) and after any
        reporting verb; an appositive holds no reporting verb ("Wednesday, a hospital
        official said" describes no Wednesday) and opens with no verb and its object."""
        body = self.article.body
        mentions = self.mentions()
        first = min(person.mentions, default=0)
        before = bisect_left(mentions, first, key=lambda pair: pair[0])
        start = self.article.sentence_at(first).span.start if self.article.sentences else 0
        if before:
            start = max(start, self.run_end.get(mentions[before - 1][0], 0))
        title = body[max(0, first - 100, start) : first].split()
        said = [i for i, word in enumerate(title) if word.strip(",") in cue_forms()]
        yield " ".join(title[said[-1] + 1 if said else 0 :])
        for at in sorted(person.mentions):
            end = self.run_end.get(at, at)
            appositive = re.match(r",(?:\s*\d+,)?[^,.;]*", body[end:])
            if (
                appositive
                and not set(re.findall(r"[\w’'-]+", appositive.group())) & cue_forms()
                and not _VERB_PHRASE.match(appositive.group())
            ):
                yield appositive.group()

    def mentions(self) -> list[tuple[int, Person]]:
        """(offset, person) for every mention of every person in the article, sorted; a
        surname two people share belongs to the one it resolves to."""
        if self._mentions is None:
            owner = {at: self.person(run) for at, run, _ in self.runs}
            self._mentions = sorted(
                ((m, p) for p in self.persons for m in p.mentions if owner.get(m) in (None, p)),
                key=lambda pair: pair[0],
            )
            self._offsets = defaultdict(list)
            for offset, person in self._mentions:
                self._offsets[person.name].append(offset)
        return self._mentions

    def last_named(self, offset: int, near: bool = True) -> Person | None:
        """The person mentioned last before ``offset``; when ``near``, only in this or the
        previous paragraph ("Mr Hamweemba ... the 58-year-old farmer said")."""
        mentions = self.mentions()
        earlier = mentions[: bisect_right(mentions, offset, key=lambda pair: pair[0])]
        if not earlier:
            return None
        at, person = earlier[-1]
        close = self.article.paragraph_of(at) >= self.article.paragraph_of(offset) - 1
        return person if close or not near else None

    def introduced_in(self, paragraph: int) -> Person | None:
        """The person a paragraph opens by introducing: their full name, named there for the
        first time, stands at its start, after at most a title ("Dr. Helen Marsh, a
        psychologist ...")."""
        if paragraph >= len(self.article.paragraphs):
            return None
        start = self.article.paragraphs[paragraph].start
        mentions = self.mentions()
        i = bisect_left(mentions, start, key=lambda pair: pair[0])
        if i == len(mentions):
            return None
        at, person = mentions[i]
        opening = self.article.body[start:at]
        titled = not opening or strip_name(opening + person.name)[0] == person.name
        return person if titled and self._introduced(person) == at else None

    def _described_subject(self, offset: int) -> tuple[int, Person] | None:
        """The named holder of the role that last opens a sentence in this paragraph before
        ``offset`` ("The chair was unconvinced." refers to the chair named earlier)."""
        start = self.article.paragraphs[self.article.paragraph_of(offset)].start
        hits = list(_role_subject().finditer(self.article.body, start, offset))
        if not hits:
            return None
        person = self.by_role(hits[-1]["role"], hits[-1].start())
        return (hits[-1].start(), person) if person else None

    def resolve_pronoun(self, pronoun: str, offset: int) -> tuple[int, Person] | None:
        """The person a pronoun at ``offset`` refers to, with the offset of their last
        mention or of the role that stands for them as a sentence's subject ("The chair was
        unconvinced."). The most recent person named in this or the previous paragraph wins unless
        their gender speaks against the pronoun; failing that, among people named in the two
        paragraphs before (else anywhere before) the best fit wins (gender stated by the
        text, then suggested by the name list, then unknown); a stated mismatch never fits."""
        mentions = self.mentions()
        earlier = mentions[: bisect_left(mentions, offset, key=lambda pair: pair[0])]
        latest: dict[str, tuple[int, Person]] = {}
        for at, person in earlier:
            latest[person.name] = (at, person)
        here = self.article.paragraph_of(offset)
        described = self._described_subject(offset)
        recent = sorted(
            [
                *(c for c in latest.values() if self.article.paragraph_of(c[0]) >= here - 1),
                *([described] if described else []),
            ],
            key=lambda c: c[0],
            reverse=True,
        )
        fitting = [c for c in recent if fit_rank(pronoun, c[1]) in (0, 1, 2)]
        if fitting:
            return fitting[0]
        near = [c for c in latest.values() if self.article.paragraph_of(c[0]) >= here - 2]
        for candidates in (near, list(latest.values())):
            ranked = [
                (rank, at, person)
                for at, person in candidates
                if (rank := fit_rank(pronoun, person)) is not None
            ]
            if ranked:
                _, at, person = min(ranked, key=lambda r: (r[0], -r[1]))
                return at, person
        return None


def fit_rank(pronoun: str, person: Person) -> int | None:
    """How well a person fits "he"/"she": see ``_sex_rank``."""
    return _sex_rank(gender.PRONOUNS[pronoun], person)


def _sex_rank(wanted: str, person: Person) -> int | None:
    """How well a person fits a gendered word: 0 stated by the text, 1 suggested by the name
    list, 2 unknown, 3 against the name list; None when the text states the other gender."""
    if person.stated_gender != "unknown":
        return 0 if person.stated_gender == wanted else None
    if person.gender.value == "unknown":
        return 2
    return 1 if person.gender.value == wanted else 3


def fits(pronoun: str, value: str, plural: bool) -> bool:
    """Whether a speaker of gender ``value`` (a group when ``plural``) can be ``pronoun``."""
    if pronoun == "they":
        return plural
    return not plural and value in (gender.PRONOUNS[pronoun], "unknown")
