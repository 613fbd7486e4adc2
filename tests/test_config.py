"""relift.config: defaults, shipped configs, YAML loading, overrides and error messages."""

from __future__ import annotations

from pathlib import Path

import pydantic
import pytest
from relift.config import Config, ConfigError, DataConfig, apply_overrides, load_config
from relift.errors import InvalidInputError

CONFIGS = sorted((Path(__file__).resolve().parent.parent / "configs").glob("*.yaml"))


def write(tmp_path: Path, text: str, name: str = "run.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(*args: object, **kwargs: object) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(*args, **kwargs)  # type: ignore[arg-type]
    return str(info.value)


# ---------------------------------------------------------------------------- defaults


def test_defaults_are_the_reference_v1_settings() -> None:
    cfg = load_config()
    assert cfg.mode == "relift"
    assert (cfg.schedule.prompts_per_step, cfg.rollout.n) == (128, 8)
    assert (cfg.rollout.temperature, cfg.rollout.top_p, cfg.rollout.max_new_tokens) == (
        1.0,
        1.0,
        8192,
    )
    assert (cfg.data.max_prompt_tokens, cfg.data.max_demonstration_tokens) == (1024, 8192)
    rl = cfg.rl
    assert (rl.lr, rl.betas, rl.weight_decay, rl.grad_clip) == (1e-6, (0.9, 0.999), 0.01, 0.7)
    assert (rl.clipping, rl.aggregation, cfg.constant_length) == ("off", "constant", 8192)
    assert (rl.entropy_coef, rl.kl_coef, rl.mini_batches) == (0.001, 0.0, 2)
    assert (rl.advantage.baseline, rl.advantage.scale) == ("mean", "none")
    assert not rl.overlong_penalty.enable
    sft = cfg.sft
    assert (sft.trigger_size, sft.steps_per_trigger, sft.lr, sft.grad_clip) == (128, 1, 1e-6, 1.0)
    assert sft.entropy_coef == 0.001
    assert (sft.buffer.capacity, sft.buffer.order, sft.buffer.dedup) == (
        None,
        "newest_first",
        False,
    )
    assert (cfg.schedule.epochs, cfg.schedule.eval_every) == (3, 10)
    assert (cfg.rollout.eval.temperature, cfg.rollout.eval.n) == (0.6, 1)
    assert cfg.model.trust_remote_code is False
    assert cfg.data.schema_ == "openr1" and cfg.data.on_bad_row == "error"


def test_config_is_immutable() -> None:
    cfg = load_config()
    with pytest.raises(pydantic.ValidationError):
        cfg.rl.lr = 1.0  # type: ignore[misc]


def test_field_paths_follow_the_schema_and_the_mapping() -> None:
    assert DataConfig().field_paths["answer"] == "reward_model.ground_truth"
    qa = DataConfig.model_validate({"schema": "qa", "fields": {"prompt": "problem"}})
    assert qa.field_paths == {
        "prompt": "problem",
        "answer": "answer",
        "demonstration": "solution",
        "data_source": "data_source",
    }


# ---------------------------------------------------------------------------- shipped configs


def test_configs_are_shipped() -> None:
    names = {p.name for p in CONFIGS}
    assert names >= {
        "relift_qwen2.5_math_7b.yaml",
        "relift_qwen2.5_math_1.5b.yaml",
        "relift_v2_reference.yaml",
        "rl_only_qwen2.5_math_7b.yaml",
        "tiny_cpu.yaml",
    }


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.name)
def test_every_shipped_config_loads_and_round_trips(path: Path) -> None:
    cfg = load_config(path)
    assert Config.from_yaml(cfg.to_yaml()) == cfg


def configs_dir() -> Path:
    return CONFIGS[0].parent


