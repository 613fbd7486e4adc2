"""Held-out cases of the ``latex_formatting`` category.

LaTeX spelling variants: ``\\dfrac``, ``\\tfrac``, ``\\left``/``\\right``, braces,
``\\displaystyle``. Importing this module appends them to ``common.CASES``;
``make_verify_holdout.py`` imports the category modules in corpus order.
"""

from .common import add, raw

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
