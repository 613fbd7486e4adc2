"""Held-out cases of the ``interval_inequality`` category.

Intervals against inequalities: open and closed ends, rays, unions. Importing this module appends
them to ``common.CASES``; ``make_verify_holdout.py`` imports the category modules in corpus order.
"""

from .common import add

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
