//go:build race

// Design: tells the JSON encoder tests that the race detector is on.

package respond

// raceEnabled reports that the race detector is on: it empties pools at
// random, so pooled scratch space may allocate.
const raceEnabled = true
