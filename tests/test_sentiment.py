"""The sentiment stage: units, hand-computed VADER scores, aggregates, GDELT fields, checks."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from conftest import ROOT, SEED
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.sentiment.vader import SentiText

from analysis import sentiment
from analysis.article import load_article, parse_article
from analysis.quotes import Quote
from analysis.report import analyze

CODEBOOK = ROOT / "data" / "annotations" / f"{SEED.stem}.sources.csv"
FIXTURES = ROOT / "tests" / "fixtures"
ARTICLES = sorted(FIXTURES.rglob("*.txt"))


@pytest.fixture(scope="module")
def seed():
    return analyze(SEED, CODEBOOK)


@pytest.fixture(scope="module")
def tone(seed):
    return seed.sentiment


def unit(tone, uid):
    return next(u for u in tone.units if u.id == uid)


def vader_compound(raw: float) -> float:
    """VADER's normalisation, written out: raw / sqrt(raw^2 + 15)."""
    return round(raw / math.sqrt(raw * raw + 15), 4)


def test_every_sentence_and_word_of_the_seed_is_scored(seed, tone):
    assert len(tone.sentences) == len(seed.article.sentences) == 16
    assert all(s.units for s in tone.sentences)
    assert len(tone.units) == 21
    # Units partition the body's words: none is lost or counted twice at a quote boundary.
    assert sum(u.n_words for u in tone.units) == len(seed.article.words) == 363
    assert tone.headline.text == seed.article.title
    assert (tone.headline.kind, tone.headline.compound, tone.headline.n_words) == (
        "headline",
        0.0,
        8,
    )


def test_hand_computed_scores(tone):
    # "... has made remarkable progress ...": remarkable 2.6 + progress 1.8 in the lexicon.
    progress = unit(tone, "u3")
    assert progress.text.startswith("Cultural cooperation among SCO member states")
    assert progress.raw == 4.4
    assert progress.compound == vader_compound(2.6 + 1.8) == 0.7506
    # The Shanghai Spirit sentence: trust 2.3, respect 2.1, benefit 2.0, values 1.7, spirit 0.7.
    spirit = unit(tone, "u9")
    assert [(d.word, d.valence) for d in spirit.drivers] == [
        ("trust", 2.3),
        ("respect", 2.1),
        ("benefit", 2.0),
        ("values", 1.7),
        ("spirit", 0.7),
    ]
    assert spirit.compound == vader_compound(8.8) == 0.9153
    # "not just a political, security ..., but ...": NLTK drops "a", so "not" is within
    # three words of "security" (1.4) and negates it (x -0.74); before "but" it is halved.
    negated = unit(tone, "u2")
    assert negated.drivers == (sentiment.Driver("security", 1.4, round(1.4 * -0.74 * 0.5, 4)),)
    assert negated.compound == vader_compound(1.4 * -0.74 * 0.5) == -0.1326
    assert negated.label == "negative"


def test_class_thresholds_at_the_boundaries():
    assert sentiment.label(0.05) == "positive"
    assert sentiment.label(0.0499) == "neutral"
    assert sentiment.label(0.0) == "neutral"
    assert sentiment.label(-0.0499) == "neutral"
    assert sentiment.label(-0.05) == "negative"


def test_sentences_with_quotes_are_split_at_the_quote_boundaries(seed, tone):
    q1, q2 = seed.quotes[0], seed.quotes[1]
    song = tone.sentences[3]
    assert song.units == ("u4", "u5")
    assert unit(tone, "u4").kind == "narration"
    assert unit(tone, "u4").text.endswith("Foreign Countries, says")
    reported = unit(tone, "u5")
    assert (reported.kind, reported.speaker, reported.quote) == ("indirect", "Song Jingwu", "q1")
    assert reported.text == q1.text
    # q2 runs over two sentences: one unit in each, then the attribution as narration.
    assert [unit(tone, u).quote for u in ("u6", "u7", "u8")] == ["q2", "q2", None]
    assert unit(tone, "u8").text == "says Song."
    assert tone.sentences[5].compound == vader_compound(unit(tone, "u7").raw + unit(tone, "u8").raw)
    assert unit(tone, "u6").start == q2.start


