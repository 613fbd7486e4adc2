"""``relift.testbed.study_report``: the multi-seed study's report leads with the results and the
verdicts, shows every claim whether it holds or not, renders what could not be computed as n/a,
and still writes a report (saying what is missing) for a partial study."""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path
from typing import Any

import pytest
import relift.plots
from relift.errors import InvalidInputError, MissingDependencyError
from relift.testbed.study_report import (
    ARM_ORDER,
    PLOTS,
    RESULTS_HEADER,
    VERDICT_RULE,
    format_study_table,
    write_study_report,
)

pytestmark = pytest.mark.timeout(120)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SEEDS = [1, 2, 3]
BUCKETS = ("Easy", "Medium", "Hard", "Hardest")
LABELS = {
    "rl": "RL only", "sft_all": "SFT, all demonstrations", "sft_matched": "SFT, matched",
    "sft_hardest_offline": "SFT on the hardest, offline", "sft_then_rl": "SFT then RL",
    "luffy": "LUFFY", "relift": "ReLIFT",
}  # fmt: skip
HEADER_LINE = "| " + " | ".join(RESULTS_HEADER) + " |"


def evaluation(level: float, seed: int) -> dict[str, Any]:
    """Held-out numbers that differ by arm (level) and seed, deterministically."""
    shift = 0.02 * (seed - 1)
    buckets = dict(zip(BUCKETS, (0.99, 0.48 + shift, 0.2 + level, level + shift), strict=True))
    return {
        "overall": sum(buckets.values()) / 4,
        "buckets": buckets,
        "bucket_sizes": {"Easy": 48, "Medium": 41 + seed, "Hard": 48, "Hardest": 48},
        "resp_len": 30.0 + 10 * level + seed,
        "resp_len_buckets": {b: 28.0 + i + 10 * level for i, b in enumerate(BUCKETS)},
    }


def arm_seed(i: int, seed: int) -> dict[str, Any]:
    level = 0.05 * i
    at_rl = {**evaluation(level / 2, seed), "steps": 30, "demos_used": 10 * i, "demo_rows": 20 * i,
             "wall_s": 100.0 + i}  # fmt: skip
    return {"seed": seed, **evaluation(level, seed), "demos_used": 20 * i, "demo_rows": 40 * i,
            "steps": 30 + i, "wall_s": 121.0 + seed, "at_rl_steps": at_rl}  # fmt: skip


def claim(text: str, holds: bool, **extra: Any) -> dict[str, Any]:
    return {"claim": text, "holds": holds, "mean_diff": 0.05, "per_seed_diff": [0.04, 0.05, 0.06],
            "spread": 0.01, "uncertainty": 0.025,
            "reason": "Holds: every seed passes." if holds else "Does not hold: seed 2 fails.",
            **extra}  # fmt: skip


def full_study() -> dict[str, Any]:
    base = [
        {"seed": s, **evaluation(0.0, s), "regime": {"d2": 1.0, "d3": 0.98, "c2": 0.0},
         "in_regime": s != 3}
        for s in SEEDS
    ]  # fmt: skip
    arms = {
        key: {"label": LABELS[key], "per_seed": [arm_seed(i, s) for s in SEEDS]}
        for i, key in enumerate(ARM_ORDER)
    }
    arms["luffy"]["per_seed"][0]["resp_len"] = None  # could not be computed
    return {
        "seeds": SEEDS, "dev_seed": 0, "budget_s": 120.0, "settings": {"steps": 30},
        "wall_s": 2900.0, "base": {"per_seed": base}, "arms": arms, "train_size": 1280,
        "claims": [
            claim("RL only stays near 0 on Hardest", False),
            claim("ReLIFT beats RL only on Hardest", True),
            claim("ReLIFT's responses are shorter than SFT's", True, unit="tokens",
                  mean_diff=-12.5, per_seed_diff=[-10.0, -12.5, -15.0], uncertainty=None),
            claim("ReLIFT uses at most 15% of the demonstrations", False, unit="share",
                  mean_diff=0.031, per_seed_diff=[None, 0.03, 0.032]),
        ],
        "claims_equal_steps": [claim("ReLIFT beats RL only on Hardest at equal steps", False)],
    }  # fmt: skip


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC and len(data) > 1000, path


