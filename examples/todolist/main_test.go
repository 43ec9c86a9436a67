package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
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

func TestRunServesTheList(t *testing.T) {
	data := filepath.Join(t.TempDir(), "todo.json")
	base, stop := mustServe(t, "-data", data, "-trusted-proxy", "127.0.0.1", "-debug=false")
	defer stop()
	resp, err := http.PostForm(base+"/create/", map[string][]string{"todo": {"Take a nap"}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/" || !strings.Contains(string(body), `<span class="item">Take a nap</span>`) {
		t.Errorf("create then follow: %d %s\n%s", resp.StatusCode, resp.Request.URL, body)
	}
}

func TestRunRefusesBadArguments(t *testing.T) {
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"-trusted-proxy", "localhost"}, `invalid value "localhost" for flag -trusted-proxy: itty: trusted proxy "localhost" is neither an IP address nor a CIDR prefix`},
		{[]string{"-nope"}, "flag provided but not defined: -nope"},
		{[]string{"extra"}, `todolist: unexpected argument "extra"`},
		{[]string{"-data", "main.go"}, "todolist: main.go is not a TODO list"},
		{[]string{"-addr", "127.0.0.1:99999", "-data", filepath.Join(t.TempDir(), "d.json")}, `itty: invalid listen address "127.0.0.1:99999"`},
	}
	for _, c := range cases {
		var out bytes.Buffer
		err := run(context.Background(), c.args, &out)
		if err == nil || !strings.HasPrefix(err.Error(), c.err) {
			t.Errorf("run %q = %v, want an error starting %q", c.args, err, c.err)
		}
	}
}
