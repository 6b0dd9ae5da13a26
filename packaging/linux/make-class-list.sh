#!/usr/bin/env bash
# Records which classes the desktop app loads until its first window is up, into packaging/linux/parley-classes.lst.
# The .deb ships that list, and its postinst turns it into a class-data archive for the installed paths
# (make-class-archive.sh; docs/packaging.md, "Start-up"). Re-run it when start-up changes much; a stale list only
# costs speed (classes missing from it load as usual, names no longer in the app are skipped).
# Needs Xvfb and xdotool (apt-get install xvfb xdotool). Usage: packaging/linux/make-class-list.sh
# (PARLEY_BENCH_DISPLAY: the X display to use, default :98)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/packaging/linux/parley-classes.lst"
display="${PARLEY_BENCH_DISPLAY:-:98}"
work="$(mktemp -d)"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
DISPLAY="$display" PARLEY_DATA_DIR="$work/data" PARLEY_JAVA_OPTS="-XX:DumpLoadedClassList=$work/classes.lst" \
  setsid "$root/parley" >"$work/app.log" 2>&1 & app=$!
for _ in $(seq 6000); do
  DISPLAY="$display" xdotool search --onlyvisible --name 'Parley' >/dev/null 2>&1 && break
  kill -0 "$app" 2>/dev/null || { cat "$work/app.log" >&2; echo "make-class-list: the app exited" >&2; exit 1; }
  sleep 0.1
done
sleep 3   # the first screen's styling and fonts finish loading
# TERM to this app's JVM only (the launcher execs it; on the first start after a build it is the launcher's child)
jvm="$app"; [ "$(cat "/proc/$app/comm" 2>/dev/null)" = java ] || jvm="$(pgrep -P "$app" -x java || true)"
[ -z "$jvm" ] || kill -TERM "$jvm" 2>/dev/null || true
wait "$app" 2>/dev/null || true
# one class name per line; the JDK's lambda-proxy and hidden-class records are left out (they name build-time paths)
grep -E '^[A-Za-z0-9_$/]+( |$)' "$work/classes.lst" | sed 's/ .*//' | sort -u >"$out"
echo "make-class-list: $(wc -l <"$out") classes in $out"
