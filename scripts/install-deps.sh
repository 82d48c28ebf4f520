#!/usr/bin/env bash
# Installs what building and testing tta-monitor needs on Debian/Ubuntu (run as root or with sudo).
# Swift itself (6.0 or later) must already be on PATH: https://www.swift.org/install/linux/
set -euo pipefail

packages=(
  libsqlite3-dev libcurl4-openssl-dev   # the two system C libraries the package links
  sqlite3                                # the CLI, used by the status benchmark and for inspection
  redis-server                           # real Redis for the redis check tests
  openssl                                # TLS test certificates and a real TLS server (s_server)
  prometheus libxml2-utils               # promtool (OpenMetrics output), xmllint (JUnit output)
  postgresql                             # real PostgreSQL for the postgres check tests
  prometheus-node-exporter               # real exporter output for the Prometheus parser tests
  mandoc                                 # man page lint test
  zsh fish                               # completion syntax tests
  monitoring-plugins-basic               # real Nagios plugins for the command check tests
  hyperfine monitoring-plugins-standard  # benchmarks (check_curl, check_dummy for comparison)
  liburiparser1                          # check_curl needs it, but the package only recommends it
  nginx-light time                       # benchmarks: the local HTTP server, max RSS
  qpdf poppler-utils                     # export: qpdf --check, pdftotext, pdftoppm validate PDFs
  prometheus-alertmanager                # alerts: a real Alertmanager (and amtool) receives alerts
  prometheus-pushgateway                 # export --push: a real Pushgateway
  jq bsdutils                            # export: jq reads the JSON exports; script(1) gives a pseudo-terminal
  python3-pip python3-venv               # carbon: CodeCarbon itself writes real emissions.csv files
  systemd                                # deploy/: systemd-analyze verify, systemd-sysusers, systemd-tmpfiles
  stress-ng                              # scripts/stress-suite.sh: the suite beside a CPU hog
  apache2-utils                          # serve benchmarks: ab against /metrics
)

sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# .ci/run updates the package lists itself and passes --no-update.
if [ "${1:-}" != "--no-update" ]; then
  $sudo apt-get update -q
fi
$sudo apt-get install -y -q --no-install-recommends "${packages[@]}"
# CodeCarbon 3.3.2 (the version whose methodology `carbon measure` follows), from PyPI, for
# the carbon tests. A python3 already on PATH with pip (e.g. pyenv) is used as it is.
# prometheus_client 0.26.0 for its OpenMetrics parser, the reference the Prometheus parser
# tests compare values with (scripts/openmetrics-reference.py).
if ! python3 -c 'import codecarbon, prometheus_client.openmetrics.parser' 2>/dev/null; then
  python3 -m pip install --quiet codecarbon==3.3.2 prometheus_client==0.26.0 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages codecarbon==3.3.2 prometheus_client==0.26.0
fi
# Services these packages may start are not used: the tests start their own servers on free
# loopback ports.
