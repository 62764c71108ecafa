#!/usr/bin/env bash
# The short scenarios on one stack, for CI (local-stack's FaultHarnessIT): 100 poison messages on
# every topic, one kill -9 of the registry during holds and deliveries, the registry's database
# refusing connections for REFUSE_SECONDS (default 20), one kill -9 of the trading service during
# orders (which the idempotency claim lease makes safe to retry: docs/reliability.md, "Found"). Each
# is followed by the checks of FaultDriver check.
source "$(dirname "$0")/lib.sh"
pairs=${PAIRS:-100}
start_stack
seed

log "scenario: poison messages"
driver poison --count=${POISON_COUNT:-100}
driver traffic --pairs=30 --run=ci-poison
driver check --pairs=30 --since-ms=$(now_ms)

log "scenario: kill -9 of the registry"
traffic_in_background --pairs=$pairs --run=ci-kill
await_progress $pairs
kill9 registry
start_registry
since=$(now_ms)
await_traffic
driver check --pairs=$((30 + pairs)) --since-ms=$since

log "scenario: the registry's database refuses connections"
traffic_in_background --pairs=50 --run=ci-refuse
await_progress 20
driver refuse-db --db=registry --seconds=${REFUSE_SECONDS:-20}
since=$(now_ms)
await_traffic
driver check --pairs=$((80 + pairs)) --since-ms=$since

log "scenario: kill -9 of the trading service"
traffic_in_background --pairs=$pairs --run=ci-kill-trading
await_progress $pairs
kill9 trading
start_trading
since=$(now_ms)
await_traffic
driver check --pairs=$((80 + 2 * pairs)) --since-ms=$since
