"""The multi-seed study's report: ``report.md`` and its PNG plots, written into the run folder.

The study trains every arm once per seed (each seed its own base model and held-out questions)
and saves what it measured as a dict (``study.json``). This module only reads that dict, so a
report can be rebuilt from the file without rerunning anything, and a partial run still gets one.

The report leads with the numbers (mean over seeds ± the spread between seeds) and the claims'
verdicts. Every claim is listed with its verdict whether it holds or not, every per-seed number
is shown, and whatever the study lacks (an arm, a seed, the equal-steps comparison) is said in
words rather than left out silently.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeGuard

from relift.errors import InvalidInputError, MissingDependencyError
from relift.plots import new_figure, save_figure, tab10

__all__ = ["ARM_ORDER", "PLOTS", "STUDY_BUCKETS", "format_study_table", "write_study_report"]

#: The held-out buckets, by the base model's accuracy on each question.
STUDY_BUCKETS = ("Easy", "Medium", "Hard", "Hardest")
#: The arms in the order the report lists them; any other arm in a study follows these.
ARM_ORDER = (
    "rl", "sft_all", "sft_matched", "sft_hardest_offline", "sft_then_rl", "luffy", "relift",
)  # fmt: skip
#: Plot file -> caption.
PLOTS = {
    "study_accuracy.png": "Accuracy per held-out bucket at equal wall clock "
    "(bar: mean over seeds; dot: one seed)",
    "study_response_length.png": "Mean response length (tokens) per held-out bucket at equal "
    "wall clock (bar: mean over seeds; dot: one seed)",
    "study_equal_steps.png": "Accuracy per held-out bucket at equal steps, each arm at the RL "
    "arm's step count (bar: mean over seeds; dot: one seed)",
}
COMPARISONS = {"equal_time": "at equal wall clock", "equal_steps": "at equal steps"}
BASE_LABEL = "Base model"
RESULTS_HEADER = [
    "arm", *STUDY_BUCKETS, "overall", "resp len", "demos used (share of train set)", "steps",
    "wall s",
]  # fmt: skip
VERDICT_RULE = (
    "A claim holds only if it holds in every seed and the mean over seeds exceeds its "
    "uncertainty (Student-t 95% half-width over seeds)."
)

_NA = "n/a"
# A number to read from one seed's entry: (field, bucket) where the field holds a bucket dict.
_Metric = tuple[str, str | None]
_ACCURACY: list[_Metric] = [*(("buckets", b) for b in STUDY_BUCKETS), ("overall", None)]
_LENGTH: list[_Metric] = [*(("resp_len_buckets", b) for b in STUDY_BUCKETS), ("resp_len", None)]
# Claim unit -> (scale, suffix); the claim dicts hold fractions for accuracies and shares.
_UNITS = {"points": (100.0, " pts"), "share": (100.0, "%"), "tokens": (1.0, " tokens")}


def write_study_report(run_dir: Path, study: Mapping[str, Any]) -> Path:
    """Write ``report.md`` and the ``study_*.png`` plots into ``run_dir``; returns the report.

    Plots that cannot be drawn (no matplotlib, no numbers) are named in the report with why."""
    _check(study, "equal_time")
    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    plot_notes = _plots(run_dir, study)
    missing = "\n".join(f"- {m}" for m in _missing(study))
    equal_time, equal_steps = COMPARISONS.values()
    # Blocks of markdown, joined by blank lines: the results and verdicts first, then the detail.
    blocks = [
        f"# relift study: {len(_arms(study)) - 1} arms x {len(_seeds(study))} seeds on the testbed",
        f"## Results {equal_time}",
        format_study_table(study, "equal_time"),
        "Each cell is the mean over seeds ± the spread between seeds (sample standard deviation; "
        "points for accuracies, tokens for length); with one seed, just the value. An arm with "
        "fewer seeds than the study says so in its name. " + _setup(study),
        *([f"**Missing from this study:**\n\n{missing}"] if missing else []),
        *_claims_section(study, "claims", equal_time),
        f"## Results {equal_steps}",
        "Each trained arm at the RL arm's step count (the base model is untrained: same row).",
        format_study_table(study, "equal_steps"),
        *_claims_section(study, "claims_equal_steps", equal_steps),
        f"## Response length per bucket (tokens) {equal_time}",
        _length_table(study),
        "## Per seed",
        "Every number behind the tables above, one row per arm per seed.",
    ]
    for comparison, words in COMPARISONS.items():
        blocks += [f"### {words.capitalize()}", _per_seed_table(study, comparison)]
    blocks += [
        "## Base models: regime check per seed",
        "The base model's accuracy per task tier, and whether it is in the regime the study needs.",
        _regime_table(study),
        "## Held-out questions per bucket, per seed",
        _bucket_sizes_table(study),
        "## Plots",
    ]
    for name, caption in PLOTS.items():
        note = plot_notes[name]
        blocks += [f"![{caption}]({name})\n\n*{caption}.*" if note is None else
                   f"- `{name}` ({caption}): {note}."]  # fmt: skip
    path = run_dir / "report.md"
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path


def format_study_table(study: Mapping[str, Any], comparison: str = "equal_time") -> str:
    """The results as a markdown table: the base model, then one row per arm; each cell the mean
    over seeds ± the spread between seeds. ``comparison`` is ``"equal_time"`` (each arm's final
    numbers) or ``"equal_steps"`` (each arm's ``at_rl_steps`` numbers)."""
    _check(study, comparison)
    size = float(study["train_size"]) if _finite(study.get("train_size")) else 0.0
    rows = []
    for key, label, entries in _arms(study):
        views = _views(key, entries, comparison)
        demos = _values(views, ("demos_used", None))
        share = f" ({100 * statistics.fmean(demos) / size:.1f}%)" if demos and size > 0 else ""
        rows.append([
            _label(label, len(views), len(_seeds(study))),
            *(_cell(_values(views, m), 100.0, "%", 1) for m in _ACCURACY),
            _cell(_values(views, ("resp_len", None)), 1.0, "", 1),
            _cell(demos, 1.0, "", 0) + share,
            _cell(_values(views, ("steps", None)), 1.0, "", 0),
            _cell(_values(views, ("wall_s", None)), 1.0, "", 0),
        ])  # fmt: skip
    return _table(RESULTS_HEADER, rows)


# ---- reading the study ---------------------------------------------------------------------------


def _check(study: Mapping[str, Any], comparison: str) -> None:
    if not isinstance(study, Mapping):
        raise InvalidInputError(f"a study is a dict (study.json), got {type(study).__name__}")
    if comparison not in COMPARISONS:
        choices = list(COMPARISONS)
        raise InvalidInputError(f"comparison must be one of {choices}, not {comparison!r}")


def _seeds(study: Mapping[str, Any]) -> list[Any]:
    """The study's seeds, then any seed an entry has that the list lacks (a malformed study)."""
    seeds = list(study.get("seeds") or [])
    for _, _, entries in _arms(study):
        seeds += [e.get("seed") for e in entries if e.get("seed") not in seeds]
    return seeds


def _arms(study: Mapping[str, Any]) -> list[tuple[str, str, list[Mapping[str, Any]]]]:
    """``(key, label, per-seed entries)``: the base model first, then the arms in report order."""
    base = study.get("base") or {}
    out = [("base", BASE_LABEL, _entries(base.get("per_seed")))]
    arms = study.get("arms") or {}
    for key in [*(a for a in ARM_ORDER if a in arms), *(a for a in arms if a not in ARM_ORDER)]:
        arm = arms[key] or {}
        out.append((key, str(arm.get("label") or key), _entries(arm.get("per_seed"))))
    return out


def _entries(per_seed: Any) -> list[Mapping[str, Any]]:
    return [e for e in per_seed or [] if isinstance(e, Mapping)]


def _view(key: str, entry: Mapping[str, Any], comparison: str) -> Mapping[str, Any] | None:
    """One seed's numbers under a comparison; None where the study lacks them. The base model is
    untrained, so its numbers serve both comparisons."""
    if comparison == "equal_time" or key == "base":
        return entry
    view = entry.get("at_rl_steps")
    return view if isinstance(view, Mapping) else None


def _views(key: str, entries: Sequence[Mapping[str, Any]], comparison: str) -> list[Any]:
    return [v for v in (_view(key, e, comparison) for e in entries) if v is not None]


def _values(views: Sequence[Mapping[str, Any]], metric: _Metric) -> list[float]:
    """The metric's finite values over the views; None, NaN and absent ones are left out."""
    field, bucket = metric
    out = []
    for view in views:
        value = view.get(field)
        if bucket is not None:
            value = value.get(bucket) if isinstance(value, Mapping) else None
        if _finite(value):
            out.append(float(value))
    return out


def _finite(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _missing(study: Mapping[str, Any]) -> list[str]:
    """Sentences naming what a full study has and this one lacks."""
    notes = []
    seeds = list(study.get("seeds") or [])
    if not _entries((study.get("base") or {}).get("per_seed")):
        notes.append("the base model's results (`base`)")
    absent = [a for a in ARM_ORDER if a not in (study.get("arms") or {})]
    if absent:
        notes.append(f"arms not run: {', '.join(f'`{a}`' for a in absent)}")
    for key, label, entries in _arms(study):
        have = {e.get("seed") for e in entries}
        lost = [str(s) for s in seeds if s not in have]
        if lost and entries:
            notes.append(f"{label}: no result for seed {', '.join(lost)}")
        elif lost:
            notes.append(f"{label}: no result for any seed")
        no_steps = [str(e.get("seed")) for e in entries if _view(key, e, "equal_steps") is None]
        if no_steps:
            notes.append(f"{label}: no equal-steps numbers (`at_rl_steps`) for seed "
                         f"{', '.join(no_steps)}")  # fmt: skip
    notes += [f"no claims {COMPARISONS[c]} (`{k}`)" for c, k in _CLAIM_KEYS if k not in study]
    return notes


_CLAIM_KEYS = (("equal_time", "claims"), ("equal_steps", "claims_equal_steps"))


def _setup(study: Mapping[str, Any]) -> str:
    parts = []
    if _finite(study.get("budget_s")):
        parts.append(f"a budget of {study['budget_s']:.0f} s of training per arm and seed")
    seeds = ", ".join(map(str, study.get("seeds") or [])) or _NA
    dev = f" (settings tuned on seed {study['dev_seed']})" if "dev_seed" in study else ""
    parts.append(f"seeds {seeds}{dev}")
    if _finite(study.get("train_size")):
        parts.append(f"a training set of {study['train_size']} questions")
    if _finite(study.get("wall_s")):
        parts.append(f"{study['wall_s']:.0f} s for the whole study")
    return "The study: " + "; ".join(parts) + "."


# ---- formatting ----------------------------------------------------------------------------------


def _cell(values: Sequence[float], scale: float, unit: str, digits: int) -> str:
    """``mean ± spread`` (sample standard deviation, scaled like the mean, one decimal)."""
    if not values:
        return _NA
    text = f"{scale * statistics.fmean(values):.{digits}f}{unit}"
    if len(values) > 1:
        text += f" ± {scale * statistics.stdev(values):.1f}"
    return text


def _label(label: str, have: int, want: int) -> str:
    return f"{label} ({have} of {want} seeds)" if have < want else label


def _amount(value: Any, unit: str, *, signed: bool) -> str:
    """A claim's number in its unit; None and NaN (not computed) are n/a."""
    if not isinstance(value, int | float) or isinstance(value, bool) or math.isnan(value):
        return _NA
    scale, suffix = _UNITS.get(unit, (1.0, f" {unit}"))
    if math.isinf(value):
        return ("-" if value < 0 else "+" if signed else "") + "inf"
    return f"{scale * value:{'+' if signed else ''}.1f}{suffix}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def row(cells: Sequence[str]) -> str:
        # A "|" in a claim or reason would split the cell.
        return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"

    return "\n".join([row(header), "|" + "---|" * len(header), *(row(r) for r in rows)])


def _claims_section(study: Mapping[str, Any], key: str, words: str) -> list[str]:
    head = f"## Claims {words}"
    if key not in study:
        return [head, f"This study has no claims {words} (`{key}` is missing)."]
    claims = [c for c in study.get(key) or [] if isinstance(c, Mapping)]
    if not claims:
        return [head, f"This study made no claims {words}."]
    held = sum(c.get("holds") is True for c in claims)
    rows = []
    for c in claims:
        unit, holds = str(c.get("unit") or "points"), c.get("holds")
        rows.append([
            str(c.get("claim") or _NA),
            "**holds**" if holds is True else "**does not hold**" if holds is False else _NA,
            _amount(c.get("mean_diff"), unit, signed=True),
            ", ".join(_amount(d, unit, signed=True) for d in c.get("per_seed_diff") or []) or _NA,
            _amount(c.get("uncertainty"), unit, signed=False),
            str(c.get("reason") or _NA),
        ])  # fmt: skip
    header = ["claim", "holds", "mean difference", "per-seed differences", "uncertainty (±)",
              "reason"]  # fmt: skip
    verdicts = f"**{held} of {len(claims)} claims hold; {len(claims) - held} do not.**"
    return [head, VERDICT_RULE, verdicts, _table(header, rows)]


def _length_table(study: Mapping[str, Any]) -> str:
    rows = []
    for key, label, entries in _arms(study):
        views = _views(key, entries, "equal_time")
        rows.append([_label(label, len(views), len(_seeds(study))),
                     *(_cell(_values(views, m), 1.0, "", 1) for m in _LENGTH)])  # fmt: skip
    return _table(["arm", *STUDY_BUCKETS, "overall"], rows)


def _per_seed_table(study: Mapping[str, Any], comparison: str) -> str:
    header = ["seed", "arm", *STUDY_BUCKETS, "overall", "resp len", "demos used", "demo rows",
              "steps", "wall s"]  # fmt: skip
    numbers: list[tuple[_Metric, float, str, int]] = [
        *((m, 100.0, "%", 1) for m in _ACCURACY), (("resp_len", None), 1.0, "", 1),
        *((("demos_used", None), 1.0, "", 0), (("demo_rows", None), 1.0, "", 0)),
        *((("steps", None), 1.0, "", 0), (("wall_s", None), 1.0, "", 1)),
    ]  # fmt: skip
    rows = []
    for seed in _seeds(study):
        for key, label, entries in _arms(study):
            entry = next((e for e in entries if e.get("seed") == seed), None)
            view = None if entry is None else _view(key, entry, comparison)
            if view is None:
                rows.append([str(seed), label, *(["missing"] * (len(header) - 2))])
                continue
            rows.append([str(seed), label, *(_cell(_values([view], m), s, u, d)
                                             for m, s, u, d in numbers)])  # fmt: skip
    return _table(header, rows)


def _regime_table(study: Mapping[str, Any]) -> str:
    entries = _entries((study.get("base") or {}).get("per_seed"))
    tiers = list(dict.fromkeys(t for e in entries for t in (e.get("regime") or {})))
    rows = []
    for e in entries:
        regime = e.get("regime") or {}
        flag = e.get("in_regime")
        rows.append([
            str(e.get("seed")),
            *(_cell(_values([regime], (t, None)), 100.0, "%", 1) for t in tiers),
            "yes" if flag is True else "**no**" if flag is False else _NA,
        ])  # fmt: skip
    return _table(["seed", *(f"accuracy on {t}" for t in tiers), "in regime"], rows)


def _bucket_sizes_table(study: Mapping[str, Any]) -> str:
    rows = []
    for e in _entries((study.get("base") or {}).get("per_seed")):
        sizes = [_values([e], ("bucket_sizes", b)) for b in STUDY_BUCKETS]
        total = [sum(v[0] for v in sizes if v)] if any(sizes) else []
        rows.append([str(e.get("seed")), *(_cell(v, 1.0, "", 0) for v in [*sizes, total])])
    return _table(["seed", *STUDY_BUCKETS, "total"], rows)


# ---- plots ---------------------------------------------------------------------------------------


def _plots(run_dir: Path, study: Mapping[str, Any]) -> dict[str, str | None]:
    """Draw each plot; ``name -> None`` when drawn, else why not."""
    specs: dict[str, tuple[list[_Metric], str, float, str]] = {
        "study_accuracy.png": (_ACCURACY, "equal_time", 100.0, "accuracy (%)"),
        "study_response_length.png": (_LENGTH, "equal_time", 1.0, "mean response length (tokens)"),
        "study_equal_steps.png": (_ACCURACY, "equal_steps", 100.0, "accuracy (%)"),
    }
    # A colour slot per arm from its place in ARM_ORDER, so an arm keeps its colour across runs.
    arms = _arms(study)[1:]
    slots = {label: (ARM_ORDER + tuple(k for k, _, _ in arms)).index(key) for key, label, _ in arms}
    notes: dict[str, str | None] = {}
    for name, (metrics, comparison, scale, ylabel) in specs.items():
        groups = {
            (bucket or "overall"): {
                label: values
                for key, label, entries in _arms(study)
                if (values := _values(_views(key, entries, comparison), (field, bucket)))
            }
            for field, bucket in metrics
        }
        if not any(label != BASE_LABEL for bars in groups.values() for label in bars):
            notes[name] = "not drawn: no trained arm has these numbers in this study"
            continue
        try:
            _dot_bars(groups, title=PLOTS[name].split(" (bar:")[0], ylabel=ylabel, scale=scale,
                      slots=slots, path=run_dir / name)  # fmt: skip
            notes[name] = None
        except MissingDependencyError as err:
            notes[name] = f"not drawn: {err}"
    return notes


def _dot_bars(
    groups: Mapping[str, Mapping[str, Sequence[float]]], *, title: str, ylabel: str,
    scale: float, slots: Mapping[str, int], path: Path,
) -> Path:  # fmt: skip
    """Grouped bars of the mean over seeds, one colour per label, each seed's value a dot on its
    bar; the legend sits to the right so it never hides a bar."""
    labels = list(dict.fromkeys(label for bars in groups.values() for label in bars))
    palette = tab10()
    # Grey (tab10's eighth colour) is kept for the base model, so it reads as the reference.
    others = [c for i, c in enumerate(palette) if i != 7]
    colors = {label: others[slots.get(label, 0) % len(others)] for label in labels}
    colors[BASE_LABEL] = palette[7]
    width = 0.8 / len(labels)
    figure = new_figure(max(8.0, 3.5 + 0.22 * len(groups) * len(labels)), 4.6)
    axes = figure.add_subplot()
    dot_label = "one seed"
    for j, label in enumerate(labels):
        offset = (j - (len(labels) - 1) / 2) * width
        xs, means = [], []
        for i, bars in enumerate(groups.values()):
            values = [scale * v for v in bars.get(label, [])]
            if not values:
                continue  # a gap: this arm lacks the numbers
            xs.append(i + offset)
            means.append(statistics.fmean(values))
            # Spread the seeds' dots across the middle half of the bar so equal values stay visible.
            step = width * 0.5 / max(len(values) - 1, 1)
            dots = [i + offset + (k - (len(values) - 1) / 2) * step for k in range(len(values))]
            axes.scatter(dots, values, s=10, color="black", zorder=3, label=dot_label)
            dot_label = "_nolegend_"
        axes.bar(xs, means, width * 0.92, label=label, color=colors[label])
    axes.set_xticks(range(len(groups)), list(groups))
    axes.set_title(title, fontsize=10)
    axes.set_ylabel(ylabel)
    axes.set_ylim(bottom=0)
    axes.grid(axis="y", alpha=0.3)
    axes.set_axisbelow(True)
    handles, names = axes.get_legend_handles_labels()
    order = sorted(range(len(names)), key=lambda k: names[k] == "one seed")  # the dot key last
    axes.legend([handles[k] for k in order], [names[k] for k in order], loc="upper left",
                bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)  # fmt: skip
    figure.tight_layout()
    return save_figure(figure, path)
