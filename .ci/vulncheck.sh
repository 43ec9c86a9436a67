#!/usr/bin/env bash
# vulncheck.sh: govulncheck over every module of the repository.
#
# vuln.go.dev cannot be reached from CI machines, so the database is built
# here, offline, from the OSV files of a pinned golang.org/x/vulndb module
# version (served by the Go module proxy) with vulndb's own indexdb command.
# Pinning makes the result reproducible; bump VULNDB to pick up new reports.
#
# Two passes:
#  1. the machine's Go: any finding in a third-party module fails (at module,
#     package or symbol level) unless .ci/vuln-allow.txt names it for that
#     module; standard-library findings are printed as advisories for this
#     toolchain.
#  2. the newest Go toolchain the module proxy serves here (GOTOOLCHAIN): the
#     library and the openapi module must have no finding at all, standard
#     library included, so a user who builds with a current Go is clean.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
VULN=v1.9.0
VULNDB=v0.0.0-20261105234957-e22db6528018
NEWGO=go1.27.3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" &&
  GOBIN="$work/bin" go install "golang.org/x/vuln/cmd/govulncheck@$VULN" &&
  GOBIN="$work/bin" go install "golang.org/x/vulndb/cmd/indexdb@$VULNDB" &&
  GOTOOLCHAIN=$NEWGO GOBIN="$work/bin-new" go install "golang.org/x/vuln/cmd/govulncheck@$VULN")
osv=$(cd "$work" && go mod download -json "golang.org/x/vulndb@$VULNDB" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
"$work/bin/indexdb" -vulns "$osv/data/osv" -out "$work/db"
echo "database: golang.org/x/vulndb@$VULNDB ($(ls "$osv/data/osv" | wc -l) reports)"

status=0
check() { # check GOVULNCHECK TOOLCHAIN MODULE STDLIB-POLICY
  echo "module $3 ($2):"
  (cd "$root/$3" && GOTOOLCHAIN=$2 "$1" -db "file://$work/db" -format json ./...) >"$work/out.json"
  go run "$root/.ci/vulncheck/main.go" -module "$3" -allow "$root/.ci/vuln-allow.txt" \
    -stdlib "$4" <"$work/out.json" || status=1
}
for mod in . openapi e2e benchmarks; do
  check "$work/bin/govulncheck" local "$mod" report
done
for mod in . openapi; do
  check "$work/bin-new/govulncheck" "$NEWGO" "$mod" fail
done
exit $status