def test_a_partial_quote_splits_narration_in_three():
    article = parse_article('Headline\n\nThe mayor called the plan "a terrible mistake" today.')
    start = article.body.index("a terrible")
    quote = Quote("q1", "direct", "a terrible mistake", "Mayor", True, "called", start,
                  start + len("a terrible mistake"), 0, None, "test")  # fmt: skip
    found = sentiment.units(article, [quote])
    assert [(u.kind, u.text) for u in found] == [
        ("narration", "The mayor called the plan"),
        ("direct", "a terrible mistake"),
        ("narration", "today."),
    ]
    # terrible -2.1 and mistake -1.4 in the lexicon; the narration holds no lexicon word.
    assert found[1].compound == vader_compound(-2.1 - 1.4) < 0 == found[0].compound
    assert [u.sentence for u in found] == [0, 0, 0]


def test_groups_and_sources(tone):
    groups = {g.group: g for g in tone.groups}
    assert [groups[k].n for k in ("narration", "quotes", "direct", "indirect")] == [12, 9, 7, 2]
    assert groups["quotes"].mean == round(
        sum(u.compound for u in tone.units if u.kind != "narration") / 9, 4
    )
    sources = {g.group: g for g in tone.sources}
    assert list(sources) == ["Song Jingwu", "Olim Alimov", "Khalid Taimur Akram", "Experts"]
    song = sources["Song Jingwu"]
    assert (song.n, song.mean) == (3, round((0.4144 + 0.2732 + 0.4019) / 3, 4))
    assert song.low <= song.mean <= song.high
    experts, akram = sources["Experts"], sources["Khalid Taimur Akram"]
    assert (experts.n, experts.low, experts.high) == (1, None, None)
    assert (akram.n_positive, akram.n_neutral, akram.n_negative) == (1, 1, 0)
    assert tone.paragraphs[0] == round((0.0 + -0.1326) / 2, 4)
    assert len(tone.paragraphs) == 11


def test_driver_words_overall(tone):
    first = tone.words[0]
    assert (first.word, first.lexicon, first.count, first.total) == ("respect", 2.1, 2, 4.2)
    spirit = next(w for w in tone.words if w.word == "spirit")
    assert (spirit.count, spirit.total) == (4, 2.8)
    # Diplomatic vocabulary: "cooperation" is not in VADER's lexicon, "security" is positive.
    assert sentiment.lexicon_valence("cooperation") is None
    assert sentiment.lexicon_valence("Security") == 1.4


def test_gdelt_fields_by_hand():
    tone = sentiment.gdelt("x", ["We", "trust", "the", "US", "in", "war", "."])
    assert (tone.words, tone.positive_words, tone.negative_words) == (6, 1, 1)
    assert (tone.tone, tone.positive_score, tone.negative_score) == (0.0, 16.6667, 16.6667)
    assert tone.polarity == 33.3333
    # "We" is a group reference; "US" in capitals is the country, not the pronoun.
    assert (tone.pronoun_density, tone.self_density, tone.group_density) == (
        16.6667,
        0.0,
        16.6667,
    )
    empty = sentiment.gdelt("empty", [".", ","])
    assert (empty.words, empty.tone, empty.pronoun_density) == (0, 0.0, 0.0)


def test_gdelt_on_the_seed(tone):
    article, narration, quotes = tone.gdelt
    assert (article.words, narration.words, quotes.words) == (363, 191, 172)
    assert (article.positive_words, article.negative_words) == (27, 0)
    assert article.tone == round(100 * 27 / 363, 4)
    assert narration.positive_words + quotes.positive_words == article.positive_words


