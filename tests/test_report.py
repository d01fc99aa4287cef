"""The composed analysis: every stage runs on one article, and a long one stays tractable."""

from __future__ import annotations

import time

from conftest import long_article

from analysis.report import analyze


def test_one_megabyte_article_goes_through_every_stage(tmp_path):
    path = long_article(tmp_path, 400)
    assert path.stat().st_size > 1_000_000
    start = time.perf_counter()
    report = analyze(path)
    assert len(report.quotes) == 5 * 400
    assert len(report.sentiment.sentences) == len(report.article.sentences)
    assert {g.group for g in report.sentiment.sources} == {s.name for s in report.sources}
    assert report.diversity.composition("country", "source").estimate("richness").value == 3
    assert len(report.framing.items) == 20
    assert time.perf_counter() - start < 90
