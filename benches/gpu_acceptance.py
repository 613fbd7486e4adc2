"""The Python half of ``benches/gpu_acceptance.sh``: probing the machine, building the run's
model and data, judging each stage from its exit status and its files, and assembling one JSON.

    python benches/gpu_acceptance.py probe    --workdir W
    python benches/gpu_acceptance.py needs    --workdir W STAGE
    python benches/gpu_acceptance.py prepare  --workdir W
    python benches/gpu_acceptance.py record   --workdir W --stage NAME --budget S --command CMD
                                              (--rc N --seconds X | --skip REASON [--requested])
                                              [--log FILE] [--artifact FILE] [--steps N]
    python benches/gpu_acceptance.py assemble --workdir W --output FILE --stages a,b,c

Only the standard library at import time: ``probe`` and ``needs`` must work where torch, vLLM or
relift are missing (that is what they report), and ``record`` / ``assemble`` read files only.
``prepare`` imports relift's testing builders (torch, transformers).

A stage's record (``W/stages/NAME.json``) holds its status (``passed`` / ``failed`` /
``skipped``), the reason, its duration and budget, the command, its log, and what the stage
measured. ``assemble`` puts the records, the machine's description (``W/env.json``) and a summary
of the figures into one JSON file. Its exit status is the run's: 0 every stage passed (or was
skipped on request: ``--no-install``, ``--skip``); 1 a stage failed; 3 none failed, but a stage
could not run here (no CUDA GPU, no vLLM, ...), so the run accepts nothing.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import importlib.util
import json
import math
import os
import platform
import shutil
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

#: Modules each stage needs, beyond a working Python (``cuda``: a CUDA GPU visible to torch).
NEEDS: dict[str, tuple[str, ...]] = {
    "install": (),
    "prepare": ("relift", "torch", "transformers", "tokenizers"),
    "gpu-tests": ("relift", "torch", "pytest", "pytest_timeout"),
    "generation": ("cuda", "vllm", "relift", "torch", "transformers"),
    "train": ("cuda", "vllm", "relift", "torch", "transformers", "pydantic", "yaml"),
    # The same run with transformers rollouts: the trainer on CUDA where vLLM is absent.
    "train-hf": ("cuda", "relift", "torch", "transformers", "pydantic", "yaml"),
}
#: Stages that use what an earlier stage made.
AFTER: dict[str, str] = {"generation": "prepare", "train": "prepare", "train-hf": "prepare"}
MODULES = (
    "torch",
    "transformers",
    "tokenizers",
    "pydantic",
    "yaml",
    "vllm",
    "pytest",
    "pytest_timeout",
)
#: Distribution names whose versions the report gives.
DISTRIBUTIONS = ("relift", "torch", "vllm", "transformers", "pytest")
#: Metrics the train stage must find in the last step's record.
TRAIN_REQUIRED = ("logprob_mismatch_mean", "logprob_mismatch_max", "rl_loss", "reward_mean")
LOG_TAIL_LINES = 25


# ---- files ----------------------------------------------------------------------------------


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def json_safe(value: Any) -> Any:
    """``value`` with every non-finite float as a string (``"nan"``, ``"inf"``): strict JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


