"""The article stage against the hand-coded seed structure, other sites' chrome, and bad input."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEED

from analysis import article as article_mod
from analysis.article import ArticleError, load_article, parse_article, to_front_matter

ANNOTATION = yaml.safe_load((ROOT / "data/annotations/seed_article.yaml").read_text())


@pytest.fixture(scope="module")
def seed():
    return load_article(SEED)


def test_seed_metadata_matches_hand_coding(seed):
    assert seed.title == ANNOTATION["title"]
    assert seed.outlet == ANNOTATION["outlet"]
    assert seed.published == datetime.fromisoformat(ANNOTATION["published"])
    assert seed.url is None and seed.language is None and seed.byline is None


def test_seed_chrome_removed_and_reported(seed):
    assert [r.text for r in seed.removed] == ANNOTATION["removed"]
    for line in ANNOTATION["removed"]:
        assert line not in seed.body
    assert all(r.rule for r in seed.removed)


def test_seed_segmentation_matches_hand_coding(seed):
    per_paragraph = [0] * len(seed.paragraphs)
    for sentence in seed.sentences:
        per_paragraph[sentence.paragraph] += 1
    assert per_paragraph == ANNOTATION["sentences_per_paragraph"]
    assert seed.body.startswith(ANNOTATION["body_starts"])
    assert seed.body.endswith(ANNOTATION["body_ends"])
    assert "\u00a0" not in seed.body


def test_offsets_point_into_the_body(seed):
    for index, para in enumerate(seed.paragraphs):
        assert seed.text(para) == seed.paragraph_texts[index]
        assert seed.paragraph_of(para.start) == index
    for sentence in seed.sentences:
        para = seed.paragraphs[sentence.paragraph]
        assert para.start <= sentence.span.start < sentence.span.end <= para.end
        assert seed.text(sentence.span) == seed.text(sentence.span).strip()
        for token in sentence.tokens:
            assert sentence.span.start <= token.start < token.end <= sentence.span.end
    assert sum(seed.paragraph_word_counts) == len(seed.words)
    assert "Song" in seed.words and "." not in seed.words


def test_cleaned_form_round_trips(seed):
    cleaned = to_front_matter(seed)
    again = parse_article(cleaned, "cleaned")
    assert again.body == seed.body
    assert (again.title, again.outlet, again.published) == (seed.title, seed.outlet, seed.published)
    assert again.removed == ()
    assert to_front_matter(again) == cleaned


def test_front_matter_fields_are_read():
    text = (
        "---\ntitle: A budget\noutlet: Harbor Times\npublished: 2024-03-05 08:30:00\n"
        "url: https://example.org/a\nlanguage: en\n---\n\nFirst paragraph.\n\nSecond one.\n"
    )
    art = parse_article(text)
    assert art.title == "A budget" and art.outlet == "Harbor Times"
    assert art.published == datetime(2024, 3, 5, 8, 30)
    assert (art.url, art.language) == ("https://example.org/a", "en")
    assert art.paragraph_texts == ("First paragraph.", "Second one.")


OTHER_SITE = """\
City council passes leaner budget after long night

Harbor City Times Updated: March 5, 2024
By Dana Whitfield
Share on Facebook Twitter Email
Advertisement

The council approved the budget at 2 a.m. on Tuesday after a nine-hour session.

Follow the money

Most of the cuts fall on road repairs, which lose a fifth of their funding.

Related costs rose sharply.

Advertisement

You may also like

