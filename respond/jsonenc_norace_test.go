//go:build !race

// Design: tells the JSON encoder tests that the race detector is off.

package respond

// raceEnabled reports that the race detector is on.
const raceEnabled = false
