#!/usr/bin/env bash
# Counts what one operation of a benchmark executes, with valgrind's
# callgrind: instructions (and, with -cache, simulated L1 misses and branch
# mispredictions). Unlike ns/op on a shared machine, the counts repeat from
# run to run, so a change of a few percent shows.
#
#   ./instr.sh [-pkg ./itty] [-cache] [-n N] REGEX...
#
# Each REGEX names one benchmark (anchored with $ at the end), of this
# module or, with -pkg, of a package of the library: for example
#   ./instr.sh 'Param1/itty' 'Param1/echo'
#   ./instr.sh -pkg ./itty -cache LookupGitHubAll
# The benchmark runs twice, N and 2N operations (-n, default 20000, 200 for
# the *All route lists), with GOGC=off, GOMAXPROCS=1 and asynchronous
# preemption off (callgrind needs the last); the counts per operation are
# the difference divided by N, so setup cancels out. Debian package:
# valgrind. Counts from the runtime's own background work remain: a few
# tens of instructions per operation for the short benchmarks.
set -euo pipefail
cd "$(dirname "$0")"
pkg=""
cache=false
n=""
while [ $# -gt 0 ]; do
  case "$1" in
    -pkg) pkg=$2; shift ;;
    -cache) cache=true ;;
    -n) n=$2; shift ;;
    -*) echo "instr.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
  shift
done
if [ $# -eq 0 ]; then
  sed -n '2,19p' "$0" >&2
  exit 2
fi
command -v valgrind >/dev/null || { echo "instr.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dir=$(pwd)
if [ -n "$pkg" ]; then
  (cd .. && go test -c -o "$work/b.test" "$pkg")
  dir=$(cd .. && cd "$pkg" && pwd)
else
  go test -c -o "$work/b.test" .
fi
opts=()
if $cache; then
  opts=(--cache-sim=yes --branch-sim=yes)
fi
# totals RUNS: the event names and totals of a run of RUNS operations.
totals() {
  (cd "$dir" && GOGC=off GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind "${opts[@]}" \
    --callgrind-out-file="$work/cg.$1" "$work/b.test" -test.run '^$' -test.bench "$re\$" \
    -test.benchtime "${1}x" -test.cpu 1 >/dev/null 2>"$work/err.$1")
  callgrind_annotate "$work/cg.$1" | awk '/^Events shown:/ { sub(/^Events shown: */, ""); print } /PROGRAM TOTALS/ { gsub(/\([^)]*\)|,|PROGRAM TOTALS/, ""); print }'
}
for re in "$@"; do
  runs=$n
  if [ -z "$runs" ]; then
    case "$re" in *All*) runs=200 ;; *) runs=20000 ;; esac
  fi
  a=$(totals "$runs")
  b=$(totals $((2 * runs)))
  names=($(echo "$a" | sed -n 1p))
  av=($(echo "$a" | sed -n 2p))
  bv=($(echo "$b" | sed -n 2p))
  out="$re:"
  for i in "${!names[@]}"; do
    out="$out ${names[$i]}=$(( (bv[i] - av[i]) / runs ))"
  done
  echo "$out"
done
