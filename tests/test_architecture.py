"""The import rules of ``docs/architecture.md`` ("Who imports whom"), checked on the source.

Every module of ``python/relift`` sits in one layer; a module may import from its own layer and
the ones below, never from above; there are no import cycles (counting imports inside functions,
not those under ``TYPE_CHECKING``); and the modules that ``pip install relift`` (numpy only) must
import do not import torch, transformers or matplotlib at module level.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "python" / "relift"

#: Lowest first. A module's layer is that of its longest listed prefix.
LAYERS: list[tuple[str, list[str]]] = [
    (
        "foundations",
        [
            "relift._core", "relift.errors", "relift.reference", "relift.rng", "relift.testing",
            "relift.textlines", "relift._sympy_worker",
            "relift.cli._args", "relift.cli._progress", "relift.testbed.task",
        ],
    ),
    (
        "verifier, settings and data (numpy only)",
        [
            "relift", "relift.rewards", "relift.evaluation", "relift.metrics", "relift.plots",
            "relift.sympy_fallback",
            "relift.config", "relift.data", "relift.cli", "relift.cli.verify",
            "relift.cli._verify_args", "relift.cli._verify_records", "relift.cli._verify_summary",
            "relift.cli._verify_grading",
        ],
    ),
    (
        "torch building blocks",
        [
            "relift.batch", "relift.losses", "relift.models", "relift.distributed",
            "relift.rollout", "relift.update", "relift.checkpoint_files", "relift.checkpoint",
            "relift.think_template", "relift.prepare_model", "relift.off_policy",
        ],
    ),
    ("the trainer", ["relift.trainer_setup", "relift.trainer_checkpoint", "relift.trainer"]),
    (
        "applications",
        [
            "relift.testbed", "relift.cli.main", "relift.cli.eval", "relift.cli.demo",
            "relift.cli.prepare_model", "relift.cli.select_hard",
        ],
    ),
]  # fmt: skip

#: What the verifier-only install imports: no heavy dependency at module level.
NUMPY_ONLY = [
    "relift", "relift.errors", "relift.rewards", "relift.evaluation", "relift.cli.verify",
    "relift.integrations.verl", "relift.integrations.trl", "relift.integrations.math_verify",
    "relift.sympy_fallback",
]  # fmt: skip
HEAVY = ("torch", "transformers", "matplotlib", "vllm")

#: ``relift/__init__.py`` hands out ``relift.Trainer`` lazily (module ``__getattr__``): the one
#: upward import the rules allow, because it runs only when a caller asks for the trainer.
LAZY_UPWARD = {("relift", "relift.trainer")}


def module_files() -> dict[str, Path]:
    files = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        files[name] = path
    return files


MODULES = module_files()


def layer_of(module: str) -> int:
    best, found = -1, None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, found = len(prefix), index
    assert found is not None, f"{module} is in no layer: add it to LAYERS and docs/architecture.md"
    return found


def imports(path: Path, *, module_level_only: bool = False) -> Iterator[str]:
    """The modules ``path`` imports (``from relift.x import y`` counts as relift.x.y when that
    is a module), skipping ``if TYPE_CHECKING:`` blocks."""

    def walk(node: ast.AST, in_function: bool) -> Iterator[str]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if not (module_level_only and inner):
                if isinstance(child, ast.Import):
                    yield from (alias.name for alias in child.names)
                elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                    for alias in child.names:
                        full = f"{child.module}.{alias.name}"
                        yield full if full in MODULES else child.module
            yield from walk(child, inner)

    yield from walk(ast.parse(path.read_text()), False)


def relift_imports(module: str) -> set[str]:
    return {m for m in imports(MODULES[module]) if m in MODULES and m != module}


def test_every_module_has_a_layer_and_imports_only_downwards() -> None:
    wrong = []
    for module in MODULES:
        for target in relift_imports(module):
            if layer_of(target) > layer_of(module) and (module, target) not in LAZY_UPWARD:
                wrong.append(f"{module} ({LAYERS[layer_of(module)][0]}) imports {target}")
    assert not wrong, "\n".join(wrong)


def test_there_are_no_import_cycles() -> None:
    graph = {m: relift_imports(m) for m in MODULES}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in MODULES:
        if module not in state:
            visit(module, [module])


@pytest.mark.parametrize("module", NUMPY_ONLY)
def test_the_verifier_install_needs_no_heavy_dependency(module: str) -> None:
    heavy = sorted(
        m for m in imports(MODULES[module], module_level_only=True) if m.split(".")[0] in HEAVY
    )
    assert not heavy, f"{module} imports {heavy} at module level"
    # and neither does anything it imports from relift at module level
    seen, todo = set(), [module]
    while todo:
        current = todo.pop()
        seen.add(current)
        for target in imports(MODULES[current], module_level_only=True):
            assert target.split(".")[0] not in HEAVY, f"{module} -> {current} imports {target}"
            if target in MODULES and target not in seen:
                todo.append(target)


def test_the_layers_name_only_real_modules() -> None:
    for _, prefixes in LAYERS:
        for prefix in prefixes:
            assert prefix == "relift._core" or prefix in MODULES, prefix
