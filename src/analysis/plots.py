"""Every figure of the book, drawn from stage results (never from raw text), in one style.

Figures are built on :class:`matplotlib.figure.Figure` rather than pyplot, so a notebook shows
each one exactly once (as the cell's value) and no global pyplot state leaks between cells.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter
from pandas.io.formats.style import Styler

from analysis.actors import Actor
from analysis.article import Article
from analysis.diversity import PRESENCE, Composition, Coverage
from analysis.framing import FrameScore
from analysis.lexis import Keyword
from analysis.quotes import Quote
from analysis.sentiment import THRESHOLD, Sentiment
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


def table(frame: pd.DataFrame, name: str) -> Styler:
    """A data table as the book shows it: without the index, and with ``name`` as its HTML id
    (pandas would draw a random one, and two builds of one commit must give the same page)."""
    return frame.style.set_uuid(name).hide(axis="index")


def paragraph_label(index: int) -> str:
    """How the book names paragraph ``index`` (0-based in data, 1-based for readers)."""
    return f"¶{index + 1}"


PIPELINE = {
    "article file": (0.0, 1.0, "data/articles"),
    "article": (1.0, 1.0, "clean, segment"),
    "quotes": (2.0, 1.0, "direct, indirect"),
    "sources": (3.0, 1.0, "who, role, type"),
    "diversity": (4.2, 2.0, "indices, coverage"),
    "sentiment": (4.2, 1.0, "VADER, cross-check"),
    "framing": (4.2, 0.0, "frames, keyness"),
    "report": (5.4, 1.0, "analyze()"),
    "book / JSON": (6.5, 1.0, "chapters, CLI"),
}
"""Where each stage of ``analysis`` sits in the pipeline figure, with a one-line gloss."""
PIPELINE_EDGES = (
    ("article file", "article"),
    ("article", "quotes"),
    ("quotes", "sources"),
    *(("sources", stage) for stage in ("diversity", "sentiment", "framing")),
    *((stage, "report") for stage in ("diversity", "sentiment", "framing")),
    ("report", "book / JSON"),
)


def pipeline() -> Figure:
    """The stages of the analysis as boxes, and the one direction data flows between them."""
    fig = Figure(figsize=(8.0, 2.8))
    ax = fig.add_subplot()
    for src, dst in PIPELINE_EDGES:
        (x0, y0, _), (x1, y1, _) = PIPELINE[src], PIPELINE[dst]
        ax.annotate(
            "",
            xy=(x1 - 0.42, y1),
            xytext=(x0 + 0.42, y0),
            arrowprops={"arrowstyle": "->", "color": PALETTE[7], "lw": 1.0},
        )
    for name, (x, y, gloss) in PIPELINE.items():
        ax.text(
            x,
            y,
            f"{name}\n{gloss}",
            ha="center",
            va="center",
            fontsize=8,
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": PALETTE[0]},
        )
    ax.set_xlim(-0.6, 7.1)
    ax.set_ylim(-0.6, 2.6)
    ax.set_axis_off()
    fig.tight_layout()
    return fig


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


# --- diversity ---

UNKNOWN_COLOUR = "#BBBBBB"


def composition(parts: Sequence[Composition]) -> Figure:
    """One dimension's composition by source, quote and word: 100% stacked bars with one
    colour per category, so the dominant category shows at a glance; units whose value is
    unknown (left out of the indices) are the grey segment at the end."""
    categories = list(dict.fromkeys(c for part in parts for c, _ in part.counts))
    colours = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(categories)}
    colours["unknown"] = UNKNOWN_COLOUR
    fig = Figure(figsize=(7.0, 0.55 * len(parts) + 1.6))
    ax = fig.add_subplot()
    labels = [f"{part.unit}s" for part in parts]
    drawn: set[str] = set()
    for row, part in enumerate(parts):
        segments = [*part.counts, *([("unknown", part.unknown)] if part.unknown else [])]
        total = sum(n for _, n in segments) or 1
        left = 0.0
        for category, n in segments:
            share = n / total
            ax.barh(
                row,
                share,
                left=left,
                color=colours[category],
                edgecolor="white",
                label=category if category not in drawn else None,
            )
            if share >= 0.08:
                ax.text(left + share / 2, row, f"{share:.0%}", ha="center", va="center", size=9)
            drawn.add(category)
            left += share
    ax.set_yticks(range(len(parts)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel("share of the unit")
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.3), ncols=4)
    fig.tight_layout()
    return fig


def member_coverage(coverage: Coverage) -> Figure:
    """One row per state of the organisation, grouped by status; a dot in the column of its
    presence in the article: a voice (a source from it), only mentioned, or absent."""
    states = coverage.states
    colours = dict(zip(PRESENCE, (PALETTE[2], PALETTE[1], UNKNOWN_COLOUR), strict=True))
    fig = Figure(figsize=(7.0, 0.28 * len(states) + 1.4))
    ax = fig.add_subplot()
    for row, state in enumerate(states):
        ax.scatter(PRESENCE.index(state.presence), row, s=90, color=colours[state.presence])
    ax.set_yticks(range(len(states)), [s.country for s in states])
    ax.set_xticks(range(len(PRESENCE)), PRESENCE)
    ax.set_xlim(-0.5, len(PRESENCE) - 0.5)
    ax.invert_yaxis()
    statuses = list(dict.fromkeys(s.status for s in states))
    for status in statuses:
        rows = [i for i, s in enumerate(states) if s.status == status]
        ax.text(len(PRESENCE) - 0.4, sum(rows) / len(rows), status, va="center", size=9)
        if rows[0] > 0:
            ax.axhline(rows[0] - 0.5, color=UNKNOWN_COLOUR, linewidth=0.8)
    ax.set_xlabel("presence in the article")
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


# --- tone ---


def tone_trajectory(sentiment: Sentiment) -> Figure:
    """VADER compound of every unit in reading order, marked by kind (narration, direct or
    indirect quote), over the neutral band of +/-0.05 and with paragraph breaks."""
    units = sentiment.units
    positions = list(range(1, len(units) + 1))
    fig = Figure(figsize=(7.0, 3.8))
    ax = fig.add_subplot()
    ax.axhspan(-THRESHOLD, THRESHOLD, color="0.9", zorder=0, label="neutral band")
    ax.axhline(0, color="0.6", linewidth=0.8, zorder=1)
    ax.plot(positions, [u.compound for u in units], color="0.55", linewidth=1, zorder=2)
    for i in range(1, len(units)):
        if units[i].paragraph != units[i - 1].paragraph:
            ax.axvline(i + 0.5, color="0.85", linewidth=0.6, linestyle=":", zorder=1)
    markers = {
        "narration": ("o", PALETTE[0]),
        "direct": ("s", PALETTE[1]),
        "indirect": ("D", PALETTE[2]),
    }
    for kind, (marker, color) in markers.items():
        chosen = [(p, u.compound) for p, u in zip(positions, units, strict=True) if u.kind == kind]
        if chosen:
            xs, ys = zip(*chosen, strict=True)
            label = kind if kind == "narration" else f"{kind} quote"
            ax.scatter(xs, ys, marker=marker, color=color, label=label, zorder=3, s=30)
    ax.set_xlim(0.5, len(units) + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("unit in reading order (dotted lines: paragraph breaks)")
    ax.set_ylabel("VADER compound")
    ax.legend(frameon=False, loc="lower right", fontsize=8, ncol=2)
    fig.tight_layout()
    return fig


def tone_by_group(sentiment: Sentiment) -> Figure:
    """Mean unit compound with its 95% bootstrap interval for narration, quotes and each
    source; a group of one unit has a point and no interval."""
    groups = [*sentiment.groups, *sentiment.sources]
    groups = [g for g in groups if g.n]
    labels = [f"{g.group} (n={g.n})" for g in groups]
    fig = Figure(figsize=(7.0, 0.42 * len(groups) + 1.3))
    ax = fig.add_subplot()
    ax.axvspan(-THRESHOLD, THRESHOLD, color="0.9", zorder=0)
    ax.axvline(0, color="0.6", linewidth=0.8)
    n_kinds = len(sentiment.groups)
    for row, group in enumerate(groups):
        color = PALETTE[0] if row < n_kinds else PALETTE[1]
        if group.low is not None:
            ax.plot([group.low, group.high], [row, row], color=color, linewidth=2)
        ax.plot([group.mean], [row], marker="o", color=color)
    ax.set_yticks(range(len(groups)), labels)
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean VADER compound per unit, with 95% bootstrap interval")
    fig.tight_layout()
    return fig
