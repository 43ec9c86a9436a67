package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// mustServe runs the command with args plus a free loopback port, and
// returns its base URL and a function that stops it and checks that it
// shut down cleanly.
func mustServe(t *testing.T, args ...string) (string, func()) {
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

func TestRunServesAssets(t *testing.T) {
	for _, args := range [][]string{nil, {"-static", "app/static_media"}} {
		base, stop := mustServe(t, args...)
		resp, err := http.Get(base + "/static/css/default.css")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(string(body), "/* The stylesheet of the static example") {
			t.Errorf("%q: GET the stylesheet: %d\n%s", args, resp.StatusCode, body)
		}
		stop()
	}
}

func TestRunRefusesBadArguments(t *testing.T) {
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"-static", "no/such/dir"}, "itty: static /static/: "},
		{[]string{"-nope"}, "flag provided but not defined: -nope"},
		{[]string{"extra"}, `static: unexpected argument "extra"`},
		{[]string{"-addr", "127.0.0.1:99999"}, `itty: invalid listen address "127.0.0.1:99999"`},
	}
	for _, c := range cases {
		var out bytes.Buffer
		err := run(context.Background(), c.args, &out)
		if err == nil || !strings.HasPrefix(err.Error(), c.err) {
			t.Errorf("run %q = %v, want an error starting %q", c.args, err, c.err)
		}
	}
}
