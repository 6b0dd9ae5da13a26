#!/usr/bin/env bash
# Time from starting ./parley to its first window being mapped on an X display, the process's CPU time at that
# moment, and the time until the first screen (onboarding, or unlock with --unlock) is built and laid out, so it
# takes input; against `java -version` in the same run. Needs Xvfb and xdotool (apt-get install xvfb xdotool).
# Uses a throw-away data dir, so the first window is onboarding (no profile), as for a new user; with --unlock the
# data dir holds one (empty) profile, so the first window is the unlock screen. The launcher's class-data archive is
# used from the second round on.
#
# Usage: bench/scripts/desktop-startup.sh [--unlock] [--against CHECKOUT] [ROUNDS]
#   --against CHECKOUT  also start the ./parley of another, already built checkout (say the commit before a change,
#                       `git worktree add` or `git archive` into /tmp, then `./parley --help` there builds it), in
#                       turns with this one in every round, alternating which goes first (an A/B on one machine)
#   PARLEY_BENCH_DISPLAY the X display to use (default :97)
#   PARLEY_JAVA_OPTS     more JVM options for every start (both checkouts), after the app's own
#                        (packaging/desktop-java-options.args); -XX:+UseG1GC there replaces the app's collector
# Prints one line per round and start (milliseconds), then the medians. "ready" is what the app itself reports with
# -Dparley.startupTrace=true ("-" for a build that does not report it), with the process CPU time it reports then.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
unlock=false against=""
while [ $# -gt 0 ]; do
  case "$1" in
    --unlock) unlock=true; shift ;;
    --against) against="$(cd "$2" && pwd)"; shift 2 ;;
    *) break ;;
  esac
done
rounds="${1:-5}"
display="${PARLEY_BENCH_DISPLAY:-:97}"
work="$(mktemp -d)"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY="$display"
sleep 1
xdotool search --onlyvisible --name 'Parley' >/dev/null 2>&1 \
  && { echo "a Parley window is open on $display already; close it first" >&2; exit 1; }
now() { date +%s%N; }
ms() { echo $(( ($(now) - $1) / 1000000 )); }
ticks="$(getconf CLK_TCK)"
# the JVM of a launcher started as $1: the launcher execs it, except on the first start after a build
jvm_of() { if [ "$(cat "/proc/$1/comm" 2>/dev/null)" = java ]; then echo "$1"; else pgrep -P "$1" -x java || true; fi; }
cpu_ms() { awk -v t="$ticks" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat" 2>/dev/null || echo "-"; }
if $unlock; then
  # an existing profile is all the unlock screen needs (nothing is unlocked here)
  mkdir -p "$work/data/alice" && : >"$work/data/alice/profile.json"
fi
# one start of checkout $1; prints "first-window cpu-at-window ready cpu-at-ready"
start_once() {
  local checkout="$1" limit="$2" s app jvm shown="timeout" cpu="-" ready="-" ready_cpu="-" log="$work/app.log"
  s=$(now)
  PARLEY_DATA_DIR="$work/data" PARLEY_JAVA_OPTS="-Dparley.startupTrace=true ${PARLEY_JAVA_OPTS:-}" setsid "$checkout/parley" >"$log" 2>&1 & app=$!
  for _ in $(seq "$limit"); do
    if xdotool search --onlyvisible --name 'Parley' >/dev/null 2>&1; then
      shown=$(ms "$s"); jvm=$(jvm_of "$app"); [ -z "$jvm" ] || cpu=$(cpu_ms "$jvm"); break
    fi
    sleep 0.02
  done
  for _ in $(seq 300); do
    line=$(grep -m1 '^parley-startup ready ' "$log" || true)
    if [ -n "$line" ]; then
      ready=$(( ($(echo "$line" | cut -d' ' -f3) * 1000000 - s) / 1000000 )); ready_cpu=$(echo "$line" | sed 's/.*cpu-ms=//')
      break
    fi
    grep -q '^parley-startup shown ' "$log" || break   # a build without the trace
    sleep 0.05
  done
  # TERM to the JVM only: on the first start after a build the launcher script waits for it and renames the
  # class-data archive the JVM wrote at exit
  jvm=$(jvm_of "$app"); [ -z "$jvm" ] || kill -TERM "$jvm" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  echo "$shown $cpu $ready $ready_cpu"
}
checkouts=("$root"); [ -z "$against" ] || checkouts+=("$against")
for c in "${checkouts[@]}"; do [ -x "$c/parley" ] || { echo "no ./parley in $c" >&2; exit 1; }; done
# round 0 (not counted) builds stale jars and lets the launchers write their class-data archives at exit
for c in "${checkouts[@]}"; do start_once "$c" 12000 >/dev/null; done
header="round java-version"
for c in "${checkouts[@]}"; do n=$(basename "$c"); header="$header $n:first-window $n:cpu-at-window $n:ready $n:cpu-at-ready"; done
echo "$header (load average $(cut -d' ' -f1-3 /proc/loadavg))"
for round in $(seq "$rounds"); do
  s=$(now); java -XX:-UsePerfData -version >/dev/null 2>&1; base=$(ms "$s")
  declare -A result=()
  order=("${checkouts[@]}")
  if [ $((round % 2)) -eq 0 ] && [ ${#checkouts[@]} -eq 2 ]; then order=("${checkouts[1]}" "${checkouts[0]}"); fi
  for c in "${order[@]}"; do result[$c]=$(start_once "$c" 1500); done
  line="$round $base"
  for c in "${checkouts[@]}"; do line="$line ${result[$c]}"; done
  echo "$line"
done | tee "$work/rounds"
echo "medians (load average now $(cut -d' ' -f1-3 /proc/loadavg)):"
cols=$(( 2 + 4 * ${#checkouts[@]} ))
for col in $(seq 2 "$cols"); do
  sort -n <(cut -d' ' -f"$col" "$work/rounds" | grep -v -- '-\|timeout') | awk '{a[NR]=$1} END {printf "%s ", NR ? a[int((NR+1)/2)] : "-"}'
done
echo
