#!/usr/bin/env bash
# kill -9 of the trading service KILLS times (default 3), spread over PAIRS (default 1000) sell and
# buy orders of 1 t that cross and settle (PAIRS settlements); started again at once each time.
source "$(dirname "$0")/lib.sh"
kill_scenario trading "${PAIRS:-1000}" "${KILLS:-3}"
