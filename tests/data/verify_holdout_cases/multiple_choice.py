"""Held-out cases of the ``multiple_choice`` category.

Letter answers in their many spellings. Importing this module appends them to ``common.CASES``;
``make_verify_holdout.py`` imports the category modules in corpus order.
"""

from .common import add, raw

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