def write_json(path: Path, record: Any) -> None:
    """Write strict JSON atomically, so a run stopped mid-write leaves the previous version."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(
        json.dumps(json_safe(record), indent=1, allow_nan=False) + "\n", encoding="utf-8"
    )
    os.replace(tmp, path)


def log_tail(path: Path | None, lines: int = LOG_TAIL_LINES) -> list[str]:
    if path is None:
        return []
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return text.splitlines()[-lines:]


# ---- probe: what this machine has -------------------------------------------------------------


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def probe() -> dict[str, Any]:
    """The machine and the installed stack; never raises (a missing piece is a finding)."""
    env: dict[str, Any] = {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "host": socket.gethostname(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "executable": sys.executable,
        "cpus": os.cpu_count(),
        "modules": {name: importlib.util.find_spec(name) is not None for name in MODULES},
        "versions": {dist: _version(dist) for dist in DISTRIBUTIONS},
        "cuda": False,
        "gpu": None,
        "gpu_count": 0,
    }
    try:
        import relift

        env["modules"]["relift"] = True
        env["versions"]["relift"] = relift.__version__
        env["relift_path"] = str(Path(relift.__file__).parent)
    except Exception as exc:  # not installed, or its compiled core missing
        env["modules"]["relift"] = False
        env["relift_error"] = f"{type(exc).__name__}: {exc}"
    if env["modules"]["torch"]:
        try:
            import torch

            env["versions"]["torch"] = torch.__version__
            env["torch_cuda"] = torch.version.cuda
            env["cuda"] = bool(torch.cuda.is_available())
            if env["cuda"]:
                env["gpu_count"] = torch.cuda.device_count()
                env["gpu"] = torch.cuda.get_device_name(0)
                env["bf16"] = bool(torch.cuda.is_bf16_supported())
                _, total = torch.cuda.mem_get_info()
                env["gpu_memory_gib"] = round(total / 2**30, 1)
        except Exception as exc:
            env["torch_error"] = f"{type(exc).__name__}: {exc}"
    if env["gpu"] is None and shutil.which("nvidia-smi"):
        try:
            out = subprocess.run(
                ["nvidia-smi", "--query-gpu=name,driver_version", "--format=csv,noheader"],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            if out.returncode == 0 and out.stdout.strip():
                env["nvidia_smi"] = out.stdout.strip().splitlines()
                env["gpu"] = env["nvidia_smi"][0].split(",")[0].strip()
        except (OSError, subprocess.SubprocessError):
            pass
    return env


def missing_for(stage: str, env: Mapping[str, Any], stages: Mapping[str, Any]) -> str | None:
    """Why ``stage`` cannot run with ``env`` (and the earlier stages' records), or None."""
    missing = []
    for need in NEEDS.get(stage, ()):
        if need == "cuda":
            if not env.get("cuda"):
                missing.append("a CUDA GPU visible to torch")
        elif not env.get("modules", {}).get(need):
            if need == "relift":
                why = env.get("relift_error", "not importable")
                missing.append(f"relift ({why})")
            else:
                missing.append(f"the Python package {need!r}")
    before = AFTER.get(stage)
    if before is not None:
        status = (stages.get(before) or {}).get("status")
        if status != "passed":
            missing.append(f"the {before} stage ({status or 'not run'})")
    return "needs " + ", ".join(missing) if missing else None


# ---- prepare: the run's model and data ----------------------------------------------------------


def prepare(workdir: Path) -> dict[str, str]:
    """Build, with relift's own builders (no hub): the train stage's tiny Qwen2, the generation
    bench's bigger one (both head size 64, which every vLLM attention backend takes) and a tiny
    dataset of the testbed's addition task."""
    from relift.testbed.model import build_tokenizer
    from relift.testbed.task import task_rows
    from relift.testing import build_tiny_model

    made = {}
    tokenizer = build_tokenizer()
    sizes = {
        "model-train": {"hidden_size": 128, "intermediate_size": 512, "num_layers": 4},
        "model-bench": {"hidden_size": 512, "intermediate_size": 1536, "num_layers": 8},
    }
    for name, size in sizes.items():
        heads = size["hidden_size"] // 64
        model = build_tiny_model(
            tokenizer,
            **size,
            num_heads=heads,
            num_kv_heads=min(heads, 2),
            max_positions=512,
            initializer_range=0.1 if name == "model-train" else 0.02,
            seed=0,
        )
        folder = workdir / name
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)
        params = sum(p.numel() for p in model.parameters())
        made[name] = f"{folder} ({params / 1e6:.2f}M parameters)"
    train = task_rows({"d2": 32, "d3": 32}, seed=0)
    held_out = task_rows({"d2": 8, "d3": 8}, seed=1, exclude={r["question"] for r in train})
    (workdir / "data").mkdir(parents=True, exist_ok=True)
    for name, rows in (("train", train), ("eval", held_out)):
        path = workdir / "data" / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        made[name] = f"{path} ({len(rows)} rows)"
    return made


# ---- record: one stage's outcome ----------------------------------------------------------------


