"""Training on two processes (``torchrun``, gloo, CPU), with DDP and with FSDP2, equals training
on one: step for step the same losses, the same buffer and SFT decisions, the same final
weights; and a run checkpointed on two processes resumes on one (and the other way round) as if
it had never stopped.

Each run is tests/distributed_worker.py in fresh processes (the real launcher path)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

torch = pytest.importorskip("torch", reason="distributed training needs the train extra")
from relift.testing import addition_run_folder  # noqa: E402
from safetensors.torch import load_file  # noqa: E402
from transformers import AutoModelForCausalLM  # noqa: E402

pytestmark = [pytest.mark.timeout(600), pytest.mark.slow]  # about 2 minutes of torchrun runs
WORKER = Path(__file__).with_name("distributed_worker.py")
STEPS = 4
#: Weights are compared within float tolerance: the same sums in another order (gradient
#: all-reduce, per-process micro-batches) differ in the last bits. Adam moves an element by
#: lr * g / (|g| + eps), whose slope in g reaches lr / eps where g is near zero, so with the
#: default eps (1e-8) a rounding difference of 1e-10 in a near-zero gradient moves a weight by
#: 1e-5 or more, as much as the CPU's kernels decide. The runs here use eps = 1e-4 (ADAM_EPS):
#: the same update rule, with rounding amplified at most 10-fold (lr 1e-3), so on any machine
#: the weights must agree to TOLERANCE, and 99.9% of them to TYPICAL. Measured here over every
#: comparison below: at most 1.64e-7 (about one float32 ulp of a weight near 1), with 99.9% of
#: elements within 3e-8 and 0.004% over 1e-7; with eps 1e-8 it was 1e-5, and 0.1% over 1e-7.
TOLERANCE, TYPICAL, ADAM_EPS = 1e-6, 1e-7, 1e-4


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved tiny model, and 24 training / 6 eval additions with demonstrations."""
    return addition_run_folder(tmp_path_factory.mktemp("tiny"), train=24, eval=6, seed=1)


def write_config(tiny: Path, run: Path, steps: int, strategy: str = "ddp") -> Path:
    """ReLIFT with 8 prompts x 4 rollouts in two mini-batches (so the old log-prob pass runs),
    micro-batches of at most 48 tokens (so processes run different numbers of them), an SFT
    step whenever 4 hardest questions are buffered, eval every 2 steps, a checkpoint per step."""
    raw: dict[str, Any] = {
        "model": {"name_or_path": str(tiny / "model"), "gradient_checkpointing": False},
        "data": {
            "train_files": [str(tiny / "train.jsonl")], "eval_files": [str(tiny / "eval.jsonl")],
            "schema": "qa", "chat_template": False, "think": {"append_to_prompt": False},
            "max_prompt_tokens": 8, "max_demonstration_tokens": 16,
        },
        "rollout": {"n": 4, "max_new_tokens": 10, "eval": {"n": 2, "temperature": 1.0}},
        "rl": {"lr": 1e-3, "eps": ADAM_EPS, "mini_batches": 2, "micro_batch_tokens": 48},
        "sft": {"trigger_size": 4, "lr": 1e-3, "eps": ADAM_EPS},
        "schedule": {"prompts_per_step": 8, "max_steps": steps, "eval_every": 2, "seed": 5},
        "checkpoint": {"dir": str(run / "ckpt"), "every": 1, "keep_last": None},
        "distributed": {"strategy": strategy},
        "logging": {"dir": str(run / "logs"), "progress_bar": False},
    }  # fmt: skip
    path = run / "config.json"
    run.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(raw))
    return path


def launch(config: Path, out: Path, processes: int, resume: bool = False) -> None:
    """Run the worker on ``processes`` processes (1: plain python, no torchrun)."""
    env = {**os.environ, "OMP_NUM_THREADS": os.environ["RELIFT_TEST_TORCH_THREADS"]}
    args = [str(WORKER), str(config), str(out), *(["--resume"] if resume else [])]
    if processes > 1:
        launcher = ["-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={processes}"]
        args = [*launcher, *args]
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-6000:]


