"""Sentence splitting on the abbreviations and numbers that trip naive splitters."""

from __future__ import annotations

import pytest

from analysis import segment


def split(text: str) -> list[str]:
    return [s.of(text) for s in segment.sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Amir Haddad spoke first.",
        "Mr. and Mrs. Okafor arrived late.",
        "Prof. Karin Lindqvist of the U.S. Geological Survey disagreed.",
        "The author J. K. Rowling was there.",
        "Growth slowed to 3.5 percent in the first quarter.",
        "Sen. Maria Lopez met Gov. Ray Sims at 10 a.m. on Friday.",
        "Talks in Washington, D.C. ended with the U.K. delegation leaving.",
        "The firm, Acme Inc. of Ohio, said nothing.",
        "The vote was held on Sept. 12 in St. Petersburg.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text):
    assert split(text) == [text]


def test_clock_times_end_a_sentence_before_a_new_subject():
    text = (
        "The protest ended after 9 p.m. Organisers said they would return. "
        "Talks start at 10 a.m. Friday."
    )
    assert split(text) == [
        "The protest ended after 9 p.m.",
        "Organisers said they would return.",
        "Talks start at 10 a.m. Friday.",
    ]


def test_sentences_end_where_they_should():
    text = 'Prices rose 2.5 percent. "It hurts," said Dr. Haddad. Nobody agreed! Why not?'
    assert split(text) == [
        "Prices rose 2.5 percent.",
        '"It hurts," said Dr. Haddad.',
        "Nobody agreed!",
        "Why not?",
    ]


def test_offsets_are_relative_to_the_whole_text():
    text = "Intro.\n\nFirst one. Second one."
    spans = segment.sentences(text, 8, len(text))
    assert [s.of(text) for s in spans] == ["First one.", "Second one."]
    tokens = segment.tokens(text, spans[1])
    assert [t.of(text) for t in tokens] == ["Second", "one", "."]


def test_words_are_tokens_with_letters_or_digits():
    assert segment.is_word("3.5") and segment.is_word("people-to-people")
    assert not segment.is_word(",") and not segment.is_word('"')
