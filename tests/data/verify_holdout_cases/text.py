"""Held-out cases of the ``text`` category.

Word answers: case, weekdays, names, parity, conic types. Importing this module appends them to
``common.CASES``; ``make_verify_holdout.py`` imports the category modules in corpus order.
"""

from .common import add

C = "text"
add(
    C,
    r"\text{yes}",
    "Yes",
    True,
    "case difference",
    r"Since $2^{10} = 1024 > 1000$, yes, it is possible.",
)
add(
    C,
    "No",
    "no",
    True,
    "case difference, bare word",
    r"The sum of two odd numbers is even, so it cannot equal $15$. No.",
)
add(
    C,
    r"\text{Tuesday}",
    "Tuesday",
    True,
    "weekday",
    r"$100 = 7 \cdot 14 + 2$, so $100$ days after Sunday is two days after Sunday, a Tuesday.",
)
add(
    C,
    "even",
    r"\text{even}",
    True,
    "bare word vs text reference",
    r"$f(-x) = (-x)^4 + (-x)^2 = f(x)$, so $f$ is even.",
)
add(
    C,
    r"\text{odd}",
    "odd",
    True,
    "parity of a function",
    r"$f(-x) = -x^3 + x = -f(x)$, so the function is odd.",
)
add(
    C,
    r"\text{Alice}",
    "Alice",
    True,
    "name",
    r"Alice finishes in $12$ minutes while Bob needs $15$, so Alice wins.",
)
add(C, r"\text{Sunday}", "Sunday", True, "weekday", r"$7$ days after a Sunday is again a Sunday.")
add(
    C,
    r"\text{parabola}",
    "parabola",
    True,
    "conic type",
    r"Only one variable is squared in $y = x^2 + 3x$, so the curve is a parabola.",
)
add(
    C,
    r"\text{ellipse}",
    r"\text{ellipse}",
    True,
    "conic type, both in text",
    r"Both squared terms have positive coefficients that differ, so it is an ellipse.",
)
add(
    C,
    r"\text{East}",
    "east",
    True,
    "direction, case difference",
    r"After turning right twice from west, she faces east.",
)
add(
    C,
    r"\text{neither}",
    "neither",
    True,
    "parity: neither",
    r"$f(-x) = x^2 - x$ is neither $f(x)$ nor $-f(x)$, so the function is neither.",
)
add(
    C,
    r"\text{circle}",
    "circle",
    True,
    "conic type",
    r"Completing the square gives $(x-1)^2 + (y+2)^2 = 4$, a circle.",
)
add(
    C,
    r"\text{Carla}",
    "Carla",
    True,
    "name, earlier candidate superseded",
    r"Recomputing the averages, Carla's $91$ beats Dana's $89$.",
    alt=r"\text{Dana}",
)
add(
    C,
    r"\text{true}",
    "True",
    True,
    "truth value, case difference",
    r"By the AM-GM inequality the statement holds for all positive reals, so it is true.",
)
add(
    C,
    r"\text{Saturday}",
    "Saturday",
    True,
    "weekday, stated in words first",
    r"Counting forward $19$ days from a Monday: $19 = 2 \cdot 7 + 5$, so Saturday.",
)
add(
    C,
    r"\text{yes}",
    "no",
    False,
    "opposite answer",
    r"Since $2^{9} = 512 < 1000$... yes, it works.",
)
add(
    C,
    r"\text{Monday}",
    "Tuesday",
    False,
    "off-by-one weekday",
    r"$100 = 7 \cdot 14 + 2$, hmm, that is one day after Sunday: Monday.",
)
add(C, r"\text{odd}", "even", False, "wrong parity", r"So the function is odd.")
add(
    C,
    r"\text{hyperbola}",
    "ellipse",
    False,
    "wrong conic",
    r"The coefficients have opposite signs, so it is a hyperbola.",
)
add(C, r"\text{Bob}", "Alice", False, "wrong name", r"Bob wins the race.")
add(C, r"\text{West}", "East", False, "opposite direction", r"She ends up facing west.")
add(C, r"\text{neither}", "odd", False, "wrong parity", r"So the function is neither even nor odd.")
add(C, r"\text{even}", "neither", False, "wrong parity", r"So the function is even.")
add(C, r"\text{Carl}", "Carla", False, "similar but different name", r"Carl has the highest score.")
add(C, r"\text{line}", "parabola", False, "wrong curve", r"The graph is a line.")
add(C, r"\text{no}", "yes", False, "opposite answer", r"It is not possible, so no.")
add(
    C,
    r"\text{Friday}",
    "Saturday",
    False,
    "off-by-one weekday",
    r"Counting forward, the day is Friday.",
)
add(
    C,
    r"\text{false}",
    "true",
    False,
    "opposite truth value",
    r"A counterexample exists, so the statement is false.",
)
add(C, r"\text{circle}", "ellipse", False, "special case named instead", r"The curve is a circle.")
add(
    C,
    r"\text{Dana}",
    "Carla",
    False,
    "correct name superseded by a wrong last box",
    r"Actually Dana has the higher average.",
    alt=r"\text{Carla}",
)
add(
    C,
    r"\text{Yes}",
    r"\text{yes}",
    True,
    "case difference inside text on both sides",
    r"Since $91 = 7 \cdot 13$ is composite, yes, $91$ can be written as a product of two primes.",
)
add(
    C,
    r"\text{Thursday}",
    "Thursday",
    True,
    "weekday",
    r"$31$ days after a Tuesday: $31 = 4 \cdot 7 + 3$, so Tuesday plus three days is Thursday.",
)
add(
    C,
    r"\text{right}",
    "right",
    True,
    "triangle type",
    r"Since $5^2 + 12^2 = 13^2$, the triangle is a right triangle.",
)
add(
    C,
    r"\text{obtuse}",
    "acute",
    False,
    "wrong triangle type",
    r"Since $7^2 > 4^2 + 5^2$... so the triangle is obtuse.",
)