def junit_summary(path: Path) -> dict[str, Any] | None:
    """Counts and per-test outcomes of a pytest ``--junitxml`` file (None if unreadable)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return None
    counts = {"passed": 0, "failed": 0, "errors": 0, "skipped": 0}
    tests: list[dict[str, str]] = []
    for case in root.iter("testcase"):
        name = f"{case.get('classname', '')}::{case.get('name', '')}".strip(":")
        outcome, message = "passed", ""
        for child in case:
            if child.tag in ("failure", "error", "skipped"):
                outcome = {"failure": "failed", "error": "errors", "skipped": "skipped"}[child.tag]
                message = child.get("message", "") or (child.text or "").strip()[:300]
                break
        if outcome == "errors" and any(c.tag == "failure" for c in case):
            outcome = "failed"
        counts[outcome] += 1
        entry = {"test": name, "outcome": "error" if outcome == "errors" else outcome}
        if message:
            entry["message"] = message
        tests.append(entry)
    return {"counts": counts, "tests": tests}


def judge_pytest(rc: int, artifact: Path | None) -> tuple[str, str, dict[str, Any]]:
    summary = junit_summary(artifact) if artifact else None
    if summary is None:
        return "failed", f"pytest exited {rc} and wrote no readable JUnit XML", {}
    counts = summary["counts"]
    results = {"pytest": counts, "tests": summary["tests"]}
    bad = [t["test"] for t in summary["tests"] if t["outcome"] in ("failed", "error")]
    if rc == 5 or not summary["tests"]:
        return "failed", "no GPU test was collected (pytest -m gpu)", results
    if bad or rc != 0:
        names = ", ".join(bad[:8]) + (" ..." if len(bad) > 8 else "")
        return "failed", f"pytest exited {rc}; failed or errored: {names or 'none listed'}", results
    if counts["passed"] == 0:
        reasons = sorted({t.get("message", "") for t in summary["tests"]} - {""})
        return "skipped", f"every GPU test skipped: {'; '.join(reasons)}", results
    note = f"{counts['passed']} passed"
    if counts["skipped"]:
        reasons = sorted(
            {t.get("message", "") for t in summary["tests"] if t["outcome"] == "skipped"}
        )
        note += f", {counts['skipped']} skipped ({'; '.join(reasons)})"
    return "passed", note, results


def judge_generation(rc: int, artifact: Path | None) -> tuple[str, str, dict[str, Any]]:
    bench = read_json(artifact) if artifact else None
    if not isinstance(bench, dict):
        return "failed", f"the bench exited {rc} and wrote no figures", {}
    if bench.get("status") == "skipped":
        return "skipped", f"the bench could not run: {bench.get('reason')}", {}
    contenders = bench.get("contenders", {})
    ratio = bench.get("ratios", {}).get("relift_vllm_over_bare_vllm")
    results = {
        "relift_tokens_per_s": contenders.get("relift VLLMEngine", {}).get("tokens_per_s"),
        "bare_vllm_tokens_per_s": contenders.get("bare vLLM", {}).get("tokens_per_s"),
        "ratio": ratio,
        "target_ratio": bench.get("settings", {}).get("min_ratio"),
        "bench": bench,
    }
    if rc != 0:
        problems = "; ".join(bench.get("problems", [])) or "no problem listed"
        return "failed", f"the bench exited {rc}: {problems}", results
    if ratio is None:
        return "passed", "no bare-vLLM ratio (the bench ran without --baseline vllm)", results
    return "passed", f"relift at {ratio:.3f}x bare vLLM's tokens/s", results


def _finite(value: Any) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def judge_train(
    rc: int, artifact: Path | None, steps: int | None
) -> tuple[str, str, dict[str, Any]]:
    records = []
    if artifact is not None and artifact.exists():
        for line in artifact.read_text(encoding="utf-8").splitlines():
            try:
                records.append(json.loads(line))
            except ValueError:  # a torn last line
                continue
    train = [r for r in records if r.get("phase") == "train"]
    evals = [r for r in records if r.get("phase") == "eval"]
    results: dict[str, Any] = {
        "steps": train[-1]["step"] if train else 0,
        "last_metrics": train[-1] if train else None,
        "last_eval": evals[-1] if evals else None,
    }
    if rc != 0:
        return "failed", f"relift train exited {rc} after {results['steps']} steps", results
    problems = []
    if steps is not None and results["steps"] != steps:
        problems.append(f"{results['steps']} steps logged, not {steps}")
    if train:
        absent = [k for k in TRAIN_REQUIRED if k not in train[-1]]
        if absent:
            problems.append(f"the last step lacks {', '.join(absent)}")
    else:
        problems.append(f"no train record in {artifact}")
    bad = sorted({k for r in records for k, v in r.items() if not _finite(v)})
    if bad:
        problems.append(f"non-finite metrics: {', '.join(bad)}")
    if problems:
        return "failed", "; ".join(problems), results
    last = train[-1]
    reason = (
        f"{results['steps']} steps, finite metrics; logprob_mismatch_mean "
        f"{last['logprob_mismatch_mean']:.3g}, max {last['logprob_mismatch_max']:.3g}"
    )
    return "passed", reason, results


def judge(
    stage: str, rc: int, artifact: Path | None = None, steps: int | None = None
) -> tuple[str, str, dict[str, Any]]:
    """(status, reason, results) of a stage that ran and exited ``rc``."""
    if rc in (124, 137):
        status, reason, results = "failed", "stopped at its time budget", {}
        if stage == "gpu-tests":  # what finished before the stop still counts
            results = judge_pytest(rc, artifact)[2]
        return status, reason, results
    if stage == "gpu-tests":
        return judge_pytest(rc, artifact)
    if stage == "generation":
        return judge_generation(rc, artifact)
    if stage in ("train", "train-hf"):
        return judge_train(rc, artifact, steps)
    return ("passed", "", {}) if rc == 0 else ("failed", f"exited {rc}", {})


def stage_record(
    stage: str,
    *,
    budget: int,
    command: str,
    rc: int | None = None,
    seconds: float | None = None,
    skip: str | None = None,
    requested: bool = False,
    log: Path | None = None,
    artifact: Path | None = None,
    steps: int | None = None,
) -> dict[str, Any]:
    """One stage's record: run (``rc``, ``seconds``) or skipped (``skip``, ``requested``)."""
    record: dict[str, Any] = {"stage": stage, "budget_s": budget, "command": command}
    if skip is not None:
        record |= {"status": "skipped", "reason": skip, "requested": requested, "seconds": 0.0}
        return record
    if rc is None:
        raise ValueError("a stage that ran needs its exit status")
    status, reason, results = judge(stage, rc, artifact, steps)
    record |= {"status": status, "reason": reason, "exit_code": rc, "seconds": seconds}
    if log is not None:
        record["log"] = str(log)
        if status == "failed":
            record["log_tail"] = log_tail(log)
    if results:
        record["results"] = results
    return record


