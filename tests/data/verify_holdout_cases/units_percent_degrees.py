"""Held-out cases of the ``units_percent_degrees`` category.

Units, currency, percentages and degrees. Importing this module appends them to ``common.CASES``;
``make_verify_holdout.py`` imports the category modules in corpus order.
"""

from .common import add

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
