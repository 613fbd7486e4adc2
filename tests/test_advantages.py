"""group_advantages / group_stats: behaviour, errors, and agreement with the Python twins."""

from __future__ import annotations

import math
import threading
from typing import Any

import numpy as np
import pytest
import relift
from hypothesis import given, settings
from hypothesis import strategies as st
from relift import reference
from relift.errors import InvalidInputError

BASELINES = ["mean", "loo"]
SCALES = ["none", "group", "batch"]


def test_dr_grpo_is_reward_minus_group_mean() -> None:
    r = np.array([1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 1], dtype=np.float32)
    a = relift.group_advantages(r, 4)
    assert a.dtype == np.float32
    assert a.tolist() == [0.5, -0.5, -0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0]


@pytest.mark.parametrize("baseline", BASELINES)
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_equal_groups_are_exactly_zero(baseline: str, scale: str, dtype: Any) -> None:
    r = np.repeat(np.array([0.0, 1.0, 0.1, 0.7, 1e6], dtype=dtype), 8)
    a = relift.group_advantages(r, 8, baseline=baseline, scale=scale)  # type: ignore[arg-type]
    assert a.dtype == dtype
    assert not a.any()


def test_known_values_for_each_variant() -> None:
    r = np.array([1.0, 0.0, 0.0, 0.0])
    mean = relift.group_advantages(r, 4)
    np.testing.assert_allclose(mean, [0.75, -0.25, -0.25, -0.25])
    loo = relift.group_advantages(r, 4, baseline="loo")
    np.testing.assert_allclose(loo, [1.0, -1 / 3, -1 / 3, -1 / 3])
    grpo = relift.group_advantages(r, 4, scale="group", eps=0.0)
    np.testing.assert_allclose(grpo, [1.5, -0.5, -0.5, -0.5])  # sample std = 0.5
    batch = relift.group_advantages(np.array([1.0, 0.0, 1.0, 1.0]), 2, scale="batch", eps=0.0)
    # Centred: [.5, -.5, 0, 0]; sqrt(0.5 / 3) is the batch std.
    np.testing.assert_allclose(batch, np.array([0.5, -0.5, 0, 0]) / math.sqrt(0.5 / 3))


def test_nan_rewards_are_left_out_and_get_zero() -> None:
    r = np.array([1.0, np.nan, 0.0, 0.0, np.nan, np.nan])
    a = relift.group_advantages(r, 3)
    assert a.tolist() == [0.5, 0.0, -0.5, 0.0, 0.0, 0.0]


def test_degenerate_groups() -> None:
    # Size-1 groups and groups with one valid reward: zero under every variant.
    r = np.array([1.0, 0.0, np.nan, 0.25])
    for baseline in BASELINES:
        for scale in SCALES:
            a = relift.group_advantages(
                r,
                group_ids=[1, 2, 3, 3],
                baseline=baseline,  # type: ignore[arg-type]
                scale=scale,  # type: ignore[arg-type]
            )
            assert a.tolist() == [0.0, 0.0, 0.0, 0.0]
    assert relift.group_advantages(np.zeros(0), 8).shape == (0,)


def test_group_ids_any_order_and_sizes() -> None:
    r = np.array([1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0])
    ids = np.array([7, 3, 7, 3, 3, 9, 7])
    a = relift.group_advantages(r, group_ids=ids)
    want = reference.group_advantages(r.tolist(), group_ids=ids.tolist())
    np.testing.assert_allclose(a, want, rtol=1e-12)
    # Same result whatever the integer dtype or container of the ids.
    for other in (ids.astype(np.int32), ids.astype(np.uint16), ids.tolist()):
        assert relift.group_advantages(r, group_ids=other).tolist() == a.tolist()


def test_input_conversions() -> None:
    bools = np.array([True, False, False, False])
    a = relift.group_advantages(bools, 4)
    assert a.dtype == np.float64
    assert a.tolist() == [0.75, -0.25, -0.25, -0.25]
    assert relift.group_advantages([1, 0, 0, 0], 4).tolist() == a.tolist()
    assert relift.group_advantages(np.array([1, 0, 0, 0], np.int8), 4).tolist() == a.tolist()
    half = relift.group_advantages(np.array([1, 0, 0, 0], np.float16), 4)
    assert half.dtype == np.float64
    # A strided (non-contiguous) view works and is not modified.
    base = np.arange(16, dtype=np.float32)
    view = base[::2]
    np.testing.assert_allclose(relift.group_advantages(view, 4), [-3, -1, 1, 3] * 2)
    assert base.tolist() == list(range(16))