# ---- assemble: the run's JSON -----------------------------------------------------------------


def outcome(stages: Sequence[Mapping[str, Any]]) -> tuple[str, int]:
    """The run's verdict and exit status from its stage records (see the module docstring)."""
    statuses = [s.get("status") for s in stages]
    if "failed" in statuses:
        return "failed", 1
    if "not run" in statuses:
        return "incomplete", 1
    if any(s.get("status") == "skipped" and not s.get("requested") for s in stages):
        return "not accepted: some stages could not run here", 3
    return "passed", 0


def summary(stages: Mapping[str, Mapping[str, Any]], env: Mapping[str, Any]) -> dict[str, Any]:
    """The figures a reader wants first, lifted out of the stage records."""
    results = {name: s.get("results", {}) for name, s in stages.items()}
    gen = results.get("generation", {})
    train = results.get("train", {})
    train_hf = results.get("train-hf", {})
    return {
        "gpu": env.get("gpu"),
        "versions": env.get("versions", {}),
        "stages": {name: s.get("status") for name, s in stages.items()},
        "pytest": results.get("gpu-tests", {}).get("pytest"),
        "generation": {
            k: gen.get(k)
            for k in ("relift_tokens_per_s", "bare_vllm_tokens_per_s", "ratio", "target_ratio")
        },
        "train": {
            "steps": train.get("steps"),
            "last_metrics": train.get("last_metrics"),
        },
        "train_hf": {
            "steps": train_hf.get("steps"),
            "last_metrics": train_hf.get("last_metrics"),
        },
    }


