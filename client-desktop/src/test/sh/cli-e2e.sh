#!/usr/bin/env bash
# End-to-end test of the parley-cli launcher: two profiles talk through a running relay, and every documented exit
# code is checked. Usage: cli-e2e.sh <path to parley-cli> <relay ws:// URL> <empty work directory>
set -euo pipefail
cli="$1"; relay="$2"; work="$3"
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
echo "CLI E2E OK"
