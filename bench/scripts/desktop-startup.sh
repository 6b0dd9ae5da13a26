#!/usr/bin/env bash
# Time from starting ./parley to its first window being mapped on an X display, against `java -version` in the same
# run. Needs Xvfb and xdotool (apt-get install xvfb xdotool). Uses a throw-away data dir, so the first window is
# onboarding (no profile), as for a new user; the launcher's class-data archive is used from the second round on.
# Usage: bench/scripts/desktop-startup.sh [ROUNDS]   Prints one line per round (milliseconds), then the medians.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-5}"
display=":97"
work="$(mktemp -d)"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
app_running() { pgrep -f "dev.parley.desktop.ui.ParleyLauncher" >/dev/null; }
app_running && { echo "a Parley desktop app is running already; close it first" >&2; exit 1; }
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY="$display"
sleep 1
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
echo "java-version first-window"
# round 0 (not counted) builds a stale jar and lets the launcher write its class-data archive at exit
for round in $(seq 0 "$rounds"); do
  s=$(date +%s%N); java -XX:-UsePerfData -version >/dev/null 2>&1; base=$(ms "$s")
  s=$(date +%s%N)
  PARLEY_DATA_DIR="$work/data" setsid "$root/parley" >/dev/null 2>&1 & app=$!
  shown=""
  limit=600; [ "$round" -gt 0 ] || limit=12000   # 30 s, or 10 min while round 0 builds
  for _ in $(seq "$limit"); do
    if xdotool search --onlyvisible --name 'Parley' >/dev/null 2>&1; then shown=$(ms "$s"); break; fi
    sleep 0.05
  done
  # TERM to the JVM only: on the first start after a build the launcher script waits for it and renames the
  # class-data archive the JVM wrote at exit
  pkill -TERM -f "dev.parley.desktop.ui.ParleyLauncher" 2>/dev/null; wait "$app" 2>/dev/null || true
  while app_running; do sleep 0.2; done   # and the archive written at the first exit is in place
  [ "$round" -eq 0 ] || echo "$base ${shown:-timeout}"
done | tee "$work/rounds"
echo "medians:"
for col in 1 2; do sort -n <(cut -d' ' -f"$col" "$work/rounds") | awk '{a[NR]=$1} END {printf "%s ", a[int((NR+1)/2)]}'; done
echo
