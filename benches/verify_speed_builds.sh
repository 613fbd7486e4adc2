#!/usr/bin/env bash
# The verifier's RL-batch speed on one thread, this checkout against an older commit, run
# alternately in the same session (these machines are noisy): builds REV's wheel into its own
# venv, then runs `benches/verify_speed.py --no-mv` RUNS times with each build in turn and prints
# every run and the two medians.
#
#   bash benches/verify_speed_builds.sh REV [RUNS]      # e.g. 33315ea 5
#
# This checkout's build is the one in .venv-bench (BENCHMARKS.md, set-up; rebuild it first).
set -euo pipefail
rev=${1:?usage: verify_speed_builds.sh REV [RUNS]}
runs=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$root" worktree add --detach "$work/src" "$rev" >/dev/null
(cd "$work/src" && CARGO_TARGET_DIR="$work/target" maturin build --release --quiet --out "$work/wheel")
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet numpy
"$work/venv/bin/pip" install --quiet --no-deps "$work"/wheel/relift-*.whl

one_run() {  # items/s on one thread, from the bench's table
    (cd "$work" && "$1" "$root/benches/verify_speed.py" --no-mv 2>/dev/null) \
        | awk -F'|' '/threads=1 \|/ { gsub(/[ ,]/, "", $4); print $4 }'
}
old=() new=()
for i in $(seq "$runs"); do
    old+=("$(one_run "$work/venv/bin/python")")
    new+=("$(one_run "$root/.venv-bench/bin/python")")
    echo "run $i: $rev ${old[-1]} items/s, this checkout ${new[-1]} items/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "median: $rev $(median "${old[@]}") items/s, this checkout $(median "${new[@]}") items/s"
