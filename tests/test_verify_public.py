"""The independent verifier corpus (``tests/data/verify_public.jsonl``, issue 11) is what its
generator makes, large enough, split into dev and test by its seeded hash, and labelled both
ways in every category. Its accuracy figures come from ``benches/verify_public.py``, not from
here: the corpus measures the verifier, it is not a target the suite pins."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

DATA = Path(__file__).with_name("data")


def generator() -> ModuleType:
    path = DATA / "make_verify_public.py"
    spec = importlib.util.spec_from_file_location("make_verify_public", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def committed(round_number: int = 1) -> list[dict[str, object]]:
    name = generator().ROUNDS[round_number][1]
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize("round_number", [1, 2, 3, 4])
def test_the_committed_corpus_is_what_its_generator_makes(round_number: int) -> None:
    assert committed(round_number) == generator().build(round_number)


def test_the_later_rounds_share_no_case_with_the_earlier_ones() -> None:
    seen: set[tuple[object, object]] = set()
    for round_number in (1, 2, 3, 4):
        pairs = {(r["response"], r["answer"]) for r in committed(round_number)}
        assert not seen & pairs, round_number
        seen |= pairs


@pytest.mark.parametrize(("round_number", "at_least"), [(1, 1500), (2, 850), (3, 900), (4, 900)])
def test_size_splits_and_labels(round_number: int, at_least: int) -> None:
    rows = committed(round_number)
    assert len(rows) >= at_least
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({(r["response"], r["answer"]) for r in rows}) == len(rows)
    splits = Counter(r["split"] for r in rows)
    assert set(splits) == {"dev", "test"} and min(splits.values()) > 0.4 * len(rows)
    make = generator()
    seed = make.ROUNDS[round_number][2]
    assert all(r["split"] == make.split_of(r["response"], r["answer"], seed) for r in rows)
    both_ways = Counter((r["category"], r["label"]) for r in rows if not r["ambiguous"])
    categories = {r["category"] for r in rows}
    one_way = [c for c in categories if not (both_ways[(c, True)] and both_ways[(c, False)])]
    assert len(one_way) <= len(categories) // 5, one_way  # almost every class has near misses
    assert all(isinstance(r["source"], str) and r["source"].strip() for r in rows)
