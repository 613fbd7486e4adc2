"""relift.integrations: the verifier called the way verl, TRL and Math-Verify users call theirs."""

from __future__ import annotations

import importlib.util
import inspect
import pickle
import subprocess
import sys
import threading
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from relift.errors import InvalidInputError
from relift.integrations import math_verify, trl, verl
from relift.integrations.math_verify import LatexExtractionConfig, parse, verify

RIGHT = r"First 6 * 7 = 42, so the answer is \boxed{42}."
WRONG = r"First 6 * 7 = 41, so the answer is \boxed{41}."
NO_ANSWER = "I could not solve this."


# ---- importing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("module", ["verl", "trl", "math_verify"])
def test_importing_an_integration_loads_no_heavy_package(module: str) -> None:
    heavy = ["torch", "transformers", "matplotlib", "vllm", "sympy", "math_verify", "trl", "verl"]
    code = (
        f"import sys, relift.integrations.{module}\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# ---- verl --------------------------------------------------------------------------------------


def verl_style(fn: Any, **reward_kwargs: Any) -> Any:
    """What verl's ``get_custom_reward_fn`` returns: the function with the configuration's
    ``custom_reward_function.reward_kwargs`` merged into every call."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return fn(*args, **{**kwargs, **reward_kwargs})

    return call


def test_verl_compute_score_called_by_keyword_returns_a_float() -> None:
    score = verl_style(verl.compute_score)
    common = {"data_source": "math_dapo", "extra_info": {"index": 3, "num_turns": None}}
    right = score(solution_str=RIGHT, ground_truth="42", **common)
    assert right == 1.0 and isinstance(right, float)
    assert score(solution_str=WRONG, ground_truth="42", **common) == 0.0
    assert score(solution_str=NO_ANSWER, ground_truth="42", **common) == 0.0
    # the positional shape of verl's docs, and the keywords some verl versions add
    assert verl.compute_score("lighteval/MATH", RIGHT, "42") == 1.0
    extra: dict[str, Any] = {
        "sandbox_fusion_url": None,
        "concurrent_semaphore": None,
        "memory_limit_mb": 1024,
    }
    assert verl.compute_score("x", RIGHT, "42", None, reward_router_address=None, **extra) == 1.0


def test_verl_compute_score_return_dict() -> None:
    score = verl_style(verl.compute_score, return_dict=True)
    assert score(data_source="d", solution_str=RIGHT, ground_truth="42", extra_info=None) == {
        "score": 1.0,
        "acc": True,
        "pred": "42",
    }
    wrong = score(data_source="d", solution_str=WRONG, ground_truth="42", extra_info=None)
    assert wrong == {"score": 0.0, "acc": False, "pred": "41"}
    none = score(data_source="d", solution_str=NO_ANSWER, ground_truth="42", extra_info=None)
    assert none == {"score": 0.0, "acc": False, "pred": ""}


def test_verl_compute_score_takes_verifier_options_from_reward_kwargs() -> None:
    unfinished = r"<think>so \boxed{42}"
    finished = r"<think>maybe \boxed{41}</think> The answer is \boxed{42}."
    assert verl.compute_score("d", unfinished, "42") == 1.0
    after = verl_style(verl.compute_score, think="after")
    assert after(data_source="d", solution_str=unfinished, ground_truth="42") == 0.0
    assert after(data_source="d", solution_str=finished, ground_truth="42") == 1.0
    boxed_only = verl_style(verl.compute_score, require_boxed=True)
    assert boxed_only(data_source="d", solution_str="The answer is 42.", ground_truth="42") == 0.0
    with pytest.raises(InvalidInputError, match="think"):
        verl.compute_score("d", RIGHT, "42", think="before")


def test_verl_ground_truth_as_number_none_or_nonsense() -> None:
    assert verl.compute_score("d", RIGHT, 42) == 1.0
    assert verl.compute_score("d", RIGHT, np.int64(42)) == 1.0
    assert verl.compute_score("d", r"\boxed{0.5}", 0.5) == 1.0
    assert verl.compute_score("d", RIGHT, None) == 0.0
    with pytest.raises(TypeError, match="ground_truth must be a string or a number, got bool"):
        verl.compute_score("d", RIGHT, True)


def test_verl_batched_as_the_batch_reward_manager_calls_it() -> None:
    responses = [RIGHT, WRONG, NO_ANSWER, r"\boxed{\frac{1}{2}}", RIGHT]
    golds: list[Any] = ["42", "42", "42", "0.5", None]
    batched = verl_style(verl.compute_score_batched, threads=2)
    scores = batched(
        data_sources=np.array(["a"] * 5, dtype=object),  # verl hands over numpy object arrays
        solution_strs=responses,
        ground_truths=golds,
        extra_infos=[{"rollout_reward_scores": {}} for _ in responses],
    )
    assert scores == [1.0, 0.0, 0.0, 1.0, 0.0]
    assert all(isinstance(s, float) for s in scores)
    # the same scores as one call per response
    assert scores == [verl.compute_score("a", r, g) for r, g in zip(responses, golds, strict=True)]
    dicts = verl.compute_score_batched(None, responses, golds, None, return_dict=True)
    assert [d["score"] for d in dicts] == scores
    assert [d["acc"] for d in dicts] == [True, False, False, True, False]
    assert verl.compute_score_batched([], [], [], []) == []


def test_verl_batched_options_and_mismatched_lengths() -> None:
    unfinished = [r"<think>so \boxed{42}"]
    assert verl.compute_score_batched(["d"], unfinished, ["42"], [{}]) == [1.0]
    assert verl.compute_score_batched(["d"], unfinished, ["42"], [{}], think="after") == [0.0]
    with pytest.raises(InvalidInputError, match="3 solution_strs but 2 ground_truths"):
        verl.compute_score_batched(None, [RIGHT] * 3, ["42"] * 2, None)


def test_verl_loads_the_module_from_its_file_path() -> None:
    # custom_reward_function.path may be the file itself, loaded under a made-up module name
    spec = importlib.util.spec_from_file_location("custom_module_123", verl.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.compute_score(data_source="d", solution_str=RIGHT, ground_truth="42") == 1.0


# ---- TRL ---------------------------------------------------------------------------------------


def trl_style(fn: Any, completions: list[Any], **columns: Any) -> Any:
    """Call ``fn`` as TRL's GRPOTrainer does: everything by keyword, TRL's own extras included."""
    n = len(completions)
    return fn(
        prompts=[f"prompt {i}" for i in range(n)],
        completions=completions,
        completion_ids=[[1, 2, 3]] * n,
        trainer_state=SimpleNamespace(global_step=7),
        log_extra=lambda name, values: None,
        log_metric=lambda name, value: None,
        **columns,
    )


def test_trl_accuracy_reward_with_plain_completions() -> None:
    rewards = trl_style(
        trl.accuracy_reward, [RIGHT, WRONG, NO_ANSWER], solution=["42", "42", "42"], level=[1] * 3
    )
    assert rewards == [1.0, 0.0, 0.0]
    assert all(type(r) is float for r in rewards)


def test_trl_accuracy_reward_with_conversational_completions() -> None:
    completions = [
        [{"role": "assistant", "content": RIGHT}],
        [{"role": "assistant", "content": WRONG}],
        # a tool call, its result, then the final reply: the last assistant message is graded
        [
            {"role": "assistant", "content": "Let me compute 6 * 7 with the tool."},
            {"role": "tool", "content": "42"},
            {"role": "assistant", "content": r"So \boxed{42}."},
        ],
        [{"role": "assistant", "content": [{"type": "text", "text": r"\boxed{42}"}]}],
        [{"role": "assistant", "content": None}],
        [],
    ]
    rewards = trl_style(trl.accuracy_reward, completions, solution=["42"] * 6)
    assert rewards == [1.0, 0.0, 1.0, 1.0, 0.0, 0.0]
    # positionally, as in TRL's docs
    assert trl.accuracy_reward(completions[:2], [r"\frac{1}{3}", "42"]) == [0.0, 0.0]


def test_trl_unreadable_gold_gives_none() -> None:
    rewards = trl_style(trl.accuracy_reward, [RIGHT] * 4, solution=["42", "", r"\frac{", None])
    assert rewards == [1.0, None, None, None]
    assert trl_style(trl.accuracy_reward, [RIGHT], solution=[42]) == [1.0]


def test_trl_bad_input_is_named() -> None:
    with pytest.raises(InvalidInputError, match="3 completions but 2 solutions"):
        trl_style(trl.accuracy_reward, [RIGHT] * 3, solution=["42"] * 2)
    with pytest.raises(TypeError, match=r"completions\[1\] must be a string or a list of messages"):
        trl_style(trl.accuracy_reward, [RIGHT, 42], solution=["42"] * 2)
    with pytest.raises(TypeError, match=r"solution\[0\] must be a string or a number"):
        trl_style(trl.accuracy_reward, [RIGHT], solution=[["42"]])


def test_trl_accuracy_reward_class_options_column_and_name() -> None:
    reward = trl.AccuracyReward(think="after", answer_column="answer", name="relift_accuracy")
    assert reward.__name__ == "relift_accuracy"
    completions = [
        [{"role": "assistant", "content": r"<think>\boxed{41}</think> \boxed{42}"}],
        [{"role": "assistant", "content": r"<think>I guess \boxed{42}"}],
    ]
    assert trl_style(reward, completions, answer=["42", "42"]) == [1.0, 0.0]
    assert trl_style(trl.AccuracyReward(), completions, solution=["42", "42"]) == [1.0, 1.0]
    with pytest.raises(TypeError, match=r"needs the dataset column 'answer'.*'solution'"):
        trl_style(reward, completions, solution=["42", "42"])
    # TRL's async rollout workers pickle reward functions
    again = pickle.loads(pickle.dumps(reward))
    assert trl_style(again, completions, answer=["42", "42"]) == [1.0, 0.0]
    assert "think='after'" in repr(reward)


# ---- Math-Verify -------------------------------------------------------------------------------


def test_math_verify_signatures_are_math_verify_s() -> None:
    # Math-Verify 0.9: math_verify.parse and math_verify.verify
    parse_defaults = {
        name: p.default for name, p in inspect.signature(parse).parameters.items() if name != "pred"
    }
    assert list(parse_defaults) == [
        "extraction_config",
        "fallback_mode",
        "extraction_mode",
        "parsing_timeout",
        "raise_on_error",
    ]
    assert parse_defaults["fallback_mode"] == "first_match"
    assert parse_defaults["extraction_mode"] == "any_match"
    assert parse_defaults["parsing_timeout"] == 5
    assert [type(c).__name__ for c in parse_defaults["extraction_config"]] == [
        "LatexExtractionConfig",
        "ExprExtractionConfig",
    ]
    verify_defaults = {n: p.default for n, p in inspect.signature(verify).parameters.items()}
    assert verify_defaults == {
        "gold": inspect.Parameter.empty,
        "target": inspect.Parameter.empty,
        "float_rounding": 6,
        "numeric_precision": 15,
        "strict": True,
        "allow_set_relation_comp": False,
        "timeout_seconds": 5,
        "raise_on_error": False,
    }
    config = LatexExtractionConfig()
    assert (config.try_extract_without_anchor, config.boxed_match_priority) == (True, 50)
    with pytest.raises(TypeError, match="unexpected keyword"):
        parse("1", timeout=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword"):
        verify(parse("1"), parse("1"), tolerance=0.1)  # type: ignore[call-arg]


def test_math_verify_grades_the_response_against_the_gold() -> None:
    gold = parse(r"$\frac{1}{2}$")
    assert verify(gold, parse(r"We find \boxed{0.5}."))
    assert verify(gold, parse(r"so x = \dfrac{2}{4}"))
    assert not verify(gold, parse(r"We find \boxed{0.6}."))
    assert verify(parse(r"The final answer is \boxed{(1, 2)}"), parse(r"\boxed{(1,2)}"))
    assert verify(parse("x^2 + 2x + 1"), parse(r"The answer is $(x+1)^2$."))
    # a gold that is a whole solution is read by its marked answer
    assert verify(parse(r"We have $x=2$, $y=3$, so $x+y=\boxed{5}$."), parse("The answer is 5"))


def test_math_verify_parse_results() -> None:
    [parsed] = parse(r"The answer is \boxed{\frac{1}{3}}")
    assert parsed.text == r"The answer is \boxed{\frac{1}{3}}"
    assert parsed.answer == r"\frac{1}{3}" and str(parsed) == r"\frac{1}{3}"
    assert parse("  ") == [] and parse(r"\frac{") == []  # TRL skips such a gold
    assert len(parse("Yes")) == 1  # relift grades text answers too


def test_math_verify_bare_formulas_are_read_whole_and_prose_by_its_last_number() -> None:
    assert verify(parse(r"\frac13"), parse(r"\frac{1}{3}"))
    assert not verify(parse("3"), parse(r"\frac{1}{3}"))  # not its last number
    assert not verify(parse("2"), parse(r"\sqrt{2}"))
    assert verify(parse("5"), parse("First 2 + 2 = 4, then 5"))
    assert verify(parse("yes"), parse("Yes"))
    anchored = [LatexExtractionConfig(try_extract_without_anchor=False, boxed_match_priority=0)]
    assert not verify(parse("5"), parse("First 2 + 2 = 4, then 5", extraction_config=anchored))
    assert verify(parse("5"), parse(r"then \boxed{5}", extraction_config=anchored))
    # Math-Verify's own config objects work too: only try_extract_without_anchor is read
    foreign = [SimpleNamespace(try_extract_without_anchor=False)]
    assert not verify(parse("5"), parse("then 5", extraction_config=foreign))


def test_math_verify_strings_numbers_and_lists() -> None:
    assert verify("1/2", r"so \boxed{0.5}")
    assert verify(0.5, r"\boxed{\frac12}") and verify(2, 2)
    assert verify([parse("1"), parse("2")], parse(r"\boxed{2}"))  # any pair matches
    assert verify(parse("1") + parse("2"), [r"\boxed{7}", r"\boxed{2}"])
    assert not verify(parse("1") + parse("2"), r"\boxed{3}")
    assert not verify([], parse("1")) and not verify(parse(""), parse("1"))
    with pytest.raises(TypeError, match="target must be parse"):
        verify(parse("1"), {"answer": 1})


def test_math_verify_float_rounding_sets_relift_s_tolerance() -> None:
    # 3.1415930 is within 1e-6 of pi but is not pi rounded to its places (3.1415927), which
    # relift would accept whatever the tolerance: only the tolerance decides here.
    assert verify(parse(r"\pi"), parse("3.1415930"))
    assert not verify(parse(r"\pi"), parse("3.1415930"), float_rounding=9)
    assert not verify(parse(r"\pi"), parse("3.14"))
    with pytest.raises(InvalidInputError, match="float_rounding=0"):
        verify(parse("1"), parse("1"), float_rounding=0)
    with pytest.raises(TypeError, match="float_rounding must be an int"):
        verify(parse("1"), parse("1"), float_rounding=1.5)  # type: ignore[arg-type]


def test_math_verify_bad_arguments() -> None:
    with pytest.raises(TypeError, match="pred must be a string"):
        parse(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a list of extraction configs"):
        parse("1", extraction_config=LatexExtractionConfig())  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="extraction_config is empty"):
        parse("1", extraction_config=[])
    with pytest.raises(InvalidInputError, match="fallback_mode='none'"):
        parse("1", fallback_mode="none")  # type: ignore[arg-type]


def test_math_verify_runs_outside_the_main_thread() -> None:
    # Math-Verify's signal-based timeouts fail there; relift has none
    results: list[bool] = []
    worker = threading.Thread(
        target=lambda: results.append(verify(parse("42"), parse(RIGHT), timeout_seconds=5))
    )
    worker.start()
    worker.join()
    assert results == [True]


def test_math_verify_as_trl_uses_it() -> None:
    # the body of TRL's accuracy_reward, with the import switched
    def reward(content: str, sol: str) -> float | None:
        gold_parsed = math_verify.parse(sol, parsing_timeout=None)
        if len(gold_parsed) == 0:
            return None
        config = LatexExtractionConfig(boxed_match_priority=0, try_extract_without_anchor=False)
        answer = math_verify.parse(
            content, extraction_config=[config], extraction_mode="first_match"
        )
        return float(math_verify.verify(gold_parsed, answer, timeout_seconds=None))

    assert [reward(c, "42") for c in (RIGHT, WRONG, NO_ANSWER)] == [1.0, 0.0, 0.0]
    assert reward(RIGHT, "") is None