def assemble(
    workdir: Path, stage_names: Sequence[str], extra: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The run's JSON from ``W/env.json`` and ``W/stages/*.json``; a planned stage with no
    record yet is ``not run`` (the script was stopped before it)."""
    env = read_json(workdir / "env.json") or {}
    stages: dict[str, dict[str, Any]] = {}
    for name in stage_names:
        record = read_json(workdir / "stages" / f"{name}.json")
        stages[name] = record if isinstance(record, dict) else {"stage": name, "status": "not run"}
    verdict, code = outcome(list(stages.values()))
    return {
        "schema": 1,
        "outcome": verdict,
        "exit_code": code,
        **(dict(extra) if extra else {}),
        "summary": summary(stages, env),
        "environment": env,
        "stages": list(stages.values()),
    }


def print_table(run: Mapping[str, Any]) -> None:
    print(f"\nGPU acceptance: {run['outcome']} (exit {run['exit_code']})")
    for s in run["stages"]:
        secs = s.get("seconds")
        took = f"{secs:7.1f} s" if isinstance(secs, (int, float)) else "        "
        print(f"  {s['stage']:<11} {s['status']:<8} {took}  {s.get('reason', '')}")


# ---- command line -----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("probe", "needs", "prepare", "record", "assemble"):
        sub = commands.add_parser(name)
        sub.add_argument("--workdir", type=Path, required=True)
        if name == "needs":
            sub.add_argument("stage", choices=sorted(NEEDS))
        if name == "record":
            sub.add_argument("--stage", required=True)
            sub.add_argument("--budget", type=int, required=True)
            sub.add_argument("--command", dest="cmd", required=True)
            sub.add_argument("--rc", type=int, default=None)
            sub.add_argument("--seconds", type=float, default=None)
            sub.add_argument("--skip", default=None, metavar="REASON")
            sub.add_argument("--requested", action="store_true")
            sub.add_argument("--log", type=Path, default=None)
            sub.add_argument("--artifact", type=Path, default=None)
            sub.add_argument("--steps", type=int, default=None)
        if name == "assemble":
            sub.add_argument("--output", type=Path, required=True)
            sub.add_argument("--stages", required=True, help="the planned stages, in order")
            sub.add_argument("--started", default=None)
            sub.add_argument("--argv", default=None, help="the script's command line")
            sub.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    workdir: Path = args.workdir
    if args.command == "probe":
        env = probe()
        write_json(workdir / "env.json", env)
        print(f"GPU: {env['gpu'] or 'none'}; CUDA visible to torch: {env['cuda']}")
        print("versions: " + ", ".join(f"{k} {v}" for k, v in env["versions"].items()))
        absent = [m for m, ok in env["modules"].items() if not ok]
        print(f"missing: {', '.join(absent) if absent else 'nothing'}")
        return 0
    if args.command == "needs":
        env = read_json(workdir / "env.json") or {}
        earlier = {p.stem: read_json(p) for p in (workdir / "stages").glob("*.json")}
        why = missing_for(args.stage, env, earlier)
        if why:
            print(why)
            return 1
        return 0
    if args.command == "prepare":
        for name, what in prepare(workdir).items():
            print(f"{name}: {what}")
        return 0
    if args.command == "record":
        if (args.rc is None) == (args.skip is None):
            parser.error("record takes --rc (the stage ran) or --skip (it did not)")
        record = stage_record(
            args.stage,
            budget=args.budget,
            command=args.cmd,
            rc=args.rc,
            seconds=args.seconds,
            skip=args.skip,
            requested=args.requested,
            log=args.log,
            artifact=args.artifact,
            steps=args.steps,
        )
        write_json(workdir / "stages" / f"{args.stage}.json", record)
        reason = f": {record['reason']}" if record["reason"] else ""
        print(f"[{args.stage}] {record['status']}{reason}")
        return 0
    extra = {"started": args.started, "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    if args.argv is not None:
        extra["command"] = args.argv
    run = assemble(workdir, [s for s in args.stages.split(",") if s], extra)
    write_json(args.output, run)
    if not args.quiet:
        print_table(run)
        print(f"written: {args.output}")
    return int(run["exit_code"])


if __name__ == "__main__":
    sys.exit(main())
