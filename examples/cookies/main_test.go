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

func TestRunGreets(t *testing.T) {
	base, stop := mustServe(t, "-debug")
	defer stop()
	req, _ := http.NewRequest("GET", base+"/", nil)
	req.AddCookie(&http.Cookie{Name: "username", Value: "ann"})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `<h1 id="greeting">Hello, ann!</h1>`) {
		t.Errorf("GET /: %d\n%s", resp.StatusCode, body)
	}
}

func TestRunRefusesBadArguments(t *testing.T) {
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"-nope"}, "flag provided but not defined: -nope"},
		{[]string{"extra"}, `cookies: unexpected argument "extra"`},
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
