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

func TestRunServesYAML(t *testing.T) {
	base, stop := mustServe(t, "-nonce-ttl", "1m")
	defer stop()
	resp, err := http.Get(base + "/whatev/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if want := "greeting: Hello\nnoun: world\npunctuation: \"!\"\n"; resp.StatusCode != 200 || string(body) != want {
		t.Errorf("GET /whatev/: %d %q, want %q", resp.StatusCode, body, want)
	}
}

func TestRunRefusesBadArguments(t *testing.T) {
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"-nonce-ttl", "soon"}, `invalid value "soon" for flag -nonce-ttl`},
		{[]string{"-nope"}, "flag provided but not defined: -nope"},
		{[]string{"extra"}, `extending: unexpected argument "extra"`},
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
