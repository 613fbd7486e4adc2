"""``relift.plots``: every figure is written as a valid PNG, and unusable input is a clear error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from relift.errors import InvalidInputError
from relift.plots import bar_plot, line_grid, line_plot

pytest.importorskip("matplotlib", reason="plots need matplotlib (train extra)")
pytestmark = pytest.mark.timeout(60)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ARMS: dict[str, list[tuple[float, float]]] = {
    "rl": [(0, 0.1), (10, 0.3), (20, 0.5)],
    "sft": [(0, 0.1), (10, 0.2), (20, 0.7)],
    "relift": [(0.0, 0.1), (20.0, 0.8)],
}

# Values of the wrong kind, typed Any so that the calls type-check.
BAD: Any = "x"
BAD_POINT: Any = (0, 1, 2)
NONE: Any = None


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 1000


def test_line_plot(tmp_path: Path) -> None:
    path = line_plot(
        ARMS | {"no points": []},
        title="avg@8",
        xlabel="step",
        ylabel="accuracy",
        path=tmp_path / "a" / "line.png",
    )
    assert path == tmp_path / "a" / "line.png"  # parent folders are created
    # (a label without points is left out: an arm that never logged the metric)
    assert_png(path)


@pytest.mark.parametrize("panels", [1, 4, 5])
def test_line_grid(tmp_path: Path, panels: int) -> None:
    names = ["easy", "medium", "hard", "hardest", "extra"][:panels]
    grid = {name: ARMS for name in names}
    grid[names[0]] = {"rl": [(0, 1.0)]}  # a label only one panel has
    path = line_grid(
        grid, title="per bucket", xlabel="step", ylabel="avg@8", path=tmp_path / "grid.png",
        ylim=(0.0, 1.0),
    )  # fmt: skip
    assert_png(path)


def test_bar_plot_with_gaps_and_numpy_values(tmp_path: Path) -> None:
    groups = {"easy": {"rl": np.float64(0.9), "sft": 0.8}, "hard": {"relift": 0.5}}
    path = bar_plot(groups, title="accuracy", ylabel="avg@8", path=tmp_path / "bars.png")
    assert_png(path)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda p: line_plot({}, title="", xlabel="", ylabel="", path=p), "no series"),
        (
            lambda p: line_plot({"rl": [], "sft": []}, title="", xlabel="", ylabel="", path=p),
            "every series is empty \\('rl', 'sft'\\)",
        ),
        (
            lambda p: line_plot({"rl": [(0, BAD)]}, title="", xlabel="", ylabel="", path=p),
            "series 'rl', point 0: 'x' is not a number",
        ),
        (
            lambda p: line_plot({"rl": [BAD_POINT]}, title="", xlabel="", ylabel="", path=p),
            r"point 0 is not an \(x, y\)",
        ),
        (lambda p: line_grid({}, title="", xlabel="", ylabel="", path=p), "no panels"),
        (
            lambda p: line_grid({"easy": {}}, title="", xlabel="", ylabel="", path=p),
            "panel 'easy': no series",
        ),
        (lambda p: bar_plot({}, title="", ylabel="", path=p), "no groups"),
        (lambda p: bar_plot({"easy": {}}, title="", ylabel="", path=p), "every group is empty"),
        (
            lambda p: bar_plot({"easy": {"rl": NONE}}, title="", ylabel="", path=p),
            "group 'easy', bar 'rl': None is not a number",
        ),
    ],
)
def test_unusable_input_is_named(tmp_path: Path, call: Any, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        call(tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()