def test_report_leads_with_the_results_table(tmp_path: Path) -> None:
    path = write_study_report(tmp_path, full_study())
    assert path == tmp_path / "report.md"
    lines = path.read_text().splitlines()
    assert lines[0].startswith("# relift study: 7 arms x 3 seeds")
    first_table = next(i for i, line in enumerate(lines) if line.startswith("|"))
    # Between the title and the table there are only headings: nothing delays the numbers.
    assert all(not line or line.startswith("#") for line in lines[:first_table])
    assert lines[first_table] == HEADER_LINE
    assert lines[first_table + 2].startswith("| Base model |")
    rows = [lines[first_table + 3 + i].split(" | ")[0] for i in range(len(ARM_ORDER))]
    assert rows == [f"| {LABELS[a]}" for a in ARM_ORDER]
    # The claims come right after the results, before the equal-steps section.
    text = "\n".join(lines)
    assert text.index("## Claims at equal wall clock") < text.index("## Results at equal steps")
    assert VERDICT_RULE in text
    for name in PLOTS:
        assert f"]({name})" in text


def test_every_claim_appears_with_its_verdict(tmp_path: Path) -> None:
    study = full_study()
    text = write_study_report(tmp_path, study).read_text()
    for c in [*study["claims"], *study["claims_equal_steps"]]:
        row = next(line for line in text.splitlines() if line.startswith(f"| {c['claim']} |"))
        verdict = "**holds**" if c["holds"] else "**does not hold**"
        assert f"| {verdict} |" in row
        assert c["reason"] in row
    assert "| RL only stays near 0 on Hardest | **does not hold** | +5.0 pts |" in text
    assert "**2 of 4 claims hold; 2 do not.**" in text
    assert "**0 of 1 claims hold; 1 do not.**" in text


def test_claim_units_and_none_render_as_na(tmp_path: Path) -> None:
    text = write_study_report(tmp_path, full_study()).read_text()
    tokens = next(line for line in text.splitlines() if "responses are shorter" in line)
    assert "| -12.5 tokens | -10.0 tokens, -12.5 tokens, -15.0 tokens | n/a |" in tokens
    share = next(line for line in text.splitlines() if "at most 15%" in line)
    assert "| +3.1% | n/a, +3.0%, +3.2% | 2.5% |" in share
    # LUFFY's seed-1 response length is None: n/a in the per-seed table, left out of the mean.
    assert any(line.startswith("| 1 | LUFFY |") and "| n/a |" in line for line in text.splitlines())
    # Seed 3's base model is out of its regime: shown, not hidden.
    assert "| 3 | 100.0% | 98.0% | 0.0% | **no** |" in text
    assert "| 2 | 48 | 43 | 48 | 48 | 187 |" in text  # held-out bucket sizes and their total


def test_plots_are_valid_pngs(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="plots need matplotlib (train extra)")
    write_study_report(tmp_path, full_study())
    for name in PLOTS:
        assert_png(tmp_path / name)


def test_a_partial_study_says_what_is_missing(tmp_path: Path) -> None:
    study = full_study()
    study["arms"] = {k: study["arms"][k] for k in ("rl", "relift")}
    del study["arms"]["relift"]["per_seed"][2]  # seed 3 never finished
    del study["arms"]["rl"]["per_seed"][0]["at_rl_steps"]
    del study["claims_equal_steps"]
    text = write_study_report(tmp_path, study).read_text()
    assert text.startswith("# relift study: 2 arms x 3 seeds")
    assert "**Missing from this study:**" in text
    assert "arms not run: `sft_all`, `sft_matched`, `sft_hardest_offline`" in text
    assert "ReLIFT: no result for seed 3" in text
    assert "| ReLIFT (2 of 3 seeds) |" in text
    assert "RL only: no equal-steps numbers (`at_rl_steps`) for seed 1" in text
    assert "This study has no claims at equal steps (`claims_equal_steps` is missing)." in text
    assert "| 3 | ReLIFT | missing |" in text
    if importlib.util.find_spec("matplotlib") is not None:  # else test_plots_... skips, saying why
        for name in PLOTS:
            assert_png(tmp_path / name)


