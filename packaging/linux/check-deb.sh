#!/usr/bin/env bash
# Installed-app smoke check for the desktop .deb (slow: not part of "mvn verify"). From the repository root:
#
#   packaging/linux/check-deb.sh              build the .deb (mvn -Ppackage), then check it
#   packaging/linux/check-deb.sh --no-build   check the .deb already in packaging/target/jpackage/installer
#
# It unpacks the .deb into packaging/target/deb-root (dpkg-deb -x), checks the control file (libgtk-3-0 declared)
# and the /opt/parley layout (launcher, desktop entry, icon, trimmed runtime holding every module jdeps finds),
# makes the class-data archive as the postinst does and starts the app with -Xshare:on (it fails if the archive
# cannot be used), creates a throwaway profile with the CLI, starts a relay with a self-signed certificate on 127.0.0.1, starts the
# unpacked launcher under Xvfb with HOME and XDG_* pointing into packaging/target/smoke, waits for the window,
# types the passphrase, waits for the unlocked main window to report "Online", screenshots both screens to
# packaging/target/, and fails if anything was written under the install root or outside the throwaway dirs'
# XDG locations. Tools it needs are installed with apt-get when missing.
# DPKG_DEB_COMPRESSOR_TYPE=gzip (passed through jpackage to dpkg-deb) makes the build faster on slow machines.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$root/packaging/target"
debroot="$target/deb-root"
smoke="$target/smoke"
passphrase='smoke-test passphrase, throwaway'

say() { printf 'check-deb: %s\n' "$*" >&2; }
fail() { printf 'check-deb: FAIL: %s\n' "$*" >&2; exit 1; }

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown argument: $arg (try --help)" ;;
  esac
done

# --- tools ---------------------------------------------------------------------------------------------------
need=()
for pair in fakeroot:fakeroot dpkg-deb:dpkg Xvfb:xvfb xdotool:xdotool xwininfo:x11-utils import:imagemagick \
            curl:curl; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
if [ "${#need[@]}" -gt 0 ]; then
  say "installing ${need[*]}"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
command -v java >/dev/null 2>&1 || fail "a JDK 17 is needed (java, jpackage, jdeps)"

# --- build ---------------------------------------------------------------------------------------------------
cd "$root"
if [ "$build" -eq 1 ]; then
  say "building the desktop .deb (mvn -Ppackage; several minutes)"
  mvn -B -q -Ppackage -pl packaging -am package -DskipTests -Dparley.relay.skip=true
fi
deb="$(ls -t "$target"/jpackage/installer/parley_*_amd64.deb 2>/dev/null | head -1 || true)"
[ -n "$deb" ] || fail "no packaging/target/jpackage/installer/parley_*_amd64.deb (run without --no-build)"
cli_jar="$root/client-desktop/target/parley-cli.jar"
relay_jar="$root/relay-server/target/parley-relay.jar"
[ -f "$cli_jar" ] && [ -f "$relay_jar" ] || fail "client-desktop/target/parley-cli.jar or relay-server/target/parley-relay.jar is missing"
say "checking $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# --- control file --------------------------------------------------------------------------------------------
[ "$(dpkg-deb -f "$deb" Package)" = "parley" ] || fail "package name is not 'parley'"
depends="$(dpkg-deb -f "$deb" Depends)"
grep -Eq '(^|[ ,])libgtk-3-0([ ,(]|$)' <<<"$depends" || fail "Depends does not declare libgtk-3-0: $depends"
say "Depends: $depends"

# --- layout --------------------------------------------------------------------------------------------------
rm -rf "$debroot" "$smoke"
mkdir -p "$debroot"
dpkg-deb -x "$deb" "$debroot"
opt="$debroot/opt/parley"
[ -x "$opt/bin/parley" ] || fail "no executable /opt/parley/bin/parley"
desktop="$(ls "$opt"/lib/*.desktop 2>/dev/null | head -1 || true)"
[ -n "$desktop" ] || fail "no desktop entry under /opt/parley/lib"
grep -qx 'Exec=/opt/parley/bin/parley' "$desktop" || fail "desktop entry does not start /opt/parley/bin/parley"
grep -qx 'Name=Parley' "$desktop" || fail "desktop entry is not named Parley"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[ -f "$debroot$icon" ] || fail "desktop entry icon $icon is not in the package"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst | grep 'xdg-desktop-menu install' >/dev/null \
  || fail "postinst does not register the menu entry"
[ -f "$opt/lib/runtime/release" ] || fail "no bundled runtime"
modules="$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$opt/lib/runtime/release")"
say "runtime: $(du -sh "$opt/lib/runtime" | cut -f1), modules: $modules"
say "app-image: $(du -sh "$opt" | cut -f1)"
# the launcher starts the JVM with the app's own options (its collector): the smoke start below then shows the
# bundled runtime accepts them
cfg="$opt/lib/app/parley.cfg"
while IFS= read -r line; do
  case "$line" in "--java-options "*) ;; *) continue ;; esac
  grep -qxF "java-options=${line#--java-options }" "$cfg" || fail "$cfg lacks ${line#--java-options } (packaging/desktop-java-options.args)"
