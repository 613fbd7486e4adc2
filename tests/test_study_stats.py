"""The multi-seed study's statistics (relift.testbed.stats), on numbers worked out by hand.

Scores are per-question accuracies over k = 4 samples (multiples of 0.25) unless said otherwise,
so each expected value below can be checked with pencil and paper; the comments show how.
"""

from __future__ import annotations

import json
import math

import pytest
from relift.testbed.stats import (
    claim_greater,
    claim_greater_values,
    claim_not_worse,
    claim_value_at_least,
    claim_value_at_most,
    paired_difference,
    summarize_seeds,
    t_quantile_975,
)

# Three seeds where A clearly beats B (4 questions each):
#   seed 0: d = [.5, .5, .25, .5]  mean .4375, sd .125,  paired SE .0625  (2 SE = .125)
#   seed 1: d = [.5, .25, .5, .25] mean .375,  sd .1443, paired SE .0722  (2 SE = .1443)
#   seed 2: d = [.5, .5, .5, .5]   mean .5,    sd 0,     paired SE 0
# Over seeds: mean .4375, spread .0625, SE .0625 / sqrt(3) = .03608,
# half-width 4.303 * .03608 = .15527, so mean - half-width = .28223.
CLEAR_A = [[0.75, 1.0, 0.75, 0.75], [0.5, 0.5, 1.0, 0.5], [1.0, 1.0, 0.75, 0.5]]
CLEAR_B = [[0.25, 0.5, 0.5, 0.25], [0.0, 0.25, 0.5, 0.25], [0.5, 0.5, 0.25, 0.0]]


def test_paired_difference_and_its_standard_error_on_four_questions() -> None:
    # d = [.5, 0, .25, .25]: mean .25; deviations .25, -.25, 0, 0 -> sum of squares .125,
    # sample variance .125 / 3, sd = sqrt(1/24) = .2041, SE = sd / sqrt(4) = sqrt(1/96) = .10206.
    diff = paired_difference([1.0, 0.75, 0.5, 0.25], [0.5, 0.75, 0.25, 0.0])
    assert diff.n == 4
    assert diff.mean == pytest.approx(0.25)
    assert diff.standard_error == pytest.approx(math.sqrt(1 / 96))


def test_paired_difference_rejects_unpaired_or_empty_scores_and_one_question_has_no_se() -> None:
    with pytest.raises(ValueError, match="a has 3, b has 2"):
        paired_difference([0.5, 0.5, 0.5], [0.5, 0.5])
    with pytest.raises(ValueError, match="at least one question"):
        paired_difference([], [])
    # One question: nothing to estimate its noise from, so the SE is infinite, not 0 or NaN.
    one = paired_difference([1.0], [0.25])
    assert one.mean == 0.75 and one.standard_error == math.inf


def test_t_quantiles_come_from_the_standard_table() -> None:
    assert t_quantile_975(2) == 4.303  # 3 seeds
    assert t_quantile_975(1) == 12.706
    assert t_quantile_975(30) == 2.042
    assert t_quantile_975(31) == 1.96  # the normal quantile beyond the table
    assert t_quantile_975(0) == math.inf  # one seed: no run-to-run estimate


def test_summary_over_seeds() -> None:
    # [1, 2, 3]: mean 2, sample sd 1, SE 1 / sqrt(3) = .57735, half-width 4.303 * .57735 = 2.4843.
    summary = summarize_seeds([1.0, 2.0, 3.0])
    assert summary.n_seeds == 3
    assert summary.mean == pytest.approx(2.0)
    assert summary.spread == pytest.approx(1.0)
    assert summary.standard_error == pytest.approx(1 / math.sqrt(3))
    assert summary.halfwidth == pytest.approx(4.303 / math.sqrt(3))
    assert summarize_seeds([0.4]).halfwidth == math.inf


def test_a_clear_win_in_every_seed_holds() -> None:
    claim = claim_greater("A beats B", CLEAR_A, CLEAR_B)
    assert claim.holds, claim.reason
    assert claim.per_seed_diff == pytest.approx([0.4375, 0.375, 0.5])
    assert claim.mean_diff == pytest.approx(0.4375)
    assert claim.spread == pytest.approx(0.0625)
    assert claim.uncertainty == pytest.approx(4.303 * 0.0625 / math.sqrt(3))
    assert claim.reason.startswith("Holds") and "0.2822" in claim.reason


def test_a_win_whose_mean_is_not_clear_of_the_margin_does_not_hold() -> None:
    # Every seed beats .3 (.4375, .375, .5), but mean - half-width = .28223 is not above .3.
    claim = claim_greater("A beats B by 0.3", CLEAR_A, CLEAR_B, margin=0.3)
    assert not claim.holds
    assert "every seed passes" in claim.reason and "0.2822 is not > 0.3" in claim.reason


