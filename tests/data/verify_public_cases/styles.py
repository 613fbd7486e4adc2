# ruff: noqa: E501, RUF001
"""Labelled cases for answer extraction from the output styles real models write.

Written by hand in the forms of real outputs: Minerva and MATH few-shot closings, GSM8K
'#### N' lines, chat-model 'Answer:' labels and markdown, chat-template tails (ChatML,
Llama-3, Mistral), DeepSeek-R1 / OpenR1 <think> traces (including truncated ones),
multiple-choice and AMC answer lines, text answers, revised answers, long reasoning, and
box formatting variants (JSON-escaped backslashes, \\fbox, display math, \\boxed without
braces). Labels say what a careful human grader would say; they were not checked against
any verifier. Many responses are reused with a second gold that appears in the reasoning
but is not the final answer (label False).
"""

from __future__ import annotations

# fmt: off
CASES: list[dict[str, object]] = [
    {
        "response": r"""Solution:
The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches.
Final Answer: The final answer is $120$. I hope it is correct.""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches.
Final Answer: The final answer is $120$. I hope it is correct.""",
        "answer": r"40",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'; gold equals an intermediate value in the solution",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

Final Answer: The distance traveled is 300. I hope it is correct.""",
        "answer": r"300",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style 'Final Answer:' with a descriptive sentence instead of 'The final answer is'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples.
Final Answer: The final answer is 51. I hope it is correct.""",
        "answer": r"51",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style final line without dollar signs",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.
Final Answer: The final answer is $13$. I hope it is correct.""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.
Final Answer: The final answer is $13$. I hope it is correct.""",
        "answer": r"5",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'; gold equals an intermediate value in the solution",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$.

Final Answer: The probability that both marbles are red is $\frac{1}{5}$. I hope it is correct.""",
        "answer": r"\frac{1}{5}",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style 'Final Answer:' with a descriptive sentence instead of 'The final answer is'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$.
Final Answer: The final answer is 2. I hope it is correct.""",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style final line without dollar signs",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$.
Final Answer: The final answer is $252$. I hope it is correct.""",
        "answer": r"252",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$.
Final Answer: The final answer is $252$. I hope it is correct.""",
        "answer": r"42",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'; gold equals an intermediate value in the solution",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

Final Answer: The amount Maria keeps is 480. I hope it is correct.""",
        "answer": r"480",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style 'Final Answer:' with a descriptive sentence instead of 'The final answer is'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$.
Final Answer: The final answer is 30. I hope it is correct.""",
        "answer": r"30",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style final line without dollar signs",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$.
Final Answer: The final answer is $79$. I hope it is correct.""",
        "answer": r"79",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$.
Final Answer: The final answer is $79$. I hope it is correct.""",
        "answer": r"76",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'; gold equals an intermediate value in the solution",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.

Final Answer: $g(f(2))$ is 48. I hope it is correct.""",
        "answer": r"48",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style 'Final Answer:' with a descriptive sentence instead of 'The final answer is'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.
Final Answer: The final answer is -1. I hope it is correct.""",
        "answer": r"-1",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style final line without dollar signs",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.
Final Answer: The final answer is $15$. I hope it is correct.""",
        "answer": r"15",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.
Final Answer: The final answer is $15$. I hope it is correct.""",
        "answer": r"120",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'; gold equals an intermediate value in the solution",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

Final Answer: The measure of each interior angle is $120^\circ$. I hope it is correct.""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style 'Final Answer:' with a descriptive sentence instead of 'The final answer is'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.
Final Answer: The final answer is 4. I hope it is correct.""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style final line without dollar signs",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.
Final Answer: The final answer is $72$. I hope it is correct.""",
        "answer": r"72",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.
Final Answer: The final answer is $72$. I hope it is correct.""",
        "answer": r"48",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'; gold equals an intermediate value in the solution",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$.

Final Answer: The value of the expression is 10. I hope it is correct.""",
        "answer": r"10",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style 'Final Answer:' with a descriptive sentence instead of 'The final answer is'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200. With 8% sales tax, the total is 200 × 1.08 = $216.
Final Answer: The final answer is 216. I hope it is correct.""",
        "answer": r"216",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style final line without dollar signs",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.
Final Answer: The final answer is $\frac{17}{12}$. I hope it is correct.""",
        "answer": r"\frac{17}{12}",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.
Final Answer: The final answer is $\frac{17}{12}$. I hope it is correct.""",
        "answer": r"12",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'; gold equals an intermediate value in the solution",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. Therefore $xy = 7 \cdot 3 = 21$.

Final Answer: The product $xy$ is 21. I hope it is correct.""",
        "answer": r"21",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style 'Final Answer:' with a descriptive sentence instead of 'The final answer is'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$.
Final Answer: The final answer is 36\pi. I hope it is correct.""",
        "answer": r"36\pi",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style final line without dollar signs",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.
Final Answer: The final answer is $13$. I hope it is correct.""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.
Final Answer: The final answer is $13$. I hope it is correct.""",
        "answer": r"17",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'; gold equals an intermediate value in the solution",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

Final Answer: The number of positive divisors is 24. I hope it is correct.""",
        "answer": r"24",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style 'Final Answer:' with a descriptive sentence instead of 'The final answer is'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""The first pipe fills $\frac{1}{6}$ of the tank per hour and the second fills $\frac{1}{3}$. Together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{2}$ of the tank per hour, so the tank is full after $2$ hours.
Final Answer: The final answer is 2. I hope it is correct.""",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style final line without dollar signs",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$.
Final Answer: The final answer is $3$. I hope it is correct.""",
        "answer": r"3",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$.
Final Answer: The final answer is $3$. I hope it is correct.""",
        "answer": r"9",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'; gold equals an intermediate value in the solution",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

Final Answer: The expected sum is 7. I hope it is correct.""",
        "answer": r"7",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style 'Final Answer:' with a descriptive sentence instead of 'The final answer is'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. His total is 36 + 50 = $86. He pays with a $100 bill, so his change is 100 - 86 = $14.
Final Answer: The final answer is 14. I hope it is correct.""",
        "answer": r"14",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style final line without dollar signs",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.
Final Answer: The final answer is $8\sqrt{2}$. I hope it is correct.""",
        "answer": r"8\sqrt{2}",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Solution:
Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.
Final Answer: The final answer is $8\sqrt{2}$. I hope it is correct.""",
        "answer": r"5\sqrt{2}",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva prompt: 'Final Answer: The final answer is $X$. I hope it is correct.'; gold equals an intermediate value in the solution",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.

Final Answer: The number of integer solutions is 4. I hope it is correct.""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style 'Final Answer:' with a descriptive sentence instead of 'The final answer is'",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days.
Final Answer: The final answer is 8. I hope it is correct.""",
        "answer": r"8",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva-style final line without dollar signs",
        "category": "minerva_final_answer",
    },
    {
        "response": r"""The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches.

The final answer is $120$.""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"MATH/Minerva-style closing 'The final answer is $X$.' without a box",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

Therefore, the answer is 300.""",
        "answer": r"300",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chain-of-thought closing 'Therefore, the answer is X.'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

Therefore, the answer is 300.""",
        "answer": r"60",
        "label": False,
        "ambiguous": False,
        "source": r"Llama/Mistral chain-of-thought closing 'Therefore, the answer is X.'; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples.

So the answer is 51.""",
        "answer": r"51",
        "label": True,
        "ambiguous": False,
        "source": r"few-shot CoT (Wei et al. style) closing 'So the answer is X.'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.

The answer is: 13""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"MetaMath-style closing 'The answer is: X'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.

The answer is: 13""",
        "answer": r"5",
        "label": False,
        "ambiguous": False,
        "source": r"MetaMath-style closing 'The answer is: X'; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$.

Thus, the probability that both marbles are red is $\frac{1}{5}$.""",
        "answer": r"\frac{1}{5}",
        "label": True,
        "ambiguous": False,
        "source": r"plain closing sentence naming the quantity, no answer marker",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$.

The final answer is $2$.""",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"MATH/Minerva-style closing 'The final answer is $X$.' without a box",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$.

The final answer is $2$.""",
        "answer": r"146",
        "label": False,
        "ambiguous": False,
        "source": r"MATH/Minerva-style closing 'The final answer is $X$.' without a box; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$.

Therefore, the answer is 252.""",
        "answer": r"252",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chain-of-thought closing 'Therefore, the answer is X.'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

So the answer is 480.""",
        "answer": r"480",
        "label": True,
        "ambiguous": False,
        "source": r"few-shot CoT (Wei et al. style) closing 'So the answer is X.'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

So the answer is 480.""",
        "answer": r"600",
        "label": False,
        "ambiguous": False,
        "source": r"few-shot CoT (Wei et al. style) closing 'So the answer is X.'; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$.

The answer is: 30""",
        "answer": r"30",
        "label": True,
        "ambiguous": False,
        "source": r"MetaMath-style closing 'The answer is: X'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$.

Thus, the 20th term is $79$.""",
        "answer": r"79",
        "label": True,
        "ambiguous": False,
        "source": r"plain closing sentence naming the quantity, no answer marker",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$.

Thus, the 20th term is $79$.""",
        "answer": r"76",
        "label": False,
        "ambiguous": False,
        "source": r"plain closing sentence naming the quantity, no answer marker; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.

The final answer is $48$.""",
        "answer": r"48",
        "label": True,
        "ambiguous": False,
        "source": r"MATH/Minerva-style closing 'The final answer is $X$.' without a box",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.

Therefore, the answer is -1.""",
        "answer": r"-1",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chain-of-thought closing 'Therefore, the answer is X.'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.

Therefore, the answer is -1.""",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"Llama/Mistral chain-of-thought closing 'Therefore, the answer is X.'; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.

So the answer is 15.""",
        "answer": r"15",
        "label": True,
        "ambiguous": False,
        "source": r"few-shot CoT (Wei et al. style) closing 'So the answer is X.'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

The answer is: $120^\circ$""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"MetaMath-style closing 'The answer is: X'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

The answer is: $120^\circ$""",
        "answer": r"720",
        "label": False,
        "ambiguous": False,
        "source": r"MetaMath-style closing 'The answer is: X'; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.

Thus, the sum of the digits is $4$.""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"plain closing sentence naming the quantity, no answer marker",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

The final answer is $72$.""",
        "answer": r"72",
        "label": True,
        "ambiguous": False,
        "source": r"MATH/Minerva-style closing 'The final answer is $X$.' without a box",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

The final answer is $72$.""",
        "answer": r"48",
        "label": False,
        "ambiguous": False,
        "source": r"MATH/Minerva-style closing 'The final answer is $X$.' without a box; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$.

Therefore, the answer is 10.""",
        "answer": r"10",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chain-of-thought closing 'Therefore, the answer is X.'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200. With 8% sales tax, the total is 200 × 1.08 = $216.

So the answer is 216.""",
        "answer": r"216",
        "label": True,
        "ambiguous": False,
        "source": r"few-shot CoT (Wei et al. style) closing 'So the answer is X.'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200. With 8% sales tax, the total is 200 × 1.08 = $216.

So the answer is 216.""",
        "answer": r"200",
        "label": False,
        "ambiguous": False,
        "source": r"few-shot CoT (Wei et al. style) closing 'So the answer is X.'; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.

The answer is: $\frac{17}{12}$""",
        "answer": r"\frac{17}{12}",
        "label": True,
        "ambiguous": False,
        "source": r"MetaMath-style closing 'The answer is: X'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. Therefore $xy = 7 \cdot 3 = 21$.

Thus, the product $xy$ is $21$.""",
        "answer": r"21",
        "label": True,
        "ambiguous": False,
        "source": r"plain closing sentence naming the quantity, no answer marker",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. Therefore $xy = 7 \cdot 3 = 21$.

Thus, the product $xy$ is $21$.""",
        "answer": r"7",
        "label": False,
        "ambiguous": False,
        "source": r"plain closing sentence naming the quantity, no answer marker; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$.

The final answer is $36\pi$.""",
        "answer": r"36\pi",
        "label": True,
        "ambiguous": False,
        "source": r"MATH/Minerva-style closing 'The final answer is $X$.' without a box",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.

Therefore, the answer is 13.""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chain-of-thought closing 'Therefore, the answer is X.'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.

Therefore, the answer is 13.""",
        "answer": r"17",
        "label": False,
        "ambiguous": False,
        "source": r"Llama/Mistral chain-of-thought closing 'Therefore, the answer is X.'; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

So the answer is 24.""",
        "answer": r"24",
        "label": True,
        "ambiguous": False,
        "source": r"few-shot CoT (Wei et al. style) closing 'So the answer is X.'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The first pipe fills $\frac{1}{6}$ of the tank per hour and the second fills $\frac{1}{3}$. Together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{2}$ of the tank per hour, so the tank is full after $2$ hours.

The answer is: 2""",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"MetaMath-style closing 'The answer is: X'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The first pipe fills $\frac{1}{6}$ of the tank per hour and the second fills $\frac{1}{3}$. Together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{2}$ of the tank per hour, so the tank is full after $2$ hours.

The answer is: 2""",
        "answer": r"\frac{1}{2}",
        "label": False,
        "ambiguous": False,
        "source": r"MetaMath-style closing 'The answer is: X'; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$.

Thus, the units digit is $3$.""",
        "answer": r"3",
        "label": True,
        "ambiguous": False,
        "source": r"plain closing sentence naming the quantity, no answer marker",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

The final answer is $7$.""",
        "answer": r"7",
        "label": True,
        "ambiguous": False,
        "source": r"MATH/Minerva-style closing 'The final answer is $X$.' without a box",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

The final answer is $7$.""",
        "answer": r"3.5",
        "label": False,
        "ambiguous": False,
        "source": r"MATH/Minerva-style closing 'The final answer is $X$.' without a box; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. His total is 36 + 50 = $86. He pays with a $100 bill, so his change is 100 - 86 = $14.

Therefore, the answer is 14.""",
        "answer": r"14",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chain-of-thought closing 'Therefore, the answer is X.'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

So the answer is $8\sqrt{2}$.""",
        "answer": r"8\sqrt{2}",
        "label": True,
        "ambiguous": False,
        "source": r"few-shot CoT (Wei et al. style) closing 'So the answer is X.'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

So the answer is $8\sqrt{2}$.""",
        "answer": r"5\sqrt{2}",
        "label": False,
        "ambiguous": False,
        "source": r"few-shot CoT (Wei et al. style) closing 'So the answer is X.'; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.

The answer is: 4""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"MetaMath-style closing 'The answer is: X'",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days.

Thus, the number of days left is $8$.""",
        "answer": r"8",
        "label": True,
        "ambiguous": False,
        "source": r"plain closing sentence naming the quantity, no answer marker",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days.

Thus, the number of days left is $8$.""",
        "answer": r"14",
        "label": False,
        "ambiguous": False,
        "source": r"plain closing sentence naming the quantity, no answer marker; gold is a number from the reasoning, not the final statement",
        "category": "answer_is_unboxed",
    },
    {
        "response": r"""The base of the box is 10 * 4, so its area is 40 square inches. Multiplying by the height 3 gives a volume of 40 * 3 = 120 cubic inches.
#### 120""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles. The answer is 300.
#### 300""",
        "answer": r"300",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles. The answer is 300.
#### 300""",
        "answer": r"60",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K '#### N' format; gold is an intermediate result",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples.
#### 51""",
        "answer": r"51",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The equation x^2 - 5x + 6 = 0 factors as (x-2)(x-3) = 0, so the roots are 2 and 3 (their sum is 5). The sum of the squares of the roots is 2^2 + 3^2 = 4 + 9 = 13. The answer is 13.
#### 13""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The equation x^2 - 5x + 6 = 0 factors as (x-2)(x-3) = 0, so the roots are 2 and 3 (their sum is 5). The sum of the squares of the roots is 2^2 + 3^2 = 4 + 9 = 13. The answer is 13.
#### 13""",
        "answer": r"5",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K '#### N' format; gold is an intermediate result",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""We have 2^{10} = 1024. Dividing by 7: 7 * 146 = 1022, so 1024 = 7 * 146 + 2. The remainder is 2.
#### 2""",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""First, \gcd(84, 126): 126 - 84 = 42 and 84 = 2 * 42, so the gcd is 42. Then \operatorname{lcm}(84, 126) = \frac{84 * 126}{42} = 252. The answer is 252.
#### 252""",
        "answer": r"252",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""First, \gcd(84, 126): 126 - 84 = 42 and 84 = 2 * 42, so the gcd is 42. Then \operatorname{lcm}(84, 126) = \frac{84 * 126}{42} = 252. The answer is 252.
#### 252""",
        "answer": r"42",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K '#### N' format; gold is an intermediate result",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""Maria works 8 hours a day for 5 days, which is 40 hours. At 15 per hour she earns 40 × 15 = 600. After paying 120 in fees she keeps 600 - 120 = 480.
#### 480""",
        "answer": r"480",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""By the Pythagorean theorem, the hypotenuse is \sqrt{5^2 + 12^2} = \sqrt{169} = 13. The perimeter is 5 + 12 + 13 = 30. The answer is 30.
#### 30""",
        "answer": r"30",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""By the Pythagorean theorem, the hypotenuse is \sqrt{5^2 + 12^2} = \sqrt{169} = 13. The perimeter is 5 + 12 + 13 = 30. The answer is 30.
#### 30""",
        "answer": r"13",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K '#### N' format; gold is an intermediate result",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The common difference is 7 - 3 = 4. The nth term is 3 + (n-1) * 4, so the 20th term is 3 + 19 * 4 = 3 + 76 = 79.
#### 79""",
        "answer": r"79",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""First, f(2) = 3(2) + 1 = 7. Then g(f(2)) = g(7) = 7^2 - 1 = 48. The answer is 48.
#### 48""",
        "answer": r"48",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""First, f(2) = 3(2) + 1 = 7. Then g(f(2)) = g(7) = 7^2 - 1 = 48. The answer is 48.
#### 48""",
        "answer": r"7",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K '#### N' format; gold is an intermediate result",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The slope through (1, 2) and (4, 11) is \frac{11 - 2}{4 - 1} = \frac{9}{3} = 3. Using y = 3x + b with the point (1, 2) gives b = 2 - 3 = -1.
#### -1""",
        "answer": r"-1",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies. The answer is 15.
#### 15""",
        "answer": r"15",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies. The answer is 15.
#### 15""",
        "answer": r"120",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K '#### N' format; gold is an intermediate result",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""We have 2^5 * 5^3 = 2^2 * (2 * 5)^3 = 4 * 1000 = 4000. The sum of the digits of 4000 is 4 + 0 + 0 + 0 = 4.
#### 4""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""There are 5! = 120 arrangements of the letters in total. If we glue the two vowels together, we get 4! * 2 = 48 arrangements with the vowels adjacent. So 120 - 48 = 72 arrangements have the vowels apart. The answer is 72.
#### 72""",
        "answer": r"72",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""There are 5! = 120 arrangements of the letters in total. If we glue the two vowels together, we get 4! * 2 = 48 arrangements with the vowels adjacent. So 120 - 48 = 72 arrangements have the vowels apart. The answer is 72.
#### 72""",
        "answer": r"48",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K '#### N' format; gold is an intermediate result",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""\log_2 64 = 6 because 2^6 = 64, and \log_3 81 = 4 because 3^4 = 81. Adding, 6 + 4 = 10.
#### 10""",
        "answer": r"10",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""A 20% discount on 250 is 0.2 × 250 = 50, so the sale price is 250 - 50 = 200. With 8% sales tax, the total is 200 × 1.08 = 216. The answer is 216.
#### 216""",
        "answer": r"216",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""A 20% discount on 250 is 0.2 × 250 = 50, so the sale price is 250 - 50 = 200. With 8% sales tax, the total is 200 × 1.08 = 216. The answer is 216.
#### 216""",
        "answer": r"200",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K '#### N' format; gold is an intermediate result",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""Adding x + y = 10 and x - y = 4 gives 2x = 14, so x = 7 and y = 3. Therefore xy = 7 * 3 = 21.
#### 21""",
        "answer": r"21",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""Let Tom's age be t. His sister is t - 4 years old, and t + (t - 4) = 30, so 2t = 34 and t = 17. His sister is 17 - 4 = 13. The answer is 13.
#### 13""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""Let Tom's age be t. His sister is t - 4 years old, and t + (t - 4) = 30, so 2t = 34 and t = 17. His sister is 17 - 4 = 13. The answer is 13.
#### 13""",
        "answer": r"17",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K '#### N' format; gold is an intermediate result",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""Factor: 360 = 2^3 * 3^2 * 5. The number of positive divisors is (3+1)(2+1)(1+1) = 4 * 3 * 2 = 24.
#### 24""",
        "answer": r"24",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The first pipe fills \frac{1}{6} of the tank per hour and the second fills \frac{1}{3}. Together they fill \frac{1}{6} + \frac{1}{3} = \frac{1}{2} of the tank per hour, so the tank is full after 2 hours. The answer is 2.
#### 2""",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The first pipe fills \frac{1}{6} of the tank per hour and the second fills \frac{1}{3}. Together they fill \frac{1}{6} + \frac{1}{3} = \frac{1}{2} of the tank per hour, so the tank is full after 2 hours. The answer is 2.
#### 2""",
        "answer": r"\frac{1}{2}",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K '#### N' format; gold is an intermediate result",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The units digits of 7^n cycle with period 4: 7, 9, 3, 1. Since 2023 = 4 * 505 + 3, the units digit of 7^{2023} matches that of 7^3 = 343, which is 3.
#### 3""",
        "answer": r"3",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""For one fair die the expected value is \frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5. By linearity, the expected sum of two dice is 2 * 3.5 = 7. The answer is 7.
#### 7""",
        "answer": r"7",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""For one fair die the expected value is \frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5. By linearity, the expected sum of two dice is 2 * 3.5 = 7. The answer is 7.
#### 7""",
        "answer": r"3.5",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K '#### N' format; gold is an intermediate result",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""John buys 3 shirts at 12 each, which is 3 × 12 = 36, and 2 pairs of pants at 25 each, which is 2 × 25 = 50. His total is 36 + 50 = 86. He pays with a 100 bill, so his change is 100 - 86 = 14.
#### 14""",
        "answer": r"14",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""|2x - 3| < 5 means -5 < 2x - 3 < 5, so -2 < 2x < 8 and -1 < x < 4. The integers strictly in this interval are 0, 1, 2, 3, so there are 4 of them. The answer is 4.
#### 4""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""|2x - 3| < 5 means -5 < 2x - 3 < 5, so -2 < 2x < 8 and -1 < x < 4. The integers strictly in this interval are 0, 1, 2, 3, so there are 4 of them. The answer is 4.
#### 4""",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K '#### N' format; gold is an intermediate result",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days.
#### 8""",
        "answer": r"8",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer format: reasoning then '#### N'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches. So the answer is 120.

Let me verify: 120 / 10 = 12, and 12 / 4 = 3, which is the height.""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches. So the answer is 120.

Let me verify: 120 / 10 = 12, and 12 / 4 = 3, which is the height.""",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer; gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

$$\boxed{300}$$

**Verification:** 300 / 5 = 60 mph, same speed as before, and 60 × 3 = 180.""",
        "answer": r"300",
        "label": True,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style)",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

$$\boxed{300}$$

**Verification:** 300 / 5 = 60 mph, same speed as before, and 60 × 3 = 180.""",
        "answer": r"180",
        "label": False,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style); gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples. So the answer is 51.

Let me verify: 51 - 15 = 36 and 36 + 12 = 48.""",
        "answer": r"51",
        "label": True,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples. So the answer is 51.

Let me verify: 51 - 15 = 36 and 36 + 12 = 48.""",
        "answer": r"48",
        "label": False,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer; gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.

$$\boxed{13}$$

**Verification:** Using Vieta: $5^2 - 2 \cdot 6 = 25 - 12 = 13$, and the product of the roots is $6$.""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style)",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.

$$\boxed{13}$$

**Verification:** Using Vieta: $5^2 - 2 \cdot 6 = 25 - 12 = 13$, and the product of the roots is $6$.""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style); gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$. So the answer is $\frac{1}{5}$.

Let me verify: As a decimal that is $0.2$, and $0.2 \cdot 15 = 3$.""",
        "answer": r"\frac{1}{5}",
        "label": True,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$. So the answer is $\frac{1}{5}$.

Let me verify: As a decimal that is $0.2$, and $0.2 \cdot 15 = 3$.""",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer; gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$.

$$\boxed{2}$$

**Verification:** $2^3 = 8 \equiv 1 \pmod 7$, so $2^{10} = 2^9 \cdot 2 \equiv 2$, consistent. And $1022 / 7 = 146$.""",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style)",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$.

