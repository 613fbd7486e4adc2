"""Token ids of prompt and demonstration texts, with their length limits, and the round-trip check
that a tokenizer reproduces the texts it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from relift.errors import InvalidInputError

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

__all__ = [
    "TokenizedTexts",
    "check_round_trip",
    "token_counts",
    "tokenize_demonstrations",
    "tokenize_prompts",
]


@dataclass(frozen=True)
class TokenizedTexts:
    """Token ids of a batch of texts, with what the length limit did to them.

    ``lengths`` are the lengths before truncation; ``truncated`` the positions of the texts that
    were cut to fit.
    """

    input_ids: list[list[int]]
    lengths: list[int]
    truncated: list[int]

    @property
    def num_truncated(self) -> int:
        """How many texts were cut."""
        return len(self.truncated)


def _encode(
    texts: Sequence[str], tokenizer: PreTrainedTokenizerBase, special: bool
) -> list[list[int]]:
    """Token ids of each text (one batched tokenizer call)."""
    if not texts:
        return []
    ids = tokenizer(list(texts), add_special_tokens=special)["input_ids"]
    return [list(map(int, row)) for row in ids]


def token_counts(
    texts: Sequence[str], tokenizer: PreTrainedTokenizerBase, special: bool
) -> list[int]:
    """Token count of each text, tokenized in chunks."""
    counts: list[int] = []
    for start in range(0, len(texts), 1024):
        counts += [len(ids) for ids in _encode(texts[start : start + 1024], tokenizer, special)]
    return counts


def tokenize_prompts(
    prompts: Sequence[str],
    tokenizer: PreTrainedTokenizerBase,
    *,
    max_tokens: int | None,
    overflow: Literal["drop", "error", "left", "right"] = "error",
    add_special_tokens: bool = False,
) -> TokenizedTexts:
    """Token ids of prompt texts, at most ``max_tokens`` each.

    ``overflow``: ``left`` keeps a long prompt's last tokens, ``right`` its first; ``error``
    and ``drop`` (whose long prompts were dropped at load time) raise
    :class:`~relift.errors.InvalidInputError` naming the prompt. Pass
    ``add_special_tokens=not prompt_uses_chat_template(tokenizer, config)``.
    """
    ids = _encode(prompts, tokenizer, add_special_tokens)
    lengths = [len(row) for row in ids]
    truncated: list[int] = []
    for i, row in enumerate(ids):
        if max_tokens is None or len(row) <= max_tokens:
            continue
        if overflow in ("error", "drop"):
            raise InvalidInputError(
                f"prompt {i} has {len(row)} tokens, more than max_tokens={max_tokens} "
                f"(data.prompt_overflow={overflow!r})"
            )
        ids[i] = row[len(row) - max_tokens :] if overflow == "left" else row[:max_tokens]
        truncated.append(i)
    return TokenizedTexts(ids, lengths, truncated)


def check_round_trip(
    texts: Sequence[str], tokenizer: PreTrainedTokenizerBase, *, what: str = "demonstration"
) -> None:
    """Raise :class:`~relift.errors.InvalidInputError` when the tokenizer loses text: a text
    that does not decode back to itself (whitespace aside) would train the model on something
    else than the data says, silently. (A tokenizer loaded as the wrong class does this, e.g. a
    custom vocabulary read by a byte-level BPE class that drops the tokens it cannot build.)"""
    for i, (text, ids) in enumerate(zip(texts, _encode(texts, tokenizer, False), strict=True)):
        back = str(tokenizer.decode(ids))
        if "".join(back.split()) != "".join(text.split()):
            raise InvalidInputError(
                f"the tokenizer does not reproduce {what} {i}: {text[:80]!r} decodes as "
                f"{back[:80]!r}; check that the tokenizer loads as the class it was saved as "
                f"({type(tokenizer).__name__} here), or pass the tokenizer object yourself"
            )


def tokenize_demonstrations(
    demonstrations: Sequence[str],
    tokenizer: PreTrainedTokenizerBase,
    *,
    max_tokens: int | None,
    overflow: Literal["truncate", "error"] = "truncate",
    add_eos: bool = True,
) -> TokenizedTexts:
    """Token ids of demonstrations (no special tokens), each followed by EOS.

    ``max_tokens`` counts the EOS. A longer demonstration keeps its first ``max_tokens`` tokens
    (losing the EOS: it was cut, not finished) with ``truncate``, or raises with ``error``.
    """
    eos = tokenizer.eos_token_id
    if add_eos and not isinstance(eos, int):
        raise InvalidInputError("the tokenizer has no EOS token; demonstrations need one")
    ids = _encode(demonstrations, tokenizer, False)
    if add_eos:
        ids = [[*row, int(eos)] for row in ids]
    lengths = [len(row) for row in ids]
    truncated: list[int] = []
    for i, row in enumerate(ids):
        if max_tokens is None or len(row) <= max_tokens:
            continue
        if overflow == "error":
            raise InvalidInputError(
                f"demonstration {i} has {len(row)} tokens, more than max_tokens={max_tokens} "
                "(data.demonstration_overflow='error')"
            )
        ids[i] = row[:max_tokens]
        truncated.append(i)
    return TokenizedTexts(ids, lengths, truncated)
