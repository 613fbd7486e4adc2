"""A stronger *teacher* model's demonstrations, for studying ReLIFT's fine-tuning on them.

The paper fine-tunes on solutions written by a stronger model: in a style the policy never
learned, longer than its own, and sometimes wrong. The testbed's base model is pre-trained on
the short style only (:func:`relift.testbed.task.solution`), so the teacher here writes each
column as a short sentence with its place name, about 2.2-2.6 times as long (here for
``821+795=``, where the short style writes ``1+5=6,2+9=11,8+7+1=16\\boxed{1616}``):

    ones_1+5=6_so_6;tens_2+9=11_so_1;hundreds_8+7+1=16_so_16._the_sum_is_\\boxed{1616}

Words are joined by ``_``, not spaces: ``load_tokenizer`` loads a folder whose ``config.json``
says ``qwen2`` as ``Qwen2Tokenizer``, whose byte-level pre-tokenizer silently drops a space
token. A 4-digit sum stays within 109 characters, so prompt (<= 16 tokens) plus demonstration
fits the model's 128 positions.

The ``partial`` style (:data:`TeacherStyle`) is the other teacher: each column also writes the
digits of the sum known so far, ``1+5=6:6,2+9=11:16,8+7+1=16:1616\\boxed{1616}``, about 1.8 times
the short style, in the task's own characters. On the development seed, SFT on the
``sentences`` teacher for 200 steps learned its words but not its arithmetic (0.5% accuracy),
while 150 steps on ``partial`` learned the unseen notation and eroded Easy, the paper's
regime; the study uses ``partial``.

A :class:`Fault` makes a trace wrong the way a strong model's sometimes is: a ``slip`` (one
column's sum has the wrong last digit, carried consistently into the box) or a wrong ``final``
answer after correct steps. :func:`teacher_rows` rewrites ``qa`` rows with a seeded share of
faulty ones, and :func:`extend_vocabulary` makes a copy of a base model whose vocabulary also
has the teacher's characters (the base model folder itself is never written to).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

import torch

from relift.models import load_causal_lm, load_tokenizer
from relift.testbed.task import BOX, TASK_CHARS, Problem
from relift.testing import build_tiny_tokenizer

__all__ = [
    "TEACHER_CHARS",
    "Fault",
    "FaultKind",
    "TeacherStyle",
    "extend_vocabulary",
    "parse_question",
    "teacher_rows",
    "teacher_solution",
]

#: The characters the teacher writes beyond ``TASK_CHARS``: the letters of its words that the
#: task lacks, ``_`` between words, ``;`` between columns and ``.`` before the answer.
TEACHER_CHARS = "achilmnrstu_;."

FaultKind = Literal["slip", "final"]
#: ``sentences``: a column per sentence, with words (needs :data:`TEACHER_CHARS`);
#: ``partial``: each column also writes the digits of the sum known so far
#: (``1+5=6:6,2+9=11:16``), about 1.8 times the short style, in the task's own characters.
TeacherStyle = Literal["sentences", "partial"]

# Place names: ones, tens, hundreds, then "ten_"/"hundred_" of each group; past the groups
# named here, "column_<n>" (so any width works with the same characters).
_UNITS = ("ones", "tens", "hundreds")
_GROUPS = ("thousands", "millions")
_QUESTION = re.compile(r"[0-9]+(?:([+:])[0-9]+)+=")


@dataclass(frozen=True)
class Fault:
    """What is wrong in a trace. ``slip``: the sum of column ``column`` (0 = ones) ends in
    ``delta`` more (mod 10) than it should; the carry, later columns and the box follow from
    the wrong digit. ``final``: every step is right but digit ``column`` of the boxed answer is
    ``delta`` more (mod 10)."""

    kind: FaultKind
    column: int
    delta: int = 1

    def __post_init__(self) -> None:
        if self.kind not in get_args(FaultKind):
            raise ValueError(f"fault kind must be one of {get_args(FaultKind)}, got {self.kind!r}")
        if self.column < 0 or not 1 <= self.delta <= 9:
            raise ValueError(f"need column >= 0 and 1 <= delta <= 9, got {self}")


def _place_name(column: int) -> str:
    """The name of digit ``column`` (0 = ones), words joined by ``_``."""
    group, unit = divmod(column, 3)
    if group == 0:
        return _UNITS[unit]
    if group <= len(_GROUPS):
        return ("", "ten_", "hundred_")[unit] + _GROUPS[group - 1]
    return f"column_{column + 1}"


def teacher_solution(
    problem: Problem, fault: Fault | None = None, style: TeacherStyle = "sentences"
) -> str:
    """The teacher's worked solution of ``problem``, columns from the right. ``sentences``:
    each a sentence (``tens_2+9=11_so_1``; the last writes its whole sum), then
    ``._the_sum_is_`` and the box; ``partial``: each step followed by the digits known so far
    (``2+9=11:16``), then the box. With ``fault``, the trace is wrong as :class:`Fault` says;
    the box never holds the true sum then."""
    if style not in get_args(TeacherStyle):
        raise ValueError(f"style must be one of {get_args(TeacherStyle)}, got {style!r}")
    if fault is not None:
        _check_fault(problem, fault)
    columns = zip(*(str(t)[::-1] for t in problem.terms), strict=True)
    carry, sentences, known = 0, [], ""
    for index, column in enumerate(columns):
        total = sum(map(int, column)) + carry
        if fault is not None and fault.kind == "slip" and fault.column == index:
            # only the last digit changes, so the carry (the tens) and later columns stay right
            total += (total + fault.delta) % 10 - total % 10
        last = index + 1 == problem.digits
        step = "+".join(column) + (f"+{carry}" if carry else "") + f"={total}"
        written = total if last else total % 10
        known = f"{written}{known}"
        if style == "partial":
            sentences.append(f"{step}:{known}")
        else:
            sentences.append(f"{_place_name(index)}_{step}_so_{written}")
        carry = total // 10
    answer = int(problem.answer)
    if fault is not None:  # the box holds what the (faulty) trace says
        answer = _with_digit_changed(answer, fault)
    if style == "partial":
        return ",".join(sentences) + BOX + str(answer) + "}"
    return ";".join(sentences) + "._the_sum_is_" + BOX + str(answer) + "}"


def parse_question(question: str) -> Problem:
    """The :class:`Problem` that ``question`` writes (``"47+58+99="``, ``"47:58="``): operands
    of equal length without leading zeros, between ``+`` or ``:`` signs (one kind)."""
    match = _QUESTION.fullmatch(question)
    if match is None:
        raise ValueError(f"not a sum question: {question!r}")
    op = match.group(1)
    operands = question[:-1].split(op)
    digits = len(operands[0])
    if any(len(o) != digits or str(int(o)) != o for o in operands):
        raise ValueError(f"operands must have equal lengths and no leading zeros: {question!r}")
    return Problem(tuple(map(int, operands)), digits, op)


def teacher_rows(
    rows: Iterable[Mapping[str, Any]],
    seed: int,
    faulty_share: float = 0.2,
    style: TeacherStyle = "sentences",
) -> list[dict[str, Any]]:
    """``qa`` rows (as :func:`relift.testbed.task.task_rows` makes them) with the teacher's
    ``solution`` and a ``demo_faulty`` flag; ``answer`` stays the true sum (the gold).

    Exactly ``round(faulty_share * len(rows))`` rows are faulty, and which ones, the fault's
    kind, column and size are drawn from ``random.Random(f"relift-teacher-{seed}")``: the same
    rows and seed give the same result in any process.
    """
    if not 0.0 <= faulty_share <= 1.0:
        raise ValueError(f"faulty_share must lie in [0, 1], got {faulty_share}")
    rows = list(rows)
    problems = []
    for index, row in enumerate(rows):
        try:
            problem = parse_question(str(row["question"]))
        except (KeyError, ValueError) as err:
            raise ValueError(f"row {index}: cannot read its question: {err}") from err
        if str(row.get("answer")) != problem.answer:
            raise ValueError(f"row {index}: answer {row.get('answer')!r} is not {problem.answer}")
        problems.append(problem)
    rng = random.Random(f"relift-teacher-{seed}")
    faults: dict[int, Fault] = {}
    for index in sorted(rng.sample(range(len(rows)), round(faulty_share * len(rows)))):
        faults[index] = _draw_fault(problems[index], rng)
    return [
        {**row, "solution": teacher_solution(p, faults.get(i), style), "demo_faulty": i in faults}
        for i, (row, p) in enumerate(zip(rows, problems, strict=True))
    ]


def extend_vocabulary(base_dir: Path, out_dir: Path, chars: str = TEACHER_CHARS) -> Path:
    """A copy of the model and tokenizer in ``base_dir`` with ``chars`` added to the vocabulary
    (ids after the old ones, which keep theirs), written to ``out_dir`` and returned.

    The new embedding rows are the mean of the old ones (and the new rows of an untied output
    head the mean of its old rows): deterministic, and on the old vocabulary the model computes
    what the base model does. Written atomically; an ``out_dir`` that already holds a
    ``config.json`` is returned as it is. ``base_dir`` is only read.
    """
    base_dir, out_dir = Path(base_dir), Path(out_dir)
    if out_dir.resolve() == base_dir.resolve():
        raise ValueError(f"out_dir must differ from base_dir ({base_dir})")
    if (out_dir / "config.json").is_file():
        return out_dir
    old_vocab = load_tokenizer(base_dir, local_files_only=True).get_vocab()
    tokenizer = build_tiny_tokenizer(TASK_CHARS + chars)
    new_vocab = tokenizer.get_vocab()
    moved = {tok: i for tok, i in old_vocab.items() if new_vocab.get(tok) != i}
    if moved:
        raise ValueError(f"the base vocabulary is not TASK_CHARS' ({base_dir}): {moved}")
    model = load_causal_lm(base_dir, local_files_only=True)
    _resize_with_mean_rows(model, len(old_vocab), len(new_vocab))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        model.save_pretrained(work)
        tokenizer.save_pretrained(work)
        _check_reload(work, new_vocab, chars)
        try:
            os.replace(work, out_dir)
        except OSError:  # another process finished first: keep theirs
            if not (out_dir / "config.json").is_file():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out_dir


def _check_fault(problem: Problem, fault: Fault) -> None:
    if fault.column >= problem.digits:
        raise ValueError(f"fault column {fault.column} is past the {problem.digits} columns")
    answer = problem.answer
    leading = fault.column == len(answer) - 1
    if leading and (int(answer[0]) + fault.delta) % 10 == 0:
        raise ValueError(f"{fault} would write a leading zero in {answer}")


def _with_digit_changed(number: int, fault: Fault) -> int:
    scale: int = 10**fault.column
    digit = number // scale % 10
    return number + ((digit + fault.delta) % 10 - digit) * scale


def _draw_fault(problem: Problem, rng: random.Random) -> Fault:
    kind: FaultKind = rng.choice(get_args(FaultKind))
    column = rng.randrange(problem.digits)
    digit = int(problem.answer[::-1][column])
    # a changed leading digit must not become 0 (the box would lose a digit the trace has)
    leading = column == len(problem.answer) - 1
    deltas = [d for d in range(1, 10) if not (leading and (digit + d) % 10 == 0)]
    return Fault(kind, column, rng.choice(deltas))


def _resize_with_mean_rows(model: Any, old_size: int, new_size: int) -> None:
    """Grow ``model``'s vocabulary from ``old_size`` to ``new_size`` rows, new rows = mean."""
    embed = model.get_input_embeddings().weight
    if embed.shape[0] != old_size:
        raise ValueError(f"the model has {embed.shape[0]} embedding rows, its tokenizer {old_size}")
    head = model.get_output_embeddings()
    tied = bool(model.config.get_text_config().tie_word_embeddings)
    if tied != (head is None or head.weight is embed):
        raise ValueError(f"config.tie_word_embeddings={tied}, but the weights say otherwise")
    old_head = None if tied else (head.weight[:old_size].clone(), _bias(head))
    old_embed = embed[:old_size].clone()
    # resize's own init of the new rows draws from the global RNG: leave it as it was
    with torch.random.fork_rng(devices=[]):
        model.resize_token_embeddings(new_size, mean_resizing=False)
    with torch.no_grad():
        embed = model.get_input_embeddings().weight
        embed[old_size:] = old_embed.float().mean(0).to(embed.dtype)
        head = model.get_output_embeddings()
        if tied:
            if head is not None and head.weight is not embed:
                raise RuntimeError("resizing untied the input and output embeddings")
        else:
            assert old_head is not None
            weight, bias = old_head
            head.weight[old_size:] = weight.float().mean(0).to(head.weight.dtype)
            if bias is not None:
                head.bias[old_size:] = bias.float().mean().to(head.bias.dtype)
    model.config.get_text_config().vocab_size = new_size


def _bias(head: Any) -> torch.Tensor | None:
    bias = getattr(head, "bias", None)
    return None if bias is None else bias[: head.weight.shape[0]].clone()


def _check_reload(folder: Path, vocab: Mapping[str, int], chars: str) -> None:
    """The tokenizer as ``load_tokenizer`` reads it back must keep the ids and round-trip
    ``chars`` (a space, for one, does not survive ``Qwen2Tokenizer``)."""
    loaded = load_tokenizer(folder, local_files_only=True)
    if loaded.get_vocab() != dict(vocab):
        raise ValueError(f"{type(loaded).__name__} reads back another vocabulary")
    ids = loaded.encode(chars, add_special_tokens=False)
    if loaded.decode(ids) != chars or ids != [vocab[c] for c in chars]:
        raise ValueError(f"{type(loaded).__name__} does not round-trip {chars!r}")
