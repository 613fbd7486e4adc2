"""Hand-written tables for the categories about the response's form: nested braces, Unicode
look-alikes, JSON-escaped text, multiple boxes, multiple choice, no box and malformed endings.

One table per category, packed by hand, so the formatter skips them (``# fmt: off``).
"""

# The corpus deliberately contains look-alike Unicode characters (unicode category).
# ruff: noqa: RUF001

from __future__ import annotations

from .model import F, Pair, Raw, T
from .tables_expressions import _M

# fmt: off

NESTED: list[Pair] = [
    T(r"\frac{\sqrt{{2}}}{{2}}", r"\frac{\sqrt2}{2}"), T(r"{{\frac{1}{2}}}", r"\frac12"),
    T("{{{{5}}}}", "5"), F("{{{{5}}}}", "6"), T(r"\frac{{1}}{{{3}}}", r"\frac13"),
    T(r"\sqrt{{\frac{{1}}{{4}}}}", r"\frac12"), T(r"\sqrt{\sqrt{16}}", "2"),
    T(r"\sqrt{\sqrt{\sqrt{256}}}", "2"), F(r"\sqrt{\sqrt{\sqrt{256}}}", "4"),
    T(r"\frac{\frac{\frac{1}{2}}{2}}{2}", r"\frac18"),
    T(r"\frac{1}{1+\frac{1}{1+\frac{1}{1+\frac{1}{2}}}}", r"\frac58", "continued fraction = 5/8"),
    F(r"\frac{1}{1+\frac{1}{1+\frac{1}{1+\frac{1}{2}}}}", r"\frac{8}{13}"),
    T("{(1,2)}", "(1,2)"), T(r"\left(\left(\frac{1}{2}\right)\right)", r"\frac12"),
    T("2^{2^{2}}", "16"), T("2^{2^{2^{2}}}", "65536"),
    F("2^{2^{2^{2}}}", "256", "exponentiation is right-associative"),
    T(r"\frac{\sqrt{\frac{3}{4}}}{\frac{1}{2}}", r"\sqrt3"),
    T(r"{\left\{1,2\right\}}", r"\{1,2\}"), T(r"\boxed{7}", "7", "a box inside the box"),
    F(r"\boxed{7}", "8"), T(r"\text{{{yes}}}", "yes"), T(r"{\frac{{\pi}}{{4}}}", r"\frac{\pi}{4}"),
    T(r"\frac{{{\sqrt{3}}}}{{3}}", r"\frac{1}{\sqrt3}"), T("{" * 20 + "12" + "}" * 20, "12"),
    F("{" * 20 + "12" + "}" * 20, "21"), T(r"\sqrt{" * 8 + "1" + "}" * 8, "1"),
    T("((((((3))))))", "3"), F("((((((3))))))", "-3"),
    T(r"\frac{1}{\frac{1}{\frac{1}{\frac{1}{2}}}}", "2"),
    F(r"\frac{1}{\frac{1}{\frac{1}{\frac{1}{2}}}}", r"\frac12"),
    T(r"\dfrac{{\,2\,}}{{\,3\,}}", r"\frac23"),
    T(r"\left\{{{\frac{1}{2}}}, {{3}}\right\}", r"\{3, \frac12\}"),
]

