"""Held-out cases of the ``algebraic_expression`` category.

Expressions: factored against expanded forms, combined fractions. Importing this module appends
them to ``common.CASES``; ``make_verify_holdout.py`` imports the category modules in corpus order.
"""

from .common import add

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
