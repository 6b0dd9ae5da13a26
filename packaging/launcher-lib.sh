# Shared by ./parley and ./parley-cli (sourced, not run). Expects $root: the repository checkout.
# Nothing here changes the working directory, so relative paths on the command line (--data-dir, --passphrase-file)
# mean what the caller meant.

need_java() {
  command -v java >/dev/null 2>&1 || { echo "parley: Java 17 or newer is needed (apt-get install openjdk-17-jre)" >&2; exit 1; }
}

# Builds module $1 (with what it depends on) when $2 is missing or older than any source or pom it is built from.
build_if_stale() {
  local module="$1" artifact="$root/$2"
  if [ -f "$artifact" ] && [ -z "$(cd "$root" && find pom.xml crypto-core/pom.xml crypto-core/src "$module/pom.xml" "$module/src" \
        relay-server/pom.xml relay-server/src -newer "$artifact" -type f -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || { echo "parley: Maven 3.8+ is needed to build (apt-get install maven)" >&2; exit 1; }
  echo "parley: building $module (first start or sources changed)..." >&2
  (cd "$root" && mvn -B -q -pl "$module" -am package -DskipTests) >&2
}

# JVM options of every launcher: no /tmp/hsperfdata_<user>/<pid> file (it would keep a copy of the command line,
# message text included, after a crash), and the class-data archive $1 when it is there and newer than the jar $2.
jvm_options() {
  local archive="$1" jar="$2"
  printf '%s\n' -XX:-UsePerfData
  if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
    printf '%s\n' "-XX:SharedArchiveFile=$archive" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off
  fi
}

# The desktop app's own JVM options, one per line: packaging/desktop-java-options.args (jpackage's argument-file
# format, the one place they are written). A collector this Java lacks (Oracle's builds have no Shenandoah) is left
# out with a note, so the JVM starts with its default collector instead of refusing to start; so is the file's
# collector when $1 (the user's PARLEY_JAVA_OPTS) selects one itself (two collectors would stop the JVM), and so are
# its heap sizes when $1 sizes the heap (a soft size over the user's maximum would stop it too). A collector left out
# takes its own settings with it (-XX:ShenandoahGCHeuristics=... after -XX:+UseShenandoahGC): a Java without the
# collector does not know them and would refuse to start.
desktop_java_options() {
  local own="${1:-}" line option dropped=""
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      "--java-options "*) option="${line#--java-options }" ;;
      *) continue ;;
    esac
    if [ -n "$dropped" ] && [[ "$option" == "-XX:$dropped"* ]]; then
      continue
    fi
    case "$option" in
      -XX:+Use*GC)
        case " $own " in *" -XX:+Use"*"GC "*) dropped="${option#-XX:+Use}"; dropped="${dropped%GC}"; continue ;; esac
        if ! java_accepts "$option"; then
          echo "parley: this Java has no ${option#-XX:+Use} collector; starting with its default one" >&2
          dropped="${option#-XX:+Use}"; dropped="${dropped%GC}"
          continue
        fi
        ;;
      -Xmx*|-XX:MaxHeapSize=*|-XX:SoftMaxHeapSize=*|-XX:MaxRAMPercentage=*)
        case " $own " in
          *" -Xmx"*|*" -XX:MaxHeapSize="*|*" -XX:MaxRAMPercentage="*|*" -XX:SoftMaxHeapSize="*) continue ;;
        esac
        ;;
    esac
    printf '%s\n' "$option"
  done <"$root/packaging/desktop-java-options.args"
}

# Whether `java` starts with the option $1. Asked once per Java installation (a JVM start, about 50 ms) and
# remembered in client-desktop/target/java-options.cache when that directory exists.
java_accepts() {
  local option="$1" java key cache="$root/client-desktop/target/java-options.cache" answer=""
  java="$(readlink -f "$(command -v java)")"
  key="$java $(stat -c %Y "$java" 2>/dev/null || echo 0) $option"
  [ -f "$cache" ] && answer="$(grep -F -m1 "$key " "$cache" | sed 's/.* //')" || true
  if [ -z "$answer" ]; then
    if java -XX:-UsePerfData "$option" -version >/dev/null 2>&1; then answer=yes; else answer=no; fi
    [ -d "${cache%/*}" ] && echo "$key $answer" >>"$cache" 2>/dev/null || true
  fi
  [ "$answer" = yes ]
}

# Creates the AppCDS archive $1 when it is missing or older than the jar $2, by running the rest of the arguments
# (a java command line without "java": classpath, training main class) once. Written under a temporary name and
# renamed, so launchers starting at the same time never read a half-written archive. A failure only costs speed.
make_cds_archive() {
  local archive="$1" jar="$2"; shift 2
  if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
    return 0
  fi
  local tmp="$archive.$$.tmp"
  echo "parley: preparing a class-data archive for faster starts (once per build)..." >&2
  if java -XX:-UsePerfData "-XX:ArchiveClassesAtExit=$tmp" -Xlog:cds=off -Xlog:cds+dynamic=off "$@" >/dev/null 2>&1 \
      && [ -s "$tmp" ]; then
    mv -f "$tmp" "$archive"
  else
    rm -f "$tmp"
  fi
}
