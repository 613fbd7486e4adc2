"""Loading models and tokenizers with transformers' ``from_pretrained``, and ``model.dtype``
resolved to a torch dtype: what the trainer, ``relift eval`` and the demo's testbed share.
"""

from __future__ import annotations

from pathlib import Path

import torch
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    PreTrainedModel,
    PreTrainedTokenizerBase,
)

from relift.config import Config
from relift.errors import ConfigError, InvalidInputError

__all__ = [
    "default_device",
    "ensure_pad_token",
    "load_causal_lm",
    "load_model_and_tokenizer",
    "load_tokenizer",
    "torch_dtype",
]


def default_device() -> torch.device:
    """The first GPU when there is one, else the CPU."""
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def load_causal_lm(
    source: str | Path,
    *,
    dtype: torch.dtype | None = None,
    device: torch.device | None = None,
    local_files_only: bool = False,
    trust_remote_code: bool = False,
) -> PreTrainedModel:
    """A causal LM by ``from_pretrained``: in ``dtype`` (None: transformers' default), moved to
    ``device`` (None: where transformers put it)."""
    options = {} if dtype is None else {"dtype": dtype}
    model = AutoModelForCausalLM.from_pretrained(
        source, local_files_only=local_files_only, trust_remote_code=trust_remote_code, **options
    )
    if device is not None:
        model = model.to(device)  # type: ignore[arg-type]  # transformers types .to oddly
    return model


def load_tokenizer(
    source: str | Path, *, local_files_only: bool = False, trust_remote_code: bool = False
) -> PreTrainedTokenizerBase:
    """A tokenizer by ``from_pretrained``."""
    return AutoTokenizer.from_pretrained(
        source, local_files_only=local_files_only, trust_remote_code=trust_remote_code
    )


def ensure_pad_token(tokenizer: PreTrainedTokenizerBase) -> None:
    """Without a pad token, pad with EOS (masks come from lengths: pad may equal EOS)."""
    if tokenizer.pad_token_id is None and tokenizer.eos_token is not None:
        tokenizer.pad_token = tokenizer.eos_token


def load_model_and_tokenizer(
    cfg: Config, model: PreTrainedModel | None, tokenizer: PreTrainedTokenizerBase | None
) -> tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """The trainer's model and tokenizer: as given, or ``from_pretrained`` from the configured
    paths (the model in ``model.dtype`` on :func:`default_device`)."""
    mc = cfg.model
    if model is None:
        if mc.name_or_path is None:
            raise ConfigError("model.name_or_path: not set, and no model was passed to the Trainer")
        device = default_device()
        model = load_causal_lm(
            mc.name_or_path, dtype=torch_dtype(mc.dtype, device), device=device,
            trust_remote_code=mc.trust_remote_code,
        )  # fmt: skip
    if tokenizer is None:
        source = mc.tokenizer or mc.name_or_path or getattr(model, "name_or_path", None)
        if not source:
            raise ConfigError(
                "model.tokenizer: not set, and no tokenizer was passed to the Trainer"
            )
        tokenizer = load_tokenizer(source, trust_remote_code=mc.trust_remote_code)
    assert model is not None and tokenizer is not None
    ensure_pad_token(tokenizer)
    if tokenizer.pad_token_id is None:
        raise InvalidInputError("the tokenizer has neither a pad token nor an EOS token")
    if mc.gradient_checkpointing and model.supports_gradient_checkpointing:
        _enable_checkpointing(model)
    return model, tokenizer


def torch_dtype(name: str, device: torch.device) -> torch.dtype:
    """``model.dtype`` as a torch dtype; ``auto``: bf16 on a GPU that has it, else float32."""
    if name == "auto":
        bf16 = device.type == "cuda" and torch.cuda.is_bf16_supported()
        return torch.bfloat16 if bf16 else torch.float32
    return {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[name]


def _enable_checkpointing(model: PreTrainedModel) -> None:
    """Activation (gradient) checkpointing, under its transformers >= 5.x name when it has it."""
    kwargs = {"use_reentrant": False}
    if hasattr(model, "activation_checkpointing_enable"):
        model.activation_checkpointing_enable(activation_checkpointing_kwargs=kwargs)
    else:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs=kwargs)  # type: ignore[no-untyped-call]
