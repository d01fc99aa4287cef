"""The sources stage: the seed's voices, each attribute rule, the codebook, and agreement."""

from __future__ import annotations

import pytest
from conftest import ROOT, SEED

from analysis.article import ArticleError, load_article, parse_article
from analysis.evaluate import source_agreement
from analysis.quotes import extract
from analysis.report import analyze
from analysis.sources import country_of, describe, read_codebook, source_type

CODEBOOK = ROOT / "data" / "annotations" / f"{SEED.stem}.sources.csv"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def seed_sources():
    article = load_article(SEED)
    return {s.name: s for s in describe(article, extract(article))}


def test_seed_sources_by_rule(seed_sources):
    song = seed_sources["Song Jingwu"]
    assert (song.role, song.organization, song.country) == (
        "Vice President",
        "Chinese People's Association for Friendship with Foreign Countries",
        "China",
    )
    assert (song.type, song.gender, song.n_quotes) == ("civil_society", "unknown", 2)
    alimov = seed_sources["Olim Alimov"]
    assert (alimov.role, alimov.organization, alimov.country, alimov.type) == (
        "co-founder",
        "SCO Youth League",
        "Tajikistan",
        "business",
    )
    assert (alimov.gender, alimov.gender_inferred) == ("male", False)
    assert "'his'" in alimov.gender_evidence
    akram = seed_sources["Khalid Taimur Akram"]
    assert (akram.role, akram.organization, akram.country, akram.type) == (
        "Executive Director",
        "Center for Global and Strategic Studies",
        "Pakistan",
        "expert",
    )
    assert (akram.gender, akram.gender_inferred) == ("male", True)
    experts = seed_sources["Experts"]
    assert (experts.named, experts.type, experts.country, experts.role) == (
        False,
        "unnamed",
        "unknown",
        None,
    )
    assert [s.n_words for s in seed_sources.values()] == [53, 53, 45, 21]


def test_codebook_overrides_are_recorded():
    sources = {s.name: s for s in analyze(SEED, CODEBOOK).sources}
    song = sources["Song Jingwu"]
    assert song.type == "state_affiliated"
    assert [(o.attribute, o.rule_value, o.coded_value) for o in song.overrides] == [
        ("type", "civil_society", "state_affiliated")
    ]
    akram = sources["Khalid Taimur Akram"]
    assert (akram.gender, akram.gender_inferred) == ("unknown", False)
    assert sources["Olim Alimov"].overrides == ()


def test_codebook_with_missing_columns_is_refused(tmp_path):
    bad = tmp_path / "codebook.csv"
    bad.write_text("name,type\nSong Jingwu,official\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"codebook.csv: codebook lacks the columns"):
        read_codebook(bad)


@pytest.mark.parametrize(
    ("description", "country"),
    [
        ("a Tajik doing business in China and co-founder of the SCO Youth League", "Tajikistan"),
        ("Executive Director of Center for Global and Strategic Studies in Pakistan", "Pakistan"),
        ("Vice President of the Chinese People's Association for Friendship", "China"),
        ("Chile's foreign trade minister", "Chile"),
        ("a spokesman for the U.S. embassy", "United States"),
        ("a retired pharmacist", "unknown"),
        ("Secretary-General of the Shanghai Cooperation Organization", "unknown"),
        ("a professor in Shanghai", "China"),
    ],
)
def test_country_from_description(description, country):
    assert country_of(description)[0] == country


@pytest.mark.parametrize(
    ("description", "kind"),
    [
        ("Senator", "official"),
        ("a spokesman for the Kyrgyz Border Service", "official"),
        ("an epidemiologist at the Stockholm Institute", "expert"),
        ("chief executive of CoolCrate Africa", "business"),
        ("general secretary of the Allied Nurses' Union", "civil_society"),
        ("a columnist at the Tageblatt", "media"),
        ("a state-owned broadcaster", "state_affiliated"),
        ("a mother of two who lives above a bakery", "citizen"),
        ("who grew up in the dormitories", "unknown"),
        ("a 34-year-old carpenter", "citizen"),
        ("a haulier from Doncaster who had been waiting since 5am", "citizen"),
        ("a spokesman for Tarmac Holdings", "unknown"),
        ("whose daughter attends Franklin Heights High School", "citizen"),
        ("Defence lawyer", "expert"),
        ("Crown prosecutor", "official"),
    ],
)
def test_source_type_scheme(description, kind):
    assert source_type(True, description)[0] == kind


def test_gender_only_from_evidence():
    article = parse_article(
        "Headline\n\n"
        '"We are ready," Ms. Dana Okoro said.\n\n'
        '"So are we," said Bakyt Asanov, a spokesman.\n\n'
        '"Me too," said Song Jingwu.\n\n'
        '"And I," said Lena Fischer.'
    )
    sources = {s.name: s for s in describe(article, extract(article))}
    assert (sources["Dana Okoro"].gender, sources["Dana Okoro"].gender_inferred) == (
        "female",
        False,
    )
    assert sources["Song Jingwu"].gender == "unknown"
    assert (sources["Lena Fischer"].gender, sources["Lena Fischer"].gender_inferred) == (
        "female",
        True,
    )


def test_role_from_the_descriptor_not_from_the_reported_clause():
    article = parse_article(
        "Headline\n\n"
        "The business minister, Helen Ashworth, said Ghana would gain. Her classmate Brian "
        "said he worried that teachers would favour friends. A fruit seller who gave her name "
        "only as Akinyi said she had closed her stall."
    )
    sources = {s.name: s for s in describe(article, extract(article))}
    assert [(s.role, s.description) for s in sources.values()] == [
        ("business minister", "The business minister"),
        ("classmate", "Her classmate"),
        ("fruit seller", "A fruit seller"),
    ]
    assert sources["Helen Ashworth"].country == "unknown"


@pytest.fixture(scope="module")
def agreement():
    return source_agreement([FIXTURES, *sorted(d for d in FIXTURES.iterdir() if d.is_dir())])


@pytest.mark.parametrize(
    ("attribute", "floor"),
    [("named", 1.0), ("gender", 0.85), ("type", 0.58), ("country", 0.15), ("organization", 0.55)],
)
def test_attribute_agreement_with_hand_coding(agreement, attribute, floor):
    agree, total = agreement[attribute]
    assert total == 3119
    assert agree / total >= floor
