"""Rollout engines: the protocol every engine implements and the transformers engine.

``relift.rollout.base`` needs only torch; ``HFEngine`` also imports transformers (the ``train``
extra). The vLLM engine (:mod:`relift.rollout.vllm`, imported on demand) implements the same
:class:`RolloutEngine` protocol.
"""

from __future__ import annotations

from relift.batch import TokenBatch, pad_batch  # re-exported: their home before relift.batch
from relift.rollout.base import (
    FinishReason,
    Prompts,
    RolloutEngine,
    Rollouts,
    SamplingParams,
    rollout_seed,
)
from relift.rollout.hf import HFEngine

__all__ = [
    "FinishReason",
    "HFEngine",
    "Prompts",
    "RolloutEngine",
    "Rollouts",
    "SamplingParams",
    "TokenBatch",
    "pad_batch",
    "rollout_seed",
]
