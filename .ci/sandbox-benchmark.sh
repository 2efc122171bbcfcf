#!/usr/bin/env bash
# The sandbox at a million payments (issue 10 §7). Not part of `swift test`. Run after
#   swift build -c release --product useepay
# Seeds a fresh file database with N payment intents (timed), then prints p50/p90 over RUNS curl
# requests of the first page and of a page deep in the list, beside curl of GET /__sandbox/clock on
# the same server in the same run (the yardstick: HTTP and process floor, no list work).
set -euo pipefail
BIN=${BIN:-.build/release/useepay}
N=${N:-1000000}
RUNS=${RUNS:-50}
DIR=$(mktemp -d)
DB="$DIR/bench.sqlite"
LOG="$DIR/serve.log"
started=$(date +%s.%N)
"$BIN" sandbox serve --db "$DB" --seed "$N" --seed-days 14 --port 0 >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR"' EXIT
until grep -qs "Base URL" "$LOG"; do
    kill -0 $PID 2>/dev/null || { cat "$LOG"; exit 1; }
    sleep 0.2
done
ready=$(date +%s.%N)
URL=$(awk '/Base URL/ {print $3}' "$LOG")
AUTH=(-H "x-merchant-no: 500000000000001" -H "x-app-id: sandbox.useepay.local" -H "x-api-key: UseePay_SK_sandbox_0000000000000000")

# p50 and p90 in milliseconds of RUNS sequential requests (after 3 warm-up requests).
measure() {
    for _ in 1 2 3; do curl -s -o /dev/null "${AUTH[@]}" "$1"; done
    for _ in $(seq "$RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' "${AUTH[@]}" "$1"; done | sort -n |
        awk '{t[NR]=$1*1000} END {printf "p50 %7.2f ms   p90 %7.2f ms", t[int(NR*0.5+0.5)], t[int(NR*0.9+0.5)]}'
}

total=$(curl -s "${AUTH[@]}" "$URL/api/v1/payment_intents?page_size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
deep=$(( total / 100 / 2 ))
printf 'sandbox benchmark: %s payment intents seeded in %.1f s (start to listening, %s build)\n' "$total" \
    "$(echo "$ready - $started" | bc)" "$(basename "$(dirname "$BIN")")"
printf '  %-58s %s\n' "curl GET /__sandbox/clock (yardstick)" "$(measure "$URL/__sandbox/clock")"
printf '  %-58s %s\n' "first page  /api/v1/payment_intents?page_size=20" "$(measure "$URL/api/v1/payment_intents?page_size=20")"
printf '  %-58s %s\n' "first page  /api/v1/payment_intents?page_size=100" "$(measure "$URL/api/v1/payment_intents?page_size=100")"
printf '  %-58s %s\n' "deep page   ?page_num=$deep&page_size=100" "$(measure "$URL/api/v1/payment_intents?page_num=$deep&page_size=100")"
printf '  %-58s %s\n' "last page   ?page_num=$(( total / 100 ))&page_size=100" "$(measure "$URL/api/v1/payment_intents?page_num=$(( total / 100 ))&page_size=100")"
printf '  %-58s %s\n' "status filter ?status=requires_capture&page_num=$(( deep / 10 ))" \
    "$(measure "$URL/api/v1/payment_intents?status=requires_capture&page_num=$(( deep / 10 ))&page_size=100")"
