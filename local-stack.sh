#!/usr/bin/env bash
# Starts the whole system on this machine: embedded PostgreSQL, an in-process Kafka broker, the
# authorization server, the three services and the gateway on http://127.0.0.1:8080. Builds first when the sources
# are newer than the launcher. Options go to the launcher: --demo, --exit-after-demo,
# --kafka-port=N, --gateway-port=N, --auth-port=N, --postgres-port=N, --verbose. Ctrl-C stops
# everything.
set -euo pipefail
cd "$(dirname "$0")"
jar=local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar
if [ ! -f "$jar" ] || [ -n "$(find . -name target -prune -o \( -path '*/src/*' -o -name pom.xml \) -newer "$jar" -print -quit)" ]; then
  echo "Building (once, or after a change)..."
  mvn -B -q -ntp -Dstyle.color=never -DskipTests package -pl local-stack -am
fi
exec java -jar "$jar" "$@"
