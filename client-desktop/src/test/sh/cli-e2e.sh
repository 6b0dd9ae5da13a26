#!/usr/bin/env bash
# End-to-end test of the parley-cli launcher: two profiles talk through a running relay, and every documented exit
# code is checked. Usage: cli-e2e.sh <path to parley-cli> <relay ws:// URL> <empty work directory>
set -euo pipefail
cli="$1"; relay="$2"; work="$3"
root="$(cd "$(dirname "$cli")" && pwd)"
export PARLEY_DATA_DIR="$work/data"
unset PARLEY_PASSPHRASE PARLEY_PROFILE
alice() { PARLEY_PROFILE=alice PARLEY_PASSPHRASE='alice secret' "$cli" "$@"; }
bob()   { PARLEY_PROFILE=bob PARLEY_PASSPHRASE='bob secret' "$cli" "$@"; }
fail()  { echo "FAIL: $*" >&2; exit 1; }
expect_exit() {
  local want=$1; shift
  set +e; "$@" >"$work/out" 2>"$work/err"; local got=$?; set -e
  [[ $got == "$want" ]] || fail "'$*' exited $got, expected $want: $(cat "$work/err")"
}

alice init alice --relay "$relay" >/dev/null
bob init bob --relay "$relay" >/dev/null
[[ $(alice register) == $'registered\talice' ]] || fail "register alice"
bob register >/dev/null
[[ $(alice add-contact bob) == $'bob\tUNVERIFIED' ]] || fail "add-contact"
echo "line one from stdin" | alice send bob >/dev/null
alice send bob second message >/dev/null

received=$(bob listen --once)
[[ $(grep -c $'^alice\tINCOMING\tDELIVERED\t' <<<"$received") == 2 ]] || fail "listen --once printed: $received"
grep -q 'line one from stdin$' <<<"$received" || fail "stdin message missing"
[[ $(bob history alice | wc -l) == 2 ]] || fail "history"
[[ $(bob history alice | tail -n 1 | cut -f 6) == "second message" ]] || fail "history order"
[[ $(bob search second | wc -l) == 1 ]] || fail "search"

expect_exit 1 alice frobnicate
expect_exit 2 env PARLEY_PROFILE=alice PARLEY_PASSPHRASE=wrong "$cli" contacts
grep -q 'wrong passphrase' "$work/err" || fail "wrong passphrase message"
expect_exit 3 alice send nobody hello
expect_exit 4 env PARLEY_PROFILE=carol PARLEY_PASSPHRASE=c sh -c "\"$cli\" init carol --relay ws://127.0.0.1:9/parley >/dev/null && \"$cli\" register"
[[ ! -s "$work/out" ]] || fail "stdout must stay empty on errors"

# issue 18 item 18: a relative --data-dir means the caller's directory, also through ./parley cli
mkdir -p "$work/elsewhere"
(cd "$work/elsewhere" && PARLEY_PASSPHRASE=d "$root/parley" cli --data-dir rel-data --profile dave init dave --relay "$relay" >/dev/null)
[[ -d "$work/elsewhere/rel-data/dave" ]] || fail "relative --data-dir was not resolved against the caller's directory"
[[ ! -e "$root/rel-data" ]] || fail "relative --data-dir landed in the repository"

# items 13 and 17: while a listen holds bob, another command exits 6; the JVM leaves no /tmp/hsperfdata_<user>/<pid>
alice send bob "for the listener" >/dev/null
bob listen >"$work/listen.out" 2>"$work/listen.err" &
listener=$!
for _ in $(seq 1 240); do
  grep -q 'for the listener$' "$work/listen.out" && break
  sleep 0.5
done
grep -q 'for the listener$' "$work/listen.out" || fail "listen printed: $(cat "$work/listen.out" "$work/listen.err")"
expect_exit 6 bob contacts
grep -q 'open in another' "$work/err" || fail "profile-in-use message: $(cat "$work/err")"
java_pid=$(pgrep -f -n "$root/client-desktop/target/parley-cli.jar listen") || fail "no listen JVM found"
[[ ! -e "${TMPDIR:-/tmp}/hsperfdata_$(id -un)/$java_pid" ]] || fail "the CLI JVM wrote a hsperfdata file"
kill -TERM "$java_pid"; wait "$listener" || true
! grep -q 'Exception\|WARN\|FlushScope' "$work/listen.err" || fail "listen printed internals: $(cat "$work/listen.err")"

# item 11: the desktop launcher without a display says so in one sentence
expect_exit 1 env -u DISPLAY -u WAYLAND_DISPLAY "$root/parley"
[[ $(wc -l <"$work/err") == 1 ]] && grep -q 'no display' "$work/err" || fail "no-display message: $(cat "$work/err")"
echo "CLI E2E OK"
