"""Held-out cases of the ``radical_pi`` category.

Radicals and multiples of pi: simplified or not, rationalised denominators, decimal approximations.
Importing this module appends them to ``common.CASES``; ``make_verify_holdout.py`` imports the
category modules in corpus order.
"""

from .common import add

C = "radical_pi"
add(
    C,
    r"2\sqrt{3}",
    r"\sqrt{12}",
    True,
    "simplified radical vs unsimplified reference",
    r"The diagonal is $\sqrt{2^2 + (2\sqrt{2})^2} = \sqrt{4 + 8} = \sqrt{12} = 2\sqrt{3}$.",
)
add(
    C,
    r"\sqrt{12}",
    r"2\sqrt3",
    True,
    "unsimplified radical",
    r"By Pythagoras the hypotenuse is $\sqrt{2^2 + (2\sqrt2)^2} = \sqrt{12}$.",
)
add(
    C,
    r"\frac{\sqrt{2}}{2}",
    r"\frac{1}{\sqrt{2}}",
    True,
    "rationalised denominator",
    r"$\sin 45^\circ = \frac{\sqrt{2}}{2}$.",
)
add(
    C,
    r"\frac{\sqrt{3}}{3}",
    r"\frac{1}{\sqrt3}",
    True,
    "rationalised denominator",
    r"$\tan 30^\circ = \frac{1}{\sqrt{3}} = \frac{\sqrt{3}}{3}$.",
)
add(
    C,
    r"3\sqrt{2}",
    r"\sqrt{18}",
    True,
    "simplified radical",
    r"The distance from $(0,0)$ to $(3,3)$ is $\sqrt{9 + 9} = 3\sqrt{2}$.",
)
add(
    C,
    r"\frac{\pi}{4}",
    r"\pi/4",
    True,
    "frac vs slash",
    r"The angle whose tangent is $1$ in $(0, \pi/2)$ is $\frac{\pi}{4}$.",
)
add(
    C,
    r"4\pi",
    r"4 \pi",
    True,
    "spacing",
    r"The area of a circle of radius $2$ is $\pi \cdot 2^2 = 4\pi$.",
)
add(
    C,
    r"\frac{25\pi}{4}",
    r"6.25\pi",
    True,
    "fraction times pi vs decimal times pi",
    r"The radius is $\frac{5}{2}$, so the area is $\pi \left(\frac52\right)^2 = \frac{25\pi}{4}$.",
)
add(
    C,
    r"4+2\sqrt{3}",
    r"(1+\sqrt{3})^2",
    True,
    "expanded square",
    r"Expanding, $(1 + \sqrt3)^2 = 1 + 2\sqrt3 + 3 = 4 + 2\sqrt{3}$.",
)
add(
    C,
    r"\sqrt{2}+1",
    r"1+\sqrt{2}",
    True,
    "commuted sum",
    r"The positive root of $x^2 - 2x - 1 = 0$ is $x = 1 + \sqrt2$, i.e. $\sqrt{2} + 1$.",
)
add(
    C,
    r"\frac{1}{\sqrt{2}-1}",
    r"\sqrt2+1",
    True,
    "unrationalised but equal",
    r"The ratio of the segments is $\frac{1}{\sqrt{2}-1}$.",
)
add(
    C,
    r"2\sqrt{2}\pi",
    r"\pi\sqrt{8}",
    True,
    "product order and radical form",
    r"The circumference is $2\pi r$ with $r = \sqrt{2}$, so it is $2\sqrt{2}\pi$.",
)
add(
    C,
    r"2\sqrt[3]{2}",
    r"\sqrt[3]{16}",
    True,
    "cube root simplified",
    r"The edge of a cube of volume $16$ is $\sqrt[3]{16} = \sqrt[3]{8 \cdot 2} = 2\sqrt[3]{2}$.",
)
add(
    C,
    r"\frac{\sqrt{6}}{2}",
    r"\sqrt{\frac{3}{2}}",
    True,
    "root of a fraction rationalised",
    r"$\sqrt{\frac{3}{2}} = \frac{\sqrt3}{\sqrt2} = \frac{\sqrt{6}}{2}$.",
)
add(
    C,
    r"36\pi \text{ cubic units}",
    r"36\pi",
    True,
    "pi with units text",
    r"The sphere of radius $3$ has volume $\frac{4}{3}\pi \cdot 27 = 36\pi$.",
)
add(
    C,
    r"5\sqrt{5}",
    r"\sqrt{125}",
    True,
    "simplified radical",
    r"$\sqrt{125} = \sqrt{25 \cdot 5} = 5\sqrt{5}$.",
)
add(
    C,
    r"\frac{3\sqrt{3}}{2}",
    r"\frac{3}{2}\sqrt{3}",
    True,
    "coefficient placement",
    r"The area of the regular hexagon with side $1$ is $6 \cdot \frac{\sqrt3}{4} = "
    r"\frac{3\sqrt{3}}{2}$.",
)
add(
    C,
    r"2\pi",
    r"2\pi",
    True,
    "earlier candidate superseded",
    r"The period of $\sin x$ is $2\pi$.",
    alt=r"\pi",
)
add(
    C,
    r"10-2\sqrt{5}",
    r"2(5-\sqrt5)",
    True,
    "distributed factor",
    r"The length is $2(5 - \sqrt5) = 10 - 2\sqrt{5}$.",
)
add(
    C,
    r"4\pi",
    "12.57",
    True,
    "exact pi value rounds to the decimal reference",
    r"The area of a circle of radius $2$ is $4\pi$ square units.",
)
add(
    C,
    r"\sqrt{10}",
    r"\sqrt{10}",
    True,
    "plain radical, answer stated in words first",
    r"The distance from $(1, 2)$ to $(4, 3)$ is the square root of ten: $\sqrt{9 + 1}$.",
)
add(
    C,
    "1.414",
    r"\sqrt{2}",
    False,
    "decimal approximation of an irrational reference",
    r"The diagonal of the unit square is $\sqrt{2} \approx 1.414$.",
)
add(
    C,
    "9.42",
    r"3\pi",
    False,
    "decimal approximation of a pi reference",
    r"The circumference is $3\pi \approx 9.42$.",
)
add(
    C,
    r"2\sqrt{3}",
    r"3\sqrt{2}",
    False,
    "swapped coefficient and radicand",
    r"The diagonal is $\sqrt{12} = 2\sqrt{3}$.",
)
add(
    C,
    r"\frac{\sqrt{3}}{2}",
    r"\frac{\sqrt{2}}{2}",
    False,
    "wrong special angle",
    r"$\sin 60^\circ = \frac{\sqrt{3}}{2}$.",
)
add(
    C,
    r"\frac{\pi}{3}",
    r"\frac{\pi}{6}",
    False,
    "wrong angle",
    r"The angle with $\cos\theta = \frac12$ is $\frac{\pi}{3}$.",
)
add(
    C,
    r"4-2\sqrt{3}",
    r"4+2\sqrt{3}",
    False,
    "sign error in conjugate",
    r"$(1 - \sqrt3)^2 = 1 - 2\sqrt3 + 3 = 4 - 2\sqrt{3}$.",
)
add(C, r"\sqrt{5}-1", r"1-\sqrt5", False, "negated difference", r"The length is $\sqrt{5} - 1$.")
add(C, r"16\pi", r"8\pi", False, "factor of two", r"The area is $\pi \cdot 4^2 = 16\pi$.")
add(C, r"\sqrt{6}", "6", False, "radical vs integer", r"The side length is $\sqrt{6}$.")
add(C, r"2\sqrt{2}", r"\sqrt{2}", False, "extra factor", r"The diagonal is $2\sqrt{2}$.")
add(
    C,
    r"\frac{\sqrt{3}}{2}",
    r"\frac{1}{2}",
    False,
    "sine/cosine mix-up",
    r"$\cos 30^\circ = \frac{\sqrt{3}}{2}$.",
)
add(
    C,
    r"\frac{\pi}{2}",
    r"\pi",
    False,
    "correct candidate superseded by a wrong last box",
    r"Actually the period of $\tan 2x$ is $\frac{\pi}{2}$.",
    alt=r"\pi",
)
add(C, r"3\pi", "9.24", False, "3 pi = 9.42..., not 9.24", r"The circumference is $3\pi$.")
