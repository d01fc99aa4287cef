"""Benchmark: the cost of the sentiment stage against NLTK's VADER on the seed's sentences.

Run with ``.venv/bin/python bench/sentiment.py``. Everything is timed warm in one process
(lexicons loaded, the article already analysed by the earlier stages), as the median of
repeated runs taken in turns. The baseline (a) is NLTK's ``polarity_scores`` over the body
sentences; the stage (b) is :func:`analysis.sentiment.score` as ``analyze`` runs it
(units, sentence, paragraph, group and source aggregates with bootstrap intervals, driver
words, GDELT-style fields). The two checks of validity, which the chapter runs but
``analyze`` does not, are timed separately. The issue's budget is (b) <= 1.5 x (a). Last,
(c) times ``analyze`` on the seed file with every stage, for the README.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from analysis import sentiment
from analysis.report import analyze

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "chinaplus_2018-06-11_sco-cultural-exchanges.txt"
REPEATS = 100
FULL_REPEATS = 10
BUDGET = 1.5


def median_ms(tasks: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Median wall time of each task in milliseconds over ``REPEATS`` warm calls, the tasks
    taking turns within each repeat so that a change in machine load affects all alike."""
    times: dict[str, list[float]] = {name: [] for name in tasks}
    for task in tasks.values():
        task()
    for _ in range(REPEATS):
        for name, task in tasks.items():
            start = time.perf_counter()
            task()
            times[name].append(time.perf_counter() - start)
    return {name: 1000 * statistics.median(values) for name, values in times.items()}


def main() -> None:
    report = analyze(SEED)
    article = report.article
    texts = [article.text(s.span) for s in article.sentences]
    analyzer = sentiment.vader()
    result = sentiment.score(article, report.quotes, report.sources)
    rows = median_ms(
        {
            "(a) NLTK VADER, body sentences": lambda: [analyzer.polarity_scores(t) for t in texts],
            "(b) sentiment stage (analyze)": lambda: sentiment.score(
                article, report.quotes, report.sources
            ),
            "    TextBlob cross-check": lambda: sentiment.lexicon_check(result),
            "    vaderSentiment reference check": lambda: sentiment.reference_check(result),
        }
    )
    baseline = rows["(a) NLTK VADER, body sentences"]
    print(f"seed: {len(texts)} sentences, {len(result.units)} units + headline; {REPEATS} runs")
    print(f"{'what':36} {'median ms':>10} {'x (a)':>7}")
    for name, ms in rows.items():
        print(f"{name:36} {ms:10.2f} {ms / baseline:7.2f}")
    ratio = rows["(b) sentiment stage (analyze)"] / baseline
    verdict = "met" if ratio <= BUDGET else "NOT met"
    print(f"stage / baseline = {ratio:.2f} (budget {BUDGET}): {verdict}")
    full = []
    for _ in range(FULL_REPEATS):
        start = time.perf_counter()
        analyze(SEED)
        full.append(1000 * (time.perf_counter() - start))
    ms = statistics.median(full)
    print(
        f"(c) full analysis of the seed, every stage from the file ({FULL_REPEATS} runs): "
        f"{ms:.0f} ms, {ms / baseline:.0f} x (a)"
    )


if __name__ == "__main__":
    main()
