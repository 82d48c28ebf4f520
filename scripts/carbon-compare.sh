#!/usr/bin/env bash
# Compares `tta-monitor carbon measure` with CodeCarbon 3.3.2's OfflineEmissionsTracker over
# the same window, on the same machine, under the same CPU load. Both use the same method
# (RAPL package counters when readable, else the TDP × load model), so their energy figures
# should agree within 5 %.
#
# usage: scripts/carbon-compare.sh [SECONDS] [LOAD_WORKERS]
#   SECONDS       length of the window (default 10)
#   LOAD_WORKERS  busy-loop processes started for the window (default: half the CPUs, at least 1)
# env:  TTA_MONITOR  the binary (default .build/debug/tta-monitor)
# exit: 0 when total energy agrees within 5 %, 1 otherwise, 2 on setup problems.
set -euo pipefail

seconds=${1:-10}
workers=${2:-$(( $(nproc) / 2 > 0 ? $(nproc) / 2 : 1 ))}
binary=${TTA_MONITOR:-.build/debug/tta-monitor}
[ -x "$binary" ] || { echo "no binary at $binary (swift build first)" >&2; exit 2; }
python3 -c 'import codecarbon' 2>/dev/null || { echo "python3 cannot import codecarbon" >&2; exit 2; }

work=$(mktemp -d)
load_pids=()
cleanup() {
    for pid in "${load_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq "$workers"); do
    ( while :; do :; done ) &
    load_pids+=("$!")
done

# The tracker's hardware detection takes a while: it signals "ready" just before start(),
# and the measurement starts on that signal, so both windows line up to a few milliseconds.
cat > "$work/tracker.py" <<'PY'
import json, os, sys, time
from codecarbon import OfflineEmissionsTracker
work, seconds = sys.argv[1], float(sys.argv[2])
tracker = OfflineEmissionsTracker(country_iso_code="USA", output_dir=work, save_to_file=False,
                                  log_level="error", measure_power_secs=1)
open(os.path.join(work, "ready"), "w").close()
tracker.start()
time.sleep(seconds)
tracker.stop()
data = tracker.final_emissions_data
print(json.dumps({"energy_kwh": data.energy_consumed, "cpu_energy_kwh": data.cpu_energy,
                  "ram_energy_kwh": data.ram_energy, "gpu_energy_kwh": data.gpu_energy,
                  "cpu_power_w": data.cpu_power, "ram_power_w": data.ram_power, "duration_s": data.duration}))
PY
python3 "$work/tracker.py" "$work" "$seconds" > "$work/codecarbon.json" &
tracker_pid=$!
for _ in $(seq 600); do [ -e "$work/ready" ] && break; sleep 0.05; done
[ -e "$work/ready" ] || { echo "CodeCarbon tracker did not start" >&2; exit 2; }
"$binary" --db "$work/monitor.db" --json carbon measure --duration "${seconds}s" --label compare > "$work/tta.json"
wait "$tracker_pid"

python3 - "$work/codecarbon.json" "$work/tta.json" <<'PY'
import json, sys
cc = json.load(open(sys.argv[1]))
tta = json.load(open(sys.argv[2]))
ours = {"energy_kwh": tta["energy_kwh"], "cpu_energy_kwh": tta["cpu"]["energy_kwh"],
        "ram_energy_kwh": tta["ram"]["energy_kwh"], "gpu_energy_kwh": tta["gpu"]["energy_kwh"]}
print(f"cpu method: {tta['method']['cpu']['method']}"
      + (f" (TDP {tta['method']['cpu'].get('tdp_w')} W, {tta['method']['cpu'].get('tdp_source')})" if tta['method']['cpu']['method'] == 'cpu_load' else ""))
print(f"mean CPU load (tta-monitor): {tta['cpu']['mean_load_percent']:.1f} %")
print(f"{'part':<16}{'CodeCarbon':>16}{'tta-monitor':>16}{'diff %':>10}")
worst = 0.0
for key in ("cpu_energy_kwh", "ram_energy_kwh", "gpu_energy_kwh", "energy_kwh"):
    a, b = cc[key], ours[key]
    diff = (b - a) / a * 100 if a else 0.0
    print(f"{key:<16}{a:>16.9f}{b:>16.9f}{diff:>10.2f}")
total = (ours["energy_kwh"] - cc["energy_kwh"]) / cc["energy_kwh"] * 100
print(f"total energy differs by {total:.2f} % (limit 5 %)")
sys.exit(0 if abs(total) <= 5 else 1)
PY