def test_input_is_not_modified_and_output_is_new() -> None:
    r = np.array([1.0, 0.0, 0.0, 1.0])
    before = r.copy()
    a = relift.group_advantages(r, 2)
    a[:] = 42
    assert (r == before).all()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"group_size": 3}, "group_size=3"),
        ({"group_size": 0}, ">= 1"),
        ({"group_size": -2}, ">= 1"),
        ({}, "group_size"),
        ({"group_size": 2, "group_ids": [0, 0, 1, 1]}, "not both"),
        ({"group_ids": [0, 0, 1]}, "group_ids"),
        ({"group_ids": [0.5, 0, 1, 1]}, "integers"),
        ({"group_size": 2, "baseline": "median"}, "baseline"),
        ({"group_size": 2, "scale": "std"}, "scale"),
        ({"group_size": 2, "eps": -1.0}, "eps"),
        ({"group_size": 2, "eps": math.nan}, "eps"),
    ],
)
def test_errors_name_the_problem(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(InvalidInputError, match=match):
        relift.group_advantages(np.array([1.0, 0.0, 0.0, 1.0]), **kwargs)


def test_bad_rewards() -> None:
    with pytest.raises(InvalidInputError, match=r"rewards\[1\] is inf"):
        relift.group_advantages(np.array([0.0, np.inf]), 2)
    with pytest.raises(InvalidInputError, match="1-D"):
        relift.group_advantages(np.zeros((2, 4)), 4)
    with pytest.raises(InvalidInputError, match="1-D"):
        relift.group_advantages(np.float64(1.0), 1)
    with pytest.raises(InvalidInputError, match="numbers"):
        relift.group_advantages(["a", "b"], 2)
    with pytest.raises(ValueError):  # InvalidInputError is a ValueError
        relift.group_stats(np.array([np.inf]), 1)


def test_large_inputs_match_numpy() -> None:
    rng = np.random.default_rng(0)
    r = (rng.random(600_000) < 0.3).astype(np.float32)  # above the parallel threshold
    g = r.astype(np.float64).reshape(-1, 8)
    want = (g - g.mean(axis=1, keepdims=True)).reshape(-1)
    np.testing.assert_allclose(relift.group_advantages(r, 8), want, rtol=1e-6, atol=1e-7)
    std = g.std(axis=1, ddof=1, keepdims=True)
    want_grpo = ((g - g.mean(axis=1, keepdims=True)) / (std + 1e-6)).reshape(-1)
    np.testing.assert_allclose(
        relift.group_advantages(r, 8, scale="group"), want_grpo, rtol=1e-6, atol=1e-6
    )
    ids = np.arange(r.size) // 8
    np.testing.assert_allclose(relift.group_advantages(r, group_ids=ids), want, atol=1e-7)


@pytest.mark.timeout(60)
def test_gil_is_released_on_large_inputs() -> None:
    r = np.random.default_rng(1).random(4_000_000)
    ticks = 0
    stop = threading.Event()

    def spin() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    thread = threading.Thread(target=spin)
    thread.start()
    try:
        progressed = 0
        for _ in range(10):
            before = ticks
            relift.group_advantages(r, 8, scale="batch", baseline="loo")
            progressed += ticks > before
    finally:
        stop.set()
        thread.join()
    assert progressed > 0


# ---- agreement with the Python twins (hypothesis) ------------------------------------------------

reward_values = st.one_of(
    st.sampled_from([0.0, 1.0, math.nan]),
    st.floats(
        min_value=-100, max_value=100, allow_nan=False, allow_infinity=False, allow_subnormal=False
    ),
)


@st.composite
def batches(draw: st.DrawFn) -> tuple[list[float], int | None, list[int] | None]:
    if draw(st.booleans()):
        size = draw(st.integers(1, 9))
        groups = draw(st.integers(0, 6))
        rewards = draw(st.lists(reward_values, min_size=size * groups, max_size=size * groups))
        return rewards, size, None
    rewards = draw(st.lists(reward_values, max_size=40))
    ids = draw(st.lists(st.integers(-3, 5), min_size=len(rewards), max_size=len(rewards)))
    return rewards, None, ids


def _close(got: np.ndarray[Any, Any], want: list[float], rewards: list[float], f32: bool) -> None:
    scale = 1.0 + max((abs(x) for x in rewards if not math.isnan(x)), default=0.0)
    # 1e-6 relative, with an absolute floor proportional to the rewards' magnitude (where the
    # result is a difference of nearly equal numbers, relative error is meaningless).
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=(1e-6 if f32 else 1e-9) * scale)