Port expansion stalls again
Mayor names new finance chief
© 2024 Harbor City Times
"""


def test_chrome_rules_are_general():
    art = parse_article(OTHER_SITE, "other-site")
    assert art.outlet == "Harbor City Times"
    assert art.published == datetime(2024, 3, 5)
    assert art.byline == "Dana Whitfield"
    assert art.paragraph_texts == (
        "The council approved the budget at 2 a.m. on Tuesday after a nine-hour session.",
        "Follow the money",
        "Most of the cuts fall on road repairs, which lose a fifth of their funding.",
        "Related costs rose sharply.",
    )
    assert [r.text for r in art.removed] == [
        "Share on Facebook Twitter Email",
        "Advertisement",
        "Advertisement",
        "You may also like",
        "Port expansion stalls again",
        "Mayor names new finance chief",
        "© 2024 Harbor City Times",
    ]


def test_labels_bylines_dates_and_captions_above_the_article_are_chrome():
    art = parse_article(
        "Debut film wins top prize\n\n"
        "Vistula Post Published: 2025-09-22 12:00:00\n"
        "Culture\n"
        "22 September 2025\n"
        "Written by Ewa Marczak\n"
        "Agnieszka Wroblewska with the award on Saturday night. Photo: festival press\n\n"
        "A debut feature has won the main prize, Agnieszka Wroblewska said.\n",
        "captions",
    )
    assert art.paragraph_texts == (
        "A debut feature has won the main prize, Agnieszka Wroblewska said.",
    )
    assert [r.rule.split(" (")[0] for r in art.removed] == [
        "header: section label above the article",
        "short: date line",
        "line: picture caption with its credit",
    ]
    assert art.byline == "Ewa Marczak"


def test_every_line_of_the_block_after_the_outlet_line_is_chrome():
    art = parse_article(
        "A year after the flood\n\n"
        "Valley Times Published: 2025-02-27 06:00:00\n"
        "Updated 27 Feb 2025, 6:00am AEDT\n"
        "Joan Pettigrew on the verandah of her rebuilt home.\n\n"
        '"I still smell it when it rains."\n\n'
        "Joan Pettigrew, 71, has lived on Bridge Street for 38 years.\n",
        "feature",
    )
    assert art.paragraph_texts[0] == '"I still smell it when it rains."'
    assert [r.rule.split(":")[0] for r in art.removed] == ["short", "header"]


def test_a_block_after_the_outlet_line_with_nothing_after_it_is_the_body():
    art = parse_article("Headline\n\nDaily Post Published: 2025-01-01 10:00:00\nThe body.\n")
    assert art.paragraph_texts == ("The body.",)


def test_a_body_sentence_that_says_published_is_no_outlet_line():
    art = parse_article("Headline\n\nThe club history was published in 2013, its author said.\n")
    assert (art.outlet, art.published) == (None, None)
    assert art.paragraph_texts == ("The club history was published in 2013, its author said.",)


def test_unparseable_date_is_unknown_not_guessed():
    art = parse_article("Headline\n\nDaily Post Published: sometime last week\n\nBody text here.\n")
    assert art.outlet == "Daily Post"
    assert art.published is None


def test_no_dateline_means_unknown_outlet():
    art = parse_article("Headline\n\nThe body is a single sentence.\n")
    assert (art.outlet, art.published) == (None, None)
    assert art.paragraph_texts == ("The body is a single sentence.",)


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b"  \n\n\t\n", "the file is empty"),
        (b"Headline\n\nBody \xe9t\xe9 here.\n", "not valid UTF-8 (byte offset 15)"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary file, not text (NUL byte at byte offset 8)",
        ),
        (b"Headline\n\nShare this\n\nMost Popular\n", "no article body is left"),
        (b"---\ntitle: [unclosed\n---\nBody.\n", "front matter is not valid YAML"),
        (b"---\ntitle: T\nauthor: X\n---\nBody.\n", "front matter has unknown keys ['author']"),
        (b"---\noutlet: X\n---\nBody.\n", "front matter has no 'title'"),
        (b"---\ntitle: T\nBody.\n", "front matter opened with '---' is never closed"),
    ],
)
def test_bad_input_names_file_and_problem(tmp_path, data, problem):
    path = _write(tmp_path, data)
    with pytest.raises(ArticleError) as err:
        load_article(path)
    assert str(err.value).startswith(f"{path}: ")
    assert problem in err.value.problem


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "absent.txt")
    with pytest.raises(ArticleError, match="not a regular file"):
        load_article(tmp_path)


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(article_mod, "MAX_BYTES", 100)
    path = _write(tmp_path, b"Headline\n\n" + b"word " * 40)
    with pytest.raises(ArticleError, match="file is 210 bytes; the limit is 100 bytes"):
        load_article(path)
