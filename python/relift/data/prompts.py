"""The prompt text a model sees: a row's prompt (a string or chat messages) rendered with the
tokenizer's chat template or the plain format, then the ``<think>`` tag of ``DataConfig.think``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from relift.config import DataConfig
from relift.errors import InvalidInputError

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

__all__ = ["Message", "Prompt", "prompt_uses_chat_template", "render_prompt"]

Message = dict[str, str]
Prompt = str | list[Message]


def prompt_uses_chat_template(
    tokenizer: PreTrainedTokenizerBase | None, config: DataConfig
) -> bool:
    """Whether prompts are rendered with the tokenizer's chat template (else the plain format).

    Tokenize prompt texts with ``add_special_tokens=not prompt_uses_chat_template(...)``: a
    template writes its own special tokens.
    """
    return (
        config.chat_template
        and tokenizer is not None
        and bool(getattr(tokenizer, "chat_template", None))
    )


def _messages(prompt: Prompt, system_prompt: str | None) -> list[Message]:
    """The prompt as chat messages, with the system prompt inserted when it has none."""
    messages = [{"role": "user", "content": prompt}] if isinstance(prompt, str) else list(prompt)
    if system_prompt is not None and not (messages and messages[0]["role"] == "system"):
        messages.insert(0, {"role": "system", "content": system_prompt})
    return messages


def render_prompt(
    prompt: Prompt, tokenizer: PreTrainedTokenizerBase | None, config: DataConfig
) -> str:
    """The text the model is prompted with: chat template or plain format, then the think tag."""
    messages = _messages(prompt, config.system_prompt)
    if prompt_uses_chat_template(tokenizer, config):
        assert tokenizer is not None
        text = tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, tokenize=False, return_dict=False
        )
        if not isinstance(text, str):
            raise InvalidInputError(
                f"the tokenizer's chat template returned {type(text).__name__}, not a string"
            )
    else:
        text = "\n\n".join(m["content"] for m in messages)
    tag = config.think.open_tag
    if config.think.append_to_prompt and tag and not text.endswith(tag):
        text += tag
    return text
