"""Builders: turn the tables into corpus cases, ``simple`` for a plain table of pairs and one
function per category that needs its own response shapes (nested braces, JSON, multiple
boxes, multiple choice, no box, malformed, adversarial).
"""

from __future__ import annotations

import random
import re

from .filler import inline, intro, reasoning
from .model import Case, Pair
from .tables_formats import JSON_PAIRS, MALFORMED, MC, MULTI, NESTED, NOBOX
from .templates import maybe_wrap_ref, render_box, render_default, t_box_final, t_box_inline


def simple(
    category: str, pairs: list[Pair], r: random.Random, box_only: bool = False
) -> list[Case]:
    out: list[Case] = []
    for p in pairs:
        render = render_box if box_only else render_default
        resp = render(p.resp, r)
        out.append(Case(resp, maybe_wrap_ref(p.ref, r), p.equal, category, p.note))
    return out


def build_nested(r: random.Random) -> list[Case]:
    out = simple("nested_braces", NESTED, r, box_only=True)
    # Deep but legal nesting, generated.
    for depth, eq in ((60, True), (200, True), (200, False), (500, True)):
        inner = "{" * depth + "3" + "}" * depth
        ref = "3" if eq else "4"
        out.append(Case(t_box_final(inner, r), ref, eq, "nested_braces", f"{depth} nested groups"))
    frac = "1"
    for _ in range(12):
        frac = f"\\frac{{{frac}}}{{2}}"
    out.append(
        Case(
            t_box_inline(frac, r),
            r"\frac{1}{4096}",
            True,
            "nested_braces",
            "12 nested fractions: 1/2^12",
        )
    )
    out.append(
        Case(
            t_box_inline(frac, r),
            r"\frac{1}{2048}",
            False,
            "nested_braces",
            "12 nested fractions: 1/2^12, not 1/2^11",
        )
    )
    return out


def build_json(r: random.Random) -> list[Case]:
    out: list[Case] = []
    for p in JSON_PAIRS:
        resp = render_box(p.resp, r).replace("\\", "\\\\")
        note = "every backslash doubled (JSON-escaped text)"
        if p.note:
            note += "; " + p.note
        out.append(Case(resp, p.ref, p.equal, "json_backslashes", note))
    return out


def build_multi(r: random.Random) -> list[Case]:
    out: list[Case] = []
    for k, (first, last, ref, eq, note) in enumerate(MULTI):
        v = k % 4
        if v == 0:
            resp = (
                f"{reasoning(r, 2)} This gives $\\boxed{{{first}}}$.\n\n"
                f"Wait, I made an error in the second step. Let me redo it. {reasoning(r, 2)}\n\n"
                f"So the correct answer is $\\boxed{{{last}}}$."
            )
        elif v == 1:
            resp = (
                f"{intro(r)} {reasoning(r, 1)} A first guess would be \\boxed{{{first}}}, "
                f"but that ignores one case. {reasoning(r, 2)}\n\n"
                f"**Final Answer**\n\\[\\boxed{{{last}}}\\]"
            )
        elif v == 2:
            resp = (
                f"Approach 1: {reasoning(r, 2)} This yields $\\boxed{{{first}}}$.\n\n"
                f"Approach 2 (check): {reasoning(r, 1)} This yields $\\boxed{{{first}}}$ again?"
                f" No, recomputing carefully gives $\\boxed{{{last}}}$.\n\n"
                f"The final answer is $\\boxed{{{last}}}$."
            )
        else:
            resp = (
                f"{reasoning(r, 2)}\n\nCandidate: $\\boxed{{{first}}}$. "
                f"{reasoning(r, 1)} Verification fails for the candidate, so we revise.\n\n"
                f"Answer: $\\boxed{{{last}}}$"
            )
        out.append(
            Case(
                resp,
                maybe_wrap_ref(ref, r),
                eq,
                "multiple_boxed",
                note or "the last box is the answer",
            )
        )
    return out


_OPTION_VALUES = ["4", "6", "8", "10", "12"]


def build_mc(r: random.Random) -> list[Case]:
    out: list[Case] = []
    for ending, ref, eq, note in MC:
        m = re.search(r"\b([A-E])\b", ending.replace("textbf", "").replace("text", ""))
        letter = m.group(1) if m else "C"
        value = _OPTION_VALUES["ABCDE".index(letter)]
        choices = ", ".join(f"({c}) ${v}$" for c, v in zip("ABCDE", _OPTION_VALUES, strict=False))
        resp = (
            f"The choices are {choices}. {reasoning(r, 2)} Our computed value is ${value}$, "
            f"which matches choice ({letter}); the other options are ruled out by the bound above."
            f"\n\n{ending}"
        )
        out.append(Case(resp, ref, eq, "multiple_choice", note))
    return out


def build_nobox(r: random.Random) -> list[Case]:
    out: list[Case] = []
    for ans, ref, eq, kind, flag in NOBOX:
        pre = ""
        note = ""
        if flag == "trap":
            pre = f"At first it looks like the result is {inline(ref)}, but that misses a case. "
            note = "the reference appears earlier in the reasoning; the final answer differs"
        body = f"{intro(r)} {pre}{reasoning(r, 3)}"
        if kind == "answer_is":
            resp = f"{body}\n\nThe answer is {inline(ans)}."
        elif kind == "minerva":
            resp = f"{body}\n\nFinal Answer: The final answer is ${ans}$. I hope it is correct."
        elif kind == "colon":
            resp = f"{body}\n\nAnswer: {inline(ans)}"
        elif kind == "dollar":
            resp = f"{body} Solving the last equation, we get ${ans}$."
        else:
            resp = f"{body} Adding everything up, the total comes to {ans}."
        if not note and kind == "number":
            note = "the answer is the last number in the response"
        out.append(Case(resp, maybe_wrap_ref(ref, r), eq, "no_box", note))
    return out


