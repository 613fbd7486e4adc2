"""Shared parts of the held-out corpus generator: the response templates, the case list and the
``add``/``raw`` helpers that the category modules call to append to it.
"""

from __future__ import annotations

# Response templates for cases that end in a box. {W} is the worked reasoning, {F} the final
# answer as the model writes it (both LaTeX), {A} an earlier, superseded candidate.
STYLES = [
    "{W}\n\nTherefore, the final answer is $\\boxed{{F}}$.",
    "## Solution\n\n{W}\n\n### Final Answer\n\n$$\\boxed{{F}}$$",
    "Let's work through this step by step.\n\n{W}\n\n**Final answer:** $\\boxed{{F}}$",
    "{W} Putting everything together,\n\\[\n\\boxed{{F}}\n\\]",
    "{W}\n\n$\\boxed{{F}}$\n\nI hope this helps! Let me know if you'd like me to go over any step "
    "in more detail.",
    "**Step 1 — set up.** Read off the given quantities.\n\n**Step 2 — compute.** {W}\n\n"
    "**Step 3 — conclude.** The answer is $\\boxed{{F}}$.",
    "{W}\n\nAnswer: \\(\\boxed{{F}}\\)",
    "{W}\n\nSo the answer is $\\boxed{{F}}$.\n\n**Verification.** Substituting this back into the "
    "original conditions is consistent, so I am confident in it.",
    "Okay, let me think about this carefully.\n\n{W}\n\nHence\n$$\n\\boxed{{F}}\n$$\n"
    "(The key step was the simplification above.)",
    "### Approach\nWork directly from the definitions.\n\n### Work\n{W}\n\n---\n"
    "**Final answer:** \\(\\boxed{{F}}\\)",
]

# Several candidate answers: an earlier box is superseded by the last one.
REVISION_STYLES = [
    "{W}\n\nSo my answer is $\\boxed{{A}}$.\n\nWait — let me double-check that last step. I "
    "made an arithmetic slip; redoing it carefully changes the result.\n\n"
    "**Corrected final answer:** $\\boxed{{F}}$",
    "First attempt: $\\boxed{{A}}$. Hmm, that does not satisfy the original condition, so "
    "something is off.\n\nSecond attempt: {W}\n\nThe final answer is $\\boxed{{F}}$.",
    "{W}\n\nCandidate answers I considered: $\\boxed{{A}}$ (from the first method) and the one "
    "below (from the careful method). Only the second survives the check.\n\n"
    "Final: $\\boxed{{F}}$",
]

CASES: list[dict[str, object]] = []


def add(
    category: str,
    final: str,
    answer: str,
    equal: bool,
    note: str,
    work: str,
    alt: str | None = None,
) -> None:
    """A boxed response: ``work`` wrapped by a template with ``final`` in the last box."""
    CASES.append(
        {
            "category": category,
            "final": final,
            "answer": answer,
            "equal": equal,
            "note": note,
            "work": work,
            "alt": alt,
        }
    )


def raw(category: str, response: str, answer: str, equal: bool, note: str) -> None:
    """A response written out in full (no template)."""
    CASES.append(
        {"category": category, "response": response, "answer": answer, "equal": equal, "note": note}
    )
