"""``relift select-hard`` end to end with the testbed's shipped base model (``main`` called
in-process): it solves 2-digit sums and fails sums of three 2-digit terms (a pattern it never
saw), so the selection means something. The written rows are exactly the report's all-wrong rows
with a demonstration, byte for byte; the selection does not depend on the chunking; a run that
crashed resumes to the same result; every kind of mistake is one clear line with exit status 2.
"""

from __future__ import annotations

import json
import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch: no spin-waiting (2 cores)

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from relift.cli import select_hard
from relift.cli.main import main
from relift.testbed.model import SHIPPED_BASE
from relift.testbed.task import task_rows

pytestmark = pytest.mark.timeout(120)

CONFIG = (
    "data:\n  schema: qa\n  chat_template: false\n  think: {append_to_prompt: false}\n"
    "  max_prompt_tokens: 16\n"
)
#: Rows of the data file: 2-digit sums (easy), sums of three terms (out of reach), 4-digit sums.
TIERS = {"d2": 6, "t3": 6, "d4": 4}
NO_DEMO = {1, 8}  # indices into the rows: one easy and one hard row without a solution


def _line(index: int, row: dict[str, Any]) -> str:
    """Each row in its own JSON spelling, so that byte-identical output means something."""
    if index % 3 == 0:
        return json.dumps(row, separators=(",", ":"))
    if index % 3 == 1:
        return json.dumps({**row, "note": "é"}, ensure_ascii=True, indent=None)
    return json.dumps(dict(reversed(list(row.items()))), ensure_ascii=False) + "  "


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``q.jsonl`` (rows in several JSON spellings, two without a demonstration, one blank line)
    and ``run.yaml`` in a fresh folder."""
    root = tmp_path_factory.mktemp("select")
    rows = task_rows(TIERS, seed=3)
    for index in NO_DEMO:
        del rows[index]["solution"]
    lines = [_line(i, row) for i, row in enumerate(rows)]
    lines.insert(4, "")  # a blank line: no row, but in the report
    (root / "q.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "run.yaml").write_text(CONFIG)
    return root


def args(data: Path, output: Path, *extra: object) -> list[str]:
    return [
        "select-hard", "--model", str(SHIPPED_BASE), "--data", str(data / "q.jsonl"),
        "--config", str(data / "run.yaml"), "--n", "4", "--max-new-tokens", "48",
        "--output", str(output), "--no-progress", "--chunk", "4", *map(str, extra),
    ]  # fmt: skip


def report_of(output: Path) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(output.with_name(output.name + ".report.json").read_text())
    return report


@pytest.fixture(scope="module")
def baseline(data: Path) -> Path:
    """One uninterrupted run (chunks of 4 questions); its output file."""
    output = data / "baseline" / "hard.jsonl"
    output.parent.mkdir()
    assert main(args(data, output)) == 0
    return output


def test_selection_is_the_reports_all_wrong_rows_with_a_demonstration(
    data: Path, baseline: Path
) -> None:
    lines = (data / "q.jsonl").read_bytes().split(b"\n")[:-1]
    report = report_of(baseline)
    rows = report["rows"]
    assert list(rows) == [str(n) for n in range(1, len(lines) + 1)]  # every line, in order
    assert rows["5"] == {"skipped": "blank line"}
    chosen = [int(n) for n, e in rows.items() if e.get("correct") == 0 and e.get("demonstration")]
    assert baseline.read_bytes() == b"".join(lines[n - 1] + b"\n" for n in chosen)
    assert all(e["written"] == (int(n) in chosen) for n, e in rows.items() if "correct" in e)

    selected = [json.loads(lines[n - 1])["data_source"] for n in chosen]
    assert "d2" not in selected  # the base model solves these
    assert selected.count("t3") >= 3  # and never saw these
    counts = report["counts"]
    assert counts["rows"] == len(lines) and counts["skipped"] == 1
    assert counts["questions"] == sum(TIERS.values())
    assert counts["written"] == len(chosen)
    without = [n for n, e in rows.items() if e.get("correct") == 0 and not e.get("demonstration")]
    assert counts["all_wrong_without_demonstration"] == len(without)
    assert counts["all_wrong"] == len(chosen) + len(without)
    assert report["settings"]["n"] == 4 and report["settings"]["seed"] == 0
    assert report["command"].startswith("relift select-hard --model")
    assert not baseline.with_name("hard.jsonl.partial.jsonl").exists()


def test_same_selection_whatever_the_chunking(data: Path, baseline: Path) -> None:
    other = data / "chunked" / "hard.jsonl"
    other.parent.mkdir()
    assert main([*args(data, other), "--chunk", "7", "--batch-size", "5"]) == 0
    assert other.read_bytes() == baseline.read_bytes()
    assert report_of(other)["counts"] == report_of(baseline)["counts"]


def test_resumes_after_a_crash_with_the_same_result(
    data: Path, baseline: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    output = data / "resumed" / "hard.jsonl"
    output.parent.mkdir()
    partial = output.with_name("hard.jsonl.partial.jsonl")
    append = select_hard._Partial.append
    calls: list[int] = []

    def crash_after_the_first_chunk(self: Any, results: dict[int, int]) -> None:
        if calls:
            raise KeyboardInterrupt
        calls.append(len(results))
        append(self, results)

    with monkeypatch.context() as patch:
        patch.setattr(select_hard._Partial, "append", crash_after_the_first_chunk)
        with pytest.raises(KeyboardInterrupt):
            main(args(data, output))
    assert calls == [4] and not output.exists()
    with partial.open("ab") as fh:
        fh.write(b'{"row": 3, "corr')  # a write the crash cut short

    # Other settings: refused, naming the file, the setting and the way out.
    capsys.readouterr()
    assert main([*args(data, output), "--seed", "1"]) == 2
    err = capsys.readouterr().err
    assert str(partial) in err and "seed" in err and "delete" in err

    sampled: list[int] = []
    generate = select_hard._sample

    def counting(engine: Any, tokenizer: Any, config: Any, questions: Any, todo: Any,
                 *rest: Any) -> None:  # fmt: skip
        sampled.append(len(todo))
        generate(engine, tokenizer, config, questions, todo, *rest)

    monkeypatch.setattr(select_hard, "_sample", counting)
    assert main(args(data, output)) == 0
    assert "resuming: 4 of 16 questions done" in capsys.readouterr().err
    assert sampled == [sum(TIERS.values()) - 4]
    assert output.read_bytes() == baseline.read_bytes()
    resumed, first = report_of(output), report_of(baseline)
    assert resumed["rows"] == first["rows"] and resumed["counts"] == first["counts"]
    assert not partial.exists()


@pytest.mark.skipif(
    importlib.util.find_spec("pyarrow") is None, reason="parquet needs pyarrow, not installed"
)
def test_parquet_in_parquet_out(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = task_rows({"d2": 2, "t3": 3}, seed=5)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "q.parquet")
    output = tmp_path / "hard.parquet"
    (tmp_path / "run.yaml").write_text(CONFIG)
    argv = [
        "select-hard", "--model", str(SHIPPED_BASE), "--data", str(tmp_path / "q.parquet"),
        "--config", str(tmp_path / "run.yaml"), "--n", "4", "--max-new-tokens", "48",
        "--output", str(output), "--no-progress",
    ]  # fmt: skip
    assert main(argv) == 0
    report = report_of(output)
    chosen = [int(n) for n, e in report["rows"].items() if e["written"]]
    assert len(report["rows"]) == len(rows) and chosen
    table = pq.read_table(output)
    assert table.schema == pq.read_table(tmp_path / "q.parquet").schema
    assert table.to_pylist() == [rows[n - 1] for n in chosen]


def test_help_lists_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["select-hard", "--help"])
    assert exit_.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    for option in (
        "--model", "--data", "--output", "--n", "--temperature", "--top-p", "--max-new-tokens",
        "--seed", "--batch-size", "--chunk", "--engine", "--schema", "--config", "--set",
        "--no-progress",
    ):  # fmt: skip
        assert option in text
    assert "without a demonstration are counted and listed in the report but not written" in text
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "select-hard" in capsys.readouterr().out


@pytest.mark.parametrize("n", ["0", "-3"])
def test_n_below_one_is_a_usage_error(
    data: Path, tmp_path: Path, n: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*args(data, tmp_path / "out.jsonl"), "--n", n])
    assert exit_.value.code == 2
    assert "argument --n: must be >= 1" in capsys.readouterr().err


def _bad_file(root: Path, name: str, text: str) -> Path:
    (root / name).write_text(text, encoding="utf-8")
    return root / name


GOOD = '{"question": "1+2=", "answer": "3", "solution": "1+2=3\\\\boxed{3}"}\n'


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("missing data", ["--data", "no such data file"]),
        ("missing model", ["--model", "no such model directory"]),
        ("output is the data", ["--output", "is the data file itself"]),
        ("output directory missing", ["--output", "no such directory"]),
        ("row without answer", ["bad.jsonl, line 3, field 'answer': missing"]),
        ("line not JSON", ["bad.jsonl, line 2", "not valid JSON"]),
        ("parquet name for JSON lines", ["--output", "give the output a .jsonl name"]),
    ],
)
def test_mistakes_exit_2_with_one_clear_line(
    data: Path,
    tmp_path: Path,
    case: str,
    expected: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = args(data, tmp_path / "out.jsonl")
    position = {name: argv.index(name) + 1 for name in ("--model", "--data", "--output")}
    if case == "missing data":
        argv[position["--data"]] = str(tmp_path / "nowhere.jsonl")
    elif case == "missing model":
        argv[position["--model"]] = str(tmp_path / "no-model")
    elif case == "output is the data":
        argv[position["--output"]] = argv[position["--data"]]
    elif case == "output directory missing":
        argv[position["--output"]] = str(tmp_path / "no" / "out.jsonl")
    elif case == "row without answer":
        bad = _bad_file(tmp_path, "bad.jsonl", GOOD * 2 + '{"question": "1+1="}\n')
        argv[position["--data"]] = str(bad)
    elif case == "line not JSON":
        argv[position["--data"]] = str(_bad_file(tmp_path, "bad.jsonl", GOOD + "{oops\n"))
    elif case == "parquet name for JSON lines":
        argv[position["--output"]] = str(tmp_path / "out.parquet")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("relift select-hard: ") and len(err.strip().splitlines()) <= 2
    for text in expected:
        assert text in err
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.skipif(
    importlib.util.find_spec("vllm") is not None, reason="vLLM is installed: no error to test"
)
def test_the_vllm_engine_without_vllm_says_how_to_install_it(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args(data, tmp_path / "out.jsonl"), "--engine", "vllm"]) == 2
    err = capsys.readouterr().err
    assert "vLLM" in err and "pip install" in err