$$\boxed{2}$$

**Verification:** $2^3 = 8 \equiv 1 \pmod 7$, so $2^{10} = 2^9 \cdot 2 \equiv 2$, consistent. And $1022 / 7 = 146$.""",
        "answer": r"146",
        "label": False,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style); gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$. So the answer is 252.

Let me verify: 252 / 84 = 3 and 252 / 126 = 2.""",
        "answer": r"252",
        "label": True,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$. So the answer is 252.

Let me verify: 252 / 84 = 3 and 252 / 126 = 2.""",
        "answer": r"2",
        "label": False,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer; gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

$$\boxed{480}$$

**Verification:** 480 + 120 = 600 and 600 / 40 = 15.""",
        "answer": r"480",
        "label": True,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style)",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

$$\boxed{480}$$

**Verification:** 480 + 120 = 600 and 600 / 40 = 15.""",
        "answer": r"15",
        "label": False,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style); gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$. So the answer is 30.

Let me verify: $13^2 = 169 = 25 + 144$, so the hypotenuse $13$ is right.""",
        "answer": r"30",
        "label": True,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$. So the answer is 30.

Let me verify: $13^2 = 169 = 25 + 144$, so the hypotenuse $13$ is right.""",
        "answer": r"13",
        "label": False,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer; gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$.

$$\boxed{79}$$

**Verification:** The sequence goes 3, 7, 11, 15, ..., and $79 - 3 = 76 = 19 \cdot 4$.""",
        "answer": r"79",
        "label": True,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style)",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$.

$$\boxed{79}$$

**Verification:** The sequence goes 3, 7, 11, 15, ..., and $79 - 3 = 76 = 19 \cdot 4$.""",
        "answer": r"4",
        "label": False,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style); gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$. So the answer is 48.

Let me verify: Note that $f(g(2)) = f(3) = 10$ is different, since composition is not commutative.""",
        "answer": r"48",
        "label": True,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$. So the answer is 48.

Let me verify: Note that $f(g(2)) = f(3) = 10$ is different, since composition is not commutative.""",
        "answer": r"10",
        "label": False,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer; gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.

$$\boxed{-1}$$

**Verification:** Check with $(4, 11)$: $3 \cdot 4 - 1 = 11$. The slope is $3$.""",
        "answer": r"-1",
        "label": True,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style)",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.

$$\boxed{-1}$$

**Verification:** Check with $(4, 11)$: $3 \cdot 4 - 1 = 11$. The slope is $3$.""",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style); gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies. So the answer is 15.

Let me verify: 15 × 8 = 120 and 120 ÷ 24 = 5 batches.""",
        "answer": r"15",
        "label": True,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies. So the answer is 15.

Let me verify: 15 × 8 = 120 and 120 ÷ 24 = 5 batches.""",
        "answer": r"5",
        "label": False,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer; gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

$$\boxed{120^\circ}$$

**Verification:** Each exterior angle is then $180^\circ - 120^\circ = 60^\circ$, and $6 \cdot 60^\circ = 360^\circ$.""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style)",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

$$\boxed{120^\circ}$$

**Verification:** Each exterior angle is then $180^\circ - 120^\circ = 60^\circ$, and $6 \cdot 60^\circ = 360^\circ$.""",
        "answer": r"360",
        "label": False,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style); gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$. So the answer is 4.

Let me verify: $32 \cdot 125 = 4000$ directly, and it has 4 digits in total with 3 zeros.""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$. So the answer is 4.

Let me verify: $32 \cdot 125 = 4000$ directly, and it has 4 digits in total with 3 zeros.""",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"answer statement followed by a verification paragraph whose last number is not the answer; gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

$$\boxed{72}$$

**Verification:** Alternatively: $3! = 6$ ways to place the consonants, then $\binom{4}{2} \cdot 2 = 12$ ways for the vowels, and $6 \cdot 12 = 72$, which is $\frac{72}{120} = 0.6$ of all arrangements.""",
        "answer": r"72",
        "label": True,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style)",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

$$\boxed{72}$$

**Verification:** Alternatively: $3! = 6$ ways to place the consonants, then $\binom{4}{2} \cdot 2 = 12$ ways for the vowels, and $6 \cdot 12 = 72$, which is $\frac{72}{120} = 0.6$ of all arrangements.""",
        "answer": r"0.6",
        "label": False,
        "ambiguous": False,
        "source": r"boxed answer followed by a 'Verification' section with other numbers (Qwen/GPT-style); gold equals the last number in the text",
        "category": "last_number_not_answer",
    },
    {
        "response": r"""First, $f(2) = 3(2) + 1 = 7$. So the answer is 7.

Wait, I misread the question: it asks for $g(f(2))$, not that. Let me redo it.

First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.

So the answer is 48.""",
        "answer": r"48",
        "label": True,
        "ambiguous": False,
        "source": r"model states an answer, notices a misreading, and revises; last statement counts",
        "category": "revised_answer",
    },
    {
        "response": r"""First, $f(2) = 3(2) + 1 = 7$. So the answer is 7.

Wait, I misread the question: it asks for $g(f(2))$, not that. Let me redo it.

First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.

So the answer is 48.""",
        "answer": r"7",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the first, retracted 'answer is' statement",
        "category": "revised_answer",
    },
    {
        "response": r"""The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.

The answer is -1.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 3.""",
        "answer": r"3",
        "label": True,
        "ambiguous": False,
        "source": r"model gives a correct-looking answer then revises it; the revised (last) answer counts",
        "category": "revised_answer",
    },
    {
        "response": r"""The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.

The answer is -1.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 3.""",
        "answer": r"-1",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the earlier, abandoned answer; final answer differs",
        "category": "revised_answer",
    },
    {
        "response": r"""Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. So the answer is 120.

Wait, I misread the question: it asks for the number of cookies each friend gets, not that. Let me redo it.

Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.

So the answer is 15.""",
        "answer": r"15",
        "label": True,
        "ambiguous": False,
        "source": r"model states an answer, notices a misreading, and revises; last statement counts",
        "category": "revised_answer",
    },
    {
        "response": r"""Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. So the answer is 120.

Wait, I misread the question: it asks for the number of cookies each friend gets, not that. Let me redo it.

Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.

So the answer is 15.""",
        "answer": r"120",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the first, retracted 'answer is' statement",
        "category": "revised_answer",
    },
    {
        "response": r"""The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

The answer is $120^\circ$.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 720.""",
        "answer": r"720",
        "label": True,
        "ambiguous": False,
        "source": r"model gives a correct-looking answer then revises it; the revised (last) answer counts",
        "category": "revised_answer",
    },
    {
        "response": r"""The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

The answer is $120^\circ$.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 720.""",
        "answer": r"120",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the earlier, abandoned answer; final answer differs",
        "category": "revised_answer",
    },
    {
        "response": r"""We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. So the answer is 4000.

Wait, I misread the question: it asks for the sum of the digits, not that. Let me redo it.

We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.

So the answer is 4.""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"model states an answer, notices a misreading, and revises; last statement counts",
        "category": "revised_answer",
    },
    {
        "response": r"""We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. So the answer is 4000.

Wait, I misread the question: it asks for the sum of the digits, not that. Let me redo it.

We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.

So the answer is 4.""",
        "answer": r"4000",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the first, retracted 'answer is' statement",
        "category": "revised_answer",
    },
    {
        "response": r"""There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

The answer is 72.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 48.""",
        "answer": r"48",
        "label": True,
        "ambiguous": False,
        "source": r"model gives a correct-looking answer then revises it; the revised (last) answer counts",
        "category": "revised_answer",
    },
    {
        "response": r"""There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

The answer is 72.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 48.""",
        "answer": r"72",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the earlier, abandoned answer; final answer differs",
        "category": "revised_answer",
    },
    {
        "response": r"""$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. So the answer is 6.

Wait, I misread the question: it asks for the value of the expression, not that. Let me redo it.

$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$.

So the answer is 10.""",
        "answer": r"10",
        "label": True,
        "ambiguous": False,
        "source": r"model states an answer, notices a misreading, and revises; last statement counts",
        "category": "revised_answer",
    },
    {
        "response": r"""$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. So the answer is 6.

Wait, I misread the question: it asks for the value of the expression, not that. Let me redo it.

$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$.

So the answer is 10.""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the first, retracted 'answer is' statement",
        "category": "revised_answer",
    },
    {
        "response": r"""A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200. With 8% sales tax, the total is 200 × 1.08 = $216.

The answer is 216.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 200.""",
        "answer": r"200",
        "label": True,
        "ambiguous": False,
        "source": r"model gives a correct-looking answer then revises it; the revised (last) answer counts",
        "category": "revised_answer",
    },
    {
        "response": r"""A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200. With 8% sales tax, the total is 200 × 1.08 = $216.

The answer is 216.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 200.""",
        "answer": r"216",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the earlier, abandoned answer; final answer differs",
        "category": "revised_answer",
    },
    {
        "response": r"""With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.. So the answer is 12.

Wait, I misread the question: it asks for the sum, not that. Let me redo it.

With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.

So the answer is $\frac{17}{12}$.""",
        "answer": r"\frac{17}{12}",
        "label": True,
        "ambiguous": False,
        "source": r"model states an answer, notices a misreading, and revises; last statement counts",
        "category": "revised_answer",
    },
    {
        "response": r"""With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.. So the answer is 12.

Wait, I misread the question: it asks for the sum, not that. Let me redo it.

With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.

So the answer is $\frac{17}{12}$.""",
        "answer": r"12",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the first, retracted 'answer is' statement",
        "category": "revised_answer",
    },
    {
        "response": r"""Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. Therefore $xy = 7 \cdot 3 = 21$.

The answer is 21.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 7.""",
        "answer": r"7",
        "label": True,
        "ambiguous": False,
        "source": r"model gives a correct-looking answer then revises it; the revised (last) answer counts",
        "category": "revised_answer",
    },
    {
        "response": r"""Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. Therefore $xy = 7 \cdot 3 = 21$.

The answer is 21.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 7.""",
        "answer": r"21",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the earlier, abandoned answer; final answer differs",
        "category": "revised_answer",
    },
    {
        "response": r"""The diameter is $12$, so the radius is $6$. So the answer is $12\pi$.

Wait, I misread the question: it asks for the area of the circle, not that. Let me redo it.

The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$.

So the answer is $36\pi$.""",
        "answer": r"36\pi",
        "label": True,
        "ambiguous": False,
        "source": r"model states an answer, notices a misreading, and revises; last statement counts",
        "category": "revised_answer",
    },
    {
        "response": r"""The diameter is $12$, so the radius is $6$. So the answer is $12\pi$.

Wait, I misread the question: it asks for the area of the circle, not that. Let me redo it.

The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$.

So the answer is $36\pi$.""",
        "answer": r"12\pi",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the first, retracted 'answer is' statement",
        "category": "revised_answer",
    },
    {
        "response": r"""Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.

The answer is 13.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 17.""",
        "answer": r"17",
        "label": True,
        "ambiguous": False,
        "source": r"model gives a correct-looking answer then revises it; the revised (last) answer counts",
        "category": "revised_answer",
    },
    {
        "response": r"""Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.

The answer is 13.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 17.""",
        "answer": r"13",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the earlier, abandoned answer; final answer differs",
        "category": "revised_answer",
    },
    {
        "response": r"""Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. So the answer is 360.

Wait, I misread the question: it asks for the number of positive divisors, not that. Let me redo it.

Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

So the answer is 24.""",
        "answer": r"24",
        "label": True,
        "ambiguous": False,
        "source": r"model states an answer, notices a misreading, and revises; last statement counts",
        "category": "revised_answer",
    },
    {
        "response": r"""Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. So the answer is 360.

Wait, I misread the question: it asks for the number of positive divisors, not that. Let me redo it.

Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

So the answer is 24.""",
        "answer": r"360",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the first, retracted 'answer is' statement",
        "category": "revised_answer",
    },
    {
        "response": r"""The first pipe fills $\frac{1}{6}$ of the tank per hour and the second fills $\frac{1}{3}$. Together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{2}$ of the tank per hour, so the tank is full after $2$ hours.

The answer is 2.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is $\frac{1}{2}$.""",
        "answer": r"\frac{1}{2}",
        "label": True,
        "ambiguous": False,
        "source": r"model gives a correct-looking answer then revises it; the revised (last) answer counts",
        "category": "revised_answer",
    },
    {
        "response": r"""The first pipe fills $\frac{1}{6}$ of the tank per hour and the second fills $\frac{1}{3}$. Together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{2}$ of the tank per hour, so the tank is full after $2$ hours.

The answer is 2.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is $\frac{1}{2}$.""",
        "answer": r"2",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the earlier, abandoned answer; final answer differs",
        "category": "revised_answer",
    },
    {
        "response": r"""The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. So the answer is 9.

Wait, I misread the question: it asks for the units digit, not that. Let me redo it.

The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$.

So the answer is 3.""",
        "answer": r"3",
        "label": True,
        "ambiguous": False,
        "source": r"model states an answer, notices a misreading, and revises; last statement counts",
        "category": "revised_answer",
    },
    {
        "response": r"""The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. So the answer is 9.

Wait, I misread the question: it asks for the units digit, not that. Let me redo it.

The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$.

So the answer is 3.""",
        "answer": r"9",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the first, retracted 'answer is' statement",
        "category": "revised_answer",
    },
    {
        "response": r"""For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

The answer is 7.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 3.5.""",
        "answer": r"3.5",
        "label": True,
        "ambiguous": False,
        "source": r"model gives a correct-looking answer then revises it; the revised (last) answer counts",
        "category": "revised_answer",
    },
    {
        "response": r"""For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

The answer is 7.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 3.5.""",
        "answer": r"7",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the earlier, abandoned answer; final answer differs",
        "category": "revised_answer",
    },
    {
        "response": r"""John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. So the answer is 86.

Wait, I misread the question: it asks for John's change, not that. Let me redo it.

John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. His total is 36 + 50 = $86. He pays with a $100 bill, so his change is 100 - 86 = $14.

So the answer is 14.""",
        "answer": r"14",
        "label": True,
        "ambiguous": False,
        "source": r"model states an answer, notices a misreading, and revises; last statement counts",
        "category": "revised_answer",
    },
    {
        "response": r"""John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. So the answer is 86.

Wait, I misread the question: it asks for John's change, not that. Let me redo it.

John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. His total is 36 + 50 = $86. He pays with a $100 bill, so his change is 100 - 86 = $14.

So the answer is 14.""",
        "answer": r"86",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the first, retracted 'answer is' statement",
        "category": "revised_answer",
    },
    {
        "response": r"""Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

The answer is $8\sqrt{2}$.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is $5\sqrt{2}$.""",
        "answer": r"5\sqrt{2}",
        "label": True,
        "ambiguous": False,
        "source": r"model gives a correct-looking answer then revises it; the revised (last) answer counts",
        "category": "revised_answer",
    },
    {
        "response": r"""Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

The answer is $8\sqrt{2}$.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is $5\sqrt{2}$.""",
        "answer": r"8\sqrt{2}",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the earlier, abandoned answer; final answer differs",
        "category": "revised_answer",
    },
    {
        "response": r"""$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. So the answer is 3.

Wait, I misread the question: it asks for the number of integer solutions, not that. Let me redo it.

$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.

So the answer is 4.""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"model states an answer, notices a misreading, and revises; last statement counts",
        "category": "revised_answer",
    },
    {
        "response": r"""$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. So the answer is 3.

Wait, I misread the question: it asks for the number of integer solutions, not that. Let me redo it.

$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.

So the answer is 4.""",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the first, retracted 'answer is' statement",
        "category": "revised_answer",
    },
    {
        "response": r"""Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days.

The answer is 8.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 14.""",
        "answer": r"14",
        "label": True,
        "ambiguous": False,
        "source": r"model gives a correct-looking answer then revises it; the revised (last) answer counts",
        "category": "revised_answer",
    },
    {
        "response": r"""Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days.

The answer is 8.

Hmm, actually, let me reconsider. I think I should report the intermediate value instead, since that is what the problem is really after.

The answer is 14.""",
        "answer": r"8",
        "label": False,
        "ambiguous": False,
        "source": r"revised answer: gold equals the earlier, abandoned answer; final answer differs",
        "category": "revised_answer",
    },
    {
        "response": r"The base of the box is $10 \\times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \\cdot 3 = 120$ cubic inches.\n\nThe answer is $\\boxed{120}$.",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout)",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"The base of the box is $10 \\times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \\cdot 3 = 120$ cubic inches.\n\nThe answer is $\\boxed{120}$.",
        "answer": r"40",
        "label": False,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout); gold is an intermediate value",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"""The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches.

