#!/usr/bin/env bash
# Builds the libFuzzer harness for the CodeCarbon CSV reader and row parser (with
# AddressSanitizer) into .build/fuzz/codecarbon-csv-fuzz. Usage: Tests/Fuzz/CodeCarbonCSVFuzz/build.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
core=$root/Sources/TTAMonitorCore
mkdir -p "$root/.build/fuzz"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    "$core"/Carbon/{CSVReader,CodeCarbonHeader,CodeCarbonRowParser,CodeCarbonColumn,CarbonRun,CarbonError,LocalTime}.swift \
    "$core/Basics/ExitCode.swift" "$core/Checks/CheckStatus.swift" "$core/Config/DurationParser.swift" "$core"/Basics/{JSONValue,JSONWriter,Timestamps}.swift \
    "$root/Tests/Fuzz/CodeCarbonCSVFuzz/main.swift" \
    -o "$root/.build/fuzz/codecarbon-csv-fuzz"
echo "$root/.build/fuzz/codecarbon-csv-fuzz"
