#!/usr/bin/env bash
# Runs java with the desktop app's own JVM options (packaging/desktop-java-options.args, read as ./parley and the
# installed app's launcher read them), then the arguments: a benchmark of the desktop app measured as users run it.
# From the repository root, for example:
#
#   bench/scripts/desktop-java.sh -Djava.io.tmpdir=/tmp/bench-tmp -cp bench/target/parley-bench.jar \
#     dev.parley.bench.ui.DisappearingSweepBenchmark 100000 1
#
# PARLEY_JAVA_OPTS: more options after the app's; a collector there replaces the app's (an A/B against G1:
# PARLEY_JAVA_OPTS=-XX:+UseG1GC). Prints the options used on stderr.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=packaging/launcher-lib.sh
. "$root/packaging/launcher-lib.sh"
need_java
mapfile -t own < <(desktop_java_options "${PARLEY_JAVA_OPTS:-}")
echo "desktop-java: java -XX:-UsePerfData ${own[*]} ${PARLEY_JAVA_OPTS:-}" >&2
exec java -XX:-UsePerfData ${own[@]+"${own[@]}"} ${PARLEY_JAVA_OPTS:-} "$@"
