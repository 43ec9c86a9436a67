// Package benchmarks compares itty with the hand-written net/http baseline,
// net/http's ServeMux, httprouter, chi, gin, echo, huma and fuego on the
// same scenarios: the same requests, the same checked replies.
//
// TestCorrectness checks that every framework answers every scenario
// correctly; the benchmarks (BenchmarkXxx, one sub-benchmark per framework)
// verify their app again before timing it. cmd/load runs the typed
// endpoint on real loopback servers, and run.sh runs everything and prints
// the tables (see docs/benchmarks.md).
//
// The scenarios and every framework's apps live in internal/bench.
package benchmarks
