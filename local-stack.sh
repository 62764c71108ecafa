#!/usr/bin/env bash
# Starts the whole system on this machine: embedded PostgreSQL, an in-process Kafka broker, the
# authorization server, the three services and the gateway on http://127.0.0.1:8080. Builds first when the sources
# are newer than the launcher. Options go to the launcher: --demo, --exit-after-demo,
# --kafka-port=N, --gateway-port=N, --auth-port=N, --postgres-port=N, --verbose, --rule-windows. Ctrl-C stops
# everything. LOCAL_STACK_JVM_OPTIONS replaces the JVM options (default -XX:+UseZGC: the broker and
# all services share this one JVM, and G1's young pauses of 70 ms or more stopped every settlement in
# flight; docs/benchmarks.md, "Settlement latency").
set -euo pipefail
cd "$(dirname "$0")"
jar=local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar
if [ ! -f "$jar" ] || [ -n "$(find . -name target -prune -o \( -path '*/src/*' -o -name pom.xml \) -newer "$jar" -print -quit)" ]; then
  echo "Building (once, or after a change)..."
  mvn -B -q -ntp -Dstyle.color=never -DskipTests package -pl local-stack -am
fi
# shellcheck disable=SC2086 # the options are a list of words
exec java ${LOCAL_STACK_JVM_OPTIONS--XX:+UseZGC} -jar "$jar" "$@"