def test_one_seed_with_the_wrong_sign_fails_the_claim() -> None:
    # Seed 2 with the arms swapped: d = -.5 there, however good the other two seeds are.
    a = [CLEAR_A[0], CLEAR_A[1], CLEAR_B[2]]
    b = [CLEAR_B[0], CLEAR_B[1], CLEAR_A[2]]
    claim = claim_greater("A beats B", a, b)
    assert not claim.holds
    assert claim.per_seed_diff[2] == pytest.approx(-0.5)
    assert "seed 2's difference -0.5 is not above the margin 0" in claim.reason
    assert "seed 0" not in claim.reason and "seed 1" not in claim.reason


def test_every_seed_positive_but_the_mean_within_its_uncertainty_fails() -> None:
    # Per-seed differences .01, .30, .02, each clear of its own question noise:
    #   seed 0: d = [.005, .015, .005, .015], sd .005774, SE .002887, 2 SE = .00577 < .01;
    #   seeds 1 and 2: constant d (SE 0).
    # Over seeds: mean .11; deviations -.1, .19, -.09 -> variance .0542 / 2 = .0271,
    # spread .16462, SE .09504, half-width 4.303 * .09504 = .40898; mean - half-width = -.299.
    b = [[0.5] * 4] * 3
    a = [[0.505, 0.515, 0.505, 0.515], [0.8] * 4, [0.52] * 4]
    claim = claim_greater("A beats B", a, b)
    assert not claim.holds
    assert claim.per_seed_diff == pytest.approx([0.01, 0.30, 0.02])
    assert claim.spread == pytest.approx(math.sqrt(0.0271))
    assert claim.uncertainty == pytest.approx(4.303 * math.sqrt(0.0271 / 3))
    assert "every seed passes" in claim.reason and "-0.299 is not > 0" in claim.reason


def test_a_seed_within_its_own_two_paired_standard_errors_fails() -> None:
    # Seeds 0 and 1: d = .25 on every question (SE 0). Seed 2: d = [.5, -.25, .5, -.25],
    # mean .125, sd .4330, SE .2165, so 2 SE = .433 > .125: that seed's question noise hides it.
    # The mean alone would pass: mean .20833, spread .07217, half-width 4.303 * .04167 = .17929,
    # mean - half-width = .029 > 0. Only the per-seed noise rule fails the claim.
    a = [[0.5, 0.75, 0.5, 0.75], [0.25, 1.0, 0.5, 0.75], [0.75, 0.25, 0.75, 0.25]]
    b = [[0.25, 0.5, 0.25, 0.5], [0.0, 0.75, 0.25, 0.5], [0.25, 0.5, 0.25, 0.5]]
    claim = claim_greater("A beats B", a, b)
    assert not claim.holds
    assert claim.per_seed_diff == pytest.approx([0.25, 0.25, 0.125])
    assert claim.mean_diff - claim.uncertainty == pytest.approx(0.02904, abs=1e-4)
    assert "seed 2's difference 0.125 is within 2 paired SEs (2 x 0.2165)" in claim.reason


def test_not_worse_within_a_tolerance() -> None:
    # d = -.02, .01, -.01 (constant per question): mean -.006667; deviations -.013333, .016667,
    # -.003333 -> variance .00046667 / 2, spread .015275, SE .008819, half-width .037949,
    # mean - half-width = -.044616: above -.05, not above -.03.
    b = [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]
    a = [[0.48, 0.48], [0.51, 0.51], [0.49, 0.49]]
    matched = claim_not_worse("A matches B", a, b, tolerance=0.05)
    assert matched.holds, matched.reason
    assert matched.mean_diff == pytest.approx(-0.02 / 3)
    tight = claim_not_worse("A matches B", a, b, tolerance=0.03)
    assert not tight.holds  # every seed is above -.03, but the mean's interval is not
    assert "-0.04462 is not > -0.03" in tight.reason
    worse = claim_not_worse("A matches B", a, b, tolerance=0.015)
    assert not worse.holds and "seed 0's difference -0.02 is not above -0.015" in worse.reason


