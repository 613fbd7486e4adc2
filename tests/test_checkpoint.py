"""Checkpoints: exact resume, RNG and buffer round trips, keep_last, atomicity, safe loading."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from relift import HardQuestionBuffer
from relift import checkpoint as ckpt
from relift.checkpoint import (
    CheckpointError,
    latest_checkpoint,
    list_checkpoints,
    load_checkpoint,
    save_checkpoint,
)
from relift.errors import InvalidInputError
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import AutoModelForCausalLM, PreTrainedTokenizerFast, Qwen2Config

WORDS = ["<pad>", "<s>", "</s>", "<unk>", *"abcdefghijklmnop"]


def _tokenizer() -> PreTrainedTokenizerFast:
    vocab = {word: i for i, word in enumerate(WORDS)}
    core = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    core.pre_tokenizer = pre_tokenizers.Whitespace()
    return PreTrainedTokenizerFast(
        tokenizer_object=core,
        pad_token="<pad>",
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
    )


def _config(hidden: int = 64) -> Qwen2Config:
    return Qwen2Config(
        vocab_size=len(WORDS),
        hidden_size=hidden,
        intermediate_size=4 * hidden,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=64,
        tie_word_embeddings=True,
    )


@pytest.fixture(scope="module")
def base_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny Qwen2 model (~100k parameters) and tokenizer, saved with save_pretrained."""
    directory = tmp_path_factory.mktemp("base")
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        model = AutoModelForCausalLM.from_config(_config())
    model.save_pretrained(directory)
    _tokenizer().save_pretrained(directory)
    return directory


def _load_model(directory: Path) -> Any:
    return AutoModelForCausalLM.from_pretrained(directory, local_files_only=True)


def _optimizers(model: Any) -> dict[str, torch.optim.Optimizer]:
    # Two optimizers over the same weights, as ReLIFT's RL and SFT updates.
    return {
        "rl": torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01),
        "sft": torch.optim.AdamW(model.parameters(), lr=3e-3, betas=(0.8, 0.99)),
    }


def _scheduler(optimizer: torch.optim.Optimizer) -> torch.optim.lr_scheduler.LRScheduler:
    return torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.5, total_iters=10)


def _train_step(model: Any, optimizer: torch.optim.Optimizer) -> None:
    """One optimizer step on a batch drawn from the global torch RNG (as a sampler would)."""
    batch = torch.randint(4, len(WORDS), (2, 6))
    loss = model(input_ids=batch, labels=batch).loss
    loss.backward()
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)


def _weights(model: Any) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def _save(output_dir: Path, step: int, model: Any, **kwargs: Any) -> Path:
    defaults: dict[str, Any] = {
        "tokenizer": _tokenizer(),
        "optimizers": _optimizers(model),
        "sampler_state": {},
        "counters": {},
    }
    return save_checkpoint(output_dir, step, model=model, **{**defaults, **kwargs})


@pytest.fixture
def trained(base_dir: Path, tmp_path: Path) -> Iterator[tuple[Path, Any, dict[str, Any]]]:
    """A model with two optimizers that have taken steps, checkpointed at step 2."""
    torch.manual_seed(1)
    model = _load_model(base_dir)
    optimizers = _optimizers(model)
    schedulers = {"rl": _scheduler(optimizers["rl"])}
    for _ in range(2):
        _train_step(model, optimizers["rl"])
        schedulers["rl"].step()
        _train_step(model, optimizers["sft"])
    path = save_checkpoint(
        tmp_path / "run",
        2,
        model=model,
        tokenizer=_tokenizer(),
        optimizers=optimizers,
        schedulers=schedulers,
        sampler_state={"epoch": 0, "position": 4, "seed": 7},
        buffer=None,
        counters={"sft_steps": 2, "demos_used": 9},
        config_yaml="mode: relift\nseed: 7\n",
    )
    yield path, model, {"optimizers": optimizers, "schedulers": schedulers}


