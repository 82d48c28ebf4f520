#!/usr/bin/env bash
# Failure-to-notification latency of `tta-monitor serve` (issue 16): serve runs an http check
# (interval 1s, failure_threshold 2) against a local target; the target goes down and the
# time until the webhook receives the firing notification is measured; then it comes back
# and the resolved notification is awaited. N tries (default 20); the bound to meet is
# interval × failure_threshold + 2 s = 4 s.
# Usage: scripts/serve-latency.sh [tries] [path/to/tta-monitor]   (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
tries=${1:-20}
bin=${2:-$(swift build --show-bin-path)/tta-monitor}
[ -x "$bin" ] || { echo "serve-latency: no binary at $bin (swift build first)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# The target answers 503 while $work/down exists; the receiver writes "<ms since epoch> <event>"
# per notification to $work/events. Both on free loopback ports they print.
python3 - "$work" <<'PY' &
import http.server, json, os, socketserver, sys, time
work = sys.argv[1]
class Target(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        down = os.path.exists(os.path.join(work, "down"))
        self.send_response(503 if down else 200); self.send_header("Content-Length", "2"); self.end_headers()
        self.wfile.write(b"no" if down else b"ok")
    def log_message(self, *args): pass
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        now = int(time.time() * 1000)
        with open(os.path.join(work, "events"), "a") as out:
            for note in body.get("notifications", []):
                out.write(f"{now} {note.get('event')}\n")
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args): pass
import threading
servers = [socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) for handler in (Target, Hook)]
with open(os.path.join(work, "ports.tmp"), "w") as out:
    out.write(" ".join(str(server.server_address[1]) for server in servers) + "\n")
os.rename(os.path.join(work, "ports.tmp"), os.path.join(work, "ports"))
for server in servers: threading.Thread(target=server.serve_forever, daemon=True).start()
threading.Event().wait()
PY
for _ in $(seq 100); do [ -f "$work/ports" ] && break; sleep 0.1; done
read -r target_port hook_port < "$work/ports"
touch "$work/events"
cat > "$work/tta.yaml" <<YAML
monitoring:
  storage: {path: $work/monitor.db}
  defaults: {interval: 1s, failure_threshold: 2, timeout: 2s}
  checks:
    - {name: api, type: http, url: "http://127.0.0.1:$target_port/health"}
  alerts:
    channels:
      - {name: hook, type: webhook, url: "http://127.0.0.1:$hook_port/hook"}
    rules:
      - {name: api-down, kind: status, check: api, severity: critical}
    route: {critical: [[hook]]}
YAML
"$bin" --config "$work/tta.yaml" serve --no-http 2> "$work/serve.log" &
serve=$!
sleep 3

now_ms() { date +%s%3N; }
count() { grep -c " $1\$" "$work/events" || true; }
wait_for() {   # $1 event, $2 count to exceed; prints the arrival ms of the newest
  for _ in $(seq 300); do
    if [ "$(count "$1")" -gt "$2" ]; then grep " $1\$" "$work/events" | tail -1 | cut -d' ' -f1; return 0; fi
    sleep 0.05
  done
  echo "serve-latency: no $1 notification within 15 s; serve's log:" >&2; tail -20 "$work/serve.log" >&2; exit 1
}
latencies=()
for try in $(seq "$tries"); do
  fired=$(count firing); resolved=$(count resolved)
  # Go down at a random point of the interval, as a real outage would.
  sleep "0.$((RANDOM % 10))"
  down_at=$(now_ms); touch "$work/down"
  arrived=$(wait_for firing "$fired")
  latencies+=($((arrived - down_at)))
  rm "$work/down"
  wait_for resolved "$resolved" > /dev/null
  echo "try $try: firing after $((arrived - down_at)) ms"
done
kill -TERM "$serve"; wait "$serve" || true
printf '%s\n' "${latencies[@]}" | sort -n | awk '
  { v[NR] = $1; sum += $1 }
  END { printf "failure → notification over %d tries (bound 4000 ms): min %d  p50 %d  p90 %d  max %d  mean %.0f ms\n",
        NR, v[1], v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)], v[NR], sum / NR }'