def test_v1_configs_are_the_reference_v1_setting() -> None:
    for size in ("7b", "1.5b"):
        cfg = load_config(configs_dir() / f"relift_qwen2.5_math_{size}.yaml")
        defaults = load_config(
            None,
            [
                f"model.name_or_path={cfg.model.name_or_path}",
                "model.dtype=bfloat16",
                "rollout.engine=vllm",
                "rl.constant_length=8192",
                "rl.constant_divisor_seqs=8",  # the reference's scale (8 GPUs), not Dr.GRPO's
                "rl.micro_batch_tokens=32768",  # a GPU budget: the default is per device
            ],
        )
        # Every training setting equals the defaults (= reference v1); only paths and the GPU
        # memory split with vLLM (not a training setting) differ.
        assert (
            cfg.rollout.vllm.gpu_memory_utilization != defaults.rollout.vllm.gpu_memory_utilization
        )
        rollout = cfg.rollout.model_copy(update={"vllm": defaults.rollout.vllm})
        assert rollout == defaults.rollout, size
        for section in ("model", "rl", "sft", "schedule"):
            assert getattr(cfg, section) == getattr(defaults, section), (size, section)
        assert cfg.data.model_copy(update={"train_files": [], "eval_files": []}) == defaults.data
        assert size in cfg.model.name_or_path.lower()  # type: ignore[union-attr]


def test_v2_reference_config() -> None:
    cfg = load_config(configs_dir() / "relift_v2_reference.yaml")
    rl, sft = cfg.rl, cfg.sft
    assert (rl.clipping, rl.clip_low, rl.clip_high) == ("higher", 0.2, 0.28)
    assert (rl.aggregation, rl.entropy_coef, rl.grad_clip) == ("token_mean", 0.0, 0.5)
    assert (sft.trigger_size, sft.grad_clip, sft.entropy_coef) == (64, 0.5, 0.0)
    assert cfg.rollout.max_new_tokens == cfg.data.max_demonstration_tokens == 10240
    penalty = rl.overlong_penalty
    assert (penalty.enable, penalty.buffer_length, penalty.penalty_factor) == (True, 4096, 1.0)


def test_rl_only_and_tiny_configs() -> None:
    rl_only = load_config(configs_dir() / "rl_only_qwen2.5_math_7b.yaml")
    assert (rl_only.mode, rl_only.rl.clipping, rl_only.rl.clip_low) == ("rl", "symmetric", 0.2)
    assert rl_only.rl.constant_divisor_seqs == 8
    tiny = load_config(configs_dir() / "tiny_cpu.yaml")
    assert (tiny.schedule.prompts_per_step, tiny.rollout.n, tiny.rollout.max_new_tokens) == (
        8,
        4,
        48,
    )
    assert (tiny.sft.trigger_size, tiny.schedule.max_steps, tiny.rollout.engine) == (8, 20, "hf")


# ---------------------------------------------------------------------------- YAML


def test_yaml_uses_yaml_1_2_scalars(tmp_path: Path) -> None:
    path = write(tmp_path, "rl:\n  clipping: off\n  lr: 2e-6\n  clip_low: .1\nsft:\n  lr: 3E-7\n")
    cfg = load_config(path)
    assert cfg.rl.clipping == "off"
    assert (cfg.rl.lr, cfg.rl.clip_low, cfg.sft.lr) == (2e-6, 0.1, 3e-7)


def test_empty_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "")) == Config()
    assert load_config(write(tmp_path, "# only a comment\n")) == Config()


def test_unreadable_or_malformed_files(tmp_path: Path) -> None:
    assert "cannot read config file" in error_of(tmp_path / "nope.yaml")
    assert "not valid YAML" in error_of(write(tmp_path, "rl: [unclosed\n"))
    assert "must be a mapping" in error_of(write(tmp_path, "- 1\n- 2\n"))


def test_non_utf8_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("rl:\n  lr: 1.0e-6\n  # café\n".encode("latin-1"))
    msg = error_of(path)
    assert "latin1.yaml:3: not UTF-8" in msg and "re-encode the file as UTF-8" in msg


def test_duplicate_keys_are_errors(tmp_path: Path) -> None:
    msg = error_of(write(tmp_path, "rl:\n  lr: 1.0e-6\n  n: 1\n  lr: 2.0e-6\n"))
    assert "run.yaml:4: duplicate key 'rl.lr' (first at line 2)" in msg


# ---------------------------------------------------------------------------- error messages


def test_unknown_key_in_file_names_file_line_and_suggests(tmp_path: Path) -> None:
    path = write(tmp_path, "mode: relift\nrl:\n  lr: 1.0e-6\n  entropy_coeff: 0.001\n")
    msg = error_of(path)
    assert f"{path}:4: unknown key 'rl.entropy_coeff' (did you mean 'rl.entropy_coef'?)" in msg


