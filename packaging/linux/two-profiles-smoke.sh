#!/usr/bin/env bash
# The README's "Two profiles on one computer", done as a user would (slow: not part of "mvn verify"). From the
# repository root:
#
#   packaging/linux/two-profiles-smoke.sh [TERM|KILL]
#
# Starts two X servers (Xvfb :87 and :88, 1280x800, no window manager) and runs `./parley` on each with a throwaway
# data dir: alice creates her profile with "Run a relay on this computer", bob with "Connect to a relay" (the
# address the form offers), bob adds alice and writes, alice opens the conversation and answers. Both apps are then
# stopped with the given signal (default TERM: a logout or `kill`), and the command line client reads both
# histories back from the encrypted databases: each must hold both messages. Screenshots of every step go to
# packaging/target/two-profiles/. The clicks are positions in the 1280x800 layout: a layout change can need new
# positions here (the screenshots show where a click landed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/packaging/target/two-profiles"
data="$out/data"
signal="${1:-TERM}"
alice_pass='correct horse battery staple'
bob_pass='another good passphrase'

say() { printf 'two-profiles: %s\n' "$*" >&2; }
fail() { printf 'two-profiles: FAIL: %s\n' "$*" >&2; exit 1; }

case "$signal" in
  TERM|KILL) ;;
  -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) fail "the signal is TERM or KILL, not $signal" ;;
esac

need=()
for pair in Xvfb:xvfb xdotool:xdotool import:imagemagick; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
if [ "${#need[@]}" -gt 0 ]; then
  say "installing ${need[*]}"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

rm -rf "$out"
mkdir -p "$out"
cd "$root"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

for display in :87 :88; do
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$out/xvfb${display#:}.log" 2>&1 &
  pids+=("$!")
done
sleep 2

shot() { DISPLAY="$1" import -window root "$out/$2.png"; }
window() {
  for _ in $(seq 1 120); do
    DISPLAY="$1" xdotool search --name '^Parley' >/dev/null 2>&1 && { sleep 10; return 0; }
    sleep 1
  done
  fail "no Parley window on $1"
}
logged() {
  for _ in $(seq 1 90); do grep -q "$2" "$1" && return 0; sleep 1; done
  fail "no \"$2\" in $1"
}
titled() {
  for _ in $(seq 1 30); do DISPLAY="$1" xdotool search --name "^$2\$" >/dev/null 2>&1 && { sleep 1; return 0; }; sleep 1; done
  fail "no window \"$2\" on $1"
}
click() { DISPLAY="$1" xdotool mousemove "$2" "$3" click 1; }
type_text() { DISPLAY="$1" xdotool type --delay 10 "$2"; }
key() { DISPLAY="$1" xdotool key "$2"; }

say "building what is missing and starting alice (hosts the relay)"
DISPLAY=:87 ./parley --profile alice --data-dir "$data" >"$out/alice.log" 2>&1 &
pids+=("$!")
window :87
shot :87 01-alice-onboarding
click :87 640 323; type_text :87 "$alice_pass"
click :87 640 467; type_text :87 "$alice_pass"
sleep 1
click :87 640 736
logged "$out/alice.log" "RelayConnectionService - online"
shot :87 02-alice-online

say "starting bob (connects to alice's relay)"
DISPLAY=:88 ./parley --profile bob --data-dir "$data" >"$out/bob.log" 2>&1 &
pids+=("$!")
window :88
click :88 640 323; type_text :88 "$bob_pass"
click :88 640 467; type_text :88 "$bob_pass"
click :88 640 659
sleep 1
for _ in 1 2 3 4 5; do DISPLAY=:88 xdotool mousemove 640 500 click 5 click 5 click 5 click 5 click 5; sleep 0.3; done
sleep 1
shot :88 03-bob-onboarding
click :88 636 655
logged "$out/bob.log" "RelayConnectionService - online"

say "bob adds alice and writes"
click :88 291 46
titled :88 'Add a contact'
type_text :88 alice; key :88 Return; sleep 4
type_text :88 "Hello Alice, this is Bob"; key :88 Return; sleep 4
shot :88 04-bob-sent

say "alice opens the conversation and answers"
shot :87 05-alice-received
click :87 240 147; sleep 2
click :87 775 738; type_text :87 "Hi Bob"; key :87 Return; sleep 4
shot :87 06-alice-answered
shot :88 07-bob-answer

say "stopping both apps with SIG$signal"
pkill -"$signal" -f "ParleyLauncher --profile alice --data-dir $data" || true
pkill -"$signal" -f "ParleyLauncher --profile bob --data-dir $data" || true
sleep 6

check() {
  local profile="$1" pass="$2" contact="$3" history
  history="$(PARLEY_PASSPHRASE="$pass" ./parley-cli --data-dir "$data" --profile "$profile" history "$contact")" \
    || fail "cannot read $profile's history"
  printf '%s\n' "$history" >"$out/$profile-history.txt"
  grep -q "Hello Alice, this is Bob" <<<"$history" || fail "$profile's history lacks bob's message"
  grep -q "Hi Bob" <<<"$history" || fail "$profile's history lacks alice's answer"
}
check alice "$alice_pass" bob
check bob "$bob_pass" alice
say "OK: both histories hold both messages after SIG$signal; screenshots in $out"
