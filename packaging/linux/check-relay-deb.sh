#!/usr/bin/env bash
# Smoke check for the relay .deb (not part of "mvn verify"). From the repository root, after
#   mvn -B -Ppackage -pl packaging -am package -DskipTests
# run: packaging/linux/check-relay-deb.sh
#
# It unpacks parley-relay_*.deb into packaging/target/relay-deb-root, checks the control file (no GUI libraries
# pulled in) and the /opt/parley-relay layout (launcher, systemd unit, environment file, sysusers entry,
# operations.md), checks the unit with systemd-analyze verify (when available; ExecStart pointed at the unpacked
# launcher), starts the unpacked launcher with the example environment file's options on a free 127.0.0.1 port,
# checks GET /health over TLS and GET /metrics on the loopback metrics listener, stops it with SIGTERM (the unit's stop), then creates an invite
# code and reads stats from the stopped relay's data directory.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$root/packaging/target"
debroot="$target/relay-deb-root"
work="$target/relay-smoke"

say() { printf 'check-relay-deb: %s\n' "$*" >&2; }
fail() { printf 'check-relay-deb: FAIL: %s\n' "$*" >&2; exit 1; }

deb="$(ls -t "$target"/jpackage/installer/parley-relay_*_amd64.deb 2>/dev/null | head -1 || true)"
[ -n "$deb" ] || fail "no packaging/target/jpackage/installer/parley-relay_*_amd64.deb (build it with -Ppackage)"
say "checking $(basename "$deb") ($(du -h "$deb" | cut -f1))"
[ "$(dpkg-deb -f "$deb" Package)" = "parley-relay" ] || fail "package name is not parley-relay"
depends="$(dpkg-deb -f "$deb" Depends)"
say "Depends: $depends"
if grep -Eq 'libgtk|libx11|libasound' <<<"$depends"; then fail "the relay package depends on GUI or sound libraries"; fi

rm -rf "$debroot" "$work"
mkdir -p "$debroot" "$work"
dpkg-deb -x "$deb" "$debroot"
opt="$debroot/opt/parley-relay"
launcher="$opt/bin/parley-relay"
[ -x "$launcher" ] || fail "no executable /opt/parley-relay/bin/parley-relay"
for f in parley-relay.service parley-relay.env parley-relay.sysusers operations.md; do
  [ -f "$opt/lib/app/$f" ] || fail "/opt/parley-relay/lib/app/$f is missing"
done
say "runtime: $(du -sh "$opt/lib/runtime" | cut -f1), app-image: $(du -sh "$opt" | cut -f1)"

if command -v systemd-analyze >/dev/null 2>&1; then
  sed "s|/opt/parley-relay/bin/parley-relay|$launcher|" "$opt/lib/app/parley-relay.service" >"$work/parley-relay.service"
  systemd-analyze verify "$work/parley-relay.service" >"$work/verify.log" 2>&1 || fail "systemd-analyze verify: $(cat "$work/verify.log")"
  [ ! -s "$work/verify.log" ] || fail "systemd-analyze verify warns: $(cat "$work/verify.log")"
  say "systemd-analyze verify: clean"
else
  say "systemd-analyze not installed: unit not verified"
fi

# the options of the example environment file, as the unit passes them (host and port replaced for the check)
opts="$(sed -n 's/^PARLEY_RELAY_OPTS="\(.*\)"$/\1/p' "$opt/lib/app/parley-relay.env")"
[ -n "$opts" ] || fail "no PARLEY_RELAY_OPTS in parley-relay.env"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
metrics_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
# shellcheck disable=SC2086 # the unit splits $PARLEY_RELAY_OPTS on spaces too
"$launcher" --data-dir="$work/data" --host=127.0.0.1 --port="$port" --metrics-port="$metrics_port" $opts \
  >"$work/relay.log" 2>&1 &
relay=$!
trap 'kill "$relay" 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do
  curl -fsk "https://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$relay" 2>/dev/null || fail "the relay exited (see $work/relay.log)"
  sleep 1
done
[ "$(curl -fsk "https://127.0.0.1:$port/health")" = "ok" ] || fail "/health does not answer ok"
curl -fs "http://127.0.0.1:$metrics_port/metrics" | grep -q '^parley_relay_connections ' || fail "/metrics (metrics listener) has no parley_relay_connections"
[ "$(curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$port/metrics")" = "404" ] || fail "/metrics is public on the relay port"
grep -q 'fingerprint (pin this in clients)' "$work/relay.log" || fail "no TLS fingerprint printed"
say "relay up with: $opts; /health ok; /metrics ok"
kill -TERM "$relay"
wait "$relay" && code=0 || code=$?
[ "$code" -eq 0 ] || [ "$code" -eq 143 ] || fail "the relay exited with $code after SIGTERM (the unit accepts 0 and 143)"
trap - EXIT
code="$("$launcher" invite create --data-dir="$work/data" 2>/dev/null | tail -1)"
[[ "$code" =~ ^[A-Za-z0-9_-]{20}$ ]] || fail "invite create printed no code"
"$launcher" stats --data-dir="$work/data" 2>/dev/null | grep -q 'usable invites: *1' || fail "stats does not count the invite"
say "OK: invite create and stats work on the stopped relay's data directory"
