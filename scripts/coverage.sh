#!/usr/bin/env bash
# Line coverage of the TTAMonitorCore library, counting what the unit tests run in-process
# and what the end-to-end tests run through the built binary: both are instrumented, every
# process writes its own profile into one folder (the tests pass LLVM_PROFILE_FILE on to the
# binary, see Tests/.../Support/BinaryEnvironment.swift), and llvm-cov reads both objects.
# Usage: scripts/coverage.sh [swift test arguments, e.g. --filter Suite]
# Prints a table per folder and the total; exits 1 under the goals (90% overall, 85% a folder)
# when TTA_COVERAGE_ENFORCE=1.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-coverage
# The toolchain's own LLVM tools: another llvm-profdata on PATH cannot read Swift's profiles.
toolchain=$(dirname "$(readlink -f "$(command -v swift)")")
profiles=$(mktemp -d)
trap 'rm -rf "$profiles"' EXIT
swift build --build-tests --enable-code-coverage --scratch-path "$scratch" >/dev/null
bin_dir=$(swift build --enable-code-coverage --scratch-path "$scratch" --show-bin-path)
touch "$profiles/started"
# SwiftPM may point LLVM_PROFILE_FILE at its own folder instead: both are collected below.
# %p: one file per process; %m: merged per binary when a pid is reused.
LLVM_PROFILE_FILE="$profiles/%p-%m.profraw" \
  swift test --skip-build --no-parallel --enable-code-coverage --scratch-path "$scratch" "$@" >"$profiles/test.log" 2>&1 \
  || { tail -30 "$profiles/test.log"; echo "coverage: the tests failed" >&2; exit 1; }
tail -1 "$profiles/test.log"
find "$scratch" -name '*.profraw' -newer "$profiles/started" -exec mv {} "$profiles/" \; 2>/dev/null || true
"$toolchain/llvm-profdata" merge -sparse "$profiles"/*.profraw -o "$profiles/merged.profdata"
tests=$(find "$bin_dir" -name 'tta-monitorPackageTests.xctest' -type f | head -1)
"$toolchain/llvm-cov" export -summary-only -instr-profile "$profiles/merged.profdata" "$tests" -object "$bin_dir/tta-monitor" \
  -ignore-filename-regex '(\.build|Tests/|Sources/CCurl|Sources/tta-monitor/)' > "$profiles/summary.json"
python3 - "$profiles/summary.json" "$PWD/Sources/TTAMonitorCore/" <<'PY'
import json, os, sys
data, root = json.load(open(sys.argv[1])), sys.argv[2]
folders = {}
for entry in data["data"][0]["files"]:
    name = entry["filename"]
    if not name.startswith(root): continue
    relative = os.path.dirname(name[len(root):]) or "."
    top = relative.split("/")[0]
    lines = entry["summary"]["lines"]
    covered, count = folders.get(top, (0, 0))
    folders[top] = (covered + lines["covered"], count + lines["count"])
total_covered = sum(c for c, _ in folders.values()); total = sum(n for _, n in folders.values())
print(f"{'folder':<12} {'lines':>7} {'covered':>8} {'%':>6}")
worst = 100.0
for folder in sorted(folders):
    covered, count = folders[folder]
    percent = 100.0 * covered / count if count else 100.0
    worst = min(worst, percent)
    print(f"{folder:<12} {count:>7} {covered:>8} {percent:>6.1f}")
overall = 100.0 * total_covered / total
print(f"{'TOTAL':<12} {total:>7} {total_covered:>8} {overall:>6.1f}")
if os.environ.get("TTA_COVERAGE_ENFORCE") == "1" and (overall < 90 or worst < 85):
    print("coverage: under the goals (90% overall, 85% in every folder)", file=sys.stderr); sys.exit(1)
PY
