"""``relift-verify``'s end-of-run summary: counts, accuracy per ``--group-by`` value, and avg@k /
pass@k over the ``--id-field`` values (computed by :func:`relift.evaluation.avg_and_pass_at_k`),
as text for stderr and as the ``--summary-json`` object."""

from __future__ import annotations

import time
from typing import Any

from relift.cli._verify_args import PROG, VerifierOptions
from relift.cli._verify_records import Field, key_text
from relift.evaluation import avg_and_pass_at_k

__all__ = ["MISSING_GROUP", "Summary"]

# Line numbers of problem records quoted in the summary.
MAX_SUMMARY_LINES = 10
MISSING_GROUP = "(missing)"


class Summary:
    """Counts for the end-of-run summary; per-group and per-id counters are [records, correct]."""

    def __init__(
        self, source: str, options: VerifierOptions, group_by: Field | None, ids: Field | None
    ) -> None:
        self.source = source
        self.options = options
        self.group_field = group_by
        self.id_field = ids
        self.records = 0
        self.graded = 0
        self.correct = 0
        self.malformed = 0
        self.failed = 0
        self.malformed_lines: list[int] = []
        self.failed_lines: list[int] = []
        self.groups: dict[str, list[int]] = {}
        self.ids: dict[str, list[int]] = {}
        self.without_id = 0
        self.start = time.monotonic()
        self.elapsed = 0.0

    def add_graded(self, record: dict[str, Any], correct: bool) -> None:
        self.records += 1
        self.graded += 1
        self.correct += correct
        if self.group_field is not None:
            key = key_text(record, self.group_field)
            counts = self.groups.setdefault(MISSING_GROUP if key is None else key, [0, 0])
            counts[0] += 1
            counts[1] += correct
        if self.id_field is not None:
            key = key_text(record, self.id_field)
            if key is None:
                self.without_id += 1
            else:
                counts = self.ids.setdefault(key, [0, 0])
                counts[0] += 1
                counts[1] += correct

    def add_malformed(self, line: int) -> None:
        self.records += 1
        self.malformed += 1
        if len(self.malformed_lines) < MAX_SUMMARY_LINES:
            self.malformed_lines.append(line)

    def add_failed(self, line: int) -> None:
        self.records += 1
        self.failed += 1
        if len(self.failed_lines) < MAX_SUMMARY_LINES:
            self.failed_lines.append(line)

    def finish(self) -> None:
        self.elapsed = time.monotonic() - self.start

    def _id_stats(self) -> dict[str, Any]:
        sizes = [n for n, _ in self.ids.values()]
        n_ids = len(sizes)
        stats: dict[str, Any] = {
            "field": self.id_field.name if self.id_field else None,
            "ids": n_ids,
            "k": None,
            "k_min": min(sizes) if sizes else None,
            "k_max": max(sizes) if sizes else None,
            "avg_at_k": None,
            "pass_at_k": None,
            "records_without_id": self.without_id,
        }
        if n_ids:
            if stats["k_min"] == stats["k_max"]:
                stats["k"] = sizes[0]
            stats["avg_at_k"], stats["pass_at_k"] = avg_and_pass_at_k(self.ids.values())
        return stats

    def to_json(self) -> dict[str, Any]:
        """The summary as written by ``--summary-json``."""
        result: dict[str, Any] = {
            "input": self.source,
            "records": self.records,
            "graded": self.graded,
            "correct": self.correct,
            "accuracy": self.correct / self.graded if self.graded else None,
            "malformed": self.malformed,
            "failed": self.failed,
            "elapsed_s": round(self.elapsed, 3),
            "options": dict(self.options),
        }
        if self.group_field is not None:
            result["by_group"] = {
                "field": self.group_field.name,
                "groups": {
                    name: {"records": n, "correct": c, "accuracy": c / n}
                    for name, (n, c) in sorted(self.groups.items())
                },
            }
        if self.id_field is not None:
            result["by_id"] = self._id_stats()
        return result

    def format(self) -> str:
        """The human-readable summary printed to stderr."""

        def pct(correct: int, total: int) -> str:
            return f"{correct / total:.2%} ({correct}/{total})" if total else "n/a"

        def lines_note(count: int, lines: list[int], what: str) -> str:
            shown = ", ".join(str(n) for n in lines) + (", ..." if count > len(lines) else "")
            return f"; {count} {what} (line{'s' if count > 1 else ''} {shown})"

        rate = self.records / self.elapsed if self.elapsed > 0 else 0.0
        head = (
            f"{PROG}: {self.records} record{'s' if self.records != 1 else ''}, "
            f"{self.correct} correct, accuracy {pct(self.correct, self.graded)}"
        )
        if self.malformed:
            head += lines_note(self.malformed, self.malformed_lines, "malformed")
        else:
            head += "; 0 malformed"
        if self.failed:
            head += lines_note(self.failed, self.failed_lines, "could not be graded")
        head += f"; {self.elapsed:.2f} s ({rate:,.0f} records/s)"
        out = [head]
        if self.group_field is not None:
            out.append(f"  by {self.group_field.name}:")
            if not self.groups:
                out.append("    (no graded records)")
            width = max((len(name) for name in self.groups), default=0)
            count_width = max((len(str(n)) for n, _ in self.groups.values()), default=1)
            for name, (n, c) in sorted(self.groups.items()):
                out.append(f"    {name:<{width}}  {n:>{count_width}} records  accuracy {pct(c, n)}")
        if self.id_field is not None:
            stats = self._id_stats()
            label = f"  by {self.id_field.name}:"
            if not stats["ids"]:
                out.append(f"{label} no graded record has this field")
            else:
                k = stats["k"]
                if k is not None:
                    per = f"k = {k} response{'s' if k != 1 else ''} each"
                    at = str(k)
                else:
                    per = (
                        f"k varies from {stats['k_min']} to {stats['k_max']} responses per id; "
                        "each id is scored over its own responses"
                    )
                    at = "k"
                out.append(
                    f"{label} {stats['ids']} ids, {per}: avg@{at} {stats['avg_at_k']:.2%}, "
                    f"pass@{at} {stats['pass_at_k']:.2%}"
                )
            if self.without_id:
                out.append(
                    f"    ({self.without_id} graded records without {self.id_field.name!r} "
                    "are left out of avg@k and pass@k)"
                )
        return "\n".join(out)
