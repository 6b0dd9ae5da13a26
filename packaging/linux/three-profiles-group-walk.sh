#!/usr/bin/env bash
# Issue #15's "done when", done as users would (slow: not part of "mvn verify"). From the repository root, after
# `mvn -B -pl client-desktop,relay-server -am package -DskipTests`:
#
#   packaging/linux/three-profiles-group-walk.sh [DISPLAY]       (default :96)
#
# One X server (Xvfb, 3420x800, no window manager), a standalone relay, and three desktop apps side by side (alice,
# bob, carol; profiles made beforehand with the command line client, alice has bob and carol as contacts). In the
# desktop apps: alice creates the group "Climbing club" with bob, writes; bob reacts to it and answers; alice adds
# carol, who writes; alice removes bob and writes again. Then the command line client reads the three histories back:
# bob's must not hold what was sent after his removal. Screenshots of every step go to
# packaging/target/three-profiles/. The clicks are positions in the 1120x760 window layout: a layout change can need
# new positions here (the screenshots show where a click landed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
display="${1:-:96}"
out="$root/packaging/target/three-profiles"
data="$out/data"
export PARLEY_PASSPHRASE='correct horse battery staple'

say() { printf 'three-profiles: %s\n' "$*" >&2; }
fail() { printf 'three-profiles: FAIL: %s\n' "$*" >&2; exit 1; }

for tool in Xvfb xdotool import java; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (apt-get install xvfb xdotool imagemagick)"
done
jar="$root/client-desktop/target/client-desktop-0.1.0-SNAPSHOT.jar"
cli="$root/client-desktop/target/parley-cli.jar"
relay_jar="$root/relay-server/target/parley-relay.jar"
for f in "$jar" "$cli" "$relay_jar"; do [ -f "$f" ] || fail "$f is missing: build first (see the top of this file)"; done

rm -rf "$out"
mkdir -p "$out" "$data"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

Xvfb "$display" -screen 0 3420x800x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
pids+=("$!")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$relay_jar" --port "$port" --data-dir "$out/relay" >"$out/relay.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 60); do grep -q relay_started "$out/relay.log" && break; sleep 1; done
grep -q relay_started "$out/relay.log" || fail "the relay did not start"
relay="ws://127.0.0.1:$port/parley"

cli() { java -jar "$cli" --data-dir "$data" --profile "$@"; }
say "profiles alice, bob and carol on $relay"
for who in alice bob carol; do
  cli "$who" init "$who" --relay "$relay" >/dev/null
  cli "$who" register >/dev/null
done
cli alice add-contact bob >/dev/null
cli alice add-contact carol >/dev/null