UNICODE: list[Pair] = [
    T("√2", r"\sqrt{2}"), T("π", r"\pi"), T("½", r"\frac12"),
    T("\u22125", "-5", "U+2212 minus sign"), T("3×4", "12"), T("x≤5", r"x\le5"), T("x²", "x^2"),
    T("2π", r"2\pi"), T("π/2", r"\frac{\pi}{2}"), F("π/3", r"\frac{\pi}{2}"),
    T("√3/2", r"\frac{\sqrt3}{2}"), T("2√3", r"\sqrt{12}"), T("\u2212½", r"-\frac12"),
    F("\u22125", "5"), F("½", r"\frac13"), T("¼", "0.25"), T("¾", r"\frac34"), T("⅓", r"\frac13"),
    T("x≥2", r"x\ge2"), F("x≥2", "x>2"), T("3²", "9"), T("2³", "8"), F("2³", "6"),
    T("10⁶", "1000000"), T("∞", r"\infty"), T("(\u2212∞, 3]", r"(-\infty,3]"),
    T("\u22123±√5", r"-3+\sqrt5,-3-\sqrt5"), T("6÷2", "3"), T("x² + 2x + 1", "(x+1)^2"),
    T("θ = 45°", "45"), T("α", r"\alpha"), F("α", r"\beta"), T("√(2)", r"\sqrt2"),
    T("∛8", "2"), T("x∈[0,1]", "[0,1]"), T("5·3", "15"), T("\u22122.5", r"-\frac52"),
    T("\uff11\uff12", "12", "full-width digits"), T("2 × 10⁹", r"2\times10^9"),
    F("\u22122 ≤ x < 3", "[-2,3]", "the right end is open"), F("√3", r"\sqrt2"),
    F("π/4", r"\frac{\pi}{2}"), F("¾", "0.7", "3/4 = 0.75 rounds to 0.8 at one place"),
    F("x²", "x^3"), F("∞", r"-\infty"), F("3²", "6"),
]

