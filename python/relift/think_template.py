"""A chat template edited so that its generation prompt ends with the ``<think>`` open tag, as the
reference's "-16k-think" copies of Qwen2.5-Math do (used by ``relift prepare-model``).

The edit is textual and small: inside the one ``{% if add_generation_prompt %}`` block, just
before the tag that closes its branch (``{% endif %}``, or ``{% else %}`` / ``{% elif %}``),
it inserts an expression that prints the tag, with the same whitespace control as that closing
tag. Nothing is guessed: a template with no such block, or several, is refused, and the edit is
accepted only when transformers renders the edited template exactly as before plus the tag (with
and without a generation prompt, with and without a system message).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from relift.errors import InvalidInputError

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

__all__ = ["THINK_OPEN", "TemplateEdit", "add_think_to_generation_prompt", "render_probe"]

#: The reference's open tag (``data.think.open_tag``'s default).
THINK_OPEN = "<think>\n"

#: A Jinja block tag ``{%- word rest -%}``: its whitespace controls, keyword and the rest.
_BLOCK_TAG = re.compile(r"\{%([-+]?)\s*(\w+)(.*?)([-+]?)%\}", re.S)
#: Block keywords that open a block closed by ``end<keyword>`` (``set`` only without ``=``).
_OPENERS = {"if", "for", "macro", "call", "filter", "with", "block", "raw", "set", "trans"}
#: The conversations rendered to check an edit: with and without a system message.
_PROBES = (
    [{"role": "user", "content": "What is 1+1?"}],
    [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "What is 1+1?"}],
)


@dataclass(frozen=True)
class TemplateEdit:
    """An edited template: the text before and after, and the rendered probe prompt's end."""

    before: str
    after: str
    rendered_before: str
    rendered_after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self, name: str) -> str:
        """A short unified diff of the template (one line of context)."""
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"a/{name}", tofile=f"b/{name}", n=1,
        )  # fmt: skip
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def render_probe(
    tokenizer: PreTrainedTokenizerBase,
    template: str | None = None,
    *,
    generation_prompt: bool = True,
    probe: int = 0,
) -> str:
    """The probe conversation rendered with ``template`` (None: the tokenizer's own)."""
    text = tokenizer.apply_chat_template(
        _PROBES[probe], chat_template=template, add_generation_prompt=generation_prompt,
        tokenize=False, return_dict=False,
    )  # fmt: skip
    if not isinstance(text, str):
        raise InvalidInputError(f"the chat template rendered {type(text).__name__}, not text")
    return text


def add_think_to_generation_prompt(
    template: str, tokenizer: PreTrainedTokenizerBase, where: str, tag: str = THINK_OPEN
) -> TemplateEdit:
    """``template`` with ``tag`` printed at the end of its generation-prompt block, checked by
    rendering with ``tokenizer``; ``where`` names the template's file in errors. A template whose
    generation prompt already ends with ``tag`` comes back unchanged."""
    rendered_before = render_probe(tokenizer, template)
    if rendered_before.endswith(tag):
        return TemplateEdit(template, template, rendered_before, rendered_before)
    at, control = _end_of_generation_branch(template, where)
    after = _insert(template, at, f"{{{{{control} {json.dumps(tag)} }}}}", control)
    edit = TemplateEdit(template, after, rendered_before, render_probe(tokenizer, after))
    _check_renders_with_tag(edit, tokenizer, where, tag)
    return edit


def _end_of_generation_branch(template: str, where: str) -> tuple[int, str]:
    """Where the ``if add_generation_prompt`` branch ends (the offset of the tag closing it) and
    that tag's leading whitespace control (``-``, ``+`` or nothing)."""
    stack: list[list[object]] = []  # [keyword, is the generation block, its branch end or None]
    ends: list[tuple[int, str]] = []
    for match in _BLOCK_TAG.finditer(template):
        left, word, rest = match[1], match[2], match[3]
        if word in _OPENERS and not (word == "set" and "=" in rest):
            stack.append([word, word == "if" and _is_generation_condition(rest), None])
        elif word.startswith("end") and word[3:] in _OPENERS:
            if not stack or stack[-1][0] != word[3:]:
                raise InvalidInputError(
                    f"{where}: the chat template's {{% {word} %}} at offset {match.start()} "
                    "closes no open block; relift cannot edit a template it cannot parse"
                )
            _, generation, branch_end = stack.pop()
            if generation and branch_end is None:
                ends.append((match.start(), left))
        elif word in ("else", "elif") and stack and stack[-1][1] and stack[-1][2] is None:
            stack[-1][2] = match.start()
            ends.append((match.start(), left))
    if len(ends) != 1:
        found = "no" if not ends else f"{len(ends)}"
        raise InvalidInputError(
            f"{where}: the chat template has {found} {{% if add_generation_prompt %}} blocks, "
            "and relift edits only a template with exactly one (where the assistant header is "
            "written); add the think tag to its generation prompt by hand"
        )
    return ends[0]


def _insert(template: str, at: int, expression: str, control: str) -> str:
    """``expression`` before the tag at ``at``: on a line of its own, indented as the line above,
    when the tag stands alone on its line and strips the whitespace before it (``{%-``, so the
    expression's own ``{{-`` and the tag strip the line breaks around it); else just before."""
    line_start = template.rfind("\n", 0, at) + 1
    if control != "-" or template[line_start:at].strip() or line_start == 0:
        return template[:at] + expression + template[at:]
    above = template[template.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    indent = above[: len(above) - len(above.lstrip())]
    return f"{template[:line_start]}{indent}{expression}\n{template[line_start:]}"


def _is_generation_condition(condition: str) -> bool:
    """``add_generation_prompt`` (possibly guarded by ``is defined and``), never negated."""
    words = re.findall(r"\w+", condition)
    return "add_generation_prompt" in words and not {"not", "or"} & set(words)


def _check_renders_with_tag(
    edit: TemplateEdit, tokenizer: PreTrainedTokenizerBase, where: str, tag: str
) -> None:
    """The edited template renders every probe as before, plus ``tag`` after the generation
    prompt and nothing else changed without one."""
    for probe in range(len(_PROBES)):
        for generation in (True, False):
            old = render_probe(tokenizer, edit.before, generation_prompt=generation, probe=probe)
            new = render_probe(tokenizer, edit.after, generation_prompt=generation, probe=probe)
            want = old + tag if generation else old
            if new != want:
                raise InvalidInputError(
                    f"{where}: after adding {tag!r} to the generation block, the chat template "
                    f"renders a prompt ending {new[-60:]!r} where {want[-60:]!r} was expected; "
                    "relift leaves such a template alone: add the tag to it by hand"
                )
