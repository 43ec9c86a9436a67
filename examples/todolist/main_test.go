package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
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
