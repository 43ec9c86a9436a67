package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
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

func TestRunSavesPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pages")
	base, stop := mustServe(t, "-pages", dir)
	defer stop()
	resp, err := http.PostForm(base+"/save/Home", map[string][]string{"body": {"Hello from the wiki."}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/view/Home" || !strings.Contains(string(body), `<div id="body">Hello from the wiki.</div>`) {
		t.Errorf("save then follow: %d %s\n%s", resp.StatusCode, resp.Request.URL, body)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "Home.txt")); err != nil || string(b) != "Hello from the wiki." {
		t.Errorf("Home.txt = %q, %v", b, err)
	}
}

func TestRunRefusesBadArguments(t *testing.T) {
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"-pages", "main.go"}, "wiki: mkdir main.go: "},
		{[]string{"-nope"}, "flag provided but not defined: -nope"},
		{[]string{"extra"}, `wiki: unexpected argument "extra"`},
		{[]string{"-addr", "127.0.0.1:99999", "-pages", t.TempDir()}, `itty: invalid listen address "127.0.0.1:99999"`},
	}
	for _, c := range cases {
		var out bytes.Buffer
		err := run(context.Background(), c.args, &out)
		if err == nil || !strings.HasPrefix(err.Error(), c.err) {
			t.Errorf("run %q = %v, want an error starting %q", c.args, err, c.err)
		}
	}
}
