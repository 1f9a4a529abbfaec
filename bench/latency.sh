#!/usr/bin/env bash
# The latency benchmark of issue 10 (point 3): the whole suite against
# `dxconform serve --latency MS` must take at most 60 latency round trips, now and when the
# catalogue has grown threefold. Rerunnable: `bench/latency.sh [RUNS] [LATENCY_MS]`.
#
# It times, RUNS times each (median printed):
#   1x  one run of the suite with the default concurrency;
#   3x  three runs at once, each with a third of the default concurrency: the load of a
#       catalogue three times today's size through the same number of connections.
# and prints each median in seconds and in round trips (median / latency). Uses only
# bash, date and the release binary; needs nothing but the loopback interface.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
latency="${2:-50}"
cargo build --release --quiet
bin="$PWD/target/release/dxconform"
concurrency="$("$bin" run --help | sed -n 's/.*\[default: \([0-9]*\) against an endpoint.*/\1/p' | head -1)"
log="$(mktemp)"
"$bin" serve --listen 127.0.0.1:0 --user alice=bench-owner --user bob=bench-peer \
    --latency "$latency" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q '^listening on' "$log" && break; sleep 0.1; done
url="$(sed -n 's/^listening on //p' "$log")"
limit="$(sed -n 's/^export DXCONFORM_LIMIT_PROJECT=//p' "$log")"
expired="$(sed -n 's/^export DXCONFORM_EXPIRED_PROJECT=//p' "$log")"
args=(run --endpoint "$url" --token bench-owner --peer-token bench-peer
      --limit-project "$limit" --expired-project "$expired" --format terse)

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

one() {
    local t0; t0=$(now)
    "$bin" "${args[@]}" >/tmp/dxconform-bench-1x.log 2>&1
    echo $(( ($(now) - t0) / 1000000 ))
}
three() {
    local t0; t0=$(now)
    for i in 1 2 3; do
        "$bin" "${args[@]}" --concurrency $(( concurrency / 3 )) >"/tmp/dxconform-bench-3x-$i.log" 2>&1 &
    done
    wait
    echo $(( ($(now) - t0) / 1000000 ))
}

one >/dev/null # warm-up
ones=(); threes=()
for _ in $(seq "$runs"); do ones+=("$(one)"); threes+=("$(three)"); done
requests="$(sed -n 's/.*s, \([0-9]*\) requests.*/\1/p' /tmp/dxconform-bench-1x.log)"
cases="$(sed -n 's/^dxconform: \([0-9]*\) case(s) against.*/\1/p' /tmp/dxconform-bench-1x.log)"
m1="$(printf '%s\n' "${ones[@]}" | median)"
m3="$(printf '%s\n' "${threes[@]}" | median)"
echo "latency ${latency} ms, default concurrency ${concurrency}, ${runs} runs each"
echo "1x: ${cases} cases, ${requests} requests: median ${m1} ms = $(( m1 / latency )) round trips (runs: ${ones[*]})"
echo "3x: $(( cases * 3 )) cases: median ${m3} ms = $(( m3 / latency )) round trips (runs: ${threes[*]})"
echo "3x/1x: $(awk "BEGIN {printf \"%.2f\", $m3 / $m1}")"
