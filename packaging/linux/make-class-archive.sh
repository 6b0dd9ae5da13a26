#!/bin/sh
# Makes lib/app/parley.jsa, the class-data archive the desktop app starts with (its launcher's
# -XX:SharedArchiveFile=$APPDIR/parley.jsa), for the paths this copy is installed at: an archive made at build time
# would not match them, and Java 17 cannot move one. The .deb's postinst runs it as root; check-deb.sh runs it on the
# unpacked package. It dumps the classes listed in parley-classes.lst (packaging/linux/make-class-list.sh: the JDK's
# and the app's classes loaded until the first window). Any failure only costs speed: without a usable archive the
# app starts as before.
set -eu
app="$(cd "$(dirname "$0")" && pwd)"
archive="$app/parley.jsa"
rm -f "$archive"
# -Xshare:dump makes the JVM write the archive and exit before the app's main class runs (no display needed); the
# launcher's own -XX:SharedArchiveFile names the output.
if ! JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/parley-classes.lst -Xlog:cds=off -Xlog:cds+dynamic=off" \
    "$app/../../bin/parley" >/dev/null 2>&1 || [ ! -s "$archive" ]; then
  rm -f "$archive"
  echo "parley: no class-data archive of the app's classes (it starts a little slower)" >&2
fi
exit 0
