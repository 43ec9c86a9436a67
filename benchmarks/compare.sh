#!/usr/bin/env bash
# Compares benchmarks between two revisions of the repository on a noisy
# machine: each revision's test binary is built once, then the two are run
# alternately, round after round, so that a burst of noise hits both; the
# minimum and the median ns/op of each benchmark are printed per revision.
#
#   ./compare.sh OLD NEW REGEX            benchmark REGEX of this module (peers and itty)
#   ./compare.sh -pkg ./itty OLD NEW REGEX a package of the library instead
#
# OLD and NEW are git revisions; "." is the working tree as it is.
# Options: -rounds N (default 8), -benchtime D (default 300ms).
# Example: ./compare.sh HEAD . 'Param1/itty|GitHubAll/itty'
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=8
benchtime=300ms
pkg=""
while [ $# -gt 3 ]; do
  case "$1" in
    -rounds) rounds=$2; shift ;;
    -benchtime) benchtime=$2; shift ;;
    -pkg) pkg=$2; shift ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ $# -ne 3 ]; then
  sed -n '2,13p' "$0" >&2
  exit 2
fi
old=$1 new=$2 regex=$3
work=$(mktemp -d)
cleanup() {
  for d in "$work"/src-*; do
    [ -d "$d" ] && git -C "$root" worktree remove --force "$d"
  done
  rm -rf "$work"
}
trap cleanup EXIT

# build REV NAME: the test binary of REV as $work/NAME.test
build() {
  local src=$root
  if [ "$1" != "." ]; then
    src=$work/src-$2
    git -C "$root" worktree add -q --detach "$src" "$1"
  fi
  if [ -z "$pkg" ]; then
    (cd "$src/benchmarks" && go test -c -o "$work/$2.test" .)
  else
    (cd "$src" && go test -c -o "$work/$2.test" "$pkg")
  fi
}
build "$old" old
build "$new" new

# Run where the package lives: the library's benchmarks read ../shared.
rundir=$root/benchmarks
[ -n "$pkg" ] && rundir=$root/${pkg#./}
cd "$rundir"
for i in $(seq "$rounds"); do
  for v in old new; do
    "$work/$v.test" -test.run '^$' -test.bench "$regex" -test.benchtime "$benchtime" |
      awk -v v="$v" '/^Benchmark/ { print $1, v, $3 }'
  done
done | sort -k1,1 -k2,2 -k3,3n | awk '
  { k = $1 " " $2; vals[k] = vals[k] " " $3 }
  END {
    for (k in vals) {
      n = split(vals[k], x, " ")
      printf "%-50s min %10s  median %10s  (%d runs)\n", k, x[1], x[int((n + 1) / 2)], n
    }
  }' | sort