So the answer is **120**.""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

The final answer is:
$$\boxed{300}$$""",
        "answer": r"300",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math",
        "category": "display_math_box",
    },
    {
        "response": r"""The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

Therefore, the answer is
\[
\boxed{300}
\]""",
        "answer": r"300",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block",
        "category": "display_math_box",
    },
    {
        "response": r"""The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

Therefore, the answer is
\[
\boxed{300}
\]""",
        "answer": r"60",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block; gold is an intermediate value",
        "category": "display_math_box",
    },
    {
        "response": r"Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples. The answer is $\fbox{51}$.",
        "answer": r"51",
        "label": True,
        "ambiguous": False,
        "source": r"MATH solutions occasionally use \fbox instead of \boxed",
        "category": "fbox_answer",
    },
    {
        "response": r"Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples. The answer is $\fbox{51}$.",
        "answer": r"36",
        "label": False,
        "ambiguous": False,
        "source": r"MATH solutions occasionally use \fbox instead of \boxed; gold is an intermediate value",
        "category": "fbox_answer",
    },
    {
        "response": r"""Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples.

The final answer is \(\boxed{51}\).""",
        "answer": r"51",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math: 'The final answer is \(\boxed{X}\).'",
        "category": "inline_paren_box",
    },
    {
        "response": r"""## Step 1: Set up
The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$).

## Step 2: Finish
The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.

The final answer is: $\boxed{13}$""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3.1 Instruct math format: '## Step N:' headers then 'The final answer is: $\boxed{X}$'",
        "category": "llama_final_answer_box",
    },
    {
        "response": r"The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.\n\nThe answer is $\\boxed{13}$.",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout)",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.\n\nThe answer is $\\boxed{13}$.",
        "answer": r"5",
        "label": False,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout); gold is an intermediate value",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"""There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$.

So the answer is **$\frac{1}{5}$**.""",
        "answer": r"\frac{1}{5}",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$.

So the answer is **$\frac{1}{5}$**.""",
        "answer": r"15",
        "label": False,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box; gold is an intermediate value",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$.

The final answer is:
$$\boxed{\frac{1}{5}}$$""",
        "answer": r"\frac{1}{5}",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math",
        "category": "display_math_box",
    },
    {
        "response": r"""We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$.

Therefore, the answer is
\[
\boxed{2}
\]""",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block",
        "category": "display_math_box",
    },
    {
        "response": r"We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$. The answer is $\fbox{2}$.",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"MATH solutions occasionally use \fbox instead of \boxed",
        "category": "fbox_answer",
    },
    {
        "response": r"We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$. The answer is $\fbox{2}$.",
        "answer": r"146",
        "label": False,
        "ambiguous": False,
        "source": r"MATH solutions occasionally use \fbox instead of \boxed; gold is an intermediate value",
        "category": "fbox_answer",
    },
    {
        "response": r"""First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$.

The final answer is \(\boxed{252}\).""",
        "answer": r"252",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math: 'The final answer is \(\boxed{X}\).'",
        "category": "inline_paren_box",
    },
    {
        "response": r"""First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$.

The final answer is \(\boxed{252}\).""",
        "answer": r"42",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5-Math: 'The final answer is \(\boxed{X}\).'; gold is an intermediate value",
        "category": "inline_paren_box",
    },
    {
        "response": r"""## Step 1: Set up
First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$.

## Step 2: Finish
First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$.

The final answer is: $\boxed{252}$""",
        "answer": r"252",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3.1 Instruct math format: '## Step N:' headers then 'The final answer is: $\boxed{X}$'",
        "category": "llama_final_answer_box",
    },
    {
        "response": r"Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.\n\nThe answer is $\\boxed{480}$.",
        "answer": r"480",
        "label": True,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout)",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"""Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

So the answer is **480**.""",
        "answer": r"480",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

So the answer is **480**.""",
        "answer": r"600",
        "label": False,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box; gold is an intermediate value",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$.

The final answer is:
$$\boxed{30}$$""",
        "answer": r"30",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math",
        "category": "display_math_box",
    },
    {
        "response": r"""By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$.

The final answer is:
$$\boxed{30}$$""",
        "answer": r"13",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math; gold is an intermediate value",
        "category": "display_math_box",
    },
    {
        "response": r"""By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$.

Therefore, the answer is
\[
\boxed{30}
\]""",
        "answer": r"30",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block",
        "category": "display_math_box",
    },
    {
        "response": r"The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$. The answer is $\fbox{79}$.",
        "answer": r"79",
        "label": True,
        "ambiguous": False,
        "source": r"MATH solutions occasionally use \fbox instead of \boxed",
        "category": "fbox_answer",
    },
    {
        "response": r"""The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$.

The final answer is \(\boxed{79}\).""",
        "answer": r"79",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math: 'The final answer is \(\boxed{X}\).'",
        "category": "inline_paren_box",
    },
    {
        "response": r"""The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$.

The final answer is \(\boxed{79}\).""",
        "answer": r"76",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5-Math: 'The final answer is \(\boxed{X}\).'; gold is an intermediate value",
        "category": "inline_paren_box",
    },
    {
        "response": r"""## Step 1: Set up
First, $f(2) = 3(2) + 1 = 7$.

## Step 2: Finish
First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.

The final answer is: $\boxed{48}$""",
        "answer": r"48",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3.1 Instruct math format: '## Step N:' headers then 'The final answer is: $\boxed{X}$'",
        "category": "llama_final_answer_box",
    },
    {
        "response": r"""## Step 1: Set up
First, $f(2) = 3(2) + 1 = 7$.

## Step 2: Finish
First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.

The final answer is: $\boxed{48}$""",
        "answer": r"7",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-3.1 Instruct math format: '## Step N:' headers then 'The final answer is: $\boxed{X}$'; gold is an intermediate value",
        "category": "llama_final_answer_box",
    },
    {
        "response": r"First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.\n\nThe answer is $\\boxed{48}$.",
        "answer": r"48",
        "label": True,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout)",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"""The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.

So the answer is **-1**.""",
        "answer": r"-1",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.

The final answer is:
$$\boxed{-1}$$""",
        "answer": r"-1",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math",
        "category": "display_math_box",
    },
    {
        "response": r"""The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.

The final answer is:
$$\boxed{-1}$$""",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math; gold is an intermediate value",
        "category": "display_math_box",
    },
    {
        "response": r"""Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.

Therefore, the answer is
\[
\boxed{15}
\]""",
        "answer": r"15",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block",
        "category": "display_math_box",
    },
    {
        "response": r"""Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.

Therefore, the answer is
\[
\boxed{15}
\]""",
        "answer": r"120",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block; gold is an intermediate value",
        "category": "display_math_box",
    },
    {
        "response": r"Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies. The answer is $\fbox{15}$.",
        "answer": r"15",
        "label": True,
        "ambiguous": False,
        "source": r"MATH solutions occasionally use \fbox instead of \boxed",
        "category": "fbox_answer",
    },
    {
        "response": r"""The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

The final answer is \(\boxed{120^\circ}\).""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math: 'The final answer is \(\boxed{X}\).'",
        "category": "inline_paren_box",
    },
    {
        "response": r"""## Step 1: Set up
The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$.

## Step 2: Finish
The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

The final answer is: $\boxed{120^\circ}$""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3.1 Instruct math format: '## Step N:' headers then 'The final answer is: $\boxed{X}$'",
        "category": "llama_final_answer_box",
    },
    {
        "response": r"""## Step 1: Set up
The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$.

## Step 2: Finish
The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

The final answer is: $\boxed{120^\circ}$""",
        "answer": r"720",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-3.1 Instruct math format: '## Step N:' headers then 'The final answer is: $\boxed{X}$'; gold is an intermediate value",
        "category": "llama_final_answer_box",
    },
    {
        "response": r"We have $2^5 \\cdot 5^3 = 2^2 \\cdot (2 \\cdot 5)^3 = 4 \\cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.\n\nThe answer is $\\boxed{4}$.",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout)",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"We have $2^5 \\cdot 5^3 = 2^2 \\cdot (2 \\cdot 5)^3 = 4 \\cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.\n\nThe answer is $\\boxed{4}$.",
        "answer": r"4000",
        "label": False,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout); gold is an intermediate value",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"""We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.

So the answer is **4**.""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

The final answer is:
$$\boxed{72}$$""",
        "answer": r"72",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math",
        "category": "display_math_box",
    },
    {
        "response": r"""There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

Therefore, the answer is
\[
\boxed{72}
\]""",
        "answer": r"72",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block",
        "category": "display_math_box",
    },
    {
        "response": r"""There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

Therefore, the answer is
\[
\boxed{72}
\]""",
        "answer": r"48",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block; gold is an intermediate value",
        "category": "display_math_box",
    },
    {
        "response": r"$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$. The answer is $\fbox{10}$.",
        "answer": r"10",
        "label": True,
        "ambiguous": False,
        "source": r"MATH solutions occasionally use \fbox instead of \boxed",
        "category": "fbox_answer",
    },
    {
        "response": r"$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$. The answer is $\fbox{10}$.",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"MATH solutions occasionally use \fbox instead of \boxed; gold is an intermediate value",
        "category": "fbox_answer",
    },
    {
        "response": r"""$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$.

The final answer is \(\boxed{10}\).""",
        "answer": r"10",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math: 'The final answer is \(\boxed{X}\).'",
        "category": "inline_paren_box",
    },
    {
        "response": r"""## Step 1: Set up
A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200.

## Step 2: Finish
A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200. With 8% sales tax, the total is 200 × 1.08 = $216.

The final answer is: $\boxed{216}$""",
        "answer": r"216",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3.1 Instruct math format: '## Step N:' headers then 'The final answer is: $\boxed{X}$'",
        "category": "llama_final_answer_box",
    },
    {
        "response": r"A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200. With 8% sales tax, the total is 200 × 1.08 = $216.\n\nThe answer is $\\boxed{216}$.",
        "answer": r"216",
        "label": True,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout)",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200. With 8% sales tax, the total is 200 × 1.08 = $216.\n\nThe answer is $\\boxed{216}$.",
        "answer": r"200",
        "label": False,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout); gold is an intermediate value",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"""With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.

So the answer is **$\frac{17}{12}$**.""",
        "answer": r"\frac{17}{12}",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.

So the answer is **$\frac{17}{12}$**.""",
        "answer": r"12",
        "label": False,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box; gold is an intermediate value",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.

The final answer is:
$$\boxed{\frac{17}{12}}$$""",
        "answer": r"\frac{17}{12}",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math",
        "category": "display_math_box",
    },
    {
        "response": r"""Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. Therefore $xy = 7 \cdot 3 = 21$.

Therefore, the answer is
\[
\boxed{21}
\]""",
        "answer": r"21",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block",
        "category": "display_math_box",
    },
    {
        "response": r"Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. Therefore $xy = 7 \cdot 3 = 21$. The answer is $\fbox{21}$.",
        "answer": r"21",
        "label": True,
        "ambiguous": False,
        "source": r"MATH solutions occasionally use \fbox instead of \boxed",
        "category": "fbox_answer",
    },
    {
        "response": r"Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. Therefore $xy = 7 \cdot 3 = 21$. The answer is $\fbox{21}$.",
        "answer": r"7",
        "label": False,
        "ambiguous": False,
        "source": r"MATH solutions occasionally use \fbox instead of \boxed; gold is an intermediate value",
        "category": "fbox_answer",
    },
    {
        "response": r"""The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$.

The final answer is \(\boxed{36\pi}\).""",
        "answer": r"36\pi",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math: 'The final answer is \(\boxed{X}\).'",
        "category": "inline_paren_box",
    },
    {
        "response": r"""The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$.

The final answer is \(\boxed{36\pi}\).""",
        "answer": r"12\pi",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5-Math: 'The final answer is \(\boxed{X}\).'; gold is an intermediate value",
        "category": "inline_paren_box",
    },
    {
        "response": r"""## Step 1: Set up
The diameter is $12$, so the radius is $6$.

## Step 2: Finish
The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$.

The final answer is: $\boxed{36\pi}$""",
        "answer": r"36\pi",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3.1 Instruct math format: '## Step N:' headers then 'The final answer is: $\boxed{X}$'",
        "category": "llama_final_answer_box",
    },
    {
        "response": r"Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.\n\nThe answer is $\\boxed{13}$.",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout)",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"""Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.

So the answer is **13**.""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.

So the answer is **13**.""",
        "answer": r"17",
        "label": False,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box; gold is an intermediate value",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

The final answer is:
$$\boxed{24}$$""",
        "answer": r"24",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math",
        "category": "display_math_box",
    },
    {
        "response": r"""Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

The final answer is:
$$\boxed{24}$$""",
        "answer": r"360",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math; gold is an intermediate value",
        "category": "display_math_box",
    },
    {
        "response": r"""Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

Therefore, the answer is
\[
\boxed{24}
\]""",
        "answer": r"24",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block",
        "category": "display_math_box",
    },
    {
        "response": r"The first pipe fills $\frac{1}{6}$ of the tank per hour and the second fills $\frac{1}{3}$. Together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{2}$ of the tank per hour, so the tank is full after $2$ hours. The answer is $\fbox{2}$.",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"MATH solutions occasionally use \fbox instead of \boxed",
        "category": "fbox_answer",
    },
    {
        "response": r"""The first pipe fills $\frac{1}{6}$ of the tank per hour and the second fills $\frac{1}{3}$. Together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{2}$ of the tank per hour, so the tank is full after $2$ hours.

The final answer is \(\boxed{2}\).""",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math: 'The final answer is \(\boxed{X}\).'",
        "category": "inline_paren_box",
    },
    {
        "response": r"""The first pipe fills $\frac{1}{6}$ of the tank per hour and the second fills $\frac{1}{3}$. Together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{2}$ of the tank per hour, so the tank is full after $2$ hours.

The final answer is \(\boxed{2}\).""",
        "answer": r"\frac{1}{2}",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5-Math: 'The final answer is \(\boxed{X}\).'; gold is an intermediate value",
        "category": "inline_paren_box",
    },
    {
        "response": r"""## Step 1: Set up
The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$.

## Step 2: Finish
The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$.

The final answer is: $\boxed{3}$""",
        "answer": r"3",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3.1 Instruct math format: '## Step N:' headers then 'The final answer is: $\boxed{X}$'",
        "category": "llama_final_answer_box",
    },
    {
        "response": r"""## Step 1: Set up
The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$.

## Step 2: Finish
The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$.

The final answer is: $\boxed{3}$""",
        "answer": r"9",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-3.1 Instruct math format: '## Step N:' headers then 'The final answer is: $\boxed{X}$'; gold is an intermediate value",
        "category": "llama_final_answer_box",
    },
    {
        "response": r"The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \\cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$.\n\nThe answer is $\\boxed{3}$.",
        "answer": r"3",
        "label": True,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout)",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"""For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

