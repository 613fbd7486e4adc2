"""``relift.evaluation``: bucket thresholds, bucket files, question keys, and the metrics of
``evaluate`` on a scripted engine whose outputs are known, so every number is checked by hand."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from relift.data import Question
from relift.errors import InputFormatError, InvalidInputError
from relift.evaluation import (
    BUCKETS,
    assign_buckets,
    avg_and_pass_at_k,
    bucket_of,
    bucket_table,
    evaluate,
    load_buckets,
    question_key,
    save_buckets,
    summary_rows,
    to_markdown,
)
from relift.rollout import Rollouts, SamplingParams

pytestmark = pytest.mark.timeout(60)

# ---- buckets ------------------------------------------------------------------------------------


def test_k8_thresholds_are_the_papers() -> None:
    # Easy >= 0.75, Medium 0.375-0.625, Hard 0.125-0.25, Hardest = 0 (over 8 samples).
    expected = ["hardest", "hard", "hard", "medium", "medium", "medium", "easy", "easy", "easy"]
    assert [bucket_of(i / 8) for i in range(9)] == expected


def test_other_k_split_at_the_midpoints() -> None:
    assert [bucket_of(i / 4) for i in range(5)] == ["hardest", "hard", "medium", "easy", "easy"]
    assert bucket_of(5 / 16) == "medium" and bucket_of(4 / 16) == "hard"  # 0.3125 is medium
    assert bucket_of(11 / 16) == "easy" and bucket_of(10 / 16) == "medium"  # 0.6875 is easy
    assert bucket_of(1e-9) == "hard"


@pytest.mark.parametrize("bad", [-0.1, 1.5, math.nan])
def test_bucket_of_rejects_non_accuracies(bad: float) -> None:
    with pytest.raises(InvalidInputError, match="accuracy must be in"):
        bucket_of(bad)


def test_assign_buckets_on_a_correct_matrix() -> None:
    correct = np.zeros((5, 8), dtype=bool)
    correct[0, :7] = True  # 7/8 easy
    correct[1, :4] = True  # 4/8 medium
    correct[2, :2] = True  # 2/8 hard
    correct[4, :6] = True  # 6/8 easy
    assert assign_buckets(correct) == ["easy", "medium", "hard", "hardest", "easy"]
    # k = 4: 1/4 = 0.25 -> hard, 2/4 -> medium, 3/4 -> easy
    k4 = [[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [0, 0, 0, 0]]
    assert assign_buckets(np.array(k4)) == ["hard", "medium", "easy", "hardest"]


@pytest.mark.parametrize("shape", [(8,), (3, 0), (2, 2, 2)])
def test_assign_buckets_needs_a_matrix(shape: tuple[int, ...]) -> None:
    with pytest.raises(InvalidInputError, match=r"\(questions, k\) matrix"):
        assign_buckets(np.zeros(shape, dtype=bool))


def question(i: int, source: str | None = None, prompt: Any = None, **extra: Any) -> Question:
    text = prompt if prompt is not None else f"question {i}"
    return Question(i, text, str(text), "42", None, source, dict(extra))


def test_question_key_prefers_an_id_column_then_the_raw_prompt() -> None:
    assert question_key(question(0, "math", id=17)) == "math|id:17"
    assert question_key(question(0, None, uid="a-1")) == "|id:a-1"
    assert question_key(question(3, "aime", prompt="What is 2+2?")) == "aime|prompt:What is 2+2?"
    messages = [{"role": "user", "content": "Wie viel ist 2+2?"}]
    assert question_key(question(0, None, prompt=messages)) == "|prompt:" + json.dumps(
        messages, ensure_ascii=False
    )
    # The position (Question.id) and a boolean "id" are not identities.
    assert question_key(question(5, "s", prompt="p", id=True)) == "s|prompt:p"
    assert question_key(question(6, "s", prompt="p")) == "s|prompt:p"
    assert question_key(question(0, "a", id=1)) != question_key(question(0, "b", id=1))


def test_bucket_table_pools_repeated_keys() -> None:
    correct = np.array([[1, 1, 0, 0], [1, 1, 1, 1], [0, 0, 0, 0]], dtype=bool)
    table = bucket_table(["x", "y", "x"], correct)
    assert table == {"x": ("hard", 0.25), "y": ("easy", 1.0)}
    with pytest.raises(InvalidInputError, match="2 keys for 3 rows"):
        bucket_table(["x", "y"], correct)


def test_bucket_file_round_trip(tmp_path: Path) -> None:
    path = save_buckets(
        tmp_path / "sub" / "b.jsonl", ["a|id:1", "b|prompt:2+2"], ["easy", "hardest"], [0.75, 0.0]
    )
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert lines[0] == {"key": "a|id:1", "bucket": "easy", "accuracy": 0.75}
    assert load_buckets(path) == {"a|id:1": "easy", "b|prompt:2+2": "hardest"}


def test_save_buckets_rejects_duplicates_and_unknown_buckets(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="duplicate key 'k'"):
        save_buckets(tmp_path / "b.jsonl", ["k", "k"], ["easy", "easy"], [1.0, 1.0])
    with pytest.raises(InvalidInputError, match="unknown bucket 'tough'"):
        save_buckets(tmp_path / "b.jsonl", ["k"], ["tough"], [1.0])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"key": "c", "bucket": "medum"}', r"line 3, field 'bucket': 'medum' is not one of"),
        ('{"bucket": "easy"}', r"line 3, field 'key': expected a non-empty string"),
        ('{"key": "c", "bucket": "easy", "accuracy": 2}', r"line 3, field 'accuracy'"),
        ('{"key": "a", "bucket": "easy"}', r"line 3, field 'key': 'a' already on line 1"),
        ("{not json", r"line 3: not valid JSON"),
        ('["a", "easy"]', r"line 3: expected an object"),
    ],
)
def test_a_bad_bucket_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "b.jsonl"
    good = '{"key": "a", "bucket": "easy"}\n\n'  # blank line 2 is skipped, still counted
    path.write_text(good + line + "\n")
    with pytest.raises(InputFormatError, match=message) as info:
        load_buckets(path)
    assert str(path) in str(info.value)


def test_a_bucket_line_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_bytes(b'{"key": "a", "bucket": "easy"}\r\n{"key": "\xe4", "bucket": "easy"}\r\n')
    with pytest.raises(InputFormatError) as info:
        load_buckets(path)
    assert str(info.value) == (
        f"{path}, line 2: not UTF-8 (byte 10 of the line); re-encode the file as UTF-8"
    )


def test_missing_or_empty_bucket_files(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="no such buckets file"):
        load_buckets(tmp_path / "nope.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n")
    with pytest.raises(InputFormatError, match="no bucket lines"):
        load_buckets(tmp_path / "empty.jsonl")


# ---- evaluate on a scripted engine --------------------------------------------------------------

K = 4
# Per question: (correct?, length, finish reason) of its K samples.
SCRIPT = [
    [(True, 2, "stop"), (True, 2, "stop"), (True, 2, "stop"), (False, 6, "stop")],
    [(False, 4, "stop"), (True, 8, "stop"), (False, 4, "stop"), (False, 4, "stop")],
    [(False, 10, "length")] * 4,
    [(True, 3, "stop"), (True, 3, "stop"), (False, 5, "stop"), (False, 5, "stop")],
]
SOURCES = ["a", "a", "b", None]
BUCKET_LABELS: list[str | None] = ["easy", "hard", "hardest", None]


class ScriptedEngine:
    """Answers prompt ``[i]`` with ``SCRIPT[i]``; records the sampling of every call."""

    def __init__(self) -> None:
        self.calls: list[SamplingParams] = []
        self.keys: list[list[int]] = []

    def generate(self, prompts: Any, sampling: SamplingParams, keys: Any = None) -> Rollouts:
        self.calls.append(sampling)
        self.keys.append(list(keys))
        samples = [(p, s) for p in prompts for s in SCRIPT[p[0]][: sampling.n]]
        return Rollouts(
            prompt_ids=[list(p) for p in prompts],
            prompt_index=[i for i in range(len(prompts)) for _ in range(sampling.n)],
            response_ids=[list(range(length)) for _, (_, length, _) in samples],
            texts=["right" if ok else "wrong" for _, (ok, _, _) in samples],
            finish_reasons=[finish for _, (_, _, finish) in samples],
        )

    def update_weights(self, model: Any) -> None:
        pass


def right_is_correct(prompts: list[str], completions: list[str], **_: Any) -> list[float]:
    return [1.0 if c == "right" else 0.0 for c in completions]


def run_script(**kwargs: Any) -> tuple[Any, ScriptedEngine]:
    engine = ScriptedEngine()
    questions = [question(i, s, id=i) for i, s in enumerate(SOURCES)]
    sampling = SamplingParams(n=K, temperature=0.6, seed=7)
    result = evaluate(
        engine, [[i] for i in range(4)], questions, sampling, right_is_correct, **kwargs
    )
    return result, engine


def test_metrics_by_hand() -> None:
    result, _ = run_script(buckets=BUCKET_LABELS)
    m = result.metrics
    assert result.correct.shape == result.lengths.shape == (4, K)
    assert m["accuracy"] == 6 / 16  # 3 + 1 + 0 + 2 correct of 16
    assert m[f"pass_at_{K}"] == 3 / 4
    assert m["resp_len_mean"] == 88 / 16
    assert m["resp_len_correct"] == pytest.approx(20 / 6)  # 2, 2, 2, 8, 3, 3
    assert m["resp_len_wrong"] == 68 / 10
    assert m["truncated_frac"] == 4 / 16
    assert (m["accuracy/a"], m[f"pass_at_{K}/a"]) == (4 / 8, 1.0)
    assert (m["accuracy/b"], m[f"pass_at_{K}/b"]) == (0.0, 0.0)
    assert [m[f"n/bucket/{b}"] for b in BUCKETS] == [1, 0, 1, 1]
    assert (m["accuracy/bucket/easy"], m[f"pass_at_{K}/bucket/easy"]) == (0.75, 1.0)
    assert (m["accuracy/bucket/hard"], m["resp_len/bucket/hard"]) == (0.25, 5.0)
    assert (m["accuracy/bucket/hardest"], m["resp_len/bucket/hardest"]) == (0.0, 10.0)
    assert "accuracy/bucket/medium" not in m  # empty: no number to report
    # The trainer's eval names are all there (it will call evaluate).
    assert {"accuracy", f"pass_at_{K}", "resp_len_mean", "accuracy/a", "accuracy/b"} <= set(m)


def test_avg_and_pass_at_k_from_counts() -> None:
    # The same k everywhere: evaluate's accuracy and pass@k of test_metrics_by_hand.
    assert avg_and_pass_at_k([(4, 3), (4, 1), (4, 0), (4, 2)]) == (6 / 16, 3 / 4)
    # k may vary: each question is scored over its own samples.
    assert avg_and_pass_at_k([(1, 1), (3, 1)]) == pytest.approx(((1 + 1 / 3) / 2, 1.0))
    with pytest.raises(InvalidInputError, match="no questions"):
        avg_and_pass_at_k([])
    with pytest.raises(InvalidInputError, match="3 correct of 2 samples"):
        avg_and_pass_at_k([(2, 3)])


def test_without_buckets_there_are_no_bucket_metrics() -> None:
    result, _ = run_script()
    assert not any("bucket" in name for name in result.metrics)
    assert result.by_bucket() == {}
    assert set(result.with_buckets(BUCKET_LABELS).metrics) > set(result.metrics)


def test_all_correct_or_all_wrong_leaves_one_length_out() -> None:
    engine = ScriptedEngine()
    questions = [question(0), question(2)]  # prompts 0 and 2 of the script; first 3 samples
    result = evaluate(engine, [[0]], questions[:1], SamplingParams(n=3), right_is_correct)
    assert "resp_len_correct" in result.metrics and "resp_len_wrong" not in result.metrics
    result = evaluate(engine, [[2]], questions[1:], SamplingParams(n=3), right_is_correct)
    assert "resp_len_wrong" in result.metrics and "resp_len_correct" not in result.metrics


@pytest.mark.parametrize("chunk", [1, 3, 4, 100])
def test_chunks_change_nothing_but_the_calls(chunk: int) -> None:
    whole, _ = run_script(buckets=BUCKET_LABELS)
    result, engine = run_script(buckets=BUCKET_LABELS, chunk=chunk)
    assert result.metrics == whole.metrics
    assert np.array_equal(result.correct, whole.correct)
    assert len(engine.calls) == math.ceil(4 / chunk)
    # every call keeps the seed and keys its questions by id, so chunking cannot change samples
    assert {c.seed for c in engine.calls} == {7}
    assert [k for keys in engine.keys for k in keys] == [q.id for q in result.questions]


def test_per_question_rows_and_summaries() -> None:
    result, _ = run_script(buckets=BUCKET_LABELS)
    rows = result.per_question()
    assert rows[1] == {
        "id": 1, "key": "a|id:1", "data_source": "a", "answer": "42", "accuracy": 0.25,
        "pass": True, "correct": [False, True, False, False], "lengths": [4, 8, 4, 4],
        "bucket": "hard",
    }  # fmt: skip
    assert rows[3]["bucket"] is None and rows[3]["data_source"] is None
    json.dumps(rows)  # JSON-ready
    labels = [label for label, _ in summary_rows(result)]
    assert labels == ["all", "source a", "source b", "bucket easy", "bucket hard", "bucket hardest"]


def test_markdown_report() -> None:
    result, _ = run_script(buckets=BUCKET_LABELS)
    text = to_markdown(result, title="Run 3")
    assert text.startswith("# Run 3\n")
    assert "| avg@4 | 37.5% |" in text and "| pass@4 | 75.0% |" in text
    assert "| a | 2 | 50.0% | 100.0% | 4.0 |" in text
    assert "| medium | 0 | - | - | - |" in text
    assert "| hardest | 1 | 0.0% | 0.0% | 10.0 |" in text
    assert "| (no bucket) | 1 |" in text
    plain, _ = run_script()
    assert "Per difficulty bucket" not in to_markdown(plain)


def test_progress_bar_counts_questions(capsys: pytest.CaptureFixture[str]) -> None:
    run_script(progress=True, chunk=2)
    assert "4/4" in capsys.readouterr().err


def test_none_rewards_count_as_wrong() -> None:
    def some_none(prompts: list[str], completions: list[str], **_: Any) -> list[float | None]:
        return [None if c == "right" else 0.0 for c in completions]

    result = evaluate(ScriptedEngine(), [[0]], [question(0)], SamplingParams(n=4), some_none)
    assert result.metrics["accuracy"] == 0.0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"prompt_ids": [[0]]}, "1 prompts for 4 questions"),
        ({"questions": []}, "no questions"),
        ({"buckets": ["easy"]}, "1 buckets for 4 questions"),
        ({"buckets": ["easy", "hard", "tough", None]}, "unknown buckets"),
        ({"chunk": 0}, "chunk must be >= 1"),
    ],
)
def test_evaluate_rejects_bad_arguments(kwargs: dict[str, Any], message: str) -> None:
    args: dict[str, Any] = {
        "prompt_ids": [[i] for i in range(4)],
        "questions": [question(i) for i in range(4)],
    } | kwargs
    with pytest.raises(InvalidInputError, match=message):
        evaluate(
            ScriptedEngine(), args.pop("prompt_ids"), args.pop("questions"), SamplingParams(n=2),
            right_is_correct, **args,
        )  # fmt: skip


def test_an_engine_returning_too_few_rollouts_is_caught() -> None:
    class Short(ScriptedEngine):
        def generate(self, prompts: Any, sampling: SamplingParams, keys: Any = None) -> Rollouts:
            return super().generate(prompts[:1], sampling, keys)

    with pytest.raises(InvalidInputError, match="returned 2 rollouts for 2 prompts x 2"):
        evaluate(Short(), [[0], [1]], [question(0), question(1)], SamplingParams(n=2), print)


def test_importing_needs_neither_torch_nor_matplotlib() -> None:
    code = (
        "import sys, relift.evaluation, relift.plots, relift.cli.main; "
        "print(sorted({'torch', 'transformers', 'matplotlib'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
