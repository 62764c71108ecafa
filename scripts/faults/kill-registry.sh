#!/usr/bin/env bash
# kill -9 of the registry KILLS times (default 2) while it holds credits for sell orders and delivers
# them for trades (PAIRS of each, default 500); started again at once each time.
source "$(dirname "$0")/lib.sh"
kill_scenario registry "${PAIRS:-500}" "${KILLS:-2}"
