#!/usr/bin/env bash
# relift's GPU acceptance run, in one command, sized for about 10 minutes on one GPU (not yet run
# on one: see BENCHMARKS.md, "GPU acceptance"). Stages, in order:
#   install     pip install -e ".[train,vllm]" (or from a wheelhouse; --no-install skips it)
#   prepare     a small Qwen2 + character tokenizer and a tiny addition dataset, built locally
#   gpu-tests   pytest -m gpu: every GPU-only test (vLLM engine, sleep mode, CUDA RNG, bf16, ...)
#   generation  benches/generation_bench.py: relift's VLLMEngine against bare vllm.LLM.generate
#   train       20 steps of `relift train` with rollout.engine: vllm on the prepared model
#   train-hf    the same 20 steps with rollout.engine: hf (transformers generate on CUDA, no vLLM)
# Each stage runs under a time budget; a failed stage is recorded and the run goes on. Everything
# measured goes into one JSON file (--output). Exit status: 0 every stage passed (or was skipped
# on request), 1 a stage failed, 2 a usage error, 3 none failed but a stage could not run here.
# `--dry-run` prints the plan and runs nothing (any machine). `--help` for the options.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CALLER_PWD="$PWD"
ARGS=("$@")
HELPER=benches/gpu_acceptance.py
STAGES=(install prepare gpu-tests generation train train-hf)

PYTHON="${PYTHON:-python3}"
OUTPUT="runs/gpu_acceptance.json"
OUTPUT_SET=0
WORKDIR=""
DRY_RUN=0
INSTALL=1
WHEELHOUSE=""
SKIP=""
TRAIN_STEPS=20
MIN_RATIO=0.9

usage() {
    cat <<'EOF'
usage: benches/gpu_acceptance.sh [--dry-run] [--no-install | --wheelhouse DIR] [--output FILE]
                                 [--workdir DIR] [--skip STAGE[,STAGE...]] [--python PYTHON]

  --dry-run         print the stages, their commands and time budgets, in order; run nothing
  --no-install      skip the install stage: use the relift, torch and vLLM already importable
                    (a relift that is not installed is taken from the checkout's python/ when
                    its compiled core, python/relift/_core*.so, is there)
  --wheelhouse DIR  install from DIR only, no index (a machine without internet): DIR must hold
                    a relift wheel built from this checkout (maturin build --release --out DIR)
                    and wheels of every requirement of relift[train,vllm] not yet installed
  --output FILE     the run's JSON (default runs/gpu_acceptance.json); stage logs and files go
                    to FILE without .json, as a folder (or --workdir DIR)
  --skip STAGES     leave out stages (install, prepare, gpu-tests, generation, train, train-hf); they are
                    recorded as skipped on request
  --python PYTHON   the interpreter for every stage (default: $PYTHON, else python3)

What the stages need: a CUDA GPU, and importable relift, torch, transformers, pytest,
pytest-timeout, pydantic, pyyaml and vLLM (relift[train,vllm] + pytest-timeout). A stage whose
needs are missing is recorded as skipped, with the reason, and the run exits 3.
EOF
}

die() {
    echo "gpu_acceptance.sh: $*" >&2
    exit 2
}

while (($#)); do
    case "$1" in
        --dry-run) DRY_RUN=1 ;;
        --no-install) INSTALL=0 ;;
        --wheelhouse) WHEELHOUSE="${2:?--wheelhouse needs a folder}"; shift ;;
        --output) OUTPUT="${2:?--output needs a file}"; OUTPUT_SET=1; shift ;;
        --workdir) WORKDIR="${2:?--workdir needs a folder}"; shift ;;
        --skip) SKIP="${SKIP:+$SKIP,}${2:?--skip needs stage names}"; shift ;;
        --python) PYTHON="${2:?--python needs an interpreter}"; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
done

IFS=',' read -r -a SKIPPED <<<"$SKIP"
for name in ${SKIPPED[@]+"${SKIPPED[@]}"}; do
    [[ " ${STAGES[*]} " == *" $name "* ]] || die "--skip: no stage named '$name' (${STAGES[*]})"
done
if [[ $INSTALL == 0 && -n $WHEELHOUSE ]]; then
    die "--no-install and --wheelhouse contradict each other"
fi

# Paths the caller gave are relative to where they called from; the defaults to the checkout.
absolute() {
    case "$1" in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s\n' "$2/$1" ;;
    esac
}
if [[ $OUTPUT_SET == 1 ]]; then OUTPUT="$(absolute "$OUTPUT" "$CALLER_PWD")"; else OUTPUT="$ROOT/$OUTPUT"; fi
if [[ -z $WORKDIR ]]; then
    if [[ $OUTPUT == *.json ]]; then WORKDIR="${OUTPUT%.json}"; else WORKDIR="$OUTPUT.work"; fi