def test_value_at_most() -> None:
    # .10, .12, .11: mean .11, spread .01, SE .005774, half-width .024845 -> mean + hw = .13485.
    values = [0.10, 0.12, 0.11]
    low = claim_value_at_most("RL's Hardest accuracy stays low", values, threshold=0.2)
    assert low.holds, low.reason
    assert low.mean_diff == pytest.approx(-0.09)
    assert low.per_seed_diff == pytest.approx([-0.10, -0.08, -0.09])
    tight = claim_value_at_most("RL's Hardest accuracy stays low", values, threshold=0.13)
    assert not tight.holds and "0.1348 is not <= 0.13" in tight.reason
    over = claim_value_at_most("RL's Hardest accuracy stays low", values, threshold=0.115)
    assert not over.holds and "seed 1's value 0.12 is not <= 0.115" in over.reason


def test_value_at_least() -> None:
    # .90, .95, .85: mean .90, spread .05, SE .028868, half-width .12422 -> mean - hw = .77578.
    values = [0.90, 0.95, 0.85]
    high = claim_value_at_least("share of demonstrations used", values, threshold=0.5)
    assert high.holds, high.reason
    assert high.mean_diff == pytest.approx(0.4)
    assert high.uncertainty == pytest.approx(4.303 * 0.05 / math.sqrt(3))
    low = claim_value_at_least("share of demonstrations used", values, threshold=0.88)
    assert not low.holds and "seed 2's value 0.85 is not >= 0.88" in low.reason


def test_greater_values_for_per_seed_scalars() -> None:
    # Mean response length, A vs B: d = 20, 25, 27; mean 24; deviations -4, 1, 3 -> variance 13,
    # spread 3.6056, SE 2.0817, half-width 8.9574 -> mean - half-width = 15.043.
    a, b = [120.0, 130.0, 125.0], [100.0, 105.0, 98.0]
    longer = claim_greater_values("A answers longer", a, b)
    assert longer.holds, longer.reason
    assert longer.per_seed_diff == [20.0, 25.0, 27.0]
    assert longer.spread == pytest.approx(math.sqrt(13))
    by_16 = claim_greater_values("A answers longer by 16 tokens", a, b, margin=16.0)
    assert not by_16.holds and "15.04 is not > 16" in by_16.reason


def test_a_single_seed_never_holds() -> None:
    huge = claim_greater("A beats B", [[1.0, 1.0, 1.0]], [[0.0, 0.0, 0.0]])
    assert not huge.holds and "only one seed" in huge.reason
    assert huge.mean_diff == 1.0 and huge.uncertainty == math.inf
    value = claim_value_at_least("share used", [0.99], threshold=0.1)
    assert not value.holds and "only one seed" in value.reason


def test_mismatched_inputs_raise_naming_the_seed() -> None:
    with pytest.raises(ValueError, match=r"seed 1: .*a has 4, b has 3"):
        claim_greater("A beats B", [[0.5] * 4, [0.5] * 4], [[0.25] * 4, [0.25] * 3])
    with pytest.raises(ValueError, match="A has 2 seeds, B has 1"):
        claim_not_worse("A matches B", [[0.5], [0.5]], [[0.5]], tolerance=0.1)
    with pytest.raises(ValueError, match="A has 2 seeds, B has 3"):
        claim_greater_values("A longer", [1.0, 2.0], [1.0, 2.0, 3.0])


def test_nan_input_does_not_hold_and_says_where() -> None:
    b = [row[:] for row in CLEAR_B]
    b[1][2] = math.nan
    claim = claim_greater("A beats B", CLEAR_A, b)
    assert not claim.holds
    assert "seed 1's score of B on question 2 is not finite" in claim.reason
    assert math.isnan(claim.per_seed_diff[1]) and math.isnan(claim.mean_diff)
    value = claim_value_at_most("low", [0.1, math.nan, 0.1], threshold=0.5)
    assert not value.holds and "seed 1's value is not finite" in value.reason


def test_as_json_has_the_fixed_keys_full_precision_and_none_for_inf_or_nan() -> None:
    claim = claim_greater("A beats B", CLEAR_A, CLEAR_B)
    data = claim.as_json()
    assert set(data) == {
        *("claim", "holds", "mean_diff", "per_seed_diff"),
        *("spread", "uncertainty", "reason"),
    }
    assert data["mean_diff"] == claim.mean_diff  # not rounded
    assert data["uncertainty"] == claim.uncertainty
    assert data["holds"] is True and data["claim"] == "A beats B"
    single = claim_greater("A beats B", [[1.0, 0.5]], [[0.0, 0.0]]).as_json()
    assert single["uncertainty"] is None and single["spread"] is None
    assert single["mean_diff"] == 0.75
    with_nan = claim_value_at_most("low", [0.1, math.nan], threshold=0.5).as_json()
    assert with_nan["per_seed_diff"] == [pytest.approx(-0.4), None]
    json.dumps([data, single, with_nan], allow_nan=False)  # JSON proper: no NaN or Infinity
