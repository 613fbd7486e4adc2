"""The demo's outputs: the table per arm, the plots, and ``report.md`` embedding them.

The findings section compares the arms on the four claims of the paper's dynamics analysis
and says, for each, whether this run shows it; nothing is left out when it does not.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from relift.evaluation import BUCKETS
from relift.testbed.settings import ARMS, ArmResult, DemoSettings
from relift.testbed.task import TIER_LABELS

__all__ = ["format_table", "write_report"]

PLOTS = {
    "accuracy_by_bucket.png": "Greedy accuracy on the held-out set per bucket, vs training step",
    "response_length.png": "Mean greedy response length (tokens) on the held-out set, vs step",
    "demos_used.png": "Distinct demonstrations trained on so far, vs step",
}


def write_report(run: Path, settings: DemoSettings, results: Mapping[str, ArmResult]) -> Path:
    """Write the plots, ``results.json`` and ``report.md`` into ``run``; returns the report."""
    _plots(run, results)
    summary = {arm: _row(r, settings) for arm, r in results.items()}
    (run / "results.json").write_text(json.dumps(summary, indent=1))
    lines = [
        "# relift demo: RL, SFT and ReLIFT on the embedded addition testbed",
        "",
        _intro(settings, sum(r.seconds for r in results.values())),
        "",
        "## Held-out questions per bucket (base model, "
        f"avg@{settings.k} at T={settings.eval_temperature})",
        "",
        _bucket_counts(results["base"]),
        "",
        f"## Results (avg@{settings.k} at T={settings.eval_temperature}, final weights)",
        "",
        format_table(results, settings, markdown=True),
        "",
        "Accuracy per tier of the task (the buckets above come from the base "
        "model's accuracy, not from the tier):",
        "",
        _tier_table(results, settings.tiers),
        "",
        "## What this run shows",
        "",
        *_findings(results),
        "",
        "## Plots",
        "",
    ]
    for name, caption in PLOTS.items():
        lines += [f"![{caption}]({name})", "", f"*{caption}.*", ""]
    lines += [
        "## Reproduce",
        "",
        "```bash",
        f"relift demo{' --quick' if settings.quick else ''} --seed {settings.seed} --output DIR",
        "```",
        "",
    ]
    path = run / "report.md"
    path.write_text("\n".join(lines))
    return path


def format_table(
    results: Mapping[str, ArmResult], settings: DemoSettings, *, markdown: bool = False
) -> str:
    """One row per arm: accuracy per bucket and overall, length, demonstrations, steps, time."""
    header = [
        "arm", *[b.capitalize() for b in BUCKETS], "overall", "resp len",
        "demos used", "share", "demo rows", "steps", "wall s",
    ]  # fmt: skip
    rows = [header]
    for arm, result in results.items():
        row = _row(result, settings)
        rows.append(
            [ARMS[arm], *[_pct(row.get(b)) for b in BUCKETS], _pct(row["overall"]),
             f"{row['resp_len']:.1f}", str(row["demos_used"]), _pct(row["demos_share"]),
             str(row["demo_rows"]), str(row["steps"]), f"{row['seconds']:.0f}"]
        )  # fmt: skip
    if markdown:
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        lines.insert(1, "|" + "---|" * len(header))
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def _row(result: ArmResult, settings: DemoSettings) -> dict[str, float | None]:
    m = result.metrics
    size = result.train_size or 1
    return {
        **{b: m.get(f"accuracy/bucket/{b}") for b in BUCKETS},
        "overall": m["accuracy"],
        "resp_len": m["resp_len_mean"],
        "demos_used": result.demos_used,
        "demos_share": result.demos_used / size if result.train_size else 0.0,
        "demo_rows": result.demo_rows,
        "steps": result.steps,
        "sft_steps": result.sft_steps,
        "seconds": result.seconds,
    }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _intro(s: DemoSettings, seconds: float) -> str:
    kind = (
        "a quick smoke run (a barely trained base model; the figures mean little)"
        if s.quick
        else "the default run"
    )
    tiers = ", ".join(f"{n} of {TIER_LABELS[t]}" for t, n in s.train_per_tier.items())
    style = "a longer style than the model's own" if s.demo_style == "verbose" else "its own style"
    passes = (
        "one SFT step" if s.sft_steps_per_trigger == 1 else f"{s.sft_steps_per_trigger} SFT steps"
    )
    return (
        f"This is {kind}, seed {s.seed}: {seconds:.0f} s of evaluation and training (the "
        "base model's pre-training, shipped with relift or cached, not counted). The base model "
        f"({s.base.num_layers} layers, hidden {s.base.hidden_size}) was pre-trained for "
        f"{s.base.pretrain_steps} steps on sums of two 1-3 digit numbers and "
        f"{100 * s.base.four_digit_share:.1f}% 4-digit ones. Every arm starts from it and "
        f"trains for {s.steps} steps of {s.prompts_per_step} questions from a training set of "
        f"{s.train_size} ({tiers}; every one with "
        f"a demonstration in {style}). RL samples {s.rollouts} responses per question (T=1, "
        f"lr {s.rl_lr:g}). ReLIFT takes {passes} (lr {s.sft_lr:g}) on the {s.trigger_size} "
        "newest all-wrong questions whenever its buffer holds that many. The SFT-only arms "
        f"take {s.steps} SFT steps of {s.prompts_per_step} demonstrations (lr {s.sft_lr:g})."
    )


def _tier_table(results: Mapping[str, ArmResult], tiers: Sequence[str]) -> str:
    header = ["arm", *(TIER_LABELS[t] for t in tiers)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for arm, result in results.items():
        cells = [_pct(result.metrics.get(f"accuracy/{tier}")) for tier in tiers]
        lines.append("| " + " | ".join([ARMS[arm], *cells]) + " |")
    return "\n".join(lines)


def _bucket_counts(base: ArmResult) -> str:
    counts = [str(int(base.metrics.get(f"n/bucket/{b}", 0))) for b in BUCKETS]
    return "\n".join([
        "| " + " | ".join(b.capitalize() for b in BUCKETS) + " |",
        "|" + "---|" * len(BUCKETS),
        "| " + " | ".join(counts) + " |",
    ])  # fmt: skip


def _findings(results: Mapping[str, ArmResult]) -> list[str]:
    """The paper's four claims, each checked against this run's numbers. A difference smaller
    than twice its standard error (binomial, over the bucket's questions: an upper bound, since
    avg@k averages k samples per question) is called noise, not an effect."""

    def acc(arm: str, bucket: str | None = None) -> float | None:
        key = f"accuracy/bucket/{bucket}" if bucket else "accuracy"
        return results[arm].metrics.get(key) if arm in results else None

    def size(bucket: str | None) -> int:
        metrics = results["base"].metrics
        return int(metrics.get(f"n/bucket/{bucket}", 0) if bucket else sum(
            metrics.get(f"n/bucket/{b}", 0) for b in BUCKETS
        ))  # fmt: skip

    out = []
    for bucket, claim in (
        ("hardest", "RL only barely moves Hardest; ReLIFT moves it clearly above RL only"),
        ("easy", "ReLIFT matches RL only on Easy"),
        ("medium", "ReLIFT matches RL only on Medium"),
    ):
        a, b, base = acc("relift", bucket), acc("rl", bucket), acc("base", bucket)
        if a is not None and b is not None and base is not None:
            out.append(
                f"- *{claim}*: base {_pct(base)}, RL only {_pct(b)}, ReLIFT {_pct(a)}; ReLIFT - RL "
                f"{_versus(a, b, size(bucket))}."
            )
    if "relift" in results and "sft_all" in results:
        r, s = results["relift"], results["sft_all"]
        ratio = r.demos_used / s.demos_used if s.demos_used else 0.0
        verdict = "as the paper reports" if ratio <= 0.15 else "far more than the paper's ~13%"
        out.append(
            f"- *ReLIFT uses at most ~15% of SFT's demonstrations*: ReLIFT used {r.demos_used} "
            f"distinct ({r.demo_rows} rows), SFT on all {s.demos_used} ({s.demo_rows} rows): "
            f"{_pct(ratio)}, {verdict}."
        )
    a, b = acc("relift"), acc("sft_matched")
    if a is not None and b is not None:
        out.append(
            f"- *ReLIFT beats SFT on as many random demonstrations, overall*: ReLIFT {_pct(a)}, "
            f"SFT-matched {_pct(b)}; ReLIFT - SFT-matched {_versus(a, b, size(None))}."
        )
    return out


def _versus(a: float, b: float, n: int) -> str:
    """``a - b`` in points, and whether it stands out of two standard errors."""
    if n == 0:
        return f"{100 * (a - b):+.1f} points"
    se = math.sqrt((a * (1 - a) + b * (1 - b)) / n)
    verdict = "within noise" if abs(a - b) < 2 * se else ("an effect" if a > b else "a loss")
    return f"{100 * (a - b):+.1f} points (2 s.e. = {200 * se:.1f} over {n} questions: {verdict})"


def _plots(run: Path, results: Mapping[str, ArmResult]) -> None:
    from relift.plots import line_grid, line_plot

    curves = {ARMS[a]: r.curves for a, r in results.items() if r.curves}
    if not curves:
        return

    def series(key: str) -> dict[str, list[tuple[float, float]]]:
        return {
            arm: [(p["step"], p[key]) for p in points if key in p] for arm, points in curves.items()
        }

    panels = {b.capitalize(): series(f"accuracy/bucket/{b}") for b in BUCKETS}
    panels = {name: s for name, s in panels.items() if any(s.values())}
    if panels:
        line_grid(panels, title=PLOTS["accuracy_by_bucket.png"], xlabel="step",
                  ylabel="accuracy", path=run / "accuracy_by_bucket.png", ylim=(0, 1))  # fmt: skip
    line_plot(series("resp_len_mean"), title=PLOTS["response_length.png"], xlabel="step",
              ylabel="tokens", path=run / "response_length.png")  # fmt: skip
    line_plot(series("demos_used"), title=PLOTS["demos_used.png"], xlabel="step",
              ylabel="demonstrations", path=run / "demos_used.png")  # fmt: skip
