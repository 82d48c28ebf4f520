#!/usr/bin/env python3
"""Writes a metrics page of about SIZE MiB for the parser benchmark (scripts/bench.sh prom):
counters, gauges and histograms with a few labels each, as exporters write them.

Usage: prom-page.py text|openmetrics SIZE_MIB OUTPUT
"""
import sys

fmt, size_mib, path = sys.argv[1], float(sys.argv[2]), sys.argv[3]
openmetrics = fmt == "openmetrics"
limit = int(size_mib * (1 << 20))
bounds = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"]
written = 0
family = 0
with open(path, "w") as out:
    def emit(line):
        global written
        out.write(line + "\n")
        written += len(line) + 1

    while written < limit - 4096:
        name = f"app_requests_{family}"
        # OpenMetrics names the counter family without `_total`; the 0.0.4 text with it.
        declared = name if openmetrics else name + "_total"
        emit(f"# HELP {declared} Requests served by handler and code.")
        emit(f"# TYPE {declared} counter")
        for handler in range(20):
            for code in ("200", "404", "500"):
                emit(f'{name}_total{{handler="/api/v1/h{handler}",code="{code}",instance="host-{family % 7}"}} {handler * 1000 + family}')
        name = f"app_latency_seconds_{family}"
        emit(f"# HELP {name} Latency by handler.")
        emit(f"# TYPE {name} histogram")
        for handler in range(10):
            count = 0
            for index, bound in enumerate(bounds):
                count += index
                emit(f'{name}_bucket{{handler="/api/v1/h{handler}",le="{bound}"}} {count}')
            emit(f'{name}_sum{{handler="/api/v1/h{handler}"}} {count * 0.137:.3f}')
            emit(f'{name}_count{{handler="/api/v1/h{handler}"}} {count}')
        name = f"app_queue_depth_{family}"
        emit(f"# HELP {name} Items waiting.")
        emit(f"# TYPE {name} gauge")
        for queue in range(10):
            emit(f'{name}{{queue="q{queue}"}} {queue * 3.5}')
        family += 1
    if openmetrics:
        emit("# EOF")
