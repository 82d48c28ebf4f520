#!/usr/bin/env python3
"""Reads OpenMetrics pages with prometheus_client's reference parser and prints, per page, one
JSON line: {"path": …, "ok": true, "samples": [[name, {labels}, value, timestamp_ms|null], …]}
or {"path": …, "ok": false, "error": …}. Values are written with repr() so NaN and ±Inf survive
as the strings "nan", "inf", "-inf". The tta-monitor tests compare their parser with this.

Usage: openmetrics-reference.py [--text] PAGE…   (each PAGE a file holding one exposition;
--text reads them with prometheus_client's 0.0.4 text parser instead)
"""
import json
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families as read_openmetrics
from prometheus_client.parser import text_string_to_metric_families as read_text


def timestamp_ms(ts):
    if ts is None:
        return None
    # Timestamp(sec, nsec) for exact values, a float otherwise.
    if hasattr(ts, "sec"):
        return ts.sec * 1000 + round(ts.nsec / 1_000_000)
    return round(float(ts) * 1000)


def read(path, parse):
    with open(path, encoding="utf-8", errors="surrogateescape") as handle:
        text = handle.read()
    try:
        samples = []
        for family in parse(text):
            for s in family.samples:
                samples.append([s.name, dict(s.labels), repr(float(s.value)), timestamp_ms(s.timestamp)])
        return {"path": path, "ok": True, "samples": samples}
    except Exception as error:  # the parser raises ValueError and friends
        return {"path": path, "ok": False, "error": f"{type(error).__name__}: {error}"}


arguments = sys.argv[1:]
parser = read_openmetrics
if arguments[:1] == ["--text"]:
    parser = read_text
    arguments = arguments[1:]
for argument in arguments:
    print(json.dumps(read(argument, parser)))
