"""Builders of a tiny local model and tokenizer, for tests, benchmarks and the CPU testbed.

Nothing here touches a model hub: the tokenizer is a character-level ``tokenizers`` WordLevel
model wrapped in ``PreTrainedTokenizerFast``, the model a randomly initialised ``Qwen2Config`` or
``LlamaConfig`` causal LM, and :func:`save_and_reload` round-trips both through the real
``save_pretrained`` / ``from_pretrained(dir, local_files_only=True)`` path.

Importing this module imports torch and transformers (the ``train`` extra).
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import torch
from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, processors
from transformers import (
    AutoModelForCausalLM,
    LlamaConfig,
    PreTrainedModel,
    PreTrainedTokenizerFast,
    Qwen2Config,
)

__all__ = [
    "DEFAULT_CHARS",
    "SPECIAL_TOKENS",
    "build_tiny_model",
    "build_tiny_tokenizer",
    "save_and_reload",
    "tiny_model_and_tokenizer",
]

#: Special tokens, in id order: pad = 0, bos = 1, eos = 2, unk = 3.
SPECIAL_TOKENS = ("<pad>", "<s>", "</s>", "<unk>")
#: The default alphabet: enough for the addition testbed ("12+34=...#46").
DEFAULT_CHARS = "0123456789+=,#:"

Arch = Literal["qwen2", "llama"]


def build_tiny_tokenizer(
    chars: Sequence[str] = DEFAULT_CHARS, *, add_bos: bool = True
) -> PreTrainedTokenizerFast:
    """A character-level tokenizer: one token per character of ``chars`` plus the special tokens.

    Every character is its own token (characters outside ``chars`` become ``<unk>``); decoding
    fuses tokens without spaces. Padding is on the left (what generation needs). With
    ``add_bos`` the post-processor prepends ``<s>`` when ``add_special_tokens=True``.
    """
    alphabet = list(dict.fromkeys(chars))
    if len(alphabet) != len(chars) or any(len(c) != 1 for c in alphabet):
        raise ValueError(f"chars must be distinct single characters, got {chars!r}")
    vocab = {tok: i for i, tok in enumerate([*SPECIAL_TOKENS, *alphabet])}
    core = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    core.pre_tokenizer = pre_tokenizers.Split(Regex(r"[\s\S]"), behavior="isolated")
    core.decoder = decoders.Fuse()
    if add_bos:
        core.post_processor = processors.TemplateProcessing(
            single="<s> $A", pair="<s> $A $B", special_tokens=[("<s>", vocab["<s>"])]
        )
    return PreTrainedTokenizerFast(  # type: ignore[no-untyped-call]  # untyped **kwargs
        tokenizer_object=core,
        pad_token="<pad>",
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        padding_side="left",
    )


def build_tiny_model(
    tokenizer: PreTrainedTokenizerFast,
    *,
    arch: Arch = "qwen2",
    hidden_size: int = 64,
    intermediate_size: int = 256,
    num_layers: int = 2,
    num_heads: int = 4,
    num_kv_heads: int = 2,
    max_positions: int = 256,
    initializer_range: float = 0.02,
    seed: int = 0,
) -> PreTrainedModel:
    """A randomly initialised causal LM sized for CPU tests (about 130k parameters by default).

    Initialisation uses ``seed`` on a forked RNG, so it is reproducible and leaves the global
    torch RNG untouched. Embeddings are tied; the special-token ids come from ``tokenizer``.
    """
    common = {
        "vocab_size": len(tokenizer),
        "hidden_size": hidden_size,
        "intermediate_size": intermediate_size,
        "num_hidden_layers": num_layers,
        "num_attention_heads": num_heads,
        "num_key_value_heads": num_kv_heads,
        "max_position_embeddings": max_positions,
        "initializer_range": initializer_range,
        "tie_word_embeddings": True,
        "pad_token_id": tokenizer.pad_token_id,
        "bos_token_id": tokenizer.bos_token_id,
        "eos_token_id": tokenizer.eos_token_id,
    }
    config = Qwen2Config(**common) if arch == "qwen2" else LlamaConfig(**common)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = AutoModelForCausalLM.from_config(config)  # type: ignore[no-untyped-call]
    model.eval()
    return model  # type: ignore[no-any-return]  # from_config is untyped


def save_and_reload(
    model: PreTrainedModel, tokenizer: PreTrainedTokenizerFast, directory: str | Path
) -> tuple[PreTrainedModel, PreTrainedTokenizerFast]:
    """Save both with ``save_pretrained`` and load them back offline from ``directory``."""
    directory = Path(directory)
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    loaded: PreTrainedModel = AutoModelForCausalLM.from_pretrained(directory, local_files_only=True)
    loaded.train(False)
    loaded_tok = PreTrainedTokenizerFast.from_pretrained(directory, local_files_only=True)
    return loaded, loaded_tok


def tiny_model_and_tokenizer(
    directory: str | Path, *, arch: Arch = "qwen2", seed: int = 0, initializer_range: float = 0.02
) -> tuple[PreTrainedModel, PreTrainedTokenizerFast]:
    """Build the default tiny tokenizer and model, save them to ``directory`` and reload them."""
    tokenizer = build_tiny_tokenizer()
    model = build_tiny_model(tokenizer, arch=arch, seed=seed, initializer_range=initializer_range)
    return save_and_reload(model, tokenizer, directory)


def addition_run_folder(root: str | Path, *, train: int = 24, eval: int = 8, seed: int = 0) -> Path:
    """A trainer test's inputs under ``root``: the tiny model and tokenizer (digits, ``+=,#:``
    and ``\\boxed{}``) in ``model/``, and ``train.jsonl`` / ``eval.jsonl`` with ``train`` and
    ``eval`` 2-digit additions in the ``qa`` schema, each with a demonstration."""
    root = Path(root)
    tokenizer = build_tiny_tokenizer(DEFAULT_CHARS + "\\boxed{}")
    save_and_reload(build_tiny_model(tokenizer, initializer_range=0.1), tokenizer, root / "model")
    rng = random.Random(seed)
    for name, count in (("train", train), ("eval", eval)):
        with (root / f"{name}.jsonl").open("w") as fh:
            for _ in range(count):
                a, b = rng.randint(10, 99), rng.randint(10, 99)
                row = {"question": f"{a}+{b}=", "answer": str(a + b)}
                fh.write(json.dumps(row | {"solution": f"{a + b}#\\boxed{{{a + b}}}"}) + "\n")
    return root
