#!/usr/bin/env bash
# Builds the self-contained distribution (docs/packaging.md): a jlinked Java runtime, the release
# jar and a launcher, as target/<name>-<os>-<arch>.tar.gz. Run by `mvn package` (profile dist).
# Usage: build-dist.sh JDK_HOME RELEASE_JAR TARGET_DIR NAME
set -euo pipefail
jdk=$1 jar=$2 target=$3 name=$4
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The runtime's modules (docs/packaging.md#modules). jdeps over the release jar names the first
# five (and java.desktop and java.compiler, left out: only unused optional code needs them);
# jdk.crypto.ec is a JCA provider the JDK loads by name, which jdeps cannot see.
modules=(
  java.base        # the core
  java.sql         # JDBC: SQLite, Flyway, HikariCP (brings java.logging, java.xml)
  java.naming      # HikariConfig links javax.naming (no start without it); Vert.x TLS certificate names
  java.management  # HikariCP's pool links JMX (MBeans are off, but any Hikari path must link)
  jdk.management   # com.sun.management: the process CPU meters of GET /metrics (docs/metrics.md)
  jdk.unsupported  # sun.misc.Unsafe: Netty's fast buffers and queues (slower fallbacks without it)
  jdk.crypto.ec    # SunEC: EC_P256/P384 keys, ECDHE and EC certificates in TLS
)

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-aarch64 ;;
  *) platform=$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m) ;;
esac

stage="$target/dist/$name"
rm -rf "$target/dist"
mkdir -p "$stage/bin" "$stage/lib"
echo "[dist] jlink ${modules[*]}"
# --generate-cds-archive: the class-data sharing archive a full JDK ships, for a quick start.
"$jdk/bin/jlink" --add-modules "$(IFS=,; echo "${modules[*]}")" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$stage/runtime"
cp "$jar" "$stage/lib/keyloom.jar"
install -m 0755 "$here/keyloom" "$stage/bin/keyloom"
tarball="$target/$name-$platform.tar.gz"
tar -C "$target/dist" -czf "$tarball" "$name"
echo "[dist] $tarball ($(du -h "$tarball" | cut -f1))"