def test_an_empty_study_still_writes_a_report(tmp_path: Path) -> None:
    text = write_study_report(tmp_path / "new", {"seeds": [1]}).read_text()
    assert "the base model's results (`base`)" in text
    assert "not drawn: no trained arm has these numbers" in text
    assert "This study has no claims at equal wall clock (`claims` is missing)." in text


def small_study(hardest: list[float | None]) -> dict[str, Any]:
    """One arm whose seeds differ only in their Hardest accuracy."""
    study = full_study()
    per_seed = []
    for seed, value in zip(SEEDS, hardest, strict=False):
        entry = copy.deepcopy(study["arms"]["relift"]["per_seed"][0])
        entry["seed"], entry["buckets"]["Hardest"] = seed, value
        per_seed.append(entry)
    study["arms"] = {"relift": {"label": "ReLIFT", "per_seed": per_seed}}
    return study


def row_of(table: str, label: str) -> list[str]:
    line = next(line for line in table.splitlines() if line.startswith(f"| {label}"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_mean_and_spread_arithmetic() -> None:
    row = row_of(format_study_table(small_study([0.40, 0.46, 0.52])), "ReLIFT")
    assert row[RESULTS_HEADER.index("Hardest")] == "46.0% ± 6.0"
    assert row[RESULTS_HEADER.index("steps")] == "36 ± 0.0"
    # demos used: the mean count ± spread, then its share of the 1280 training questions
    assert row[RESULTS_HEADER.index("demos used (share of train set)")] == "120 ± 0.0 (9.4%)"
    one = row_of(format_study_table(small_study([0.4])), "ReLIFT (1 of 3 seeds)")
    assert one[RESULTS_HEADER.index("Hardest")] == "40.0%"  # one seed: no spread to show
    # A None is left out of the mean; all None is n/a.
    assert row_of(format_study_table(small_study([0.4, None, 0.5])), "ReLIFT")[4] == "45.0% ± 7.1"
    assert row_of(format_study_table(small_study([None] * 3)), "ReLIFT")[4] == "n/a"
    base = row_of(format_study_table(small_study([0.4])), "Base model")
    assert base[RESULTS_HEADER.index("steps")] == "n/a"  # the base model is not trained


def test_equal_steps_reads_at_rl_steps() -> None:
    study = full_study()
    equal_time = row_of(format_study_table(study, "equal_time"), "ReLIFT")
    equal_steps = row_of(format_study_table(study, comparison="equal_steps"), "ReLIFT")
    assert equal_time[RESULTS_HEADER.index("steps")] == "36 ± 0.0"
    assert equal_steps[RESULTS_HEADER.index("steps")] == "30 ± 0.0"
    assert equal_steps[RESULTS_HEADER.index("Hardest")] == "17.0% ± 2.0"
    with pytest.raises(InvalidInputError, match="comparison"):
        format_study_table(study, "equal_flops")


def test_without_matplotlib_the_report_says_why_there_are_no_plots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(module: str) -> Any:
        raise MissingDependencyError("plots need the 'matplotlib' package")

    monkeypatch.setattr(relift.plots, "_matplotlib", missing)  # what relift.plots imports with
    text = write_study_report(tmp_path, full_study()).read_text()
    assert text.count("not drawn: plots need the 'matplotlib' package") == len(PLOTS)
    assert not list(tmp_path.glob("*.png"))
