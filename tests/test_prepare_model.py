"""``relift prepare-model`` on a tiny saved Qwen2 model with a Qwen2.5-style chat template, in the
layouts transformers 5 and 4 write: the copy loads with the new positions, rope_theta and think
generation prompt, the same weights, a PREPARED.md, and the source untouched; and the two
start-of-run warnings of ``relift train`` (positions, think prompt)."""

from __future__ import annotations

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch: no spin-waiting (2 cores)

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import pytest
import torch
import yaml
from relift import __version__
from relift.cli.main import main as cli_main
from relift.config import Config
from relift.testing import addition_run_folder, build_tiny_model, build_tiny_tokenizer
from relift.think_template import THINK_OPEN, add_think_to_generation_prompt
from relift.trainer import Trainer
from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

pytestmark = pytest.mark.timeout(60)

#: A chat template shaped like Qwen2.5-Math's: a default system prompt, ChatML turns, and the
#: assistant header under ``add_generation_prompt``.
QWEN_TEMPLATE = (
    "{%- if messages[0]['role'] == 'system' %}\n"
    "    {{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}\n"
    "{%- else %}\n"
    "    {{- '<|im_start|>system\\nPlease reason step by step.<|im_end|>\\n' }}\n"
    "{%- endif %}\n"
    "{%- for message in messages %}\n"
    "    {%- if message['role'] != 'system' %}\n"
    "        {{- '<|im_start|>' + message['role'] + '\\n' + message['content'] }}\n"
    "        {{- '<|im_end|>\\n' }}\n"
    "    {%- endif %}\n"
    "{%- endfor %}\n"
    "{%- if add_generation_prompt %}\n"
    "    {{- '<|im_start|>assistant\\n' }}\n"
    "{%- endif %}\n"
)
CHAT = [{"role": "user", "content": "12+34="}]
REFERENCE = ["--max-positions", "16384", "--rope-theta", "40000", "--think-template"]


def save_model(folder: Path, template: str | None = QWEN_TEMPLATE, *, layout: int = 5) -> Path:
    """A tiny Qwen2 model and tokenizer saved to ``folder`` by transformers 5; ``layout=4``
    rewrites them as transformers 4 did (top-level rope_theta, template in
    tokenizer_config.json)."""
    tokenizer = build_tiny_tokenizer()
    tokenizer.chat_template = template
    build_tiny_model(tokenizer).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    if layout == 4:
        config = json.loads((folder / "config.json").read_text())
        config["rope_theta"] = config.pop("rope_parameters")["rope_theta"]
        (folder / "config.json").write_text(json.dumps(config, indent=2))
        settings = json.loads((folder / "tokenizer_config.json").read_text())
        settings["chat_template"] = (folder / "chat_template.jinja").read_text()
        (folder / "tokenizer_config.json").write_text(json.dumps(settings, indent=2))
        (folder / "chat_template.jinja").unlink()
    return folder


def hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def generation_prompt(folder: Path) -> str:
    text = AutoTokenizer.from_pretrained(folder).apply_chat_template(
        CHAT, add_generation_prompt=True, tokenize=False
    )
    assert isinstance(text, str)
    return text


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_model(tmp_path_factory.mktemp("src") / "model")