# The desktop app as ./parley starts it (JavaFX as named modules), without its rebuild check.
lib="$root/client-desktop/target/lib"
modules="" classpath="$jar"
for f in "$lib"/*.jar; do
  case "$(basename "$f")" in
    javafx-*-linux.jar) modules="$modules${modules:+:}$f" ;;
    javafx-*) ;;
    *) classpath="$classpath:$f" ;;
  esac
done
declare -A win
x_of() { case "$1" in alice) echo 0 ;; bob) echo 1150 ;; carol) echo 2300 ;; esac; }
start_app() {
  local who="$1" before after
  before="$(DISPLAY="$display" xdotool search --name '^Parley' 2>/dev/null | sort || true)"
  DISPLAY="$display" java --module-path "$modules" --add-modules javafx.controls,javafx.fxml,javafx.swing \
    -cp "$classpath" dev.parley.desktop.ui.ParleyLauncher --profile "$who" --data-dir "$data" >"$out/$who.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 180); do
    after="$(DISPLAY="$display" xdotool search --name '^Parley' 2>/dev/null | sort || true)"
    win[$who]="$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | tail -1)"
    [ -n "${win[$who]}" ] && break
    sleep 1
  done
  [ -n "${win[$who]}" ] || fail "no window for $who"
  sleep 5
  DISPLAY="$display" xdotool windowmove "${win[$who]}" "$(x_of "$who")" 0
  sleep 2
}
shot() { DISPLAY="$display" import -window "${win[$1]}" "$out/$2.png"; }
screen() { DISPLAY="$display" import -window root "$out/$1.png"; }
# a click at (x, y) inside the window of $1
click() { DISPLAY="$display" xdotool mousemove $(( $(x_of "$1") + $2 )) "$3" click "${4:-1}"; sleep 1; }
type_text() { DISPLAY="$display" xdotool type --delay 20 "$1"; }
key() { DISPLAY="$display" xdotool key "$1"; sleep 1; }
logged() {
  for _ in $(seq 1 120); do grep -q "$2" "$1" && return 0; sleep 1; done
  fail "no \"$2\" in $1"
}
history() { cli "$1" history "$2" --limit 50; }

for who in alice bob carol; do
  say "starting $who's desktop app"
  start_app "$who"
  shot "$who" "00-$who-unlock"
  click "$who" 560 380
  type_text "$PARLEY_PASSPHRASE"; key Return
  logged "$out/$who.log" "RelayConnectionService - online"
  sleep 3
  shot "$who" "01-$who-unlocked"
done
screen 02-three-apps
if [ -n "${WALK_PAUSE:-}" ]; then
  say "paused (WALK_PAUSE): the apps stay up until this script is stopped"
  printf '%s\n' "${win[alice]} ${win[bob]} ${win[carol]}" >"$out/windows"
  wait
fi

# Without a window manager the keyboard goes to the window given the focus: each step focuses its app first.
focus() { DISPLAY="$display" xdotool windowfocus "${win[$1]}"; sleep 1; }
dialog() {   # the id of the visible window titled $1, moved to (x, y) = ($2, $3)
  local id=""
  for _ in $(seq 1 30); do id="$(DISPLAY="$display" xdotool search --onlyvisible --name "^$1\$" 2>/dev/null | head -1)"
    [ -n "$id" ] && break; sleep 1; done
  [ -n "$id" ] || fail "no window \"$1\""
  DISPLAY="$display" xdotool windowmove "$id" "$2" "$3"; sleep 2
  printf '%s' "$id"
}
write() { focus "$1"; click "$1" 710 725; type_text "$2"; key Return; sleep 10; }

say "alice creates the group with bob and writes"
focus alice; click alice 208 35
dlg="$(dialog 'New group' 350 150)"
click alice 560 221; type_text "Climbing club"; click alice 421 297
DISPLAY="$display" import -window "$dlg" "$out/03-alice-new-group.png"
click alice 695 560; sleep 8
write alice "hello climbers, wall at six?"

say "bob opens it, reacts with a heart and answers"
focus bob; click bob 160 185; sleep 15
DISPLAY="$display" xdotool mousemove $(( $(x_of bob) + 470 )) 240; sleep 1; DISPLAY="$display" xdotool click 3; sleep 4
DISPLAY="$display" xdotool mousemove $(( $(x_of bob) + 505 )) 298; sleep 4                     # React >
DISPLAY="$display" xdotool mousemove $(( $(x_of bob) + 634 )) 300; sleep 1
DISPLAY="$display" xdotool mousemove $(( $(x_of bob) + 634 )) 347; sleep 1; DISPLAY="$display" xdotool click 1; sleep 5
write bob "see you there, I bring the rope"
shot bob 04-bob-chat-reacted

say "alice adds carol; carol writes"
focus alice; click alice 1085 35
dialog 'Group info' 330 100 >/dev/null
click alice 357 539; click alice 373 572; sleep 10; click alice 741 553
focus carol; click carol 160 185; sleep 8
write carol "hi all, carol here"; sleep 10
shot carol 05-carol-delivered-to-all

say "alice removes bob and writes again"
focus alice; click alice 1085 35
dlg="$(dialog 'Group info' 330 100)"
click alice 732 356; sleep 10
DISPLAY="$display" import -window "$dlg" "$out/06-alice-removed-bob.png"
click alice 741 646
write alice "bob is out: this is after the removal"; sleep 5
shot alice 07-alice-after-removal
shot bob 08-bob-removed-reads-nothing-later
shot carol 09-carol-reads-after-removal

say "reading the histories back"
group="$(cli alice group list | awk '/Climbing club/ {print $2; exit}')"
[ -n "$group" ] || fail "alice has no group"
kill "${pids[@]:2}" 2>/dev/null || true; sleep 8        # the desktop apps hold their profiles: close them first
history carol "$group" | grep -q "bob is out" || fail "carol did not get the message sent after the removal"
history bob "$group" | grep -q "hi all, carol here" || fail "bob did not get carol's message sent before his removal"
if history bob "$group" | grep -q "bob is out"; then fail "bob can read a message sent after his removal"; fi
say "OK: screenshots in $out"
