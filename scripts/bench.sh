#!/usr/bin/env bash
# Benchmarks for tta-monitor, each side by side with the reference named in its issue.
# Needs: scripts/install-deps.sh (hyperfine, nginx-light, monitoring-plugins-standard, sqlite3, time).
# Usage: scripts/bench.sh [all|http|startup|status|purge|pdf|csv|prom] ; results in bench-out/.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
out=bench-out
mkdir -p "$out"
work=$(mktemp -d)
chmod 755 "$work"   # nginx workers run as www-data and must read the document root
trap 'kill $(cat "$work/nginx.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT

swift build -c release --static-swift-stdlib >/dev/null
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/tta-monitor"
plugins=/usr/lib/nagios/plugins

# A reference that fails is timed as fast as its error exit: every benchmark first shows that
# each side gives the right answer, and stops here when one does not.
fail_reference() { echo "bench: reference check failed: $*" >&2; exit 1; }

# One local nginx on loopback port $1 serving the folder $2, with $3 added to its http block.
start_nginx() {
  mkdir -p "$work/nginx"
  cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  $3
  server { listen 127.0.0.1:$1; root $2; }
}
NGINX
  nginx -c "$work/nginx.conf"
  sleep 0.3
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

bench_http() {
  # One local nginx on loopback serving a small health document, as TTA's API would.
  local port; port=$(free_port)
  mkdir -p "$work/www"
  printf '{"status":"healthy"}' > "$work/www/health"
  start_nginx "$port" "$work/www" 'keepalive_requests 10000; default_type application/json;'
  { echo "monitoring:"; echo "  checks:"
    for i in $(seq 1 200); do
      echo "    - {name: api-$i, type: http, url: 'http://127.0.0.1:$port/health?i=$i', expect: {status: [200], body_contains: healthy}}"
    done; } > "$work/http200.yaml"
  "$bin" --config "$work/http200.yaml" --db "$work/http.db" -q check >/dev/null \
    || fail_reference "tta-monitor check of 200 healthy endpoints did not exit 0"
  local curl_ok
  curl_ok=$(seq 200 | xargs -P 32 -I{} "$plugins/check_curl" -H 127.0.0.1 -p "$port" -u "/health?i={}" -e 200 -s healthy | grep -c '^HTTP OK' || true)
  [ "$curl_ok" = 200 ] || fail_reference "check_curl answered HTTP OK for $curl_ok of 200 healthy endpoints (is liburiparser1 installed?)"
  hyperfine -N --warmup 3 --runs 30 --export-json "$out/http.json" \
    -n "tta-monitor check (200 http checks, stored)" "$bin --config $work/http200.yaml --db $work/http.db -q check" \
    -n "check_curl x200 via xargs -P 32" "bash -c 'seq 200 | xargs -P 32 -I{} $plugins/check_curl -H 127.0.0.1 -p $port -u /health?i={} -e 200 -s healthy >/dev/null'"
  /usr/bin/time -f "tta-monitor check (200 http): max RSS %M KiB" "$bin" --config "$work/http200.yaml" --db "$work/http.db" -q check >/dev/null 2>"$out/http-rss.txt" || true
  cat "$out/http-rss.txt"
}