@settings(max_examples=300, deadline=None)
@given(
    batch=batches(),
    baseline=st.sampled_from(BASELINES),
    scale=st.sampled_from(SCALES),
    eps=st.sampled_from([1e-6, 0.0, 0.1]),
    f32=st.booleans(),
)
def test_advantages_agree_with_reference(
    batch: tuple[list[float], int | None, list[int] | None],
    baseline: str,
    scale: str,
    eps: float,
    f32: bool,
) -> None:
    rewards, size, ids = batch
    arr = np.array(rewards, dtype=np.float32 if f32 else np.float64)
    got = relift.group_advantages(
        arr,
        size,
        group_ids=ids,
        baseline=baseline,  # type: ignore[arg-type]
        scale=scale,  # type: ignore[arg-type]
        eps=eps,
    )
    assert got.dtype == arr.dtype
    values = arr.astype(np.float64).tolist()  # what the Rust side saw
    want = reference.group_advantages(
        values, size, group_ids=ids, baseline=baseline, scale=scale, eps=eps
    )
    if eps == 0.0 and scale != "none":
        # Without eps a tiny std amplifies rounding without bound; compare only where defined.
        finite = np.isfinite(want) & (np.abs(want) < 1e6)
        got, want = got[finite], list(np.array(want)[finite])
    _close(got, want, values, f32)
    # Dr.GRPO: all-equal groups are exactly zero, and A = r - mean exactly where defined.
    if baseline == "mean" and scale == "none":
        for gid in set(ids) if ids is not None else range(len(values) // (size or 1)):
            idx = (
                [i for i, g in enumerate(ids) if g == gid]
                if ids is not None
                else list(range(gid * size, (gid + 1) * size))  # type: ignore[operator]
            )
            vals = [values[i] for i in idx if not math.isnan(values[i])]
            if vals and all(v == vals[0] for v in vals):
                assert all(got[i] == 0 for i in idx)


@settings(max_examples=200, deadline=None)
@given(batch=batches(), f32=st.booleans())
def test_stats_agree_with_reference(
    batch: tuple[list[float], int | None, list[int] | None], f32: bool
) -> None:
    rewards, size, ids = batch
    arr = np.array(rewards, dtype=np.float32 if f32 else np.float64)
    got = relift.group_stats(arr, size, group_ids=ids)
    want = reference.group_stats(arr.astype(np.float64).tolist(), size, group_ids=ids)
    assert got.group_ids.tolist() == want.group_ids
    assert got.count.tolist() == want.count
    assert got.solve_none.tolist() == want.solve_none
    assert got.solve_all.tolist() == want.solve_all
    np.testing.assert_allclose(got.mean, want.mean, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(got.std, want.std, rtol=1e-6, atol=1e-9)
    assert len(got) == len(want.group_ids)


def test_group_stats_example() -> None:
    r = np.array([0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, np.nan, np.nan, np.nan, np.nan])
    s = relift.group_stats(r, 4)
    assert s.group_ids.tolist() == [0, 1, 2, 3]
    assert s.solve_none.tolist() == [True, False, False, False]
    assert s.solve_all.tolist() == [False, False, True, False]
    assert s.count.tolist() == [4, 4, 4, 0]
    np.testing.assert_allclose(s.mean[:3], [0.0, 0.75, 1.0])
    assert math.isnan(s.mean[3]) and math.isnan(s.std[3])
    assert s.solve_none_rate == pytest.approx(1 / 3)
    assert s.solve_all_rate == pytest.approx(1 / 3)
    assert "groups=4" in repr(s)
    with pytest.raises(ValueError):
        s.mean[0] = 1.0  # read-only
    by_id = relift.group_stats(np.array([1.0, 0.0, 0.0]), group_ids=[42, 7, 42])
    assert by_id.group_ids.tolist() == [42, 7]
    assert relift.group_stats(np.zeros(0), 4).solve_none_rate == 0.0
