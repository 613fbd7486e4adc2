"""Held-out cases of the ``no_box`` category.

Answers without any ``\\boxed{}``, found by "the answer is", ``####``, the last math span or the
last number. Importing this module appends them to ``common.CASES``; ``make_verify_holdout.py``
imports the category modules in corpus order.
"""

from .common import raw

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
