package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ittygo/itty/examples/internal/servetest"
)

// mustServe runs the command on a free loopback port; see servetest.
func mustServe(t *testing.T, args ...string) (string, func()) {
	t.Helper()
	return servetest.MustServe(t, run, args...)
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
