#!/usr/bin/env bash
# Runs the itty benchmark suite and prints its markdown tables.
#
#   ./run.sh              correctness test, every benchmark 10 times (ten
#                         passes over all of them), the loopback load test
#                         of every framework, the paired load test of the
#                         baseline and itty, then the tables and the goals
#   ./run.sh -short       CI: unit and correctness tests, every benchmark
#                         once (-benchtime=1x), a short load smoke run, the
#                         tables of that run
#
# Options (or the environment variable in brackets):
#   -count N        [COUNT, default 10]     runs (passes) of every benchmark
#   -benchtime D    [BENCHTIME, default 1s] go test -benchtime
#   -bench REGEX    [BENCH, default .]      which benchmarks
#   -load-duration D [LOAD_DURATION, 3s]    measured load per framework and round
#   -load-rounds N  [LOAD_ROUNDS, 8]
#   -load-conns N   [LOAD_CONNS, 8]
#   -load-pair-rounds N [LOAD_PAIR_ROUNDS, 30] rounds of the paired test
#                                           (0: none)
#   -load-generator G [LOAD_GENERATOR, wrk] wrk (its own process) or go
#   -load-nopin     [LOAD_PIN=0]            do not split the CPUs (below)
#   -noload                                  skip the loopback load test
#
# The load test needs wrk (Debian package wrk). On a machine with two or
# more CPUs it gives the server its first allowed CPU (GOMAXPROCS=1) and
# wrk the second, with taskset, so that the two never wait for each other's
# time slices and the latency tail is the server's own.
#
# The paired load test runs the baseline and itty alone, taking turns, so
# that each round's two loads are adjacent in time; the loopback goal is
# judged on it (see cmd/tables), because a ratio of two loads up to half a
# minute apart moves with the machine more than with the framework.
#
# Raw outputs are kept in benchmarks/out/ (bench.txt, load.txt,
# load-paired.txt, tables.md), with the binaries built for the run.
set -euo pipefail
cd "$(dirname "$0")"

short=false
noload=false
count=${COUNT:-10}
benchtime=${BENCHTIME:-1s}
bench=${BENCH:-.}
load_duration=${LOAD_DURATION:-3s}
load_rounds=${LOAD_ROUNDS:-8}
load_conns=${LOAD_CONNS:-8}
load_pair_rounds=${LOAD_PAIR_ROUNDS:-30}
load_generator=${LOAD_GENERATOR:-wrk}
load_pin=${LOAD_PIN:-1}
while [ $# -gt 0 ]; do
  case "$1" in
    -short) short=true ;;
    -noload) noload=true ;;
    -count) count=$2; shift ;;
    -benchtime) benchtime=$2; shift ;;
    -bench) bench=$2; shift ;;
    -load-duration) load_duration=$2; shift ;;
    -load-rounds) load_rounds=$2; shift ;;
    -load-conns) load_conns=$2; shift ;;
    -load-pair-rounds) load_pair_rounds=$2; shift ;;
    -load-generator) load_generator=$2; shift ;;
    -load-nopin) load_pin=0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if $short; then
  count=1 benchtime=1x load_duration=1s load_rounds=1 load_conns=2 load_pair_rounds=1
fi

mkdir -p out
run() { echo "+ $*" >&2; "$@"; }

echo "== machine" >&2
echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $(go version)" >&2

# Build everything once, so that every pass measures the same code even if
# the working tree changes during the run.
echo "== build" >&2
run go test -c -o out/bench.test .
run go build -o out/load ./cmd/load
run go build -o out/tables ./cmd/tables

if $short; then
  echo "== vet, unit and correctness tests" >&2
  run go vet ./...
  run go test -count=1 ./...
else
  echo "== correctness test" >&2
  run ./out/bench.test -test.run TestCorrectness -test.count 1
fi

# -count passes, each running every benchmark once: a burst of noise on the
# machine then hits one sample of many frameworks rather than every sample
# of one.
echo "== benchmarks: $count passes, -benchtime $benchtime" >&2
: > out/bench.txt
for i in $(seq 1 "$count"); do
  echo "-- pass $i/$count" >&2
  run ./out/bench.test -test.run '^$' -test.bench "$bench" -test.count 1 -test.benchtime "$benchtime" -test.timeout 0 | tee -a out/bench.txt
done

: > out/load.txt
: > out/load-paired.txt
if ! $noload; then
  echo "== loopback load test" >&2
  warmup=1s
  if $short; then warmup=0s; fi
  # The CPUs this shell may use, one per line.
  cpus=$(grep '^Cpus_allowed_list:' /proc/self/status | cut -f2 | tr ',' '\n' |
    while IFS=- read -r a b; do seq "$a" "${b:-$a}"; done)
  pin=() pinargs=()
  if [ "$load_generator" = wrk ] && [ "$load_pin" = 1 ] && [ "$(echo "$cpus" | wc -l)" -ge 2 ]; then
    server_cpu=$(echo "$cpus" | sed -n 1p) wrk_cpu=$(echo "$cpus" | sed -n 2p)
    pin=(env GOMAXPROCS=1 taskset -c "$server_cpu")
    pinargs=(-wrk-cpus "$wrk_cpu")
  fi
  # What both load tests share: pinning, generator, scenario and timing.
  load=("${pin[@]}" ./out/load -generator "$load_generator" "${pinargs[@]}" -scenario Typed
    -duration "$load_duration" -warmup "$warmup" -conns "$load_conns")
  run "${load[@]}" -rounds "$load_rounds" | tee out/load.txt
  if [ "$load_pair_rounds" -gt 0 ]; then
    echo "== paired loopback load test: baseline and itty" >&2
    run "${load[@]}" -paired -frameworks baseline,itty -rounds "$load_pair_rounds" | tee out/load-paired.txt
  fi
fi

echo "== tables" >&2
run ./out/tables -goals out/bench.txt out/load.txt out/load-paired.txt | tee out/tables.md