# Final answers reused (with every backslash doubled) for the json_backslashes category.
JSON_PAIRS: list[Pair] = [
    T(r"\frac{1}{2}", r"\frac{1}{2}"), F(r"\frac{1}{3}", r"\frac{1}{2}"),
    T(r"\sqrt{2}", r"\sqrt2"), F(r"\sqrt{3}", r"\sqrt2"), T(r"\dfrac{3}{4}", "0.75"),
    T(r"2\sqrt{3}", r"\sqrt{12}"), F(r"2\sqrt{3}", r"\sqrt{13}"), T(r"\pi", r"\pi"),
    F(r"2\pi", r"\pi"), T(r"\frac{\pi}{6}", r"30^\circ"), T(r"x \geq 2", r"[2,\infty)"),
    F(r"x > 2", r"[2,\infty)"), T(r"\{1,2,3\}", r"\{3,2,1\}"), F(r"\{1,2\}", r"\{1,2,3\}"),
    T(r"(-\infty, 1) \cup (2, \infty)", r"(-\infty,1)\cup(2,\infty)"),
    F(r"(-\infty, 1] \cup (2, \infty)", r"(-\infty,1)\cup(2,\infty)"),
    T(r"\text{Yes}", "yes"), F(r"\text{No}", "yes"), T(r"50\%", r"\frac12"),
    T(r"5\text{ cm}", "5"), T(r"\$12.50", "12.5"), T(r"30^\circ", "30"), F(r"45^\circ", "30"),
    T(r"\frac{\sqrt{3}}{2}", r"\frac{\sqrt3}{2}"), F(r"\frac{\sqrt{3}}{3}", r"\frac{\sqrt3}{2}"),
    T(r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", _M, "row separator becomes \\\\\\\\"),
    F(r"\begin{pmatrix} 1 & 2 \\ 4 & 3 \end{pmatrix}", _M),
    T(r"1 \pm \sqrt{2}", r"1+\sqrt2,1-\sqrt2"), T(r"\log_2 8", "3"), F(r"\log_2 16", "3"),
    T(r"2\frac{1}{2}", r"\frac52"), T(r"8.3 \times 10^{9}", "8.3e9"),
    F(r"8.3 \times 10^{8}", "8.3e9"), T(r"\left(1, -2\right)", "(1,-2)"),
    F(r"\left(-2, 1\right)", "(1,-2)"), T("42", "42"), F("41", "42"), T(r"\text{(C)}", "C"),
    T(r"-\frac{1}{4}", "-0.25"), F(r"\frac{1}{4}", "-0.25"),
]

# Multiple boxes: (earlier box, final box, reference, label, note).  The last box wins.
MULTI: list[tuple[str, str, str, bool, str]] = [
    ("5", "7", "7", True, ""), ("7", "5", "7", False, "the earlier box held the reference"),
    (r"\frac12", r"\frac13", r"\frac13", True, ""), (r"\frac13", r"\frac12", r"\frac13", False, ""),
    ("12", "12", "12", True, "the same answer boxed twice"), ("12", "12", "13", False, ""),
    ("x=4", "4", "4", True, ""), ("4", "x=-4", "4", False, ""),
    (r"\sqrt{8}", r"2\sqrt{2}", r"\sqrt8", True, "both boxes equal"),
    (r"2\sqrt{3}", r"\sqrt{3}", r"2\sqrt{3}", False, ""), ("(1,2)", "(2,1)", "(2,1)", True, ""),
    ("(2,1)", "(1,2)", "(2,1)", False, "ordered pair; last box wins"),
    ("100", "99", "99", True, ""), ("99", "100", "99", False, ""),
    (r"\pi", r"2\pi", r"2\pi", True, ""), (r"2\pi", r"\pi", r"2\pi", False, ""),
    ("A", "C", "C", True, ""), ("C", "A", "C", False, ""),
    (r"[1,3]", r"(1,3)", r"(1,3)", True, ""), (r"(1,3)", r"[1,3]", r"(1,3)", False, ""),
    ("0", "-1", "-1", True, ""), ("-1", "0", "-1", False, ""),
    (r"\frac{3}{4}", "0.75", r"\frac34", True, ""), ("0.75", r"\frac{4}{3}", r"\frac34", False, ""),
    (r"\text{No}", r"\text{Yes}", "yes", True, ""), (r"\text{Yes}", r"\text{No}", "yes", False, ""),
    ("6", "24", "24", True, ""), ("24", "6", "24", False, ""),
    (r"x^2+1", r"(x+1)^2", r"x^2+2x+1", True, ""), (r"(x+1)^2", r"x^2+1", r"x^2+2x+1", False, ""),
    (r"\{1,2\}", r"\{1,2,3\}", r"\{3,2,1\}", True, ""),
    (r"\{1,2,3\}", r"\{1,2\}", r"\{3,2,1\}", False, ""),
    (r"30^\circ", r"60^\circ", "60", True, ""), (r"60^\circ", r"30^\circ", "60", False, ""),
    ("2019", "2020", "2020", True, ""), ("2020", "2019", "2020", False, ""),
]

# Multiple choice: (how the response ends, reference, label, note).
MC: list[tuple[str, str, bool, str]] = [
    (r"Therefore the answer is $\boxed{C}$.", "C", True, ""),
    (r"So the correct choice is $\boxed{(C)}$.", "C", True, ""),
    (r"\[\boxed{\text{C}}\]", "C", True, ""),
    ("The answer is (C).", "C", True, "letter without a box"),
    ("The answer is C.", "C", True, ""),
    (r"$\boxed{\textbf{(C)}}$", "C", True, ""),
    (r"$\boxed{\mathrm{C}}$", "C", True, ""),
    (r"Final answer: $\boxed{C}$", "(C)", True, ""),
    (r"Final answer: $\boxed{C}$", r"\text{(C)}", True, ""),
    (r"Therefore the answer is $\boxed{B}$.", "C", False, ""),
    (r"So the correct choice is $\boxed{(B)}$.", "C", False, ""),
    ("The answer is (B).", "C", False, ""),
    (r"\[\boxed{D}\]", "C", False, ""),
    (r"$\boxed{A}$", "A", True, ""),
    (r"The answer is $\boxed{E}$.", "E", True, ""),
    (r"The answer is $\boxed{E}$.", "A", False, ""),
    (r"$\boxed{\text{(A)}}$", "A", True, ""),
    (r"$\boxed{(A)}$", "(A)", True, ""),
    ("**Answer: D**", "D", True, ""),
    ("**Answer: (D)**", "D", True, ""),
    (r"$\boxed{\text{(D) }\frac{1}{2}}$", "D", True, "choice letter written with its value"),
    (r"$\boxed{\textbf{(D)}\ 42}$", "D", True, "choice letter written with its value"),
    (r"$\boxed{\textbf{(B)}\ 42}$", "D", False, ""),
    (r"Thus $\boxed{C}$.", "B", False, ""),
    (r"Thus $\boxed{B}$.", "B", True, ""),
    ("The correct option is (B).", "B", True, ""),
    ("The final answer is D.", "D", True, ""),
    ("The final answer is A.", "D", False, ""),
    (r"Answer: \boxed{\text{E}}", "E", True, ""),
    (r"Answer: \boxed{\text{E}}", "D", False, ""),
    (r"Hence \boxed{\textbf{(A)}}.", r"\textbf{(A)}", True, ""),
    (r"Hence \boxed{\textbf{(A)}}.", r"\text{(B)}", False, ""),
    (r"Comparing with the choices, the answer is $\boxed{B}$.", "B", True, ""),
    (r"Comparing with the choices, the answer is $\boxed{B}$.", "E", False, ""),
]

# No box: (final answer, reference, label, ending kind, note).  Kinds: answer_is, minerva,
# colon, dollar, number.  "trap" adds an earlier mention of the reference in the reasoning.
NOBOX: list[tuple[str, str, bool, str, str]] = [
    ("12", "12", True, "answer_is", ""), ("15", "12", False, "answer_is", "trap"),
    (r"\frac{3}{4}", r"\frac34", True, "minerva", ""),
    (r"\frac{4}{3}", r"\frac34", False, "minerva", "trap"),
    ("x = 5", "5", True, "dollar", ""), ("x = 6", "5", False, "dollar", "trap"),
    ("17", "17", True, "number", ""), ("19", "17", False, "number", "trap"),
    (r"2\sqrt{3}", r"\sqrt{12}", True, "answer_is", ""),
    (r"3\sqrt{2}", r"\sqrt{12}", False, "answer_is", ""),
    ("0.25", r"\frac14", True, "colon", ""), ("0.2", r"\frac14", False, "colon", "trap"),
    ("(2, 3)", "(2,3)", True, "dollar", ""), ("(3, 2)", "(2,3)", False, "dollar", ""),
    ("42", "42", True, "minerva", ""), ("24", "42", False, "minerva", "trap"),
    ("1024", "2^{10}", True, "number", ""), ("1000", "2^{10}", False, "number", ""),
    (r"\pi", r"\pi", True, "colon", ""), (r"\frac{\pi}{2}", r"\pi", False, "colon", ""),
    ("yes", r"\text{Yes}", True, "answer_is", ""), ("no", r"\text{Yes}", False, "answer_is", ""),
    ("3.5", r"\frac72", True, "number", ""), ("3.25", r"\frac72", False, "number", "trap"),
    (r"x \geq 1", r"[1,\infty)", True, "dollar", ""),
    (r"x > 1", r"[1,\infty)", False, "dollar", ""),
    ("2,048", "2048", True, "answer_is", ""), ("2,084", "2048", False, "answer_is", ""),
    ("-3", "-3", True, "number", ""), ("3", "-3", False, "number", "trap"),
    (r"\{1, 4\}", r"\{4,1\}", True, "minerva", ""), (r"\{1, 5\}", r"\{4,1\}", False, "minerva", ""),
    ("60", "60", True, "colon", ""), ("120", "60", False, "colon", "trap"),
    (r"\frac{5}{12}", r"\frac{5}{12}", True, "dollar", ""),
    (r"\frac{7}{12}", r"\frac{5}{12}", False, "dollar", "trap"),
    ("9", "9", True, "dollar", ""), ("8", "9", False, "answer_is", "trap"),
]

# Malformed: hand-written endings.
MALFORMED: list[Raw] = [
    Raw(r"So the answer is $\boxed{\left(1, 2)}$.", "(1,2)", True,
        "missing \\right, but the parentheses are balanced and the pair is clear"),
    Raw(r"So the answer is $\boxed{\left(1,2}$.", "(1,2)", False, "unbalanced, unrecoverable"),
    Raw(r"So the answer is \boxed{5}}.", "5", True, "stray } after a complete box"),
    Raw(r"The answer is \boxed{5}}}}.", "5", True, "stray braces after a complete box"),
    Raw(r"Therefore the answer is $\boxed{\frac{1}{2}}}$.", r"\frac12", True, "stray }"),
    Raw(r"Therefore the answer is $\boxed{\frac{1}{2$.", r"\frac12", False,
        "\\frac{1}{2 is not closed"),
    Raw(r"Thus \boxed{\frac{1}{2}", r"\frac12", False,
        "unclosed box at the end (truncated output)"),
    Raw(r"Thus \boxed{3", "3", False, "unclosed box at the end (truncated output)"),
    Raw(r"Thus \boxed{\sqrt{2}", r"\sqrt2", False, "unclosed box at the end (truncated output)"),
    Raw(r"Thus \boxed{2^{10}", "1024", False, "unclosed box at the end (truncated output)"),
    Raw(r"The answer is $\frac{1}{2}.", r"\frac12", True,
        "missing closing $, but the answer after 'The answer is' is clear"),
    Raw(r"$\boxed{3}", "3", True, "missing closing $ around a complete box"),
    Raw(r"$$\boxed{42}", "42", True, "missing closing $$"),
    Raw(r"\boxed{42}$", "42", True, "stray $"),
    Raw(r"So the answer is $\boxed{}$.", "0", False, "empty box"),
    Raw(r"So the answer is $\boxed{ }$.", "5", False, "blank box"),
    Raw(r"Therefore $\boxed{\frac{3}{}}$.", "3", False, "empty denominator"),
    Raw(r"Therefore $\boxed{\frac{}{4}}$.", r"\frac14", False, "empty numerator"),
    Raw(r"Therefore $\boxed{\sqrt{}}$.", "0", False, "empty radicand"),
    Raw(r"Therefore $\boxed{1/}$.", "1", False, "dangling operator"),
    Raw(r"Therefore $\boxed{12 \div}$.", "12", False, "dangling operator"),
    Raw(r"Therefore $\boxed{-}$.", "-1", False, "only an operator"),
    Raw(r"Therefore $\boxed{{5}$.", "5", False, "unbalanced braces inside the box"),
    Raw(r"So \boxed 5 is the answer.", "5", True, "TeX reads a one-token argument: \\boxed 5"),
    Raw(r"So the answer is \boxed7.", "7", True, "TeX reads a one-token argument: \\boxed7"),
    Raw(r"\[ \boxed{ 7 \\ } \]", "7", True, "a harmless trailing line break"),
    Raw(r"\begin{align} x &= \boxed{\dfrac{5}{6}}\end{align}\end{align}", r"\frac56", True,
        "a stray \\end after the box"),
    Raw(r"The answer is \boxed{\begin{pmatrix}1&2\end{pmatrix}", r"\begin{pmatrix}1&2\end{pmatrix}",
        False, "unclosed box (truncated output)"),
    Raw(r"So $\boxed{x=}$.", "x", False, "incomplete equation"),
    Raw(r"So the answer is $\boxed{\sqrt{2}}\)$.", r"\sqrt2", True, "stray \\) after the box"),
    Raw(r"So the answer is $\boxed{\frac12}}$.", "0.5", True, "stray }"),
    Raw(r"The answer is $\boxed{(1,2]}$.", "(1,2)", False, "closing bracket differs"),
    Raw(r"Therefore the answer is \boxed{\frac{1}{2}.", r"\frac12", False,
        "unclosed box followed by a period (truncated output)"),
    Raw("So the answer is $\\boxed{4}$\n\\end{document}}", "4", True,
        "trailing junk after the box"),
]

# fmt: on
