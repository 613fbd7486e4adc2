"""A tiny progress line on stderr (the base install depends only on numpy, so no tqdm here).

One line, redrawn in place with a carriage return and at most ``1 / min_interval`` times a second:

    grading  45% |#########           | 12,288 records  3,456 rec/s  0:03

The percentage and bar appear only when the total input size is known (a regular file); records
are counted as they are graded. Messages printed through :meth:`ProgressBar.message` clear the line
first so they never end up glued to the bar. A disabled bar draws nothing but still prints them.
"""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["ProgressBar"]

_BAR_WIDTH = 20


def _format_elapsed(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


class ProgressBar:
    """Records done, rate and (when the input size is known) percent done, on one stderr line."""

    def __init__(
        self,
        stream: TextIO,
        *,
        enabled: bool,
        total_bytes: int | None = None,
        label: str = "grading",
        min_interval: float = 0.1,
    ) -> None:
        self._stream = stream
        self._enabled = enabled
        self._total = total_bytes if total_bytes and total_bytes > 0 else None
        self._label = label
        self._min_interval = min_interval
        self._start = time.monotonic()
        self._last_draw = float("-inf")
        self._records = 0
        self._position: int | None = None
        self._drawn_width = 0
        self._closed = False

    @property
    def enabled(self) -> bool:
        return self._enabled

    def update(self, records: int, position: int | None = None, *, force: bool = False) -> None:
        """Set the cumulative record count (and bytes read so far, if known); redraw if due."""
        self._records = records
        if position is not None:
            self._position = position
        if not self._enabled or self._closed:
            return
        now = time.monotonic()
        if force or now - self._last_draw >= self._min_interval:
            self._last_draw = now
            self._draw(now)

    def message(self, text: str) -> None:
        """Print ``text`` on its own line, above the bar."""
        if self._enabled and self._drawn_width:
            self._stream.write("\r" + " " * self._drawn_width + "\r")
            self._drawn_width = 0
        self._stream.write(text + "\n")
        if self._enabled and not self._closed:
            self._draw(time.monotonic())
        else:
            self._stream.flush()

    def close(self) -> None:
        """Draw the final state and end the line (the bar stays visible as a record of the run)."""
        if self._closed:
            return
        if self._enabled:
            if self._total is not None and self._position is not None:
                self._position = max(self._position, self._total)
            self._draw(time.monotonic())
            self._stream.write("\n")
            self._stream.flush()
        self._closed = True

    def render(self, now: float | None = None) -> str:
        """The text of the progress line (without the carriage return)."""
        elapsed = (time.monotonic() if now is None else now) - self._start
        rate = self._records / elapsed if elapsed > 0 else 0.0
        parts = [self._label]
        if self._total is not None and self._position is not None:
            fraction = min(max(self._position / self._total, 0.0), 1.0)
            filled = round(fraction * _BAR_WIDTH)
            parts.append(f"{fraction:4.0%} |{'#' * filled}{' ' * (_BAR_WIDTH - filled)}|")
        parts.append(f"{self._records:,} record{'' if self._records == 1 else 's'}")
        parts.append(f"{rate:,.0f} rec/s")
        parts.append(_format_elapsed(elapsed))
        return "  ".join(parts)

    def _draw(self, now: float) -> None:
        text = self.render(now)
        padding = " " * max(self._drawn_width - len(text), 0)
        self._stream.write("\r" + text + padding)
        self._stream.flush()
        self._drawn_width = len(text)
