# shellcheck shell=bash
# Shared by the bin/ launchers: find a JDK >= 21, install what is missing, build when jars are missing or stale.

KANADE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KANADE_MIN_JAVA=21

kanade_say() { printf '%s\n' "$*" >&2; }
kanade_die() { printf 'error: %s\n' "$*" >&2; exit "${2:-1}"; }

# java_spec_version JAVA -> prints the major version (e.g. 25) or nothing. Reads the JDK's release file when there
# is one (instant, with shell builtins: this runs on every launch), else asks the JVM (slow: starts a JVM).
java_spec_version() {
  local real home line version=""
  real="$(readlink -f "$1")"
  home="${real%/bin/*}"
  if [ -f "$home/release" ]; then
    while IFS= read -r line; do
      case "$line" in
        JAVA_VERSION=*) version="${line#JAVA_VERSION=\"}"; version="${version%%[!0-9]*}"; break ;;
      esac
    done < "$home/release"
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
    local -a jvms=(/usr/lib/jvm/*)
    [ -e "${jvms[0]}" ] && while IFS= read -r candidate; do candidates+=("$candidate/bin/java"); done \
      < <(printf '%s\n' "${jvms[@]}" | sort -rV)
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
# mode, so escape sequences are stripped from its output. A successful run stamps each module's target/ (the jars
# themselves are left alone: the JVM's AOT caches record their times), so that a module Maven did not need to
# repackage is not taken for stale by the next launch.
run_mvn() {
  ensure_mvn
  local status=0
  (cd "$KANADE_ROOT" && mvn -B -ntp -Dstyle.color=never "$@" 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g') || status=$?
  [ "$status" -eq 0 ] || return "$status"
  local target
  for target in "$KANADE_ROOT"/*/target; do
    [ -d "$target" ] && touch "$target/.kanade-built"
  done
  return 0
}

# jars_stale MODULE: true when the module's jar is missing, or any source or pom in the repo is newer than the last
# successful build (target/.kanade-built, see run_mvn).
jars_stale() {
  local stamp="$KANADE_ROOT/$1/target/.kanade-built"
  [ -f "$KANADE_ROOT/$1/target/kanade-$1.jar" ] || return 0
  [ -f "$stamp" ] || return 0
  [ -d "$KANADE_ROOT/$1/target/lib" ] || return 0
  [ -n "$(find "$KANADE_ROOT" -path "$KANADE_ROOT/.git" -prune -o -path '*/target' -prune -o -path "$KANADE_ROOT/.kanade-dev" -prune -o \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -type f -newer "$stamp" -print -quit 2>/dev/null)" ]
}

# build_all: compile and package every module, tests skipped; then train the CLI's AOT cache.
build_all() {
  find_jdk
  kanade_say "building Kanade (mvn package, tests skipped)..."
  run_mvn -q -DskipTests package >&2 || kanade_die "build failed; run 'bin/kanade-dev build' to see why"
  train_cli_aot
}

# train_cli_aot: on JDK >= 25, writes cli/target/kanade-cli.aot, the AOT cache bin/kanade starts with, from a real
# `kanade run` against a throwaway nats-server and agent (bin/kanade-sim train-cli); without nats-server, or when
# that fails, from a ping to an unreachable broker (a smaller cache, still most of the start-up). Runs after the jars
# are built (the cache records their times). Never fails the build; KANADE_CLI_AOT=0 skips it.
train_cli_aot() {
  [ "${KANADE_CLI_AOT:-1}" = "0" ] && return 0
  [ "$(java_spec_version "$KANADE_JAVA")" -ge 25 ] 2>/dev/null || return 0
  local target="$KANADE_ROOT/cli/target"
  local log="$target/aot-training.log"
  [ -f "$target/kanade-cli.jar" ] || return 0
  if command -v nats-server >/dev/null 2>&1 && [ -f "$KANADE_ROOT/sim/target/kanade-sim.jar" ] \
      && KANADE_NO_BUILD=1 "$KANADE_ROOT/bin/kanade-sim" train-cli >"$log" 2>&1; then
    return 0
  fi
  local tmp="$target/kanade-cli.aot.$$"
  KANADE_NO_BUILD=1 KANADE_CLI_AOT_OUTPUT="$tmp" "$KANADE_ROOT/bin/kanade" --server nats://127.0.0.1:1 \
    ping aot-training --wait 1s >>"$log" 2>&1 || true
  if [ -s "$tmp" ]; then
    mv -f "$tmp" "$target/kanade-cli.aot"
  else
    kanade_say "note: no AOT cache for the kanade CLI (see $log); it starts without one"
  fi
  rm -f "$tmp" "$tmp.config"
}

# ensure_built MODULE: builds when the module's jars are missing or stale (set KANADE_NO_BUILD=1 to skip the check).
ensure_built() {
  if [ "${KANADE_NO_BUILD:-}" = "1" ]; then
    [ -f "$KANADE_ROOT/$1/target/kanade-$1.jar" ] || kanade_die "$1 is not built; run bin/kanade-dev build"
    return 0
  fi
  if jars_stale "$1"; then build_all; fi
}

# jars_newer_than TARGET_DIR FILE: whether a jar the program runs from is newer than FILE (an AOT cache made from
# older jars must not be used: the JVM can start with its archived classes, that is, the old code).
jars_newer_than() {
  local jar
  for jar in "$1"/*.jar "$1"/lib/*.jar; do
    [ "$jar" -nt "$2" ] && return 0
  done
  return 1
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
