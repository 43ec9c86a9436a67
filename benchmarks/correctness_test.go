package benchmarks

import (
	"errors"
	"testing"

	"github.com/ittygo/itty/benchmarks/internal/bench"
)

// TestCorrectness checks that every framework answers every scenario as
// the scenario requires — status, body, and the parameters its handlers
// read — before any benchmark number counts. A scenario a framework has
// no form for (the baseline has no router for whole API sets) is skipped;
// any other failure fails.
func TestCorrectness(t *testing.T) {
	for _, sc := range bench.Scenarios() {
		t.Run(string(sc.ID), func(t *testing.T) {
			for _, fw := range bench.Frameworks() {
				t.Run(fw.Name, func(t *testing.T) {
					err := bench.Check(fw, sc)
					switch {
					case err == nil:
					case errors.Is(err, bench.ErrNotApplicable):
						t.Skipf("%s has no form of %s", fw.Name, sc.ID)
					default:
						t.Fatal(err)
					}
				})
			}
		})
	}
}
