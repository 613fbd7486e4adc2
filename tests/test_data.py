"""relift.data: row schemas from JSONL / parquet / in-memory rows, templating, the think rule,
bad rows, tokenization limits, and the resumable epoch sampler."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from relift.config import DataConfig
from relift.data import (
    EpochSampler,
    LoadReport,
    Question,
    check_round_trip,
    load_questions,
    load_split,
    prompt_uses_chat_template,
    render_prompt,
    tokenize_demonstrations,
    tokenize_prompts,
)
from relift.errors import InputFormatError, InvalidInputError

transformers = pytest.importorskip("transformers", reason="tokenizer tests need the train extra")
tokenizers = pytest.importorskip("tokenizers", reason="tokenizer tests need the train extra")
HAVE_PYARROW = importlib.util.find_spec("pyarrow") is not None
needs_pyarrow = pytest.mark.skipif(not HAVE_PYARROW, reason="pyarrow is not installed")

TEMPLATE = (
    "{% for m in messages %}<|{{ m['role'] }}|>{{ m['content'] }}\n{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>{% endif %}"
)
SYSTEM = "Think in <think> </think> tags."


# ---------------------------------------------------------------------------- fixtures


def build_tokenizer(directory: Path, chat_template: str | None) -> Any:
    """A character-level tokenizer (one token per printable ASCII character or newline), saved to
    ``directory`` and reloaded through ``AutoTokenizer.from_pretrained``."""
    specials = ["<pad>", "<eos>", "<unk>"]
    alphabet = [chr(c) for c in range(32, 127)] + ["\n"]
    vocab = {tok: i for i, tok in enumerate(specials + alphabet)}
    core = tokenizers.Tokenizer(tokenizers.models.WordLevel(vocab=vocab, unk_token="<unk>"))
    core.pre_tokenizer = tokenizers.pre_tokenizers.Split("", behavior="isolated")
    core.decoder = tokenizers.decoders.Fuse()
    tok = transformers.PreTrainedTokenizerFast(
        tokenizer_object=core, pad_token="<pad>", eos_token="<eos>", unk_token="<unk>"
    )
    if chat_template is not None:
        tok.chat_template = chat_template
    tok.save_pretrained(directory)
    return transformers.AutoTokenizer.from_pretrained(directory, local_files_only=True)


@pytest.fixture(scope="module")
def chat_tok(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build_tokenizer(tmp_path_factory.mktemp("chat_tok"), TEMPLATE)


@pytest.fixture(scope="module")
def plain_tok(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build_tokenizer(tmp_path_factory.mktemp("plain_tok"), None)


def openr1_row(i: int, target: Any = "default") -> dict[str, Any]:
    """A row shaped like OpenR1-Math-46k-8192."""
    if target == "default":
        target = [{"role": "assistant", "content": f"<think>\nadd {i}</think>\n\\boxed{{{i}}}"}]
    return {
        "data_source": "openr1",
        "prompt": [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"What is {i}+0?"},
        ],
        "target": target,
        "ability": "math",
        "reward_model": {"ground_truth": str(i), "style": "rule"},
        "extra_info": {"index": i, "split": "train"},
    }


def qa_row(i: int) -> dict[str, Any]:
    return {"problem": f"What is {i}*1?", "final": i, "worked": f"It is {i}.", "level": 3}


QA_CONFIG = DataConfig.model_validate(
    {
        "schema": "qa",
        "fields": {"prompt": "problem", "answer": "final", "demonstration": "worked"},
        "think": {"append_to_prompt": False},
    }
)


def write_jsonl(path: Path, rows: list[Any], blank_after: int | None = None) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    if blank_after is not None:
        lines.insert(blank_after, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_parquet(path: Path, rows: list[dict[str, Any]]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


# ---------------------------------------------------------------------------- schemas


def test_openr1_jsonl_loads_unchanged(tmp_path: Path, chat_tok: Any) -> None:
    path = write_jsonl(tmp_path / "train.jsonl", [openr1_row(i) for i in range(3)])
    questions, report = load_questions(path, DataConfig(), chat_tok)
    assert report == LoadReport(source=str(path), rows=3)
    q = questions[1]
    assert q.id == 1 and q.answer == "1" and q.data_source == "openr1"
    assert q.prompt == openr1_row(1)["prompt"]
    assert q.prompt_text == f"<|system|>{SYSTEM}\n<|user|>What is 1+0?\n<|assistant|><think>\n"
    # The reference's rule: the prompt ends with "<think>\n", so the demonstration drops it.
    assert q.demonstration == "add 1</think>\n\\boxed{1}"
    assert q.extra == {
        "ability": "math",
        "reward_model": {"ground_truth": "1", "style": "rule"},
        "extra_info": {"index": 1, "split": "train"},
    }


def test_openr1_target_may_be_a_string_or_absent(tmp_path: Path, chat_tok: Any) -> None:
    rows = [openr1_row(0, target="<think>\nzero</think> 0"), openr1_row(1, target=None)]
    del rows[1]["target"]
    questions, report = load_questions(rows, DataConfig(), chat_tok)
    assert questions[0].demonstration == "zero</think> 0"
    assert questions[1].demonstration is None
    assert report.without_demonstration == 1 and "1 without a demonstration" in report.summary()


@needs_pyarrow
def test_openr1_parquet_matches_jsonl(tmp_path: Path, chat_tok: Any) -> None:
    rows = [openr1_row(i) for i in range(5)]
    from_jsonl, _ = load_questions(write_jsonl(tmp_path / "t.jsonl", rows), None, chat_tok)
    from_parquet, report = load_questions(
        write_parquet(tmp_path / "t.parquet", rows), None, chat_tok
    )
    assert from_parquet == from_jsonl
    assert (report.rows, report.skipped) == (5, 0)


def test_qa_schema_with_field_mapping_jsonl(tmp_path: Path, plain_tok: Any) -> None:
    path = write_jsonl(tmp_path / "qa.jsonl", [qa_row(i) for i in range(4)])
    questions, _ = load_questions(path, QA_CONFIG, plain_tok)
    assert questions[2] == Question(
        id=2,
        prompt="What is 2*1?",
        prompt_text="What is 2*1?",
        answer="2",
        demonstration="It is 2.",
        data_source=None,
        extra={"level": 3},
        row=3,  # its line in the file
    )


@needs_pyarrow
def test_qa_schema_parquet_matches_jsonl(tmp_path: Path, plain_tok: Any) -> None:
    rows = [qa_row(i) for i in range(4)]
    a, _ = load_questions(write_jsonl(tmp_path / "qa.jsonl", rows), QA_CONFIG, plain_tok)
    b, _ = load_questions(write_parquet(tmp_path / "qa.parquet", rows), QA_CONFIG, plain_tok)
    assert a == b


def test_qa_schema_default_fields() -> None:
    rows = [{"question": "1+1?", "answer": "2", "solution": "2", "data_source": "toy"}]
    cfg = DataConfig.model_validate({"schema": "qa"})
    [q], _ = load_questions(rows, cfg)
    assert (q.prompt, q.answer, q.demonstration, q.data_source) == ("1+1?", "2", "2", "toy")
    assert q.prompt_text == "1+1?<think>\n"


def test_hf_dataset_loads_like_a_list(chat_tok: Any) -> None:
    datasets = pytest.importorskip("datasets", reason="datasets is not installed")
    rows = [openr1_row(i) for i in range(3)]
    from_list, _ = load_questions(rows, None, chat_tok)
    from_ds, report = load_questions(datasets.Dataset.from_list(rows), None, chat_tok)
    assert from_ds == from_list and report.source == "<Dataset>"


def test_answers_may_be_numbers_or_one_element_lists() -> None:
    cfg = DataConfig.model_validate({"schema": "qa"})
    rows = [{"question": "q", "answer": a} for a in (3, 0.5, ["7"], ("x",))]
    assert [q.answer for q in load_questions(rows, cfg)[0]] == ["3", "0.5", "7", "x"]


# ---------------------------------------------------------------------------- templating


def test_plain_format_without_a_template(plain_tok: Any, chat_tok: Any) -> None:
    cfg = DataConfig()
    prompt = [{"role": "system", "content": "S"}, {"role": "user", "content": "Q"}]
    assert render_prompt(prompt, plain_tok, cfg) == "S\n\nQ<think>\n"
    assert render_prompt(prompt, None, cfg) == "S\n\nQ<think>\n"
    off = DataConfig(chat_template=False)
    assert render_prompt(prompt, chat_tok, off) == "S\n\nQ<think>\n"
    assert not prompt_uses_chat_template(chat_tok, off)
    assert prompt_uses_chat_template(chat_tok, cfg)
    assert not prompt_uses_chat_template(plain_tok, cfg)


def test_system_prompt_is_added_only_when_missing(chat_tok: Any) -> None:
    cfg = DataConfig.model_validate(
        {"system_prompt": "Be brief.", "think": {"append_to_prompt": False}}
    )
    assert render_prompt("Q", chat_tok, cfg) == "<|system|>Be brief.\n<|user|>Q\n<|assistant|>"
    own = [{"role": "system", "content": "Mine."}, {"role": "user", "content": "Q"}]
    assert render_prompt(own, chat_tok, cfg) == "<|system|>Mine.\n<|user|>Q\n<|assistant|>"


def test_think_tag_is_not_doubled(tmp_path: Path, chat_tok: Any) -> None:
    template = TEMPLATE.replace("<|assistant|>{% endif %}", "<|assistant|><think>\n{% endif %}")
    tok = build_tokenizer(tmp_path / "think_tok", template)
    text = render_prompt("Q", tok, DataConfig())
    assert text.endswith("<|assistant|><think>\n") and text.count("<think>") == 1


def test_think_settings(chat_tok: Any) -> None:
    row = openr1_row(4)
    no_think = DataConfig.model_validate({"think": {"append_to_prompt": False}})
    [q], _ = load_questions([row], no_think, chat_tok)
    assert q.prompt_text.endswith("<|assistant|>")
    assert q.demonstration == "<think>\nadd 4</think>\n\\boxed{4}"  # kept: the prompt lacks it
    keep = DataConfig.model_validate({"think": {"strip_from_demonstration": False}})
    [q], _ = load_questions([row], keep, chat_tok)
    assert q.demonstration is not None and q.demonstration.startswith("<think>\n")
    strict = DataConfig.model_validate(
        {"think": {"require_in_demonstration": True}, "on_bad_row": "skip"}
    )
    rows = [row, openr1_row(5, target="just 5")]
    questions, report = load_questions(rows, strict, chat_tok)
    assert [q.answer for q in questions] == ["4"]
    assert report.reasons == {"target: does not contain '</think>'": 1}


# ---------------------------------------------------------------------------- bad rows


def bad_jsonl(tmp_path: Path) -> Path:
    rows: list[Any] = [openr1_row(0), openr1_row(1), openr1_row(2), openr1_row(3)]
    del rows[1]["reward_model"]["ground_truth"]
    rows[2] = "{not json"
    rows[3]["prompt"] = [{"role": "user"}]
    rows.append(openr1_row(4))
    rows.append([1, 2])
    return write_jsonl(tmp_path / "bad.jsonl", rows, blank_after=1)


def test_bad_row_error_names_file_line_and_field(tmp_path: Path) -> None:
    path = bad_jsonl(tmp_path)
    with pytest.raises(InputFormatError) as info:
        load_questions(path)
    # Line 3: a blank line 2 comes first, and line numbers count it.
    assert str(info.value).startswith(f"{path}, line 3, field 'reward_model.ground_truth': missing")
    assert "data.on_bad_row=skip" in str(info.value)


def test_skip_mode_counts_every_bad_row(tmp_path: Path) -> None:
    path = bad_jsonl(tmp_path)
    questions, report = load_questions(path, DataConfig(on_bad_row="skip"))
    assert [q.id for q in questions] == [0, 1]
    assert [q.answer for q in questions] == ["0", "4"]
    assert (report.rows, report.skipped, report.loaded) == (6, 4, 2)
    assert report.reasons == {
        "reward_model.ground_truth: missing": 1,
        "<row>: not valid JSON: Expecting property name enclosed in double quotes at column 2": 1,
        "prompt: message 0 has no 'content' string": 1,
        "<row>: expected an object, got list": 1,
    }
    assert report.examples[0] == f"{path}, line 3, field 'reward_model.ground_truth': missing"
    assert report.examples[1].startswith(f"{path}, line 4, field '<row>': not valid JSON")
    assert "skipped 4" in report.summary()
    # every row is accounted for: the loaded ones by their line, the skipped ones with why
    kept = {q.row for q in questions}
    lines = {number for number, _ in report.skipped_rows}
    assert len(kept | lines) == report.rows and not kept & lines
    assert report.skipped_rows[0] == (3, report.examples[0])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"question": "", "answer": "1"}, "field 'question': empty string"),
        ({"question": 5, "answer": "1"}, "field 'question': expected a string or a list"),
        ({"question": [], "answer": "1"}, "field 'question': empty list of messages"),
        ({"question": ["hi"], "answer": "1"}, "message 0 is str, not a mapping"),
        ({"question": "q", "answer": ["1", "2"]}, "a list of 2 answers; expected exactly one"),
        ({"question": "q", "answer": True}, "field 'answer': expected a string, got bool"),
        ({"question": "q", "answer": " "}, "field 'answer': empty string"),
        ({"question": "q", "answer": "1", "solution": ""}, "field 'solution': empty string"),
        ({"question": "q", "answer": "1", "solution": 3}, "field 'solution': expected a string"),
        ({"question": "q", "answer": "1", "data_source": 1}, "field 'data_source': expected a"),
    ],
)
def test_field_problems_are_named(row: dict[str, Any], message: str) -> None:
    cfg = DataConfig.model_validate({"schema": "qa"})
    with pytest.raises(InputFormatError, match="<list>, row 2, ") as info:
        load_questions([{"question": "ok", "answer": "1"}, row], cfg)
    assert message in str(info.value)


def test_every_row_skipped_is_an_error(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "wrong.jsonl", [qa_row(1), qa_row(2)])
    with pytest.raises(InputFormatError, match="every one of the 2 rows was skipped"):
        load_questions(path, DataConfig(on_bad_row="skip"))  # openr1 fields on qa rows


def test_sources_and_formats(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="no such data file"):
        load_questions(tmp_path / "missing.jsonl")
    odd = write_jsonl(tmp_path / "rows.txt", [qa_row(1)])
    with pytest.raises(InvalidInputError, match=r"set data\.format"):
        load_questions(odd, QA_CONFIG)
    cfg = QA_CONFIG.model_copy(update={"format": "jsonl"})
    assert len(load_questions(odd, cfg)[0]) == 1
    with pytest.raises(InvalidInputError, match="a data source must be"):
        load_questions({"question": "q"})  # type: ignore[arg-type]


@needs_pyarrow
def test_corrupt_parquet_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"not parquet at all")
    with pytest.raises(InputFormatError, match=r"broken\.parquet"):
        load_questions(path)


def non_utf8_jsonl(path: Path) -> Path:
    """Three qa rows (CRLF line ends); line 2 is Latin-1, not UTF-8."""
    good = [json.dumps(qa_row(i)).encode() for i in (0, 2)]
    latin1 = json.dumps(qa_row(1), ensure_ascii=False).replace("What", "Wh\xe4t").encode("latin-1")
    path.write_bytes(b"\r\n".join([good[0], latin1, good[1]]) + b"\r\n")
    return path


def test_non_utf8_line_is_a_bad_row_naming_file_and_line(tmp_path: Path) -> None:
    path = non_utf8_jsonl(tmp_path / "latin1.jsonl")
    cfg = QA_CONFIG.model_copy(update={"train_files": [str(path)]})
    with pytest.raises(InputFormatError) as info:
        load_split(cfg, "train")
    message = str(info.value)
    assert message.startswith(f"{path}, line 2, field '<row>': not UTF-8 (byte 16 of the line)")
    assert "re-encode the file as UTF-8, or set data.on_bad_row=skip" in message


def test_non_utf8_line_is_skipped_and_counted(tmp_path: Path) -> None:
    path = non_utf8_jsonl(tmp_path / "latin1.jsonl")
    cfg = QA_CONFIG.model_copy(update={"train_files": [str(path)], "on_bad_row": "skip"})
    questions, report = load_split(cfg, "train")
    assert [q.answer for q in questions] == ["0", "2"]  # the line after it still loads
    assert (report.rows, report.skipped) == (3, 1)
    assert report.reasons == {"<row>: not UTF-8 (byte 16 of the line)": 1}
    assert report.examples == (f"{path}, line 2, field '<row>': not UTF-8 (byte 16 of the line)",)
    assert "skipped 1 (1 x <row>: not UTF-8" in report.summary()


@needs_pyarrow
def test_non_utf8_parquet_value_is_a_bad_row(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # Arrow does not check string columns when it reads them; a bad value fails as_py().
    problems = pa.array([b"What is 0?", b"Wh\xe4t is 1?", b"What is 2?"]).view(pa.string())
    path = tmp_path / "latin1.parquet"
    pq.write_table(pa.table({"problem": problems, "final": ["0", "1", "2"]}), path)
    with pytest.raises(InputFormatError) as info:
        load_questions(path, QA_CONFIG)
    assert str(info.value).startswith(f"{path}, row 2, field 'problem': not UTF-8")
    assert "re-encode the file as UTF-8" in str(info.value)
    cfg = QA_CONFIG.model_copy(update={"on_bad_row": "skip"})
    questions, report = load_questions(path, cfg)
    assert [q.answer for q in questions] == ["0", "2"] and report.skipped == 1


# ---------------------------------------------------------------------------- prompt length


def test_long_prompts_are_dropped_and_counted(plain_tok: Any) -> None:
    cfg = DataConfig.model_validate(
        {"schema": "qa", "max_prompt_tokens": 10, "think": {"append_to_prompt": False}}
    )
    rows = [{"question": q, "answer": "1"} for q in ("short", "x" * 11, "tiny", "y" * 10)]
    questions, report = load_questions(rows, cfg, plain_tok)
    assert [q.prompt for q in questions] == ["short", "tiny", "y" * 10]
    assert [q.id for q in questions] == [0, 1, 2]
    assert report.reasons == {"question: longer than data.max_prompt_tokens (10 tokens)": 1}
    assert report.examples == (
        "<list>, row 2, field 'question': longer than "
        "data.max_prompt_tokens (10 tokens): 11 tokens",
    )
    strict = cfg.model_copy(update={"prompt_overflow": "error"})
    with pytest.raises(InputFormatError, match=r"row 2, field 'question'.*11 tokens"):
        load_questions(rows, strict, plain_tok)
    truncating = cfg.model_copy(update={"prompt_overflow": "left"})
    assert len(load_questions(rows, truncating, plain_tok)[0]) == 4


def test_load_split_numbers_questions_across_files(tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", [qa_row(i) for i in range(3)])
    b = write_jsonl(tmp_path / "b.jsonl", [qa_row(i) for i in range(3, 5)] + ["[]"])
    cfg = QA_CONFIG.model_copy(update={"train_files": [str(a), str(b)], "on_bad_row": "skip"})
    questions, report = load_split(cfg, "train")
    assert [q.id for q in questions] == [0, 1, 2, 3, 4]
    assert [q.answer for q in questions] == ["0", "1", "2", "3", "4"]
    assert (report.rows, report.skipped, report.source) == (6, 1, f"{a}, {b}")
    with pytest.raises(InvalidInputError, match=r"data\.eval_files is empty"):
        load_split(cfg, "eval")


# ---------------------------------------------------------------------------- tokenizing


def test_tokenize_prompts_limits(plain_tok: Any) -> None:
    texts = ["abc", "abcdefgh"]
    out = tokenize_prompts(texts, plain_tok, max_tokens=5, overflow="left")
    assert [plain_tok.decode(ids) for ids in out.input_ids] == ["abc", "defgh"]
    assert (out.lengths, out.truncated, out.num_truncated) == ([3, 8], [1], 1)
    out = tokenize_prompts(texts, plain_tok, max_tokens=5, overflow="right")
    assert plain_tok.decode(out.input_ids[1]) == "abcde"
    assert tokenize_prompts(texts, plain_tok, max_tokens=None).truncated == []
    with pytest.raises(InvalidInputError, match="prompt 1 has 8 tokens"):
        tokenize_prompts(texts, plain_tok, max_tokens=5, overflow="error")


def test_tokenize_demonstrations_appends_eos_and_truncates(plain_tok: Any) -> None:
    eos = plain_tok.eos_token_id
    out = tokenize_demonstrations(["ab", "abcdef"], plain_tok, max_tokens=4)
    assert out.input_ids[0] == [*plain_tok("ab", add_special_tokens=False)["input_ids"], eos]
    assert out.input_ids[1] == plain_tok("abcd", add_special_tokens=False)["input_ids"]
    assert (out.lengths, out.truncated) == ([3, 7], [1])
    with pytest.raises(InvalidInputError, match="demonstration 1 has 7 tokens"):
        tokenize_demonstrations(["ab", "abcdef"], plain_tok, max_tokens=4, overflow="error")
    bare = tokenize_demonstrations(["ab"], plain_tok, max_tokens=None, add_eos=False)
    assert eos not in bare.input_ids[0]


def test_tokenize_demonstrations_needs_an_eos(tmp_path: Path) -> None:
    tok = build_tokenizer(tmp_path / "tok", None)
    tok.eos_token = None
    with pytest.raises(InvalidInputError, match="no EOS token"):
        tokenize_demonstrations(["ab"], tok, max_tokens=None)


def test_sft_sequence_is_prompt_plus_demonstration(chat_tok: Any) -> None:
    [q], _ = load_questions([openr1_row(7)], DataConfig(), chat_tok)
    assert q.demonstration is not None
    prompt = tokenize_prompts([q.prompt_text], chat_tok, max_tokens=1024).input_ids[0]
    demo = tokenize_demonstrations([q.demonstration], chat_tok, max_tokens=8192).input_ids[0]
    text = chat_tok.decode(prompt + demo, skip_special_tokens=False)
    assert text.endswith("<|assistant|><think>\nadd 7</think>\n\\boxed{7}<eos>")
    assert text.split("<|assistant|>")[1].count("<think>") == 1


# ---------------------------------------------------------------------------- sampler


def drain(sampler: EpochSampler, batches: int) -> list[list[int]]:
    return [sampler.next_batch() for _ in range(batches)]


def test_sampler_is_deterministic_and_covers_each_epoch() -> None:
    a, b = EpochSampler(10, 3, seed=7), EpochSampler(10, 3, seed=7)
    assert a.batches_per_epoch == 3
    run = drain(a, 9)
    assert run == drain(b, 9)
    for epoch in range(3):
        flat = [i for batch in run[3 * epoch : 3 * epoch + 3] for i in batch]
        assert len(set(flat)) == 9 and set(flat) <= set(range(10))  # drop_last: one left out
        assert flat == a.epoch_order(epoch)[:9]
    assert run[:3] != run[3:6]  # a fresh shuffle each epoch
    assert drain(EpochSampler(10, 3, seed=8), 3) != run[:3]


def test_sampler_resumes_exactly_mid_epoch() -> None:
    full = drain(EpochSampler(11, 2, seed=3), 17)
    for cut in (0, 1, 4, 5, 9, 16):
        first = EpochSampler(11, 2, seed=3)
        head = drain(first, cut)
        state = json.loads(json.dumps(first.state_dict()))  # survives serialisation
        second = EpochSampler(11, 2, seed=3)
        second.load_state_dict(state)
        assert (second.epoch, second.position) == (first.epoch, first.position)
        assert head + drain(second, 17 - cut) == full


def test_sampler_iteration_and_drop_last() -> None:
    sampler = EpochSampler(7, 3, seed=0, drop_last=False)
    assert sampler.batches_per_epoch == 3 and len(sampler) == 3
    first = sampler.next_batch()
    rest = list(sampler)
    assert [len(b) for b in rest] == [3, 1] and sampler.epoch == 1 and len(sampler) == 3
    assert sorted(i for b in [first, *rest] for i in b) == list(range(7))
    assert sum(1 for _ in sampler) == 3 and sampler.epoch == 2


def test_sampler_rejects_bad_arguments_and_foreign_state() -> None:
    with pytest.raises(InvalidInputError, match="cannot fill one batch"):
        EpochSampler(3, 4, seed=0)
    assert EpochSampler(3, 4, seed=0, drop_last=False).batches_per_epoch == 1
    with pytest.raises(InvalidInputError, match="batch_size must be >= 1"):
        EpochSampler(3, 0, seed=0)
    state = EpochSampler(10, 2, seed=1).state_dict()
    with pytest.raises(InvalidInputError, match="seed=1"):
        EpochSampler(10, 2, seed=2).load_state_dict(state)
    with pytest.raises(InvalidInputError, match="n_questions=10"):
        EpochSampler(12, 2, seed=1).load_state_dict(state)
    with pytest.raises(InvalidInputError, match="bad position"):
        EpochSampler(10, 2, seed=1).load_state_dict({**state, "position": 5})


def test_round_trip_check_passes_a_faithful_tokenizer(plain_tok: Any) -> None:
    check_round_trip(["12+34=46 \\boxed{46}", "a b\nc"], plain_tok)


def test_round_trip_check_names_the_text_a_tokenizer_loses() -> None:
    from relift.testing import build_tiny_tokenizer

    digits_only = build_tiny_tokenizer("0123456789+=")  # '\boxed{}' become <unk>
    check_round_trip(["12+34=46"], digits_only)
    with pytest.raises(InvalidInputError, match=r"demonstration 1: '1\+1=\\\\boxed\{2\}' decodes"):
        check_round_trip(["1+2=3", "1+1=\\boxed{2}"], digits_only)