def test_the_reference_copy_loads_with_every_change_and_the_source_untouched(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hashes(source)
    dst = tmp_path / "model-16k-think"
    assert cli_main(["prepare-model", str(source), str(dst), *REFERENCE]) == 0
    out = capsys.readouterr().out
    assert "max_position_embeddings: 256 -> 16384" in out and "PREPARED.md" in out

    config = AutoConfig.from_pretrained(dst)
    assert config.max_position_embeddings == 16384
    assert config.rope_parameters["rope_theta"] == 40000.0  # transformers 5 keeps it there
    old, new = (AutoModelForCausalLM.from_pretrained(f) for f in (source, dst))
    new_params = dict(new.named_parameters())
    for name, param in old.named_parameters():
        assert torch.equal(param, new_params[name]), name
    assert generation_prompt(dst) == generation_prompt(source) + THINK_OPEN

    notes = (dst / "PREPARED.md").read_text()
    for line in (
        f"- source: `{source}`",
        f"- relift: {__version__}",
        "- `max_position_embeddings`: 256 -> 16384",
        "- `rope_parameters.rope_theta`: 10000.0 -> 40000.0",
        '+    {{- "<think>\\n" }}',
        "- command: `relift prepare-model",
    ):
        assert line in notes, line
    assert "- date: 20" in notes and "hard-linked" in notes
    # every file came over; the unchanged ones are links, the edited ones new files
    assert set(hashes(dst)) == {*before, "PREPARED.md"}
    assert (dst / "model.safetensors").samefile(source / "model.safetensors")
    for edited in ("config.json", "chat_template.jinja"):
        assert not (dst / edited).samefile(source / edited)
    assert hashes(source) == before
    assert [p.name for p in tmp_path.iterdir()] == [dst.name]  # no temporary folder left


def test_the_transformers_4_layout_is_edited_where_it_keeps_each_key(tmp_path: Path) -> None:
    src = save_model(tmp_path / "old", layout=4)
    before = hashes(src)
    dst = tmp_path / "new"
    assert cli_main(["prepare-model", str(src), str(dst), *REFERENCE]) == 0
    config = json.loads((dst / "config.json").read_text())
    assert config["rope_theta"] == 40000.0 and "rope_parameters" not in config
    assert AutoConfig.from_pretrained(dst).rope_parameters["rope_theta"] == 40000.0
    settings = json.loads((dst / "tokenizer_config.json").read_text())
    assert settings["chat_template"].endswith('    {{- "<think>\\n" }}\n{%- endif %}\n')
    assert generation_prompt(dst) == generation_prompt(src) + THINK_OPEN
    assert "- `rope_theta`: 10000.0 -> 40000.0" in (dst / "PREPARED.md").read_text()
    assert hashes(src) == before


def test_only_the_given_changes_are_made_and_copy_copies(source: Path, tmp_path: Path) -> None:
    dst = tmp_path / "long"
    args = ["prepare-model", str(source), str(dst), "--max-positions", "1024", "--copy"]
    assert cli_main(args) == 0
    config = json.loads((dst / "config.json").read_text())
    assert config["max_position_embeddings"] == 1024
    assert config["rope_parameters"]["rope_theta"] == 10000.0
    assert generation_prompt(dst) == generation_prompt(source)
    notes = (dst / "PREPARED.md").read_text()
    assert "rope_theta" not in notes and "Chat template" not in notes and "copied" in notes
    assert not (dst / "model.safetensors").samefile(source / "model.safetensors")


def test_a_hub_cache_source_is_linked_to_its_blobs(source: Path, tmp_path: Path) -> None:
    """A hub snapshot holds relative symlinks into blobs/: the copy links the blobs themselves."""
    blobs, snapshot = tmp_path / "blobs", tmp_path / "snapshot"
    blobs.mkdir()
    snapshot.mkdir()
    for path in source.iterdir():
        (blobs / path.name).write_bytes(path.read_bytes())
        (snapshot / path.name).symlink_to(Path("..") / "blobs" / path.name)
    dst = tmp_path / "copy"
    assert cli_main(["prepare-model", str(snapshot), str(dst), "--think-template"]) == 0
    assert (dst / "model.safetensors").samefile(blobs / "model.safetensors")
    assert not (dst / "model.safetensors").is_symlink()
    assert generation_prompt(dst) == generation_prompt(source) + THINK_OPEN


def test_an_existing_destination_needs_force(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dst = tmp_path / "dst"
    dst.mkdir()
    (dst / "keep.txt").write_text("mine")
    assert cli_main(["prepare-model", str(source), str(dst), "--max-positions", "512"]) == 2
    assert "exists; pass --force" in capsys.readouterr().err
    assert [p.name for p in dst.iterdir()] == ["keep.txt"]
    args = ["prepare-model", str(source), str(dst), "--max-positions", "512", "--force"]
    assert cli_main(args) == 0
    assert not (dst / "keep.txt").exists()
    assert AutoConfig.from_pretrained(dst).max_position_embeddings == 512
    assert [p.name for p in tmp_path.iterdir()] == ["dst"]  # no trash or temporary left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "nothing to change"),
        (["--max-positions", "0"], "--max-positions must be >= 1"),
        (["--think-template"], "no {% if add_generation_prompt %} blocks"),
        (["--rope-theta", "40000"], "no rope_theta at the top level or under rope_parameters"),
    ],
)
def test_unusable_requests_fail_clearly_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    no_generation_block = "{% for m in messages %}{{ m['content'] }}\n{% endfor %}"
    src = save_model(tmp_path / "src", no_generation_block)
    if "--rope-theta" in args:
        config = json.loads((src / "config.json").read_text())
        del config["rope_parameters"]
        (src / "config.json").write_text(json.dumps(config))
    before = hashes(src)
    capsys.readouterr()  # save_pretrained's progress bar
    assert cli_main(["prepare-model", str(src), str(tmp_path / "dst"), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("relift prepare-model: ") and message in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]
    assert hashes(src) == before


def test_think_edit_of_a_template_with_an_else_branch_and_one_already_done() -> None:
    tokenizer = build_tiny_tokenizer()
    with_else = "{{ messages[0]['content'] }}{% if add_generation_prompt %}A:{% else %}.{% endif %}"
    edit = add_think_to_generation_prompt(with_else, tokenizer, "t")
    assert edit.rendered_after == edit.rendered_before + THINK_OPEN
    plain = tokenizer.apply_chat_template(CHAT, chat_template=edit.after, tokenize=False)
    assert plain == "12+34=."
    done = add_think_to_generation_prompt(edit.after, tokenizer, "t")
    assert not done.changed


# ---- relift train's warnings at start ---------------------------------------------------------


def run_settings(tiny: Path, run: Path, **data: Any) -> dict[str, Any]:
    """A one-step RL run on the tiny addition task (see tests/test_trainer.py)."""
    return {
        "mode": "rl",
        "model": {"name_or_path": str(tiny / "model"), "gradient_checkpointing": False},
        "data": {
            "train_files": [str(tiny / "train.jsonl")],
            "schema": "qa",
            "chat_template": False,
            "think": {"append_to_prompt": False},
            "max_prompt_tokens": 8,
            "max_demonstration_tokens": 16,
            **data,
        },
        "rollout": {"n": 2, "max_new_tokens": 10},
        "schedule": {"prompts_per_step": 4, "max_steps": 1, "eval_every": 0},
        "checkpoint": {"dir": str(run / "ckpt"), "every": 0, "save_final": False},
        "logging": {"dir": str(run / "logs"), "progress_bar": False},
    }


def warnings_of(caplog: pytest.LogCaptureFixture, word: str) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.WARNING and word in r.getMessage()
    ]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return addition_run_folder(tmp_path_factory.mktemp("tiny"), train=8, eval=0)


