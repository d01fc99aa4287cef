"""The command line: the JSON contract on the seed, the summary, and bad input."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import ROOT, SEED

ANNOTATION = yaml.safe_load((ROOT / "data/annotations/seed_article.yaml").read_text())


def test_analyze_json_article_part(cli):
    result = cli("analyze", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    art = json.loads(result.stdout)["article"]
    assert art["title"] == ANNOTATION["title"]
    assert art["outlet"] == "China Plus"
    assert art["published"] == "2018-06-11T19:24:34"
    assert art["removed"] == ANNOTATION["removed"]
    assert not any(line in art["body"] for line in art["removed"])
    assert art["n_paragraphs"] == len(art["paragraphs"]) == 11
    assert art["n_sentences"] == sum(ANNOTATION["sentences_per_paragraph"])
    assert "\n\n".join(art["paragraphs"]) == art["body"]
    for sentence in art["sentences"]:
        assert art["body"][sentence["start"] : sentence["end"]].strip()


def test_analyze_json_is_reproducible(cli):
    """Two runs give the same bytes, whatever the interpreter's string-hash seed."""
    outputs = set()
    for seed in ("1", "2"):
        result = cli("analyze", str(SEED), "--json", env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_analyze_summary(cli):
    result = cli("analyze", str(SEED))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(ANNOTATION["title"])
    assert "outlet:     China Plus" in result.stdout
    assert "removed as page chrome (5 lines)" in result.stdout


def test_clean_writes_front_matter_form(cli, tmp_path):
    out = tmp_path / "clean.md"
    result = cli("clean", str(SEED), "-o", str(out))
    assert result.returncode == 0, result.stderr
    meta = yaml.safe_load(out.read_text().split("---\n")[1])
    assert meta["outlet"] == "China Plus" and meta["published"] == "2018-06-11T19:24:34"
    again = json.loads(cli("analyze", str(out), "--json").stdout)["article"]
    original = json.loads(cli("analyze", str(SEED), "--json").stdout)["article"]
    assert again["body"] == original["body"]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b"Headline\n\n\xff\xfe body\n", "not valid UTF-8 (byte offset 10)"),
        (b"\x00\x01\x02", "binary file"),
        (b"Headline\n\nAdvertisement\n", "no article body is left"),
    ],
)
def test_bad_input_exits_nonzero_without_traceback(cli, tmp_path, data, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    result = cli("analyze", str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {path}: ")
    assert problem in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file(cli, tmp_path):
    result = cli("analyze", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file"


def test_clean_leaves_nothing_half_written(cli, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Headline\n\nShare this\n")
    out = tmp_path / "out.md"
    out.write_text("previous content")
    result = cli("clean", str(bad), "-o", str(out))
    assert result.returncode == 2
    assert out.read_text() == "previous content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "out.md"]


def test_analyze_json_quotes_and_sources(cli):
    codebook = ROOT / "data" / "annotations" / f"{SEED.stem}.sources.csv"
    result = cli("analyze", str(SEED), "--json", "--codebook", str(codebook))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    body = data["article"]["body"]
    quote_keys = {"id", "kind", "text", "speaker", "cue", "start", "end", "paragraph"}
    source_keys = {"name", "named", "role", "organization", "country", "type", "gender"}
    source_keys |= {"gender_evidence", "n_quotes", "n_words"}
    assert all(quote_keys <= set(q) for q in data["quotes"])
    assert all(source_keys <= set(s) for s in data["sources"])
    assert [q["speaker"] for q in data["quotes"]] == [
        "Song Jingwu",
        "Song Jingwu",
        "Olim Alimov",
        "Khalid Taimur Akram",
        "Experts",
    ]
    for quote in data["quotes"]:
        assert body[quote["start"] : quote["end"]] == quote["text"]
    song = data["sources"][0]
    assert (song["type"], song["overrides"][0]["rule_value"]) == (
        "state_affiliated",
        "civil_society",
    )


def test_evaluate_command(cli):
    result = cli("evaluate", "data/annotations", "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["articles"] == 1 and scores["gold_quotes"] == 5
    assert scores["direct_f1"] == 1.0 and scores["speaker_accuracy"] == 1.0


def test_evaluate_without_articles_fails_cleanly(cli, tmp_path):
    (tmp_path / "orphan.quotes.csv").write_text("paragraph,kind,speaker,cue,text\n")
    result = cli("evaluate", str(tmp_path))
    assert result.returncode == 2
    assert "orphan.quotes.csv: no article orphan.txt" in result.stderr
    assert "Traceback" not in result.stderr
