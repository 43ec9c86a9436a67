// Package leaktest checks that a test leaves no goroutine behind: servers
// closed, connections closed, handlers returned. It compares the
// goroutines running when the test ends with those that ran when it
// started, by goroutine id, and waits a little for the stragglers of a
// shutdown before it reports the rest with their stacks. It needs nothing
// outside the standard library.
package leaktest

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// ignored are goroutines a test may leave on purpose: the signal
// package's loop, started once per process by the first signal.Notify,
// and the testing package's own.
var ignored = []string{"os/signal.loop", "testing.(*T).Run", "testing.tRunner", "testing.runTests", "testing.(*M)."}

// Check fails t, when it and its cleanups have ended, if goroutines started
// during it are still running five seconds later. Call it first thing in
// the test, so that its cleanup runs last.
func Check(t testing.TB) {
	t.Helper()
	before := Goroutines()
	t.Cleanup(func() {
		if leaked := Wait(before, 5*time.Second); len(leaked) > 0 {
			t.Errorf("%d goroutines leaked:\n%s", len(leaked), strings.Join(leaked, "\n\n"))
		}
	})
}

// Wait waits up to timeout for the goroutines not in before to end, and
// returns the stacks of those still running.
func Wait(before map[string]string, timeout time.Duration) []string {
	deadline := time.Now().Add(timeout)
	for {
		var leaked []string
		for id, stack := range Goroutines() {
			if _, ok := before[id]; !ok && !isIgnored(stack) {
				leaked = append(leaked, stack)
			}
		}
		if len(leaked) == 0 || time.Now().After(deadline) {
			return leaked
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func isIgnored(stack string) bool {
	for _, s := range ignored {
		if strings.Contains(stack, s) {
			return true
		}
	}
	return false
}

// Goroutines maps the header line of each running goroutine ("goroutine
// 7") to its stack.
func Goroutines() map[string]string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[string]string{}
	for _, g := range strings.Split(string(buf), "\n\n") {
		id, _, _ := strings.Cut(g, " [")
		out[id] = g
	}
	return out
}
