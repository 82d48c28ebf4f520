#!/usr/bin/env bash
# Builds tta-monitor and runs the whole test suite (unit and end-to-end tests against real
# redis-server and local HTTP servers). The YAML conformance and reference-config tests read
# ../shared/ (or $TTA_YAML_SUITE / $TTA_REFERENCE_DIR) and print a notice when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
# Serially: the suites include timing assertions (a hung target must fail at its own
# deadline), and on a 2-core CI machine parallel suites starve each other's threads.
# Serial takes about 15 s instead of 3 s and never flakes.
swift test --skip-build --no-parallel "$@"