done <"$root/packaging/desktop-java-options.args"
say "jdeps over the installed jars..."
# --ignore-missing-deps: optional integrations (e.g. logback's Jakarta Servlet, H2's OSGi) are absent on purpose
wanted="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -q \
          --class-path "$opt/lib/app/*" "$opt"/lib/app/*.jar)"
for m in ${wanted//,/ }; do
  grep -Eq "(^| )$m( |$)" <<<"$modules" || fail "jdeps needs module $m, which the trimmed runtime lacks"
done

# --- class-data archive, as the postinst makes it ----------------------------------------------------------
grep -q 'make-class-archive.sh' <(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst) \
  || fail "the postinst does not make the class-data archive"
"$opt/lib/app/make-class-archive.sh"
[ -s "$opt/lib/app/parley.jsa" ] || fail "make-class-archive.sh made no lib/app/parley.jsa"
say "class-data archive: $(du -h "$opt/lib/app/parley.jsa" | cut -f1)"

# --- throwaway profile and a relay ---------------------------------------------------------------------------
mkdir -p "$smoke"/{home,data,config,cache,state,runtime,tmp}
chmod 700 "$smoke/runtime"
find "$debroot" -printf '%P %s %T@ %m\n' | sort >"$smoke/install-root.before"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
java -jar "$relay_jar" --host=127.0.0.1 --port="$port" --data-dir="$smoke/relay" --tls-self-signed \
  >"$smoke/relay.log" 2>&1 &
pids+=($!)
fingerprint=""
for _ in $(seq 1 60); do
  fingerprint="$(sed -n 's/^TLS certificate SHA-256 fingerprint (pin this in clients): //p' "$smoke/relay.log")"
  [ -n "$fingerprint" ] && break
  sleep 1
done
[ -n "$fingerprint" ] || fail "the relay did not start (see $smoke/relay.log)"
curl -fsk "https://127.0.0.1:$port/health" >/dev/null || fail "relay /health does not answer"

cli() {
  env HOME="$smoke/home" XDG_DATA_HOME="$smoke/data" PARLEY_PASSPHRASE="$passphrase" \
    java -Djava.io.tmpdir="$smoke/tmp" -jar "$cli_jar" --profile smoke "$@" >>"$smoke/cli.log" 2>&1
}
cli init smoke --relay "wss://127.0.0.1:$port/parley" --fingerprint "$fingerprint" || fail "cli init failed (see $smoke/cli.log)"
cli register || fail "cli register failed (see $smoke/cli.log)"
[ -f "$smoke/data/parley/smoke/profile.json" ] || fail "the CLI did not create the profile under XDG_DATA_HOME"
find "$smoke/data" -printf '%P %s %T@\n' | sort >"$smoke/data.before"

# --- the installed launcher under Xvfb -----------------------------------------------------------------------
display=":$(( (RANDOM % 400) + 100 ))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$smoke/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 20); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.5; done
export DISPLAY="$display"
# -Djavafx.verbose shows where JavaFX loads its natives from (next to its jars, never extracted into $HOME)
env -i PATH=/usr/bin:/bin DISPLAY="$display" HOME="$smoke/home" USER="${USER:-smoke}" LANG=C.UTF-8 \
  XDG_DATA_HOME="$smoke/data" XDG_CONFIG_HOME="$smoke/config" XDG_CACHE_HOME="$smoke/cache" \
  XDG_STATE_HOME="$smoke/state" XDG_RUNTIME_DIR="$smoke/runtime" \
  JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$smoke/tmp -Djavafx.verbose=true -Xshare:on" \
  "$opt/bin/parley" --profile smoke >"$smoke/app.log" 2>&1 &
app=$!
pids=("$app" "${pids[@]}")

window=""
for _ in $(seq 1 120); do
  kill -0 "$app" 2>/dev/null || fail "the app exited early (see $smoke/app.log)"
  window="$(xdotool search --name '^Parley - smoke$' 2>/dev/null | head -1 || true)"
  if [ -n "$window" ] && xwininfo -id "$window" | grep -q 'IsViewable'; then break; fi
  window=""
  sleep 1
done
[ -n "$window" ] || fail "no 'Parley - smoke' window within 120 s (see $smoke/app.log)"
say "window $(xwininfo -id "$window" | sed -n 's/.*"\(Parley - smoke\)".*/\1/p') is up"
sleep 3
import -window root "$target/parley-deb-unlock.png"

# unlock: focus the window, click into the passphrase field (it has focus already), type, Enter
xdotool windowfocus --sync "$window" || true
xdotool type --delay 20 "$passphrase"
xdotool key Return
online=""
for _ in $(seq 1 120); do
  kill -0 "$app" 2>/dev/null || fail "the app exited while unlocking (see $smoke/app.log)"
  if grep -Eq 'RelayConnectionService -{1,2} online$' "$smoke/app.log" 2>/dev/null; then online=1; fi
  [ -n "$online" ] && break
  sleep 1
done
sleep 3
import -window root "$target/parley-deb-main.png"
[ -n "$online" ] || fail "the unlocked app did not log in to the relay over pinned TLS within 120 s (see $smoke/app.log)"

# --- nothing written into the install root or outside the XDG locations ---------------------------------------
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
find "$debroot" -printf '%P %s %T@ %m\n' | sort >"$smoke/install-root.after"
diff -u "$smoke/install-root.before" "$smoke/install-root.after" >"$smoke/install-root.diff" \
  || fail "the app changed files under the install root: $(head -20 "$smoke/install-root.diff")"
stray="$(find "$smoke/home" -mindepth 1 | head -20)"
[ -z "$stray" ] || fail "the app wrote into \$HOME outside the XDG directories: $stray"
if grep -q 'Loaded .* from resource\|openjfx' "$smoke/app.log"; then
  fail "JavaFX extracted its natives instead of loading them from the install directory (see $smoke/app.log)"
fi
find "$smoke/data" -printf '%P %s %T@\n' | sort >"$smoke/data.after"
say "written under XDG_DATA_HOME: $(diff "$smoke/data.before" "$smoke/data.after" | grep -c '^>' || true) entries changed"
say "written under XDG_CACHE_HOME: $(cd "$smoke/cache" && find . -mindepth 1 -maxdepth 2 | tr '\n' ' ')"
say "OK: screenshots $target/parley-deb-unlock.png and $target/parley-deb-main.png"
