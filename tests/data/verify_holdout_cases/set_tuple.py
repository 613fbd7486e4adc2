"""Held-out cases of the ``set_tuple`` category.

Unordered lists and sets against ordered pairs and tuples. Importing this module appends them to
``common.CASES``; ``make_verify_holdout.py`` imports the category modules in corpus order.
"""

from .common import add

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
