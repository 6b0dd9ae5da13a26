#!/usr/bin/env bash
# Time from starting the packaged desktop app (the .deb unpacked by packaging/linux/check-deb.sh into
# packaging/target/deb-root) to its first window, with and without the class-data archive the postinst makes
# (lib/app/parley.jsa), alternating in the same run, against `java -version`. Needs Xvfb and xdotool.
# Usage: bench/scripts/packaged-startup.sh [ROUNDS]   Prints one line per round (milliseconds), then the medians.
# PARLEY_BENCH_DISPLAY: the X display to use (default :96).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-5}"
opt="$root/packaging/target/deb-root/opt/parley"
archive="$opt/lib/app/parley.jsa"
[ -x "$opt/bin/parley" ] && [ -s "$archive" ] || { echo "run packaging/linux/check-deb.sh first" >&2; exit 1; }
display="${PARLEY_BENCH_DISPLAY:-:96}"
work="$(mktemp -d)"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null; [ -f "$work/parley.jsa" ] && mv -f "$work/parley.jsa" "$archive"; rm -rf "$work"' EXIT
sleep 1
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
first_window() {
  local s app shown=""
  s=$(date +%s%N)
  env -i PATH=/usr/bin:/bin DISPLAY="$display" HOME="$work/home" XDG_DATA_HOME="$work/data" \
    XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" LANG=C.UTF-8 setsid "$opt/bin/parley" \
    >/dev/null 2>&1 & app=$!
  for _ in $(seq 1200); do
    if DISPLAY="$display" xdotool search --onlyvisible --name 'Parley' >/dev/null 2>&1; then shown=$(ms "$s"); break; fi
    sleep 0.05
  done
  kill -TERM "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
  echo "${shown:-timeout}"
}
mkdir -p "$work/home"
echo "java-version with-archive without-archive"
first_window >/dev/null   # warms the file cache
for _ in $(seq "$rounds"); do
  s=$(date +%s%N); java -XX:-UsePerfData -version >/dev/null 2>&1; base=$(ms "$s")
  with=$(first_window)
  mv "$archive" "$work/parley.jsa"; without=$(first_window); mv "$work/parley.jsa" "$archive"
  echo "$base $with $without"
done | tee "$work/rounds"
echo "medians:"
for col in 1 2 3; do sort -n <(cut -d' ' -f"$col" "$work/rounds") | awk '{a[NR]=$1} END {printf "%s ", a[int((NR+1)/2)]}'; done
echo
