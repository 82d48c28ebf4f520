#!/usr/bin/env bash
# Builds the libFuzzer harness for the YAML subset parser (with AddressSanitizer) into
# .build/fuzz/yaml-fuzz. Usage: Tests/Fuzz/YAMLFuzz/build.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
config=$root/Sources/TTAMonitorCore/Config
mkdir -p "$root/.build/fuzz"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    "$config"/YAML*.swift "$config/SourceLocation.swift" "$root"/Sources/TTAMonitorCore/Basics/JSON{Value,Writer}.swift \
    "$root/Tests/Fuzz/YAMLFuzz/main.swift" \
    -o "$root/.build/fuzz/yaml-fuzz"
echo "$root/.build/fuzz/yaml-fuzz"