def test_resume_is_bitwise_identical(base_dir: Path, trained: tuple[Path, Any, Any]) -> None:
    path, model, states = trained
    # The uninterrupted run: one more RL and one more SFT step.
    _train_step(model, states["optimizers"]["rl"])
    states["schedulers"]["rl"].step()
    _train_step(model, states["optimizers"]["sft"])
    expected = _weights(model)

    # The resumed run: fresh objects with other weights and RNG, then the checkpoint.
    torch.manual_seed(999)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(5)
        resumed = AutoModelForCausalLM.from_config(_config())
    optimizers = _optimizers(resumed)
    schedulers = {"rl": _scheduler(optimizers["rl"])}
    state = load_checkpoint(path, model=resumed, optimizers=optimizers, schedulers=schedulers)
    assert state.step == 2
    assert state.counters == {"sft_steps": 2, "demos_used": 9}
    assert state.sampler_state == {"epoch": 0, "position": 4, "seed": 7}
    assert state.config_yaml == "mode: relift\nseed: 7\n"
    assert state.buffer is None
    assert state.metadata["optimizers"] == ["rl", "sft"]
    _train_step(resumed, optimizers["rl"])
    schedulers["rl"].step()
    _train_step(resumed, optimizers["sft"])

    got = _weights(resumed)
    assert got.keys() == expected.keys()
    for key in expected:
        assert torch.equal(got[key], expected[key]), key
    assert schedulers["rl"].get_last_lr() == states["schedulers"]["rl"].get_last_lr()


def test_checkpoint_folder_loads_with_from_pretrained(trained: tuple[Path, Any, Any]) -> None:
    path, model, _ = trained
    loaded = _load_model(path)
    for key, value in model.state_dict().items():
        assert torch.equal(loaded.state_dict()[key], value), key
    tokenizer = PreTrainedTokenizerFast.from_pretrained(path, local_files_only=True)
    assert tokenizer("a b c")["input_ids"] == _tokenizer()("a b c")["input_ids"]
    assert (path / "model.safetensors").is_file()
    assert "auto_map" not in json.loads((path / "config.json").read_text())


def test_rng_states_round_trip(base_dir: Path, tmp_path: Path) -> None:
    model = _load_model(base_dir)
    random.seed(3)
    np.random.seed(3)
    torch.manual_seed(3)
    random.gauss(0, 1)  # leaves a cached gaussian in python's state
    np.random.normal()  # and in numpy's
    path = _save(tmp_path, 1, model)

    def draws() -> tuple[Any, ...]:
        return (torch.rand(4), random.random(), random.gauss(0, 1), np.random.normal(size=3))

    expected = draws()
    random.seed(11)
    np.random.seed(11)
    torch.manual_seed(11)
    load_checkpoint(path)
    got = draws()
    assert torch.equal(got[0], expected[0])
    assert got[1:3] == expected[1:3]
    np.testing.assert_array_equal(got[3], expected[3])

    torch.manual_seed(11)
    load_checkpoint(path, restore_rng=False)
    assert not torch.equal(torch.rand(4), expected[0])


def test_rng_state_is_plain_json() -> None:
    state = ckpt.capture_rng_state()
    again = json.loads(json.dumps(state))
    ckpt.restore_rng_state(again)
    assert ckpt.capture_rng_state() == state


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_cuda_rng_state_round_trip() -> None:
    torch.cuda.manual_seed_all(5)
    torch.rand(1, device="cuda")  # initialises CUDA, so its state is captured
    state = json.loads(json.dumps(ckpt.capture_rng_state()))
    assert len(state["torch_cuda"]) == torch.cuda.device_count()
    expected = torch.rand(8, device="cuda")
    torch.cuda.manual_seed_all(6)
    ckpt.restore_rng_state(state)
    assert torch.equal(torch.rand(8, device="cuda"), expected)


def test_buffer_snapshot_round_trip(base_dir: Path, tmp_path: Path) -> None:
    buffer = HardQuestionBuffer(capacity=4, order="fifo", dedup=True)
    for q in range(6):
        buffer.push(q, step=q, payload=f"demo {q}".encode())
    buffer.push(5, step=9)  # a duplicate, rejected
    buffer.take(1)
    path = _save(tmp_path, 3, _load_model(base_dir), buffer=buffer)
    restored = load_checkpoint(path).buffer
    assert restored is not None
    assert (restored.capacity, restored.order, restored.dedup) == (4, "fifo", True)
    assert restored.entries() == buffer.entries()
    assert restored.stats() == buffer.stats()
    assert restored.take(3) == buffer.take(3)


