#!/usr/bin/env bash
# Prints the JDK modules jdeps finds in the desktop app's jars and in the relay jar: the starting point of the
# explicit jlink lists parley.app.modules and parley.relay.modules in packaging/pom.xml (which add what is only
# reached by reflection or service lookup). Needs the jars: mvn -B -pl client-desktop,relay-server -am package -DskipTests
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="$root/client-desktop/target"
relay="$root/relay-server/target/parley-relay.jar"
[ -d "$app/lib" ] && [ -f "$relay" ] || { echo "build the jars first (see the header of $0)" >&2; exit 1; }
printf 'desktop app: '
jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -q --class-path "$app/lib/*" \
  "$app"/client-desktop-*.jar "$app"/lib/*.jar
printf 'relay:       '
jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -q "$relay"