else
    WORKDIR="$(absolute "$WORKDIR" "$CALLER_PWD")"
fi
[[ -z $WHEELHOUSE ]] || WHEELHOUSE="$(absolute "$WHEELHOUSE" "$CALLER_PWD")"
cd "$ROOT"

budget_of() {
    case "$1" in
        install) echo 900 ;;
        prepare) echo 120 ;;
        gpu-tests) echo 360 ;;
        generation) echo 240 ;;
        train) echo 300 ;;
        train-hf) echo 240 ;;
    esac
}

needs_of() {
    case "$1" in
        install)
            if [[ -n $WHEELHOUSE ]]; then
                echo "the wheels in $WHEELHOUSE (no index is asked)"
            else
                echo "PyPI, and a Rust toolchain with crates.io for the editable build"
            fi
            ;;
        prepare) echo "relift, torch, transformers (CPU is enough)" ;;
        gpu-tests) echo "relift, torch, pytest, pytest-timeout; the tests skip, with a reason, what has no GPU or no vLLM" ;;
        generation) echo "a CUDA GPU, vLLM, the prepare stage" ;;
        train) echo "a CUDA GPU, vLLM, relift[train], the prepare stage" ;;
        train-hf) echo "a CUDA GPU, relift[train], the prepare stage (no vLLM)" ;;
    esac
}

# Sets CMD (the stage's command, an array) and ARTIFACT (the file its judge reads, or "").
stage_command() {
    ARTIFACT=""
    case "$1" in
        install)
            if [[ -n $WHEELHOUSE ]]; then
                CMD=("$PYTHON" -m pip install --no-index --find-links "$WHEELHOUSE" "relift[train,vllm]")
            else
                CMD=("$PYTHON" -m pip install -e ".[train,vllm]")
            fi
            ;;
        prepare)
            CMD=("$PYTHON" "$HELPER" prepare --workdir "$WORKDIR")
            ;;
        gpu-tests)
            ARTIFACT="$WORKDIR/gpu_tests.xml"
            CMD=("$PYTHON" -m pytest -m gpu -p no:cacheprovider --continue-on-collection-errors
                "--junitxml=$ARTIFACT" tests)
            ;;
        generation)
            ARTIFACT="$WORKDIR/generation.json"
            CMD=("$PYTHON" benches/generation_bench.py --model "$WORKDIR/model-bench"
                --baseline vllm --prompts 64 --rollouts 8 --max-new-tokens 128 --repeats 5
                --min-ratio "$MIN_RATIO" --json "$ARTIFACT")
            ;;
        train | train-hf)
            local engine=vllm run="$1"
            [[ $1 == train ]] || engine=hf
            ARTIFACT="$WORKDIR/$run/logs/metrics.jsonl"
            CMD=("$PYTHON" -m relift.cli.main train --config configs/tiny_cpu.yaml
                --set "model.name_or_path=$WORKDIR/model-train" --set model.dtype=auto
                --set "data.train_files=[$WORKDIR/data/train.jsonl]"
                --set "data.eval_files=[$WORKDIR/data/eval.jsonl]"
                --set "rollout.engine=$engine" --set "schedule.max_steps=$TRAIN_STEPS"
                --set "checkpoint.dir=$WORKDIR/$run/checkpoints"
                --set "logging.dir=$WORKDIR/$run/logs" --set logging.progress_bar=false
                --set "logging.run_name=gpu_acceptance_$run")
            ;;
    esac
}

# A command as one line that a shell reads back to the same words.
quoted() {
    local word out=()
    for word in "$@"; do
        if [[ $word =~ ^[A-Za-z0-9_./=:,@%+-]+$ ]]; then
            out+=("$word")
        else
            out+=("'${word//\'/\'\\\'\'}'")
        fi
    done
    printf '%s\n' "${out[*]}"
}

skip_reason() {  # why a stage is left out on request, or nothing
    local name
    for name in ${SKIPPED[@]+"${SKIPPED[@]}"}; do
        if [[ $name == "$1" ]]; then
            echo "left out on request (--skip $1)"
            return
        fi
    done
    if [[ $1 == install && $INSTALL == 0 ]]; then echo "left out on request (--no-install)"; fi
}

helper() { "$PYTHON" "$HELPER" "$@"; }

# A relift that is not installed is taken from the checkout, when its compiled core is there.
use_checkout_if_needed() {
    if ! "$PYTHON" -c 'import relift' >/dev/null 2>&1 && compgen -G "python/relift/_core*.so" >/dev/null; then
        export PYTHONPATH="$ROOT/python${PYTHONPATH:+:$PYTHONPATH}"
        echo "relift is not installed: using $ROOT/python (PYTHONPATH)"
    fi
}

