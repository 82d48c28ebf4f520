#!/usr/bin/env bash
# Builds the libFuzzer harness for PrometheusTextParser (with AddressSanitizer) into
# .build/fuzz/prometheus-text-fuzz. Usage: Tests/Fuzz/PrometheusTextFuzz/build.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
checks=$root/Sources/TTAMonitorCore/Checks
mkdir -p "$root/.build/fuzz"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    "$checks/Perfdata.swift" \
    "$checks"/Prometheus/Prometheus{MetricType,Sample,Family,Exposition,ParseError,LineScanner,Number,FamilyTable,TextParser,SeriesText}.swift \
    "$checks"/Prometheus/OpenMetrics{TextParser,MetadataLine,SampleLine,FamilyBuilder,OpenFamily,FamilyRules,HistogramRules}.swift \
    "$root/Tests/Fuzz/PrometheusTextFuzz/main.swift" \
    -o "$root/.build/fuzz/prometheus-text-fuzz"
echo "$root/.build/fuzz/prometheus-text-fuzz"
