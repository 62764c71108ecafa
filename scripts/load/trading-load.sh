#!/usr/bin/env bash
# Load through the gateway (docs/benchmarks.md, "Load through the gateway"): single orders, orders in
# batches of 100, a public GET and PostgreSQL single-row inserts, each figure beside its floor measured
# in the same run. Everything targets 127.0.0.1 and every phase stops after DURATION.
#
#   scripts/load/trading-load.sh            starts ./local-stack.sh --demo (unless a stack answers on
#                                           :8080), measures, stops the stack it started
#
# Environment: DURATION (15s per phase), ROUNDS (3: each pair of figures alternates), WARMUP (30s),
# CONNECTIONS (16),
# THREADS (1: leaves a core to the system), RESTING (100000), OUT (target/load/<time>),
# PHASES (abc: which figures to measure; b fills a second listed instrument to RESTING orders and measures its
# single orders in the same rounds as the first's; PHASES=a runs only the single orders and the public GET, PHASES=c
# only the batches and pgbench, with its warm-up in batches of 100 and no large book; with a or b too, the batch
# rounds follow a warm-up of their own), WARMUP_TIF (IOC: the warm-up's batches rest nothing), JFR (1: a flight
# recording of the stack's JVM per measured phase, $OUT/<phase>.jfr, for a stack started here; the
# recording costs both phases of a pair alike, but its figures are not the ones to report; JFR_SETTINGS
# names the .jfc, profile). Needs wrk, pgbench, psql, curl, openssl.
# For a stack started here each phase also reports the JVM's CPU by thread group (gateway event loops, each
# service's Tomcat threads, the book writer, Kafka, the ZGC workers, the JIT compilers), from /proc.
# The stack it starts raises the gateway's per-caller rate limit and the open-order cap, which would
# otherwise measure themselves (20 requests/s, 1,000 orders); both are printed in the output.
set -euo pipefail
cd "$(dirname "$0")/../.."

# every tool first: a missing one (wrk is not installed on a fresh machine: apt-get install wrk) would otherwise
# be found only after the stack has started
for tool in wrk pgbench psql curl openssl; do
  command -v "$tool" > /dev/null || { echo "$0 needs $tool (Debian: apt-get install wrk postgresql-client curl openssl)" >&2; exit 2; }
done

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
RESTING=${RESTING:-100000}
ROUNDS=${ROUNDS:-3}
PHASES=${PHASES:-abc}
[[ $PHASES =~ ^[abc]+$ ]] || { echo "PHASES holds the letters a, b and c, not $PHASES"; exit 1; }
JFR=${JFR:-0}
JFR_SETTINGS=${JFR_SETTINGS:-profile}
WARMUP=${WARMUP:-30s}
# the time in force of the warm-up's batches (PHASES with c); IOC leaves the book as it was, so a long warm-up
# (the JIT compilers need minutes for the batch path, docs/benchmarks.md) does not rest millions of orders
WARMUP_TIF=${WARMUP_TIF:-}
# the embedded PostgreSQL of the local stack names the trading database "trading"
TRADING_DB=${TRADING_DB:-trading}
OUT=${OUT:-target/load/$(date -u +%Y%m%dT%H%M%SZ)}
GATEWAY=http://127.0.0.1:8080
PSQL=(psql -h 127.0.0.1 -p 15432 -U postgres -X -q -t -A)
TRADER=10000000-0000-0000-0000-000000000004
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
exec > >(tee "$OUT/summary.txt") 2>&1

say() { printf '\n== %s\n' "$*"; }
# orders and deposits cannot be undone: each carries a fresh Idempotency-Key (428 without one)
key() { cat /proc/sys/kernel/random/uuid; }

stack=
stop_stack() {
  if [[ -n $stack ]]; then
    kill "$stack" 2>/dev/null || true
    wait "$stack" 2>/dev/null || true
    echo "stack stopped"
  fi
}
trap stop_stack EXIT

if curl -sf -o /dev/null "$GATEWAY/readyz"; then
  echo "using the stack already answering on $GATEWAY"
