package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ittygo/itty/examples/internal/servetest"
)

// mustServe runs the command on a free loopback port; see servetest.
func mustServe(t *testing.T, args ...string) (string, func()) {
	t.Helper()
	return servetest.MustServe(t, run, args...)
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
