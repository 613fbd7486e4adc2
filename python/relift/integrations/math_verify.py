"""Math-Verify's ``parse`` and ``verify``, graded by relift. A script switches with one import::

    from relift.integrations.math_verify import parse, verify   # was: from math_verify import ...

    verify(parse(gold), parse(response))   # True if the response's answer equals the gold

Math-Verify parses text into sympy objects; this shim parses nothing up front. :func:`parse`
returns a list holding one :class:`ParsedAnswer` that keeps the raw text and the answer relift
finds in it (an empty list when relift finds none), and :func:`verify` grades with relift's Rust
verifier. Like Math-Verify's, ``verify(gold, target)`` is not symmetric, takes single results or
lists of them, and is True when any (gold, target) pair matches:

- a gold is read as a reference answer: the answer behind its marker (``\\boxed{}``, "the answer
  is", ``$...$``) if it has one, else its whole text;
- a target is graded as a model response: relift extracts its final answer with the fallback its
  ``parse`` allowed. When that allows answers without a marker and the target has none, a bare
  formula (no word of two or more letters outside LaTeX commands, e.g. ``\\frac{1}{3}``) is
  compared as a whole, as Math-Verify's anchor-less extraction would read it, not by its last
  number 3; a text with words is compared either way (by its last number, or as a whole:
  ``Yes``, ``2 apples``).

A plain string (or a number) is read as ``parse(text)`` with the defaults; Math-Verify instead
compares two plain strings literally. Math-Verify's own results (sympy objects) are refused with a
``TypeError``: parse both sides with this module.

Options (the signatures are Math-Verify 0.9's; any other keyword raises ``TypeError``):

================================== ======================================================
option                             what relift does with it
================================== ======================================================
parse ``extraction_config``        honoured in part: if any entry has
                                   ``try_extract_without_anchor=True`` (the default), an
                                   answer is found behind ``\\boxed{}``, "the answer is",
                                   ``$...$``, else the whole text or the last number;
                                   if all have it False, only behind ``\\boxed{}`` and
                                   "the answer is". Their other fields are ignored:
                                   relift always tries ``\\boxed{}`` first (whatever
                                   ``boxed_match_priority``, even -1), normalises LaTeX
                                   its own way (``normalization_config``) and reads choice
                                   letters itself (``StringExtractionConfig.strings``).
parse ``fallback_mode``,           checked against Math-Verify's values, else ignored
``extraction_mode``                (relift keeps one answer per text)
parse ``parsing_timeout``,         ignored: relift bounds every item by a work budget and
verify ``timeout_seconds``         uses no signals, so it also runs outside the main thread
parse/verify ``raise_on_error``    honoured: a relift error raises instead of giving
                                   ``[]`` / False (bad argument types always raise)
verify ``float_rounding``          honoured approximately, as relift's relative
                                   ``float_tolerance = 10**-float_rounding`` (an int >= 1);
                                   relift applies it only when a side is not exact (``\\pi``,
                                   ``\\sqrt2``); exact numbers compare exactly, except that a
                                   decimal gold accepts a response rounded to its places
verify ``numeric_precision``,      ignored: relift's exact and interval arithmetic, its
``strict``,                        comparison rules (a tuple equals the set of its elements;
``allow_set_relation_comp``        variables are matched by name)
================================== ======================================================

``LatexExtractionConfig``, ``ExprExtractionConfig``, ``StringExtractionConfig`` and
``LatexNormalizationConfig`` are stand-ins with Math-Verify's fields and defaults, so imports of
them switch too; Math-Verify's own config objects are accepted as well. ``math_metric`` is not
provided.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from relift._core import extract_answer
from relift._core import verify as relift_verify
from relift.errors import InvalidInputError, ReliftError
from relift.integrations._common import gold_parses

__all__ = [
    "ExprExtractionConfig",
    "LatexExtractionConfig",
    "LatexNormalizationConfig",
    "ParsedAnswer",
    "StringExtractionConfig",
    "parse",
    "verify",
]

#: Where relift found an answer behind a marker, not by falling back to the last number.
MARKED = ("boxed", "answer_is", "math_span")
#: A word of two or more letters that is not a LaTeX command (``\frac``): prose, not a formula.
WORD = re.compile(r"(?<![\\A-Za-z])[A-Za-z]{2,}")


@dataclass(frozen=True)
class LatexNormalizationConfig:
    """Math-Verify's LaTeX normalisation switches: accepted, ignored."""

    basic_latex: bool = True
    units: bool = False
    malformed_operators: bool = False
    nits: bool = False
    boxed: Literal["all", "last", "none"] = "all"
    equations: bool = False


@dataclass(frozen=True)
class LatexExtractionConfig:
    """Math-Verify's LaTeX extraction: only ``try_extract_without_anchor`` matters here."""

    try_extract_without_anchor: bool = True
    boxed_match_priority: int = 50
    normalization_config: Any = field(
        default_factory=lambda: LatexNormalizationConfig(
            units=True, malformed_operators=True, nits=True
        )
    )


@dataclass(frozen=True)
class ExprExtractionConfig:
    """Math-Verify's plain-expression extraction."""

    try_extract_without_anchor: bool = True


@dataclass(frozen=True)
class StringExtractionConfig:
    """Math-Verify's literal-string (choice letter) extraction: relift reads choice letters
    itself, so only ``try_extract_without_anchor`` matters."""

    strings: tuple[str, ...] = ("A", "B", "C", "D")
    try_extract_without_anchor: bool = True
    lowercase: bool = True


class ExtractionTarget(Protocol):
    """Any extraction config, these stand-ins or Math-Verify's own."""

    @property
    def try_extract_without_anchor(self) -> bool: ...