def test_key_in_the_wrong_section_suggests_where_it_lives(tmp_path: Path) -> None:
    msg = error_of(write(tmp_path, "trigger_size: 64\n"))
    assert "run.yaml:1: unknown key 'trigger_size' (did you mean 'sft.trigger_size'?)" in msg
    msg = error_of(write(tmp_path, "lr: 1\n"))
    assert "(did you mean 'rl.lr' or 'sft.lr'?)" in msg
    msg = error_of(write(tmp_path, "rll:\n  lr: 1\n"))
    assert "unknown key 'rll' (did you mean 'rl'?)" in msg


def test_bad_value_names_file_line_key_and_value(tmp_path: Path) -> None:
    path = write(tmp_path, "rollout:\n  n: 8\n  temperature: hot\nrl:\n  clipping: sometimes\n")
    msg = error_of(path)
    assert "invalid configuration (2 problems)" in msg
    assert f"{path}:3: rollout.temperature: Input should be a valid number" in msg
    assert "(got 'hot')" in msg
    assert f"{path}:5: rl.clipping: Input should be 'off', 'symmetric' or 'higher'" in msg


def test_list_items_are_located(tmp_path: Path) -> None:
    msg = error_of(write(tmp_path, "logging:\n  report_to:\n    - jsonl\n    - mlflow\n"))
    assert "run.yaml:4: logging.report_to[1]: Input should be" in msg


def test_config_errors_are_value_errors() -> None:
    with pytest.raises(ValueError):
        load_config(None, ["rl.lr=-1"])
    assert issubclass(ConfigError, InvalidInputError)


# ---------------------------------------------------------------------------- overrides


def test_overrides_parse_yaml_scalars() -> None:
    cfg = load_config(
        None,
        [
            "rl.lr=2e-6",
            "mode=rl",
            "rollout.n=16",
            "model.gradient_checkpointing=false",
            "rl.clipping=off",
            "schedule.max_steps=null",
            "logging.report_to=[jsonl, tensorboard]",
            "data.system_prompt=Answer: 42",
            "data.train_files=[a.jsonl, b.parquet]",
            "rl.advantage={scale: group}",
        ],
    )
    assert (cfg.rl.lr, cfg.mode, cfg.rollout.n) == (2e-6, "rl", 16)
    assert cfg.model.gradient_checkpointing is False
    assert cfg.rl.clipping == "off" and cfg.schedule.max_steps is None
    assert cfg.logging.report_to == ["jsonl", "tensorboard"]
    assert cfg.data.system_prompt == "Answer: 42"
    assert cfg.data.train_files == ["a.jsonl", "b.parquet"]
    assert (cfg.rl.advantage.baseline, cfg.rl.advantage.scale) == ("mean", "group")


def test_overrides_apply_on_top_of_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, "rl:\n  lr: 1.0e-6\n  grad_clip: 0.5\n")
    cfg = load_config(path, ["rl.lr=3e-6"])
    assert (cfg.rl.lr, cfg.rl.grad_clip) == (3e-6, 0.5)


def test_apply_overrides_returns_a_new_config() -> None:
    base = load_config()
    new = apply_overrides(base, ["rl.lr=2e-6", "mode=rl"])
    assert (new.rl.lr, new.mode) == (2e-6, "rl")
    assert (base.rl.lr, base.mode) == (1e-6, "relift")
    assert apply_overrides(new, []) == new


def test_override_errors_name_the_override(tmp_path: Path) -> None:
    msg = error_of(None, ["rl.lrate=1e-6"])
    assert "override 'rl.lrate=1e-6': unknown key 'rl.lrate' (did you mean 'rl.lr'?)" in msg
    msg = error_of(write(tmp_path, "rl:\n  lr: 1.0e-6\n"), ["rl.lr=fast"])
    assert "override 'rl.lr=fast': rl.lr: Input should be a valid number" in msg
    assert "expected KEY=VALUE" in error_of(None, ["rl.lr"])
    assert "expected KEY=VALUE" in error_of(None, ["rl..lr=1"])
    assert "'rl.lr' is a setting, not a section" in error_of(None, ["rl.lr.x=1"])
    assert "list of KEY=VALUE" in error_of(None, "rl.lr=1")


