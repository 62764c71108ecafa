#!/usr/bin/env bash
# POISON_COUNT (default 100) poison messages (no type header, a body that is no JSON, an event
# without its id) on every topic; then PAIRS (default 100) orders of each side must still settle.
source "$(dirname "$0")/lib.sh"
pairs=${PAIRS:-100}
start_stack
seed
driver poison --count=${POISON_COUNT:-100}
driver traffic --pairs=$pairs --run=poison
driver check --pairs=$pairs --since-ms=$(now_ms)