print_plan() {
    local i=0 stage total=0 reason
    echo "relift GPU acceptance: $([[ $DRY_RUN == 1 ]] && echo "dry run, nothing is run" || echo "plan")"
    echo "output: $OUTPUT"
    echo "stage logs and files: $WORKDIR/"
    for stage in "${STAGES[@]}"; do
        i=$((i + 1))
        stage_command "$stage"
        reason="$(skip_reason "$stage")"
        if [[ $stage == prepare ]]; then
            echo "then: probe the machine (GPU, versions, missing packages); budget 120 s"
            echo "    $(quoted "$PYTHON" "$HELPER" probe --workdir "$WORKDIR")"
        fi
        printf '%d/%d %-11s budget %4ss  needs: %s\n' "$i" "${#STAGES[@]}" "$stage" \
            "$(budget_of "$stage")" "$(needs_of "$stage")"
        if [[ -n $reason ]]; then
            echo "    skipped: $reason"
        else
            [[ $stage == install ]] || total=$((total + $(budget_of "$stage")))
            echo "    $(quoted "${CMD[@]}")"
        fi
    done
    echo "after each stage: judge it and rewrite the JSON"
    echo "    $(quoted "$PYTHON" "$HELPER" assemble --workdir "$WORKDIR" --output "$OUTPUT" --stages "$(IFS=,; echo "${STAGES[*]}")")"
    echo "budgets of the stages after install add up to ${total} s: ceilings (a stage is stopped"
    echo "at its budget and recorded as failed); the run is sized for about 10 minutes on one GPU"
}

if [[ $DRY_RUN == 1 ]]; then
    print_plan
    exit 0
fi

command -v "$PYTHON" >/dev/null || die "no Python interpreter '$PYTHON' (set --python)"
command -v timeout >/dev/null || die "needs coreutils' timeout"
STARTED="$(date +%Y-%m-%dT%H:%M:%S%z)"
ARGV="$(quoted benches/gpu_acceptance.sh ${ARGS[@]+"${ARGS[@]}"})"
mkdir -p "$WORKDIR/logs" "$WORKDIR/stages"
rm -rf "$WORKDIR"/stages/*.json "$WORKDIR/env.json" "$WORKDIR/train" "$WORKDIR/train-hf"
export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
export VLLM_NO_USAGE_STATS=1 DO_NOT_TRACK=1
print_plan
STAGE_LIST="$(IFS=,; echo "${STAGES[*]}")"

assemble() {
    helper assemble --workdir "$WORKDIR" --output "$OUTPUT" --stages "$STAGE_LIST" \
        --started "$STARTED" --argv "$ARGV" "$@"
}

probe() {
    use_checkout_if_needed
    echo "=== probe"
    timeout --kill-after=10 120 "$PYTHON" "$HELPER" probe --workdir "$WORKDIR" ||
        echo "the probe failed; the stages will say what they lack"
}

run_stage() {
    local stage="$1" budget log reason start rc
    budget="$(budget_of "$stage")"
    log="$WORKDIR/logs/$stage.log"
    stage_command "$stage"
    local record=(record --workdir "$WORKDIR" --stage "$stage" --budget "$budget"
        --command "$(quoted "${CMD[@]}")")
    echo "=== $stage (budget ${budget} s)"
    reason="$(skip_reason "$stage")"
    if [[ -n $reason ]]; then
        helper "${record[@]}" --skip "$reason" --requested || true
    elif ! reason="$(helper needs --workdir "$WORKDIR" "$stage")"; then
        helper "${record[@]}" --skip "${reason:-the needs check failed}" || true
    else
        echo "\$ $(quoted "${CMD[@]}")"
        [[ -z $ARTIFACT ]] || rm -f "$ARTIFACT"
        start="$(date +%s%N)"
        set +e
        # timeout runs the stage in its own process group, killed whole at the budget (vLLM's
        # compile workers too); no terminal input, which would stop a background group.
        timeout --kill-after=30 "$budget" "${CMD[@]}" </dev/null 2>&1 | tee "$log"
        rc="${PIPESTATUS[0]}"
        set -e
        local seconds
        seconds="$(( ($(date +%s%N) - start) / 1000000 ))"
        seconds="$((seconds / 1000)).$(printf '%03d' $((seconds % 1000)))"
        helper "${record[@]}" --rc "$rc" --seconds "$seconds" --log "$log" \
            ${ARTIFACT:+--artifact "$ARTIFACT"} --steps "$TRAIN_STEPS" || true
    fi
    assemble --quiet >/dev/null || true
}

for stage in "${STAGES[@]}"; do
    if [[ $stage == prepare ]]; then
        probe  # after install: the versions and packages the stages will use
    fi
    run_stage "$stage"
done

status=0
assemble || status=$?
exit "$status"