bench_prom() {
  # A 15 MiB metrics page in each format, served by nginx with its Content-Type, scraped and
  # parsed by one prometheus check, beside prometheus_client's parsers and promtool reading
  # the same page from disk (no HTTP: they are given the advantage).
  local port; port=$(free_port)
  mkdir -p "$work/prom"
  python3 scripts/prom-page.py openmetrics 15 "$work/prom/page.om"
  python3 scripts/prom-page.py text 15 "$work/prom/page.txt"
  start_nginx "$port" "$work/prom" 'types { application/openmetrics-text om; text/plain txt; }'
  for format in om txt; do
    printf 'monitoring:\n  checks:\n    - {name: page, type: prometheus, url: "http://127.0.0.1:%s/page.%s", timeout: 60s, series: [{metric: app_queue_depth_0, labels: {queue: q1}, critical: 100}]}\n' \
      "$port" "$format" > "$work/prom-$format.yaml"
    "$bin" --config "$work/prom-$format.yaml" --no-color check --no-store -v > "$work/prom-$format.out" \
      || fail_reference "tta-monitor could not judge the $format page: $(cat "$work/prom-$format.out")"
    grep -o 'scraped [0-9]* samples' "$work/prom-$format.out"
  done
  local om_py text_py
  om_py="import sys; from prometheus_client.openmetrics.parser import text_string_to_metric_families as p; print(sum(len(f.samples) for f in p(open(sys.argv[1]).read())))"
  text_py="import sys; from prometheus_client.parser import text_string_to_metric_families as p; print(sum(len(f.samples) for f in p(open(sys.argv[1]).read())))"
  echo "prometheus_client openmetrics samples: $(python3 -c "$om_py" "$work/prom/page.om")" \
    || fail_reference "prometheus_client refused the OpenMetrics page"
  echo "prometheus_client text samples: $(python3 -c "$text_py" "$work/prom/page.txt")"
  promtool check metrics < "$work/prom/page.txt" || fail_reference "promtool check metrics refused the text page"
  hyperfine -N --warmup 1 --runs 5 --export-json "$out/prom.json" \
    -n "tta-monitor check: 15 MiB OpenMetrics page (HTTP + parse + rule)" "$bin --config $work/prom-om.yaml check --no-store -q" \
    -n "tta-monitor check: 15 MiB 0.0.4 text page (HTTP + parse + rule)" "$bin --config $work/prom-txt.yaml check --no-store -q" \
    -n "prometheus_client openmetrics.parser (file)" "python3 -c '$om_py' $work/prom/page.om" \
    -n "prometheus_client parser, 0.0.4 text (file)" "python3 -c '$text_py' $work/prom/page.txt" \
    -n "promtool check metrics < 0.0.4 text (file)" "bash -c 'promtool check metrics < $work/prom/page.txt'"
  for format in om txt; do
    /usr/bin/time -f "tta-monitor check ($format page): max RSS %M KiB" "$bin" --config "$work/prom-$format.yaml" check --no-store -q 2>&1 >/dev/null | tail -1
  done
  /usr/bin/time -f "prometheus_client openmetrics.parser: max RSS %M KiB" python3 -c "$om_py" "$work/prom/page.om" 2>&1 >/dev/null | tail -1
  /usr/bin/time -f "prometheus_client text parser: max RSS %M KiB" python3 -c "$text_py" "$work/prom/page.txt" 2>&1 >/dev/null | tail -1
  bash -c "/usr/bin/time -f 'promtool check metrics: max RSS %M KiB' promtool check metrics < $work/prom/page.txt" 2>&1 | tail -1
}

bench_startup() {
  "$bin" --version | grep '^tta-monitor ' >/dev/null || fail_reference "tta-monitor --version printed no version"
  "$plugins/check_dummy" 0 | grep '^OK' >/dev/null || fail_reference "check_dummy 0 did not print OK"
  hyperfine -N --warmup 50 --runs 500 --export-json "$out/startup.json" \
    -n "tta-monitor --version" "$bin --version" \
    -n "check_dummy 0" "$plugins/check_dummy 0"
}

# Fills check_results of an existing tta-monitor database with $3 rows (default 10M): 100
# components x $3/100 results, 99% OK, latencies 0-500 ms; $2 is the SQL for row i's timestamp.
generate_history() {
  local rows=${3:-10000000}
  sqlite3 "$1" <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;
DELETE FROM check_results;
DROP INDEX check_results_by_component_ts; DROP INDEX check_results_by_run;
INSERT INTO runs (id, started_at, finished_at, checks, worst_status, tool_version) VALUES (1000000, 0, 0, 0, 0, 'bench') ON CONFLICT DO NOTHING;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $rows - 1)
INSERT INTO check_results (run_id, component_id, ts, status, latency_ms, message, details)
SELECT 1000000, (i % 100) + 1, $2,
       CASE WHEN abs(random()) % 1000 < 990 THEN 0 WHEN abs(random()) % 2 = 0 THEN 1 ELSE 2 END,
       (abs(random()) % 50000) / 100.0, 'ok', '{}' FROM n;
CREATE INDEX check_results_by_component_ts ON check_results (component_id, ts, status, latency_ms);
CREATE INDEX check_results_by_run ON check_results (run_id);
SQL
}

# Makes $work/$1.db and $work/$1.yaml: 100 disk checks with 10M results, one a minute each
# (about 69 days) ending now, every component currently OK; prints "now" in ms (status
# and pdf both measure against it).
minute_history() {
  local db="$work/$1.db" yaml="$work/$1.yaml" now
  { echo "monitoring:"; echo "  defaults: {interval: 1m}"; echo "  checks:"
    for i in $(seq -w 0 99); do echo "    - {name: comp-$i, type: disk, path: /}"; done; } > "$yaml"
  "$bin" --config "$yaml" --db "$db" -q check >/dev/null || true   # creates the schema
  now=$(( $(date +%s) * 1000 ))
  echo "generating 10M results..." >&2
  generate_history "$db" "$now - (i / 100) * 60000" >&2
  sqlite3 "$db" "UPDATE components SET last_status = 0, last_ts = $now, status_since = $now - 3600000, consecutive = 60, interval_ms = 60000; ANALYZE;"
  echo "$now"
}

