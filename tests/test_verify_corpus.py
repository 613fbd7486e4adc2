"""The labelled corpus (tests/data/verify_cases.jsonl): per-category agreement with the labels.

Targets from the foundation issue: >= 99% overall agreement and no false positive on the
adversarial category. Each category must also stay above a floor, so a regression in one form of
answer cannot hide behind the average.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import corpus_utils
import pytest
import relift
from corpus_utils import Case

CORPUS = Path(__file__).parent / "data" / "verify_cases.jsonl"
OVERALL_TARGET = 0.99
CATEGORY_FLOOR = 0.95


def load_cases() -> list[Case]:
    return corpus_utils.load_cases(CORPUS)


@pytest.fixture(scope="module")
def graded() -> list[tuple[Case, bool]]:
    return corpus_utils.grade_cases(load_cases())


def test_corpus_is_large_and_covers_every_category() -> None:
    cases = load_cases()
    assert len(cases) >= 1000
    per_category: dict[str, int] = defaultdict(int)
    for case in cases:
        assert set(case) >= {"response", "answer", "equal", "category"}
        per_category[case["category"]] += 1
    assert len(per_category) >= 20
    assert min(per_category.values()) >= 20, per_category


def _failures(graded: list[tuple[dict[str, Any], bool]], category: str | None = None) -> list[str]:
    return [
        f"[{c['category']}] label={c['equal']} got={got} answer={c['answer'][:80]!r} "
        f"response=...{c['response'][-120:]!r}"
        for c, got in graded
        if got != c["equal"] and (category is None or c["category"] == category)
    ]


def test_overall_agreement(graded: list[tuple[dict[str, Any], bool]]) -> None:
    failures = _failures(graded)
    agreement = 1 - len(failures) / len(graded)
    assert agreement >= OVERALL_TARGET, f"{agreement:.4f}\n" + "\n".join(failures[:60])


def test_every_category_above_floor(graded: list[tuple[dict[str, Any], bool]]) -> None:
    totals: dict[str, int] = defaultdict(int)
    wrong: dict[str, int] = defaultdict(int)
    for case, got in graded:
        totals[case["category"]] += 1
        wrong[case["category"]] += got != case["equal"]
    low = {
        cat: round(1 - wrong[cat] / totals[cat], 3)
        for cat in totals
        if 1 - wrong[cat] / totals[cat] < CATEGORY_FLOOR
    }
    assert not low, f"categories below {CATEGORY_FLOOR}: {low}"


def test_no_false_positive_on_adversarial_inputs(graded: list[tuple[dict[str, Any], bool]]) -> None:
    false_positives = [c for c, got in graded if c["category"] == "adversarial" and got]
    assert not false_positives, [c["answer"][:80] for c in false_positives]


def test_adversarial_inputs_are_answered_quickly() -> None:
    """A loose bound (the 5 ms per item figure is measured by benches/verify_accuracy.py)."""
    for case in load_cases():
        if case["category"] != "adversarial":
            continue
        start = time.perf_counter()
        relift.verify(case["response"], case["answer"])
        elapsed = time.perf_counter() - start
        assert elapsed < 0.1, f"{elapsed * 1000:.1f} ms on {case['answer'][:60]!r}"
