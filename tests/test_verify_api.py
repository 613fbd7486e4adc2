"""The Python face of the verifier: verify / verify_batch / grade, options and errors."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
import relift
from hypothesis import given, settings
from hypothesis import strategies as st
from relift import _core
from relift.errors import InvalidInputError, ReliftError


def test_verify_simple_cases() -> None:
    assert relift.verify(r"So the answer is \boxed{\frac{1}{2}}.", "0.5")
    assert not relift.verify(r"So the answer is \boxed{\frac{1}{3}}.", "0.5")
    assert relift.verify(r"We get $x = 3$.", "3")


def test_verify_batch_returns_bool_array_in_order() -> None:
    responses = [r"\boxed{4}", r"\boxed{5}", r"\boxed{2\sqrt{2}}", r"\boxed{(1,2)}"]
    answers = ["4", "4", r"\sqrt{8}", "(2,1)"]
    out = relift.verify_batch(responses, answers)
    assert out.dtype == np.bool_
    assert out.tolist() == [True, False, True, False]
    assert relift.verify_batch(responses, answers, threads=1).tolist() == out.tolist()


def test_verify_batch_accepts_any_sequence_and_empty() -> None:
    assert relift.verify_batch((r"\boxed{1}",), ("1",)).tolist() == [True]
    assert relift.verify_batch([], []).shape == (0,)


def test_grade_explains_itself() -> None:
    verdict = relift.grade(r"Thus \boxed{\dfrac{2}{4}}", r"$\frac12$")
    assert verdict.correct and bool(verdict)
    assert verdict.decision == "equal"
    assert verdict.extracted == r"\dfrac{2}{4}"
    assert verdict.extract_method == "boxed"
    assert verdict.predicted is not None and verdict.gold is not None
    assert verdict.reason
    assert "Verdict(correct=True" in repr(verdict)


def test_think_after_option() -> None:
    response = r"<think>maybe \boxed{5}</think> The answer is \boxed{4}."
    assert relift.verify(response, "4", think="after")
    assert not relift.verify(r"<think>\boxed{4}", "4", think="after")
    assert relift.verify(r"<think>\boxed{4}", "4")


def test_require_boxed_and_fallback_options() -> None:
    assert relift.verify("The answer is 12.", "12")
    assert not relift.verify("The answer is 12.", "12", require_boxed=True)
    assert not relift.verify("we computed 12 apples", "12", extract_fallback="answer_is")
    assert relift.verify("we computed 12 apples", "12", extract_fallback="last_number")


def test_percent_and_rounding_options() -> None:
    assert relift.verify(r"\boxed{50\%}", "50")
    assert not relift.verify(r"\boxed{50\%}", "50", percent="strict")
    assert relift.verify(r"\boxed{50\%}", "0.5", percent="strict")
    assert relift.verify(r"\boxed{\frac13}", "0.33")
    assert not relift.verify(r"\boxed{\frac13}", "0.33", rounding="exact")
    # The default wants two places; "reference" rounds to any number of them.
    assert not relift.verify(r"\boxed{\frac13}", "0.3")
    assert relift.verify(r"\boxed{\frac13}", "0.3", rounding="reference")
    assert relift.verify(r"\boxed{\frac13}", "0.3", rounding="precise") is False


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"think": "before"}, "think"),
        ({"extract_fallback": "everything"}, "extract_fallback"),
        ({"float_tolerance": -1.0}, "float_tolerance"),
        ({"percent": 3}, "percent"),
        ({"work_budget": 0}, "work_budget"),
        ({"thinkk": "after"}, "unknown option"),
    ],
)
def test_bad_options_raise_clear_errors(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(InvalidInputError, match=fragment):
        relift.verify("1", "1", **kwargs)  # type: ignore[arg-type]


def test_bad_batches_raise_clear_errors() -> None:
    with pytest.raises(InvalidInputError, match="same length"):
        relift.verify_batch(["1", "2"], ["1"])
    with pytest.raises(InvalidInputError, match=r"responses\[1\] must be str"):
        relift.verify_batch(["1", 2], ["1", "2"])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match="not a single str"):
        relift.verify_batch("12", "12")
    with pytest.raises(InvalidInputError, match="threads"):
        relift.verify_batch(["1"], ["1"], threads=0)
    assert issubclass(InvalidInputError, ValueError)
    assert issubclass(InvalidInputError, ReliftError)


def test_verify_batch_releases_the_gil() -> None:
    """A Python thread keeps running while a large batch is verified."""
    responses = [r"Some reasoning. \boxed{\frac{" + str(i) + "}{7}}" for i in range(20_000)]
    answers = [str(i / 7) for i in range(20_000)]
    ticks = 0
    done = threading.Event()

    def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    thread = threading.Thread(target=ticker)
    thread.start()
    start = time.perf_counter()
    relift.verify_batch(responses, answers, threads=1)
    elapsed = time.perf_counter() - start
    done.set()
    thread.join()
    # The ticker sleeps 1 ms per tick; with the GIL held it would not tick at all.
    assert ticks >= min(5, int(elapsed * 1000) // 4)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_integers_equal_themselves(n: int) -> None:
    assert relift.verify(rf"\boxed{{{n}}}", str(n))


@settings(max_examples=200, deadline=None)
@given(st.integers(-1000, 1000), st.integers(1, 1000))
def test_fraction_forms_agree(p: int, q: int) -> None:
    """Python's Fraction is the oracle: a/b and its reduced form are equal, a/b and a/b+1 differ."""
    from fractions import Fraction

    f = Fraction(p, q)
    assert relift.verify(rf"\boxed{{\frac{{{p}}}{{{q}}}}}", f"{f.numerator}/{f.denominator}")
    g = f + 1
    assert not relift.verify(rf"\boxed{{\frac{{{p}}}{{{q}}}}}", f"{g.numerator}/{g.denominator}")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.text(max_size=50))
def test_arbitrary_text_never_raises_and_is_fast(response: str, answer: str) -> None:
    start = time.perf_counter()
    result = relift.verify(response, answer)
    assert isinstance(result, bool)
    assert time.perf_counter() - start < 0.05


def test_the_answer_ends_where_the_next_chat_turn_begins() -> None:
    """A response decoded past its end token runs on into a new turn with its own numbers."""
    run_on = "The sum is \\boxed{12}.<|im_end|>\n<|im_start|>user\nAnd 5+5? \\boxed{10}"
    assert relift.verify(run_on, "12") and not relift.verify(run_on, "10")
    llama = "<|start_header_id|>assistant<|end_header_id|>\n\nAnswer: 7<|eot_id|> then 9"
    assert relift.verify(llama, "7") and not relift.verify(llama, "9")


def test_extract_answer_reads_what_grade_reads() -> None:
    """``_core.extract_answer`` (used by the Math-Verify shim's ``parse``) extracts without
    grading, with the same options and the same result as ``grade``."""
    text = r"First $x = 3$. The answer is $\frac{1}{2}$."
    assert _core.extract_answer(text) == (r"\frac{1}{2}", "answer_is")
    verdict = relift.grade(text, "0.5")
    assert (verdict.extracted, verdict.extract_method) == _core.extract_answer(text)
    assert _core.extract_answer("no answer here") == (None, "none")
    assert _core.extract_answer(text, require_boxed=True) == (None, "none")
    assert _core.extract_answer(text, extract_fallback="math_span")[1] == "answer_is"
    with pytest.raises(InvalidInputError, match="extract_fallback"):
        _core.extract_answer(text, extract_fallback="bogus")  # type: ignore[arg-type]