def test_train_warns_once_when_responses_outrun_the_positions(
    tiny: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "run.yaml"
    path.write_text(yaml.safe_dump(run_settings(tiny, tmp_path, max_prompt_tokens=250)))
    with caplog.at_level(logging.WARNING, logger="relift"):
        assert cli_main(["train", "--config", str(path)]) == 0
    (message,) = warnings_of(caplog, "max_position_embeddings")
    assert "data.max_prompt_tokens + rollout.max_new_tokens = 250 + 10 = 260 tokens" in message
    assert "allows 256 positions" in message and "relift prepare-model" in message
    assert "--max-positions 512" in message
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="relift"):
        Trainer(Config.model_validate(run_settings(tiny, tmp_path)))
    assert not warnings_of(caplog, "max_position_embeddings")


def test_train_warns_when_the_think_convention_lacks_its_prompt_tag(
    tiny: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Demonstrations that open with <think> and prompts that do not: the template lacks it
    and append_to_prompt is off. A prepared template, or append_to_prompt, silences it."""
    rows = [{"question": "12+34=", "answer": "46", "solution": "<think>\n12+34=46</think>46"}] * 4
    stock = save_model(tmp_path / "stock")
    prepared = tmp_path / "think"
    assert cli_main(["prepare-model", str(stock), str(prepared), "--think-template"]) == 0

    def warns(model: Path, **think: Any) -> list[str]:
        settings = run_settings(tiny, tmp_path, chat_template=True, max_prompt_tokens=200)
        settings["data"]["think"] = {"append_to_prompt": False, **think}
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="relift"):
            Trainer(Config.model_validate(settings), tokenizer=AutoTokenizer.from_pretrained(model),
                    train_dataset=rows)  # fmt: skip
        return warnings_of(caplog, "data.think")

    (message,) = warns(stock)
    assert "chat template does not write it" in message
    assert "relift prepare-model SRC DST --think-template" in message
    assert "data.think.append_to_prompt: true" in message
    assert not warns(prepared)
    assert not warns(stock, append_to_prompt=True)
    assert not warns(stock, open_tag="")  # no think convention in this run
