"""Held-out cases of the ``numeric`` category.

Integers and plain decimals: thousands separators, signs, trailing zeros, scientific notation.
Importing this module appends them to ``common.CASES``; ``make_verify_holdout.py`` imports the
category modules in corpus order.
"""

from .common import add, raw

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
