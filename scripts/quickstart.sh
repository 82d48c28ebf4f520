#!/usr/bin/env bash
# One command from a fresh clone to a real `check` and `status` on the example config:
# installs the system packages, builds a release binary, starts a local redis-server on
# 127.0.0.1:6379 if nothing listens there (and stops it again), then runs check + status against
# tta_config.yaml.example with the database in .quickstart/monitor.db.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v redis-server >/dev/null || ! dpkg -s libcurl4-openssl-dev libsqlite3-dev >/dev/null 2>&1; then
  scripts/install-deps.sh
fi
swift build -c release --static-swift-stdlib
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/tta-monitor"

mkdir -p .quickstart
started_redis=""
if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  started_redis=yes
  redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes \
    --pidfile "$PWD/.quickstart/redis.pid" --logfile "$PWD/.quickstart/redis.log"
  sleep 0.3
fi

export TTA_CONFIG=tta_config.yaml.example TTA_MONITOR_DB=.quickstart/monitor.db
# check and status exit 0-3 with the verdict (components of a TTA stack that is not running
# here are CRITICAL); only 64 and above mean tta-monitor itself failed.
set +e
"$bin" --db .quickstart/monitor.db check
code=$?
echo
"$bin" --db .quickstart/monitor.db status
status_code=$?
set -e
if [ -n "$started_redis" ]; then kill "$(cat .quickstart/redis.pid)" 2>/dev/null || true; fi
echo
echo "check exited $code, status exited $status_code (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)."
echo "Binary: $bin"
[ "$code" -lt 64 ] && [ "$status_code" -lt 64 ]
