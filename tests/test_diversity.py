"""The diversity stage: indices against hand-computed values and their properties, the
bootstrap, the seed's done-when values, member-state coverage, stances and bad input."""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace
from datetime import date

import pytest
from conftest import ROOT, SEED
from hypothesis import given
from hypothesis import strategies as st

from analysis import diversity as dv
from analysis.article import ArticleError, parse_article
from analysis.report import analyze

ANNOTATIONS = ROOT / "data" / "annotations"
CODEBOOK = ANNOTATIONS / f"{SEED.stem}.sources.csv"
STANCES = ANNOTATIONS / f"{SEED.stem}.stances.csv"
NORMALISED = ("evenness", "blau", "iqv", "dm")

# ---------------------------------------------------------------- hand-computed values


def test_indices_of_two_one_one():
    # p = (1/2, 1/4, 1/4). H = 1/2 ln 2 + 2 * 1/4 ln 4 = 1.5 ln 2; J = H / ln 3;
    # sum p^2 = 1/4 + 1/16 + 1/16 = 3/8; Blau = 5/8; IQV = 3/2 * 5/8 = 15/16;
    # DM = 1 - (0 + 1/4 + 1/4) / 2 = 3/4.
    counts = [2, 1, 1]
    assert dv.richness(counts) == 3
    assert dv.shannon(counts) == pytest.approx(1.5 * math.log(2))
    assert dv.evenness(counts) == pytest.approx(1.5 * math.log(2) / math.log(3))
    assert dv.evenness(counts) == pytest.approx(0.946395, abs=1e-6)
    assert dv.hhi(counts) == pytest.approx(0.375)
    assert dv.blau(counts) == pytest.approx(0.625)
    assert dv.iqv(counts) == pytest.approx(0.9375)
    assert dv.deviation_from_mode(counts) == pytest.approx(0.75)


def test_indices_of_three_to_one():
    # p = (3/4, 1/4): sum p^2 = 10/16; Blau = 6/16; IQV = 2 * 6/16 = 3/4;
    # DM = 1 - (3/4 - 1/4) / 1 = 1/2.
    assert dv.hhi([3, 1]) == pytest.approx(0.625)
    assert dv.blau([3, 1]) == pytest.approx(0.375)
    assert dv.iqv([3, 1]) == pytest.approx(0.75)
    assert dv.deviation_from_mode([3, 1]) == pytest.approx(0.5)
    assert dv.evenness([3, 1]) == pytest.approx(0.811278, abs=1e-6)


def test_zero_counts_are_absent_categories():
    assert dv.richness([2, 0, 1, 1, 0]) == 3
    for index in dv.INDICES.values():
        assert index([2, 0, 1, 1, 0]) == pytest.approx(index([2, 1, 1]))


@pytest.mark.parametrize(
    ("counts", "problem"),
    [
        ([], "nothing to measure"),
        ([0, 0], "nothing to measure"),
        ([2, -1], "non-negative"),
        ([1, float("nan")], "non-negative"),
        ([1, float("inf")], "non-negative"),
    ],
)
def test_bad_counts_are_refused(counts, problem):
    for index in dv.INDICES.values():
        with pytest.raises(ValueError, match=problem):
            index(counts)


# ---------------------------------------------------------------- properties

counts_strategy = st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=8).filter(
    lambda c: sum(c) > 0
)


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=0, max_value=4))
def test_one_category_has_no_diversity(count, zeros):
    counts = [count] + [0] * zeros
    assert dv.richness(counts) == 1
    assert dv.hhi(counts) == 1.0
    for name in ("shannon", *NORMALISED):
        assert dv.INDICES[name](counts) == 0.0


@given(st.integers(min_value=2, max_value=12), st.integers(min_value=1, max_value=50))
def test_uniform_counts_reach_the_maximum(k, count):
    counts = [count] * k
    assert dv.shannon(counts) == pytest.approx(math.log(k))
    assert dv.blau(counts) == pytest.approx(1 - 1 / k)
    assert dv.hhi(counts) == pytest.approx(1 / k)
    for name in ("evenness", "iqv", "dm"):
        assert dv.INDICES[name](counts) == pytest.approx(1.0)


@given(counts_strategy, st.randoms(use_true_random=False))
def test_indices_ignore_category_order(counts, rnd):
    shuffled = list(counts)
    rnd.shuffle(shuffled)
    for index in dv.INDICES.values():
        assert index(shuffled) == pytest.approx(index(counts))


@given(counts_strategy, st.integers(min_value=2, max_value=9))
def test_indices_depend_only_on_proportions(counts, factor):
    for index in dv.INDICES.values():
        assert index([c * factor for c in counts]) == pytest.approx(index(counts))


