// Package sink records the path parameters that routing handlers read, so
// the correctness test can check them while the benchmarks run the very
// same handlers.
//
// Recording costs one store into a package-level ring and never allocates.
// The ring is not safe for concurrent use: only in-process benchmarks and
// the correctness test, which serve one request at a time, read it.
package sink

const size = 64

var (
	ring [size]string
	n    int
)

// Add records one parameter value read by a handler.
func Add(v string) {
	ring[n&(size-1)] = v
	n++
}

// Reset forgets everything recorded.
func Reset() {
	clear(ring[:])
	n = 0
}

// Values returns a copy of the values recorded since the last Reset, in
// order. It reports false when more values were recorded than it keeps.
func Values() ([]string, bool) {
	if n > size {
		return nil, false
	}
	return append([]string(nil), ring[:n]...), true
}
