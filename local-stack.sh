#!/usr/bin/env bash
# Starts the whole system on this machine: embedded PostgreSQL, an in-process Kafka broker, the
# authorization server, the three services and the gateway on http://127.0.0.1:8080. Builds first when the sources
# are newer than the launcher. Options go to the launcher: --demo, --exit-after-demo,
# --kafka-port=N, --gateway-port=N, --auth-port=N, --postgres-port=N, --verbose. Ctrl-C stops
# everything. LOCAL_STACK_JVM_OPTIONS replaces the JVM options. The defaults:
#   -XX:+UseZGC: the broker and all services share this one JVM, and G1's young pauses of 70 ms or more
#     stopped every settlement in flight (docs/benchmarks.md, "Settlement latency");
#   -XX:TieredStopAtLevel=1: C1 only. Five applications and a broker are more hot code than one C2
#     compiler thread gets through on a small machine: under load it still took 20 to 27% of the JVM's
#     CPU after six minutes, while the methods waiting for it ran C1's slower profiling tier. C1 alone
#     gave the gateway and the services as much per CPU second or more (docs/benchmarks.md, "Load through
#     the gateway", session 7);
#   -XX:ReservedCodeCacheSize=128m: without tiers the JVM reserves 48 MB of code cache, and this JVM's
#     C1 code fills 44 MB of it; a full cache would stop compiling.
set -euo pipefail
cd "$(dirname "$0")"
jar=local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar
if [ ! -f "$jar" ] || [ -n "$(find . -name target -prune -o \( -path '*/src/*' -o -name pom.xml \) -newer "$jar" -print -quit)" ]; then
  echo "Building (once, or after a change)..."
  mvn -B -q -ntp -Dstyle.color=never -DskipTests package -pl local-stack -am
fi
# shellcheck disable=SC2086 # the options are a list of words
exec java ${LOCAL_STACK_JVM_OPTIONS--XX:+UseZGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=128m} -jar "$jar" "$@"
