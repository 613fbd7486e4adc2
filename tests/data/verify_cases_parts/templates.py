"""Response templates: the endings a final answer is written into (boxed, "The answer is",
Minerva-style, ...), the renderers that pick one, and ``maybe_wrap_ref`` for references.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from .filler import inline, intro, reasoning

Template = Callable[[str, random.Random], str]


def t_box_final(a: str, r: random.Random) -> str:
    return f"{intro(r)}\n\n{reasoning(r, 3)}\n\nTherefore, the final answer is $\\boxed{{{a}}}$."


def t_box_inline(a: str, r: random.Random) -> str:
    return f"{reasoning(r, 2)} So the answer is \\boxed{{{a}}}."


def t_box_display(a: str, r: random.Random) -> str:
    return (
        f"{intro(r)} {reasoning(r, 3)}\n\n"
        f"Putting everything together, we obtain\n\\[\n\\boxed{{{a}}}\n\\]"
    )


def t_box_think(a: str, r: random.Random) -> str:
    return (
        f"<think>\n{intro(r)} {reasoning(r, 3)}\n</think>\n\n{reasoning(r, 1)}\n\n"
        f"**Final Answer**\n\\[ \\boxed{{{a}}} \\]"
    )


def t_box_steps(a: str, r: random.Random) -> str:
    return (
        f"## Step 1: Understand the problem\n{intro(r)}\n\n"
        f"## Step 2: Compute\n{reasoning(r, 2)}\n\n"
        f"## Step 3: Conclude\n{reasoning(r, 1)}\n\n"
        f"The final answer is: $\\boxed{{{a}}}$"
    )


def t_box_result(a: str, r: random.Random) -> str:
    return f"**Solution.** {reasoning(r, 3)} Hence the result is $\\boxed{{{a}}}$. Done."


def t_answer_is(a: str, r: random.Random) -> str:
    return f"{intro(r)} {reasoning(r, 3)}\n\nThe answer is {inline(a)}."


def t_minerva(a: str, r: random.Random) -> str:
    return f"{reasoning(r, 3)}\n\nFinal Answer: The final answer is ${a}$. I hope it is correct."


def t_answer_colon(a: str, r: random.Random) -> str:
    return f"{intro(r)} {reasoning(r, 2)}\n\n**Answer:** {inline(a)}"


def t_last_dollar(a: str, r: random.Random) -> str:
    return f"{reasoning(r, 3)} Simplifying, we get ${a}$."


def t_last_number(a: str, r: random.Random) -> str:
    return f"{intro(r)} {reasoning(r, 3)} Adding everything up, the total comes to {a}."


BOX_TEMPLATES: list[Template] = [
    t_box_final,
    t_box_inline,
    t_box_display,
    t_box_think,
    t_box_steps,
    t_box_result,
]
TEXT_TEMPLATES: list[Template] = [t_answer_is, t_minerva, t_answer_colon]


def render_default(a: str, r: random.Random) -> str:
    """85% boxed, 15% "The answer is"-style endings."""
    if r.random() < 0.85:
        return r.choice(BOX_TEMPLATES)(a, r)
    return r.choice(TEXT_TEMPLATES)(a, r)


def render_box(a: str, r: random.Random) -> str:
    return r.choice(BOX_TEMPLATES)(a, r)


def maybe_wrap_ref(ref: str, r: random.Random) -> str:
    """References are bare LaTeX mostly, sometimes in ``$...$`` or ``\\boxed{}``."""
    if "$" in ref or "\\boxed" in ref or re.fullmatch(r"[A-Za-z ]{2,}", ref):
        return ref
    x = r.random()
    if x < 0.07:
        return f"${ref}$"
    if x < 0.11:
        return f"\\boxed{{{ref}}}"
    return ref
