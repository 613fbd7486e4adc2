"""``relift eval`` end to end on tiny local models (``relift.cli.main.main`` called in-process):
the three output files, buckets from a base model, from a file and from the model itself, and one
clear line on stderr with the right exit status for each kind of mistake."""

from __future__ import annotations

import json
import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch: no spin-waiting (2 cores)

import shutil
from pathlib import Path
from typing import Any

import pytest
from relift.cli.main import main
from relift.testing import DEFAULT_CHARS, build_tiny_model, build_tiny_tokenizer, save_and_reload

pytestmark = pytest.mark.timeout(60)

QUESTIONS = 6
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two tiny models (``model``, ``base``), six one-digit additions from two sources with ids,
    and a run config whose data section fits them."""
    root = tmp_path_factory.mktemp("tiny")
    tokenizer = build_tiny_tokenizer(DEFAULT_CHARS)
    for name, seed in (("model", 0), ("base", 1)):
        model = build_tiny_model(tokenizer, initializer_range=0.1, seed=seed)
        save_and_reload(model, tokenizer, root / name)
    rows = [
        {"id": i, "question": f"{i}+{i}=", "answer": str(2 * i), "data_source": "ab"[i % 2]}
        for i in range(QUESTIONS)
    ]
    (root / "q.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (root / "run.yaml").write_text(
        "data:\n  schema: qa\n  chat_template: false\n  think: {append_to_prompt: false}\n"
    )
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main(["eval", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def base_args(tiny: Path, out: Path, *extra: object) -> list[object]:
    return [
        "--model", tiny / "model", "--data", tiny / "q.jsonl", "--config", tiny / "run.yaml",
        "--k", 2, "--max-new-tokens", 3, "--temperature", 1.0, "--output", out, "--no-progress",
        "--batch-size", 4, *extra,
    ]  # fmt: skip


def read_report(out: Path) -> dict[str, Any]:
    report: dict[str, Any] = json.loads((out / "eval.json").read_text())
    return report


def test_writes_json_markdown_and_png(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *base_args(tiny, tmp_path / "out"))
    assert code == 0, err
    report = read_report(tmp_path / "out")
    assert report["settings"]["k"] == 2 and report["settings"]["buckets"] is None
    metrics = report["metrics"]
    assert {"accuracy", "pass_at_2", "resp_len_mean", "accuracy/a", "accuracy/b"} <= set(metrics)
    assert 1 <= metrics["resp_len_mean"] <= 3
    assert len(report["questions"]) == QUESTIONS
    assert report["questions"][0]["key"] == "a|id:0"
    assert len(report["questions"][0]["correct"]) == 2
    markdown = (tmp_path / "out" / "eval.md").read_text()
    assert markdown.startswith("# relift eval: model") and "## Per data source" in markdown
    assert (tmp_path / "out" / "accuracy.png").read_bytes().startswith(PNG_MAGIC)
    assert out.splitlines()[0].split() == ["questions", "avg@2", "pass@2", "length"]
    assert out.splitlines()[1].split()[:2] == ["all", str(QUESTIONS)]
    assert "eval.json" in out and "accuracy.png" in out


def test_same_seed_same_samples(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("one", "two"):
        assert run(capsys, *base_args(tiny, tmp_path / name, "--seed", 5))[0] == 0
    one, two = (read_report(tmp_path / n)["questions"] for n in ("one", "two"))
    assert one == two


def test_buckets_from_a_base_model_then_from_the_file(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *base_args(tiny, tmp_path / "out", "--base-model", tiny / "base"))
    assert code == 0, err
    saved = tmp_path / "out" / "buckets.jsonl"
    lines = [json.loads(line) for line in saved.read_text().splitlines()]
    assert len(lines) == QUESTIONS and all(len(line) == 3 for line in lines)
    assert "sampling 6 questions x 8 from" in err  # the base model: 8 samples each
    report = read_report(tmp_path / "out")
    counts = [report["metrics"][f"n/bucket/{b}"] for b in ("easy", "medium", "hard", "hardest")]
    assert sum(counts) == QUESTIONS
    assert "base model" in report["settings"]["buckets"]
    assert "## Per difficulty bucket" in (tmp_path / "out" / "eval.md").read_text()

    # The saved file gives the same buckets without the base model.
    code, _, err = run(capsys, *base_args(tiny, tmp_path / "again", "--buckets", saved))
    assert code == 0, err
    again = read_report(tmp_path / "again")
    assert [q["bucket"] for q in again["questions"]] == [q["bucket"] for q in report["questions"]]

    # A file that knows only some questions: the others get no bucket, and stderr says so.
    partial = tmp_path / "partial.jsonl"
    partial.write_text(saved.read_text().splitlines()[0] + "\n")
    code, _, err = run(capsys, *base_args(tiny, tmp_path / "partial", "--buckets", partial))
    assert code == 0 and "5 questions are not in" in err
    assert [q["bucket"] is None for q in read_report(tmp_path / "partial")["questions"]].count(
        True
    ) == 5


def test_save_buckets_from_the_model_itself(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mine.jsonl"
    code, out, err = run(capsys, *base_args(tiny, tmp_path / "out", "--save-buckets", target))
    assert code == 0, err
    assert f"buckets saved to {target}" in out
    report = read_report(tmp_path / "out")
    table = {json.loads(line)["key"]: json.loads(line) for line in target.read_text().splitlines()}
    for row in report["questions"]:
        assert table[row["key"]]["accuracy"] == row["accuracy"]
        assert table[row["key"]]["bucket"] == row["bucket"]


def test_default_output_is_inside_the_model_and_limit(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = shutil.copytree(tiny / "model", tmp_path / "model")
    args = ["--model", model, "--data", tiny / "q.jsonl", "--schema", "qa", "--no-progress"]
    overrides = ["--set", "data.chat_template=false", "--set", "data.think.append_to_prompt=false"]
    code, _, err = run(capsys, *args, *overrides, "--k", 1, "--max-new-tokens", 2, "--limit", 2)
    assert code == 0, err
    report = read_report(model / "eval")
    assert len(report["questions"]) == 2 and report["settings"]["limit"] == 2


@pytest.mark.parametrize(
    ("change", "status", "message"),
    [
        ({"--model": "missing"}, 2, "--model {tmp}/missing: no such model directory"),
        ({"--model": "."}, 2, "--model {tmp}: no config.json, not a transformers model"),
        ({"--model": "broken"}, 2, "{tmp}/broken: cannot load a model from here"),
        ({"--data": "missing.jsonl"}, 2, "--data {tmp}/missing.jsonl: no such data file"),
        ({"--data": "bad.jsonl"}, 1, "{tmp}/bad.jsonl, line 2, field 'answer': missing"),
        ({"--buckets": "missing.jsonl"}, 2, "{tmp}/missing.jsonl: no such buckets file"),
        ({"--buckets": "bad_buckets.jsonl"}, 1, "bad_buckets.jsonl, line 1, field 'bucket'"),
        ({"--buckets": "other.jsonl"}, 2, "none of the 6 questions is in it"),
        ({"--base-model": "missing"}, 2, "--base-model {tmp}/missing: no such model directory"),
        ({"--config": "bad.yaml"}, 2, "data.shema"),
        ({"--output": "bad.yaml"}, 2, "--output {tmp}/bad.yaml: exists and is not a directory"),
        ({"--temperature": "-1"}, 2, "temperature must be >= 0"),
    ],
)
def test_mistakes_are_one_line_on_stderr(
    tiny: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, str],
    status: int,
    message: str,
) -> None:
    (tmp_path / "bad.jsonl").write_text(
        '{"question": "1+1=", "answer": "2"}\n{"question": "2+2="}\n'
    )
    (tmp_path / "bad_buckets.jsonl").write_text('{"key": "a|id:0", "bucket": "tough"}\n')
    (tmp_path / "other.jsonl").write_text('{"key": "x|id:0", "bucket": "easy"}\n')
    (tmp_path / "bad.yaml").write_text("data:\n  shema: qa\n")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "config.json").write_text("{}")
    args = [str(a) for a in base_args(tiny, tmp_path / "out")]
    for option, value in change.items():
        path = value if option == "--temperature" else str(tmp_path / value)
        if option in args:
            args[args.index(option) + 1] = path
        else:
            args += [option, path]
    code, _, err = run(capsys, *args)
    assert code == status, err
    lines = [line for line in err.splitlines() if not line.startswith(("data:", "sampling"))]
    assert len(lines) >= 1 and lines[0].startswith("relift eval: ")
    assert message.format(tmp=tmp_path) in err
    assert "sampling" not in err  # every mistake is found before any sampling
    assert not (tmp_path / "out").exists()


def test_usage_errors_exit_2(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    both = ["--buckets", tmp_path / "b.jsonl", "--base-model", tiny / "base"]
    with pytest.raises(SystemExit) as info:
        run(capsys, *base_args(tiny, tmp_path / "out", *both))
    assert info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
    (tmp_path / "b.jsonl").write_text('{"key": "a|id:0", "bucket": "easy"}\n')
    save = ["--buckets", tmp_path / "b.jsonl", "--save-buckets", tmp_path / "s.jsonl"]
    code, _, err = run(capsys, *base_args(tiny, tmp_path / "out", *save))
    assert code == 2 and "--save-buckets: nothing to save" in err
    with pytest.raises(SystemExit) as info:
        run(capsys, "--model", tiny / "model", "--data", tiny / "q.jsonl", "--k", 0)
    assert info.value.code == 2
