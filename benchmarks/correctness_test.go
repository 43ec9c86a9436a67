package benchmarks

import (
	"errors"
	"testing"

	"github.com/ittygo/itty/benchmarks/internal/bench"
)

// TestCorrectness checks that every framework answers every scenario as
// the scenario requires — status, body, and the parameters its handlers
// read — before any benchmark number counts. A scenario a framework has
// no form for (the baseline has no router for whole API sets) has no
// subtest; any failure fails.
func TestCorrectness(t *testing.T) {
	for _, sc := range bench.Scenarios() {
		t.Run(string(sc.ID), func(t *testing.T) {
			for _, fw := range bench.Frameworks() {
				if _, err := fw.Build(sc.ID); errors.Is(err, bench.ErrNotApplicable) {
					continue // no such form: no subtest, rather than a skipped one
				}
				t.Run(fw.Name, func(t *testing.T) {
					if err := bench.Check(fw, sc); err != nil {
						t.Fatal(err)
					}
				})
			}
		})
	}
}