def test_keep_last_removes_the_oldest_after_saving(base_dir: Path, tmp_path: Path) -> None:
    model = _load_model(base_dir)
    for step in (1, 2, 3, 4):
        _save(tmp_path, step, model, keep_last=2)
    assert [p.name for p in list_checkpoints(tmp_path)] == ["checkpoint-3", "checkpoint-4"]
    # The checkpoint just written always stays, even when an older run left higher steps.
    _save(tmp_path, 1, model, keep_last=1)
    assert [p.name for p in list_checkpoints(tmp_path)] == ["checkpoint-1"]
    assert sorted(os.listdir(tmp_path)) == ["checkpoint-1"]


def test_crash_mid_save_leaves_previous_checkpoint(
    base_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _load_model(base_dir)
    first = _save(tmp_path, 1, model, keep_last=1)
    real_save = ckpt._torch_save
    calls = []

    def crash_on_second(path: Path, obj: object) -> None:
        calls.append(path.name)
        if len(calls) == 2:
            raise OSError("disk full (simulated)")
        real_save(path, obj)

    monkeypatch.setattr(ckpt, "_torch_save", crash_on_second)
    with pytest.raises(OSError, match="simulated"):
        _save(tmp_path, 2, model, keep_last=1)
    assert calls == ["optimizer-rl.pt", "optimizer-sft.pt"]  # model + one optimizer were written
    assert latest_checkpoint(tmp_path) == first
    assert sorted(os.listdir(tmp_path)) == ["checkpoint-1"]  # no half checkpoint, no temp left


def test_crash_at_rename_leaves_previous_checkpoint(
    base_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _load_model(base_dir)
    first = _save(tmp_path, 1, model)

    def crash(temp: Path, target: Path) -> None:
        assert (temp / ckpt.STATE_FILE).is_file()  # fully written, not yet visible
        raise KeyboardInterrupt

    monkeypatch.setattr(ckpt, "_publish", crash)
    with pytest.raises(KeyboardInterrupt):
        _save(tmp_path, 2, model)
    assert latest_checkpoint(tmp_path) == first
    assert sorted(os.listdir(tmp_path)) == ["checkpoint-1"]


def test_latest_ignores_and_cleans_leftovers_of_dead_writers(
    base_dir: Path, tmp_path: Path
) -> None:
    first = _save(tmp_path, 1, _load_model(base_dir))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    stale = tmp_path / f".tmp-checkpoint-9-{dead}-abcd1234"
    stale.mkdir()
    (stale / "model.safetensors").write_bytes(b"half")
    stale_trash = tmp_path / f".trash-checkpoint-0-{dead}-00ff"
    stale_trash.mkdir()
    live = tmp_path / f".tmp-checkpoint-8-{os.getpid()}-beef"  # a save in progress right now
    live.mkdir()
    by_hand = tmp_path / "checkpoint-7"  # no manifest: not a complete checkpoint
    by_hand.mkdir()
    assert latest_checkpoint(tmp_path) == first
    assert not stale.exists() and not stale_trash.exists()
    assert live.exists() and by_hand.exists()
    assert latest_checkpoint(tmp_path / "missing") is None


def test_torch_load_only_with_weights_only(
    trained: tuple[Path, Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, model, states = trained
    real_load = torch.load
    seen: list[Any] = []

    def checked_load(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("weights_only"))
        return real_load(*args, **kwargs)

    monkeypatch.setattr(torch, "load", checked_load)
    load_checkpoint(path, model=model, **states)
    assert seen == [True, True, True]  # two optimizers, one scheduler, nothing else


class _Evil:
    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, ("echo pwned",))


def _replace_file(path: Path, name: str, data: bytes) -> None:
    """Swap a checkpoint file, updating the manifest so only the content check can catch it."""
    (path / name).write_bytes(data)
    manifest = json.loads((path / ckpt.STATE_FILE).read_text())
    manifest["files"][name] = {"bytes": len(data)}
    (path / ckpt.STATE_FILE).write_text(json.dumps(manifest))


def test_pickled_code_is_refused_and_nothing_changes(
    trained: tuple[Path, Any, Any], tmp_path: Path
) -> None:
    path, model, states = trained
    evil = tmp_path / "evil.pt"
    torch.save({"state": {}, "param_groups": [], "x": _Evil()}, evil)
    _replace_file(path, "optimizer-sft.pt", evil.read_bytes())
    before = _weights(model)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(1.0)
    changed = _weights(model)
    with pytest.raises(CheckpointError, match=r"optimizer-sft\.pt.*weights_only"):
        load_checkpoint(path, model=model, **states)
    assert all(torch.equal(changed[k], v) for k, v in _weights(model).items())
    assert any(not torch.equal(before[k], changed[k]) for k in before)


def test_missing_and_corrupt_files_are_named(trained: tuple[Path, Any, Any]) -> None:
    path, _, _ = trained
    with pytest.raises(CheckpointError, match=r"no checkpoint at .*checkpoint-5"):
        load_checkpoint(path.parent / "checkpoint-5")
    with pytest.raises(CheckpointError, match=r"latest is .*checkpoint-2"):
        load_checkpoint(path.parent)  # the run folder, not a checkpoint
    (path / "sampler.json").write_text('{"epoch": 1}')  # same size class, other content
    with pytest.raises(CheckpointError, match=r"sampler\.json"):
        load_checkpoint(path)
    (path / "rng.json").unlink()
    with pytest.raises(CheckpointError, match=r"missing: .*rng\.json"):
        load_checkpoint(path)


def test_corrupt_buffer_and_weights_are_named(base_dir: Path, tmp_path: Path) -> None:
    buffer = HardQuestionBuffer()
    buffer.push(1, 1, b"x")
    path = _save(tmp_path, 1, _load_model(base_dir), buffer=buffer)
    _replace_file(path, "buffer.bin", buffer.snapshot()[:-3])
    with pytest.raises(CheckpointError, match=r"corrupt: .*buffer\.bin"):
        load_checkpoint(path)
    _replace_file(path, "buffer.bin", buffer.snapshot())
    load_checkpoint(path)
    other = AutoModelForCausalLM.from_config(_config(hidden=32))
    with pytest.raises(CheckpointError, match=r"model\.safetensors does not fit the model"):
        load_checkpoint(path, model=other)
    _replace_file(path, "model.safetensors", b"\x00" * 32)
    with pytest.raises(CheckpointError, match=r"corrupt: .*model\.safetensors"):
        load_checkpoint(path, model=_load_model(base_dir))


def test_optimizer_names_must_match(trained: tuple[Path, Any, Any]) -> None:
    path, model, states = trained
    with pytest.raises(CheckpointError, match=r"optimizer states \['rl', 'sft'\]"):
        load_checkpoint(path, model=model, optimizers={"rl": states["optimizers"]["rl"]})


def test_save_argument_errors(base_dir: Path, tmp_path: Path) -> None:
    model = _load_model(base_dir)
    with pytest.raises(InvalidInputError, match="sampler_state"):
        _save(tmp_path, 1, model, sampler_state={"gen": torch.Generator()})
    with pytest.raises(InvalidInputError, match="optimizer names"):
        _save(tmp_path, 1, model, optimizers={"../rl": torch.optim.SGD(model.parameters())})
    with pytest.raises(InvalidInputError, match="keep_last"):
        _save(tmp_path, 1, model, keep_last=0)
    with pytest.raises(InvalidInputError, match="step"):
        _save(tmp_path, -1, model)
    assert os.listdir(tmp_path) == []  # nothing half-written
    path = _save(tmp_path, 1, model, counters={"a": 1})
    with pytest.raises(CheckpointError, match="already exists"):
        _save(tmp_path, 1, model)
    _save(tmp_path, 1, model, counters={"a": 2}, overwrite=True)
    assert load_checkpoint(path).counters == {"a": 2}
    assert sorted(os.listdir(tmp_path)) == ["checkpoint-1"]