@given(counts_strategy)
def test_indices_stay_in_their_ranges(counts):
    s = dv.richness(counts)
    assert 0.0 <= dv.shannon(counts) <= math.log(s) + 1e-9
    assert 1 / s - 1e-9 <= dv.hhi(counts) <= 1.0
    assert dv.blau(counts) == pytest.approx(1 - dv.hhi(counts))
    for name in NORMALISED:
        assert 0.0 <= dv.INDICES[name](counts) <= 1.0


@given(
    st.lists(st.sampled_from("abc"), min_size=1, max_size=6),
    st.integers(min_value=0, max_value=2**32 - 1),
)
def test_bootstrap_interval_is_ordered_and_reproducible(categories, seed):
    weights = [1.0] * len(categories)
    counts = [categories.count(c) for c in set(categories)]
    first = dv.bootstrap(categories, weights, resamples=50, seed=seed)
    assert first == dv.bootstrap(categories, weights, resamples=50, seed=seed)
    for estimate in first:
        assert estimate.low <= estimate.high
        assert estimate.value == pytest.approx(dv.INDICES[estimate.index](counts))


def test_bootstrap_of_a_single_unit_has_no_width():
    estimates = {e.index: e for e in dv.bootstrap(["China"], [40.0], resamples=20)}
    assert (estimates["richness"].low, estimates["richness"].high) == (1.0, 1.0)
    assert (estimates["blau"].value, estimates["blau"].high) == (0.0, 0.0)


def test_bootstrap_refuses_mismatched_input():
    with pytest.raises(ValueError, match="one weight per unit"):
        dv.bootstrap(["a", "b"], [1.0])
    with pytest.raises(ValueError, match="at least one unit"):
        dv.bootstrap([], [])


# ---------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed_report():
    return analyze(SEED, CODEBOOK, STANCES)


def test_seed_named_sources_come_from_three_countries(seed_report):
    named = {s.name: s.country for s in seed_report.sources if s.named}
    assert named == {
        "Song Jingwu": "China",
        "Olim Alimov": "Tajikistan",
        "Khalid Taimur Akram": "Pakistan",
    }
    assert [s.name for s in seed_report.sources if not s.named] == ["Experts"]


def test_seed_country_evenness_by_source_and_by_word(seed_report):
    diversity = seed_report.diversity
    by_source = diversity.composition("country", "source")
    assert dict(by_source.counts) == {"China": 1, "Pakistan": 1, "Tajikistan": 1}
    assert by_source.unknown == 1  # the unnamed experts: country unknown, left out
    assert by_source.estimate("evenness").value == pytest.approx(1.0)
    by_word = diversity.composition("country", "word")
    # China 22 + 31 words (q1, q2), Tajikistan 53 (q3), Pakistan 45 (q4); experts 21 left out.
    assert dict(by_word.counts) == {"China": 53, "Tajikistan": 53, "Pakistan": 45}
    assert by_word.unknown == 21
    # J = H / ln 3 with p = (53, 53, 45) / 151: H = 1.095752, J = 0.997396.
    assert by_word.estimate("shannon").value == pytest.approx(1.095752, abs=1e-6)
    assert by_word.estimate("evenness").value == pytest.approx(0.997396, abs=1e-6)
    assert by_word.estimate("evenness").value < 1
    by_quote = diversity.composition("country", "quote")
    assert dict(by_quote.counts) == {"China": 2, "Pakistan": 1, "Tajikistan": 1}
    assert by_quote.estimate("iqv").value == pytest.approx(0.9375)


def test_seed_other_dimensions(seed_report):
    diversity = seed_report.diversity
    assert dict(diversity.composition("type", "source").counts) == {
        "business": 1,
        "expert": 1,
        "state_affiliated": 1,
    }
    assert dict(diversity.composition("affiliation", "source").counts) == {
        "independent": 2,
        "state": 1,
    }
    assert dict(diversity.composition("named", "word").counts) == {"named": 151, "unnamed": 21}
    gender = diversity.composition("gender", "source")
    assert (dict(gender.counts), gender.unknown) == ({"male": 1}, 3)
    assert gender.estimate("blau").value == 0.0
    stance = diversity.composition("stance", "quote")
    assert dict(stance.counts) == {"supportive": 5}


def test_seed_intervals_are_seeded_and_wide(seed_report):
    again = analyze(SEED, CODEBOOK, STANCES).diversity
    assert again.compositions == seed_report.diversity.compositions
    evenness = seed_report.diversity.composition("country", "source").estimate("evenness")
    # Three sources resampled can all be the same source: the interval reaches 0.
    assert (evenness.low, evenness.high) == pytest.approx((0.0, 1.0))


