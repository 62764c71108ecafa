#!/usr/bin/env bash
# The broker stopped for STOP_SECONDS (default 30) while PAIRS (default 1000) orders of each side
# are placed and TRANSFERS (default 1000) registry transfers made, then started again on the same
# log directory.
source "$(dirname "$0")/lib.sh"
pairs=${PAIRS:-1000}
transfers=${TRANSFERS:-1000}
start_stack
seed
traffic_in_background --pairs=$pairs --transfers=$transfers --run=broker-stop
await_progress $(( (2 * pairs + transfers) / 4 ))
stop kafka
sleep "${STOP_SECONDS:-30}"
start_kafka
since=$(now_ms)
await_traffic
driver check --pairs=$pairs --transfers=$transfers --since-ms=$since
