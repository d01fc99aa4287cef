"""The framing stage: each codebook item, the seed's coding against the hand coding, the
fixtures' frame ordering, keyness, collocations, enumerations, actors and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, SEED
from hypothesis import given
from hypothesis import strategies as st

from analysis.article import ArticleError, parse_article
from analysis.framing import (
    agreement,
    code_item,
    codebook,
    function_agreement,
    nominal_alpha,
    parse_codebook,
    read_hand_functions,
    read_hand_items,
)
from analysis.lexis import enumerations, list_after, log_likelihood, log_ratio
from analysis.report import analyze

ANNOTATIONS = ROOT / "data" / "annotations"
FRAMES_CSV = ANNOTATIONS / f"{SEED.stem}.frames.csv"
ENTMAN_CSV = ANNOTATIONS / f"{SEED.stem}.entman.csv"
FIXTURES = ROOT / "tests" / "fixtures"
NEUTRAL = "The museum opened a new wing on Monday."

YES = {
    "R1": "The government will build a new bridge across the river.",
    "R2": "Critics said the ministry failed to inspect the dam.",
    "R3": "Engineers proposed a solution to the flooding.",
    "R4": "Tenants blamed the landlord for the damp.",
    "R5": "Doctors called for urgent action on the outbreak.",
    "H1": "Maria, a 34-year-old nurse, waited outside the clinic.",
    "H2": "Two children died in the fire.",
    "H3": "Hundreds of families lost their homes in the flood.",
    "H4": "He spoke about his childhood in the village.",
    "H5": "A photo shows the flooded street.",
    "C1": "The two parties disagree on the new law.",
    "C2": "The mayor accused the union of lying.",
    "C3": "Both sides claim the land.",
    "C4": "The incumbent won the election.",
    "M1": "The bishop spoke of justice for the poor.",
    "M2": "Pilgrims prayed at the old church.",
    "M3": "Drivers should slow down near schools.",
    "E1": "The company reported a profit of $4 million.",
    "E2": "The repairs will cost the city more.",
    "E3": "The new tariff could hurt trade.",
}
NEAR_MISS = {
    "R1": "The government met on Monday.",
    "R2": "The ministry opened a new office.",
    "H3": "Families gathered in the square.",
    "E3": "Trade grew last year.",
    "C4": "The window was open.",
}


def article(text: str):
    return parse_article(f"Headline\n\n{text}\n", "<test>")


def rule(item: str):
    return next(r for r in codebook() if r.item == item)


@pytest.fixture(scope="module")
def seed():
    return analyze(SEED)


@pytest.fixture(scope="module")
def hand():
    return read_hand_items(FRAMES_CSV)


# ---------------------------------------------------------------- the codebook


def test_codebook_has_the_twenty_items_of_semetko_and_valkenburg():
    items = codebook()
    assert [r.item for r in items] == [*YES]
    sizes = {f: sum(r.frame == f for r in items) for f in {r.frame for r in items}}
    assert sizes == {
        "responsibility": 5,
        "human_interest": 5,
        "conflict": 4,
        "morality": 3,
        "economic": 3,
    }
    assert rule("R1").question.startswith("Does the story suggest that some level of government")


@pytest.mark.parametrize("item", [*YES])
def test_each_item_answers_yes_with_the_triggering_sentence(item):
    text = f"{NEUTRAL} {YES[item]}"
    code = code_item(rule(item), article(text), (), ())
    assert code.answer is True
    assert [e.text for e in code.evidence] == [YES[item]]
    assert code.evidence[0].start == text.index(YES[item])


@pytest.mark.parametrize("item", [*YES])
def test_each_item_answers_no_on_a_neutral_sentence(item):
    code = code_item(rule(item), article(NEUTRAL), (), ())
    assert (code.answer, code.evidence) == (False, ())


@pytest.mark.parametrize("item", [*NEAR_MISS])
def test_items_needing_two_cues_answer_no_on_one(item):
    assert code_item(rule(item), article(NEAR_MISS[item]), (), ()).answer is False


def test_a_quoted_citizen_is_a_human_face():
    report = analyze(article('"The water came fast," said Maria Lopez, a local resident.'))
    assert [s.type for s in report.sources] == ["citizen"]
    h1 = next(i for i in report.framing.items if i.item == "H1")
    assert h1.answer is True
    assert h1.evidence[0].text.startswith('"The water came fast,"')


# ---------------------------------------------------------------- the seed


def test_seed_automatic_coding(seed):
    items = seed.framing.items
    assert [i.item for i in items if i.answer] == ["R1", "R3", "H3", "M1", "M2", "M3", "E3"]
    assert all(i.evidence for i in items if i.answer)
    assert all(not i.evidence for i in items if not i.answer)
    body = seed.article.body
    for item in items:
        for e in item.evidence:
            assert body[e.start : e.end] == e.text
    m2 = next(i for i in items if i.item == "M2")
    assert [e.paragraph for e in m2.evidence] == [3]
    assert "different religious background" in m2.evidence[0].text
    scores = {f.frame: (f.n_yes, f.n_items) for f in seed.framing.frames}
    assert scores == {
        "responsibility": (2, 5),
        "human_interest": (1, 5),
        "conflict": (0, 4),
        "morality": (3, 3),
        "economic": (1, 3),
    }


def test_seed_hand_coding_and_agreement(seed, hand):
    assert [item for item, yes in hand.items() if yes] == ["R1", "R3", "M1", "M3", "E3"]
    result = agreement(seed.framing.items, hand)
    assert (result.n_items, result.n_agree, result.percent) == (20, 18, 0.9)
    assert result.disagreements == ("H3", "M2")
    # 5 yes-yes, 13 no-no, 2 yes-no units: n = 40 values, 12 yes, 28 no;
    # alpha = 1 - (n - 1) * 4 / (2 * 12 * 28) = 1 - 156 / 672
    assert result.alpha == pytest.approx(1 - 156 / 672)


def test_seed_entman_functions_beside_the_hand_coding(seed):
    hand = read_hand_functions(ENTMAN_CSV, seed.article)
    assert len(hand) == 7
    by_function = {f.function: f for f in seed.framing.functions}
    causal = by_function["causal_interpretation"].evidence
    assert [e.paragraph for e in causal] == [5, 7]
    assert causal[0].text.startswith("The Shanghai Spirit has stimulated")
    compared = {
        a.function: (a.n_hand, a.n_rule, a.n_both)
        for a in function_agreement(seed.framing.functions, hand)
    }
    assert compared == {
        "problem_definition": (2, 1, 1),
        "causal_interpretation": (1, 2, 1),
        "moral_evaluation": (2, 6, 2),
        "treatment_recommendation": (2, 3, 2),
    }


def test_seed_actors_and_vocabulary(seed):
    actors = {a.name: a for a in seed.framing.actors}
    sco = actors["Shanghai Cooperation Organization"]
    assert (sco.kind, sco.aliases, sco.mentions) == ("organisation", ("SCO",), 9)
    assert "SCO Youth League" in actors
    assert (actors["China"].mentions, actors["Pakistan"].mentions) == (3, 3)
    assert actors["Tajikistan"].aliases == ("Tajik",)
    song = actors["Song Jingwu"]
    assert (song.kind, song.aliases, song.mentions) == ("person", ("Song",), 2)
    assert all(not a.conflict for a in actors.values())
    vocabulary = seed.framing.vocabulary
    assert (len(vocabulary.cooperation), len(vocabulary.conflict)) == (23, 0)
    # 8 times in the body, once as part of "Shanghai Cooperation Organization", a name
    assert seed.article.body.lower().count("cooperation") == 8
    assert vocabulary.cooperation.count("cooperation") == 7


def test_organisations_acronyms_and_countries():
    text = (
        "Ana Ortiz, Vice President of the North Atlantic Treaty Organization, met Greek "
        "officials. NATO and the CEO of Acme Shipping talked. Greece agreed."
    )
    found = {a.name: a for a in analyze(article(text)).framing.actors}
    nato = found["North Atlantic Treaty Organization"]
    assert (nato.kind, nato.aliases, nato.mentions) == ("organisation", ("NATO",), 2)
    assert "Acme Shipping" in found
    assert "CEO" not in found  # an acronym the article never spells out is not an actor
    greece = found["Greece"]
    assert (greece.kind, greece.aliases, greece.mentions) == ("country", ("Greek",), 2)
    assert greece.cooperation == ("met", "agreed")


def test_seed_keywords_and_collocations(seed):
    top = seed.framing.keywords[0]
    assert (top.word, top.count) == ("sco", 9)
    words = [k.word for k in seed.framing.keywords[:6]]
    assert words == ["sco", "cooperation", "exchanges", "shanghai", "cultural", "member"]
    assert all(k.count >= 2 and k.log_ratio > 0 for k in seed.framing.keywords)
    first = seed.framing.collocations[0]
    assert (first.first, first.second, first.count) == ("member", "states", 7)


def test_seed_shanghai_spirit_values_come_from_the_text(seed):
    values = seed.framing.enumerations[0]
    assert values.cue == "includes"
    assert values.items == (
        "mutual trust",
        "mutual benefit",
        "equality",
        "consultation",
        "respect for diverse civilizations",
        "pursuit of common development",
    )
    listed = seed.article.body[values.start : values.end]
    assert listed.startswith("includes mutual trust, ")
    assert listed.endswith(" and pursuit of common development")


def test_seed_json_has_framing(seed):
    framing = seed.to_dict()["framing"]
    assert set(framing) >= {"items", "frames", "functions", "keywords", "actors"}
    assert framing["items"][0]["evidence"][0]["paragraph"] == 8


# ---------------------------------------------------------------- other stories


def test_fixtures_move_the_frames_the_right_way(seed):
    def scores(report):
        return {f.frame: f.score for f in report.framing.frames}

    base = scores(seed)
    conflict = analyze(FIXTURES / "conflict_border.txt")
    budget = scores(analyze(FIXTURES / "curly_budget.txt"))
    assert scores(conflict)["conflict"] == 1.0 > base["conflict"]
    assert budget["economic"] == 1.0 > base["economic"]
    assert scores(conflict)["economic"] == 0.0
    vocabulary = conflict.framing.vocabulary
    assert len(vocabulary.conflict) > len(vocabulary.cooperation)
    assert "exchange" not in vocabulary.cooperation  # "an exchange of fire"


# ---------------------------------------------------------------- measures


def test_dunning_log_likelihood_by_hand():
    # a=10 of c=1000 against b=100 of d=100000: E1 = 1000*110/101000, E2 = 100000*110/101000
    # G2 = 2 * (10 ln(10/1.0891) + 100 ln(100/108.9109)) = 2 * (22.1720 - 8.5362)
    assert log_likelihood(10, 100, 1000, 100_000) == pytest.approx(27.2716, abs=1e-3)
    assert log_likelihood(5, 500, 1000, 100_000) == pytest.approx(0.0)
    assert log_ratio(10, 100, 1000, 100_000) == pytest.approx(3.3219, abs=1e-4)
    assert log_ratio(2, 0, 100, 1000) == pytest.approx(5.3219, abs=1e-4)  # zero read as 0.5


def test_krippendorff_alpha_on_constructed_cases():
    # 8 values, 3 yes and 5 no, 2 disagreeing values: 1 - 7 * 2 / (2 * 3 * 5)
    assert nominal_alpha([True, True, False, False], [True, False, False, False]) == (
        pytest.approx(1 - 14 / 30)
    )
    assert nominal_alpha([True, False], [True, False]) == 1.0
    # one coder without variance: defined, and zero here (all disagreement is by chance)
    assert nominal_alpha([True] * 4, [True, True, True, False]) == pytest.approx(0.0)
    # nobody varies: expected disagreement is zero, alpha undefined
    assert nominal_alpha([False] * 4, [False] * 4) is None


@pytest.mark.parametrize(
    ("text", "cue", "items"),
    [
        ("The festival has values such as openness, courage and joy.", "such as",
         ("openness", "courage", "joy")),
        ("They talked about pay, including wages, pensions, and working hours.", "including",
         ("wages", "pensions", "working hours")),
        ("The menu includes bread or rice.", "includes", ("bread", "rice")),
        ("They share the principles of equality, consultation and non-interference.",
         "principles of", ("equality", "consultation", "non-interference")),
    ],
)  # fmt: skip
def test_enumerations_in_several_phrasings(text, cue, items):
    found = enumerations(article(text))
    assert [(e.cue, e.items) for e in found] == [(cue, items)]


def test_no_enumeration_without_a_list():
    text = "We have evidence, including drone footage, that the first shots came from them."
    assert enumerations(article(text)) == ()
    assert list_after(" with different cultures, and more") == []


NOUNS = st.sampled_from(
    ["trust", "harvest", "music", "bread", "courage", "rivers", "football", "dignity", "salt"]
)


@given(st.lists(st.lists(NOUNS, min_size=1, max_size=3).map(" ".join), min_size=2, max_size=6))
def test_enumeration_returns_every_listed_item(items):
    text = f"The plan includes {', '.join(items[:-1])} and {items[-1]}."
    assert [item for item, _ in list_after(text[len("The plan includes") :])] == items


# ---------------------------------------------------------------- bad input


def _rows(**change):
    row = {
        "item": "X1",
        "frame": "conflict",
        "question": "?",
        "cue": r"\bfight\b",
        "with": "",
        "source_types": "",
        "notes": "",
    }
    return ({**row, **change},)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (_rows(frame="drama"), "item 'X1': unknown frame 'drama'"),
        (_rows(cue="(unclosed"), "item 'X1': invalid pattern"),
        (_rows(cue=""), "item 'X1': empty cue"),
        (_rows() + _rows(), "item 'X1': listed twice"),
        (({"item": "X1", "frame": "conflict"},), "needs the columns"),
    ],
)
def test_bad_codebook_is_refused(rows, message):
    with pytest.raises(ValueError, match=r"^my_items\.csv") as error:
        parse_codebook(rows, "my_items.csv")
    assert message in str(error.value)


def _hand_file(tmp_path: Path, drop: str = "", **change: str) -> Path:
    lines = FRAMES_CSV.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not (drop and line.startswith(f"{drop},"))]
    text = "\n".join(kept) + "\n"
    for old, new in change.items():
        text = text.replace(old.replace("_", ","), new, 1)
    path = tmp_path / "coding.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"drop": "C4"}, "items not coded: ['C4']"),
        ({"R2_no": "R2,maybe"}, "line 3: answer 'maybe' is not yes or no"),
        ({"R2_no": "Z9,no"}, "line 3: unknown item 'Z9'"),
        ({"R2_no": "R1,no"}, "line 3: item 'R1' coded twice"),
        ({"item,answer,justification": "item,answer"}, "missing columns ['justification']"),
    ],
)
def test_bad_hand_coding_is_refused(tmp_path, kwargs, message):
    path = _hand_file(tmp_path, **kwargs)
    with pytest.raises(ArticleError, match=r"coding\.csv") as error:
        read_hand_items(path)
    assert message in str(error.value)


def test_hand_coding_errors_name_the_file(tmp_path, seed):
    with pytest.raises(ArticleError, match=r"missing\.csv: cannot be read \(No such file"):
        read_hand_items(tmp_path / "missing.csv")
    path = tmp_path / "entman.csv"
    path.write_text(
        "function,paragraph,excerpt,justification\n"
        "problem_definition,3,The SCO consists of different countries,wrong paragraph\n",
        encoding="utf-8",
    )
    with pytest.raises(ArticleError, match="line 2: excerpt not found in paragraph 3"):
        read_hand_functions(path, seed.article)
    path.write_text(
        "function,paragraph,excerpt,justification\nframing,4,The SCO,x\n", encoding="utf-8"
    )
    with pytest.raises(ArticleError, match="unknown function 'framing'"):
        read_hand_functions(path, seed.article)


# ---------------------------------------------------------------- the chapter


def test_framing_chapter_shows_computed_values(built_book, seed, hand):
    html = (built_book / "chapters" / "framing.html").read_text(encoding="utf-8")
    result = agreement(seed.framing.items, hand)
    assert f"{100 * result.percent:.0f}%" in html
    assert f"{result.alpha:.2f}" in html
    assert "mutual trust, mutual benefit, equality, consultation" in html
    for name in ("fig-frame-profile", "fig-keyness", "fig-actor-vocabulary"):
        assert f'id="{name}"' in html
    for download in ("framing_items.csv", "framing_keywords.csv", "framing_actors.csv"):
        assert download in html
