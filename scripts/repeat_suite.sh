#!/usr/bin/env bash
# Run the whole test suite again and again, each run in its own random order, to find flaky
# tests before CI does.
#
#   scripts/repeat_suite.sh [-n ROUNDS] [-j COPIES] [-- PYTEST_ARGS...]
#
#   -n ROUNDS  how many rounds (default 5)
#   -j COPIES  copies of the suite run at once in each round (default 1); 2 or more load the
#              machine the way a busy CI runner is loaded
#
# Every run gets its own seed; a failing run prints its seed and failed tests, and its full log
# is kept. Replay one with `pytest --randomly-seed=SEED` (add the failed test ids to narrow it).
# Exit status: 0 when every run passed, 1 otherwise. The Python used is $PYTHON, else
# .venv/bin/python, else python3; it needs the [test] extra installed.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  sed -n '5,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

rounds=5
copies=1
while getopts "n:j:h" option; do
  case $option in
    n) rounds=$OPTARG ;;
    j) copies=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[[ $rounds =~ ^[1-9][0-9]*$ && $copies =~ ^[1-9][0-9]*$ ]] || usage

if [[ -n ${PYTHON:-} ]]; then
  python=$PYTHON
elif [[ -x .venv/bin/python ]]; then
  python=.venv/bin/python
else
  python=python3
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/repeat-suite.XXXXXX")
mkdir "$work/tmp" "$work/cache"
trap 'rm -rf "$work/tmp" "$work/cache"' EXIT  # logs are kept; test files and caches are not

failed=0
started=$SECONDS
for ((round = 1; round <= rounds; round++)); do
  pids=()
  seeds=()
  for ((copy = 1; copy <= copies; copy++)); do
    seed=$(((RANDOM << 15) | RANDOM))
    seeds+=("$seed")
    name="round$round-copy$copy"
    # Each copy has its own temporary folder and cache, so copies running at once never meet.
    "$python" -m pytest -q -p randomly --randomly-seed="$seed" \
      --basetemp="$work/tmp/$name" -o cache_dir="$work/cache/$name" "$@" \
      >"$work/$name.log" 2>&1 &
    pids+=($!)
  done
  round_started=$SECONDS
  for ((copy = 1; copy <= copies; copy++)); do
    name="round$round-copy$copy"
    seed=${seeds[copy - 1]}
    if wait "${pids[copy - 1]}"; then
      echo "round $round copy $copy: seed $seed: passed ($((SECONDS - round_started)) s)"
      rm -f "$work/$name.log"
    else
      failed=$((failed + 1))
      echo "round $round copy $copy: seed $seed: FAILED (log: $work/$name.log)"
      if grep -qE '^(FAILED|ERROR) ' "$work/$name.log"; then
        grep -m 20 -E '^(FAILED|ERROR) ' "$work/$name.log" | sed 's/^/    /'
      else
        tail -n 5 "$work/$name.log"
      fi
    fi
  done
done

runs=$((rounds * copies))
echo "$((runs - failed)) of $runs runs passed in $((SECONDS - started)) s"
if ((failed)); then
  exit 1
fi
rm -rf "$work"