else
  say "starting ./local-stack.sh --demo (log: $OUT/stack.log)"
  export TRADING_MAX_OPEN_ORDERS=100000000
  export CARBONSINK_RATELIMIT_REPLENISHRATE=1000000 CARBONSINK_RATELIMIT_BURSTCAPACITY=1000000
  ./local-stack.sh --demo > "$OUT/stack.log" 2>&1 &
  stack=$!
  for _ in $(seq 1 600); do
    grep -q "Demo complete" "$OUT/stack.log" && break
    kill -0 "$stack" 2>/dev/null || { echo "the stack exited; see $OUT/stack.log"; exit 1; }
    sleep 1
  done
  grep -q "Demo complete" "$OUT/stack.log" || { echo "the demo did not complete in 600 s"; exit 1; }
  # The JVM's first flight recording retransforms the JDK classes that JFR's I/O events instrument, and the
  # first retransformation in a JVM (HotSpot 17 has recorded no class dependencies before it) makes every
  # compiled method not entrant: 22,000 methods back to the interpreter and a recompilation storm. Started at
  # the first measured phase, that measured the interpreter (docs/benchmarks.md, session 7); a throwaway
  # recording here takes it before the warm-up, and the later recordings retransform nothing new.
  if [[ $JFR == 1 ]]; then
    jcmd "$stack" JFR.start name=instrument settings="$JFR_SETTINGS" > /dev/null
    jcmd "$stack" JFR.stop name=instrument > /dev/null
  fi
fi

say "machine"
uname -srm
nproc
grep -m1 "model name" /proc/cpuinfo || true
free -g | head -2
wrk --version 2>&1 | head -1 || true
pgbench --version
echo "rate limit per caller: ${CARBONSINK_RATELIMIT_REPLENISHRATE:-as configured}/s; open-order cap: ${TRADING_MAX_OPEN_ORDERS:-as configured}"

TOKEN=$(scripts/token.sh trader trader-password)
# the demo lists one instrument per vintage: the first is the one traded (GETs, single orders with the small
# book, batches); with b, a second one holds the large book, so that both books are measured in the same rounds
LISTED=$(curl -sf "$GATEWAY/api/trading/instruments" | grep -o '"id":"[^"]*"' | cut -d'"' -f4)
INSTRUMENT=$(sed -n 1p <<< "$LISTED")
[[ -n $INSTRUMENT ]] || { echo "no instrument listed"; exit 1; }
LARGE=
if [[ $PHASES == *b* ]]; then
  LARGE=$(sed -n 2p <<< "$LISTED")
  [[ -n $LARGE ]] || { echo "b needs a second listed instrument for the large book; one is listed"; exit 1; }
fi
BATCH=100
export TOKEN INSTRUMENT BATCH
echo "instrument $INSTRUMENT${LARGE:+, large book in $LARGE}, buyer $TRADER (the demo's trader)"
# cash for the buyer: a self-serve deposit where the stack allows one, else booked by the exchange operator
deposit() {
  curl -sf -o /dev/null -X POST "$GATEWAY/api/trading/cash-accounts/$TRADER/deposits" \
    -H "Authorization: Bearer $1" -H "Idempotency-Key: $(key)" -H 'Content-Type: application/json' \
    -d '{"amount": 100000000000.00}'
}
deposit "$TOKEN" || deposit "$(scripts/token.sh operator operator-password)" \
  || { echo "no deposit accepted"; exit 1; }

resting() {
  "${PSQL[@]}" -d "$TRADING_DB" -c \
    "select count(*) from exchange_order where instrument_id = '$INSTRUMENT' and status = 'OPEN'"
}
orders() {
  "${PSQL[@]}" -d "$TRADING_DB" -c "select count(*) from exchange_order where instrument_id = '$INSTRUMENT'"
}
# transactions the trading database has committed (each autocommitted statement is one): what an order
# costs the database, which the machine's other load does not change
commits() {
  "${PSQL[@]}" -d "$TRADING_DB" -c "select xact_commit from pg_stat_database where datname = current_database()"
}

