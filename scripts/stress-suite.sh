#!/usr/bin/env bash
# Runs the whole test suite N times (default 3) with `stress-ng --cpu 2` loading the CPUs
# beside it, and reports each run: the suite's timing assertions and generous deadlines must
# hold on a busy machine, as on a loaded CI runner. Builds once, then runs the built tests.
#
#   scripts/stress-suite.sh            # 3 runs
#   scripts/stress-suite.sh 1          # 1 run
#   scripts/stress-suite.sh 5 --filter Reliability
#
# Logs go to stress-out/run-K.log; the exit status is 1 when any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
shift || true
case "$runs" in ''|*[!0-9]*) echo "usage: scripts/stress-suite.sh [RUNS] [swift test options]" >&2; exit 64 ;; esac
command -v stress-ng >/dev/null || { echo "stress-ng is not installed (scripts/install-deps.sh installs it)" >&2; exit 69; }

swift build --build-tests || exit 1
mkdir -p stress-out
failed=0
for run in $(seq 1 "$runs"); do
  # Two CPU hogs at full load, for longer than any suite run; killed when the run ends.
  stress-ng --cpu 2 --timeout 3600s --quiet &
  stress=$!
  started=$(date +%s)
  swift test --skip-build --no-parallel "$@" >"stress-out/run-$run.log" 2>&1
  status=$?
  kill "$stress" 2>/dev/null
  wait "$stress" 2>/dev/null
  seconds=$(( $(date +%s) - started ))
  # Swift Testing's closing line: "Test run with N tests in M suites passed/failed after S seconds …".
  summary=$(grep -E 'Test run with [0-9]+ tests' "stress-out/run-$run.log" | tail -1)
  if [ "$status" = 0 ]; then verdict=passed; else verdict=FAILED; failed=1; fi
  echo "run $run/$runs: $verdict in ${seconds}s — ${summary:-no summary line (see stress-out/run-$run.log)}"
  if [ "$status" != 0 ]; then
    grep -E '✘|recorded an issue' "stress-out/run-$run.log" | head -20
  fi
done
exit "$failed"
