"""The composed analysis: every stage runs on one article, and a long one stays tractable."""

from __future__ import annotations

import time

from conftest import SEED

from analysis.report import analyze


def test_one_megabyte_article_goes_through_every_stage(tmp_path):
    body = SEED.read_text(encoding="utf-8").split("\n\n", 2)[2]
    path = tmp_path / "long.txt"
    path.write_text("Headline\n\n" + "\n\n".join([body] * 400), encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    start = time.perf_counter()
    report = analyze(path)
    assert len(report.quotes) == 5 * 400
    assert len(report.sentiment.sentences) == len(report.article.sentences)
    assert {g.group for g in report.sentiment.sources} == {s.name for s in report.sources}
    assert report.diversity.composition("country", "source").estimate("richness").value == 3
    assert len(report.framing.items) == 20
    assert time.perf_counter() - start < 90
