"""relift's verifier as a TRL ``GRPOTrainer`` reward function.

TRL calls every reward function by keyword, once per batch::

    reward_func(prompts=[...], completions=[...], completion_ids=[...], **columns)

with one value per completion in each list: ``columns`` holds every dataset column (repeated for
the ``num_generations`` completions of a prompt) plus TRL's own ``trainer_state``, ``log_extra``
and ``log_metric``. A completion is a string (a plain dataset) or a conversation, a list of
messages such as ``[{"role": "assistant", "content": "..."}]`` (a conversational dataset).

:func:`accuracy_reward` has the signature of TRL's own ``trl.rewards.accuracy_reward`` and reads
the gold answers from the ``solution`` column. Like TRL's, it returns 1.0 for a correct
completion, 0.0 for a wrong one and ``None`` (TRL: "skip this example") when the gold answer
cannot be graded; here that is a missing gold answer (``None``) or one relift cannot read as a
reference (e.g. empty, or an unclosed brace). Differences from TRL's: relift grades instead of
Math-Verify (no signal-based timeouts, so it also runs outside the main thread), all completions
are graded in one parallel ``verify_batch`` call, a conversation is graded on its last assistant
message (TRL takes the first message), and nothing is logged through ``log_extra``.

:class:`AccuracyReward` is the same reward with relift's verifier options and another gold column,
e.g. ``AccuracyReward(think="after", answer_column="answer")``: with ``think="after"`` only the
text after the first ``</think>`` is graded and a completion without it scores 0.0, as TRL's
``reasoning_accuracy_reward`` does (which splits at the last delimiter).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import numpy as np

from relift._core import verify_batch
from relift.errors import InvalidInputError
from relift.integrations._common import answer_text, gold_parses, pick_options

__all__ = ["AccuracyReward", "accuracy_reward", "completion_text"]


def accuracy_reward(
    completions: Sequence[Any], solution: Sequence[Any], **kwargs: Any
) -> list[float | None]:
    """1.0 if a completion's final answer equals its ``solution``, 0.0 if not, ``None`` if the
    solution cannot be graded (module docstring). The other keywords TRL passes are ignored."""
    return _accuracy(completions, solution, {}, None)


class AccuracyReward:
    """:func:`accuracy_reward` with relift's verifier options (``None``: relift's default; see
    ``relift/_core.pyi``), ``threads`` for ``verify_batch``, and the dataset column that holds
    the gold answers. TRL logs it under ``name``. A plain class, so it pickles."""

    def __init__(
        self,
        *,
        answer_column: str = "solution",
        name: str = "accuracy_reward",
        think: Literal["after", "ignore"] | None = None,
        require_boxed: bool | None = None,
        extract_fallback: Literal["boxed", "answer_is", "math_span", "last_number"] | None = None,
        float_tolerance: float | None = None,
        rounding: Literal["reference", "exact"] | None = None,
        percent: Literal["either", "strict"] | None = None,
        work_budget: int | None = None,
        threads: int | None = None,
    ) -> None:
        self.answer_column = answer_column
        self.__name__ = name  # TRL names a reward function's metrics after its __name__
        self.options = pick_options(
            {
                "think": think,
                "require_boxed": require_boxed,
                "extract_fallback": extract_fallback,
                "float_tolerance": float_tolerance,
                "rounding": rounding,
                "percent": percent,
                "work_budget": work_budget,
            }
        )
        self.threads = threads

    def __call__(self, completions: Sequence[Any], **columns: Any) -> list[float | None]:
        if self.answer_column not in columns:
            raise TypeError(
                f"{self.__name__} needs the dataset column {self.answer_column!r} with the gold "
                f"answers, but got the keywords {sorted(columns)}; name the column with "
                "AccuracyReward(answer_column=...)"
            )
        return _accuracy(completions, columns[self.answer_column], self.options, self.threads)

    def __repr__(self) -> str:
        settings = {"answer_column": self.answer_column, **self.options}
        return f"AccuracyReward({', '.join(f'{k}={v!r}' for k, v in settings.items())})"


def completion_text(completion: object, index: int = 0) -> str:
    """The text to grade of one completion: a string as it is; of a conversation (a list of
    messages), the content of its last assistant message (the last message if none says its role),
    since with tool calls the final answer comes last. ``index`` names it in errors."""
    if isinstance(completion, str):
        return completion
    message: object = completion
    if isinstance(completion, Sequence) and not isinstance(completion, bytes):
        if not completion:
            return ""
        replies = [m for m in completion if isinstance(m, Mapping) and m.get("role") == "assistant"]
        message = (replies or completion)[-1]
    if not isinstance(message, Mapping):
        raise TypeError(
            f"completions[{index}] must be a string or a list of messages "
            f"({{'role': ..., 'content': ...}}), got {type(message).__name__}"
        )
    content = message.get("content")
    if content is None or isinstance(content, str):
        return content or ""
    # multimodal content: a list of parts such as {"type": "text", "text": "..."}
    return "".join(part["text"] for part in content if isinstance(part, Mapping) and "text" in part)


def _accuracy(
    completions: Sequence[Any],
    solution: Sequence[Any],
    options: dict[str, Any],
    threads: int | None,
) -> list[float | None]:
    texts = [completion_text(c, i) for i, c in enumerate(completions)]
    golds = [answer_text(s, f"solution[{i}]") for i, s in enumerate(solution)]
    if len(texts) != len(golds):
        raise InvalidInputError(
            f"accuracy_reward got {len(texts)} completions but {len(golds)} solutions; TRL "
            "passes each dataset column repeated once per completion, so pass one solution "
            "per completion"
        )
    # a prompt's completions share their gold answer: check each distinct one once
    readable = {gold: gold_parses(gold) for gold in set(golds) if gold is not None}
    graded = [(i, gold) for i, gold in enumerate(golds) if gold is not None and readable[gold]]
    rewards: list[float | None] = [None] * len(texts)
    if graded:
        correct = verify_batch(
            [texts[i] for i, _ in graded], [gold for _, gold in graded], threads=threads, **options
        )
        for (i, _), ok in zip(graded, correct.astype(np.float64).tolist(), strict=True):
            rewards[i] = ok
    return rewards