# ---------------------------------------------------------------------------- cross-field checks


def test_clip_higher_needs_high_above_low(tmp_path: Path) -> None:
    path = write(tmp_path, "rl:\n  clipping: higher\n  clip_low: 0.2\n  clip_high: 0.2\n")
    msg = error_of(path)
    assert f"{path}:4: rl.clip_high: must be greater than rl.clip_low (0.2)" in msg
    assert load_config(None, ["rl.clipping=symmetric", "rl.clip_high=0.1"]).rl.clip_high == 0.1


def test_rl_modes_need_groups_of_rollouts() -> None:
    for mode in ("relift", "rl"):
        msg = error_of(None, [f"mode={mode}", "rollout.n=1"])
        assert "rollout.n: must be >= 2 in mode" in msg
    assert load_config(None, ["mode=sft", "rollout.n=1"]).rollout.n == 1


def test_cross_field_limits() -> None:
    msg = error_of(None, ["rl.mini_batches=3"])
    assert "rl.mini_batches: must divide schedule.prompts_per_step (128), got 3" in msg
    msg = error_of(None, ["rl.micro_batch_tokens=4096"])
    assert "rl.micro_batch_tokens: must hold one prompt plus response" in msg
    assert "rl.micro_batch_tokens: must hold one prompt plus demonstration" in msg
    msg = error_of(None, ["rl.overlong_penalty.enable=true", "rollout.max_new_tokens=4096"])
    assert "rl.overlong_penalty.buffer_length: must be smaller than" in msg
    msg = error_of(None, ["sft.buffer.capacity=64"])
    assert "sft.buffer.capacity: must be >= sft.trigger_size (128)" in msg
    assert load_config(None, ["mode=rl", "sft.buffer.capacity=64"]).mode == "rl"
    msg = error_of(None, ["logging.report_to=[jsonl, jsonl]"])
    assert "logging.report_to: lists 'jsonl' twice" in msg


def test_cross_field_problem_is_located_in_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "mode: rl\nrollout:\n  n: 1\n")
    assert f"{path}:3: rollout.n: must be >= 2 in mode 'rl'" in error_of(path)


def test_constant_length_defaults_to_max_new_tokens() -> None:
    assert load_config(None, ["rollout.max_new_tokens=512"]).constant_length == 512
    cfg = load_config(None, ["rollout.max_new_tokens=512", "rl.constant_length=100"])
    assert cfg.constant_length == 100


def test_constant_divisor_seqs_needs_constant_aggregation() -> None:
    assert load_config().rl.constant_divisor_seqs is None  # Dr.GRPO's mini-batch count
    assert load_config(None, ["rl.constant_divisor_seqs=8"]).rl.constant_divisor_seqs == 8
    msg = error_of(None, ["rl.aggregation=token_mean", "rl.constant_divisor_seqs=8"])
    assert "rl.constant_divisor_seqs: applies to rl.aggregation 'constant' only" in msg
    assert "rl.constant_divisor_seqs" in error_of(None, ["rl.constant_divisor_seqs=0"])


def test_old_logprobs_are_recomputed_only_when_needed_by_default() -> None:
    assert load_config().rl.recompute_old_logprobs == "auto"
    always = load_config(None, ["rl.recompute_old_logprobs=always"])
    assert always.rl.recompute_old_logprobs == "always"
    assert "rl.recompute_old_logprobs" in error_of(None, ["rl.recompute_old_logprobs=never"])


def test_micro_batch_tokens_default_depends_on_the_device() -> None:
    short = ["data.max_prompt_tokens=256", "rollout.max_new_tokens=512"]
    cfg = load_config(None, [*short, "data.max_demonstration_tokens=512"])
    assert cfg.rl.micro_batch_tokens is None
    assert (cfg.micro_batch_tokens_on("cpu"), cfg.micro_batch_tokens_on("cuda")) == (1024, 32768)
    # never below the longest sequence: the defaults allow 1024 + 8192 tokens
    assert load_config().micro_batch_tokens_on("cpu") == 1024 + 8192
    fixed = load_config(None, ["rl.micro_batch_tokens=20000"])
    assert fixed.micro_batch_tokens_on("cpu") == fixed.micro_batch_tokens_on("cuda") == 20000
