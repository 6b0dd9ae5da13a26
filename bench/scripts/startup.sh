#!/usr/bin/env bash
# Start-up of the CLI with and without the launchers' AppCDS archive, against `java -version` in the same run.
# Usage: bench/scripts/startup.sh [ROUNDS]   (after ./parley-cli --version has built the jar and the archive)
# Prints one line per round (milliseconds), then the medians. Rounds interleave the variants, so machine load hits
# them alike.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-7}"
jar="$root/client-desktop/target/parley-cli.jar"
archive="$root/client-desktop/target/parley-cli.jsa"
[ -f "$archive" ] || { echo "run ./parley-cli --version first (it prepares $archive)" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export PARLEY_DATA_DIR="$work/data" PARLEY_PROFILE=bench PARLEY_PASSPHRASE='bench passphrase'
java -XX:-UsePerfData -jar "$jar" init bench --relay ws://127.0.0.1:9/parley >/dev/null
cds=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; echo $(( ($(date +%s%N) - s) / 1000000 )); }
launcher=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)   # what ./parley-cli adds for every command but listen
echo "java-version cli-version cli-version+cds contacts contacts+cds contacts+cds+launcher argon2id"
for _ in $(seq "$rounds"); do
  echo "$(ms java -XX:-UsePerfData -version) $(ms java -XX:-UsePerfData -jar "$jar" --version)" \
       "$(ms java -XX:-UsePerfData "${cds[@]}" -jar "$jar" --version) $(ms java -XX:-UsePerfData -jar "$jar" contacts)" \
       "$(ms java -XX:-UsePerfData "${cds[@]}" -jar "$jar" contacts)" \
       "$(ms java -XX:-UsePerfData "${cds[@]}" "${launcher[@]}" -jar "$jar" contacts)" \
       "$(java -XX:-UsePerfData -Dparley.logging=cli -cp "$jar" "$root/bench/scripts/Argon2Once.java" 2>/dev/null)"
done | tee "$work/rounds"
echo "medians:"
for col in 1 2 3 4 5 6 7; do sort -n <(cut -d' ' -f"$col" "$work/rounds") | awk '{a[NR]=$1} END {printf "%s ", a[int((NR+1)/2)]}'; done
echo