bench_status() {
  # 10M results: 100 components x 100,000 results, one a minute (about 69 days), ending now.
  local db="$work/status.db" now since
  now=$(minute_history status)
  since=$(( now - 86400000 ))
  cat > "$work/status.sql" <<SQL
SELECT c.name, c.last_status, c.last_ts, c.status_since, c.consecutive, c.last_message, w.n, w.up, w.unknown, w.p50, w.p95
FROM components AS c JOIN (
  SELECT component_id, max(n) AS n, sum(status IN (0, 1)) AS up, sum(status = 3) AS unknown,
         max(CASE WHEN rn = CAST((0.50 * n + 0.999999) AS INTEGER) THEN latency_ms END) AS p50,
         max(CASE WHEN rn = CAST((0.95 * n + 0.999999) AS INTEGER) THEN latency_ms END) AS p95
  FROM (SELECT r.component_id, r.status, r.latency_ms,
               row_number() OVER (PARTITION BY r.component_id ORDER BY r.latency_ms) AS rn,
               count(*) OVER (PARTITION BY r.component_id) AS n
        FROM components AS c2 JOIN check_results AS r ON r.component_id = c2.id AND r.ts >= $since)
  GROUP BY component_id) AS w ON w.component_id = c.id
ORDER BY c.name;
SQL
  # The same statements status runs: the components, then each component's window rows.
  { echo "SELECT name, kind, critical, interval_ms, last_status, last_ts, status_since, consecutive, last_message FROM components;"
    for i in $(seq -w 0 99); do
      echo "SELECT r.status, r.latency_ms FROM check_results AS r WHERE r.component_id = (SELECT id FROM components WHERE name = 'comp-$i') AND r.ts >= $since;"
    done; } > "$work/status-same.sql"
  echo "rows: $(sqlite3 "$db" 'SELECT count(*) FROM check_results')"
  "$bin" --config "$work/status.yaml" --db "$db" status >/dev/null || fail_reference "tta-monitor status of 100 OK components did not exit 0"
  [ "$(sqlite3 -readonly "$db" -init "$work/status.sql" .quit 2>/dev/null | wc -l)" = 100 ] \
    || fail_reference "the equivalent sqlite3 query did not return 100 components"
  [ "$(sqlite3 -readonly "$db" < "$work/status-same.sql" | wc -l)" -ge 144000 ] \
    || fail_reference "the statements status runs returned fewer than the 144,000 rows of a 24-hour window"
  hyperfine -N --warmup 3 --runs 30 --export-json "$out/status.json" \
    -n "tta-monitor status (10M results, 100 components)" "$bin --config $work/status.yaml --db $db status" \
    -n "sqlite3 CLI, equivalent query (window functions)" "sqlite3 -readonly $db -init $work/status.sql .quit" \
    -n "sqlite3 CLI, the statements status runs" "bash -c 'sqlite3 -readonly $db < $work/status-same.sql > /dev/null'" || true
  /usr/bin/time -f "tta-monitor status (10M): max RSS %M KiB" "$bin" --config "$work/status.yaml" --db "$db" status >/dev/null 2>"$out/status-rss.txt" || true
  cat "$out/status-rss.txt"
}

bench_purge() {
  # 10M results as in bench_status (100 components x 100,000, one a minute, about 69 days);
  # a checks window of a tenth of that (10,000 minutes) keeps the newest 1M and purges 9M.
  # TTA_BENCH_PURGE_ROWS=2000000 runs the same on a smaller history (quicker to iterate).
  local db="$work/purge.db" now rows=${TTA_BENCH_PURGE_ROWS:-10000000}
  local window=$(( rows / 100 / 10 ))
  { echo "monitoring:"; echo "  retention: {checks: ${window}m, rollups: 3650d}"; echo "  checks:"
    for i in $(seq -w 0 99); do echo "    - {name: comp-$i, type: disk, path: /}"; done; } > "$work/purge.yaml"
  "$bin" --config "$work/purge.yaml" --db "$db" -q check >/dev/null || true   # creates the schema (auto_vacuum=INCREMENTAL)
  now=$(( $(date +%s) * 1000 ))
  echo "generating $rows results..."
  generate_history "$db" "$now - ($rows / 100 - 1 - i / 100) * 60000" "$rows"
  sqlite3 "$db" <<SQL
PRAGMA wal_checkpoint(TRUNCATE);
SQL
  cp "$db" "$work/purge-plain.db"
  # A writer like `check`: one row every 10 ms, retrying a held lock every millisecond
  # (tta-monitor's busy handler); prints the longest time one insert took.
  cat > "$work/writer.py" <<'PY'
import os, sqlite3, sys, time
db, stop = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db, timeout=0, isolation_level=None)
worst, n = (0.0, 0.0, 0.0), 0
while not os.path.exists(stop):
    start = time.monotonic()
    while True:
        try:
            con.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error): raise
            time.sleep(0.001)
    locked = time.monotonic()
    con.execute("INSERT INTO check_results (run_id, component_id, ts, status, latency_ms, message) VALUES (1000000, 1, ?, 0, 1.0, 'w')", (int(time.time() * 1000),))
    con.execute("COMMIT")
    end = time.monotonic()
    worst, n = max(worst, (end - start, locked - start, end - locked)), n + 1
    time.sleep(0.01)