def test_seed_member_state_coverage(seed_report):
    reach = seed_report.diversity.coverage
    assert (reach.organization, reach.file, reach.as_of) == (
        "Shanghai Cooperation Organisation",
        "sco_members.csv",
        "2018-06-11",
    )
    members = {s.country: s.presence for s in reach.states if s.status == "member"}
    assert len(members) == 8
    assert {c for c, p in members.items() if p == "voice"} == {"China", "Tajikistan", "Pakistan"}
    assert reach.count("voice") == 3
    assert reach.count("mentioned") + reach.count("absent") == 5
    assert sum(s.status == "observer" for s in reach.states) == 4
    assert sum(s.status == "dialogue partner" for s in reach.states) == 6


def test_seed_viewpoints_and_gaps(seed_report):
    views = seed_report.diversity.viewpoints
    assert views.counts == {"supportive": 4, "critical": 0, "neutral": 0, "unknown": 0}
    assert (views.distinct, views.has_critical, views.has_independent) == (1, False, True)
    gaps = seed_report.diversity.gaps
    assert "no woman is quoted (the text gives no gender for 3 of 4 sources)" in gaps
    assert "no ordinary citizen is quoted" in gaps
    assert "no source is critical of the article's claim" in gaps
    assert (
        "5 of 8 SCO member states have no voice (Kazakhstan, Kyrgyzstan, Russia, Uzbekistan, "
        "India)" in gaps
    )


def test_keeping_unknown_as_a_category(seed_report):
    report = seed_report
    kept = dv.compositions(report.sources, report.quotes, keep_unknown=True, resamples=50)
    by_word = next(c for c in kept if (c.dimension, c.unit) == ("country", "word"))
    assert dict(by_word.counts) == {"China": 53, "Tajikistan": 53, "Pakistan": 45, "unknown": 21}
    assert (by_word.unknown, by_word.estimate("richness").value) == (0, 4)


def test_uncoded_sources_have_unknown_stance(seed_report):
    views = dv.viewpoints(seed_report.sources)
    assert views.counts["unknown"] == 4
    assert views.distinct == 0
    assert "no source's stance toward the claim is coded" in dv.gaps(
        seed_report.sources, views, seed_report.diversity.coverage
    )


def test_json_carries_the_diversity(seed_report, cli):
    data = seed_report.to_dict()["diversity"]
    assert data["unknown"] == "excluded"
    assert data["interval"] == {"level": 0.95, "resamples": 1000, "seed": 20180611}
    first = data["compositions"][0]
    assert (first["dimension"], first["unit"]) == ("type", "source")
    assert set(first["indices"]) == set(dv.INDICES)
    result = cli("analyze", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["diversity"]["coverage"]["states"]) == 18


def test_cli_reads_the_stance_coding(cli):
    result = cli("analyze", str(SEED), "--json", "--stances", str(STANCES))
    assert result.returncode == 0, result.stderr
    views = json.loads(result.stdout)["diversity"]["viewpoints"]
    assert views["counts"]["supportive"] == 4
    bad = cli("analyze", str(SEED), "--stances", "no/such/stances.csv")
    assert bad.returncode == 2
    assert "no/such/stances.csv" in bad.stderr


# ---------------------------------------------------------------- any article


def test_unnamed_source_affiliation_comes_from_its_descriptor(seed_report):
    experts = next(s for s in seed_report.sources if not s.named)
    assert (dv.actor_type(experts), dv.affiliation(experts)) == ("unknown", "unknown")
    spokeswoman = replace(
        experts, name="Defence ministry spokeswoman", description="Defence ministry spokeswoman"
    )
    assert (dv.actor_type(spokeswoman), dv.affiliation(spokeswoman)) == ("official", "state")


def test_coverage_takes_any_membership_table():
    article = parse_article(
        "Andean trade talks\n\nChina Plus Published: 2018-06-11 10:00:00\n\n"
        "Lima hosted the talks. A Bolivian delegation stayed away.\n\n"
        '"We are pleased," said Ana Torres, a Peruvian trade minister.'
    )
    report = analyze(article)
    table = dv.Membership(
        organization="Andean Community",
        short="CAN",
        names=("Andean Community",),
        file="test",
        checked=date(2018, 6, 11),
        source="test",
        members=(
            dv.Member("Peru", "member", date(1969, 5, 26)),
            dv.Member("Bolivia", "member", date(1969, 5, 26)),
            dv.Member("Ecuador", "member", date(1969, 5, 26)),
            dv.Member("Chile", "member", date(2020, 1, 1)),
        ),
    )
    reach = dv.coverage(report.article, report.sources, table)
    assert [(s.country, s.presence) for s in reach.states] == [
        ("Peru", "voice"),
        ("Bolivia", "mentioned"),
        ("Ecuador", "absent"),
    ]
    assert reach.states[1].evidence == "'Bolivian' (¶1)"