def records(run: Path, phase: str) -> list[dict[str, Any]]:
    lines = (run / "logs" / "metrics.jsonl").read_text().splitlines()
    return [r for r in map(json.loads, lines) if r["phase"] == phase]


def weights(checkpoint: Path) -> dict[str, Any]:
    return load_file(str(checkpoint / "model.safetensors"))


def assert_close_weights(a: Path, b: Path) -> None:
    wa, wb = weights(a), weights(b)
    assert wa.keys() == wb.keys()
    gaps = torch.cat([(wa[name] - wb[name]).abs().flatten() for name in wa])
    assert gaps.max() < TOLERANCE, (a, gaps.max())
    assert (gaps > TYPICAL).float().mean() < 1e-3, (a, (gaps > TYPICAL).sum())


@pytest.fixture(scope="module")
def runs(tiny: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same 4-step run on one process, and on two with DDP and with FSDP2."""
    root = tmp_path_factory.mktemp("runs")
    out = {}
    for name, processes, strategy in (("p1", 1, "ddp"), ("ddp", 2, "ddp"), ("fsdp", 2, "fsdp")):
        run = root / name
        launch(write_config(tiny, run, STEPS, strategy), run / "state", processes)
        out[name] = run
    return out


TWO = pytest.mark.parametrize("two", ["ddp", "fsdp"])


TRAIN_KEYS = [
    "rl_loss", "entropy", "reward_mean", "solve_none_rate", "solve_all_rate", "resp_len_mean",
    "buffer_pushed", "buffer_len", "sft_steps", "demos_used", "demo_rows", "clip_frac",
    "logprob_mismatch_mean", "rl_grad_norm",
]  # fmt: skip


@TWO
def test_two_processes_train_like_one_step_for_step(runs: dict[str, Path], two: str) -> None:
    one, other = records(runs["p1"], "train"), records(runs[two], "train")
    assert [r["step"] for r in one] == [r["step"] for r in other] == list(range(1, STEPS + 1))
    for a, b in zip(one, other, strict=True):
        assert ("sft_loss" in a) == ("sft_loss" in b), a["step"]  # the same SFT decisions
        for key in TRAIN_KEYS + (["sft_loss", "sft_grad_norm"] if "sft_loss" in a else []):
            assert b[key] == pytest.approx(a[key], rel=1e-4, abs=1e-6), (a["step"], key)
    assert sum("sft_loss" in r for r in one) >= 2  # the run did exercise SFT
    assert any(0 < r["solve_none_rate"] < 1 and r["rl_loss"] != 0 for r in one)
    evals_one, evals_two = records(runs["p1"], "eval"), records(runs[two], "eval")
    assert [e["step"] for e in evals_one] == [2, 4]
    for a, b in zip(evals_one, evals_two, strict=True):
        assert b["accuracy"] == a["accuracy"] and b["resp_len_mean"] == a["resp_len_mean"]


@TWO
def test_every_step_leaves_the_same_buffer_and_weights(runs: dict[str, Path], two: str) -> None:
    for step in range(1, STEPS + 1):
        a, b = (runs[p] / "ckpt" / f"checkpoint-{step}" for p in ("p1", two))
        assert (a / "buffer.bin").read_bytes() == (b / "buffer.bin").read_bytes(), step
        assert_close_weights(a, b)


@TWO
def test_every_process_holds_the_same_buffer_and_counters(runs: dict[str, Path], two: str) -> None:
    one = json.loads((runs["p1"] / "state" / "rank0.json").read_text())
    ranks = [json.loads((runs[two] / "state" / f"rank{r}.json").read_text()) for r in (0, 1)]
    assert [(s["world_size"], s["strategy"]) for s in ranks] == [(2, two)] * 2
    assert one["strategy"] == "none"
    for state in ranks:
        for key in ("global_step", "sft_steps", "demos_used", "buffer"):
            assert state[key] == one[key], key
    # DDP keeps identical replicas, FSDP2 one set of shards: the same weights bit for bit
    assert ranks[0]["weight_sums"] == ranks[1]["weight_sums"]


@TWO
def test_checkpoints_load_with_from_pretrained(runs: dict[str, Path], two: str) -> None:
    final = runs[two] / "ckpt" / f"checkpoint-{STEPS}"
    model = AutoModelForCausalLM.from_pretrained(final, local_files_only=True)
    saved = weights(final)
    for name, tensor in model.state_dict().items():
        if name in saved:
            assert torch.equal(tensor, saved[name]), name


@pytest.mark.parametrize(
    ("first", "then"),
    [((2, "fsdp"), (1, "ddp")), ((1, "ddp"), (2, "fsdp")), ((2, "ddp"), (1, "ddp"))],
)
def test_a_checkpoint_resumes_on_another_number_of_processes(
    tiny: Path,
    runs: dict[str, Path],
    tmp_path: Path,
    first: tuple[int, str],
    then: tuple[int, str],
) -> None:
    """Two steps on ``first`` (processes, strategy), two more resumed on ``then``: the same
    run as four uninterrupted steps on one process."""
    run = tmp_path / "resumed"
    launch(write_config(tiny, run, 2, first[1]), run / "first", processes=first[0])
    launch(write_config(tiny, run, STEPS, then[1]), run / "state", processes=then[0], resume=True)
    final = run / "ckpt" / f"checkpoint-{STEPS}"
    reference = runs["p1"] / "ckpt" / f"checkpoint-{STEPS}"
    assert (final / "buffer.bin").read_bytes() == (reference / "buffer.bin").read_bytes()
    assert_close_weights(final, reference)
    resumed = {r["step"]: r for r in records(run, "train")}
    for r in records(runs["p1"], "train"):
        assert resumed[r["step"]]["rl_loss"] == pytest.approx(r["rl_loss"], rel=1e-4, abs=1e-6)


def test_sharing_keeps_a_prompts_rollouts_together_and_interleaves_back() -> None:
    np = pytest.importorskip("numpy")
    from relift.distributed import World

    prompts = list(range(8))
    shares = [World(rank=r, size=2).share(prompts) for r in (0, 1)]
    assert shares == [[0, 2, 4, 6], [1, 3, 5, 7]]
    assert World(rank=0, size=2).interleave(shares) == prompts
    rows = np.arange(16)  # 8 prompts x 2 rollouts
    assert World(rank=1, size=2).share_rows(rows, 2).tolist() == [2, 3, 6, 7, 10, 11, 14, 15]
    # each process's share of mini-batch i (prompts 4i..4i+3) is a slice of its own rows
    assert [p for p in shares[1] if p < 4] == shares[1][:2]
    alone = World()
    assert alone.share(prompts) == prompts and alone.gather(3) == [3]
    assert alone.sum({"a": 1.0, "b": 2.0}, frozenset({"b"})) == {"a": 1.0, "b": 2.0}


@pytest.mark.parametrize(
    ("overrides", "strategy", "message"),
    [
        ({"schedule": {"prompts_per_step": 6}}, "ddp", r"multiple of processes x rl.mini_batc"),
        ({"sft": {"trigger_size": 1}}, "ddp", r"sft.trigger_size: 1 demonstrations cannot be"),
        ({"mode": "sft", "schedule": {"prompts_per_step": 1}}, "ddp", r"prompts_per_step: 1 "),
        ({"rl": {"kl_coef": 0.1}}, "fsdp", r"rl.kl_coef > 0 needs a frozen reference copy"),
        ({"rollout": {"generation_batch_size": 4}}, "fsdp", r"the same number of generate"),
    ],
)
def test_settings_several_processes_cannot_take_are_config_errors(
    overrides: dict[str, Any], strategy: str, message: str
) -> None:
    from relift.config import Config
    from relift.distributed import World
    from relift.errors import ConfigError
    from relift.trainer_setup import check_world

    raw: dict[str, Any] = {"rl": {"mini_batches": 2}, "schedule": {"prompts_per_step": 8}}
    for key, value in overrides.items():
        raw[key] = raw.get(key, {}) | value if isinstance(value, dict) else value
    config = Config.model_validate(raw)
    with pytest.raises(ConfigError, match=message):
        check_world(config, World(rank=0, size=2), strategy)
    check_world(config, World(), "none")  # one process shares nothing
