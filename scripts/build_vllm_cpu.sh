#!/usr/bin/env bash
# Builds vLLM from its source distribution for CPU into .venv-vllm (make vllm-cpu), so the vLLM
# rollout engine can be tested against the real vLLM on a machine without a GPU
# (make test-vllm). Every step and its time goes to .venv-vllm/build.log.
#
# Needs: gcc/g++ >= 12.3 (vLLM's x86 CPU backend refuses older ones), root or sudo for apt
# (libnuma-dev, libtcmalloc-minimal4), PyPI, crates.io, and the oneDNN source that vLLM's CMake
# fetches from GitHub. Where GitHub is out of reach, point ONEDNN_SRC at a local oneDNN checkout
# of the tag vLLM pins (v3.13 for vLLM 0.33.0). On relift's development machines (Debian 12,
# gcc 12.2.0, no GitHub) it stops at CMake's compiler check: docs/vllm-cpu.md.
set -euo pipefail
cd "$(dirname "$0")/.."

VLLM_VERSION=${VLLM_VERSION:-0.33.0}   # in relift's supported range (relift.rollout.vllm)
TORCH_VERSION=${TORCH_VERSION:-2.14.0} # what that vLLM release pins (requirements/build/cpu.txt)
VENV=$(realpath -m "${VLLM_VENV:-.venv-vllm}")
PYTHON=${PYTHON:-python3}
WORK="$VENV/src"
LOG="$VENV/build.log"

mkdir -p "$WORK"
: > "$LOG"
step() {  # step NAME COMMAND...: run, log, time; on failure say where it stopped
    local name=$1 start=$SECONDS
    shift
    echo "== $(date -u +%FT%TZ) $name: $*" | tee -a "$LOG"
    if ! "$@" >> "$LOG" 2>&1; then
        echo "!! stopped at '$name' after $((SECONDS - start)) s; the last lines of $LOG:" >&2
        tail -n 40 "$LOG" >&2
        exit 1
    fi
    echo "== $name took $((SECONDS - start)) s" | tee -a "$LOG"
}

apt_install() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y --no-install-recommends libnuma-dev libtcmalloc-minimal4
}

fetch_sdist() {  # the sdist's URL from PyPI's JSON API (pip download would build its metadata)
    "$VENV/bin/python" - "$VLLM_VERSION" "$WORK" <<'PY'
import json, sys, tarfile, urllib.parse, urllib.request
version, work = sys.argv[1], sys.argv[2]
index = "https://pypi.org/pypi/vllm/json"  # the registry mirror here serves the project page only
meta = json.load(urllib.request.urlopen(index))
files = meta["releases"][version]
url = urllib.parse.urljoin(index, next(f["url"] for f in files if f["packagetype"] == "sdist"))
path = f"{work}/vllm-{version}.tar.gz"
urllib.request.urlretrieve(url, path)
with tarfile.open(path) as tar:
    tar.extractall(work, filter="data")
print(url)
PY
}

build_requirements() {  # vLLM's CPU build requirements, with PyPI's torch instead of +cpu
    local src="$WORK/vllm-$VLLM_VERSION"
    grep -v '^torch==' "$src/requirements/build/cpu.txt" > "$WORK/build-requirements.txt"
    "$VENV/bin/pip" install "torch==$TORCH_VERSION" -r "$WORK/build-requirements.txt"
}

runtime_requirements() {
    local src="$WORK/vllm-$VLLM_VERSION"
    # torch stays the one installed above; wheels that only GitHub serves (triton-cpu) are left
    # out, and said so: PyPI's triton came with torch.
    grep -v -E '^(torch|torchaudio|torchvision|torchcodec)([=<> ;]|$)' "$src/requirements/cpu.txt" \
        | sed 's#^-r common.txt#-r '"$src"'/requirements/common.txt#' > "$WORK/requirements.all"
    grep 'github.com' "$WORK/requirements.all" | sed 's/^/left out (GitHub only): /' || true
    grep -v 'github.com' "$WORK/requirements.all" > "$WORK/requirements.txt"
    "$VENV/bin/pip" install -r "$WORK/requirements.txt"
}

cuda_for_cmake() {
    # PyPI's torch is a CUDA build, and its CMake package (Caffe2Config.cmake) stops any
    # extension build that cannot find a CUDA toolkit, a CPU-only one included. PyPI's nvcc and
    # CUDA runtime wheels are enough for it to be found; nothing is compiled for CUDA.
    "$VENV/bin/pip" install "nvidia-cuda-nvcc==13.0.*" "nvidia-nvvm==13.0.*" "nvidia-cuda-crt==13.0.*"
    local cuda="$VENV/lib/python3.11/site-packages/nvidia/cu13"
    ln -sf libcudart.so.13 "$cuda/lib/libcudart.so"
    ln -sfn lib "$cuda/lib64"  # where nvcc looks for them
}

build_vllm() {
    local src="$WORK/vllm-$VLLM_VERSION"
    local cuda="$VENV/lib/python3.11/site-packages/nvidia/cu13"
    (cd "$src" && "$VENV/bin/python" tools/use_existing_torch.py)  # keep the torch installed above
    (cd "$src" && PATH="$VENV/bin:$cuda/bin:$PATH" CUDA_HOME="$cuda" VLLM_TARGET_DEVICE=cpu MAX_JOBS="${MAX_JOBS:-2}" \
        FETCHCONTENT_SOURCE_DIR_ONEDNN="${ONEDNN_SRC:-}" \
        "$VENV/bin/pip" install -v --no-build-isolation --no-deps .)  # deps: the step before
}

install_relift() {
    "$VENV/bin/pip" install maturin "pytest>=8" "pytest-timeout>=2.3" pydantic pyyaml tqdm \
        safetensors "transformers>=4.45" pyarrow
    VIRTUAL_ENV="$VENV" "$VENV/bin/maturin" develop --release
}

total=$SECONDS
step "apt packages" apt_install
step "venv" "$PYTHON" -m venv "$VENV"
step "pip upgrade" "$VENV/bin/pip" install --upgrade pip
step "vLLM $VLLM_VERSION sdist" fetch_sdist
step "build requirements (torch $TORCH_VERSION)" build_requirements
step "runtime requirements" runtime_requirements
step "a CUDA toolkit for torch's CMake package" cuda_for_cmake
step "build vLLM for CPU" build_vllm
step "relift into the vLLM venv" install_relift
echo "== vLLM $VLLM_VERSION built for CPU in $((SECONDS - total)) s" | tee -a "$LOG"