def test_organisation_names_do_not_mention_members():
    article = parse_article(
        "Summit\n\nThe Shanghai Cooperation Organization met. Officials praised the Shanghai "
        "Spirit in Qingdao."
    )
    reach = dv.coverage(article, (), dv.read_membership())
    assert {s.country: s.presence for s in reach.states}["China"] == "mentioned"
    article = parse_article("Summit\n\nThe Shanghai Cooperation Organization met.")
    reach = dv.coverage(article, (), dv.read_membership())
    assert {s.presence for s in reach.states} == {"absent"}
    assert reach.as_of is None


def test_unknown_membership_file_is_refused():
    with pytest.raises(ValueError, match=r"no organisation has the members file nato\.csv"):
        dv.read_membership("nato.csv")


def test_article_without_sources():
    report = analyze(parse_article("Weather\n\nIt rained all day in Bishkek."))
    assert all(c.estimates == () for c in report.diversity.compositions)
    assert report.diversity.gaps == ("no source is quoted",)
    states = {s.country: s.presence for s in report.diversity.coverage.states}
    assert states["Kyrgyzstan"] == "mentioned"


# ---------------------------------------------------------------- the stance coding


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("name,stance\nSong Jingwu,supportive\n", r"lacks the columns \['justification'\]"),
        ("", "lacks the columns"),
        ("name,stance,justification\nSong Jingwu,positive,x\n", "line 2: stance 'positive'"),
        ("name,stance,justification\nSong Jingwu,critical,\n", "line 2: a name and a"),
        (
            "name,stance,justification\nSong Jingwu,neutral,a\nSong Jingwu,critical,b\n",
            "line 3: 'Song Jingwu' is coded twice",
        ),
    ],
)
def test_bad_stance_coding_is_refused(tmp_path, text, problem):
    bad = tmp_path / "stances.csv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ArticleError, match=rf"stances.csv: .*{problem}"):
        dv.read_stances(bad)


def test_missing_or_binary_stance_file_is_refused(tmp_path):
    with pytest.raises(ArticleError, match="cannot read the stance coding"):
        dv.read_stances(tmp_path / "absent.csv")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00name")
    with pytest.raises(ArticleError, match="not UTF-8"):
        dv.read_stances(binary)


def test_seed_stance_coding_reads():
    coding = dv.read_stances(STANCES)
    assert sorted(coding) == ["Experts", "Khalid Taimur Akram", "Olim Alimov", "Song Jingwu"]
    assert {c.stance for c in coding.values()} == {"supportive"}


def test_seed_stances_agree_with_the_tone_of_their_quotes(seed_report):
    checks = {c.name: c for c in seed_report.diversity.viewpoints.checks}
    assert set(checks) == {"Song Jingwu", "Olim Alimov", "Khalid Taimur Akram", "Experts"}
    assert all(c.tone_label == "positive" and c.consistent for c in checks.values())
    tones = {g.group: g.mean for g in seed_report.sentiment.sources}
    assert checks["Olim Alimov"].tone == tones["Olim Alimov"]


@pytest.mark.parametrize(
    ("stance", "tone", "label", "consistent"),
    [
        ("supportive", 0.05, "positive", True),
        ("supportive", 0.0, "neutral", False),
        ("critical", -0.3, "negative", True),
        ("critical", 0.4, "positive", False),
        ("neutral", -0.049, "neutral", True),
        ("supportive", None, "unknown", None),
        ("unknown", 0.5, "positive", None),
    ],
)
def test_stance_check_against_tone(stance, tone, label, consistent):
    check = dv.check_stance(dv.StanceCoding("X", stance, "why"), tone)
    assert (check.tone_label, check.consistent) == (label, consistent)


# ---------------------------------------------------------------- the chapter


def test_chapter_shows_the_stage_numbers(built_book, seed_report):
    html = (built_book / "chapters" / "diversity.html").read_text(encoding="utf-8")
    pasted = re.findall(r'<span class="pasted-text">([^<]*)</span>', html)
    diversity = seed_report.diversity
    by_word = diversity.composition("country", "word").estimate("evenness").value
    assert f"{by_word:.3f}" == "0.997"
    for value in ["1.00", "0.997", "5", "Kazakhstan, Kyrgyzstan, Russia, Uzbekistan and India"]:
        assert value in pasted
    assert html.count('<figure class="align-default" id="fig-diversity-') == 7
    assert "No woman is quoted" in html
