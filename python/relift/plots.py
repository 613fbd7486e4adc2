"""PNG figures for ``relift eval`` and the demo: line plots over training, a grid of them (one
panel per difficulty bucket, say), and grouped bars.

matplotlib is imported inside the functions, so ``import relift`` never needs it, and figures are
drawn with the object-oriented API on the Agg canvas: no pyplot, no global backend switch, nothing
left open. A label keeps its colour across the panels of a grid and the groups of a bar plot.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relift.errors import InvalidInputError, MissingDependencyError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["Series", "bar_plot", "line_grid", "line_plot", "new_figure", "save_figure", "tab10"]

#: Labelled lines: label -> (x, y) points.
Series = Mapping[str, Sequence[tuple[float, float]]]
_DPI = 120
_PANEL_COLUMNS = 4


def line_plot(
    series: Series,
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    path: str | Path,
    ylim: tuple[float, float] | None = None,
) -> Path:
    """One line with markers per label, a legend and a grid, saved as a PNG at ``path``."""
    points = _check_series(series, "line_plot")
    figure = new_figure(6.4, 4.2)
    axes = figure.add_subplot()
    colors = _colors(list(points))
    _draw_lines(axes, points, colors, ylim)
    axes.set(title=title, xlabel=xlabel, ylabel=ylabel)
    axes.legend()
    figure.tight_layout()
    return save_figure(figure, path)


def line_grid(
    panels: Mapping[str, Series],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    path: str | Path,
    ylim: tuple[float, float] | None = None,
) -> Path:
    """A grid of line plots, one panel per key (at most four to a row), one shared legend."""
    if not panels:
        raise InvalidInputError("line_grid: no panels to plot")
    checked = {name: _check_series(s, f"line_grid panel {name!r}") for name, s in panels.items()}
    labels = list(dict.fromkeys(label for s in checked.values() for label in s))
    colors = _colors(labels)
    columns = min(len(checked), _PANEL_COLUMNS)
    rows = math.ceil(len(checked) / columns)
    legend_height = 0.45  # inches below the panels
    figure = new_figure(3.6 * columns, 3.2 * rows + legend_height)
    grid = figure.subplots(rows, columns, squeeze=False, sharey=ylim is not None)
    cells = [axes for row in grid for axes in row]
    for i, (axes, (name, points)) in enumerate(zip(cells, checked.items(), strict=False)):
        _draw_lines(axes, points, colors, ylim)
        axes.set_title(name)
        if i + columns >= len(checked):  # no panel below this one
            axes.set_xlabel(xlabel)
        if i % columns == 0:
            axes.set_ylabel(ylabel)
    for axes in cells[len(checked) :]:
        axes.set_visible(False)
    handles, names = _legend_entries(cells[: len(checked)])
    figure.legend(handles, names, loc="lower center", ncol=min(len(names), 6), frameon=False)
    figure.suptitle(title)
    figure.tight_layout(rect=(0.0, legend_height / (3.2 * rows + legend_height), 1.0, 1.0))
    return save_figure(figure, path)


def bar_plot(
    groups: Mapping[str, Mapping[str, float]],
    *,
    title: str,
    ylabel: str,
    path: str | Path,
    ylim: tuple[float, float] | None = None,
) -> Path:
    """Grouped bars: one group per key of ``groups``, one bar per label inside it (a label a group
    lacks leaves a gap), values written above the bars."""
    if not groups:
        raise InvalidInputError("bar_plot: no groups to plot")
    labels = list(dict.fromkeys(label for bars in groups.values() for label in bars))
    if not labels:
        raise InvalidInputError("bar_plot: every group is empty")
    colors = _colors(labels)
    width = 0.8 / len(labels)
    figure = new_figure(max(6.4, 1.0 + 0.45 * len(groups) * max(len(labels), 2)), 4.2)
    axes = figure.add_subplot()
    for j, label in enumerate(labels):
        offset = (j - (len(labels) - 1) / 2) * width
        xs, ys = [], []
        for i, (name, bars) in enumerate(groups.items()):
            if label in bars:
                xs.append(i + offset)
                ys.append(_number(bars[label], f"bar_plot: group {name!r}, bar {label!r}"))
        drawn = axes.bar(xs, ys, width, label=label, color=colors[label])
        axes.bar_label(drawn, fmt="%.2f", fontsize=7, padding=1)
    axes.set_xticks(range(len(groups)), list(groups))
    axes.set(title=title, ylabel=ylabel)
    if ylim is not None:
        axes.set_ylim(*ylim)
    axes.grid(axis="y", alpha=0.3)
    axes.set_axisbelow(True)
    axes.legend()
    figure.tight_layout()
    return save_figure(figure, path)


# ---- helpers -------------------------------------------------------------------------------------


def _check_series(series: Series, where: str) -> dict[str, tuple[list[float], list[float]]]:
    """``label -> (xs, ys)``. A label without points is left out (an arm that never logged the
    metric), but no series at all, only empty ones, or a non-number is an error."""
    if not series:
        raise InvalidInputError(f"{where}: no series to plot")
    out = {}
    for label, points in series.items():
        xs, ys = [], []
        for i, point in enumerate(points):
            if len(point) != 2:
                raise InvalidInputError(f"{where}: series {label!r}, point {i} is not an (x, y)")
            xs.append(_number(point[0], f"{where}: series {label!r}, point {i}"))
            ys.append(_number(point[1], f"{where}: series {label!r}, point {i}"))
        if xs:
            out[label] = (xs, ys)
    if not out:
        raise InvalidInputError(f"{where}: every series is empty ({', '.join(map(repr, series))})")
    return out


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:  # numpy scalars and the like
            return float(value)
        except (TypeError, ValueError):
            raise InvalidInputError(f"{where}: {value!r} is not a number") from None
    return float(value)


def _draw_lines(
    axes: Axes,
    points: Mapping[str, tuple[list[float], list[float]]],
    colors: Mapping[str, Any],
    ylim: tuple[float, float] | None,
) -> None:
    for label, (xs, ys) in points.items():
        axes.plot(xs, ys, marker="o", markersize=4, label=label, color=colors[label])
    if ylim is not None:
        axes.set_ylim(*ylim)
    axes.grid(alpha=0.3)


def _legend_entries(cells: Sequence[Axes]) -> tuple[list[Any], list[str]]:
    """One legend entry per label over all panels, in first-seen order."""
    entries: dict[str, Any] = {}
    for axes in cells:
        for handle, name in zip(*axes.get_legend_handles_labels(), strict=True):
            entries.setdefault(name, handle)
    return list(entries.values()), list(entries)


def _colors(labels: Sequence[str]) -> dict[str, Any]:
    """A colour per label from matplotlib's default cycle (tab10), repeating past ten."""
    palette = tab10()
    return {label: palette[i % len(palette)] for i, label in enumerate(labels)}


def new_figure(width: float, height: float) -> Figure:
    """A matplotlib figure (Agg canvas, no pyplot) of ``width`` x ``height`` inches, for plots
    this module does not draw; :func:`save_figure` writes it."""
    figure_class = _matplotlib("matplotlib.figure").Figure
    figure: Figure = figure_class(figsize=(width, height), dpi=_DPI)
    return figure


def tab10() -> tuple[Any, ...]:
    """matplotlib's default ten colours, the ones every plot here draws with."""
    return tuple(_matplotlib("matplotlib").colormaps["tab10"].colors)


def save_figure(figure: Figure, path: str | Path) -> Path:
    """Save ``figure`` as a PNG at ``path`` (parents made); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png", dpi=_DPI)
    return path


def _matplotlib(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(
            "plots need the 'matplotlib' package, which is not installed: pip install matplotlib"
        ) from exc
