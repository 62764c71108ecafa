#!/usr/bin/env bash
# The fault harness's shared part: starts the system as separate processes on 127.0.0.1 (FaultNode:
# "kafka", "infra" = embedded PostgreSQL + auth server + verification + gateway, "registry",
# "trading"), runs the driver (FaultDriver), and stops everything it started when the scenario ends,
# however it ends. Sourced by the scenario scripts; docs/reliability.md describes them.
#
# Environment: FAULTS_PORT_BASE (default 27000; ports base+80..base+932), FAULTS_WORK (a directory for
# logs and state; default a fresh one under /tmp), FAULTS_LIMIT (seconds before the whole scenario is
# stopped; default 900), JAVA_OPTS_NODE (options of each JVM; by default a 512 MB heap, the quick
# compiler only and the serial collector: these processes start far more than they run).
set -euo pipefail

if [ -z "${FAULTS_UNDER_LIMIT:-}" ]; then
  export FAULTS_UNDER_LIMIT=1
  exec timeout -k 15 "${FAULTS_LIMIT:-900}" "$0" "$@"
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=${FAULTS_JAR:-$ROOT/local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar}
BASE=${FAULTS_PORT_BASE:-27000}
PG_PORT=$((BASE + 432))
KAFKA_PORT=$((BASE + 92))
CONTROLLER_PORT=$((BASE + 93))
GATEWAY_PORT=$((BASE + 80))
REGISTRY_PORT=$((BASE + 81))
VERIFICATION_PORT=$((BASE + 82))
TRADING_PORT=$((BASE + 83))
AUTH_PORT=$((BASE + 900))
WORK=${FAULTS_WORK:-$(mktemp -d /tmp/carbonsink-faults.XXXXXX)}
mkdir -p "$WORK"
STATE=$WORK/state.properties
declare -A PIDS=()
declare -A STARTS=()
declare -A BEGINS=()

if [ ! -f "$JAR" ]; then
  echo "Building the local-stack jar (once)..."
  (cd "$ROOT" && mvn -B -q -ntp -Dstyle.color=never -DskipTests package -pl local-stack -am)
fi

log() { echo "[$(date -u +%H:%M:%S)] $*"; }
now_ms() { date +%s%3N; }

