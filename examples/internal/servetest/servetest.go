// Package servetest starts an example program's run function on a free
// loopback port for its tests, and checks that it shuts down cleanly.
package servetest

import (
	"bufio"
	"context"
	"io"
	"strings"
	"testing"
	"time"
)

// Run is an example's entry point: it serves until ctx is done, writing
// its start-up line to out.
type Run func(ctx context.Context, args []string, out io.Writer) error

// MustServe runs the command (its run function) with args plus a free loopback port, and
// returns its base URL and a function that stops it and checks that it
// shut down cleanly.
func MustServe(t *testing.T, run Run, args ...string) (string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	errc := make(chan error, 1)
	go func() {
		errc <- run(ctx, append(args, "-addr", "127.0.0.1:0"), pw)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr) //nolint:errcheck // drain until the pipe closes
	const prefix = "itty 0.1.0: Now serving requests at "
	if err != nil || !strings.HasPrefix(line, prefix) || !strings.HasSuffix(line, "...\n") {
		cancel()
		t.Fatalf("start-up line %q (%v); exit: %v", line, err, <-errc)
	}
	base := strings.TrimSuffix(strings.TrimPrefix(line, prefix), "...\n")
	return base, func() {
		cancel()
		select {
		case err := <-errc:
			if err != nil {
				t.Errorf("run returned %v after shutdown", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("run did not return after shutdown")
		}
	}
}