def test_trace_equals_nltk_polarity_scores_on_every_unit():
    analyzer = sentiment.vader()
    for path in [SEED, *ARTICLES]:
        report = analyze(path)
        for scored in (report.sentiment.headline, *report.sentiment.units):
            expected = analyzer.polarity_scores(scored.text)
            got = {
                "neg": scored.negative,
                "neu": scored.neutral,
                "pos": scored.positive,
                "compound": scored.compound,
            }
            assert got == expected, (path.name, scored.text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["good", "bad", "not", "very", "but", "a", "I", "-", '"', "'", ",", ".", "!", "?",
             "!!", "GREAT", "kind", "of", "never", "so", "least", "at", "it's", "no", "well"]
        ),
        max_size=25,
    ).map(lambda parts: "".join(p if p in ",.!?\"'" else f" {p}" for p in parts))
    | st.text(alphabet="aZ ,.!?;:-'\"#()", max_size=40)
)  # fmt: skip
def test_fast_word_list_equals_nltk(text):
    constants = sentiment.vader().constants
    args = (text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
    assert sentiment._SentiText(*args).words_and_emoticons == SentiText(*args).words_and_emoticons
    assert sentiment._trace(text).scores == sentiment.vader().polarity_scores(text)


def test_bootstrap_intervals():
    assert sentiment.bootstrap_intervals([[0.3] * 5, [0.2], []]) == [(0.3, 0.3), None, None]
    sample = [0.1, 0.5, -0.2, 0.9, 0.0]
    alone = sentiment.bootstrap_intervals([sample])
    assert alone == sentiment.bootstrap_intervals([[1.0] * 12, sample])[1:]
    assert alone == sentiment.bootstrap_intervals([sample])


@given(st.lists(st.floats(-1, 1, allow_nan=False), min_size=2, max_size=30))
def test_bootstrap_interval_lies_within_the_sample(values):
    (interval,) = sentiment.bootstrap_intervals([values])
    low, high = interval
    assert min(values) - 1e-4 <= low <= high <= max(values) + 1e-4


def test_reference_implementation_agreement(tone):
    check = sentiment.reference_check(tone)
    assert (check.n, check.same_class) == (22, 21)
    assert (check.max_unit, check.max_difference) == ("u2", 0.3105)
    assert [d.unit for d in check.disagreements] == ["u2"]
    nltk_words, reference_words = sentiment.reference_tokens(unit(tone, "u2").text)
    assert {"a", "-"} <= set(reference_words) - set(nltk_words)
    assert sentiment.reference_compound(unit(tone, "u2").text) == 0.1779


def test_textblob_cross_check(tone):
    check = sentiment.lexicon_check(tone)
    assert check.n == 22
    assert (check.pearson, check.spearman) == (0.3028, 0.0338)
    assert check.same_class == 11 == len(check.disagreements)
    assert check.max_unit == "u9"


def test_conflict_fixture_is_more_negative_than_the_seed(tone):
    conflict = analyze(FIXTURES / "conflict_border.txt").sentiment
    mean = {
        name: sum(u.compound for u in t.units) / len(t.units)
        for name, t in (("seed", tone), ("conflict", conflict))
    }
    assert mean["conflict"] < 0 < mean["seed"]
    assert conflict.gdelt[0].tone < 0 < tone.gdelt[0].tone
    assert conflict.gdelt[0].negative_words > 0 == tone.gdelt[0].negative_words


def test_article_without_quotes():
    report = analyze(FIXTURES / "no_quotes.txt")
    tone = report.sentiment
    assert {u.kind for u in tone.units} == {"narration"}
    groups = {g.group: g for g in tone.groups}
    assert (groups["quotes"].n, groups["quotes"].mean, groups["quotes"].low) == (0, None, None)
    assert tone.sources == ()
    assert tone.gdelt[2].words == 0


def test_article_without_lexicon_words():
    article = parse_article("Report\n\nThe committee met on Tuesday in the town hall.")
    tone = sentiment.score(article, ())
    assert [u.compound for u in tone.units] == [0.0]
    assert tone.words == ()
    assert tone.sentences[0].label == "neutral"


def test_json_holds_the_sentiment(seed):
    data = json.loads(json.dumps(seed.to_dict()))
    assert [g["group"] for g in data["sentiment"]["groups"]] == [
        "narration",
        "quotes",
        "direct",
        "indirect",
    ]
    assert data["sentiment"]["units"][1]["drivers"] == [
        {"word": "security", "lexicon": 1.4, "valence": -0.518}
    ]


def test_stage_is_reproducible():
    article = load_article(SEED)
    first = analyze(article).sentiment
    assert first == analyze(Path(SEED)).sentiment