So the answer is **7**.""",
        "answer": r"7",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

The final answer is:
$$\boxed{7}$$""",
        "answer": r"7",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math",
        "category": "display_math_box",
    },
    {
        "response": r"""For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

The final answer is:
$$\boxed{7}$$""",
        "answer": r"3.5",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math; gold is an intermediate value",
        "category": "display_math_box",
    },
    {
        "response": r"""John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. His total is 36 + 50 = $86. He pays with a $100 bill, so his change is 100 - 86 = $14.

Therefore, the answer is
\[
\boxed{14}
\]""",
        "answer": r"14",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block",
        "category": "display_math_box",
    },
    {
        "response": r"""John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. His total is 36 + 50 = $86. He pays with a $100 bill, so his change is 100 - 86 = $14.

Therefore, the answer is
\[
\boxed{14}
\]""",
        "answer": r"86",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block; gold is an intermediate value",
        "category": "display_math_box",
    },
    {
        "response": r"John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. His total is 36 + 50 = $86. He pays with a $100 bill, so his change is 100 - 86 = $14. The answer is $\fbox{14}$.",
        "answer": r"14",
        "label": True,
        "ambiguous": False,
        "source": r"MATH solutions occasionally use \fbox instead of \boxed",
        "category": "fbox_answer",
    },
    {
        "response": r"""Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

The final answer is \(\boxed{8\sqrt{2}}\).""",
        "answer": r"8\sqrt{2}",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math: 'The final answer is \(\boxed{X}\).'",
        "category": "inline_paren_box",
    },
    {
        "response": r"""## Step 1: Set up
Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$.

## Step 2: Finish
Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

The final answer is: $\boxed{8\sqrt{2}}$""",
        "answer": r"8\sqrt{2}",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3.1 Instruct math format: '## Step N:' headers then 'The final answer is: $\boxed{X}$'",
        "category": "llama_final_answer_box",
    },
    {
        "response": r"""## Step 1: Set up
Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$.

## Step 2: Finish
Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

The final answer is: $\boxed{8\sqrt{2}}$""",
        "answer": r"5\sqrt{2}",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-3.1 Instruct math format: '## Step N:' headers then 'The final answer is: $\boxed{X}$'; gold is an intermediate value",
        "category": "llama_final_answer_box",
    },
    {
        "response": r"$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.\n\nThe answer is $\\boxed{4}$.",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout)",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.\n\nThe answer is $\\boxed{4}$.",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"response stored JSON-escaped: doubled backslashes and literal \n (e.g. dumped from a jsonl rollout); gold is an intermediate value",
        "category": "json_escaped_backslashes",
    },
    {
        "response": r"""$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.

So the answer is **4**.""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"Llama/Mistral chat: answer only in markdown bold, no box",
        "category": "markdown_bold_answer",
    },
    {
        "response": r"""Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days.

The final answer is:
$$\boxed{8}$$""",
        "answer": r"8",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5/Llama-3 chat: '$$\boxed{X}$$' in display math",
        "category": "display_math_box",
    },
    {
        "response": r"""Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days.

Therefore, the answer is
\[
\boxed{8}
\]""",
        "answer": r"8",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block",
        "category": "display_math_box",
    },
    {
        "response": r"""Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days.

Therefore, the answer is
\[
\boxed{8}
\]""",
        "answer": r"14",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen2.5-Math chat: '\[ \boxed{X} \]' display block; gold is an intermediate value",
        "category": "display_math_box",
    },
    {
        "response": r"""The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches.

The answer is $\boxed{120}$.<|im_end|>
<|im_start|>user
A rectangle has sides 7 and 9. What is its area?<|im_end|>
<|im_start|>assistant
The area is 7 × 9 = 63. The answer is $\boxed{63}$.<|im_end|>""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen ChatML: generation runs past <|im_end|> into a new user turn with its own numbers; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches.

The answer is $\boxed{120}$.<|im_end|>
<|im_start|>user
A rectangle has sides 7 and 9. What is its area?<|im_end|>
<|im_start|>assistant
The area is 7 × 9 = 63. The answer is $\boxed{63}$.<|im_end|>""",
        "answer": r"63",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen ChatML: generation runs past <|im_end|> into a new user turn with its own numbers; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

The answer is $\boxed{300}$.<|eot_id|><|start_header_id|>user<|end_header_id|>

If 3 pencils cost $1.20, how much do 10 pencils cost?<|eot_id|><|start_header_id|>assistant<|end_header_id|>

One pencil costs $0.40, so 10 cost $4.00.
#### 4""",
        "answer": r"300",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3 chat template: text after <|eot_id|> continues with an invented user turn; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

The answer is $\boxed{300}$.<|eot_id|><|start_header_id|>user<|end_header_id|>

If 3 pencils cost $1.20, how much do 10 pencils cost?<|eot_id|><|start_header_id|>assistant<|end_header_id|>

One pencil costs $0.40, so 10 cost $4.00.
#### 4""",
        "answer": r"4",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-3 chat template: text after <|eot_id|> continues with an invented user turn; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.
Final Answer: The final answer is $13$. I hope it is correct.

Problem:
Solve for $y$: $2y + 5 = 17$.

Solution:
$2y = 12$, so $y = \boxed{6}$.""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva few-shot base model keeps generating the next 'Problem:/Solution:' pair; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.
Final Answer: The final answer is $13$. I hope it is correct.

Problem:
Solve for $y$: $2y + 5 = 17$.

Solution:
$2y = 12$, so $y = \boxed{6}$.""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva few-shot base model keeps generating the next 'Problem:/Solution:' pair; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""There are \binom{6}{2} = 15 ways to choose two marbles, and \binom{3}{2} = 3 ways to choose two red ones. So the probability is \frac{3}{15} = \frac{1}{5}.
#### \frac{1}{5}

Question: A rectangle has sides 7 and 9. What is its area?
Answer: The area is 7 × 9 = 63. The answer is $\boxed{63}$.""",
        "answer": r"\frac{1}{5}",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K few-shot base model continues with a new 'Question:/Answer:' pair; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""There are \binom{6}{2} = 15 ways to choose two marbles, and \binom{3}{2} = 3 ways to choose two red ones. So the probability is \frac{3}{15} = \frac{1}{5}.
#### \frac{1}{5}

Question: A rectangle has sides 7 and 9. What is its area?
Answer: The area is 7 × 9 = 63. The answer is $\boxed{63}$.""",
        "answer": r"63",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K few-shot base model continues with a new 'Question:/Answer:' pair; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$.

The answer is $\boxed{252}$.<|eot_id|><|start_header_id|>user<|end_header_id|>

What is the sum of the first 10 positive integers?<|eot_id|><|start_header_id|>assistant<|end_header_id|>

$\frac{10 \cdot 11}{2} = 55$, so the answer is $\boxed{55}$.""",
        "answer": r"252",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3 chat template: text after <|eot_id|> continues with an invented user turn; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$.

The answer is $\boxed{252}$.<|eot_id|><|start_header_id|>user<|end_header_id|>

What is the sum of the first 10 positive integers?<|eot_id|><|start_header_id|>assistant<|end_header_id|>

$\frac{10 \cdot 11}{2} = 55$, so the answer is $\boxed{55}$.""",
        "answer": r"55",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-3 chat template: text after <|eot_id|> continues with an invented user turn; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

The answer is $\boxed{480}$.</s>[INST] Solve for $y$: $2y + 5 = 17$. [/INST] $2y = 12$, so $y = \boxed{6}$.</s>""",
        "answer": r"480",
        "label": True,
        "ambiguous": False,
        "source": r"Mistral/Llama-2 [INST] template: a new instruction and answer after </s>; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

The answer is $\boxed{480}$.</s>[INST] Solve for $y$: $2y + 5 = 17$. [/INST] $2y = 12$, so $y = \boxed{6}$.</s>""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"Mistral/Llama-2 [INST] template: a new instruction and answer after </s>; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The common difference is 7 - 3 = 4. The nth term is 3 + (n-1) \cdot 4, so the 20th term is 3 + 19 \cdot 4 = 3 + 76 = 79.
#### 79

Question: If 3 pencils cost $1.20, how much do 10 pencils cost?
Answer: One pencil costs $0.40, so 10 cost $4.00.
#### 4""",
        "answer": r"79",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K few-shot base model continues with a new 'Question:/Answer:' pair; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The common difference is 7 - 3 = 4. The nth term is 3 + (n-1) \cdot 4, so the 20th term is 3 + 19 \cdot 4 = 3 + 76 = 79.
#### 79

Question: If 3 pencils cost $1.20, how much do 10 pencils cost?
Answer: One pencil costs $0.40, so 10 cost $4.00.
#### 4""",
        "answer": r"4",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K few-shot base model continues with a new 'Question:/Answer:' pair; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.

The answer is $\boxed{48}$.<|im_end|>
<|im_start|>user
What is the sum of the first 10 positive integers?<|im_end|>
<|im_start|>assistant
$\frac{10 \cdot 11}{2} = 55$, so the answer is $\boxed{55}$.<|im_end|>""",
        "answer": r"48",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen ChatML: generation runs past <|im_end|> into a new user turn with its own numbers; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.

The answer is $\boxed{48}$.<|im_end|>
<|im_start|>user
What is the sum of the first 10 positive integers?<|im_end|>
<|im_start|>assistant
$\frac{10 \cdot 11}{2} = 55$, so the answer is $\boxed{55}$.<|im_end|>""",
        "answer": r"55",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen ChatML: generation runs past <|im_end|> into a new user turn with its own numbers; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.

The answer is $\boxed{15}$.</s>[INST] A rectangle has sides 7 and 9. What is its area? [/INST] The area is 7 × 9 = 63. The answer is $\boxed{63}$.</s>""",
        "answer": r"15",
        "label": True,
        "ambiguous": False,
        "source": r"Mistral/Llama-2 [INST] template: a new instruction and answer after </s>; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.

The answer is $\boxed{15}$.</s>[INST] A rectangle has sides 7 and 9. What is its area? [/INST] The area is 7 × 9 = 63. The answer is $\boxed{63}$.</s>""",
        "answer": r"63",
        "label": False,
        "ambiguous": False,
        "source": r"Mistral/Llama-2 [INST] template: a new instruction and answer after </s>; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.
Final Answer: The final answer is $120^\circ$. I hope it is correct.

Problem:
If 3 pencils cost $1.20, how much do 10 pencils cost?

Solution:
One pencil costs $0.40, so 10 cost $4.00. Final Answer: The final answer is $4$. I hope it is correct.""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva few-shot base model keeps generating the next 'Problem:/Solution:' pair; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.
Final Answer: The final answer is $120^\circ$. I hope it is correct.

Problem:
If 3 pencils cost $1.20, how much do 10 pencils cost?

Solution:
One pencil costs $0.40, so 10 cost $4.00. Final Answer: The final answer is $4$. I hope it is correct.""",
        "answer": r"4",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva few-shot base model keeps generating the next 'Problem:/Solution:' pair; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

The answer is $\boxed{72}$.<|im_end|>
<|im_start|>user
Solve for $y$: $2y + 5 = 17$.<|im_end|>
<|im_start|>assistant
$2y = 12$, so $y = \boxed{6}$.<|im_end|>""",
        "answer": r"72",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen ChatML: generation runs past <|im_end|> into a new user turn with its own numbers; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

The answer is $\boxed{72}$.<|im_end|>
<|im_start|>user
Solve for $y$: $2y + 5 = 17$.<|im_end|>
<|im_start|>assistant
$2y = 12$, so $y = \boxed{6}$.<|im_end|>""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen ChatML: generation runs past <|im_end|> into a new user turn with its own numbers; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$.

The answer is $\boxed{10}$.<|eot_id|><|start_header_id|>user<|end_header_id|>

A rectangle has sides 7 and 9. What is its area?<|eot_id|><|start_header_id|>assistant<|end_header_id|>

The area is 7 × 9 = 63. The answer is $\boxed{63}$.""",
        "answer": r"10",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3 chat template: text after <|eot_id|> continues with an invented user turn; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$.

The answer is $\boxed{10}$.<|eot_id|><|start_header_id|>user<|end_header_id|>

A rectangle has sides 7 and 9. What is its area?<|eot_id|><|start_header_id|>assistant<|end_header_id|>

The area is 7 × 9 = 63. The answer is $\boxed{63}$.""",
        "answer": r"63",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-3 chat template: text after <|eot_id|> continues with an invented user turn; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.
Final Answer: The final answer is $\frac{17}{12}$. I hope it is correct.

Problem:
What is the sum of the first 10 positive integers?

Solution:
$\frac{10 \cdot 11}{2} = 55$, so the answer is $\boxed{55}$.""",
        "answer": r"\frac{17}{12}",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva few-shot base model keeps generating the next 'Problem:/Solution:' pair; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.
Final Answer: The final answer is $\frac{17}{12}$. I hope it is correct.

Problem:
What is the sum of the first 10 positive integers?

Solution:
$\frac{10 \cdot 11}{2} = 55$, so the answer is $\boxed{55}$.""",
        "answer": r"55",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva few-shot base model keeps generating the next 'Problem:/Solution:' pair; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Adding x + y = 10 and x - y = 4 gives 2x = 14, so x = 7 and y = 3. Therefore xy = 7 \cdot 3 = 21.
#### 21

Question: Solve for $y$: $2y + 5 = 17$.
Answer: $2y = 12$, so $y = \boxed{6}$.""",
        "answer": r"21",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K few-shot base model continues with a new 'Question:/Answer:' pair; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Adding x + y = 10 and x - y = 4 gives 2x = 14, so x = 7 and y = 3. Therefore xy = 7 \cdot 3 = 21.
#### 21

Question: Solve for $y$: $2y + 5 = 17$.
Answer: $2y = 12$, so $y = \boxed{6}$.""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K few-shot base model continues with a new 'Question:/Answer:' pair; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.

The answer is $\boxed{13}$.<|eot_id|><|start_header_id|>user<|end_header_id|>

If 3 pencils cost $1.20, how much do 10 pencils cost?<|eot_id|><|start_header_id|>assistant<|end_header_id|>

One pencil costs $0.40, so 10 cost $4.00.
#### 4""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3 chat template: text after <|eot_id|> continues with an invented user turn; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.

The answer is $\boxed{13}$.<|eot_id|><|start_header_id|>user<|end_header_id|>

If 3 pencils cost $1.20, how much do 10 pencils cost?<|eot_id|><|start_header_id|>assistant<|end_header_id|>

One pencil costs $0.40, so 10 cost $4.00.
#### 4""",
        "answer": r"4",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-3 chat template: text after <|eot_id|> continues with an invented user turn; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

The answer is $\boxed{24}$.</s>[INST] What is the sum of the first 10 positive integers? [/INST] $\frac{10 \cdot 11}{2} = 55$, so the answer is $\boxed{55}$.</s>""",
        "answer": r"24",
        "label": True,
        "ambiguous": False,
        "source": r"Mistral/Llama-2 [INST] template: a new instruction and answer after </s>; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

The answer is $\boxed{24}$.</s>[INST] What is the sum of the first 10 positive integers? [/INST] $\frac{10 \cdot 11}{2} = 55$, so the answer is $\boxed{55}$.</s>""",
        "answer": r"55",
        "label": False,
        "ambiguous": False,
        "source": r"Mistral/Llama-2 [INST] template: a new instruction and answer after </s>; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The units digits of 7^n cycle with period 4: 7, 9, 3, 1. Since 2023 = 4 \cdot 505 + 3, the units digit of 7^{2023} matches that of 7^3 = 343, which is 3.
#### 3

Question: A rectangle has sides 7 and 9. What is its area?
Answer: The area is 7 × 9 = 63. The answer is $\boxed{63}$.""",
        "answer": r"3",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K few-shot base model continues with a new 'Question:/Answer:' pair; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The units digits of 7^n cycle with period 4: 7, 9, 3, 1. Since 2023 = 4 \cdot 505 + 3, the units digit of 7^{2023} matches that of 7^3 = 343, which is 3.
#### 3

Question: A rectangle has sides 7 and 9. What is its area?
Answer: The area is 7 × 9 = 63. The answer is $\boxed{63}$.""",
        "answer": r"63",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K few-shot base model continues with a new 'Question:/Answer:' pair; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

The answer is $\boxed{7}$.<|im_end|>
<|im_start|>user
If 3 pencils cost $1.20, how much do 10 pencils cost?<|im_end|>
<|im_start|>assistant
One pencil costs $0.40, so 10 cost $4.00.
#### 4<|im_end|>""",
        "answer": r"7",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen ChatML: generation runs past <|im_end|> into a new user turn with its own numbers; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

The answer is $\boxed{7}$.<|im_end|>
<|im_start|>user
If 3 pencils cost $1.20, how much do 10 pencils cost?<|im_end|>
<|im_start|>assistant
One pencil costs $0.40, so 10 cost $4.00.
#### 4<|im_end|>""",
        "answer": r"4",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen ChatML: generation runs past <|im_end|> into a new user turn with its own numbers; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

The answer is $\boxed{8\sqrt{2}}$.</s>[INST] Solve for $y$: $2y + 5 = 17$. [/INST] $2y = 12$, so $y = \boxed{6}$.</s>""",
        "answer": r"8\sqrt{2}",
        "label": True,
        "ambiguous": False,
        "source": r"Mistral/Llama-2 [INST] template: a new instruction and answer after </s>; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

The answer is $\boxed{8\sqrt{2}}$.</s>[INST] Solve for $y$: $2y + 5 = 17$. [/INST] $2y = 12$, so $y = \boxed{6}$.</s>""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"Mistral/Llama-2 [INST] template: a new instruction and answer after </s>; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.
Final Answer: The final answer is $4$. I hope it is correct.

Problem:
A rectangle has sides 7 and 9. What is its area?

Solution:
The area is 7 × 9 = 63. The answer is $\boxed{63}$.""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva few-shot base model keeps generating the next 'Problem:/Solution:' pair; answer is before the tail",
        "category": "chat_template_tail",
    },
    {
        "response": r"""$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.
Final Answer: The final answer is $4$. I hope it is correct.

Problem:
A rectangle has sides 7 and 9. What is its area?

Solution:
The area is 7 × 9 = 63. The answer is $\boxed{63}$.""",
        "answer": r"63",
        "label": False,
        "ambiguous": False,
        "source": r"Minerva few-shot base model keeps generating the next 'Problem:/Solution:' pair; gold equals the answer to the invented follow-up question",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples.

The answer is 51.<|im_end|>""",
        "answer": r"51",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen ChatML end token left in the response",
        "category": "chat_template_tail",
    },
    {
        "response": r"""Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples.

The answer is 51.<|im_end|>""",
        "answer": r"36",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen ChatML end token left in the response; gold is an intermediate value",
        "category": "chat_template_tail",
    },
    {
        "response": r"""We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$.

**Final Answer:** $2$<|eot_id|>""",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3 end-of-turn token left in the response",
        "category": "chat_template_tail",
    },
    {
        "response": r"""By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$.

The answer is 30.</s>""",
        "answer": r"30",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-2/Mistral EOS string left in the response",
        "category": "chat_template_tail",
    },
    {
        "response": r"""By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$.

The answer is 30.</s>""",
        "answer": r"13",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-2/Mistral EOS string left in the response; gold is an intermediate value",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.

**Final Answer:** $-1$<|endoftext|>""",
        "answer": r"-1",
        "label": True,
        "ambiguous": False,
        "source": r"GPT-2/Qwen base end-of-text token",
        "category": "chat_template_tail",
    },
    {
        "response": r"""We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.

The answer is 4.<|im_end|>
<|endoftext|>""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen ChatML end tokens, both",
        "category": "chat_template_tail",
    },
    {
        "response": r"""We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.

The answer is 4.<|im_end|>
<|endoftext|>""",
        "answer": r"4000",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen ChatML end tokens, both; gold is an intermediate value",
        "category": "chat_template_tail",
    },
    {
        "response": r"""A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200. With 8% sales tax, the total is 200 × 1.08 = $216.

**Final Answer:** $216$<｜end▁of▁sentence｜>""",
        "answer": r"216",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek end-of-sentence token left in the decoded text",
        "category": "chat_template_tail",
    },
    {
        "response": r"""<think>
Okay, so I need to find the volume of the box. Let me start by reading the problem again.

The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches.

Wait, let me double-check. 120 / 10 = 12, and 12 / 4 = 3, which is the height.

Yeah, that seems right.
</think>

The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches.

**Final Answer**
\boxed{120}""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1/OpenR1 trace: <think> ... </think> then summary with \boxed",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, so I need to find the volume of the box. Let me start by reading the problem again.

The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches.

Wait, let me double-check. 120 / 10 = 12, and 12 / 4 = 3, which is the height.

Yeah, that seems right.
</think>

The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches.

**Final Answer**
\boxed{120}""",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace; gold equals the last number inside the thinking, not the final box",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Alright, let's tackle this problem step by step.

The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. So is the answer just \boxed{60}?

Wait, no. That's not what's being asked. Let me reread the question.

The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

Okay, so the distance traveled is 300.
</think>

The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

The answer is $\boxed{300}$.""",
        "answer": r"300",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: a box inside <think> differs from the final answer after </think>; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Alright, let's tackle this problem step by step.

The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. So is the answer just \boxed{60}?

Wait, no. That's not what's being asked. Let me reread the question.

The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

Okay, so the distance traveled is 300.
</think>

The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles.

The answer is $\boxed{300}$.""",
        "answer": r"60",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: gold equals the premature \boxed inside <think>, final answer after </think> differs",
        "category": "think_box_then_final",
    },
    {
        "response": r"""Okay, let me see. The question is asking for the number of apples Sara has.

Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples.

That checks out.
</think>

Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples.

$\boxed{51}$""",
        "answer": r"51",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1-Distill: opening <think> is in the prompt, response starts mid-thought and has only </think>",
        "category": "think_tags",
    },
    {
        "response": r"""Okay, let me see. The question is asking for the number of apples Sara has.

Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples.

That checks out.
</think>

Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples.

$\boxed{51}$""",
        "answer": r"36",
        "label": False,
        "ambiguous": False,
        "source": r"R1-Distill trace without opening tag; gold is an intermediate value",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Hmm, so I have to figure out the sum of the squares of the roots. Let me think.

The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.

Wait, let me double-check. Using Vieta: $5^2 - 2 \cdot 6 = 25 - 12 = 13$, and the product of the roots is $6$.

Yeah, that seems right.
</think>

The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.

**Final Answer**
\boxed{13}""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1/OpenR1 trace: <think> ... </think> then summary with \boxed",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Hmm, so I have to figure out the sum of the squares of the roots. Let me think.

The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.

Wait, let me double-check. Using Vieta: $5^2 - 2 \cdot 6 = 25 - 12 = 13$, and the product of the roots is $6$.

Yeah, that seems right.
</think>

The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$.

**Final Answer**
\boxed{13}""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace; gold equals the last number inside the thinking, not the final box",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, so I need to find the probability that both marbles are red. Let me start by reading the problem again.

There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So is the answer just \boxed{15}?

Wait, no. That's not what's being asked. Let me reread the question.

There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$.

Okay, so the probability that both marbles are red is \frac{1}{5}.
</think>

There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$.

The answer is $\boxed{\frac{1}{5}}$.""",
        "answer": r"\frac{1}{5}",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: a box inside <think> differs from the final answer after </think>; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Okay, so I need to find the probability that both marbles are red. Let me start by reading the problem again.

There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So is the answer just \boxed{15}?

Wait, no. That's not what's being asked. Let me reread the question.

There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$.

Okay, so the probability that both marbles are red is \frac{1}{5}.
</think>

There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$.

The answer is $\boxed{\frac{1}{5}}$.""",
        "answer": r"15",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: gold equals the premature \boxed inside <think>, final answer after </think> differs",
        "category": "think_box_then_final",
    },
    {
        "response": r"""Alright, let's tackle this problem step by step.

We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$.

That checks out.
</think>

We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$.

$\boxed{2}$""",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1-Distill: opening <think> is in the prompt, response starts mid-thought and has only </think>",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for the least common multiple.

First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$.

Wait, let me double-check. 252 / 84 = 3 and 252 / 126 = 2.

Yeah, that seems right.
</think>

First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$.

**Final Answer**
\boxed{252}""",
        "answer": r"252",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1/OpenR1 trace: <think> ... </think> then summary with \boxed",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for the least common multiple.

First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$.

Wait, let me double-check. 252 / 84 = 3 and 252 / 126 = 2.

Yeah, that seems right.
</think>

First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$.

**Final Answer**
\boxed{252}""",
        "answer": r"2",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace; gold equals the last number inside the thinking, not the final box",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Hmm, so I have to figure out the amount Maria keeps. Let me think.

Maria works 8 hours a day for 5 days, which is 40 hours. So is the answer just \boxed{600}?

Wait, no. That's not what's being asked. Let me reread the question.

Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

Okay, so the amount Maria keeps is 480.
</think>

Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

The answer is $\boxed{480}$.""",
        "answer": r"480",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: a box inside <think> differs from the final answer after </think>; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Hmm, so I have to figure out the amount Maria keeps. Let me think.

Maria works 8 hours a day for 5 days, which is 40 hours. So is the answer just \boxed{600}?

Wait, no. That's not what's being asked. Let me reread the question.

Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

Okay, so the amount Maria keeps is 480.
</think>

Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480.

The answer is $\boxed{480}$.""",
        "answer": r"600",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: gold equals the premature \boxed inside <think>, final answer after </think> differs",
        "category": "think_box_then_final",
    },
    {
        "response": r"""Okay, so I need to find the perimeter of the triangle. Let me start by reading the problem again.

By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$.

That checks out.
</think>

By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$.

$\boxed{30}$""",
        "answer": r"30",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1-Distill: opening <think> is in the prompt, response starts mid-thought and has only </think>",
        "category": "think_tags",
    },
    {
        "response": r"""Okay, so I need to find the perimeter of the triangle. Let me start by reading the problem again.

By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$.

That checks out.
</think>

By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$.

$\boxed{30}$""",
        "answer": r"13",
        "label": False,
        "ambiguous": False,
        "source": r"R1-Distill trace without opening tag; gold is an intermediate value",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Alright, let's tackle this problem step by step.

The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$.

Wait, let me double-check. The sequence goes 3, 7, 11, 15, ..., and $79 - 3 = 76 = 19 \cdot 4$.

Yeah, that seems right.
</think>

The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$.

**Final Answer**
\boxed{79}""",
        "answer": r"79",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1/OpenR1 trace: <think> ... </think> then summary with \boxed",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Alright, let's tackle this problem step by step.

The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$.

Wait, let me double-check. The sequence goes 3, 7, 11, 15, ..., and $79 - 3 = 76 = 19 \cdot 4$.

Yeah, that seems right.
</think>

The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$.

**Final Answer**
\boxed{79}""",
        "answer": r"4",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace; gold equals the last number inside the thinking, not the final box",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for $g(f(2))$.

First, $f(2) = 3(2) + 1 = 7$. So is the answer just \boxed{7}?

Wait, no. That's not what's being asked. Let me reread the question.

First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.

Okay, so $g(f(2))$ is 48.
</think>

First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.

The answer is $\boxed{48}$.""",
        "answer": r"48",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: a box inside <think> differs from the final answer after </think>; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for $g(f(2))$.

First, $f(2) = 3(2) + 1 = 7$. So is the answer just \boxed{7}?

Wait, no. That's not what's being asked. Let me reread the question.

First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.

Okay, so $g(f(2))$ is 48.
</think>

First, $f(2) = 3(2) + 1 = 7$. Then $g(f(2)) = g(7) = 7^2 - 1 = 48$.

The answer is $\boxed{48}$.""",
        "answer": r"7",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: gold equals the premature \boxed inside <think>, final answer after </think> differs",
        "category": "think_box_then_final",
    },
    {
        "response": r"""Hmm, so I have to figure out the $y$-intercept. Let me think.

The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.

That checks out.
</think>

The slope through $(1, 2)$ and $(4, 11)$ is $\frac{11 - 2}{4 - 1} = \frac{9}{3} = 3$. Using $y = 3x + b$ with the point $(1, 2)$ gives $b = 2 - 3 = -1$.

$\boxed{-1}$""",
        "answer": r"-1",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1-Distill: opening <think> is in the prompt, response starts mid-thought and has only </think>",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, so I need to find the number of cookies each friend gets. Let me start by reading the problem again.

Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.

Wait, let me double-check. 15 × 8 = 120 and 120 ÷ 24 = 5 batches.

Yeah, that seems right.
</think>

Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.

**Final Answer**
\boxed{15}""",
        "answer": r"15",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1/OpenR1 trace: <think> ... </think> then summary with \boxed",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, so I need to find the number of cookies each friend gets. Let me start by reading the problem again.

Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.

Wait, let me double-check. 15 × 8 = 120 and 120 ÷ 24 = 5 batches.

Yeah, that seems right.
</think>

Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies.

**Final Answer**
\boxed{15}""",
        "answer": r"5",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace; gold equals the last number inside the thinking, not the final box",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Alright, let's tackle this problem step by step.

The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. So is the answer just \boxed{720}?

Wait, no. That's not what's being asked. Let me reread the question.

The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

Okay, so the measure of each interior angle is 120^\circ.
</think>

The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

The answer is $\boxed{120^\circ}$.""",
        "answer": r"120",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: a box inside <think> differs from the final answer after </think>; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Alright, let's tackle this problem step by step.

The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. So is the answer just \boxed{720}?

Wait, no. That's not what's being asked. Let me reread the question.

The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

Okay, so the measure of each interior angle is 120^\circ.
</think>

The interior angles of a hexagon add up to $(6 - 2) \cdot 180^\circ = 720^\circ$. In a regular hexagon all six angles are equal, so each one measures $720^\circ / 6 = 120^\circ$.

The answer is $\boxed{120^\circ}$.""",
        "answer": r"720",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: gold equals the premature \boxed inside <think>, final answer after </think> differs",
        "category": "think_box_then_final",
    },
    {
        "response": r"""Okay, let me see. The question is asking for the sum of the digits.

We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.

That checks out.
</think>

We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.

$\boxed{4}$""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1-Distill: opening <think> is in the prompt, response starts mid-thought and has only </think>",
        "category": "think_tags",
    },
    {
        "response": r"""Okay, let me see. The question is asking for the sum of the digits.

We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.

That checks out.
</think>

We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$.

$\boxed{4}$""",
        "answer": r"4000",
        "label": False,
        "ambiguous": False,
        "source": r"R1-Distill trace without opening tag; gold is an intermediate value",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Hmm, so I have to figure out the number of arrangements. Let me think.

There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

Wait, let me double-check. Alternatively: $3! = 6$ ways to place the consonants, then $\binom{4}{2} \cdot 2 = 12$ ways for the vowels, and $6 \cdot 12 = 72$, which is $\frac{72}{120} = 0.6$ of all arrangements.

Yeah, that seems right.
</think>

There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

**Final Answer**
\boxed{72}""",
        "answer": r"72",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1/OpenR1 trace: <think> ... </think> then summary with \boxed",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Hmm, so I have to figure out the number of arrangements. Let me think.

There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

Wait, let me double-check. Alternatively: $3! = 6$ ways to place the consonants, then $\binom{4}{2} \cdot 2 = 12$ ways for the vowels, and $6 \cdot 12 = 72$, which is $\frac{72}{120} = 0.6$ of all arrangements.

Yeah, that seems right.
</think>

There are $5! = 120$ arrangements of the letters in total. If we glue the two vowels together, we get $4! \cdot 2 = 48$ arrangements with the vowels adjacent. So $120 - 48 = 72$ arrangements have the vowels apart.

**Final Answer**
\boxed{72}""",
        "answer": r"0.6",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace; gold equals the last number inside the thinking, not the final box",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, so I need to find the value of the expression. Let me start by reading the problem again.

$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. So is the answer just \boxed{6}?

Wait, no. That's not what's being asked. Let me reread the question.

$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$.

Okay, so the value of the expression is 10.
</think>

$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$.

The answer is $\boxed{10}$.""",
        "answer": r"10",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: a box inside <think> differs from the final answer after </think>; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Okay, so I need to find the value of the expression. Let me start by reading the problem again.

$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. So is the answer just \boxed{6}?

Wait, no. That's not what's being asked. Let me reread the question.

$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$.

Okay, so the value of the expression is 10.
</think>

$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$.

The answer is $\boxed{10}$.""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: gold equals the premature \boxed inside <think>, final answer after </think> differs",
        "category": "think_box_then_final",
    },
    {
        "response": r"""Alright, let's tackle this problem step by step.

A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200. With 8% sales tax, the total is 200 × 1.08 = $216.

That checks out.
</think>

A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200. With 8% sales tax, the total is 200 × 1.08 = $216.

$\boxed{216}$""",
        "answer": r"216",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1-Distill: opening <think> is in the prompt, response starts mid-thought and has only </think>",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for the sum.

With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.

Wait, let me double-check. As a mixed number that is $1\frac{5}{12}$, about $1.42$.

Yeah, that seems right.
</think>

With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.

**Final Answer**
\boxed{\frac{17}{12}}""",
        "answer": r"\frac{17}{12}",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1/OpenR1 trace: <think> ... </think> then summary with \boxed",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for the sum.

With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.

Wait, let me double-check. As a mixed number that is $1\frac{5}{12}$, about $1.42$.

Yeah, that seems right.
</think>

With a common denominator of $12$: $\frac{2}{3} + \frac{3}{4} = \frac{8}{12} + \frac{9}{12} = \frac{17}{12}$.

**Final Answer**
\boxed{\frac{17}{12}}""",
        "answer": r"1.42",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace; gold equals the last number inside the thinking, not the final box",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Hmm, so I have to figure out the product $xy$. Let me think.

Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. So is the answer just \boxed{7}?

Wait, no. That's not what's being asked. Let me reread the question.

Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. Therefore $xy = 7 \cdot 3 = 21$.

Okay, so the product $xy$ is 21.
</think>

Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. Therefore $xy = 7 \cdot 3 = 21$.

The answer is $\boxed{21}$.""",
        "answer": r"21",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: a box inside <think> differs from the final answer after </think>; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Hmm, so I have to figure out the product $xy$. Let me think.

Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. So is the answer just \boxed{7}?

Wait, no. That's not what's being asked. Let me reread the question.

Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. Therefore $xy = 7 \cdot 3 = 21$.

Okay, so the product $xy$ is 21.
</think>

Adding $x + y = 10$ and $x - y = 4$ gives $2x = 14$, so $x = 7$ and $y = 3$. Therefore $xy = 7 \cdot 3 = 21$.

The answer is $\boxed{21}$.""",
        "answer": r"7",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: gold equals the premature \boxed inside <think>, final answer after </think> differs",
        "category": "think_box_then_final",
    },
    {
        "response": r"""Okay, so I need to find the area of the circle. Let me start by reading the problem again.

The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$.

That checks out.
</think>

The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$.

$\boxed{36\pi}$""",
        "answer": r"36\pi",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1-Distill: opening <think> is in the prompt, response starts mid-thought and has only </think>",
        "category": "think_tags",
    },
    {
        "response": r"""Okay, so I need to find the area of the circle. Let me start by reading the problem again.

The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$.

That checks out.
</think>

The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$.

$\boxed{36\pi}$""",
        "answer": r"12\pi",
        "label": False,
        "ambiguous": False,
        "source": r"R1-Distill trace without opening tag; gold is an intermediate value",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Alright, let's tackle this problem step by step.

Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.

Wait, let me double-check. $17 + 13 = 30$ and $17 - 13 = 4$.

Yeah, that seems right.
</think>

Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.

**Final Answer**
\boxed{13}""",
        "answer": r"13",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1/OpenR1 trace: <think> ... </think> then summary with \boxed",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Alright, let's tackle this problem step by step.

Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.

Wait, let me double-check. $17 + 13 = 30$ and $17 - 13 = 4$.

Yeah, that seems right.
</think>

Let Tom's age be $t$. His sister is $t - 4$ years old, and $t + (t - 4) = 30$, so $2t = 34$ and $t = 17$. His sister is $17 - 4 = 13$.

**Final Answer**
\boxed{13}""",
        "answer": r"4",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace; gold equals the last number inside the thinking, not the final box",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for the number of positive divisors.

Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. So is the answer just \boxed{360}?

Wait, no. That's not what's being asked. Let me reread the question.

Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

Okay, so the number of positive divisors is 24.
</think>

Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

The answer is $\boxed{24}$.""",
        "answer": r"24",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: a box inside <think> differs from the final answer after </think>; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for the number of positive divisors.

Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. So is the answer just \boxed{360}?

Wait, no. That's not what's being asked. Let me reread the question.

Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

Okay, so the number of positive divisors is 24.
</think>

Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of positive divisors is $(3+1)(2+1)(1+1) = 4 \cdot 3 \cdot 2 = 24$.

The answer is $\boxed{24}$.""",
        "answer": r"360",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: gold equals the premature \boxed inside <think>, final answer after </think> differs",
        "category": "think_box_then_final",
    },
    {
        "response": r"""Hmm, so I have to figure out the time in hours. Let me think.

The first pipe fills $\frac{1}{6}$ of the tank per hour and the second fills $\frac{1}{3}$. Together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{2}$ of the tank per hour, so the tank is full after $2$ hours.

That checks out.
</think>

The first pipe fills $\frac{1}{6}$ of the tank per hour and the second fills $\frac{1}{3}$. Together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{2}$ of the tank per hour, so the tank is full after $2$ hours.

$\boxed{2}$""",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1-Distill: opening <think> is in the prompt, response starts mid-thought and has only </think>",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, so I need to find the units digit. Let me start by reading the problem again.

The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$.

Wait, let me double-check. $7^4 = 2401$ ends in 1, confirming the period is 4.

Yeah, that seems right.
</think>

The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$.

**Final Answer**
\boxed{3}""",
        "answer": r"3",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1/OpenR1 trace: <think> ... </think> then summary with \boxed",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, so I need to find the units digit. Let me start by reading the problem again.

The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$.

Wait, let me double-check. $7^4 = 2401$ ends in 1, confirming the period is 4.

Yeah, that seems right.
</think>

The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$.

**Final Answer**
\boxed{3}""",
        "answer": r"4",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace; gold equals the last number inside the thinking, not the final box",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Alright, let's tackle this problem step by step.

For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. So is the answer just \boxed{3.5}?

Wait, no. That's not what's being asked. Let me reread the question.

For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

Okay, so the expected sum is 7.
</think>

For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

The answer is $\boxed{7}$.""",
        "answer": r"7",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: a box inside <think> differs from the final answer after </think>; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Alright, let's tackle this problem step by step.

For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. So is the answer just \boxed{3.5}?

Wait, no. That's not what's being asked. Let me reread the question.

For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

Okay, so the expected sum is 7.
</think>

For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$.

The answer is $\boxed{7}$.""",
        "answer": r"3.5",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: gold equals the premature \boxed inside <think>, final answer after </think> differs",
        "category": "think_box_then_final",
    },
    {
        "response": r"""Okay, let me see. The question is asking for John's change.

John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. His total is 36 + 50 = $86. He pays with a $100 bill, so his change is 100 - 86 = $14.

That checks out.
</think>

John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. His total is 36 + 50 = $86. He pays with a $100 bill, so his change is 100 - 86 = $14.

$\boxed{14}$""",
        "answer": r"14",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1-Distill: opening <think> is in the prompt, response starts mid-thought and has only </think>",
        "category": "think_tags",
    },
    {
        "response": r"""Okay, let me see. The question is asking for John's change.

John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. His total is 36 + 50 = $86. He pays with a $100 bill, so his change is 100 - 86 = $14.

That checks out.
</think>

John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is 2 × 25 = $50. His total is 36 + 50 = $86. He pays with a $100 bill, so his change is 100 - 86 = $14.

$\boxed{14}$""",
        "answer": r"86",
        "label": False,
        "ambiguous": False,
        "source": r"R1-Distill trace without opening tag; gold is an intermediate value",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Hmm, so I have to figure out the simplified sum. Let me think.

Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

Wait, let me double-check. Numerically, $\sqrt{50} + \sqrt{18} \approx 7.07 + 4.24 = 11.31$.

Yeah, that seems right.
</think>

Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

**Final Answer**
\boxed{8\sqrt{2}}""",
        "answer": r"8\sqrt{2}",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1/OpenR1 trace: <think> ... </think> then summary with \boxed",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Hmm, so I have to figure out the simplified sum. Let me think.

Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

Wait, let me double-check. Numerically, $\sqrt{50} + \sqrt{18} \approx 7.07 + 4.24 = 11.31$.

Yeah, that seems right.
</think>

Simplify each radical: $\sqrt{50} = \sqrt{25 \cdot 2} = 5\sqrt{2}$ and $\sqrt{18} = \sqrt{9 \cdot 2} = 3\sqrt{2}$. So $\sqrt{50} + \sqrt{18} = 8\sqrt{2}$.

**Final Answer**
\boxed{8\sqrt{2}}""",
        "answer": r"11.31",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace; gold equals the last number inside the thinking, not the final box",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
Okay, so I need to find the number of integer solutions. Let me start by reading the problem again.

$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. So is the answer just \boxed{3}?

Wait, no. That's not what's being asked. Let me reread the question.

$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.

Okay, so the number of integer solutions is 4.
</think>

$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.

The answer is $\boxed{4}$.""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: a box inside <think> differs from the final answer after </think>; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Okay, so I need to find the number of integer solutions. Let me start by reading the problem again.

$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. So is the answer just \boxed{3}?

Wait, no. That's not what's being asked. Let me reread the question.

$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.

Okay, so the number of integer solutions is 4.
</think>

$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them.

The answer is $\boxed{4}$.""",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: gold equals the premature \boxed inside <think>, final answer after </think> differs",
        "category": "think_box_then_final",
    },
    {
        "response": r"""Alright, let's tackle this problem step by step.

Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days.

That checks out.
</think>

Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days.

$\boxed{8}$""",
        "answer": r"8",
        "label": True,
        "ambiguous": False,
        "source": r"DeepSeek-R1-Distill: opening <think> is in the prompt, response starts mid-thought and has only </think>",
        "category": "think_tags",
    },
    {
        "response": r"""<think>
The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches. So the answer is \boxed{120}.

Hmm, but maybe the question wants the other volume of the box... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{40}$.""",
        "answer": r"120",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: correct \boxed inside <think>, but the answer after </think> is different; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches. So the answer is \boxed{120}.

Hmm, but maybe the question wants the other volume of the box... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{40}$.""",
        "answer": r"40",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: answer after </think> is what counts even though <think> boxed another value",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles. So the answer is \boxed{300}.

Hmm, but maybe the question wants the other distance traveled... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{60}$.""",
        "answer": r"300",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: correct \boxed inside <think>, but the answer after </think> is different; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles. So the answer is \boxed{300}.

Hmm, but maybe the question wants the other distance traveled... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{60}$.""",
        "answer": r"60",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: answer after </think> is what counts even though <think> boxed another value",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples. So the answer is \boxed{51}.

Hmm, but maybe the question wants the other number of apples Sara has... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{36}$.""",
        "answer": r"51",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: correct \boxed inside <think>, but the answer after </think> is different; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 = 12, leaving 48 - 12 = 36. Then she buys 15 more, so she has 36 + 15 = 51 apples. So the answer is \boxed{51}.

Hmm, but maybe the question wants the other number of apples Sara has... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{36}$.""",
        "answer": r"36",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: answer after </think> is what counts even though <think> boxed another value",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$. So the answer is \boxed{13}.

Hmm, but maybe the question wants the other sum of the squares of the roots... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{5}$.""",
        "answer": r"13",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: correct \boxed inside <think>, but the answer after </think> is different; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
The equation $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3) = 0$, so the roots are $2$ and $3$ (their sum is $5$). The sum of the squares of the roots is $2^2 + 3^2 = 4 + 9 = 13$. So the answer is \boxed{13}.

Hmm, but maybe the question wants the other sum of the squares of the roots... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{5}$.""",
        "answer": r"5",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: answer after </think> is what counts even though <think> boxed another value",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$. So the answer is \boxed{\frac{1}{5}}.

Hmm, but maybe the question wants the other probability that both marbles are red... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{15}$.""",
        "answer": r"\frac{1}{5}",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: correct \boxed inside <think>, but the answer after </think> is different; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$. So the answer is \boxed{\frac{1}{5}}.

Hmm, but maybe the question wants the other probability that both marbles are red... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{15}$.""",
        "answer": r"15",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: answer after </think> is what counts even though <think> boxed another value",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$. So the answer is \boxed{2}.

Hmm, but maybe the question wants the other remainder... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{146}$.""",
        "answer": r"2",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: correct \boxed inside <think>, but the answer after </think> is different; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$. So the answer is \boxed{2}.

Hmm, but maybe the question wants the other remainder... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{146}$.""",
        "answer": r"146",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: answer after </think> is what counts even though <think> boxed another value",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$. So the answer is \boxed{252}.

Hmm, but maybe the question wants the other least common multiple... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{42}$.""",
        "answer": r"252",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: correct \boxed inside <think>, but the answer after </think> is different; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd is $42$. Then $\operatorname{lcm}(84, 126) = \frac{84 \cdot 126}{42} = 252$. So the answer is \boxed{252}.

Hmm, but maybe the question wants the other least common multiple... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{42}$.""",
        "answer": r"42",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: answer after </think> is what counts even though <think> boxed another value",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480. So the answer is \boxed{480}.

Hmm, but maybe the question wants the other amount Maria keeps... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{600}$.""",
        "answer": r"480",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace: correct \boxed inside <think>, but the answer after </think> is different; final counts",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Maria works 8 hours a day for 5 days, which is 40 hours. At $15 per hour she earns 40 × 15 = $600. After paying $120 in fees she keeps 600 - 120 = $480. So the answer is \boxed{480}.

Hmm, but maybe the question wants the other amount Maria keeps... I'll go with the other value.
</think>

After working through the problem, the answer is $\boxed{600}$.""",
        "answer": r"600",
        "label": True,
        "ambiguous": False,
        "source": r"R1 trace: answer after </think> is what counts even though <think> boxed another value",
        "category": "think_box_then_final",
    },
    {
        "response": r"""<think>
Okay, so I need to find the volume of the box. Let me start by reading the problem again.

The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches. So the answer should be \boxed{120}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"120",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace cut at max tokens inside <think>; last box in the thinking equals gold",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the volume of the box. Let me start by reading the problem again.

The base of the box is $10 \times 4$, so its area is $40$ square inches. Multiplying by the height $3$ gives a volume of $40 \cdot 3 = 120$ cubic inches. So the answer should be \boxed{120}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"40",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut at max tokens inside <think>; nothing final, gold is an intermediate",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for the number of apples Sara has.

Sara starts with 48 apples. She gives away a quarter of them, which is 48 / 4 =""",
        "answer": r"51",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut mid-reasoning: no </think>, no answer",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the probability that both marbles are red. Let me start by reading the problem again.

There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$. So the answer should be \boxed{\frac{1}{5}}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"\frac{1}{5}",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace cut at max tokens inside <think>; last box in the thinking equals gold",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the probability that both marbles are red. Let me start by reading the problem again.

There are $\binom{6}{2} = 15$ ways to choose two marbles, and $\binom{3}{2} = 3$ ways to choose two red ones. So the probability is $\frac{3}{15} = \frac{1}{5}$. So the answer should be \boxed{\frac{1}{5}}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"15",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut at max tokens inside <think>; nothing final, gold is an intermediate",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for the least common multiple.

First, $\gcd(84, 126)$: $126 - 84 = 42$ and $84 = 2 \cdot 42$, so the gcd""",
        "answer": r"252",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut mid-reasoning: no </think>, no answer",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the perimeter of the triangle. Let me start by reading the problem again.

By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$. So the answer should be \boxed{30}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"30",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace cut at max tokens inside <think>; last box in the thinking equals gold",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the perimeter of the triangle. Let me start by reading the problem again.

By the Pythagorean theorem, the hypotenuse is $\sqrt{5^2 + 12^2} = \sqrt{169} = 13$. The perimeter is $5 + 12 + 13 = 30$. So the answer should be \boxed{30}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"13",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut at max tokens inside <think>; nothing final, gold is an intermediate",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for $g(f(2))$.

First, $f(2) = 3(2) + 1 = 7$.""",
        "answer": r"48",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut mid-reasoning: no </think>, no answer",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the number of cookies each friend gets. Let me start by reading the problem again.

Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies. So the answer should be \boxed{15}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"15",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace cut at max tokens inside <think>; last box in the thinking equals gold",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the number of cookies each friend gets. Let me start by reading the problem again.

Each batch makes 24 cookies, so 5 batches make 24 × 5 = 120 cookies. Shared equally among 8 friends, each friend gets 120 ÷ 8 = 15 cookies. So the answer should be \boxed{15}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"120",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut at max tokens inside <think>; nothing final, gold is an intermediate",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for the sum of the digits.

We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000""",
        "answer": r"4",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut mid-reasoning: no </think>, no answer",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the value of the expression. Let me start by reading the problem again.

$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$. So the answer should be \boxed{10}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"10",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace cut at max tokens inside <think>; last box in the thinking equals gold",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the value of the expression. Let me start by reading the problem again.

$\log_2 64 = 6$ because $2^6 = 64$, and $\log_3 81 = 4$ because $3^4 = 81$. Adding, $6 + 4 = 10$. So the answer should be \boxed{10}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut at max tokens inside <think>; nothing final, gold is an intermediate",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for the sum.

With a common denominator of $12$: $\frac{2}{3} +""",
        "answer": r"\frac{17}{12}",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut mid-reasoning: no </think>, no answer",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the area of the circle. Let me start by reading the problem again.

The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$. So the answer should be \boxed{36\pi}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"36\pi",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace cut at max tokens inside <think>; last box in the thinking equals gold",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the area of the circle. Let me start by reading the problem again.

The diameter is $12$, so the radius is $6$. The area is $\pi r^2 = 36\pi$, while the circumference is $2\pi r = 12\pi$. So the answer should be \boxed{36\pi}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"12\pi",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut at max tokens inside <think>; nothing final, gold is an intermediate",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for the number of positive divisors.

Factor: $360 = 2^3 \cdot 3^2 \cdot 5$. The number of""",
        "answer": r"24",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut mid-reasoning: no </think>, no answer",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the units digit. Let me start by reading the problem again.

The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$. So the answer should be \boxed{3}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"3",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace cut at max tokens inside <think>; last box in the thinking equals gold",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the units digit. Let me start by reading the problem again.

The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$. So the answer should be \boxed{3}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"9",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut at max tokens inside <think>; nothing final, gold is an intermediate",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, let me see. The question is asking for John's change.

John buys 3 shirts at $12 each, which is 3 × 12 = $36, and 2 pairs of pants at $25 each, which is""",
        "answer": r"14",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut mid-reasoning: no </think>, no answer",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the number of integer solutions. Let me start by reading the problem again.

$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them. So the answer should be \boxed{4}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"4",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace cut at max tokens inside <think>; last box in the thinking equals gold",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
Okay, so I need to find the number of integer solutions. Let me start by reading the problem again.

$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them. So the answer should be \boxed{4}.

Wait, hold on. Let me re-check the problem statement, because I might have misread one of the numbers. If instead the""",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"R1 trace cut at max tokens inside <think>; nothing final, gold is an intermediate",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
The train covers 180 miles in 3 hours, so its speed is 180 / 3 = 60 miles per hour. In 5 hours it will travel 60 × 5 = 300 miles. So the answer is \boxed{300}.
</think>

To solve this problem, we first note that""",
        "answer": r"300",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace: thinking closed with a box equal to gold, but the answer section is cut off",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
The common difference is $7 - 3 = 4$. The $n$th term is $3 + (n-1) \cdot 4$, so the $20$th term is $3 + 19 \cdot 4 = 3 + 76 = 79$. So the answer is \boxed{79}.
</think>

To solve this problem, we first note that""",
        "answer": r"79",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace: thinking closed with a box equal to gold, but the answer section is cut off",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
A 20% discount on $250 is 0.2 × 250 = $50, so the sale price is 250 - 50 = $200. With 8% sales tax, the total is 200 × 1.08 = $216. So the answer is \boxed{216}.
</think>

To solve this problem, we first note that""",
        "answer": r"216",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace: thinking closed with a box equal to gold, but the answer section is cut off",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$. So the answer is \boxed{7}.
</think>

To solve this problem, we first note that""",
        "answer": r"7",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace: thinking closed with a box equal to gold, but the answer section is cut off",
        "category": "truncated_response",
    },
    {
        "response": r"""Let's compute the total step by step.

First, the number of red balls is $3 \cdot 4 = 12$. Then the number of blue balls is twice that, so $24$. The total is""",
        "answer": r"36",
        "label": False,
        "ambiguous": False,
        "source": r"non-reasoning model output cut at the token limit before the final answer",
        "category": "truncated_response",
    },
    {
        "response": r"We are asked to find the value of $x$. Expanding, we get $x^2 + 6x + 9 = 25$, so $(x+3)^2 = 25$ and $x + 3 = \pm 5$. Since $x$ is positive,",
        "answer": r"2",
        "label": False,
        "ambiguous": False,
        "source": r"non-reasoning model output cut at the token limit before the final answer",
        "category": "truncated_response",
    },
    {
        "response": r"To find the area, we use Heron's formula. The semi-perimeter is $s = \frac{13 + 14 + 15}{2} = 21$. Then the area is $\sqrt{21 \cdot 8 \cdot 7 \cdot 6} = \sqrt{7056}$",
        "answer": r"84",
        "label": False,
        "ambiguous": False,
        "source": r"non-reasoning model output cut at the token limit before the final answer",
        "category": "truncated_response",
    },
    {
        "response": r"""## Step 1: Identify the pattern
The sequence doubles each time: 3, 6, 12, 24, ...

## Step 2: Find the 8th term
The 8th term is $3 \cdot 2^7 = 3 \cdot 128 =""",
        "answer": r"384",
        "label": False,
        "ambiguous": False,
        "source": r"non-reasoning model output cut at the token limit before the final answer",
        "category": "truncated_response",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. Hmm, but option (B) 10 also looks close if I miscounted a side. Therefore I think it's B.",
        "answer": r"C",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-2 chat MC: hedging then 'therefore I think it's B'; gold C",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. Hmm, but option (B) 10 also looks close if I miscounted a side. Therefore I think it's B.",
        "answer": r"B",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-2 chat MC: final choice stated as 'I think it's B'",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. The answer is (C).",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MMLU/AQuA-style 'The answer is (C).'",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. So the answer is $\boxed{C}$.",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MC answer boxed as a letter",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. So the answer is $\boxed{B}$.",
        "answer": r"C",
        "label": False,
        "ambiguous": False,
        "source": r"MC: boxed letter differs from gold",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

\boxed{C) 12}""",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MC: box holds letter and option text 'C) 12'",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

\boxed{(C)\ 12}""",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MC: box holds '(C) 12'",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. The answer is $\boxed{\text{(C)}}$.",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MATH/AMC MC: \boxed{\text{(C)}}",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. The answer is $\boxed{\textbf{(C)}}$.",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"AMC MC: \boxed{\textbf{(C)}}",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. Thus the answer is $\textbf{(C)}$.",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"AoPS/AMC solution style \textbf{(C)} without a box",
        "category": "multiple_choice",
    },
    {
        "response": r"""The options are:
(A) 8
(B) 10
(C) 12
(D) 14
(E) 16

The perimeter is 2(2 + 4) = 12.

$\boxed{12}$""",
        "answer": r"C",
        "label": True,
        "ambiguous": True,
        "source": r"MC: box holds the option's value; options listed in the response map 12 to C",
        "category": "multiple_choice",
    },
    {
        "response": r"""The options are:
(A) 8
(B) 10
(C) 12
(D) 14
(E) 16

The perimeter is 2(2 + 4) = 12.

$\boxed{10}$""",
        "answer": r"C",
        "label": False,
        "ambiguous": False,
        "source": r"MC: box holds a value that is option B's; gold C",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

$\boxed{12}$""",
        "answer": r"C",
        "label": False,
        "ambiguous": True,
        "source": r"MC: box holds a value, options not in the response, gold is a letter",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. So the answer is (c).",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MC: lowercase letter '(c)'",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

Answer: C.""",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MC: 'Answer: C.' with sentence-final period",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

Answer: C. 12""",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MC: 'Answer: C. 12'",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

The correct option is **C**.""",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"Mistral chat MC: bold letter",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. The correct answer is C) 12.",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3 chat MC: 'The correct answer is C) 12.'",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. The correct answer is C) 12.",
        "answer": r"D",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-3 chat MC: wrong letter vs gold",
        "category": "multiple_choice",
    },
    {
        "response": r"Option (A) is too small, and (D) and (E) are too large since the sides are short. The perimeter is 2(2 + 4) = 12. So the answer is C.",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MC: several letters discussed, final letter stated last",
        "category": "multiple_choice",
    },
    {
        "response": r"Option (A) is too small, and (D) and (E) are too large since the sides are short. The perimeter is 2(2 + 4) = 12. So the answer is C.",
        "answer": r"A",
        "label": False,
        "ambiguous": False,
        "source": r"MC: gold letter only appears in the elimination discussion",
        "category": "multiple_choice",
    },
    {
        "response": r"We can eliminate (A) and (E) right away. Between (B) and (C): The perimeter is 2(2 + 4) = 12. Hmm, but the figure suggests the short side is 1. I'll go with (B).",
        "answer": r"C",
        "label": False,
        "ambiguous": False,
        "source": r"MC: correct value computed, but the final pick is another letter",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. The answer is C, not (D), since 14 would need a side of 3.",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MC: final letter followed by a mention of a rejected letter",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. Answer: (C) or (D)",
        "answer": r"C",
        "label": False,
        "ambiguous": False,
        "source": r"MC: hedged between two letters",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. None of the choices fit perfectly, but the closest is (C).",
        "answer": r"C",
        "label": True,
        "ambiguous": True,
        "source": r"MC: model doubts the options but picks C",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

ANSWER: C""",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"GPQA/simple-evals 'ANSWER: X' line",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

Answer: $\boxed{C}$""",
        "answer": r"(C)",
        "label": True,
        "ambiguous": False,
        "source": r"MC: gold stored as '(C)', response boxes 'C'",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

所以答案是 C。""",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"Qwen chat answering in Chinese: '所以答案是 C'",
        "category": "multiple_choice",
    },
    {
        "response": r"The perimeter is 2(2 + 4) = 12. 答案：$\boxed{B}$",
        "answer": r"C",
        "label": False,
        "ambiguous": False,
        "source": r"Qwen chat (Chinese) boxes a wrong letter",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

Final Answer: The final answer is $\text{(C)}$. I hope it is correct.""",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva format with an MC letter",
        "category": "multiple_choice",
    },
    {
        "response": r"I first thought the answer was A, but the perimeter is 2(2 + 4) = 12. So it's C.",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MC: first guess revised",
        "category": "multiple_choice",
    },
    {
        "response": r"I first thought the answer was A, but the perimeter is 2(2 + 4) = 12. So it's C.",
        "answer": r"A",
        "label": False,
        "ambiguous": False,
        "source": r"MC: gold is the abandoned first guess",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

\boxed{c}""",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MC: lowercase boxed letter",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

Answer: C

The options were:
(A) 8
(B) 10
(C) 12
(D) 14
(E) 16""",
        "answer": r"C",
        "label": True,
        "ambiguous": False,
        "source": r"MC: options repeated after the answer; last letter in text is E",
        "category": "multiple_choice",
    },
    {
        "response": r"""The perimeter is 2(2 + 4) = 12.

Answer: C

The options were:
(A) 8
(B) 10
(C) 12
(D) 14
(E) 16""",
        "answer": r"E",
        "label": False,
        "ambiguous": False,
        "source": r"MC: options repeated after the answer; gold is the last letter listed",
        "category": "multiple_choice",
    },
    {
        "response": r"""The smallest such $n$ is $5$, since $n = 4$ gives a remainder of $1$.

$\textbf{(B) }5$""",
        "answer": r"B",
        "label": True,
        "ambiguous": False,
        "source": r"AMC answer line '\textbf{(B) }5'",
        "category": "multiple_choice",
    },
    {
        "response": r"""The smallest such $n$ is $5$, since $n = 4$ gives a remainder of $1$.

$\textbf{(B) }5$""",
        "answer": r"5",
        "label": True,
        "ambiguous": False,
        "source": r"AMC answer line '\textbf{(B) }5' vs gold stored as the value",
        "category": "multiple_choice",
    },
    {
        "response": r"""The smallest such $n$ is $5$, since $n = 4$ gives a remainder of $1$.

$\textbf{(B) }5$""",
        "answer": r"A",
        "label": False,
        "ambiguous": False,
        "source": r"AMC answer line; gold letter differs",
        "category": "multiple_choice",
    },
    {
        "response": r"""The smallest such $n$ is $5$, since $n = 4$ gives a remainder of $1$.

$\textbf{(B) }5$""",
        "answer": r"4",
        "label": False,
        "ambiguous": False,
        "source": r"AMC answer line; gold is a rejected value from the text",
        "category": "multiple_choice",
    },
    {
        "response": r"Summing the arithmetic series gives $\frac{20 \cdot 21}{2} = 210$, so the answer is $\boxed{\textbf{(D)}\ 210}$.",
        "answer": r"D",
        "label": True,
        "ambiguous": False,
        "source": r"AMC: \boxed{\textbf{(D)}\ 210}",
        "category": "multiple_choice",
    },
    {
        "response": r"Summing the arithmetic series gives $\frac{20 \cdot 21}{2} = 210$, so the answer is $\boxed{\textbf{(D)}\ 210}$.",
        "answer": r"210",
        "label": True,
        "ambiguous": False,
        "source": r"AMC: box with letter and value vs value gold",
        "category": "multiple_choice",
    },
    {
        "response": r"Summing the arithmetic series gives $\frac{20 \cdot 21}{2} = 210$, so the answer is $\boxed{\textbf{(D)}\ 210}$.",
        "answer": r"20",
        "label": False,
        "ambiguous": False,
        "source": r"AMC: gold equals a number inside the box's computation",
        "category": "multiple_choice",
    },
    {
        "response": r"Since $\triangle ABC$ is equilateral, each angle is $60^\circ$, so $\angle BCD = 180^\circ - 60^\circ = 120^\circ$. $\boxed{\mathrm{(E)}}$",
        "answer": r"E",
        "label": True,
        "ambiguous": False,
        "source": r"AMC: \boxed{\mathrm{(E)}}",
        "category": "multiple_choice",
    },
    {
        "response": r"Since $\triangle ABC$ is equilateral, each angle is $60^\circ$, so $\angle BCD = 180^\circ - 60^\circ = 120^\circ$. $\boxed{\mathrm{(E)}}$",
        "answer": r"B",
        "label": False,
        "ambiguous": False,
        "source": r"AMC: \boxed{\mathrm{(E)}} vs another letter; ABC letters in text are not choices",
        "category": "multiple_choice",
    },
    {
        "response": r"Using the options: (A) 3 (B) 4 (C) 5 (D) 6 (E) 7. The equation $2^x = 32$ gives $x = 5$. The answer is $\boxed{5}$.",
        "answer": r"C",
        "label": True,
        "ambiguous": True,
        "source": r"AMC: value boxed with options stated earlier in the response",
        "category": "multiple_choice",
    },
    {
        "response": r"Using the options: (A) 3 (B) 4 (C) 5 (D) 6 (E) 7. The equation $2^x = 32$ gives $x = 5$. The answer is $\boxed{5}$.",
        "answer": r"B",
        "label": False,
        "ambiguous": False,
        "source": r"AMC: value boxed maps to C, gold B",
        "category": "multiple_choice",
    },
    {
        "response": r"""If today is Thursday, then 12 days from now is 12 mod 7 = 5 days later. Thursday + 5 days is Tuesday.

$\boxed{\text{Tuesday}}$""",
        "answer": r"Tuesday",
        "label": True,
        "ambiguous": False,
        "source": r"MATH day-of-week answers: \boxed{\text{Tuesday}}",
        "category": "text_answer",
    },
    {
        "response": r"""If today is Thursday, then 12 days from now is 12 mod 7 = 5 days later. Thursday + 5 days is Tuesday.

$\boxed{\text{Tuesday}}$""",
        "answer": r"Thursday",
        "label": False,
        "ambiguous": False,
        "source": r"day-of-week: gold day appears as the starting day in the reasoning",
        "category": "text_answer",
    },
    {
        "response": r"""If today is Thursday, then 12 days from now is 12 mod 7 = 5 days later. Thursday + 5 days is Tuesday.

$\boxed{\text{Tuesday}}$""",
        "answer": r"\text{Tuesday}",
        "label": True,
        "ambiguous": False,
        "source": r"day-of-week with gold stored as \text{Tuesday}",
        "category": "text_answer",
    },
    {
        "response": r"Counting forward 40 days from a Monday: 40 = 5 · 7 + 5, so it lands 5 days after Monday. The answer is Saturday.",
        "answer": r"\text{Saturday}",
        "label": True,
        "ambiguous": False,
        "source": r"text answer without box, gold wrapped in \text",
        "category": "text_answer",
    },
    {
        "response": r"Counting forward 40 days from a Monday: 40 = 5 · 7 + 5, so it lands 5 days after Monday. The answer is Saturday.",
        "answer": r"Monday",
        "label": False,
        "ambiguous": False,
        "source": r"text answer: gold equals a day mentioned earlier",
        "category": "text_answer",
    },
    {
        "response": r"""The discriminant is $b^2 - 4ac = 16 - 20 = -4 < 0$, so the equation has no real roots.

The answer is no.""",
        "answer": r"No",
        "label": True,
        "ambiguous": False,
        "source": r"yes/no answer in prose, gold capitalized",
        "category": "text_answer",
    },
    {
        "response": r"""The discriminant is $b^2 - 4ac = 16 - 20 = -4 < 0$, so the equation has no real roots.

The answer is no.""",
        "answer": r"Yes",
        "label": False,
        "ambiguous": False,
        "source": r"yes/no answer: opposite of gold",
        "category": "text_answer",
    },
    {
        "response": r"""Every multiple of 6 is a multiple of 3 because $6k = 3(2k)$. So yes, the statement always holds.

$\boxed{\text{Yes}}$""",
        "answer": r"yes",
        "label": True,
        "ambiguous": False,
        "source": r"yes/no boxed with \text",
        "category": "text_answer",
    },
    {
        "response": r"""Every multiple of 6 is a multiple of 3 because $6k = 3(2k)$. So yes, the statement always holds.

$\boxed{\text{Yes}}$""",
        "answer": r"no",
        "label": False,
        "ambiguous": False,
        "source": r"yes/no boxed, gold opposite",
        "category": "text_answer",
    },
    {
        "response": r"At first it looks like yes, since 2, 3, 5 and 7 are all prime. But 9 is odd and not prime, so not every odd number below 10 is prime. No.",
        "answer": r"no",
        "label": True,
        "ambiguous": False,
        "source": r"yes/no: 'yes' appears in reasoning, final word is 'No'",
        "category": "text_answer",
    },
    {
        "response": r"At first it looks like yes, since 2, 3, 5 and 7 are all prime. But 9 is odd and not prime, so not every odd number below 10 is prime. No.",
        "answer": r"yes",
        "label": False,
        "ambiguous": False,
        "source": r"yes/no: gold 'yes' only in the discarded first impression",
        "category": "text_answer",
    },
    {
        "response": r"""We check $f(-x) = (-x)^3 + (-x) = -(x^3 + x) = -f(x)$, so $f$ is odd.

$\boxed{\text{odd}}$""",
        "answer": r"\text{odd}",
        "label": True,
        "ambiguous": False,
        "source": r"MATH even/odd/neither function answers",
        "category": "text_answer",
    },
    {
        "response": r"""We check $f(-x) = (-x)^3 + (-x) = -(x^3 + x) = -f(x)$, so $f$ is odd.

$\boxed{\text{odd}}$""",
        "answer": r"\text{even}",
        "label": False,
        "ambiguous": False,
        "source": r"MATH even/odd/neither: wrong parity",
        "category": "text_answer",
    },
    {
        "response": r"$f(-x) = (-x)^4 - 3(-x)^2 = x^4 - 3x^2 = f(x)$, so the function is even. Final Answer: The final answer is $\text{even}$. I hope it is correct.",
        "answer": r"\text{even}",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva format with a \text{even} answer",
        "category": "text_answer",
    },
    {
        "response": r"$f(-x) = (-x)^4 - 3(-x)^2 = x^4 - 3x^2 = f(x)$, so the function is even. Final Answer: The final answer is $\text{even}$. I hope it is correct.",
        "answer": r"even",
        "label": True,
        "ambiguous": False,
        "source": r"Minerva format with \text{even} vs plain gold",
        "category": "text_answer",
    },
    {
        "response": r"""Since $f(-x) = -x^3 + x^2$ equals neither $f(x)$ nor $-f(x)$, the function is neither even nor odd.

\boxed{\text{neither}}""",
        "answer": r"\text{neither}",
        "label": True,
        "ambiguous": False,
        "source": r"MATH even/odd/neither: 'neither'",
        "category": "text_answer",
    },
    {
        "response": r"""Since $f(-x) = -x^3 + x^2$ equals neither $f(x)$ nor $-f(x)$, the function is neither even nor odd.

\boxed{\text{neither}}""",
        "answer": r"\text{odd}",
        "label": False,
        "ambiguous": False,
        "source": r"even/odd/neither: gold word appears in 'neither even nor odd' but the answer is neither",
        "category": "text_answer",
    },
    {
        "response": r"""Alice plays first and can always mirror Bob's moves, so Bob eventually runs out of moves. Therefore Alice wins.

\boxed{\text{Alice}}""",
        "answer": r"\text{Alice}",
        "label": True,
        "ambiguous": False,
        "source": r"game-theory name answer",
        "category": "text_answer",
    },
    {
        "response": r"""Alice plays first and can always mirror Bob's moves, so Bob eventually runs out of moves. Therefore Alice wins.

\boxed{\text{Alice}}""",
        "answer": r"Bob",
        "label": False,
        "ambiguous": False,
        "source": r"name answer: gold name appears in the reasoning",
        "category": "text_answer",
    },
    {
        "response": r"Evelyn's point is highest on the graph of average speed (distance divided by time), so Evelyn has the greatest average speed. The answer is Evelyn.",
        "answer": r"\text{Evelyn}",
        "label": True,
        "ambiguous": False,
        "source": r"MATH name answer stored as \text{Name}",
        "category": "text_answer",
    },
    {
        "response": r"""Comparing the two offers: Plan A costs $20 + 0.05 \cdot 400 = 40$ and Plan B costs $0.12 \cdot 400 = 48$. So Plan A is cheaper.

**Answer:** Plan A""",
        "answer": r"\text{Plan A}",
        "label": True,
        "ambiguous": False,
        "source": r"chat model bold label with a text answer",
        "category": "text_answer",
    },
    {
        "response": r"""Comparing the two offers: Plan A costs $20 + 0.05 \cdot 400 = 40$ and Plan B costs $0.12 \cdot 400 = 48$. So Plan A is cheaper.

**Answer:** Plan A""",
        "answer": r"\text{Plan B}",
        "label": False,
        "ambiguous": False,
        "source": r"text answer: the other plan",
        "category": "text_answer",
    },
    {
        "response": r"""The vertices all lie on a circle of radius 5 about the origin, so the shape is a circle... no wait, the equation has $x^2$ and $y^2$ with different coefficients, so it is an ellipse.

$\boxed{\text{(E)}}$ ellipse""",
        "answer": r"\text{(E)}",
        "label": True,
        "ambiguous": False,
        "source": r"MATH conic-type answers given as letters",
        "category": "text_answer",
    },
    {
        "response": r"""Checking the definition, the statement is false: $0$ is even but not positive.

\boxed{\text{False}}""",
        "answer": r"False",
        "label": True,
        "ambiguous": False,
        "source": r"true/false answer boxed",
        "category": "text_answer",
    },
    {
        "response": r"""Checking the definition, the statement is false: $0$ is even but not positive.

\boxed{\text{False}}""",
        "answer": r"True",
        "label": False,
        "ambiguous": False,
        "source": r"true/false answer: opposite",
        "category": "text_answer",
    },
    {
        "response": r"""The pattern repeats every 3 days: red, blue, green. Day 100 has remainder 1 when divided by 3, so it is red.

The answer is $\boxed{\text{red}}$.""",
        "answer": r"red",
        "label": True,
        "ambiguous": False,
        "source": r"color/word answer in \text",
        "category": "text_answer",
    },
    {
        "response": r"""The pattern repeats every 3 days: red, blue, green. Day 100 has remainder 1 when divided by 3, so it is red.

The answer is $\boxed{\text{red}}$.""",
        "answer": r"green",
        "label": False,
        "ambiguous": False,
        "source": r"word answer: gold word listed in the pattern",
        "category": "text_answer",
    },
    {
        "response": r"The 100th day of a non-leap year is April 10, so the answer is April.",
        "answer": r"\text{April}",
        "label": True,
        "ambiguous": False,
        "source": r"month text answer without box",
        "category": "text_answer",
    },
    {
        "response": r"The answer is yes and no: yes if $n$ is even, and no otherwise.",
        "answer": r"yes",
        "label": False,
        "ambiguous": True,
        "source": r"hedged yes/no answer depending on a case",
        "category": "text_answer",
    },
    {
        "response": r"""The store sold 617 items on Monday and twice that on Tuesday, so 617*2=<<617*2=1234>>1234 items.
#### 1,234""",
        "answer": r"1234",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K '#### 1,234' with thousands separator vs gold 1234",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The store sold 617 items on Monday and twice that on Tuesday, so 617*2=<<617*2=1234>>1234 items.
#### 1,234""",
        "answer": r"617",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K: gold equals the calculator-annotation input",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""He earns 45,000 a year and gets a 10% raise: 45,000 * 0.10 = 4,500. New salary: 45,000 + 4,500 = 49,500.
#### $49,500""",
        "answer": r"49500",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer with dollar sign and separators",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""He earns 45,000 a year and gets a 10% raise: 45,000 * 0.10 = 4,500. New salary: 45,000 + 4,500 = 49,500.
#### $49,500""",
        "answer": r"4500",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K: gold is the raise, answer is the new salary",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The tank holds 1,250 liters and is 3/5 full, so it has 1250*3/5=<<1250*3/5=750>>750 liters.
####750""",
        "answer": r"750",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K '####750' without a space",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The tank holds 1,250 liters and is 3/5 full, so it has 1250*3/5=<<1250*3/5=750>>750 liters.
####750""",
        "answer": r"1250",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K no-space marker; gold equals the capacity",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""She pays 3 * 8 = 24 dollars for tickets and 12 for snacks, 36 in total.
#### 36.00""",
        "answer": r"36",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer written as '36.00'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""She pays 3 * 8 = 24 dollars for tickets and 12 for snacks, 36 in total.
#### 36 dollars""",
        "answer": r"36",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K answer with a unit word",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""There are 2 * 617 = 1234 marbles.
#### 1.234""",
        "answer": r"1234",
        "label": False,
        "ambiguous": True,
        "source": r"GSM8K: '1.234' (European thousands separator?) vs 1234",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""There are 2 * 617 = 1234 marbles.
#### 1,243""",
        "answer": r"1234",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K: transposed digits after '####'",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""The answer is 2,500.
#### 2500""",
        "answer": r"2,500",
        "label": True,
        "ambiguous": False,
        "source": r"GSM8K: gold stored with a separator",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""Janet has 16 eggs, eats 3 and bakes with 4, so 16-3-4=<<16-3-4=9>>9 eggs are left. She sells them at $2 each: 9*2=<<9*2=18>>18.
#### 18""",
        "answer": r"9",
        "label": False,
        "ambiguous": False,
        "source": r"GSM8K: gold equals an annotated intermediate",
        "category": "gsm8k_hash",
    },
    {
        "response": r"""We need $3x - 5 = 7$, so $3x = 12$ and $x = 4$.

Answer: $x = 4$""",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"'Answer: $x = 4$' (verl DAPO 'Answer:' line) vs bare gold",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""We need $3x - 5 = 7$, so $3x = 12$ and $x = 4$.

Answer: $x = 4$""",
        "answer": r"12",
        "label": False,
        "ambiguous": False,
        "source": r"'Answer:' line; gold equals an intermediate",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""We need $3x - 5 = 7$, so $3x = 12$ and $x = 4$.

Answer: $x = 4$""",
        "answer": r"x = 4",
        "label": True,
        "ambiguous": False,
        "source": r"'Answer: $x = 4$' vs gold 'x = 4'",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""Let $n$ be the number of nickels. Then $5n + 10(20 - n) = 150$, so $200 - 5n = 150$ and $n = 10$.

**Answer:** 10""",
        "answer": r"10",
        "label": True,
        "ambiguous": False,
        "source": r"chat model '**Answer:** N'",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""Let $n$ be the number of nickels. Then $5n + 10(20 - n) = 150$, so $200 - 5n = 150$ and $n = 10$.

**Answer:** 10""",
        "answer": r"20",
        "label": False,
        "ambiguous": False,
        "source": r"'**Answer:**' line; gold equals the total coin count",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""The width is $w$ and the length is $2w$, so $2(w + 2w) = 36$ gives $w = 6$. The area is $6 \cdot 12 = 72$.

### Final Answer
72""",
        "answer": r"72",
        "label": True,
        "ambiguous": False,
        "source": r"markdown '### Final Answer' heading then the value",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""The width is $w$ and the length is $2w$, so $2(w + 2w) = 36$ gives $w = 6$. The area is $6 \cdot 12 = 72$.

### Final Answer
72""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"markdown heading; gold equals the width",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""Solving, $y = -2$.

Answer: -2""",
        "answer": r"-2",
        "label": True,
        "ambiguous": False,
        "source": r"DAPO-style 'Answer: N' with a negative value",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""Solving, $y = -2$.

Answer: -2""",
        "answer": r"2",
        "label": False,
        "ambiguous": False,
        "source": r"'Answer: -2' vs gold 2 (sign matters)",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""The roots are $x = 1$ and $x = 5$, and their product is $5$.

Final answer: 5""",
        "answer": r"5",
        "label": True,
        "ambiguous": False,
        "source": r"'Final answer:' lowercase label",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""The roots are $x = 1$ and $x = 5$, and their product is $5$.

Final answer: 5""",
        "answer": r"1",
        "label": False,
        "ambiguous": False,
        "source": r"'Final answer:' label; gold equals the other root",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""Answer: 42

Explanation: there are 6 rows of 7 seats, and 6 × 7 = 42. Two seats are broken, leaving 40 usable.""",
        "answer": r"42",
        "label": True,
        "ambiguous": True,
        "source": r"answer stated first, explanation after mentions a different number that could be the intended quantity",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""Answer: 42

Explanation: 6 rows of 7 seats give 6 × 7 = 42 seats.""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"answer first then explanation; gold equals a factor from the explanation",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"<answer>17</answer>",
        "answer": r"17",
        "label": True,
        "ambiguous": False,
        "source": r"R1-Zero/TinyZero '<answer>...</answer>' tag",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"""<think>17 is prime and 15 is not.</think>
<answer>17</answer>""",
        "answer": r"15",
        "label": False,
        "ambiguous": False,
        "source": r"'<answer>' tag; gold appears only in the think block",
        "category": "answer_label_unboxed",
    },
    {
        "response": r"We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$. Hence the answer is $\boxed 2$.",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces (valid LaTeX for a single token)",
        "category": "boxed_no_braces",
    },
    {
        "response": r"We have $2^{10} = 1024$. Dividing by $7$: $7 \cdot 146 = 1022$, so $1024 = 7 \cdot 146 + 2$. The remainder is $2$. Hence the answer is $\boxed 2$.",
        "answer": r"146",
        "label": False,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces; gold is an intermediate value",
        "category": "boxed_no_braces",
    },
    {
        "response": r"We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$. Hence the answer is $\boxed 4$.",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces (valid LaTeX for a single token)",
        "category": "boxed_no_braces",
    },
    {
        "response": r"We have $2^5 \cdot 5^3 = 2^2 \cdot (2 \cdot 5)^3 = 4 \cdot 1000 = 4000$. The sum of the digits of $4000$ is $4 + 0 + 0 + 0 = 4$. Hence the answer is $\boxed 4$.",
        "answer": r"4000",
        "label": False,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces; gold is an intermediate value",
        "category": "boxed_no_braces",
    },
    {
        "response": r"The first pipe fills $\frac{1}{6}$ of the tank per hour and the second fills $\frac{1}{3}$. Together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{2}$ of the tank per hour, so the tank is full after $2$ hours. Hence the answer is $\boxed 2$.",
        "answer": r"2",
        "label": True,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces (valid LaTeX for a single token)",
        "category": "boxed_no_braces",
    },
    {
        "response": r"The first pipe fills $\frac{1}{6}$ of the tank per hour and the second fills $\frac{1}{3}$. Together they fill $\frac{1}{6} + \frac{1}{3} = \frac{1}{2}$ of the tank per hour, so the tank is full after $2$ hours. Hence the answer is $\boxed 2$.",
        "answer": r"\frac{1}{2}",
        "label": False,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces; gold is an intermediate value",
        "category": "boxed_no_braces",
    },
    {
        "response": r"The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$. Hence the answer is $\boxed 3$.",
        "answer": r"3",
        "label": True,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces (valid LaTeX for a single token)",
        "category": "boxed_no_braces",
    },
    {
        "response": r"The units digits of $7^n$ cycle with period $4$: $7, 9, 3, 1$. Since $2023 = 4 \cdot 505 + 3$, the units digit of $7^{2023}$ matches that of $7^3 = 343$, which is $3$. Hence the answer is $\boxed 3$.",
        "answer": r"9",
        "label": False,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces; gold is an intermediate value",
        "category": "boxed_no_braces",
    },
    {
        "response": r"For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$. Hence the answer is $\boxed 7$.",
        "answer": r"7",
        "label": True,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces (valid LaTeX for a single token)",
        "category": "boxed_no_braces",
    },
    {
        "response": r"For one fair die the expected value is $\frac{1+2+3+4+5+6}{6} = \frac{21}{6} = 3.5$. By linearity, the expected sum of two dice is $2 \cdot 3.5 = 7$. Hence the answer is $\boxed 7$.",
        "answer": r"3.5",
        "label": False,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces; gold is an intermediate value",
        "category": "boxed_no_braces",
    },
    {
        "response": r"$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them. Hence the answer is $\boxed 4$.",
        "answer": r"4",
        "label": True,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces (valid LaTeX for a single token)",
        "category": "boxed_no_braces",
    },
    {
        "response": r"$|2x - 3| < 5$ means $-5 < 2x - 3 < 5$, so $-2 < 2x < 8$ and $-1 < x < 4$. The integers strictly in this interval are $0, 1, 2, 3$, so there are $4$ of them. Hence the answer is $\boxed 4$.",
        "answer": r"3",
        "label": False,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces; gold is an intermediate value",
        "category": "boxed_no_braces",
    },
    {
        "response": r"Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days. Hence the answer is $\boxed 8$.",
        "answer": r"8",
        "label": True,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces (valid LaTeX for a single token)",
        "category": "boxed_no_braces",
    },
    {
        "response": r"Lena reads 25 pages a day and the book has 350 pages, so the whole book takes 350 / 25 = 14 days. She has already read for 6 days, so she needs 14 - 6 = 8 more days. Hence the answer is $\boxed 8$.",
        "answer": r"14",
        "label": False,
        "ambiguous": False,
        "source": r"'\boxed 5' without braces; gold is an intermediate value",
        "category": "boxed_no_braces",
    },
    {
        "response": r"We get $9 \cdot 8 = 72$, so the answer is $\boxed 72$.",
        "answer": r"72",
        "label": True,
        "ambiguous": True,
        "source": r"'\boxed 72': LaTeX would box only the 7, but the intent is 72",
        "category": "boxed_no_braces",
    },
    {
        "response": r"""The count is 12.

The answer is \boxed12.""",
        "answer": r"12",
        "label": True,
        "ambiguous": True,
        "source": r"'\boxed12' without space or braces",
        "category": "boxed_no_braces",
    },
    {
        "response": r"""To solve this problem, let's carefully organize the information.

We have a school with 4 grades. Grade 1 has 120 students, grade 2 has 135 students, grade 3 has 150 students and grade 4 has 165 students. So the school has 120 + 135 + 150 + 165 = 570 students in total.

Each class can hold at most 30 students. Let's figure out how many classes each grade needs:
- Grade 1: 120 / 30 = 4 classes.
- Grade 2: 135 / 30 = 4.5, so we round up to 5 classes.
- Grade 3: 150 / 30 = 5 classes.
- Grade 4: 165 / 30 = 5.5, so we round up to 6 classes.

Now, the total number of classes is 4 + 5 + 5 + 6 = 20 classes.

Note that if we had simply divided the total number of students by 30, we would get 570 / 30 = 19 classes, but that would put students from different grades in the same class, which the problem does not allow. That is why the answer is larger than 19.

Each class needs one teacher, and the school already has 14 teachers, so it needs to hire 20 - 14 = 6 more teachers. But the question asks only for the number of classes.

Therefore, the school needs **20** classes.

I hope this helps! Let me know if you have any other questions.""",
        "answer": r"20",
        "label": True,
        "ambiguous": False,
        "source": r"long Llama-style chat answer; final statement in bold among many numbers",
        "category": "long_reasoning",
    },
    {
        "response": r"""To solve this problem, let's carefully organize the information.

We have a school with 4 grades. Grade 1 has 120 students, grade 2 has 135 students, grade 3 has 150 students and grade 4 has 165 students. So the school has 120 + 135 + 150 + 165 = 570 students in total.

Each class can hold at most 30 students. Let's figure out how many classes each grade needs:
- Grade 1: 120 / 30 = 4 classes.
- Grade 2: 135 / 30 = 4.5, so we round up to 5 classes.
- Grade 3: 150 / 30 = 5 classes.
- Grade 4: 165 / 30 = 5.5, so we round up to 6 classes.

Now, the total number of classes is 4 + 5 + 5 + 6 = 20 classes.

Note that if we had simply divided the total number of students by 30, we would get 570 / 30 = 19 classes, but that would put students from different grades in the same class, which the problem does not allow. That is why the answer is larger than 19.

Each class needs one teacher, and the school already has 14 teachers, so it needs to hire 20 - 14 = 6 more teachers. But the question asks only for the number of classes.

Therefore, the school needs **20** classes.

I hope this helps! Let me know if you have any other questions.""",
        "answer": r"19",
        "label": False,
        "ambiguous": False,
        "source": r"long chat answer; gold equals the rejected naive count",
        "category": "long_reasoning",
    },
    {
        "response": r"""To solve this problem, let's carefully organize the information.

We have a school with 4 grades. Grade 1 has 120 students, grade 2 has 135 students, grade 3 has 150 students and grade 4 has 165 students. So the school has 120 + 135 + 150 + 165 = 570 students in total.

Each class can hold at most 30 students. Let's figure out how many classes each grade needs:
- Grade 1: 120 / 30 = 4 classes.
- Grade 2: 135 / 30 = 4.5, so we round up to 5 classes.
- Grade 3: 150 / 30 = 5 classes.
- Grade 4: 165 / 30 = 5.5, so we round up to 6 classes.

Now, the total number of classes is 4 + 5 + 5 + 6 = 20 classes.

Note that if we had simply divided the total number of students by 30, we would get 570 / 30 = 19 classes, but that would put students from different grades in the same class, which the problem does not allow. That is why the answer is larger than 19.

Each class needs one teacher, and the school already has 14 teachers, so it needs to hire 20 - 14 = 6 more teachers. But the question asks only for the number of classes.

Therefore, the school needs **20** classes.

I hope this helps! Let me know if you have any other questions.""",
        "answer": r"6",
        "label": False,
        "ambiguous": False,
        "source": r"long chat answer; gold equals a side computation near the end",
        "category": "long_reasoning",
    },
    {
        "response": r"""To solve this problem, let's carefully organize the information.

We have a school with 4 grades. Grade 1 has 120 students, grade 2 has 135 students, grade 3 has 150 students and grade 4 has 165 students. So the school has 120 + 135 + 150 + 165 = 570 students in total.

Each class can hold at most 30 students. Let's figure out how many classes each grade needs:
- Grade 1: 120 / 30 = 4 classes.
- Grade 2: 135 / 30 = 4.5, so we round up to 5 classes.
- Grade 3: 150 / 30 = 5 classes.
- Grade 4: 165 / 30 = 5.5, so we round up to 6 classes.

Now, the total number of classes is 4 + 5 + 5 + 6 = 20 classes.

Note that if we had simply divided the total number of students by 30, we would get 570 / 30 = 19 classes, but that would put students from different grades in the same class, which the problem does not allow. That is why the answer is larger than 19.

Each class needs one teacher, and the school already has 14 teachers, so it needs to hire 20 - 14 = 6 more teachers. But the question asks only for the number of classes.

Therefore, the school needs **20** classes.

I hope this helps! Let me know if you have any other questions.""",
        "answer": r"570",
        "label": False,
        "ambiguous": False,
        "source": r"long chat answer; gold equals the first total computed",
        "category": "long_reasoning",
    },
    {
        "response": r"""<think>
Okay, so I need to find the number of positive integers $n \le 100$ such that $n^2 + n + 1$ is divisible by 7. Let me think about this modulo 7.

First, $n^2 + n + 1 \equiv 0 \pmod 7$. Let me just test residues $n = 0, 1, \dots, 6$:
- $n = 0$: $1$. Not 0.
- $n = 1$: $3$. No.
- $n = 2$: $7 \equiv 0$. Yes!
- $n = 3$: $13 \equiv 6$. No.
- $n = 4$: $21 \equiv 0$. Yes!
- $n = 5$: $31 \equiv 3$. No.
- $n = 6$: $43 \equiv 1$. No.

So $n \equiv 2$ or $n \equiv 4 \pmod 7$. Now count in $1..100$. Numbers $\equiv 2 \pmod 7$: $2, 9, \dots, 100$. That's $(100 - 2)/7 + 1 = 14 + 1 = 15$. Numbers $\equiv 4 \pmod 7$: $4, 11, \dots, 95$. That's $(95 - 4)/7 + 1 = 13 + 1 = 14$.

So total is $15 + 14 = 29$. Wait, let me double check $100 \bmod 7$: $7 \cdot 14 = 98$, so $100 \equiv 2$. Yes, 100 is included. And $95 = 7 \cdot 13 + 4$, right. And the next one, $102$, exceeds 100. So 29.
</think>

We need $n^2 + n + 1 \equiv 0 \pmod 7$. Checking residues, this holds exactly when $n \equiv 2$ or $n \equiv 4 \pmod 7$.

- $n \equiv 2$: $2, 9, \ldots, 100$ gives $15$ values.
- $n \equiv 4$: $4, 11, \ldots, 95$ gives $14$ values.

Total: $15 + 14 = \boxed{29}$.""",
        "answer": r"29",
        "label": True,
        "ambiguous": False,
        "source": r"long R1 trace with residue table; boxed total after </think>",
        "category": "long_reasoning",
    },
    {
        "response": r"""<think>
Okay, so I need to find the number of positive integers $n \le 100$ such that $n^2 + n + 1$ is divisible by 7. Let me think about this modulo 7.

First, $n^2 + n + 1 \equiv 0 \pmod 7$. Let me just test residues $n = 0, 1, \dots, 6$:
- $n = 0$: $1$. Not 0.
- $n = 1$: $3$. No.
- $n = 2$: $7 \equiv 0$. Yes!
- $n = 3$: $13 \equiv 6$. No.
- $n = 4$: $21 \equiv 0$. Yes!
- $n = 5$: $31 \equiv 3$. No.
- $n = 6$: $43 \equiv 1$. No.

So $n \equiv 2$ or $n \equiv 4 \pmod 7$. Now count in $1..100$. Numbers $\equiv 2 \pmod 7$: $2, 9, \dots, 100$. That's $(100 - 2)/7 + 1 = 14 + 1 = 15$. Numbers $\equiv 4 \pmod 7$: $4, 11, \dots, 95$. That's $(95 - 4)/7 + 1 = 13 + 1 = 14$.

So total is $15 + 14 = 29$. Wait, let me double check $100 \bmod 7$: $7 \cdot 14 = 98$, so $100 \equiv 2$. Yes, 100 is included. And $95 = 7 \cdot 13 + 4$, right. And the next one, $102$, exceeds 100. So 29.
</think>

We need $n^2 + n + 1 \equiv 0 \pmod 7$. Checking residues, this holds exactly when $n \equiv 2$ or $n \equiv 4 \pmod 7$.

- $n \equiv 2$: $2, 9, \ldots, 100$ gives $15$ values.
- $n \equiv 4$: $4, 11, \ldots, 95$ gives $14$ values.

Total: $15 + 14 = \boxed{29}$.""",
        "answer": r"15",
        "label": False,
        "ambiguous": False,
        "source": r"long R1 trace; gold equals one of the partial counts",
        "category": "long_reasoning",
    },
    {
        "response": r"""<think>
Okay, so I need to find the number of positive integers $n \le 100$ such that $n^2 + n + 1$ is divisible by 7. Let me think about this modulo 7.

First, $n^2 + n + 1 \equiv 0 \pmod 7$. Let me just test residues $n = 0, 1, \dots, 6$:
- $n = 0$: $1$. Not 0.
- $n = 1$: $3$. No.
- $n = 2$: $7 \equiv 0$. Yes!
- $n = 3$: $13 \equiv 6$. No.
- $n = 4$: $21 \equiv 0$. Yes!
- $n = 5$: $31 \equiv 3$. No.
- $n = 6$: $43 \equiv 1$. No.

So $n \equiv 2$ or $n \equiv 4 \pmod 7$. Now count in $1..100$. Numbers $\equiv 2 \pmod 7$: $2, 9, \dots, 100$. That's $(100 - 2)/7 + 1 = 14 + 1 = 15$. Numbers $\equiv 4 \pmod 7$: $4, 11, \dots, 95$. That's $(95 - 4)/7 + 1 = 13 + 1 = 14$.

So total is $15 + 14 = 29$. Wait, let me double check $100 \bmod 7$: $7 \cdot 14 = 98$, so $100 \equiv 2$. Yes, 100 is included. And $95 = 7 \cdot 13 + 4$, right. And the next one, $102$, exceeds 100. So 29.
</think>

We need $n^2 + n + 1 \equiv 0 \pmod 7$. Checking residues, this holds exactly when $n \equiv 2$ or $n \equiv 4 \pmod 7$.

- $n \equiv 2$: $2, 9, \ldots, 100$ gives $15$ values.
- $n \equiv 4$: $4, 11, \ldots, 95$ gives $14$ values.

Total: $15 + 14 = \boxed{29}$.""",
        "answer": r"14",
        "label": False,
        "ambiguous": False,
        "source": r"long R1 trace; gold equals the last number before the box",
        "category": "long_reasoning",
    },
    {
        "response": r"""## Step 1: Understand the problem
We are given a rectangle whose length is 3 more than twice its width, and whose perimeter is 54 cm. We need the area.

## Step 2: Set up the equation
Let the width be $w$. Then the length is $2w + 3$. The perimeter is $2(w + 2w + 3) = 54$, so $6w + 6 = 54$.

## Step 3: Solve for the width
$6w = 48$, so $w = 8$ cm.

## Step 4: Find the length
The length is $2 \cdot 8 + 3 = 19$ cm.

## Step 5: Check the perimeter
$2(8 + 19) = 2 \cdot 27 = 54$ cm. Correct.

## Step 6: Compute the area
The area is $8 \cdot 19 = 152$ square cm.

The final answer is: $\boxed{152}$""",
        "answer": r"152",
        "label": True,
        "ambiguous": False,
        "source": r"Llama-3.1 '## Step N' long format with final boxed line",
        "category": "long_reasoning",
    },
    {
        "response": r"""## Step 1: Understand the problem
We are given a rectangle whose length is 3 more than twice its width, and whose perimeter is 54 cm. We need the area.

## Step 2: Set up the equation
Let the width be $w$. Then the length is $2w + 3$. The perimeter is $2(w + 2w + 3) = 54$, so $6w + 6 = 54$.

## Step 3: Solve for the width
$6w = 48$, so $w = 8$ cm.

## Step 4: Find the length
The length is $2 \cdot 8 + 3 = 19$ cm.

## Step 5: Check the perimeter
$2(8 + 19) = 2 \cdot 27 = 54$ cm. Correct.

## Step 6: Compute the area
The area is $8 \cdot 19 = 152$ square cm.

The final answer is: $\boxed{152}$""",
        "answer": r"54",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-3.1 step format; gold equals the given perimeter",
        "category": "long_reasoning",
    },
    {
        "response": r"""## Step 1: Understand the problem
We are given a rectangle whose length is 3 more than twice its width, and whose perimeter is 54 cm. We need the area.

## Step 2: Set up the equation
Let the width be $w$. Then the length is $2w + 3$. The perimeter is $2(w + 2w + 3) = 54$, so $6w + 6 = 54$.

## Step 3: Solve for the width
$6w = 48$, so $w = 8$ cm.

## Step 4: Find the length
The length is $2 \cdot 8 + 3 = 19$ cm.

## Step 5: Check the perimeter
$2(8 + 19) = 2 \cdot 27 = 54$ cm. Correct.

## Step 6: Compute the area
The area is $8 \cdot 19 = 152$ square cm.

The final answer is: $\boxed{152}$""",
        "answer": r"19",
        "label": False,
        "ambiguous": False,
        "source": r"Llama-3.1 step format; gold equals the length",
        "category": "long_reasoning",
    },
    {
        "response": r"""Let me think about this carefully. The bus leaves at 7:15 and arrives at 9:05, which is 1 hour 50 minutes, or 110 minutes. The distance is 55 km, so the average speed is 55 / (110/60) = 55 · 60 / 110 = 30 km/h.

On the way back the bus drives at 44 km/h, so it takes 55 / 44 = 1.25 hours = 75 minutes.

The total travel time is 110 + 75 = 185 minutes, and the total distance is 110 km. So the average speed over the round trip is 110 / (185/60) = 6600 / 185 ≈ 35.68 km/h.

Hmm, but the question asks how many minutes faster the return trip is: 110 - 75 = 35 minutes.

So the return trip is 35 minutes faster.""",
        "answer": r"35",
        "label": True,
        "ambiguous": False,
        "source": r"long prose reasoning with many numbers; closing sentence gives the answer",
        "category": "long_reasoning",
    },
    {
        "response": r"""Let me think about this carefully. The bus leaves at 7:15 and arrives at 9:05, which is 1 hour 50 minutes, or 110 minutes. The distance is 55 km, so the average speed is 55 / (110/60) = 55 · 60 / 110 = 30 km/h.

On the way back the bus drives at 44 km/h, so it takes 55 / 44 = 1.25 hours = 75 minutes.

The total travel time is 110 + 75 = 185 minutes, and the total distance is 110 km. So the average speed over the round trip is 110 / (185/60) = 6600 / 185 ≈ 35.68 km/h.

Hmm, but the question asks how many minutes faster the return trip is: 110 - 75 = 35 minutes.

So the return trip is 35 minutes faster.""",
        "answer": r"35.68",
        "label": False,
        "ambiguous": False,
        "source": r"long prose; gold equals a computed but unrequested average speed",
        "category": "long_reasoning",
    },
    {
        "response": r"""Let me think about this carefully. The bus leaves at 7:15 and arrives at 9:05, which is 1 hour 50 minutes, or 110 minutes. The distance is 55 km, so the average speed is 55 / (110/60) = 55 · 60 / 110 = 30 km/h.

On the way back the bus drives at 44 km/h, so it takes 55 / 44 = 1.25 hours = 75 minutes.

The total travel time is 110 + 75 = 185 minutes, and the total distance is 110 km. So the average speed over the round trip is 110 / (185/60) = 6600 / 185 ≈ 35.68 km/h.

Hmm, but the question asks how many minutes faster the return trip is: 110 - 75 = 35 minutes.

So the return trip is 35 minutes faster.""",
        "answer": r"75",
        "label": False,
        "ambiguous": False,
        "source": r"long prose; gold equals the return trip time",
        "category": "long_reasoning",
    },
    {
        "response": r"""The sum is $3 + 4 + 5 = 12$.

**Answer:** 12

$\boxed{13}$""",
        "answer": r"12",
        "label": False,
        "ambiguous": True,
        "source": r"two final markers disagree: bold 'Answer:' line says 12, a trailing box says 13",
        "category": "conflicting_final_answers",
    },
    {
        "response": r"""The sum is $3 + 4 + 5 = 12$.

**Answer:** 12

$\boxed{13}$""",
        "answer": r"13",
        "label": False,
        "ambiguous": True,
        "source": r"two final markers disagree; gold matches the last box only",
        "category": "conflicting_final_answers",
    },
    {
        "response": r"""The area is $6 \cdot 7 = 42$. The answer is $\boxed{42}$.<|im_end|>
Wait, I forgot to subtract the 2 square units cut out, so it's 40.""",
        "answer": r"42",
        "label": True,
        "ambiguous": True,
        "source": r"Qwen ChatML: a revision appears after <|im_end|>; the answer before the end token counts by convention",
        "category": "chat_template_tail",
    },
    {
        "response": r"""The area is $6 \cdot 7 = 42$. The answer is $\boxed{42}$.<|im_end|>
Wait, I forgot to subtract the 2 square units cut out, so it's 40.""",
        "answer": r"40",
        "label": False,
        "ambiguous": True,
        "source": r"Qwen ChatML: gold matches only a revision written after the end token",
        "category": "chat_template_tail",
    },
    {
        "response": r"""There are 36 fence posts, or 37 if you also count the post at the gate.

The answer is 36 (or 37).""",
        "answer": r"36",
        "label": False,
        "ambiguous": True,
        "source": r"hedged final answer naming two values",
        "category": "conflicting_final_answers",
    },
    {
        "response": r"$x = 3$ works, and so does $x = -3$ if negative values are allowed. The answer is $\boxed{3}$.",
        "answer": r"3",
        "label": True,
        "ambiguous": False,
        "source": r"alternative mentioned but a single value is boxed",
        "category": "conflicting_final_answers",
    },
    {
        "response": r"$x = 3$ works, and so does $x = -3$ if negative values are allowed. The answer is $\boxed{3}$.",
        "answer": r"-3",
        "label": False,
        "ambiguous": False,
        "source": r"alternative mentioned in prose; gold equals the alternative, not the boxed value",
        "category": "conflicting_final_answers",
    },
    {
        "response": r"""The options are (A) 8, (B) 10, (C) 12, (D) 14, (E) 16. The perimeter is 2(3 + 4) = 14.

The answer is C) 14.""",
        "answer": r"C",
        "label": False,
        "ambiguous": True,
        "source": r"MC: letter and value in the final answer disagree (C is 12, 14 is D)",
        "category": "multiple_choice",
    },
    {
        "response": r"""The options are (A) 8, (B) 10, (C) 12, (D) 14, (E) 16. The perimeter is 2(3 + 4) = 14.

The answer is C) 14.""",
        "answer": r"D",
        "label": False,
        "ambiguous": True,
        "source": r"MC: letter and value disagree; gold letter matches the stated value",
        "category": "multiple_choice",
    },
    {
        "response": r"""<think>
Okay, so I need to find the number of positive integers $n \le 100$ such that $n^2 + n + 1$ is divisible by 7. Let me think about this modulo 7.

First, $n^2 + n + 1 \equiv 0 \pmod 7$. Let me just test residues $n = 0, 1, \dots, 6$:
- $n = 0$: $1$. Not 0.
- $n = 1$: $3$. No.
- $n = 2$: $7 \equiv 0$. Yes!
- $n = 3$: $13 \equiv 6$. No.
- $n = 4$: $21 \equiv 0$. Yes!
- $n = 5$: $31 \equiv 3$. No.
- $n = 6$: $43 \equiv 1$. No.

So $n \equiv 2$ or $n \equiv 4 \pmod 7$. Now count in $1..100$. Numbers $\equiv 2 \pmod 7$: $2, 9, \dots, 100$. That's $(100 - 2)/7 + 1 = 14 + 1 = 15$. Numbers $\equiv 4 \pmod 7$: $4, 11, \dots, 95$. That's $(95 - 4)/7 + 1 = 13 + 1 = 14$.

So total is $15 + 14 = 29$. Wait, let me double check $100 \bmod 7$: $7 \cdot 14 = 98$, so $100 \equiv 2$. Yes, 100 is included. And $95 = 7 \cdot 13 + 4$, right. And the next one, $102$, exceeds 100. So 29.

**Final Answer**
\boxed{29}
""",
        "answer": r"29",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace ends with a boxed 'Final Answer' but never closes </think>",
        "category": "truncated_response",
    },
    {
        "response": r"""<think>
The tank fills at 1/6 + 1/3 = 1/2 per hour, so it takes 2 hours.

Answer: \boxed{2}""",
        "answer": r"2",
        "label": False,
        "ambiguous": True,
        "source": r"R1 trace without </think>; the thinking already states a boxed answer",
        "category": "truncated_response",
    },
    {
        "response": r"""The product is $6 \cdot 7 = 42$.
Final Answer: The final answer is $42$. I hope it is correct.

Final Answer: The final answer is $48$. I hope it is correct.""",
        "answer": r"42",
        "label": False,
        "ambiguous": True,
        "source": r"Minerva format repeated with two different values",
        "category": "minerva_final_answer",
    },
]
# fmt: on
