#!/usr/bin/env bash
# Runs every native fuzz target of the module, one at a time, for FUZZTIME
# each (default 30s), and stops at the first failure. Targets are found
# with `go test -list`, so a new Fuzz function is picked up without an edit
# here. A failing input is written by the go tool to the package's
# testdata/fuzz/<Target>/ directory; commit it as a regression seed.
#
#   bash .ci/fuzz.sh              # every target, 30s each
#   FUZZTIME=5s bash .ci/fuzz.sh  # a quick pass
#
# The fuzzing runs under Go 1.27 (GOTOOLCHAIN, fetched from the module
# proxy like any module): go1.26's fuzz coordinator can report a spurious
# "context deadline exceeded" failure when -fuzztime ends while a worker is
# mid-input (go.dev/issue/75804, fixed in 1.27.0), which a loaded CI machine
# hits now and then. FUZZ_GOTOOLCHAIN=local uses the machine's Go.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-30s}"
export GOTOOLCHAIN="${FUZZ_GOTOOLCHAIN:-go1.27.3}"
go version
start=$(date +%s)

# `go test -list` prints a package's matching names, then its "ok" line.
targets=()
names=()
while IFS= read -r line; do
  case "$line" in
    Fuzz*) names+=("$line") ;;
    ok*)
      pkg=$(awk '{print $2}' <<<"$line")
      for n in "${names[@]}"; do targets+=("$pkg $n"); done
      names=()
      ;;
    FAIL*|panic*) echo "listing fuzz targets failed: $line" >&2; exit 1 ;;
  esac
done < <(go test -list '^Fuzz' ./...)

if [ "${#targets[@]}" -eq 0 ]; then
  echo "no fuzz targets found" >&2
  exit 1
fi
echo "${#targets[@]} fuzz targets, ${fuzztime} each"
for t in "${targets[@]}"; do
  read -r pkg name <<<"$t"
  printf '\n== %s %s (%ss)\n' "$pkg" "$name" "$(( $(date +%s) - start ))"
  go test "$pkg" -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime"
done
printf '\nall %d fuzz targets passed in %ss\n' "${#targets[@]}" "$(( $(date +%s) - start ))"
