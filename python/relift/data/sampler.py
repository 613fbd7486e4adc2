"""The resumable epoch sampler: which questions each training step takes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from relift.errors import InvalidInputError

__all__ = ["EpochSampler"]


class EpochSampler:
    """Batches of question indices: a fresh shuffle per epoch, deterministic and resumable.

    Epoch e's order is a permutation drawn from ``numpy.random.default_rng([seed, e])``, so it
    depends only on (seed, epoch): the state is just the epoch and the number of batches already
    taken in it, and ``load_state_dict(state_dict())`` resumes exactly. With ``drop_last`` the
    incomplete final batch of an epoch is skipped (the reference); otherwise it is yielded short.

    ``next_batch()`` moves on to the next epoch by itself; iterating yields the rest of the
    current epoch::

        for epoch in range(sampler.epoch, epochs):
            for batch in sampler:
                ...
    """

    def __init__(self, n_questions: int, batch_size: int, seed: int, drop_last: bool = True):
        if batch_size < 1:
            raise InvalidInputError(f"batch_size must be >= 1, got {batch_size}")
        if n_questions < (batch_size if drop_last else 1):
            raise InvalidInputError(
                f"{n_questions} questions cannot fill one batch of {batch_size}"
                + (" with drop_last" if drop_last else "")
            )
        self.n_questions, self.batch_size = n_questions, batch_size
        self.seed, self.drop_last = seed, drop_last
        self._epoch, self._position = 0, 0
        self._order: np.ndarray[Any, np.dtype[np.int64]] | None = None

    @property
    def batches_per_epoch(self) -> int:
        """Batches in one epoch."""
        full, rest = divmod(self.n_questions, self.batch_size)
        return full + (1 if rest and not self.drop_last else 0)

    @property
    def epoch(self) -> int:
        """The epoch the next batch comes from (0-based)."""
        return self._epoch

    @property
    def position(self) -> int:
        """Batches already taken in the current epoch."""
        return self._position

    def epoch_order(self, epoch: int) -> list[int]:
        """The shuffled question indices of ``epoch``."""
        rng = np.random.default_rng([self.seed, epoch])
        return [int(i) for i in rng.permutation(self.n_questions)]

    def next_batch(self) -> list[int]:
        """The next batch of question indices."""
        if self._order is None:
            self._order = np.asarray(self.epoch_order(self._epoch), dtype=np.int64)
        start = self._position * self.batch_size
        batch = [int(i) for i in self._order[start : start + self.batch_size]]
        self._position += 1
        if self._position == self.batches_per_epoch:
            self._epoch, self._position, self._order = self._epoch + 1, 0, None
        return batch

    def __iter__(self) -> Iterator[list[int]]:
        epoch = self._epoch
        while self._epoch == epoch:
            yield self.next_batch()

    def __len__(self) -> int:
        """Batches left in the current epoch."""
        return self.batches_per_epoch - self._position

    def state_dict(self) -> dict[str, int | bool]:
        """The position, plus the parameters it is only valid for."""
        return {
            "epoch": self._epoch,
            "position": self._position,
            "n_questions": self.n_questions,
            "batch_size": self.batch_size,
            "seed": self.seed,
            "drop_last": self.drop_last,
        }

    def load_state_dict(self, state: Mapping[str, Any]) -> None:
        """Resume from :meth:`state_dict`; the sampler's parameters must match the saved ones."""
        for key in ("n_questions", "batch_size", "seed", "drop_last"):
            if state.get(key) != getattr(self, key):
                raise InvalidInputError(
                    f"sampler state was saved with {key}={state.get(key)!r}, "
                    f"this sampler has {getattr(self, key)!r}"
                )
        epoch, position = state.get("epoch"), state.get("position")
        if not isinstance(epoch, int) or epoch < 0:
            raise InvalidInputError(f"sampler state: bad epoch {epoch!r}")
        if not isinstance(position, int) or not 0 <= position < self.batches_per_epoch:
            raise InvalidInputError(f"sampler state: bad position {position!r}")
        self._epoch, self._position, self._order = epoch, position, None