java_main() {
  local main=$1; shift
  java ${JAVA_OPTS_NODE:--Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -cp "$JAR" -Dloader.main="$main" \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

# the background process is java itself (exec), so that its pid is the one kill -9 hits
node_process() {
  exec java ${JAVA_OPTS_NODE:--Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -cp "$JAR" -Dloader.main=org.carbonsink.localstack.faults.FaultNode \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

# launch_node NAME ARGS...: starts FaultNode NAME as its own process; await_node NAME waits for its READY
launch_node() {
  local name=$1; shift
  local n=$(( ${STARTS[$name]:-0} + 1 ))
  STARTS[$name]=$n
  BEGINS[$name]=$(now_ms)
  node_process "$name" "$@" >"$WORK/$name.$n.log" 2>&1 &
  PIDS[$name]=$!
}

await_node() {
  local name=$1
  local out=$WORK/$name.${STARTS[$name]}.log
  for _ in $(seq 1 3000); do
    if grep -q "^READY $name" "$out"; then
      log "$name started (pid ${PIDS[$name]}) in $(( ($(now_ms) - ${BEGINS[$name]}) / 1000 )) s"
      return 0
    fi
    if ! kill -0 "${PIDS[$name]}" 2>/dev/null; then
      echo "$name exited while starting; its log ($out):"; tail -40 "$out"; return 1
    fi
    sleep 0.2
  done
  echo "$name did not start within 600 s; its log ($out):"; tail -40 "$out"; return 1
}

start_node() {
  launch_node "$@"
  await_node "$1"
}

common_ports() {
  echo --postgres-port=$PG_PORT --kafka-port=$KAFKA_PORT --auth-port=$AUTH_PORT
}

start_kafka() {
  start_node kafka --kafka-port=$KAFKA_PORT --controller-port=$CONTROLLER_PORT --log-dir="$WORK/kafka-log"
}
start_infra() {
  start_node infra $(common_ports) --gateway-port=$GATEWAY_PORT --verification-port=$VERIFICATION_PORT \
    --registry-port=$REGISTRY_PORT --trading-port=$TRADING_PORT
}
launch_registry() { launch_node registry $(common_ports) --port=$REGISTRY_PORT; }
launch_trading() {
  # the harness's traffic keeps far more than the default 1,000 orders open per participant and instrument
  launch_node trading $(common_ports) --port=$TRADING_PORT --carbonsink.trading.max-open-orders-per-instrument=1000000
}
start_registry() { launch_registry; await_node registry; }
start_trading() { launch_trading; await_node trading; }

start_stack() {
  log "work directory $WORK; ports $BASE+80..$BASE+932"
  start_kafka
  start_infra
  launch_registry
  launch_trading
  await_node registry
  await_node trading
}

# kill9 NAME: kill -9, as a crash would
kill9() {
  local name=$1
  kill -9 "${PIDS[$name]}" 2>/dev/null || true
  wait "${PIDS[$name]}" 2>/dev/null || true
  log "$name killed with -9"
}

# stop NAME: a clean stop (SIGTERM), waited for
stop() {
  local name=$1 pid=${PIDS[$1]}
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  log "$name stopped"
}

driver_arguments() {
  echo --gateway=http://127.0.0.1:$GATEWAY_PORT --auth=http://127.0.0.1:$AUTH_PORT \
    --registry=http://127.0.0.1:$REGISTRY_PORT --trading=http://127.0.0.1:$TRADING_PORT \
    --postgres-port=$PG_PORT --kafka-port=$KAFKA_PORT --state="$STATE"
}

# driver COMMAND OPTIONS...: runs FaultDriver in the foreground
driver() {
  local command=$1; shift
  java_main org.carbonsink.localstack.faults.FaultDriver "$command" $(driver_arguments) "$@"
}

# driver_in_background COMMAND OPTIONS... &: the same, as a process of its own (its pid is java's)
driver_in_background() {
  local command=$1; shift
  exec java ${JAVA_OPTS_NODE:--Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -cp "$JAR" -Dloader.main=org.carbonsink.localstack.faults.FaultDriver \
    org.springframework.boot.loader.launch.PropertiesLauncher "$command" $(driver_arguments) "$@"
}

# seed: a project issued and listed, cash for the buyer; tried again when a step times out on a busy machine
seed() {
  for attempt in 1 2 3; do
    if driver seed >"$WORK/seed.$attempt.log" 2>&1; then
      log "seeded: $(grep '^seeded' "$WORK/seed.$attempt.log")"
      return 0
    fi
    log "seed attempt $attempt failed: $(grep -m1 -E 'Error|Exception' "$WORK/seed.$attempt.log")"
  done
  return 1
}

# traffic_in_background OPTIONS...: starts the traffic; TRAFFIC is its pid
traffic_in_background() {
  rm -f "$STATE.progress"
  driver_in_background traffic "$@" &
  TRAFFIC=$!
}

# await_progress N: waits until the traffic has N orders (and transfers) accepted, or has ended
await_progress() {
  local wanted=$1
  local done
  while kill -0 "$TRAFFIC" 2>/dev/null; do
    done=$(cat "$STATE.progress" 2>/dev/null || true)
    [[ $done =~ ^[0-9]+$ ]] && [ "$done" -ge "$wanted" ] && break
    sleep 0.5
  done
  log "traffic at $(cat "$STATE.progress" 2>/dev/null || echo 0) accepted"
}

# await_traffic: waits for the traffic to end; a failure of it is reported and left to the check
await_traffic() {
  wait "$TRAFFIC" || log "the traffic reported commands it could not place (exit $?)"
}

# kill_scenario SERVICE PAIRS KILLS: kill -9 of SERVICE at KILLS points spread over PAIRS settlements,
# started again at once each time
kill_scenario() {
  local service=$1 pairs=$2 kills=$3
  start_stack
  seed
  traffic_in_background --pairs=$pairs --run=kill-$service
  for k in $(seq 1 "$kills"); do
    await_progress $(( 2 * pairs * k / (kills + 1) ))
    kill9 "$service"
    "start_$service"
  done
  local since; since=$(now_ms)
  await_traffic
  driver check --pairs=$pairs --since-ms=$since
}

cleanup() {
  local status=$?
  local running=()
  for name in trading registry infra kafka; do
    if [ -n "${PIDS[$name]:-}" ] && kill -0 "${PIDS[$name]}" 2>/dev/null; then
      running+=("${PIDS[$name]}")
    fi
  done
  running+=($(jobs -p))
  # all at once, so that the whole stop fits in the 15 s timeout gives after its TERM
  if [ ${#running[@]} -gt 0 ]; then
    kill -TERM "${running[@]}" 2>/dev/null || true
    for _ in $(seq 1 50); do
      local alive=0
      for pid in "${running[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
      [ $alive -eq 0 ] && break
      sleep 0.2
    done
    kill -9 "${running[@]}" 2>/dev/null || true
    log "stopped what this scenario started"
  fi
  if [ $status -eq 0 ] && [ -z "${FAULTS_KEEP:-}" ] && [ -z "${FAULTS_WORK:-}" ]; then
    rm -rf "$WORK"
  else
    log "logs kept in $WORK"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 143' TERM INT