print(f"concurrent writer: {n} inserts, longest {worst[0] * 1000:.1f} ms "
      f"({worst[1] * 1000:.1f} ms waiting for the lock, {worst[2] * 1000:.1f} ms inserting and committing)")
PY
  echo "rows: $(sqlite3 "$db" 'SELECT count(*) FROM check_results')"
  mv "$db" "$work/purge-base.db"
  # Disk speed on a shared machine varies from minute to minute: each run purges a fresh
  # copy and deletes from another right after it, and the summary takes the median ratio.
  local run runs=${TTA_BENCH_PURGE_RUNS:-3} t0 t1 t2 t3 cutoff
  : > "$out/purge-ratio.txt"; : > "$out/purge-writer.txt"; : > "$out/purge-timings.txt"
  for run in $(seq 1 "$runs"); do
    cp "$work/purge-base.db" "$db"; cp "$work/purge-base.db" "$work/purge-plain.db"; sync
    rm -f "$work/stop"; python3 "$work/writer.py" "$db" "$work/stop" >> "$out/purge-writer.txt" & local writer=$!
    t0=$(date +%s.%N)
    /usr/bin/time -f "tta-monitor retention purge: max RSS %M KiB" -o "$out/purge-rss.txt" \
      "$bin" --config "$work/purge.yaml" --db "$db" -v retention purge 2>>"$out/purge-timings.txt" > "$out/purge.txt"
    t1=$(date +%s.%N)
    touch "$work/stop"; wait "$writer"
    cutoff=$(sqlite3 "$db" "SELECT json_extract(details, '\$.checks.cutoff') FROM purge_log ORDER BY id DESC LIMIT 1")
    t2=$(date +%s.%N)
    sqlite3 "$work/purge-plain.db" "DELETE FROM check_results WHERE ts < $cutoff;"
    t3=$(date +%s.%N)
    # Both sides must have removed the same rows (the writer's rows are only in the purged copy).
    local kept_purge kept_plain
    kept_purge=$(sqlite3 "$db" "SELECT count(*) FROM check_results WHERE message != 'w'")
    kept_plain=$(sqlite3 "$work/purge-plain.db" "SELECT count(*) FROM check_results")
    [ "$kept_purge" = "$kept_plain" ] || fail_reference "purge kept $kept_purge rows, sqlite3 DELETE kept $kept_plain"
    python3 -c "p, d = $t1 - $t0, $t3 - $t2; print(f'run $run: tta-monitor retention purge {p:.2f} s (rollups + batched delete + space returned), sqlite3 DELETE {d:.2f} s, ratio {p / d:.2f}x')" \
      | tee -a "$out/purge-ratio.txt"
    tail -n 1 "$out/purge-writer.txt"; tail -n 1 "$out/purge-timings.txt"; cat "$out/purge-rss.txt"
  done
  cat "$out/purge.txt"
  python3 - "$out/purge-ratio.txt" "$out/purge-writer.txt" <<'PY' | tee -a "$out/purge-ratio.txt"
import re, statistics, sys
ratios = [float(m) for m in re.findall(r"ratio ([0-9.]+)x", open(sys.argv[1]).read())]
waits = [float(m) for m in re.findall(r"longest ([0-9.]+) ms", open(sys.argv[2]).read())]
print(f"median ratio {statistics.median(ratios):.2f}x over {len(ratios)} runs (worst {max(ratios):.2f}x); "
      f"longest concurrent-writer wait {max(waits):.1f} ms")
PY
}

