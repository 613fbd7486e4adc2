"""Loading and grading the labelled verifier corpora (shared by the corpus tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import relift

Case = dict[str, Any]


def load_cases(path: Path) -> list[Case]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def grade_cases(cases: list[Case]) -> list[tuple[Case, bool]]:
    """Each case with relift's verdict on it, in one batch."""
    results = relift.verify_batch([c["response"] for c in cases], [c["answer"] for c in cases])
    return list(zip(cases, results.tolist(), strict=True))