DEFAULT_EXTRACTION: tuple[ExtractionTarget, ...] = (
    LatexExtractionConfig(),
    ExprExtractionConfig(),
)


@dataclass(frozen=True, repr=False)
class ParsedAnswer:
    """One ``parse`` result. ``text``: the raw text; ``answer``: the answer it holds (behind a
    marker, else the whole text, stripped); ``reading``: how it is graded as a target (as a model
    response, as a whole, or either; module docstring); ``extract_fallback``: relift's extraction
    fallback when it is graded as a response."""

    text: str
    answer: str
    reading: Literal["response", "whole", "either"]
    extract_fallback: Literal["answer_is", "last_number"]

    def __str__(self) -> str:
        return self.answer

    def __repr__(self) -> str:
        return f"ParsedAnswer({self.answer!r})"


def parse(
    pred: str,
    extraction_config: Sequence[ExtractionTarget] = DEFAULT_EXTRACTION,
    fallback_mode: Literal["no_fallback", "first_match"] = "first_match",
    extraction_mode: Literal["first_match", "any_match"] = "any_match",
    parsing_timeout: int | None = 5,
    raise_on_error: bool = False,
) -> list[ParsedAnswer]:
    """``[ParsedAnswer]`` for ``pred``, or ``[]`` when relift finds no answer in it (empty text,
    or no extractable answer and no readable whole text). Options: module docstring."""
    if not isinstance(pred, str):
        raise TypeError(f"parse: pred must be a string, got {type(pred).__name__}")
    fallback = _extract_fallback(extraction_config)
    _check_choice("fallback_mode", fallback_mode, ("no_fallback", "first_match"))
    _check_choice("extraction_mode", extraction_mode, ("first_match", "any_match"))
    whole = pred.strip()
    if not whole:
        return []
    try:
        extracted, method = extract_answer(pred, extract_fallback=fallback)
        if method == "none" and not gold_parses(whole):
            return []
    except ReliftError:
        if raise_on_error:
            raise
        return []
    reading: Literal["response", "whole", "either"] = "response"
    answer = whole
    if method in MARKED and extracted is not None:
        answer = extracted
    elif fallback == "last_number":  # answers without a marker are allowed
        reading = "either" if WORD.search(whole) else "whole"
    return [ParsedAnswer(text=pred, answer=answer, reading=reading, extract_fallback=fallback)]


def verify(
    gold: Any,
    target: Any,
    float_rounding: int = 6,
    numeric_precision: int = 15,
    strict: bool = True,
    allow_set_relation_comp: bool = False,
    timeout_seconds: int | None = 5,
    raise_on_error: bool = False,
) -> bool:
    """True if any target answer equals any gold answer under relift's verifier. ``gold`` and
    ``target``: ``parse`` results, strings, numbers, or lists of them. Options: module docstring.
    """
    if isinstance(float_rounding, bool) or not isinstance(float_rounding, int):
        raise TypeError(f"float_rounding must be an int, got {type(float_rounding).__name__}")
    if float_rounding < 1:
        raise InvalidInputError(
            f"float_rounding={float_rounding} cannot be honoured: relift's float tolerance "
            "10**-float_rounding must be below 1, so pass an int >= 1"
        )
    tolerance = 10.0**-float_rounding
    golds, targets = _answers(gold, "gold"), _answers(target, "target")
    try:
        return any(_matches(g, t, tolerance) for g in golds for t in targets)
    except ReliftError:
        if raise_on_error:
            raise
        return False


def _matches(gold: ParsedAnswer, target: ParsedAnswer, tolerance: float) -> bool:
    as_response: dict[str, Any] = {
        "extract_fallback": target.extract_fallback,
        "float_tolerance": tolerance,
    }
    if target.reading != "whole" and relift_verify(target.text, gold.answer, **as_response):
        return True
    # the whole text as the answer, as if boxed; the box must not close early
    return (
        target.reading != "response"
        and _balanced(target.answer)
        and relift_verify(f"\\boxed{{{target.answer}}}", gold.answer, float_tolerance=tolerance)
    )


def _answers(value: object, side: str) -> list[ParsedAnswer]:
    if isinstance(value, ParsedAnswer):
        return [value]
    if isinstance(value, str):
        return parse(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return parse(str(value))
    if isinstance(value, list | tuple):
        return [answer for item in value for answer in _answers(item, side)]
    hint = ""
    if type(value).__module__.split(".")[0] == "sympy":
        hint = " (a result of Math-Verify's own parse: parse with relift.integrations.math_verify)"
    raise TypeError(
        f"verify: {side} must be parse() results, strings, numbers or a list of them, "
        f"got {type(value).__name__}{hint}"
    )


def _extract_fallback(configs: Sequence[ExtractionTarget]) -> Literal["answer_is", "last_number"]:
    if isinstance(configs, str) or not isinstance(configs, Sequence):
        raise TypeError(
            "extraction_config must be a list of extraction configs, e.g. "
            f"[LatexExtractionConfig()], got {type(configs).__name__}"
        )
    if not configs:
        raise InvalidInputError("extraction_config is empty: pass at least one extraction config")
    for config in configs:
        if not hasattr(config, "try_extract_without_anchor"):
            raise TypeError(
                "extraction_config entries must be LatexExtractionConfig, ExprExtractionConfig "
                f"or StringExtractionConfig, got {type(config).__name__}"
            )
    anchorless = any(config.try_extract_without_anchor for config in configs)
    return "last_number" if anchorless else "answer_is"


def _check_choice(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise InvalidInputError(f"{name}={value!r} is not valid: expected one of {allowed}")


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0
