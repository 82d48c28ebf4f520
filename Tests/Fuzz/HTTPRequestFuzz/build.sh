#!/usr/bin/env bash
# Builds the libFuzzer harness for HTTPRequestParser (with AddressSanitizer) into
# .build/fuzz/http-request-fuzz. Usage: Tests/Fuzz/HTTPRequestFuzz/build.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
http=$root/Sources/TTAMonitorCore/Serve/HTTP
mkdir -p "$root/.build/fuzz"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    "$http"/HTTP{Request,RequestLimits,ParseFailure,RequestParser,RequestLine,HeaderLine}.swift \
    "$root/Tests/Fuzz/HTTPRequestFuzz/main.swift" \
    -o "$root/.build/fuzz/http-request-fuzz"
echo "$root/.build/fuzz/http-request-fuzz"
