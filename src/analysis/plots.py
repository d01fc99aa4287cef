"""Every figure of the book, drawn from stage results (never from raw text), in one style.

Figures are built on :class:`matplotlib.figure.Figure` rather than pyplot, so a notebook shows
each one exactly once (as the cell's value) and no global pyplot state leaks between cells.
"""

from __future__ import annotations

import textwrap

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from analysis.actors import Actor
from analysis.article import Article
from analysis.framing import FrameScore
from analysis.lexis import Keyword
from analysis.quotes import Quote
from analysis.sources import Source

# Okabe & Ito's colour-blind-safe palette.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

STYLE = {
    "figure.figsize": (7.0, 4.0),
    "figure.dpi": 110,
    "savefig.dpi": 110,
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "svg.hashsalt": "media-analysis",
    "path.simplify": False,
}
mpl.rcParams.update(STYLE)


def paragraph_label(index: int) -> str:
    """How the book names paragraph ``index`` (0-based in data, 1-based for readers)."""
    return f"¶{index + 1}"


def words_per_paragraph(article: Article) -> Figure:
    """Horizontal bars: the number of words in each body paragraph, in reading order."""
    counts = article.paragraph_word_counts
    labels = [paragraph_label(i) for i in range(len(counts))]
    fig = Figure(figsize=(7.0, 0.3 * len(counts) + 1.2))
    ax = fig.add_subplot()
    ax.barh(labels, counts, color=PALETTE[0])
    ax.invert_yaxis()
    ax.set_xlabel("words")
    ax.set_ylabel("paragraph")
    fig.tight_layout()
    return fig


def words_by_source(sources: tuple[Source, ...], quotes: tuple[Quote, ...]) -> Figure:
    """Stacked horizontal bars: each source's words in direct and in reported speech."""
    names = [s.name for s in sources]
    by_kind = {
        kind: [
            sum(q.n_words for q in quotes if q.speaker == name and q.kind == kind) for name in names
        ]
        for kind in ("direct", "indirect")
    }
    fig = Figure(figsize=(7.0, 0.45 * len(names) + 1.4))
    ax = fig.add_subplot()
    ax.barh(names, by_kind["direct"], color=PALETTE[0], label="direct quotes")
    ax.barh(
        names,
        by_kind["indirect"],
        left=by_kind["direct"],
        color=PALETTE[1],
        label="reported speech",
    )
    ax.invert_yaxis()
    ax.set_xlabel("quoted words")
    ax.legend(frameon=False, loc="lower right")
    fig.tight_layout()
    return fig


# --- framing ---


def frame_profile(automatic: tuple[FrameScore, ...], hand: tuple[FrameScore, ...]) -> Figure:
    """Grouped horizontal bars: each frame's share of items answered yes, by rule and by hand."""
    labels = [f.frame.replace("_", " ") for f in automatic]
    rows = range(len(labels))
    fig = Figure(figsize=(7.0, 0.55 * len(labels) + 1.4))
    ax = fig.add_subplot()
    for offset, scores, colour, label in (
        (-0.2, automatic, PALETTE[0], "rules"),
        (0.2, hand, PALETTE[1], "hand coding"),
    ):
        ax.barh(
            [r + offset for r in rows], [f.score for f in scores], 0.4, color=colour, label=label
        )
    ax.set_yticks(list(rows), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the frame's items answered yes")
    ax.legend(frameon=False, loc="lower right")
    fig.tight_layout()
    return fig


def keyness(keywords: tuple[Keyword, ...], top: int = 15) -> Figure:
    """Horizontal bars: log-likelihood G2 of the ``top`` key words, labelled with their count
    and log ratio."""
    shown = keywords[:top]
    fig = Figure(figsize=(7.0, 0.3 * len(shown) + 1.2))
    ax = fig.add_subplot()
    ax.barh([k.word for k in shown], [k.g2 for k in shown], color=PALETTE[0])
    for row, k in enumerate(shown):
        ax.text(k.g2, row, f"  n={k.count}, LR {k.log_ratio:.1f}", va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max((k.g2 for k in shown), default=1) * 1.35)
    ax.set_xlabel("log-likelihood G2 against general English")
    fig.tight_layout()
    return fig


def actor_vocabulary(actors: tuple[Actor, ...]) -> Figure:
    """Diverging bars: per actor, conflict words (left) and cooperation words (right) in the
    sentences that name it; the axis is symmetric so that an empty side shows as empty."""
    names = [textwrap.fill(f"{a.name} ({a.kind})", 34) for a in actors]
    cooperation = [len(a.cooperation) for a in actors]
    conflict = [len(a.conflict) for a in actors]
    fig = Figure(figsize=(7.0, 0.5 * len(names) + 1.4))
    ax = fig.add_subplot()
    ax.barh(names, cooperation, color=PALETTE[2], label="cooperation")
    ax.barh(names, [-n for n in conflict], color=PALETTE[5], label="conflict")
    ax.axvline(0, color=PALETTE[7], linewidth=0.8)
    widest = max([*cooperation, *conflict, 1]) * 1.1
    ax.set_xlim(-widest, widest)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{abs(value):g}"))
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel("relation words in the actor's sentences (conflict left, cooperation right)")
    ax.legend(frameon=False, loc="best")
    fig.tight_layout()
    return fig