bench_pdf() {
  # A 30-day report of 100 checks: 100 components x one result a minute for 30 days (4.32M
  # results in the period, from generate_history's 10M ending now), charts downsampled.
  local db="$work/pdf.db" now
  now=$(minute_history pdf)
  echo "results in the 30 days: $(sqlite3 "$db" "SELECT count(*) FROM check_results WHERE ts >= $now - 30 * 86400000")"
  # Reference: the sqlite3 CLI aggregating the same index range per component (the scan
  # every report of the period needs, without percentiles, charts or PDF).
  local since=$(( now - 30 * 86400000 ))
  for i in $(seq 1 100); do
    echo "SELECT count(*), sum(status IN (0, 1)), sum(latency_ms), max(latency_ms) FROM check_results WHERE component_id = $i AND ts >= $since AND ts < $now;"
  done > "$work/pdf-scan.sql"
  [ "$(sqlite3 -readonly "$db" < "$work/pdf-scan.sql" | wc -l)" = 100 ] || fail_reference "the sqlite3 scan did not return 100 components"
  hyperfine -N --warmup 2 --runs 10 --export-json "$out/pdf.json" \
    -n "tta-monitor export --format pdf (30 days, 100 checks)" "$bin --db $db export --format pdf --since $(date -u -d @$(( since / 1000 )) +%Y-%m-%dT%H:%M:%SZ) --until $(date -u -d @$(( now / 1000 )) +%Y-%m-%dT%H:%M:%SZ) --output $work/report.pdf" \
    -n "sqlite3 CLI, per-component aggregate over the same rows" "bash -c 'sqlite3 -readonly $db < $work/pdf-scan.sql > /dev/null'"
  qpdf --check "$work/report.pdf" | tail -1
  pdftotext "$work/report.pdf" - | grep 'comp-99' >/dev/null || fail_reference "the PDF does not name every component"
  echo "PDF: $(stat -c %s "$work/report.pdf") bytes, $(pdfinfo "$work/report.pdf" | awk '/^Pages:/ {print $2}') pages" | tee "$out/pdf-size.txt"
}

bench_csv() {
  # 1M results (100 components x 10,000, one a minute) exported as CSV, against the sqlite3
  # CLI printing the same query as CSV.
  local db="$work/csv.db" now
  { echo "monitoring:"; echo "  checks:"
    for i in $(seq -w 0 99); do echo "    - {name: comp-$i, type: disk, path: /}"; done; } > "$work/csv.yaml"
  "$bin" --config "$work/csv.yaml" --db "$db" -q check >/dev/null || true   # creates the schema
  now=$(( $(date +%s) * 1000 ))
  echo "generating 1M results..."
  generate_history "$db" "$now - (i / 100) * 60000" 1000000
  sqlite3 "$db" "ANALYZE;"
  local since=0 until=$(( now + 1 ))
  local sql="SELECT c.name, c.kind, r.ts, r.status, r.reported_status, r.latency_ms, r.message, r.details, r.run_id FROM check_results AS r JOIN components AS c ON c.id = r.component_id WHERE r.ts >= $since AND r.ts < $until ORDER BY r.ts, r.id"
  echo "rows: $(sqlite3 "$db" 'SELECT count(*) FROM check_results')"
  hyperfine -N --warmup 2 --runs 10 --export-json "$out/csv.json" \
    -n "tta-monitor export --format csv --report checks (1M rows)" "$bin --db $db export --format csv --report checks --since 1970-01-01 --output $work/export.csv" \
    -n "sqlite3 -csv, the same query" "bash -c 'sqlite3 -readonly -csv $db \"$sql\" > $work/sqlite.csv'"
  echo "lines: tta-monitor $(wc -l < "$work/export.csv") (with header), sqlite3 $(wc -l < "$work/sqlite.csv")"
  [ "$(( $(wc -l < "$work/export.csv") - 1 ))" = "$(wc -l < "$work/sqlite.csv")" ] || fail_reference "the two CSV files differ in rows"
  /usr/bin/time -f "tta-monitor export csv (1M): max RSS %M KiB" "$bin" --db "$db" export --format csv --report checks --since 1970-01-01 --output "$work/export.csv" 2>"$out/csv-rss.txt" || true
  cat "$out/csv-rss.txt"
}

case $which in
  http) bench_http ;;
  startup) bench_startup ;;
  status) bench_status ;;
  purge) bench_purge ;;
  pdf) bench_pdf ;;
  csv) bench_csv ;;
  prom) bench_prom ;;
  all) bench_startup; bench_http; bench_status; bench_purge; bench_pdf; bench_csv ;;
  *) echo "usage: $0 [all|http|startup|status|purge|pdf|csv]" >&2; exit 64 ;;
esac