def build_malformed(r: random.Random) -> list[Case]:
    return [
        Case(f"{intro(r)} {reasoning(r, 3)}\n\n{m.tail}", m.ref, m.equal, "malformed", m.note)
        for m in MALFORMED
    ]


def build_adversarial(r: random.Random) -> list[Case]:
    """Inputs a grader might hang or blow up on; every label is not-equal."""
    cat = "adversarial"
    filler_sentence = (
        "We consider the recurrence again and note that each term depends only on the previous "
        "two terms, so the computation can be organized as a simple loop over the index. "
    )
    # No math and no numbers before the junk, so every extraction rule finds only the wrong "2".
    prose = "We simplify the expression step by step and write the result below. "
    items: list[tuple[str, str, str]] = []

    def box(content: str, pre: str = "") -> str:
        return f"{pre or reasoning(r, 2)}\n\nTherefore the answer is $\\boxed{{{content}}}$."

    items += [
        (box("9^{9^{9^{9}}}"), "3", "power tower far too large to evaluate"),
        (box("1000!!"), "7", "double factorial of 1000"),
        (box("10^{10^{10}}"), "1", "ten billion digits"),
        (box("2^{2^{2^{2^{2^{2}}}}}"), "0", "power tower"),
        (box("10^{10^{10}} - 10^{10^{10}} + 1"), "2", "huge cancellation; the value is 1, not 2"),
        (box("(10^{100})!"), "5", "factorial of a googol"),
        (box("99999999999999999999999999999999^{99999999}"), "1", "huge power"),
        (box(r"\sum_{k=1}^{10^{12}} k"), "0", "sum with 10^12 terms"),
        (box(r"\prod_{k=1}^{10^{9}} k"), "1", "product with 10^9 factors"),
        (box("x^{x^{x^{x^{x}}}}"), "x", "symbolic power tower"),
        (box("(x+1)^{1000}"), "x^{1000}+1", "expansion blowup"),
        (box("(a+b+c+d)^{200}"), "0", "multinomial expansion blowup"),
        (box(r"\sin(10^{100})"), "0", "needs 100+ digits of pi to evaluate"),
        (box("e^{e^{e^{e^{e}}}}"), "1", "overflowing exponential tower"),
        (box("10^{-10^{10}}"), "0", "tiny but not zero"),
        (box("1e999999999"), "1", "float overflow"),
        (box(r"\frac{1}{0}"), "0", "division by zero"),
        (box("0/0"), "0", "undefined"),
    ]
    # 10k-term sums vs a wrong total.
    ones = "+".join(["1"] * 10_000)
    items.append((box(ones), "9999", "10,000 ones sum to 10000"))
    seq = "+".join(str(k) for k in range(1, 10_001))
    items.append((box(seq), "50005001", "1+...+10000 = 50005000"))
    items.append((box("+".join([r"\sqrt{2}"] * 10_000) + "+0"), "0", "10,000 radicals"))
    # 100k nested braces around a wrong value.
    items.append((box("{" * 100_000 + "1" + "}" * 100_000), "2", "100,000 nested braces"))
    # 50k nested parentheses.
    items.append((box("(" * 50_000 + "1" + ")" * 50_000), "2", "50,000 nested parentheses"))
    # Deep sqrt: 2^(1/2^2000) is not exactly 1.
    items.append(
        (
            box("\\sqrt{" * 2_000 + "2" + "}" * 2_000),
            "1",
            "2000 nested square roots of 2: within any float tolerance of 1, but not 1",
        )
    )
    # Deep fractions.
    items.append((box("\\frac{1}{" * 5_000 + "2" + "}" * 5_000), "0", "5000 nested fractions"))
    # A 1 MB response whose box holds a wrong answer.
    big = filler_sentence * (1_000_000 // len(filler_sentence))
    items.append((box("41", pre=big), "42", "1 MB response"))
    # A 1 MB run of digits vs 1.
    items.append((box("1" * 1_000_000), "1", "a million-digit number"))
    items.append((box("1." + "0" * 100_000 + "1"), "1", "1 + 10^-100001 is not 1"))
    items.append((box("0." + "9" * 100_000), "1", "a finite string of nines is below 1"))
    # Thousands of unclosed \boxed{ openings.
    items.append(
        (
            prose + "\\boxed{" * 5_000 + "2",
            "1",
            "5000 unclosed boxes; no complete answer",
        )
    )
    items.append(("\\left(" * 10_000 + "2", "1", "10,000 unclosed \\left("))
    items.append((prose + "$" * 100_000 + " 2", "1", "100,000 dollar signs"))
    items.append(("The answer is " * 20_000 + "2.", "1", "20,000 repeated answer phrases"))
    items.append((box("x" * 100_000), "x", "a 100,000-letter product"))
    rows = r"\\".join("&".join(str((i * 7 + j) % 10) for j in range(150)) for i in range(150))
    items.append((box(f"\\begin{{pmatrix}}{rows}\\end{{pmatrix}}"), "1", "150x150 matrix"))
    return [Case(resp, ref, False, cat, note) for resp, ref, note in items]
