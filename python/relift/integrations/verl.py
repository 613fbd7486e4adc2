"""relift's verifier as a verl reward function.

verl loads a custom reward function from its configuration and calls it by keyword::

    custom_reward_function.path=pkg://relift.integrations.verl   # or the path of this file
    custom_reward_function.name=compute_score

The default reward manager ("naive") calls, once per response::

    compute_score(data_source=..., solution_str=..., ground_truth=..., extra_info=...,
                  **custom_reward_function.reward_kwargs)

and the "batch" reward manager (``reward_model.reward_manager=batch``, with
``custom_reward_function.name=compute_score_batched``) calls, once per batch::

    compute_score_batched(data_sources=[...], solution_strs=[...], ground_truths=[...],
                          extra_infos=[...], **reward_kwargs)

:func:`compute_score` scores 1.0 when the final answer of ``solution_str`` equals
``ground_truth`` under relift's verifier and 0.0 otherwise; :func:`compute_score_batched` does the
same for a whole batch in one parallel ``verify_batch`` call.

Keywords (verl passes ``custom_reward_function.reward_kwargs`` through, e.g.
``+custom_reward_function.reward_kwargs.think=after``):

- ``return_dict=True``: return ``{"score": float, "acc": bool, "pred": str}`` instead of the
  float, as verl's own DAPO scorer does. verl logs every key: ``acc`` as a metric, ``pred`` (the
  extracted answer, "" if none) for its maj@N vote. The batched form returns
  ``{"score", "acc"}`` (``verify_batch`` reports no extracted answers).
- relift's verifier options ``think``, ``require_boxed``, ``extract_fallback``,
  ``float_tolerance``, ``rounding``, ``percent``, ``work_budget`` (see ``relift/_core.pyi``), and
  ``threads`` for the batched form. ``None`` means relift's default.
- Every other keyword is ignored: verl passes some of its own (``sandbox_fusion_url``,
  ``reward_router_address``, ...), so a misspelled option is ignored too.

``data_source`` and ``extra_info`` are ignored: every response is graded as a math answer. A
``ground_truth`` that is a number is read as its decimal text; ``None`` scores 0.0 (verl has no
"skip"). This module imports only numpy and relift's core (absolute imports, so verl may also load
it from its file path).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, overload

import numpy as np

from relift._core import grade, verify_batch
from relift.errors import InvalidInputError
from relift.integrations._common import answer_text, pick_options

__all__ = ["compute_score", "compute_score_batched"]


@overload
def compute_score(
    data_source: Any,
    solution_str: str,
    ground_truth: Any,
    extra_info: Any = None,
    *,
    return_dict: Literal[False] = False,
    **kwargs: Any,
) -> float: ...
@overload
def compute_score(
    data_source: Any,
    solution_str: str,
    ground_truth: Any,
    extra_info: Any = None,
    *,
    return_dict: Literal[True],
    **kwargs: Any,
) -> dict[str, Any]: ...
def compute_score(
    data_source: Any,
    solution_str: str,
    ground_truth: Any,
    extra_info: Any = None,
    *,
    return_dict: bool = False,
    **kwargs: Any,
) -> float | dict[str, Any]:
    """1.0 if the final answer of ``solution_str`` equals ``ground_truth``, else 0.0; with
    ``return_dict=True`` the dict ``{"score", "acc", "pred"}`` (module docstring)."""
    gold = answer_text(ground_truth, "ground_truth")
    correct, pred = False, ""
    if gold is not None:
        verdict = grade(solution_str, gold, **pick_options(kwargs))
        correct, pred = verdict.correct, verdict.extracted or ""
    score = 1.0 if correct else 0.0
    if return_dict:
        return {"score": score, "acc": correct, "pred": pred}
    return score


@overload
def compute_score_batched(
    data_sources: Any,
    solution_strs: Sequence[str],
    ground_truths: Sequence[Any],
    extra_infos: Any = None,
    *,
    return_dict: Literal[False] = False,
    threads: int | None = None,
    **kwargs: Any,
) -> list[float]: ...
@overload
def compute_score_batched(
    data_sources: Any,
    solution_strs: Sequence[str],
    ground_truths: Sequence[Any],
    extra_infos: Any = None,
    *,
    return_dict: Literal[True],
    threads: int | None = None,
    **kwargs: Any,
) -> list[dict[str, Any]]: ...
def compute_score_batched(
    data_sources: Any,
    solution_strs: Sequence[str],
    ground_truths: Sequence[Any],
    extra_infos: Any = None,
    *,
    return_dict: bool = False,
    threads: int | None = None,
    **kwargs: Any,
) -> list[float] | list[dict[str, Any]]:
    """:func:`compute_score` for verl's batch reward manager: one score per response, graded in
    parallel by one ``verify_batch`` call (``threads=None``: all cores)."""
    responses = list(solution_strs)
    golds = [answer_text(g, f"ground_truths[{i}]") for i, g in enumerate(ground_truths)]
    if len(responses) != len(golds):
        raise InvalidInputError(
            f"compute_score_batched got {len(responses)} solution_strs but {len(golds)} "
            "ground_truths; pass one ground truth per response"
        )
    graded = [(i, gold) for i, gold in enumerate(golds) if gold is not None]
    correct = np.zeros(len(responses), dtype=bool)
    if graded:
        correct[[i for i, _ in graded]] = verify_batch(
            [responses[i] for i, _ in graded],
            [gold for _, gold in graded],
            threads=threads,
            **pick_options(kwargs),
        )
    scores = correct.astype(np.float64).tolist()
    if return_dict:
        return [{"score": s, "acc": bool(c)} for s, c in zip(scores, correct, strict=True)]
    return scores
