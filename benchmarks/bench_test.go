package benchmarks

import (
	"errors"
	"testing"

	"github.com/ittygo/itty/benchmarks/internal/bench"
)

// run benchmarks scenario id on every framework. Each sub-benchmark builds
// its app, verifies every reply once (a wrong answer is fatal: no number
// counts for it), then serves the scenario's requests through the same
// reusable recorder and replayed requests, b.N times.
func run(b *testing.B, id bench.ID) {
	sc := bench.ScenarioByID(id)
	for _, fw := range bench.Frameworks() {
		if _, err := fw.Build(id); errors.Is(err, bench.ErrNotApplicable) {
			continue // no such form (the baseline has no router for API sets): no sub-benchmark
		}
		b.Run(fw.Name, func(b *testing.B) {
			h, err := fw.Build(id)
			if err != nil {
				b.Fatal(err)
			}
			r := bench.NewRunner(h, sc)
			if err := r.Verify(); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				r.Op()
			}
		})
	}
}

func BenchmarkStatic(b *testing.B)         { run(b, bench.Static) }
func BenchmarkParam1(b *testing.B)         { run(b, bench.Param1) }
func BenchmarkParam5(b *testing.B)         { run(b, bench.Param5) }
func BenchmarkParam20(b *testing.B)        { run(b, bench.Param20) }
func BenchmarkGitHubAll(b *testing.B)      { run(b, bench.GitHubAll) }
func BenchmarkParseAll(b *testing.B)       { run(b, bench.ParseAll) }
func BenchmarkGPlusAll(b *testing.B)       { run(b, bench.GPlusAll) }
func BenchmarkNotFound(b *testing.B)       { run(b, bench.NotFound) }
func BenchmarkTyped(b *testing.B)          { run(b, bench.Typed) }
func BenchmarkTypedValidated(b *testing.B) { run(b, bench.TypedValidated) }
func BenchmarkForm(b *testing.B)           { run(b, bench.Form) }
func BenchmarkMultipart(b *testing.B)      { run(b, bench.Multipart) }
