#!/usr/bin/env bash
# Each service's database refuses connections for REFUSE_SECONDS (default 120) while PAIRS (default
# 200) orders of each side are placed: first the registry's (DATABASES), then the trading service's.
source "$(dirname "$0")/lib.sh"
pairs=${PAIRS:-200}
start_stack
seed
total=0
for db in ${DATABASES:-registry trading}; do
  traffic_in_background --pairs=$pairs --run=refuse-$db
  await_progress $(( pairs / 2 ))
  driver refuse-db --db=$db --seconds=${REFUSE_SECONDS:-120}
  since=$(now_ms)
  await_traffic
  total=$((total + pairs))
  driver check --pairs=$total --since-ms=$since
done