# rests orders through the batch endpoint until the book holds $1 orders
fill_to() {
  local target=$1 have
  have=$(resting)
  while (( have < target )); do
    local n=$(( target - have > 1000 ? 1000 : target - have ))
    local pids=()
    for _ in 1 2 3 4; do
      local body
      body=$(INSTRUMENT=$INSTRUMENT N=$n awk 'BEGIN { srand(); n = ENVIRON["N"]; printf "{\"orders\":[";
        for (i = 0; i < n; i++) printf "%s{\"instrumentId\":\"%s\",\"side\":\"BUY\",\"quantity\":1,\"limitPrice\":%d.%02d}",
          (i ? "," : ""), ENVIRON["INSTRUMENT"], 10 + int(rand() * 70), int(rand() * 100); printf "]}" }')
      curl -sf -o /dev/null -X POST "$GATEWAY/api/trading/orders/batch" -H "Authorization: Bearer $TOKEN" \
        -H "Idempotency-Key: $(key)" -H 'Content-Type: application/json' --data-binary "$body" &
      pids+=($!)
      (( have + n * ${#pids[@]} >= target )) && break
    done
    wait "${pids[@]}"
    local before=$have
    have=$(resting)
    (( have > before )) || { echo "the batches rested nothing; stopping"; exit 1; }
  done
  echo "resting orders: $have"
}

# CPU time the stack's JVM (gateway, services, broker) has used, in ms; empty for a stack not started here.
# On a shared machine throughput follows what the other processes leave; the CPU each request costs does not.
TICK_MS=$(( 1000 / $(getconf CLK_TCK) ))
jvm_cpu_ms() {
  [[ -n $stack && -r /proc/$stack/stat ]] || return 0
  awk -v t="$TICK_MS" '{ sub(/^.*\) /, ""); print ($12 + $13) * t }' "/proc/$stack/stat"
}

# CPU time the PostgreSQL server on :15432 has used, in ms: its postmaster (with the backends that have
# exited, which it waited for) and every live process under it. The JVM is half of what an order costs
# the machine; the database is the other half, and all of what a pgbench insert costs.
postmaster=$(ss -Hltnp 'sport = :15432' 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
pg_cpu_ms() {
  [[ -n $postmaster && -r /proc/$postmaster/stat ]] || return 0
  # a backend may exit between ps and cat (the script's own psql calls): its time is then in the
  # postmaster's cutime/cstime, or lost (a few ms); it must not stop the script
  { cat "/proc/$postmaster/stat"
    for pid in $(ps -o pid= --ppid "$postmaster" || true); do cat "/proc/$pid/stat" 2>/dev/null || true; done
  } | awk -v t="$TICK_MS" '{ sub(/^.*\) /, ""); s += $12 + $13 } NR == 1 { s += $14 + $15 } END { print s * t }'
}

# CPU ticks of each live thread of the stack's JVM, one "tid name ticks" line each (names as the kernel
# keeps them: 15 characters)
jvm_threads() {
  [[ -n $stack && -d /proc/$stack/task ]] || return 0
  cat /proc/"$stack"/task/*/stat 2>/dev/null | awk '{ o = index($0, "("); c = length($0) - index(reverse($0), ")") + 1
    name = substr($0, o + 1, c - o - 1); gsub(/ /, "_", name); split(substr($0, c + 2), f, " ")
    print $1, name, f[12] + f[13] }
    function reverse(s,  r, i) { r = ""; for (i = length(s); i > 0; i--) r = r substr(s, i, 1); return r }'
}
# The JVM's CPU of a phase by thread group (a name without its number), in ms, largest first: which of the
# gateway, the services, the book writer, Kafka, the garbage collector and the JIT the CPU went to
jvm_threads_report() {
  [[ -n $1 ]] || return 0
  awk -v t="$TICK_MS" -v total="$2" 'NR == FNR { before[$1] = $3; next }
    { d = $3 - before[$1]; name = $2; sub(/[-#_]?[0-9]+$/, "", name); g[name] += d * t; s += d * t }
    END { for (n in g) if (g[n] > 0) printf "%8d  %s\n", g[n], n
          printf "%8d  (threads that ended during the phase)\n", total - s }' "$1" - <<< "$(jvm_threads)" \
    | sort -k1,1nr | awk 'NR <= 30'
}

# JFR=1: a recording of the stack's JVM over one measured phase (started before wrk, dumped after it)
jfr_start() {
  [[ $JFR == 1 && -n $stack && $1 != warmup-* ]] || return 0
  jcmd "$stack" JFR.start name="$1" settings="$JFR_SETTINGS" > /dev/null
}
jfr_stop() {
  [[ $JFR == 1 && -n $stack && $1 != warmup-* ]] || return 0
  jcmd "$stack" JFR.stop name="$1" filename="$OUT/$1.jfr" > /dev/null
}

# runs wrk; prints its output and leaves requests/s in $rate, the JVM's CPU ms in $cpu_ms and
# PostgreSQL's in $pg_ms
run_wrk() {
  local name=$1; shift
  local cpu_before pg_before
  jfr_start "$name"
  cpu_before=$(jvm_cpu_ms)
  pg_before=$(pg_cpu_ms)
  local threads_before=
  [[ -n $cpu_before ]] && { threads_before="$OUT/$name.threads-before"; jvm_threads > "$threads_before"; }
  KEY_PREFIX="$name-$(key)" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" > "$OUT/$name.txt" 2>&1
  cpu_ms=$(( $(jvm_cpu_ms || echo 0) - ${cpu_before:-0} ))
  pg_ms=$(( $(pg_cpu_ms || echo 0) - ${pg_before:-0} ))
  jfr_stop "$name"
  [[ -n $cpu_before ]] && echo "JVM CPU during the phase: $cpu_ms ms" >> "$OUT/$name.txt"
  [[ -n $pg_before ]] && echo "PostgreSQL CPU during the phase: $pg_ms ms" >> "$OUT/$name.txt"
  [[ -n $threads_before ]] && { echo "JVM CPU by thread group (ms):"; jvm_threads_report "$threads_before" "$cpu_ms"; } >> "$OUT/$name.txt"
  cat "$OUT/$name.txt"
  rate=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$OUT/$name.txt")
}

# places orders with wrk, counting the orders the database holds before and after
measure_orders() {
  local name=$1; shift
  local before after seconds commits_before
  before=$(orders)
  commits_before=$(commits)
  seconds=${DURATION%s}
  say "$name: resting before $(resting)"
  run_wrk "$name" "$@"
  after=$(orders)
  # the statistics reach pg_stat_database within half a second
  sleep 1
  commits_per_order=$(awk -v c="$(( $(commits) - commits_before ))" -v n="$(( after - before ))" \
    'BEGIN { if (n > 0) printf "%.2f", c / n }')
  orders_per_second=$(awk -v a="$after" -v b="$before" -v s="$seconds" 'BEGIN { printf "%.1f", (a - b) / s }')
  echo "orders written: $(( after - before )) in $seconds s = $orders_per_second orders/s; resting after $(resting)"
  orders_per_cpu_second=$(awk -v n="$(( after - before ))" -v c="$cpu_ms" 'BEGIN { if (c > 0) printf "%.1f", n * 1000 / c }')
  [[ -n $orders_per_cpu_second ]] && echo "orders per JVM CPU second: $orders_per_cpu_second"
  orders_per_pg_second=$(awk -v n="$(( after - before ))" -v c="$pg_ms" 'BEGIN { if (c > 0) printf "%.1f", n * 1000 / c }')
  [[ -n $orders_per_pg_second ]] && echo "orders per PostgreSQL CPU second: $orders_per_pg_second"
  echo "trading database commits per order: $commits_per_order"
  return 0
}

warm_batches() {
  say "warm-up (not measured): $WARMUP of batches of 100, time in force ${WARMUP_TIF:-GTC}"
  TIF=$WARMUP_TIF DURATION=$WARMUP run_wrk warmup-batches -s scripts/load/batch.lua "$GATEWAY/api/trading/orders/batch" > /dev/null
}
if [[ $PHASES == *[ab]* ]]; then
  say "warm-up (not measured): $WARMUP of IOC orders, which leave the book as it was, and $WARMUP of GETs"
  TIF=IOC DURATION=$WARMUP run_wrk warmup-orders -s scripts/load/order.lua "$GATEWAY/api/trading/orders" > /dev/null
  DURATION=$WARMUP run_wrk warmup-get "$GATEWAY/api/trading/instruments/$INSTRUMENT" > /dev/null
else
  warm_batches
fi

say "filling the book to 100 resting orders"
fill_to 100
if [[ $PHASES == *b* ]]; then
  say "filling the book of $LARGE to $RESTING resting orders"
  INSTRUMENT=$LARGE fill_to "$RESTING"
fi

# The machine may be shared and its speed drifts over minutes (docs/benchmarks.md, session 11): the phases
# of a round alternate with the floor's, and every other round runs them in the opposite order (GET, small
# book, large book; then large book, small book, GET), so that a drift costs each figure alike. The load
# average is printed before each phase.
mean() { awk '$1 != "" { s += $1; n++ } END { printf "%.1f", n ? s / n : 0 }'; }
get_rates=() small_rates=() large_rates=() batch_rates=() insert_rates=()
get_cpu_rates=() small_cpu_rates=() large_cpu_rates=() batch_cpu_rates=() small_commits=() large_commits=()
batch_commits=() batch_pg_rates=() insert_pg_rates=() small_pg_rates=() large_pg_rates=()

get_phase() {
  say "round $round, floor (a): public GET through the gateway; $(uptime)"
  run_wrk "public-get-$round" "$GATEWAY/api/trading/instruments/$INSTRUMENT"
  get_rates+=("$rate")
  get_cpu_rates+=("$(awk -v r="$rate" -v s="${DURATION%s}" -v c="$cpu_ms" 'BEGIN { if (c > 0) printf "%.1f", r * s * 1000 / c; else print 0 }')")
}
small_phase() {
  say "round $round, single orders, book of $INSTRUMENT; $(uptime)"
  measure_orders "single-orders-small-book-$round" -s scripts/load/order.lua "$GATEWAY/api/trading/orders"
  small_rates+=("$orders_per_second")
  small_cpu_rates+=("${orders_per_cpu_second:-0}")
  small_pg_rates+=("${orders_per_pg_second:-0}")
  small_commits+=("$commits_per_order")
}
large_phase() {
  say "round $round, single orders, large book of $LARGE; $(uptime)"
  INSTRUMENT=$LARGE measure_orders "single-orders-large-book-$round" -s scripts/load/order.lua "$GATEWAY/api/trading/orders"
  large_rates+=("$orders_per_second")
  large_cpu_rates+=("${orders_per_cpu_second:-0}")
  large_pg_rates+=("${orders_per_pg_second:-0}")
  large_commits+=("$commits_per_order")
}
for round in $(seq 1 "$ROUNDS"); do
  [[ $PHASES == *[ab]* ]] || break
  phases=()
  [[ $PHASES == *a* ]] && phases+=(get_phase)
  phases+=(small_phase)
  [[ $PHASES == *b* ]] && phases+=(large_phase)
  if (( round % 2 == 0 )); then
    for (( i = ${#phases[@]} - 1; i >= 0; i-- )); do "${phases[i]}"; done
  else
    for phase in "${phases[@]}"; do "$phase"; done
  fi
done

if [[ $PHASES == *c* ]]; then
if [[ $PHASES == *[ab]* ]]; then
  # the warm-up above ran single orders: the batch endpoint's code (reading 100 orders, placing them together,
  # the writer's COPY) had run once, for the filling of the book, and the C2 compiler was still on it in the
  # measured batch rounds (14 to 19% of the JVM's CPU there, against 1 to 3% in the warm single-order rounds:
  # docs/benchmarks/trading-load-2026-12-02-session6-merged.txt)
  warm_batches
fi
"${PSQL[@]}" -d postgres -c "drop database if exists loadbench" -c "create database loadbench"
"${PSQL[@]}" -d loadbench -c "create table load_row (id bigserial primary key, instrument_id text not null,
  quantity bigint not null, price numeric(19,2) not null, placed_at timestamptz not null)"
for round in $(seq 1 "$ROUNDS"); do
  say "round $round; $(uptime)"
  measure_orders "batches-of-100-$round" -s scripts/load/batch.lua "$GATEWAY/api/trading/orders/batch"
  batch_rates+=("$orders_per_second")
  batch_cpu_rates+=("${orders_per_cpu_second:-0}")
  batch_commits+=("$commits_per_order")
  batch_pg_rates+=("${orders_per_pg_second:-0}")
  say "round $round, floor (c): pgbench, single-row inserts into the same PostgreSQL; $(uptime)"
  pg_before=$(pg_cpu_ms)
  pgbench -h 127.0.0.1 -p 15432 -U postgres -n -c "$CONNECTIONS" -j "$THREADS" -T "${DURATION%s}" \
    -f scripts/load/insert.sql loadbench > "$OUT/pgbench-$round.txt" 2>&1
  pg_ms=$(( $(pg_cpu_ms || echo 0) - ${pg_before:-0} ))
  [[ -n $pg_before ]] && echo "PostgreSQL CPU during the phase: $pg_ms ms" >> "$OUT/pgbench-$round.txt"
  cat "$OUT/pgbench-$round.txt"
  insert_rates+=("$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-$round.txt" | head -1)")
  transactions=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$OUT/pgbench-$round.txt")
  insert_pg_rates+=("$(awk -v n="${transactions:-0}" -v c="$pg_ms" 'BEGIN { if (c > 0) printf "%.1f", n * 1000 / c; else print 0 }')")
done
"${PSQL[@]}" -d postgres -c "drop database loadbench"
fi

get_rate=$(printf '%s\n' "${get_rates[@]}" | mean)
small=$(printf '%s\n' "${small_rates[@]}" | mean)
large=$(printf '%s\n' "${large_rates[@]}" | mean)
batched=$(printf '%s\n' "${batch_rates[@]}" | mean)
inserts=$(printf '%s\n' "${insert_rates[@]}" | mean)
echo "rounds: GET ${get_rates[*]}; single, small book ${small_rates[*]}; single, large book ${large_rates[*]};"
echo "        batches of 100 ${batch_rates[*]}; pgbench ${insert_rates[*]}"

say "ratios"
awk -v resting="$RESTING" -v small="$small" -v get="$get_rate" -v large="$large" -v batched="$batched" -v inserts="$inserts" 'BEGIN {
  if (get > 0) printf "(a) single orders/s %.1f / public GET/s %.1f = %.2f (target >= 0.7)\n", small, get, small / get
  if (large > 0) printf "(b) single orders/s with %s resting %.1f / with 100 %.1f = %.2f (target >= 0.9)\n", resting, large, small, large / small
  if (inserts > 0) printf "(c) orders/s in batches of 100 %.1f / pgbench inserts/s %.1f = %.2f (target >= 1.0)\n", batched, inserts, batched / inserts
}'
if [[ -n $stack ]]; then
  get_cpu=$(printf '%s\n' "${get_cpu_rates[@]}" | mean)
  small_cpu=$(printf '%s\n' "${small_cpu_rates[@]}" | mean)
  batch_cpu=$(printf '%s\n' "${batch_cpu_rates[@]}" | mean)
  echo "per JVM CPU second: GET ${get_cpu_rates[*]}; single orders ${small_cpu_rates[*]}; batched orders ${batch_cpu_rates[*]}"
  awk -v get="$get_cpu" -v small="$small_cpu" -v batched="$batch_cpu" 'BEGIN {
    if (get > 0) printf "(a, per CPU) single orders per JVM CPU second %.1f / GETs per JVM CPU second %.1f = %.2f\n", small, get, small / get
    if (batched > 0) printf "(c, per CPU) batched orders per JVM CPU second %.1f\n", batched
  }'
fi
if [[ -n $postmaster ]]; then
  batch_pg=$(printf '%s\n' "${batch_pg_rates[@]}" | mean)
  insert_pg=$(printf '%s\n' "${insert_pg_rates[@]}" | mean)
  echo "per PostgreSQL CPU second: batched orders ${batch_pg_rates[*]}; pgbench inserts ${insert_pg_rates[*]}"
  awk -v batched="$batch_pg" -v inserts="$insert_pg" 'BEGIN { if (inserts > 0)
    printf "(c, PostgreSQL CPU) batched orders per PostgreSQL CPU second %.1f / pgbench inserts per PostgreSQL CPU second %.1f = %.2f\n", batched, inserts, batched / inserts }'
fi
if (( ${#large_rates[@]} > 0 )); then
  echo "single orders per JVM CPU second: small book ${small_cpu_rates[*]}; large book ${large_cpu_rates[*]}"
  echo "single orders per PostgreSQL CPU second: small book ${small_pg_rates[*]}; large book ${large_pg_rates[*]}"
  awk -v small="$(printf '%s\n' "${small_cpu_rates[@]}" | mean)" -v large="$(printf '%s\n' "${large_cpu_rates[@]}" | mean)" \
    -v smallpg="$(printf '%s\n' "${small_pg_rates[@]}" | mean)" -v largepg="$(printf '%s\n' "${large_pg_rates[@]}" | mean)" 'BEGIN {
    if (small > 0) printf "(b, per JVM CPU) large book %.1f / small book %.1f = %.2f\n", large, small, large / small
    if (smallpg > 0) printf "(b, per PostgreSQL CPU) large book %.1f / small book %.1f = %.2f\n", largepg, smallpg, largepg / smallpg }'
fi
echo "trading database commits per order: single ${small_commits[*]}${large_commits[*]:+; single, large book ${large_commits[*]}}; in batches of 100 ${batch_commits[*]}"
echo "raw output: $OUT"
