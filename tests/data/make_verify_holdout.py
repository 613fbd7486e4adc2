#!/usr/bin/env python3
"""Write tests/data/verify_holdout.jsonl: an independent, held-out corpus for ``relift.verify``.

The verifier was tuned against ``verify_cases.jsonl``; this corpus was written separately, without
reading the verifier's source, that corpus or its generator, so its agreement is an honest
estimate. Every label is a mathematical judgement about whether the response's final answer
equals the reference, under the verifier's documented conventions:

* the whole response is graded; the final answer is the last ``\\boxed{}``, else "the answer is
  ...", else the last ``$...$``, else the last number;
* ``30^\\circ`` equals ``30`` and ``\\frac{\\pi}{6}``; ``50\\%`` equals ``50`` and ``0.5``;
* a decimal reference (``0.33``) accepts an exact value that rounds to it (``\\frac13``) but not
  another decimal (``0.333``); an irrational reference (``\\sqrt2``) rejects a decimal (``1.414``);
* units and ``\\text{}`` around a number are ignored; bare comma lists are unordered, ``(a,b)`` is
  ordered; ``x=3`` equals ``3``; an inequality equals the matching interval.

Genuinely ambiguous cases were left out. Deterministic, standard library only:

    python tests/data/make_verify_holdout.py
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

OUT = Path(__file__).with_name("verify_holdout.jsonl")
SEED = 7_031_2024

# Response templates for cases that end in a box. {W} is the worked reasoning, {F} the final
# answer as the model writes it (both LaTeX), {A} an earlier, superseded candidate.
STYLES = [
    "{W}\n\nTherefore, the final answer is $\\boxed{{F}}$.",
    "## Solution\n\n{W}\n\n### Final Answer\n\n$$\\boxed{{F}}$$",
    "Let's work through this step by step.\n\n{W}\n\n**Final answer:** $\\boxed{{F}}$",
    "{W} Putting everything together,\n\\[\n\\boxed{{F}}\n\\]",
    "{W}\n\n$\\boxed{{F}}$\n\nI hope this helps! Let me know if you'd like me to go over any step "
    "in more detail.",
    "**Step 1 — set up.** Read off the given quantities.\n\n**Step 2 — compute.** {W}\n\n"
    "**Step 3 — conclude.** The answer is $\\boxed{{F}}$.",
    "{W}\n\nAnswer: \\(\\boxed{{F}}\\)",
    "{W}\n\nSo the answer is $\\boxed{{F}}$.\n\n**Verification.** Substituting this back into the "
    "original conditions is consistent, so I am confident in it.",
    "Okay, let me think about this carefully.\n\n{W}\n\nHence\n$$\n\\boxed{{F}}\n$$\n"
    "(The key step was the simplification above.)",
    "### Approach\nWork directly from the definitions.\n\n### Work\n{W}\n\n---\n"
    "**Final answer:** \\(\\boxed{{F}}\\)",
]

# Several candidate answers: an earlier box is superseded by the last one.
REVISION_STYLES = [
    "{W}\n\nSo my answer is $\\boxed{{A}}$.\n\nWait — let me double-check that last step. I "
    "made an arithmetic slip; redoing it carefully changes the result.\n\n"
    "**Corrected final answer:** $\\boxed{{F}}$",
    "First attempt: $\\boxed{{A}}$. Hmm, that does not satisfy the original condition, so "
    "something is off.\n\nSecond attempt: {W}\n\nThe final answer is $\\boxed{{F}}$.",
    "{W}\n\nCandidate answers I considered: $\\boxed{{A}}$ (from the first method) and the one "
    "below (from the careful method). Only the second survives the check.\n\n"
    "Final: $\\boxed{{F}}$",
]

CASES: list[dict[str, object]] = []


def add(
    category: str,
    final: str,
    answer: str,
    equal: bool,
    note: str,
    work: str,
    alt: str | None = None,
) -> None:
    """A boxed response: ``work`` wrapped by a template with ``final`` in the last box."""
    CASES.append(
        {
            "category": category,
            "final": final,
            "answer": answer,
            "equal": equal,
            "note": note,
            "work": work,
            "alt": alt,
        }
    )


def raw(category: str, response: str, answer: str, equal: bool, note: str) -> None:
    """A response written out in full (no template)."""
    CASES.append(
        {"category": category, "response": response, "answer": answer, "equal": equal, "note": note}
    )


# ------------------------------------------------------------------------------------------------
# numeric
# ------------------------------------------------------------------------------------------------
C = "numeric"
add(
    C,
    "84",
    "84",
    True,
    "integer, product word problem",
    r"There are $7$ boxes with $12$ eggs each, so the total is $7 \times 12 = 84$ eggs.",
)
add(
    C,
    "90",
    "90",
    True,
    "integer, rate times time",
    r"Maya earns \$15 per hour and works 6 hours, so she earns $15 \cdot 6 = 90$ dollars.",
)
add(
    C,
    "1,250",
    "1250",
    True,
    "comma thousands separator in the box",
    r"Each ticket costs \$250 and the club buys 5 of them: $250 \times 5 = 1250$.",
)
add(
    C,
    "12{,}600",
    "12600",
    True,
    "braced-comma thousands separator",
    r"The farm produces $420$ liters a day for $30$ days, i.e. $420 \cdot 30 = 12{,}600$ liters.",
)
add(
    C,
    "-14",
    "-14",
    True,
    "negative integer",
    r"Solving $3x + 50 = 8$ gives $3x = -42$, so $x = -14$.",
)
add(
    C,
    "3.0",
    "3",
    True,
    "trailing .0 on an integer",
    r"The mean is $\frac{2.5 + 3.5 + 3.0}{3} = \frac{9}{3} = 3.0$.",
)
add(
    C,
    "2.50",
    "2.5",
    True,
    "trailing zero on a decimal",
    r"The \$10 bill is split among 4 friends, so each pays $10 \div 4 = 2.50$ dollars.",
)
add(
    C,
    r"1.2 \times 10^{3}",
    "1200",
    True,
    "scientific notation equals integer",
    r"The colony doubles from $600$ cells to $1200$ cells, which in scientific notation is "
    r"$1.2 \times 10^{3}$.",
)
add(
    C,
    "033",
    "33",
    True,
    "AIME answer with leading zero",
    r"We found $m = 8$ and $n = 25$, so $m + n = 33$. AIME answers are three digits, so I "
    r"report it as 033.",
)
add(
    C,
    " 7 ",
    "7",
    True,
    "spaces inside the box",
    r"Since $52 = 9 \cdot 5 + 7$, the remainder when $52$ is divided by $9$ is $7$.",
)
add(
    C,
    "1,000,000",
    "1000000",
    True,
    "two thousands separators",
    r"A square of side $1000$ m has area $1000^2 = 1{,}000{,}000$ square meters.",
)
add(
    C,
    "-0.25",
    "-0.25",
    True,
    "negative decimal",
    r"The slope through $(2, 4)$ and $(6, 3)$ is $\frac{3 - 4}{6 - 2} = -\frac14 = -0.25$.",
)
add(
    C,
    "100",
    "100.0",
    True,
    "reference written with .0",
    r"Forty percent of $250$ is $0.4 \times 250 = 100$.",
)
add(
    C,
    "19",
    "19",
    True,
    "answer stated in words, then boxed",
    r"The club starts with 27 members, 11 leave and 3 join: $27 - 11 + 3 = 19$. So there are "
    r"nineteen members at the end of the year.",
)
add(
    C,
    "52",
    "52",
    True,
    "earlier wrong box superseded by the last box",
    r"The perimeter is $2(14 + 12) = 2 \cdot 26 = 52$.",
    alt="48",
)
add(
    C,
    "7.5",
    "7.50",
    True,
    "reference with trailing zero",
    r"Driving $600$ km at $80$ km/h takes $600 / 80 = 7.5$ hours.",
)
add(
    C,
    "+5",
    "5",
    True,
    "explicit plus sign",
    r"The temperature went from $-3^\circ$ to $2^\circ$, a change of $2 - (-3) = +5$.",
)
add(
    C,
    r"2\,500",
    "2500",
    True,
    "thin-space thousands separator",
    r"The tank holds $50 \times 50 = 2500$ liters.",
)
add(
    C,
    "1{,}024",
    "1024",
    True,
    "braced comma separator",
    r"There are $2^{10} = 1024$ subsets of a $10$-element set.",
)
add(C, "0", "0", True, "zero", r"The sum of the roots of $x^2 - 9 = 0$ is $3 + (-3) = 0$.")
add(
    C,
    "83",
    "84",
    False,
    "off by one",
    r"There are $7$ boxes with $12$ eggs each, and one egg is cracked, so $84 - 1 = 83$ usable "
    r"eggs.",
)
add(C, "14", "-14", False, "sign error", r"Solving $3x + 50 = 8$ gives $3x = 42$, so $x = 14$.")
add(
    C,
    "1,205",
    "1250",
    False,
    "transposed digits with a thousands separator",
    r"Each ticket costs \$241 and the club buys 5: $241 \times 5 = 1205$.",
)
add(
    C,
    "0.25",
    "-0.25",
    False,
    "sign error on a decimal",
    r"The slope is $\frac{4 - 3}{6 - 2} = \frac14 = 0.25$.",
)
add(
    C,
    "48",
    "52",
    False,
    "correct value boxed first, a wrong value boxed last",
    r"Rechecking, the perimeter is $2(14 + 10) = 48$.",
    alt="52",
)
add(
    C,
    "120",
    "12",
    False,
    "off by a factor of ten",
    r"The rate is $60$ pages per $5$ hours, i.e. $60 \times 2 = 120$ pages per ten hours.",
)
add(C, "2.5", "25", False, "misplaced decimal point", r"Dividing $100$ by $40$ gives $2.5$.")
add(C, "330", "33", False, "AIME answer with an extra digit", r"We found $m + n = 330$.")
add(
    C,
    "1000",
    "10000",
    False,
    "wrong power of ten",
    r"The number of four-digit strings of digits is $10^3 = 1000$.",
)
add(
    C,
    r"1.2 \times 10^{4}",
    "1200",
    False,
    "wrong exponent in scientific notation",
    r"The colony grows to $12000 = 1.2 \times 10^{4}$ cells.",
)
add(
    C,
    "7",
    "7.5",
    False,
    "truncated decimal",
    r"The trip takes $600 / 80 = 7$ hours (rounding down).",
)
add(
    C,
    "66",
    "65",
    False,
    "off by one",
    r"Counting integers from $10$ to $75$ inclusive gives $75 - 10 + 1 = 66$.",
)
add(C, "-3", "3", False, "sign error", r"The $y$-intercept of $y = 2x - 3$ is $-3$.")
add(C, "999", "1000", False, "off by one", r"The largest three-digit number is $999$.")
raw(
    C,
    "The hall has $12$ rows of $12$ chairs, so the total is $\\boxed{144}$.\n\nCheck: "
    "$144 \\div 12 = 12$ rows. (If the hall had 13 rows instead, we would get 156.)",
    "144",
    True,
    "numbers in commentary after the box",
)
raw(
    C,
    "Counting the fence posts strictly between the corners gives $\\boxed{56}$.\n\nNote: had "
    "we also counted the 2 endpoints, we would get 58.",
    "58",
    False,
    "box wrong, the reference value appears only in trailing commentary",
)

# ------------------------------------------------------------------------------------------------
# fraction_decimal
# ------------------------------------------------------------------------------------------------
C = "fraction_decimal"
add(
    C,
    r"\frac{3}{4}",
    "0.75",
    True,
    "fraction vs exact decimal reference",
    r"Three of the four marbles are red, so the probability is $\frac{3}{4}$.",
)
add(
    C,
    "0.75",
    r"\frac{3}{4}",
    True,
    "decimal vs fraction reference",
    r"The probability is $\frac{3}{4}$, or as a decimal $0.75$.",
)
add(
    C,
    r"\frac{6}{8}",
    r"\frac{3}{4}",
    True,
    "unreduced but equal fraction",
    r"Six of the eight outcomes are favourable, giving $\frac{6}{8}$.",
)
add(
    C,
    r"\dfrac{5}{2}",
    "2.5",
    True,
    "dfrac vs decimal",
    r"Solving $2x - 5 = 0$ gives $x = \dfrac{5}{2}$.",
)
add(
    C,
    r"2\frac{1}{2}",
    r"\frac{5}{2}",
    True,
    "mixed number",
    r"She uses $\frac{5}{2}$ cups of flour, which is two and a half cups, i.e. $2\frac{1}{2}$.",
)
add(
    C,
    r"\frac{1}{3}",
    "0.33",
    True,
    "exact value rounds to the decimal reference",
    r"One of the three doors hides the prize, so the chance is $\frac{1}{3}$.",
)
add(
    C,
    r"\frac{2}{3}",
    "0.67",
    True,
    "exact value rounds to the decimal reference",
    r"Of the $9$ balls, $6$ are blue, so $P = \frac{6}{9} = \frac{2}{3}$.",
)
add(
    C,
    r"-\frac{1}{2}",
    r"\frac{-1}{2}",
    True,
    "position of the minus sign",
    r"The slope of $x + 2y = 6$ is $-\frac{1}{2}$.",
)
add(
    C,
    r"\frac{-3}{4}",
    "-0.75",
    True,
    "negative numerator vs negative decimal",
    r"From $4x + 3 = 0$ we get $x = \frac{-3}{4}$.",
)
add(
    C,
    "3/8",
    r"\frac{3}{8}",
    True,
    "slash fraction",
    r"Three heads in a row... no — exactly one head in three tosses has probability $3/8$.",
)
add(
    C,
    "0.125",
    r"\frac18",
    True,
    "decimal vs compact frac",
    r"Three heads in three tosses: $(1/2)^3 = 0.125$.",
)
add(
    C,
    r"\frac{10}{4}",
    "2.5",
    True,
    "unreduced fraction vs decimal",
    r"The ratio of the areas is $\frac{10}{4}$.",
)
add(
    C,
    "1.5",
    r"\frac{3}{2}",
    True,
    "decimal vs improper fraction",
    r"The scale factor is $\frac{9}{6} = 1.5$.",
)
add(
    C,
    r"\frac{7}{20}",
    "0.35",
    True,
    "fraction vs exact decimal",
    r"$7$ of the $20$ students chose chess, a fraction of $\frac{7}{20}$.",
)
add(
    C,
    "0.6",
    r"\frac{3}{5}",
    True,
    "decimal vs fraction",
    r"The probability of not drawing a red card is $1 - 0.4 = 0.6$.",
)
add(
    C,
    r"\frac{22}{7}",
    r"\frac{44}{14}",
    True,
    "reference unreduced",
    r"Dividing, the ratio simplifies to $\frac{22}{7}$.",
)
add(
    C,
    r"\frac{1}{6}",
    "0.17",
    True,
    "1/6 rounds to 0.17",
    r"Rolling a six has probability $\frac{1}{6}$.",
)
add(
    C,
    r"\frac{5}{9}",
    "0.56",
    True,
    "5/9 rounds to 0.56",
    r"Five of the nine squares are shaded, so the shaded fraction is $\frac{5}{9}$.",
)
add(
    C,
    r"\frac{9}{4}",
    r"2\frac{1}{4}",
    True,
    "improper fraction vs mixed-number reference",
    r"The total is $\frac{3}{4} \cdot 3 = \frac{9}{4}$ cups.",
)
add(C, r"\frac{4}{1}", "4", True, "denominator one", r"The ratio is $\frac{12}{3} = \frac{4}{1}$.")
add(
    C,
    r"\frac{2}{7}",
    "0.29",
    True,
    "2/7 rounds to 0.29",
    r"Two of the seven days are weekend days, so the probability is $\frac{2}{7}$.",
)
add(
    C,
    "0.333",
    "0.33",
    False,
    "extra decimal place: 0.333 is not 0.33",
    r"The probability is about $0.333$.",
)
add(
    C,
    r"\frac{4}{3}",
    r"\frac{3}{4}",
    False,
    "inverted fraction",
    r"The ratio of width to length is $\frac{4}{3}$.",
)
add(
    C,
    r"\frac{1}{2}",
    r"-\frac12",
    False,
    "sign error",
    r"The slope of $x + 2y = 6$ is $\frac{1}{2}$.",
)
add(
    C,
    "0.6",
    r"\frac{2}{3}",
    False,
    "wrong decimal for an exact fraction reference",
    r"Of the $10$ balls, $6$ are blue, so $P = 0.6$.",
)
add(
    C,
    r"\frac{5}{8}",
    "0.58",
    False,
    "5/8 = 0.625 does not round to 0.58",
    r"Five of the eight slices are left: $\frac{5}{8}$.",
)
add(
    C,
    r"2\frac{1}{3}",
    r"\frac{5}{3}",
    False,
    "mixed number 7/3 vs 5/3",
    r"She needs two and one third cups: $2\frac{1}{3}$.",
)
add(
    C,
    r"\frac{3}{10}",
    "0.03",
    False,
    "decimal place error",
    r"Three tenths of the class: $\frac{3}{10}$.",
)
add(
    C,
    r"\frac{7}{12}",
    r"\frac{5}{12}",
    False,
    "complement taken wrongly",
    r"The probability of not winning is $1 - \frac{5}{12} = \frac{7}{12}$.",
)
add(
    C,
    r"\frac{1}{4}",
    "0.4",
    False,
    "1/4 vs 0.4",
    r"One of the four quadrants is shaded, so $\frac{1}{4}$.",
)
add(
    C,
    r"\frac{15}{4}",
    "3.25",
    False,
    "15/4 = 3.75, not 3.25",
    r"Adding, $\frac{3}{2} + \frac{9}{4} = \frac{15}{4}$.",
)
add(C, "-0.5", "0.5", False, "sign error", r"The value is $\frac{1}{2} - 1 = -0.5$.")
add(
    C,
    r"1\frac{1}{2}",
    "1.25",
    False,
    "mixed number 1.5 vs 1.25",
    r"The recipe needs one and a half cups: $1\frac{1}{2}$.",
)

# ------------------------------------------------------------------------------------------------
# radical_pi
# ------------------------------------------------------------------------------------------------
C = "radical_pi"
add(
    C,
    r"2\sqrt{3}",
    r"\sqrt{12}",
    True,
    "simplified radical vs unsimplified reference",
    r"The diagonal is $\sqrt{2^2 + (2\sqrt{2})^2} = \sqrt{4 + 8} = \sqrt{12} = 2\sqrt{3}$.",
)
add(
    C,
    r"\sqrt{12}",
    r"2\sqrt3",
    True,
    "unsimplified radical",
    r"By Pythagoras the hypotenuse is $\sqrt{2^2 + (2\sqrt2)^2} = \sqrt{12}$.",
)
add(
    C,
    r"\frac{\sqrt{2}}{2}",
    r"\frac{1}{\sqrt{2}}",
    True,
    "rationalised denominator",
    r"$\sin 45^\circ = \frac{\sqrt{2}}{2}$.",
)
add(
    C,
    r"\frac{\sqrt{3}}{3}",
    r"\frac{1}{\sqrt3}",
    True,
    "rationalised denominator",
    r"$\tan 30^\circ = \frac{1}{\sqrt{3}} = \frac{\sqrt{3}}{3}$.",
)
add(
    C,
    r"3\sqrt{2}",
    r"\sqrt{18}",
    True,
    "simplified radical",
    r"The distance from $(0,0)$ to $(3,3)$ is $\sqrt{9 + 9} = 3\sqrt{2}$.",
)
add(
    C,
    r"\frac{\pi}{4}",
    r"\pi/4",
    True,
    "frac vs slash",
    r"The angle whose tangent is $1$ in $(0, \pi/2)$ is $\frac{\pi}{4}$.",
)
add(
    C,
    r"4\pi",
    r"4 \pi",
    True,
    "spacing",
    r"The area of a circle of radius $2$ is $\pi \cdot 2^2 = 4\pi$.",
)
add(
    C,
    r"\frac{25\pi}{4}",
    r"6.25\pi",
    True,
    "fraction times pi vs decimal times pi",
    r"The radius is $\frac{5}{2}$, so the area is $\pi \left(\frac52\right)^2 = \frac{25\pi}{4}$.",
)
add(
    C,
    r"4+2\sqrt{3}",
    r"(1+\sqrt{3})^2",
    True,
    "expanded square",
    r"Expanding, $(1 + \sqrt3)^2 = 1 + 2\sqrt3 + 3 = 4 + 2\sqrt{3}$.",
)
add(
    C,
    r"\sqrt{2}+1",
    r"1+\sqrt{2}",
    True,
    "commuted sum",
    r"The positive root of $x^2 - 2x - 1 = 0$ is $x = 1 + \sqrt2$, i.e. $\sqrt{2} + 1$.",
)
add(
    C,
    r"\frac{1}{\sqrt{2}-1}",
    r"\sqrt2+1",
    True,
    "unrationalised but equal",
    r"The ratio of the segments is $\frac{1}{\sqrt{2}-1}$.",
)
add(
    C,
    r"2\sqrt{2}\pi",
    r"\pi\sqrt{8}",
    True,
    "product order and radical form",
    r"The circumference is $2\pi r$ with $r = \sqrt{2}$, so it is $2\sqrt{2}\pi$.",
)
add(
    C,
    r"2\sqrt[3]{2}",
    r"\sqrt[3]{16}",
    True,
    "cube root simplified",
    r"The edge of a cube of volume $16$ is $\sqrt[3]{16} = \sqrt[3]{8 \cdot 2} = 2\sqrt[3]{2}$.",
)
add(
    C,
    r"\frac{\sqrt{6}}{2}",
    r"\sqrt{\frac{3}{2}}",
    True,
    "root of a fraction rationalised",
    r"$\sqrt{\frac{3}{2}} = \frac{\sqrt3}{\sqrt2} = \frac{\sqrt{6}}{2}$.",
)
add(
    C,
    r"36\pi \text{ cubic units}",
    r"36\pi",
    True,
    "pi with units text",
    r"The sphere of radius $3$ has volume $\frac{4}{3}\pi \cdot 27 = 36\pi$.",
)
add(
    C,
    r"5\sqrt{5}",
    r"\sqrt{125}",
    True,
    "simplified radical",
    r"$\sqrt{125} = \sqrt{25 \cdot 5} = 5\sqrt{5}$.",
)
add(
    C,
    r"\frac{3\sqrt{3}}{2}",
    r"\frac{3}{2}\sqrt{3}",
    True,
    "coefficient placement",
    r"The area of the regular hexagon with side $1$ is $6 \cdot \frac{\sqrt3}{4} = "
    r"\frac{3\sqrt{3}}{2}$.",
)
add(
    C,
    r"2\pi",
    r"2\pi",
    True,
    "earlier candidate superseded",
    r"The period of $\sin x$ is $2\pi$.",
    alt=r"\pi",
)
add(
    C,
    r"10-2\sqrt{5}",
    r"2(5-\sqrt5)",
    True,
    "distributed factor",
    r"The length is $2(5 - \sqrt5) = 10 - 2\sqrt{5}$.",
)
add(
    C,
    r"4\pi",
    "12.57",
    True,
    "exact pi value rounds to the decimal reference",
    r"The area of a circle of radius $2$ is $4\pi$ square units.",
)
add(
    C,
    r"\sqrt{10}",
    r"\sqrt{10}",
    True,
    "plain radical, answer stated in words first",
    r"The distance from $(1, 2)$ to $(4, 3)$ is the square root of ten: $\sqrt{9 + 1}$.",
)
add(
    C,
    "1.414",
    r"\sqrt{2}",
    False,
    "decimal approximation of an irrational reference",
    r"The diagonal of the unit square is $\sqrt{2} \approx 1.414$.",
)
add(
    C,
    "9.42",
    r"3\pi",
    False,
    "decimal approximation of a pi reference",
    r"The circumference is $3\pi \approx 9.42$.",
)
add(
    C,
    r"2\sqrt{3}",
    r"3\sqrt{2}",
    False,
    "swapped coefficient and radicand",
    r"The diagonal is $\sqrt{12} = 2\sqrt{3}$.",
)
add(
    C,
    r"\frac{\sqrt{3}}{2}",
    r"\frac{\sqrt{2}}{2}",
    False,
    "wrong special angle",
    r"$\sin 60^\circ = \frac{\sqrt{3}}{2}$.",
)
add(
    C,
    r"\frac{\pi}{3}",
    r"\frac{\pi}{6}",
    False,
    "wrong angle",
    r"The angle with $\cos\theta = \frac12$ is $\frac{\pi}{3}$.",
)
add(
    C,
    r"4-2\sqrt{3}",
    r"4+2\sqrt{3}",
    False,
    "sign error in conjugate",
    r"$(1 - \sqrt3)^2 = 1 - 2\sqrt3 + 3 = 4 - 2\sqrt{3}$.",
)
add(C, r"\sqrt{5}-1", r"1-\sqrt5", False, "negated difference", r"The length is $\sqrt{5} - 1$.")
add(C, r"16\pi", r"8\pi", False, "factor of two", r"The area is $\pi \cdot 4^2 = 16\pi$.")
add(C, r"\sqrt{6}", "6", False, "radical vs integer", r"The side length is $\sqrt{6}$.")
add(C, r"2\sqrt{2}", r"\sqrt{2}", False, "extra factor", r"The diagonal is $2\sqrt{2}$.")
add(
    C,
    r"\frac{\sqrt{3}}{2}",
    r"\frac{1}{2}",
    False,
    "sine/cosine mix-up",
    r"$\cos 30^\circ = \frac{\sqrt{3}}{2}$.",
)
add(
    C,
    r"\frac{\pi}{2}",
    r"\pi",
    False,
    "correct candidate superseded by a wrong last box",
    r"Actually the period of $\tan 2x$ is $\frac{\pi}{2}$.",
    alt=r"\pi",
)
add(C, r"3\pi", "9.24", False, "3 pi = 9.42..., not 9.24", r"The circumference is $3\pi$.")

# ------------------------------------------------------------------------------------------------
# algebraic_expression
# ------------------------------------------------------------------------------------------------
C = "algebraic_expression"
add(
    C,
    "(x-1)(x+1)",
    "x^2-1",
    True,
    "factored vs expanded",
    r"Difference of squares: $x^2 - 1 = (x - 1)(x + 1)$.",
)
add(
    C,
    "x^2-1",
    "(x+1)(x-1)",
    True,
    "expanded vs factored reference",
    r"Multiplying out, $(x+1)(x-1) = x^2 - 1$.",
)
add(C, "2(x+1)", "2x+2", True, "common factor pulled out", r"$2x + 2 = 2(x + 1)$.")
add(
    C,
    r"\frac{x+1}{x}",
    r"1+\frac{1}{x}",
    True,
    "combined fraction",
    r"Writing over a common denominator, $1 + \frac1x = \frac{x+1}{x}$.",
)
add(
    C,
    "3x^2 - 6x",
    "3x(x-2)",
    True,
    "expanded vs factored",
    r"The derivative of $x^3 - 3x^2$ is $3x^2 - 6x$.",
)
add(C, "a^2+2ab+b^2", "(a+b)^2", True, "expanded square", r"$(a+b)^2 = a^2 + 2ab + b^2$.")
add(
    C,
    r"\frac{2}{x^2-1}",
    r"\frac{1}{x-1}-\frac{1}{x+1}",
    True,
    "partial fractions combined",
    r"$\frac{1}{x-1} - \frac{1}{x+1} = \frac{(x+1) - (x-1)}{x^2-1} = \frac{2}{x^2-1}$.",
)
add(
    C,
    "(2x-1)(3x+2)",
    "6x^2+x-2",
    True,
    "factored quadratic",
    r"We need two numbers with product $-12$ and sum $1$: $4$ and $-3$. Then "
    r"$6x^2 + 4x - 3x - 2 = (2x - 1)(3x + 2)$.",
)
add(
    C,
    "(x-2)(x^2+2x+4)",
    "x^3-8",
    True,
    "difference of cubes factored",
    r"Difference of cubes: $x^3 - 8 = (x - 2)(x^2 + 2x + 4)$.",
)
add(
    C,
    r"\frac{2x}{x^2-4}",
    r"\frac{1}{x-2}+\frac{1}{x+2}",
    True,
    "sum of fractions combined",
    r"$\frac{1}{x-2} + \frac{1}{x+2} = \frac{(x+2) + (x-2)}{x^2 - 4} = \frac{2x}{x^2-4}$.",
)
add(C, "4n+2", "2(2n+1)", True, "expanded linear", r"The $n$-th term is $6 + 4(n - 1) = 4n + 2$.")
add(
    C,
    r"\frac{n^2+n}{2}",
    r"\frac{n(n+1)}{2}",
    True,
    "expanded numerator",
    r"The sum $1 + 2 + \cdots + n$ equals $\frac{n^2 + n}{2}$.",
)
add(
    C,
    "x(3x+2)",
    "3x^2+2x",
    True,
    "factored derivative",
    r"$\frac{d}{dx}(x^3 + x^2) = 3x^2 + 2x = x(3x + 2)$.",
)
add(C, "e^{2x}", "(e^x)^2", True, "power of exponential", r"$(e^x)^2 = e^{2x}$.")
add(
    C,
    r"\sin 2x",
    r"2\sin x\cos x",
    True,
    "double-angle identity",
    r"Using the double-angle identity, $2\sin x \cos x = \sin 2x$.",
)
add(
    C,
    "x^{2}+5x+6",
    "(x+2)(x+3)",
    True,
    "expanded product",
    r"$(x + 2)(x + 3) = x^2 + 3x + 2x + 6 = x^{2} + 5x + 6$.",
)
add(
    C,
    "(y-2)^2",
    "y^2-4y+4",
    True,
    "perfect square",
    r"$y^2 - 4y + 4$ is a perfect square: $(y - 2)^2$.",
)
add(
    C,
    "-x+3",
    "3-x",
    True,
    "reordered terms",
    r"Solving $x + y = 3$ for $y$ gives $y = -x + 3$, so the expression is $-x + 3$.",
)
add(
    C,
    r"2\cdot 2^{n}",
    "2^{n+1}",
    True,
    "power rewritten",
    r"Each step doubles, so after $n$ steps we have $2 \cdot 2^n$.",
)
add(
    C,
    "(x-1)^2",
    "x^2-1",
    False,
    "square instead of difference of squares",
    r"Factoring gives $(x - 1)^2$.",
)
add(C, "2x+1", "2(x+1)", False, "distribution error", r"$2(x + 1) = 2x + 1$.")
add(
    C,
    "x^2+5x-6",
    "(x+2)(x+3)",
    False,
    "sign error in constant",
    r"$(x + 2)(x + 3) = x^2 + 5x - 6$.",
)
add(C, "3x(x+2)", "3x^2-6x", False, "sign error in factor", r"$3x^2 - 6x = 3x(x + 2)$.")
add(
    C,
    r"\frac{x-1}{x}",
    r"1+\frac1x",
    False,
    "sign error combining",
    r"$1 + \frac1x = \frac{x - 1}{x}$.",
)
add(C, "a^2+b^2", "(a+b)^2", False, "freshman's dream", r"$(a + b)^2 = a^2 + b^2$.")
add(
    C,
    "6x^2-x-2",
    "(2x-1)(3x+2)",
    False,
    "sign error in middle term",
    r"Expanding, $(2x-1)(3x+2) = 6x^2 - x - 2$.",
)
add(
    C,
    r"\frac{n(n-1)}{2}",
    r"\frac{n(n+1)}{2}",
    False,
    "off by one in formula",
    r"The sum $1 + 2 + \cdots + n$ is $\frac{n(n-1)}{2}$.",
)
add(C, "x+3", "3-x", False, "sign error", r"Solving $x - y = -3$... so $y = x + 3$.")
add(
    C,
    r"\cos 2x",
    r"2\sin x\cos x",
    False,
    "wrong double-angle identity",
    r"$2\sin x\cos x = \cos 2x$.",
)
add(
    C,
    "2^{n}",
    "2^{n+1}",
    False,
    "off by one exponent",
    r"After $n$ doublings starting from $1$ we have $2^n$.",
)
add(
    C,
    r"\frac{2}{x^2-1}",
    r"\frac{2x}{x^2-1}",
    False,
    "lost factor of x",
    r"Combining: $\frac{1}{x-1} + \frac{1}{x+1} = \frac{2}{x^2 - 1}$.",
)
add(C, "-(x-2)^2", "(x-2)^2", False, "negated", r"Completing the square: $-(x - 2)^2$.")
add(
    C,
    "x^3+8",
    "(x-2)(x^2+2x+4)",
    False,
    "sum vs difference of cubes",
    r"$(x - 2)(x^2 + 2x + 4) = x^3 + 8$.",
)

# ------------------------------------------------------------------------------------------------
# equation
# ------------------------------------------------------------------------------------------------
C = "equation"
add(
    C,
    "y=2x+3",
    "y = 3 + 2x",
    True,
    "commuted right-hand side",
    r"The slope is $2$ and the line passes through $(0, 3)$, so $y = 2x + 3$.",
)
add(
    C,
    "x=3",
    "3",
    True,
    "assignment vs bare value",
    r"Subtracting $5$ from both sides of $2x + 5 = 11$ gives $2x = 6$, so $x = 3$.",
)
add(C, "3", "x=3", True, "bare value vs assignment reference", r"From $2x + 5 = 11$, $x = 3$.")
add(
    C,
    "2x - y + 3 = 0",
    "y = 2x+3",
    True,
    "general form of the same line",
    r"The line with slope $2$ through $(0,3)$ in general form is $2x - y + 3 = 0$.",
)
add(
    C,
    "(x-1)^2+(y+2)^2=9",
    "x^2+y^2-2x+4y-4=0",
    True,
    "standard vs expanded circle",
    r"The circle has centre $(1, -2)$ and radius $3$: $(x-1)^2 + (y+2)^2 = 9$.",
)
add(
    C,
    r"y=-\frac{1}{2}x+4",
    "x+2y=8",
    True,
    "slope-intercept vs standard form",
    r"Solving $x + 2y = 8$ for $y$: $y = -\frac{1}{2}x + 4$.",
)
add(
    C,
    "k=4",
    "4",
    True,
    "named parameter",
    r"For a double root the discriminant $k^2 - 16$ must vanish; with $k > 0$, $k = 4$.",
)
add(C, "a = -2", "-2", True, "negative assignment", r"Comparing coefficients, $a = -2$.")
add(
    C,
    "y = x^2 - 4x + 3",
    "y=(x-1)(x-3)",
    True,
    "expanded parabola",
    r"The parabola with roots $1$ and $3$ and leading coefficient $1$ is $y = x^2 - 4x + 3$.",
)
add(
    C,
    r"\frac{x^2}{9}+\frac{y^2}{4}=1",
    "4x^2+9y^2=36",
    True,
    "ellipse normalised",
    r"The semi-axes are $3$ and $2$, giving $\frac{x^2}{9} + \frac{y^2}{4} = 1$.",
)
add(
    C,
    "y-2=3(x-1)",
    "y=3x-1",
    True,
    "point-slope form",
    r"Point-slope form through $(1, 2)$ with slope $3$: $y - 2 = 3(x - 1)$.",
)
add(
    C,
    "n = 12",
    "12",
    True,
    "assignment",
    r"The polygon with $54$ diagonals has $\frac{n(n-3)}{2} = 54$, so $n = 12$.",
)
add(
    C,
    r"x = \frac{5}{2}",
    "2.5",
    True,
    "fractional assignment vs decimal",
    r"From $2x = 5$, $x = \frac{5}{2}$.",
)
add(C, "z = 1+2i", "1+2i", True, "complex assignment", r"Solving $z - 2i = 1$ gives $z = 1 + 2i$.")
add(C, "y = 5", "y=5", True, "horizontal line", r"The horizontal line through $(2, 5)$ is $y = 5$.")
add(
    C,
    "x+y=10",
    "y=10-x",
    True,
    "rearranged linear equation",
    r"The two numbers sum to $10$: $x + y = 10$.",
)
add(
    C,
    r"t = 4 \text{ seconds}",
    "4",
    True,
    "assignment with units",
    r"Setting $h = 64 - 4t^2 = 0$ gives $t^2 = 16$, so $t = 4$ seconds.",
)
add(
    C,
    "x=7",
    "7",
    True,
    "earlier candidate superseded",
    r"From $x - 3 = 4$ we get $x = 7$.",
    alt="x=-7",
)
add(
    C,
    "4x+2y=16",
    "2x+y=8",
    True,
    "equation scaled by 2",
    r"Doubling the first constraint, $4x + 2y = 16$.",
)
add(
    C,
    "y=2x-3",
    "y=2x+3",
    False,
    "sign error in intercept",
    r"The slope is $2$ and the intercept is $-3$: $y = 2x - 3$.",
)
add(C, "x=-3", "3", False, "sign error", r"From $2x + 5 = -1$... so $x = -3$.")
add(
    C,
    "2x + y + 3 = 0",
    "y = 2x+3",
    False,
    "sign error in general form",
    r"In general form the line is $2x + y + 3 = 0$.",
)
add(
    C,
    "(x+1)^2+(y-2)^2=9",
    "(x-1)^2+(y+2)^2=9",
    False,
    "centre with wrong signs",
    r"Centre $(-1, 2)$ and radius $3$: $(x + 1)^2 + (y - 2)^2 = 9$.",
)
add(C, "x+2y=4", "x+2y=8", False, "wrong constant", r"The line is $x + 2y = 4$.")
add(C, "k=5", "4", False, "wrong parameter value", r"So $k = 5$.")
add(C, "y = 3x+1", "y-2=3(x-1)", False, "wrong intercept", r"Through $(1,2)$... hmm, $y = 3x + 1$.")
add(
    C,
    r"\frac{x^2}{4}+\frac{y^2}{9}=1",
    r"\frac{x^2}{9}+\frac{y^2}{4}=1",
    False,
    "axes swapped",
    r"The ellipse is $\frac{x^2}{4} + \frac{y^2}{9} = 1$.",
)
add(
    C,
    "y=x^2+4x+3",
    "y=(x-1)(x-3)",
    False,
    "roots with wrong sign",
    r"With roots $-1$ and $-3$: $y = x^2 + 4x + 3$.",
)
add(C, "x = 2.5", r"x=\frac{2}{5}", False, "inverted fraction", r"From $2x = 5$, $x = 2.5$.")
add(C, "n=11", "12", False, "off by one", r"So $n = 11$.")
add(
    C,
    "y = -2x+3",
    "y=2x+3",
    False,
    "slope sign error",
    r"Slope $-2$, intercept $3$: $y = -2x + 3$.",
)
add(
    C,
    "(x-1)^2+(y+2)^2=3",
    "(x-1)^2+(y+2)^2=9",
    False,
    "radius not squared",
    r"Centre $(1,-2)$, radius $3$: $(x-1)^2 + (y+2)^2 = 3$.",
)

# ------------------------------------------------------------------------------------------------
# interval_inequality
# ------------------------------------------------------------------------------------------------
C = "interval_inequality"
add(
    C,
    r"(-\infty, 3)",
    "x<3",
    True,
    "interval vs inequality reference",
    r"Subtracting $1$ from $2x + 1 < 7$ and halving gives $x < 3$, i.e. the interval "
    r"$(-\infty, 3)$.",
)
add(
    C,
    "x<3",
    r"(-\infty,3)",
    True,
    "inequality vs interval reference",
    r"From $2x + 1 < 7$ we get $x < 3$.",
)
add(
    C,
    "[2,5)",
    r"2\le x<5",
    True,
    "half-open interval",
    r"The domain requires $x - 2 \ge 0$ and $5 - x > 0$, so $[2, 5)$.",
)
add(
    C,
    r"2 \leq x < 5",
    "[2,5)",
    True,
    "double inequality with leq",
    r"Both conditions give $2 \leq x < 5$.",
)
add(
    C,
    r"x < -1 \text{ or } x > 2",
    r"(-\infty,-1)\cup(2,\infty)",
    True,
    "or-inequalities vs union",
    r"$(x + 1)(x - 2) > 0$ holds outside the roots: $x < -1$ or $x > 2$.",
)
add(
    C,
    "[-3, 3]",
    r"-3 \le x \le 3",
    True,
    "closed interval",
    r"$x^2 \le 9$ means $|x| \le 3$, i.e. $[-3, 3]$.",
)
add(
    C,
    r"x \ge 4",
    r"[4, \infty)",
    True,
    "geq vs closed ray",
    r"$\sqrt{x - 4}$ is defined when $x \ge 4$.",
)
add(C, r"(0, \infty)", "x>0", True, "open ray", r"$\ln x$ is defined on $(0, \infty)$.")
add(
    C,
    r"\left(-\infty, 1\right] \cup \left[4, \infty\right)",
    r"(-\infty,1]\cup[4,\infty)",
    True,
    "left/right delimiters",
    r"$x^2 - 5x + 4 \ge 0$ factors as $(x-1)(x-4) \ge 0$, which holds outside $(1, 4)$.",
)
add(
    C,
    "x > -2",
    r"(-2,\infty)",
    True,
    "inequality vs ray",
    r"Dividing $-3x < 6$ by $-3$ flips the sign: $x > -2$.",
)
add(
    C,
    r"\left[ \frac{1}{2}, 3 \right)",
    "[0.5, 3)",
    True,
    "fraction endpoint vs decimal",
    r"The solution set is $\left[\frac12, 3\right)$.",
)
add(
    C,
    "(-2, 2)",
    "|x|<2",
    True,
    "interval vs absolute-value inequality",
    r"$x^2 < 4$ holds exactly for $-2 < x < 2$.",
)
add(
    C,
    "3 > x",
    r"(-\infty, 3)",
    True,
    "reversed inequality",
    r"Rearranging $7 > 2x + 1$ gives $3 > x$.",
)
add(
    C,
    r"\mathbb{R}",
    r"(-\infty,\infty)",
    True,
    "all reals symbol",
    r"$x^2 + 1 > 0$ for every real $x$, so the solution set is all real numbers.",
)
add(
    C,
    r"x \in [1,5]",
    "[1,5]",
    True,
    "membership notation",
    r"$|x - 3| \le 2$ gives $1 \le x \le 5$, i.e. $x \in [1, 5]$.",
)
add(C, r"-1 < x \le 4", "(-1, 4]", True, "mixed double inequality", r"Combining, $-1 < x \le 4$.")
add(
    C,
    r"(-\infty, -2] \cup [2, \infty)",
    r"x\le -2 \text{ or } x \ge 2",
    True,
    "union vs or-inequalities",
    r"$|x| \ge 2$ gives $(-\infty, -2] \cup [2, \infty)$.",
)
add(
    C,
    r"(1, \infty)",
    r"(1,\infty)",
    True,
    "earlier candidate superseded",
    r"Since the base $\frac12 < 1$, the inequality flips: $x > 1$.",
    alt=r"(-\infty, 1)",
)
add(
    C,
    r"(-\infty,3]",
    "x<3",
    False,
    "closed instead of open endpoint",
    r"So $x \le 3$, i.e. $(-\infty, 3]$.",
)
add(C, "(2,5)", "[2,5)", False, "open instead of closed endpoint", r"The domain is $(2, 5)$.")
add(C, "x>3", r"(-\infty,3)", False, "inequality direction reversed", r"So $x > 3$.")
add(
    C,
    "(-1,2)",
    r"(-\infty,-1)\cup(2,\infty)",
    False,
    "inside instead of outside the roots",
    r"$(x+1)(x-2) > 0$ holds between the roots: $(-1, 2)$.",
)
add(C, "[-3, 3)", "[-3,3]", False, "one endpoint open", r"So $x \in [-3, 3)$.")
add(C, "x>4", r"[4,\infty)", False, "strict instead of non-strict", r"So $x > 4$.")
add(C, r"(-\infty, 0)", "x>0", False, "wrong side", r"The domain is $(-\infty, 0)$.")
add(
    C,
    "[0.5, 3]",
    r"[\frac12, 3)",
    False,
    "closed instead of open right endpoint",
    r"The solution set is $[0.5, 3]$.",
)
add(
    C,
    r"(-2,\infty)",
    r"(2,\infty)",
    False,
    "endpoint sign error",
    r"So $x > -2$, i.e. $(-2, \infty)$.",
)
add(C, r"-1 \le x \le 4", "(-1,4]", False, "closed left endpoint", r"Combining, $-1 \le x \le 4$.")
add(
    C,
    r"(-\infty,1)\cup(4,\infty)",
    r"(-\infty,1]\cup[4,\infty)",
    False,
    "open instead of closed endpoints in a union",
    r"The solution is $(-\infty, 1) \cup (4, \infty)$.",
)
add(C, "x < 2", "(-2,2)", False, "missing lower bound", r"So $x < 2$.")
add(C, "[1,5]", "[1,6]", False, "wrong endpoint", r"So $x \in [1, 5]$.")
add(C, r"(-\infty, -3)", r"(-\infty,3)", False, "endpoint sign error", r"So $x < -3$.")
add(
    C,
    r"[0, 2\pi)",
    r"0 \le \theta < 2\pi",
    True,
    "interval with pi endpoint",
    r"One full turn, starting at $0$ and excluding $2\pi$: $[0, 2\pi)$.",
)
add(
    C,
    r"\left(-\frac{3}{2}, \infty\right)",
    r"(-1.5,\infty)",
    True,
    "fraction endpoint vs decimal",
    r"From $2x + 3 > 0$ we get $x > -\frac{3}{2}$.",
)

# ------------------------------------------------------------------------------------------------
# set_tuple
# ------------------------------------------------------------------------------------------------
C = "set_tuple"
add(
    C,
    "1, 2, 3",
    "3, 2, 1",
    True,
    "unordered list, different order",
    r"The roots of $(x-1)(x-2)(x-3) = 0$ are $1$, $2$ and $3$.",
)
add(
    C,
    "-3, 2",
    "2, -3",
    True,
    "unordered roots",
    r"$x^2 + x - 6 = (x + 3)(x - 2)$, so the solutions are $-3$ and $2$.",
)
add(
    C,
    r"x = 2, \ x = -3",
    "2,-3",
    True,
    "list of assignments",
    r"$x^2 + x - 6 = 0$ factors as $(x - 2)(x + 3) = 0$.",
)
add(
    C,
    "(1, 2)",
    "(1,2)",
    True,
    "ordered pair with spacing",
    r"Adding the equations gives $2x = 2$, so $x = 1$ and then $y = 2$.",
)
add(
    C,
    "(3, -1)",
    "(3,-1)",
    True,
    "earlier candidate superseded",
    r"Substituting $y = -1$ back, $x = 3$. The intersection point is $(3, -1)$.",
    alt="(-1, 3)",
)
add(
    C,
    r"\{1, 4, 9\}",
    "1,4,9",
    True,
    "braced set vs bare list",
    r"The perfect squares less than $10$ are $1$, $4$ and $9$.",
)
add(
    C,
    r"(\frac12, 3)",
    "(0.5, 3)",
    True,
    "fraction coordinate vs decimal",
    r"The vertex is at $\left(\frac12, 3\right)$.",
)
add(
    C,
    r"\left( 2, -\frac{1}{3} \right)",
    "(2, -1/3)",
    True,
    "left/right delimiters in pair",
    r"Solving the system gives $x = 2$ and $y = -\frac13$.",
)
add(
    C,
    r"\begin{pmatrix} 1 \\ -2 \end{pmatrix}",
    r"\begin{pmatrix}1\\-2\end{pmatrix}",
    True,
    "column vector spacing",
    r"The projection is $\begin{pmatrix} 1 \\ -2 \end{pmatrix}$.",
)
add(
    C,
    r"\begin{pmatrix} \frac{1}{2} & 0 \\ 0 & 2 \end{pmatrix}",
    r"\begin{pmatrix}0.5&0\\0&2\end{pmatrix}",
    True,
    "matrix entries as fraction vs decimal",
    r"The inverse of $\operatorname{diag}(2, \frac12)$ is $\operatorname{diag}(\frac12, 2)$.",
)
add(
    C,
    r"2, 2\sqrt{2}, 4",
    r"4, \sqrt{8}, 2",
    True,
    "unordered list with radical forms",
    r"The three terms of the geometric sequence are $2$, $2\sqrt2$ and $4$.",
)
add(
    C,
    "1+i, 1-i",
    "1-i, 1+i",
    True,
    "complex conjugate roots",
    r"$z^2 - 2z + 2 = 0$ gives $z = 1 \pm i$.",
)
add(
    C,
    "(2, 3, -1)",
    "(2,3,-1)",
    True,
    "ordered triple",
    r"Back-substitution gives $z = -1$, $y = 3$, $x = 2$.",
)
add(
    C,
    r"\frac{1}{2}, -1",
    "-1, 0.5",
    True,
    "unordered roots, fraction vs decimal",
    r"$2x^2 + x - 1 = (2x - 1)(x + 1)$, so $x = \frac12$ or $x = -1$.",
)
add(
    C,
    "0, 1",
    r"\{0,1\}",
    True,
    "bare list vs braced set reference",
    r"$x^2 = x$ gives $x(x - 1) = 0$.",
)
add(
    C,
    "(1,2), (2,1)",
    "(2,1),(1,2)",
    True,
    "unordered list of ordered pairs",
    r"The system $x + y = 3$, $xy = 2$ has the two solutions $(1,2)$ and $(2,1)$.",
)
add(C, "3, 5, 7", "7,5,3", True, "reversed list", r"The odd primes below $9$ are $3$, $5$ and $7$.")
add(
    C,
    "(-1, 0)",
    "(-1,0)",
    True,
    "pair, stated in words first",
    r"The graph crosses the $x$-axis at negative one, so the point is $(-1, 0)$.",
)
add(C, "(2, 1)", "(1,2)", False, "ordered pair swapped", r"So $x = 2$ and $y = 1$.")
add(C, "1, 2", "1, 2, 3", False, "missing root", r"The roots are $1$ and $2$.")
add(
    C,
    "-2, 3",
    "2, -3",
    False,
    "both signs wrong",
    r"$x^2 + x - 6 = (x - 3)(x + 2)$, so $-2$ and $3$.",
)
add(
    C, "(3, 1)", "(3,-1)", False, "sign error in coordinate", r"The intersection point is $(3, 1)$."
)
add(C, r"\{1, 4\}", "1,4,9", False, "missing element", r"The perfect squares are $1$ and $4$.")
add(
    C,
    r"\begin{pmatrix} -2 \\ 1 \end{pmatrix}",
    r"\begin{pmatrix}1\\-2\end{pmatrix}",
    False,
    "vector components swapped",
    r"The projection is $\begin{pmatrix} -2 \\ 1 \end{pmatrix}$.",
)
add(
    C,
    "(2, -3, -1)",
    "(2,3,-1)",
    False,
    "sign error in one coordinate",
    r"Back-substitution gives $(2, -3, -1)$.",
)
add(
    C,
    "1+i",
    "1-i, 1+i",
    False,
    "only one of two roots",
    r"The root with positive imaginary part is $1 + i$.",
)
add(
    C,
    "(0.5, -3)",
    r"(\frac12, 3)",
    False,
    "sign error in second coordinate",
    r"The vertex is $(0.5, -3)$.",
)
add(
    C,
    r"\begin{pmatrix} 2 & 0 \\ 0 & \frac12 \end{pmatrix}",
    r"\begin{pmatrix}0.5&0\\0&2\end{pmatrix}",
    False,
    "matrix instead of its inverse",
    r"The inverse is $\begin{pmatrix} 2 & 0 \\ 0 & \frac12 \end{pmatrix}$.",
)
add(C, "3, 5", "3, 5, 7", False, "missing element", r"The odd primes are $3$ and $5$.")
add(C, "(1, 2, 3)", "(3, 2, 1)", False, "ordered triple reversed", r"So $(x, y, z) = (1, 2, 3)$.")
add(C, "0, -1", "0, 1", False, "sign error in one element", r"$x(x + 1) = 0$ gives $0$ and $-1$.")
add(
    C,
    "(2,1), (1,3)",
    "(2,1),(1,2)",
    False,
    "one wrong pair in a list",
    r"The solutions are $(2,1)$ and $(1,3)$.",
)

# ------------------------------------------------------------------------------------------------
# multiple_choice
# ------------------------------------------------------------------------------------------------
C = "multiple_choice"
add(
    C,
    "C",
    "C",
    True,
    "bare letter",
    r"Testing each option, only $x = 4$ satisfies both equations, which is choice (C).",
)
add(
    C,
    r"\text{(C)}",
    "C",
    True,
    "letter in text with parentheses",
    r"The value $\frac{7}{2}$ matches option (C).",
)
add(
    C,
    "(B)",
    "B",
    True,
    "letter in parentheses",
    r"Option (A) gives $10$, option (B) gives $12$, which is the required total.",
)
add(
    C,
    r"\textbf{(D)}",
    "D",
    True,
    "AMC-style bold letter",
    r"The area is $\frac{3}{8}$ of the square, which is answer $\textbf{(D)}$.",
)
add(C, "A", "(A)", True, "reference in parentheses", r"The only even prime is $2$, option A.")
add(
    C,
    r"\mathrm{(E)}",
    "E",
    True,
    "mathrm letter",
    r"None of the first four values works, so the answer is (E).",
)
add(
    C,
    "B",
    "B",
    True,
    "earlier letter superseded",
    r"Recounting the lattice points gives $13$, which is choice B.",
    alt="D",
)
raw(
    C,
    "Let's eliminate the options one at a time.\n\n- (A) $x = 1$: $1 + 1 \\ne 5$.\n"
    "- (B) $x = 2$: $4 + 2 = 6 \\ne 5$.\n- (C) $x = \\frac{-1 + \\sqrt{21}}{2}$: satisfies "
    "$x^2 + x = 5$.\n\nComparing with the options, the answer is (C).",
    "C",
    True,
    "no box; 'the answer is (C)'",
)
add(
    C,
    r"\textbf{(A) }12",
    "A",
    True,
    "AMC letter followed by its value",
    r"Therefore the number of handshakes is $\binom{4}{2} \cdot 2 = 12$.",
)
add(
    C,
    r"\text{D}",
    "D",
    True,
    "letter in text",
    r"Statement D is the only one that holds for all real $x$.",
)
add(
    C,
    "E",
    "E",
    True,
    "other letters and their values in the reasoning",
    r"The sum of the digits is $18$, which is listed as (E). Options (A) through (D) give "
    r"$14$, $15$, $16$ and $17$.",
)
add(C, "D", "D", True, "markdown template", r"The remainder is $3$, which is option D.")
add(
    C,
    r"\text{B}",
    "(B)",
    True,
    "text letter vs parenthesised reference",
    r"Only the graph in B is symmetric about the origin.",
)
add(
    C,
    "C",
    r"\text{(C)}",
    True,
    "bare letter vs text reference",
    r"The slope is $-\frac{2}{3}$, which is option C.",
)
add(
    C,
    "A",
    "A",
    True,
    "letter stated in words first",
    r"The correct choice is the first one, option A, since $\log_2 32 = 5$.",
)
add(C, "(E)", "E", True, "parenthesised letter", r"The probability $\frac{5}{16}$ is answer (E).")
raw(
    C,
    "**Answer: (B)**\n\nThe answer is (B) because the triangle with sides 5, 12, 13 is "
    "right-angled, so its area is $\\frac{5 \\cdot 12}{2} = 30$.",
    "B",
    True,
    "no box; 'the answer is (B)' followed by explanation with numbers",
)
add(
    C,
    r"\textbf{(C)}",
    "C",
    True,
    "bold letter",
    r"The median of the data set is $7$, answer $\textbf{(C)}$.",
)
add(C, "B", "C", False, "wrong letter", r"I think the answer is B since $x = 3$ works.")
add(
    C,
    r"\text{(A)}",
    "D",
    False,
    "wrong letter in text",
    r"The value $\frac{3}{2}$ matches option (A).",
)
add(
    C,
    "B",
    "C",
    False,
    "correct letter superseded by a wrong last box",
    r"On reflection, option B fits better.",
    alt="C",
)
add(C, "E", "(D)", False, "adjacent letter", r"The count is $25$, which is (E).")
add(C, "(C)", "B", False, "wrong letter in parentheses", r"The total $14$ matches option (C).")
add(C, r"\textbf{(B)}", "E", False, "wrong bold letter", r"So the answer is $\textbf{(B)}$.")
raw(
    C,
    "Checking the choices: (A) fails because the sum is odd; (B) and (D) exceed 100.\n\n"
    "So the answer is (A).",
    "C",
    False,
    "no box; wrong letter",
)
add(C, "D", "A", False, "wrong letter", r"The answer matches option D.")
add(C, r"\textbf{(C) }15", "A", False, "wrong AMC letter with value", r"The count is $15$.")
add(C, "A", "B", False, "wrong letter", r"Option A gives $2$, which is what we computed.")
add(C, "C", "E", False, "wrong letter", r"The remainder $4$ is choice C.")
add(C, "(D)", "C", False, "wrong parenthesised letter", r"So the answer is (D).")
add(
    C,
    r"\text{(B)}",
    r"\text{(B)}",
    True,
    "both in text with parentheses",
    r"Only the second expression is an integer, option (B).",
)
add(
    C,
    r"\textbf{(E)}",
    "E",
    True,
    "bold letter",
    r"The largest of the five values is the last one, $\textbf{(E)}$.",
)
add(
    C,
    "B",
    "A",
    False,
    "adjacent wrong letter",
    r"Option B gives the smallest value, $\frac{1}{4}$.",
)

# ------------------------------------------------------------------------------------------------
# text
# ------------------------------------------------------------------------------------------------
C = "text"
add(
    C,
    r"\text{yes}",
    "Yes",
    True,
    "case difference",
    r"Since $2^{10} = 1024 > 1000$, yes, it is possible.",
)
add(
    C,
    "No",
    "no",
    True,
    "case difference, bare word",
    r"The sum of two odd numbers is even, so it cannot equal $15$. No.",
)
add(
    C,
    r"\text{Tuesday}",
    "Tuesday",
    True,
    "weekday",
    r"$100 = 7 \cdot 14 + 2$, so $100$ days after Sunday is two days after Sunday, a Tuesday.",
)
add(
    C,
    "even",
    r"\text{even}",
    True,
    "bare word vs text reference",
    r"$f(-x) = (-x)^4 + (-x)^2 = f(x)$, so $f$ is even.",
)
add(
    C,
    r"\text{odd}",
    "odd",
    True,
    "parity of a function",
    r"$f(-x) = -x^3 + x = -f(x)$, so the function is odd.",
)
add(
    C,
    r"\text{Alice}",
    "Alice",
    True,
    "name",
    r"Alice finishes in $12$ minutes while Bob needs $15$, so Alice wins.",
)
add(C, r"\text{Sunday}", "Sunday", True, "weekday", r"$7$ days after a Sunday is again a Sunday.")
add(
    C,
    r"\text{parabola}",
    "parabola",
    True,
    "conic type",
    r"Only one variable is squared in $y = x^2 + 3x$, so the curve is a parabola.",
)
add(
    C,
    r"\text{ellipse}",
    r"\text{ellipse}",
    True,
    "conic type, both in text",
    r"Both squared terms have positive coefficients that differ, so it is an ellipse.",
)
add(
    C,
    r"\text{East}",
    "east",
    True,
    "direction, case difference",
    r"After turning right twice from west, she faces east.",
)
add(
    C,
    r"\text{neither}",
    "neither",
    True,
    "parity: neither",
    r"$f(-x) = x^2 - x$ is neither $f(x)$ nor $-f(x)$, so the function is neither.",
)
add(
    C,
    r"\text{circle}",
    "circle",
    True,
    "conic type",
    r"Completing the square gives $(x-1)^2 + (y+2)^2 = 4$, a circle.",
)
add(
    C,
    r"\text{Carla}",
    "Carla",
    True,
    "name, earlier candidate superseded",
    r"Recomputing the averages, Carla's $91$ beats Dana's $89$.",
    alt=r"\text{Dana}",
)
add(
    C,
    r"\text{true}",
    "True",
    True,
    "truth value, case difference",
    r"By the AM-GM inequality the statement holds for all positive reals, so it is true.",
)
add(
    C,
    r"\text{Saturday}",
    "Saturday",
    True,
    "weekday, stated in words first",
    r"Counting forward $19$ days from a Monday: $19 = 2 \cdot 7 + 5$, so Saturday.",
)
add(
    C,
    r"\text{yes}",
    "no",
    False,
    "opposite answer",
    r"Since $2^{9} = 512 < 1000$... yes, it works.",
)
add(
    C,
    r"\text{Monday}",
    "Tuesday",
    False,
    "off-by-one weekday",
    r"$100 = 7 \cdot 14 + 2$, hmm, that is one day after Sunday: Monday.",
)
add(C, r"\text{odd}", "even", False, "wrong parity", r"So the function is odd.")
add(
    C,
    r"\text{hyperbola}",
    "ellipse",
    False,
    "wrong conic",
    r"The coefficients have opposite signs, so it is a hyperbola.",
)
add(C, r"\text{Bob}", "Alice", False, "wrong name", r"Bob wins the race.")
add(C, r"\text{West}", "East", False, "opposite direction", r"She ends up facing west.")
add(C, r"\text{neither}", "odd", False, "wrong parity", r"So the function is neither even nor odd.")
add(C, r"\text{even}", "neither", False, "wrong parity", r"So the function is even.")
add(C, r"\text{Carl}", "Carla", False, "similar but different name", r"Carl has the highest score.")
add(C, r"\text{line}", "parabola", False, "wrong curve", r"The graph is a line.")
add(C, r"\text{no}", "yes", False, "opposite answer", r"It is not possible, so no.")
add(
    C,
    r"\text{Friday}",
    "Saturday",
    False,
    "off-by-one weekday",
    r"Counting forward, the day is Friday.",
)
add(
    C,
    r"\text{false}",
    "true",
    False,
    "opposite truth value",
    r"A counterexample exists, so the statement is false.",
)
add(C, r"\text{circle}", "ellipse", False, "special case named instead", r"The curve is a circle.")
add(
    C,
    r"\text{Dana}",
    "Carla",
    False,
    "correct name superseded by a wrong last box",
    r"Actually Dana has the higher average.",
    alt=r"\text{Carla}",
)
add(
    C,
    r"\text{Yes}",
    r"\text{yes}",
    True,
    "case difference inside text on both sides",
    r"Since $91 = 7 \cdot 13$ is composite, yes, $91$ can be written as a product of two primes.",
)
add(
    C,
    r"\text{Thursday}",
    "Thursday",
    True,
    "weekday",
    r"$31$ days after a Tuesday: $31 = 4 \cdot 7 + 3$, so Tuesday plus three days is Thursday.",
)
add(
    C,
    r"\text{right}",
    "right",
    True,
    "triangle type",
    r"Since $5^2 + 12^2 = 13^2$, the triangle is a right triangle.",
)
add(
    C,
    r"\text{obtuse}",
    "acute",
    False,
    "wrong triangle type",
    r"Since $7^2 > 4^2 + 5^2$... so the triangle is obtuse.",
)

# ------------------------------------------------------------------------------------------------
# units_percent_degrees
# ------------------------------------------------------------------------------------------------
C = "units_percent_degrees"
add(
    C,
    r"12 \text{ cm}",
    "12",
    True,
    "length with units",
    r"The perimeter of the equilateral triangle with side $4$ cm is $3 \cdot 4 = 12$ cm.",
)
add(
    C,
    r"\$4.50",
    "4.5",
    True,
    "dollar sign and trailing zero",
    r"Three pens at \$1.50 each cost $3 \times 1.50 = 4.50$ dollars.",
)
add(
    C,
    r"45^\circ",
    "45",
    True,
    "degrees vs bare number",
    r"The base angles of an isosceles right triangle are $\frac{180 - 90}{2} = 45$ degrees.",
)
add(
    C,
    r"60^{\circ}",
    r"\frac{\pi}{3}",
    True,
    "degrees vs radians",
    r"Each angle of an equilateral triangle measures $60^{\circ}$.",
)
add(
    C,
    r"50\%",
    "0.5",
    True,
    "percent vs decimal",
    r"Half of the $40$ students passed: $\frac{20}{40} = 50\%$.",
)
add(
    C,
    r"25\%",
    "25",
    True,
    "percent vs bare number",
    r"The discount is $\frac{15}{60} = 0.25 = 25\%$.",
)
add(
    C,
    "0.25",
    r"25\%",
    True,
    "decimal vs percent reference",
    r"The probability is $\frac{1}{4} = 0.25$.",
)
add(
    C,
    r"8\text{ m}^2",
    "8",
    True,
    "area units with exponent",
    r"The rectangle is $2$ m by $4$ m, so its area is $8$ m$^2$.",
)
add(
    C,
    r"90^\circ",
    r"\frac{\pi}{2}",
    True,
    "degrees vs radians",
    r"The angle inscribed in a semicircle is a right angle.",
)
add(
    C,
    r"\frac{\pi}{6}",
    r"30^\circ",
    True,
    "radians vs degree reference",
    r"$\sin\theta = \frac12$ with $\theta$ acute gives $\theta = \frac{\pi}{6}$.",
)
add(
    C,
    r"36 \text{ square units}",
    "36",
    True,
    "units as words",
    r"The square has side $6$, so area $36$.",
)
add(
    C,
    r"15\text{ mph}",
    "15",
    True,
    "speed units",
    r"She covers $45$ miles in $3$ hours: $\frac{45}{3} = 15$ miles per hour.",
)
add(
    C,
    r"\$1,250",
    "1250",
    True,
    "dollar sign with thousands separator",
    r"The total cost is $5 \times \$250 = \$1{,}250$.",
)
add(
    C,
    r"120^\circ",
    r"\frac{2\pi}{3}",
    True,
    "degrees vs radians",
    r"Each interior angle of a regular hexagon is $\frac{(6-2) \cdot 180^\circ}{6} = 120^\circ$.",
)
add(
    C,
    r"12.5\%",
    "0.125",
    True,
    "fractional percent vs decimal",
    r"The price rose from \$80 to \$90, an increase of $\frac{10}{80} = 12.5\%$.",
)
add(
    C,
    r"3 \text{ hours}",
    "3",
    True,
    "time units",
    r"Working together they finish in $\frac{1}{\frac16 + \frac16} = 3$ hours.",
)
add(
    C,
    r"75 \text{ dollars}",
    r"\$75",
    True,
    "word units vs dollar reference",
    r"She spends $3 \times 25 = 75$ dollars.",
)
add(
    C,
    r"40\%",
    r"\frac{2}{5}",
    True,
    "percent vs fraction",
    r"$\frac{8}{20} = 40\%$ of the marbles are green.",
)
add(
    C,
    r"135^\circ",
    "135",
    True,
    "degrees, stated in words first",
    r"Each exterior angle of a regular octagon is $45^\circ$, so each interior angle is one "
    r"hundred thirty-five degrees.",
)
add(
    C,
    r"5\,\text{kg}",
    r"5 \text{ kg}",
    True,
    "units on both sides",
    r"The total mass is $2 + 3 = 5$ kg.",
)
add(C, r"60^\circ", r"\frac{\pi}{6}", False, "60 degrees vs pi/6", r"The angle is $60^\circ$.")
add(C, r"25\%", "0.025", False, "percent off by a factor of ten", r"The discount is $25\%$.")
add(C, r"12\text{ cm}", "13", False, "wrong value with units", r"The perimeter is $12$ cm.")
add(C, r"\$4.05", "4.5", False, "digit slip in money", r"The total is \$4.05.")
add(C, r"45^\circ", r"135^\circ", False, "supplement confusion", r"The angle is $45^\circ$.")
add(C, r"30^\circ", "60", False, "complement confusion", r"The other acute angle is $30^\circ$.")
add(C, r"5\%", "0.5", False, "5% is neither 0.5 nor 50", r"The rate is $5\%$.")
add(C, r"8 \text{ m}", "16", False, "wrong value with units", r"The side is $8$ m.")
add(C, r"\frac{\pi}{4}", r"90^\circ", False, "pi/4 is 45 degrees", r"The angle is $\frac{\pi}{4}$.")
add(C, r"80\%", "0.08", False, "percent vs decimal off by ten", r"The success rate is $80\%$.")
add(C, r"\$12.50", "125", False, "decimal slip with dollars", r"The cost is \$12.50.")
add(
    C,
    r"150^\circ",
    r"\frac{2\pi}{3}",
    False,
    "150 degrees vs 2pi/3 = 120 degrees",
    r"Each interior angle is $150^\circ$.",
)
add(
    C,
    r"14 \text{ square units}",
    "36",
    False,
    "wrong area with units",
    r"The area is $14$ square units.",
)

# ------------------------------------------------------------------------------------------------
# latex_formatting
# ------------------------------------------------------------------------------------------------
C = "latex_formatting"
add(
    C,
    r"\dfrac{1}{2}",
    r"\frac12",
    True,
    "dfrac vs compact frac",
    r"The probability of heads is $\dfrac{1}{2}$.",
)
add(
    C,
    r"\tfrac{3}{4}",
    "0.75",
    True,
    "tfrac",
    r"Three quarters of the tank is full: $\tfrac{3}{4}$.",
)
add(
    C,
    r"\frac 12",
    r"\frac{1}{2}",
    True,
    "frac without braces",
    r"The ratio simplifies to $\frac 12$.",
)
add(
    C,
    r"\left(\frac{1}{2}\right)",
    "0.5",
    True,
    "left/right parentheses around a number",
    r"The value is $\left(\frac{1}{2}\right)$.",
)
add(
    C,
    r"\sqrt3",
    r"\sqrt{3}",
    True,
    "sqrt without braces",
    r"The height of the equilateral triangle with side $2$ is $\sqrt3$.",
)
add(C, "x^{2}+1", "x^2+1", True, "braced exponent", r"The composition is $f(g(x)) = x^{2} + 1$.")
add(
    C,
    r"\displaystyle \frac{7}{3}",
    r"\frac{7}{3}",
    True,
    "displaystyle prefix",
    r"The sum of the series is $\displaystyle \frac{7}{3}$.",
)
add(C, "2^{10}", "1024", True, "unevaluated power", r"There are $2^{10}$ subsets.")
add(C, "{12}", "12", True, "extra braces", r"The answer is twelve.")
add(C, r"\mathbf{7}", "7", True, "bold number", r"The minimum value is $7$.")
add(C, "\u22125", "-5", True, "unicode minus sign", "The sum of the roots is \u22125.")
add(
    C,
    "\u221a2",
    r"\sqrt{2}",
    True,
    "unicode square root",
    "The diagonal of the unit square is \u221a2.",
)
add(
    C,
    "3\u03c0",
    r"3\pi",
    True,
    "unicode pi",
    "The circumference of a circle of diameter 3 is 3\u03c0.",
)
add(
    C,
    r"2 \times 10^{3}",
    "2000",
    True,
    "times-ten notation",
    r"Two thousand meters is $2 \times 10^3$ meters.",
)
add(
    C,
    r"\frac{\sqrt 3}{2}",
    r"\frac{\sqrt{3}}{2}",
    True,
    "unbraced sqrt inside frac",
    r"$\sin 60^\circ = \frac{\sqrt 3}{2}$.",
)
add(
    C,
    r"\left[ 1, 4 \right]",
    "[1,4]",
    True,
    "left/right brackets",
    r"The range of $f$ on $[0, 3]$ is $\left[1, 4\right]$.",
)
add(
    C,
    r"0.\overline{3}",
    r"\frac13",
    True,
    "repeating decimal notation",
    r"$1 \div 3 = 0.333\ldots = 0.\overline{3}$.",
)
add(
    C,
    r"\dfrac{-1}{3}",
    r"-\frac13",
    True,
    "dfrac with negative numerator",
    r"The slope is $\dfrac{-1}{3}$.",
)
raw(
    C,
    "We simplify: \\\\frac{2}{8} reduces to one quarter.\\n\\nTherefore the answer is "
    "$\\\\boxed{\\\\frac{1}{4}}$.",
    r"\frac14",
    True,
    "JSON-doubled backslashes and a literal \\n",
)
add(C, r"\boxed{5}", "5", True, "box nested in a box", r"The number of edges is $5$.")
add(
    C,
    r"x \cdot y",
    "xy",
    True,
    "explicit cdot vs implicit product",
    r"The area of the rectangle with sides $x$ and $y$ is $x \cdot y$.",
)
add(C, r"\dfrac{2}{1}", r"\frac12", False, "inverted fraction", r"The ratio is $\dfrac{2}{1}$.")
add(C, "2^{9}", "1024", False, "off-by-one exponent", r"There are $2^9$ subsets.")
add(C, "\u22125", "5", False, "unicode minus makes it negative", "The sum of the roots is \u22125.")
add(C, "\u221a3", r"\sqrt{2}", False, "unicode root, wrong radicand", "The diagonal is \u221a3.")
add(C, "x^{3}+1", "x^2+1", False, "wrong exponent", r"The composition is $x^{3} + 1$.")
add(
    C,
    r"\left(\frac{1}{3}\right)",
    "0.5",
    False,
    "wrong value in delimiters",
    r"The value is $\left(\frac13\right)$.",
)
add(
    C,
    r"0.\overline{6}",
    r"\frac{1}{6}",
    False,
    "0.666... is 2/3, not 1/6",
    r"$2 \div 3 = 0.\overline{6}$.",
)
add(C, r"\mathbf{8}", "7", False, "wrong bold number", r"The minimum value is $8$.")
add(C, "2\u03c0", r"3\pi", False, "unicode pi, wrong coefficient", "The circumference is 2\u03c0.")
add(C, "10^{3}", "100", False, "wrong power", r"There are $10^3$ three-digit strings.")
add(C, r"\tfrac{4}{3}", "0.75", False, "inverted tfrac", r"The ratio is $\tfrac{4}{3}$.")

# ------------------------------------------------------------------------------------------------
# no_box: answers without any \boxed{}
# ------------------------------------------------------------------------------------------------
C = "no_box"
raw(
    C,
    "Sam starts with 25 apples, gives 4 to each of his 2 sisters and eats 3.\n"
    "25 - 8 - 3 = 14. Then he buys 4 more: 14 + 4 = 18.\n\nThe answer is 18.",
    "18",
    True,
    "'The answer is N.'",
)
raw(
    C,
    "Natalia sold 48 clips in April and half as many in May: 48 / 2 = 24.\n"
    "In total she sold 48 + 24 = 72 clips.\n#### 72",
    "72",
    True,
    "GSM8K #### format",
)
raw(
    C,
    "The probability is the number of favourable outcomes over the total: $\\frac{6}{10}"
    " = \\frac{3}{5}$.\n\nFinal Answer: The final answer is $\\frac{3}{5}$. I hope it is "
    "correct.",
    "0.6",
    True,
    "Minerva-style final line with fraction vs decimal reference",
)
raw(
    C,
    "Move the constant: $3x - 2 = 10 \\Rightarrow 3x = 12$. The answer is $x = 4$.",
    "4",
    True,
    "'the answer is' with an assignment",
)
raw(
    C,
    "Each of the 3 shelves holds 5 books, so 3 * 5 = 15 books fit.\n\n**Answer:** 15",
    "15",
    True,
    "bold Answer label, last number",
)
raw(
    C,
    "The rectangle's diagonal is the diameter of the circle, $\\sqrt{6^2 + 8^2} = 10$, so "
    "the radius is $5$ and the area is $25\\pi$. Subtracting the rectangle's area $48$... "
    "no, the question only asks for the circle, whose area is $25\\pi$.",
    "25\\pi",
    True,
    "last math span",
)
raw(
    C,
    "The phone costs \\$800 and the case \\$400, so the answer is 1,200 dollars.",
    "1200",
    True,
    "'the answer is' with thousands separator and units",
)
raw(
    C,
    "We have $n(n-1)/2 = 21$, so $n^2 - n - 42 = 0$, $(n-7)(n+6) = 0$. Since $n > 0$, $n = 7$.",
    "7",
    True,
    "last math span is an assignment",
)
raw(
    C,
    "Comparing the four expressions, (B) is the only one that is always positive.\n\n"
    "The answer is (B).",
    "B",
    True,
    "'the answer is (B)'",
)
raw(
    C,
    "Step 1: there are 9 red and 3 blue marbles, 12 in all.\nStep 2: the fraction that "
    "is red is 9/12.\nStep 3: reduce by 3.\n\nThe answer is 3/4.",
    "0.75",
    True,
    "'The answer is' with a slash fraction",
)
raw(
    C,
    "Multiply both sides by $2$ to get $x = 17$.\n\nFinal answer: 17",
    "17",
    True,
    "plain 'Final answer:' line",
)
raw(
    C,
    "The coin shows heads with probability $\\frac12$ and the die certainly shows a "
    "number at most 6, so the product is $\\frac12 \\cdot 1$. The answer is: $\\dfrac{1}{2}$",
    "0.5",
    True,
    "'The answer is:' with colon",
)
raw(
    C,
    "The perimeter is $4 \\times 5 = 20$ cm, so each side is 5 cm and the answer is 5 cm.",
    "5",
    True,
    "'the answer is' with units",
)
raw(
    C,
    "Combining like terms, $-2x - 1 = 5$ so $-2x = 6$. The final answer is $-3$.",
    "-3",
    True,
    "'The final answer is' negative",
)
raw(
    C,
    "By the distance formula, $\\sqrt{(3-1)^2 + (4-3)^2} = \\sqrt{4 + 1}$. Hence, the "
    "distance is $\\sqrt{5}$.",
    "\\sqrt5",
    True,
    "last math span is a radical",
)
raw(
    C,
    "The sale price is 75 out of 100, so the discount is 25 out of 100. So the answer is 25%.",
    "0.25",
    True,
    "'the answer is' with percent vs decimal reference",
)
raw(
    C,
    "Tom buys 3 shirts at \\$15 each: $3 \\times 15 = 45$. In total, Tom spends $\\$45$.",
    "45",
    True,
    "last math span with dollar sign",
)
raw(
    C,
    "Solving the system by elimination: $y = -1$, then $x = 2$. So the answer is $(2, -1)$.",
    "(2,-1)",
    True,
    "'the answer is' with an ordered pair",
)
raw(
    C,
    "At first glance the answer is 12, but that ignores the two teachers. Adding them, "
    "the answer is 14.",
    "14",
    True,
    "two 'answer is' phrases, the last is final",
)
raw(
    C,
    "She collects 5 stickers a day for 4 days, which gives 20, plus the 3 she already "
    "had, for a total of 23",
    "23",
    True,
    "bare last number at the end",
)
raw(
    C,
    "Sam starts with 25 apples, gives away 8 and eats 4: 25 - 8 - 4 = 13. Then he buys "
    "4 more: 13 + 4 = 17.\n\nThe answer is 17.",
    "18",
    False,
    "'The answer is' off by one",
)
raw(
    C,
    "April: 48 clips. May: half as many, 24. Total: 48 + 22 = 70.\n#### 70",
    "72",
    False,
    "GSM8K format, arithmetic slip",
)
raw(
    C,
    "Final Answer: The final answer is $\\frac{5}{3}$. I hope it is correct.",
    "0.6",
    False,
    "Minerva-style, inverted fraction",
)
raw(
    C,
    "Move the constant: $3x + 2 = -10 \\Rightarrow 3x = -12$. The answer is $x = -4$.",
    "4",
    False,
    "sign error in assignment",
)
raw(
    C,
    "Each of the 4 shelves holds 4 books, so 16 fit.\n\n**Answer:** 16",
    "15",
    False,
    "last number off by one",
)
raw(
    C,
    "The radius is $\\sqrt{12}$, so the area is $12\\pi$.",
    "24\\pi",
    False,
    "last math span, factor of two",
)
raw(
    C,
    "The first guess was 14, but after removing the teachers the answer is 12.",
    "14",
    False,
    "earlier correct number, final 'answer is' wrong",
)
raw(
    C,
    "She collects 5 stickers a day for 4 days, which gives 20, plus the 3 she already "
    "had, for a total of 23",
    "20",
    False,
    "last number is the total, not the partial sum",
)
raw(
    C,
    "Comparing the expressions, option (C) is always positive. The answer is (C).",
    "D",
    False,
    "'the answer is' wrong letter",
)
raw(C, "We need $n(n-1)/2 = 28$, so $n = 8$.", "7", False, "last math span wrong")
raw(
    C,
    "By elimination $x = -1$ and $y = 2$, so the answer is $(-1, 2)$.",
    "(2,-1)",
    False,
    "ordered pair swapped",
)
raw(C, "Hence the distance is $\\sqrt{3}$.", "\\sqrt5", False, "wrong radical")
raw(
    C,
    "The discount is 2.5 out of 100, so the answer is 2.5%.",
    "0.25",
    False,
    "percent off by a factor of ten",
)
raw(
    C,
    "Multiplying, 40 * 30 = 1,200, so the answer is 1,200.",
    "120",
    False,
    "factor of ten with thousands separator",
)


def fill(template: str, values: dict[str, str]) -> str:
    """Substitute {W}/{F}/{A} in one pass, so that a substituted value (e.g. the letter answer
    "A") is never itself taken for a placeholder."""
    pieces = re.split(r"\{([WFA])\}", template)
    return "".join(values[p] if i % 2 else p for i, p in enumerate(pieces))


def build() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    rows: list[dict[str, object]] = []
    for spec in CASES:
        if "response" in spec:
            response = str(spec["response"])
        else:
            if spec["alt"] is not None:
                template = rng.choice(REVISION_STYLES)
            else:
                template = rng.choice(STYLES)
            values = {"W": str(spec["work"]), "F": str(spec["final"]), "A": str(spec["alt"])}
            response = fill(template, values)
        rows.append(
            {
                "response": response,
                "answer": spec["answer"],
                "equal": spec["equal"],
                "category": spec["category"],
                "note": spec["note"],
            }
        )
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()
