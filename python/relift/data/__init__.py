"""Dataset rows -> validated :class:`Question` objects, prompt/demonstration tokenization, and the
resumable epoch sampler.

Rows come from JSON lines, parquet (needs ``pyarrow``) or any iterable of mappings (a list of
dicts, a HF ``datasets.Dataset``). Two row schemas are built in (``DataConfig.schema``):

- ``openr1`` (OpenR1-Math-46k-8192, as the reference trains on it): ``prompt`` is a list of chat
  messages ``{role, content}``, ``target`` the demonstration (a list of messages, whose first
  message's content is used, or a string), ``reward_model.ground_truth`` the answer,
  ``data_source`` the benchmark or source name.
- ``qa``: ``question`` / ``answer`` / ``solution`` strings.

``DataConfig.fields`` maps any field to another column or dotted path. Every other column is kept
in :attr:`Question.extra`.

The prompt text is the tokenizer's chat template applied with ``add_generation_prompt=True``
when the tokenizer has one and ``DataConfig.chat_template`` is on; otherwise the *plain format*:
the messages' contents joined by a blank line (a string prompt without a system prompt is used as
is). Then the ``<think>`` convention of ``DataConfig.think`` applies: the open tag is appended to
the prompt, and stripped from the start of the demonstration when the prompt ends with it, so
that ``prompt_text + demonstration`` is always the SFT sequence.

A malformed row raises :class:`~relift.errors.InputFormatError` naming the file, the row (the
1-based line for JSON lines, the 1-based row otherwise) and the field; with
``on_bad_row="skip"`` it is skipped and counted in the :class:`LoadReport`.

The package's modules: :mod:`~relift.data.rows` (rows -> questions), :mod:`~relift.data.sources`
(reading files), :mod:`~relift.data.prompts` (prompt text), :mod:`~relift.data.tokenization`
and :mod:`~relift.data.sampler`; everything public is importable from here.
"""

from __future__ import annotations

from relift.data.prompts import Message, Prompt, prompt_uses_chat_template, render_prompt
from relift.data.rows import LoadReport, Question, load_questions, load_split
from relift.data.sampler import EpochSampler
from relift.data.tokenization import (
    TokenizedTexts,
    check_round_trip,
    tokenize_demonstrations,
    tokenize_prompts,
)

__all__ = [
    "EpochSampler",
    "LoadReport",
    "Message",
    "Prompt",
    "Question",
    "TokenizedTexts",
    "check_round_trip",
    "load_questions",
    "load_split",
    "prompt_uses_chat_template",
    "render_prompt",
    "tokenize_demonstrations",
    "tokenize_prompts",
]
