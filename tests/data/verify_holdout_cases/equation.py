"""Held-out cases of the ``equation`` category.

Equations and assignments: commuted sides, ``x=3`` against ``3``, forms of lines and circles.
Importing this module appends them to ``common.CASES``; ``make_verify_holdout.py`` imports the
category modules in corpus order.
"""

from .common import add

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
