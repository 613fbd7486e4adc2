"""Held-out cases of the ``fraction_decimal`` category.

Fractions against decimals, mixed numbers, exact values that round to a decimal reference.
Importing this module appends them to ``common.CASES``; ``make_verify_holdout.py`` imports the
category modules in corpus order.
"""

from .common import add

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
