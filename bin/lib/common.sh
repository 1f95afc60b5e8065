# shellcheck shell=bash
# Shared by the bin/ launchers: find a JDK >= 21, install what is missing, build when jars are missing or stale.

KANADE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KANADE_MIN_JAVA=21

kanade_say() { printf '%s\n' "$*" >&2; }
kanade_die() { printf 'error: %s\n' "$*" >&2; exit "${2:-1}"; }

# java_spec_version JAVA -> prints the major version (e.g. 25) or nothing. Reads the JDK's release file when there
# is one (instant), else asks the JVM (slow: starts a JVM).
java_spec_version() {
  local home release version
  home="$(dirname "$(dirname "$(readlink -f "$1")")")"
  release="$home/release"
  if [ -f "$release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n 1)"
    [ -n "$version" ] && { printf '%s\n' "$version"; return 0; }
  fi
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | tr -d ' \r'
}

# find_jdk: sets KANADE_JAVA to a java >= 21: $KANADE_JAVA, $JAVA_HOME, java on PATH, newest under /usr/lib/jvm.
find_jdk() {
  local candidate version
  local -a candidates=()
  [ -n "${KANADE_JAVA:-}" ] && candidates+=("$KANADE_JAVA")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  if [ -d /usr/lib/jvm ]; then
    while IFS= read -r candidate; do candidates+=("$candidate/bin/java"); done \
      < <(find /usr/lib/jvm -mindepth 1 -maxdepth 1 \( -type d -o -type l \) | sort -rV)
  fi
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate" ] || continue
    version="$(java_spec_version "$candidate")"
    version="${version%%.*}"
    if [ -n "$version" ] && [ "$version" -ge "$KANADE_MIN_JAVA" ] 2>/dev/null; then
      KANADE_JAVA="$candidate"
      export KANADE_JAVA
      return 0
    fi
  done
  kanade_die "no JDK >= $KANADE_MIN_JAVA found (tried \$JAVA_HOME, java on PATH, /usr/lib/jvm/*). Install one and set JAVA_HOME."
}

# ensure_packages PKG...: installs missing Debian packages (apt-get update first), as root or via sudo.
ensure_packages() {
  local -a missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  kanade_say "installing missing packages: ${missing[*]}"
  $sudo apt-get update -qq >&2 || kanade_die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2 \
    || kanade_die "apt-get install ${missing[*]} failed"
}

# ensure_mvn: Debian's maven when mvn is absent.
ensure_mvn() {
  command -v mvn >/dev/null 2>&1 || ensure_packages maven
}

# run_mvn ARGS...: Maven in the repo root, quiet about downloads; Maven 3.8 prints colour resets even in batch
# mode, so escape sequences are stripped from its output. Jars are stamped afterwards, so that a module Maven did not
# need to repackage is not taken for stale by the next launch.
run_mvn() {
  ensure_mvn
  (cd "$KANADE_ROOT" && mvn -B -ntp -Dstyle.color=never "$@" 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g')
  touch "$KANADE_ROOT"/*/target/kanade-*.jar 2>/dev/null || true
}

# jars_stale MODULE: true when the module's jar is missing or older than any source or pom in the repo.
jars_stale() {
  local jar="$KANADE_ROOT/$1/target/kanade-$1.jar"
  [ -f "$jar" ] || return 0
  [ -d "$KANADE_ROOT/$1/target/lib" ] || return 0
  [ -n "$(find "$KANADE_ROOT" -path "$KANADE_ROOT/.git" -prune -o -path '*/target' -prune -o -path "$KANADE_ROOT/.kanade-dev" -prune -o \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -type f -newer "$jar" -print -quit 2>/dev/null)" ]
}

# build_all: compile and package every module, tests skipped.
build_all() {
  find_jdk
  kanade_say "building Kanade (mvn package, tests skipped)..."
  run_mvn -q -DskipTests package >&2 || kanade_die "build failed; run 'bin/kanade-dev build' to see why"
}

# ensure_built MODULE: builds when the module's jars are missing or stale (set KANADE_NO_BUILD=1 to skip the check).
ensure_built() {
  if [ "${KANADE_NO_BUILD:-}" = "1" ]; then
    [ -f "$KANADE_ROOT/$1/target/kanade-$1.jar" ] || kanade_die "$1 is not built; run bin/kanade-dev build"
    return 0
  fi
  if jars_stale "$1"; then build_all; fi
}

# exec_java MODULE MAINCLASS ARGS...: runs a built program with the flags the stack needs.
exec_java() {
  local module="$1" main="$2"
  shift 2
  find_jdk
  ensure_built "$module"
  local dir="$KANADE_ROOT/$module/target"
  # shellcheck disable=SC2086
  exec "$KANADE_JAVA" --enable-native-access=ALL-UNNAMED -Dkanade.home="$KANADE_ROOT" ${KANADE_JAVA_OPTS:-} \
    -cp "$dir/kanade-$module.jar:$dir/lib/*" "$main" "$@"
}
